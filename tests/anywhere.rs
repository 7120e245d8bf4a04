//! The game carries what it ships: the test binary, copied to an empty folder and started
//! from another, with no `BIGTUNA_DATA` and a home of its own, prints its version, lists and
//! validates the built-in pack, renders the title (screenshot) and plays a scripted game; with
//! no Vulkan driver it draws with OpenGL, and with no driver at all it says what to install;
//! on a Wayland desktop (headless weston) it opens its window there, with Vulkan or OpenGL.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::screens::{XVFB, shots_dir, text_pixel_share};
use crate::support::root;
use bigtuna::pack::media_check::Depth;
use bigtuna::pack::{PackLibrary, PackPlace, PackSource};

/// The game, copied alone into a folder of its own.
struct Copied {
    _dir: tempfile::TempDir,
    binary: PathBuf,
    /// The folder it is started from (empty), and the user's home (empty at first).
    elsewhere: tempfile::TempDir,
}

impl Copied {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let binary = dir.path().join("bigtuna");
        std::fs::copy(env!("CARGO_BIN_EXE_bigtuna"), &binary).expect("the game copied");
        let elsewhere = tempfile::tempdir().expect("a scratch folder");
        std::fs::create_dir_all(elsewhere.path().join("home")).expect("a home");
        Self { _dir: dir, binary, elsewhere }
    }

    /// `program` (the game, or xvfb-run with it) as a user with nothing of the checkout.
    fn command(&self, program: &Path) -> Command {
        let home = self.elsewhere.path().join("home");
        let mut command = Command::new(program);
        command
            .current_dir(self.elsewhere.path())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"));
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(&self.binary).args(args).output().expect("the game runs")
    }

    /// Under Xvfb.
    fn play(&self, args: &[&str]) -> Output {
        self.play_with(args, &[])
    }

    fn play_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = self.command(Path::new("xvfb-run"));
        command.args(["-a", "-s", "-screen 0 1280x720x24"]).arg(&self.binary).arg("play").args(args);
        command.envs(env.iter().copied()).output().expect("xvfb-run runs (the README's test command installs it)")
    }
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Every file under `quizzes/`, by its path there.
fn quizzes_files() -> Vec<String> {
    let quizzes = root().join("quizzes");
    let mut files = Vec::new();
    let mut folders = vec![quizzes.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("a folder of quizzes/").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(inside) = path.strip_prefix(&quizzes) {
                files.push(inside.to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_built_in_pack_file_and_media_file_is_in_the_binary_as_it_is_in_the_checkout() {
    let files = quizzes_files();
    let packs: Vec<&String> = files.iter().filter(|name| name.ends_with(".ron")).collect();
    let shipped: Vec<&str> = bigtuna::shipped::PACKS.iter().map(|(name, _)| *name).collect();
    assert_eq!(packs, shipped, "add a new pack file of quizzes/ to shipped::PACKS");
    let media: Vec<&String> = files.iter().filter(|name| !name.ends_with(".ron")).collect();
    let shipped: Vec<&str> = bigtuna::shipped::MEDIA.iter().map(|(name, _)| *name).collect();
    assert_eq!(media, shipped, "add a new media file of quizzes/ to shipped::MEDIA");
    // The binary's packs play whole: every media file each names is there, and reads.
    let library = PackLibrary::load_sources_with(&[PackPlace::Shipped], Depth::Decode);
    assert!(library.problems().next().is_none(), "{:#?}", library.problems().collect::<Vec<_>>());
    let from_disk =
        PackLibrary::load_sources_with(&[PackPlace::Disk(root().join("quizzes"), PackSource::Builtin)], Depth::Decode);
    let ids = |l: &PackLibrary| l.packs.iter().map(|p| (p.id.clone(), p.questions.len())).collect::<Vec<_>>();
    assert_eq!(ids(&library), ids(&from_disk));
    let pictured = library.questions().filter(|(_, q)| !q.media().is_empty()).count();
    assert!(pictured >= 10, "the demo's picture and sound questions play from the binary: {pictured}");
}

#[test]
fn the_game_copied_alone_to_an_empty_folder_lists_validates_renders_and_plays() {
    let game = Copied::new();
    let version = game.run(&["--version"]);
    assert_eq!(text(&version).trim(), format!("bigtuna {}", env!("CARGO_PKG_VERSION")));
    let packs = text(&game.run(&["packs"]));
    assert!(packs.contains("jim-halpert  \"Jim Halpert: Big Tuna Trivia\""), "{packs}");
    assert!(packs.contains("from:         built-in (built in: jim-halpert.ron)"), "{packs}");
    let validated = game.run(&["validate"]);
    assert_eq!(validated.status.code(), Some(0), "{}", text(&validated));
    assert!(text(&validated).ends_with(": all valid\n"), "{}", text(&validated));

    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = shots_dir().join("anywhere");
    std::fs::create_dir_all(&dir).expect("a screenshot folder");
    // Only this test's shots: the others of this file write theirs here at the same time.
    for old in ["title.png", "results.png"] {
        let _ = std::fs::remove_file(dir.join(old));
    }
    let title = dir.join("title.png");
    let shot = game.play(&["--exit-after-frames", "60", "--screenshot", title.to_str().expect("utf-8 path")]);
    assert!(shot.status.success(), "{}", String::from_utf8_lossy(&shot.stderr));
    assert!(text_pixel_share(&title) > 0.004, "the title is drawn, in the game's own fonts");
    play_a_party(&game, &dir, "results.png", &[]);
}

/// A party of two from the command line, with `env`: each reveals, the host ends the night at
/// the third question, and the game's record is written in the new home; its log.
fn play_a_party(game: &Copied, dir: &Path, results: &str, env: &[(&str, &str)]) -> String {
    let script = format!(
        "wait:40,f2,wait:10,enter,wait:10,enter,wait:10,f2,wait:10,enter,wait:10,enter,wait:10,f4,wait:30,shot:{}",
        results.trim_end_matches(".png")
    );
    let dir_arg = dir.to_str().expect("utf-8 path");
    let args = [
        "--mode",
        "everyone",
        "--players",
        "Ann,Bo",
        "--count",
        "5",
        "--seed",
        "3",
        "--timer",
        "off",
        "--script",
        &script,
    ];
    let _ = std::fs::remove_file(dir.join(results));
    let played = game.play_with(&[&args[..], &["--screenshot-dir", dir_arg]].concat(), env);
    let log = String::from_utf8_lossy(&played.stderr).into_owned();
    assert!(played.status.success(), "{log}");
    let games = game.elsewhere.path().join("home/.local/share/bigtuna/games");
    let (records, broken) = bigtuna::cli::history::read(&games);
    assert!(broken.is_empty(), "{broken:?}");
    let [record] = &records[..] else { panic!("one game, one record in {}:\n{log}", games.display()) };
    assert_eq!(record.players.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Ann", "Bo"]);
    assert!(record.rounds.len() >= 2, "two questions played: {}\n{log}", record.rounds.len());
    assert!(text_pixel_share(&dir.join(results)) > 0.004, "the results are drawn: {log}");
    log
}

/// The Vulkan loader finds no driver where these point.
const NO_VULKAN: [(&str, &str); 2] =
    [("VK_ICD_FILENAMES", "/nonexistent/icd.json"), ("VK_DRIVER_FILES", "/nonexistent/icd.json")];

/// What the game logs when it draws with OpenGL (`graphics`), and Bevy's word for the adapter.
const DRAWS_WITH_OPENGL: [&str; 2] = ["drawing with OpenGL", "backend: Gl"];

#[test]
fn with_no_vulkan_driver_the_game_draws_with_opengl_and_plays() {
    let game = Copied::new();
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = shots_dir().join("anywhere");
    std::fs::create_dir_all(&dir).expect("a screenshot folder");
    let title = dir.join("title-opengl.png");
    let _ = std::fs::remove_file(&title);
    let shot = ["--exit-after-frames", "60", "--screenshot", title.to_str().expect("utf-8 path")];
    let run = game.play_with(&shot, &NO_VULKAN);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    for words in DRAWS_WITH_OPENGL {
        assert!(said.contains(words), "{words}: {said}");
    }
    assert!(text_pixel_share(&title) > 0.004, "the title is drawn with OpenGL: {said}");
    let log = play_a_party(&game, &dir, "results-opengl.png", &NO_VULKAN);
    assert!(log.contains(DRAWS_WITH_OPENGL[0]), "{log}");
}

#[test]
fn with_vulkan_at_hand_the_game_does_not_open_opengl() {
    let game = Copied::new();
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let run = game.play(&["--exit-after-frames", "5"]);
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{said}");
    assert!(said.contains("backend: Vulkan"), "{said}");
    assert!(!said.contains(DRAWS_WITH_OPENGL[0]) && !said.contains("wgpu_hal::gles"), "{said}");
}

#[test]
fn with_no_graphics_driver_at_all_the_game_says_what_to_install_and_does_not_panic() {
    let game = Copied::new();
    let _turn = XVFB.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    // libglvnd's EGL finds no vendor where this points: OpenGL is gone too.
    let none = [NO_VULKAN[0], NO_VULKAN[1], ("__EGL_VENDOR_LIBRARY_FILENAMES", "/nonexistent/egl.json")];
    for backend in [None, Some("gl")] {
        let env: Vec<(&str, &str)> = none.iter().copied().chain(backend.map(|gl| ("WGPU_BACKEND", gl))).collect();
        let run = game.play_with(&["--exit-after-frames", "5"], &env);
        let said = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(bigtuna::no_gpu::EXIT_NO_GPU), "{backend:?}: {said}");
        assert!(said.contains("sudo apt install mesa-vulkan-drivers libegl1 libgl1-mesa-dri"), "{said}");
        assert!(!said.contains("panicked") && !said.contains("backtrace"), "{backend:?}: {said}");
    }
}

#[test]
fn the_release_files_come_from_the_game_man_pages_completions_and_icon() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let made = Command::new(env!("CARGO_BIN_EXE_bigtuna")).arg("package-files").arg(dir.path()).output().expect("runs");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(read("bigtuna.6").contains(".TH bigtuna 6"), "a page of section 6, games");
    // A page for each command the first one names, and none for the hidden packager's own.
    for command in ["play", "validate", "packs", "sheet", "new-pack", "import", "export", "flags", "history", "results"]
    {
        assert!(read(&format!("bigtuna-{command}.6")).contains(&format!(".TH bigtuna-{command} 6")), "{command}");
        assert!(read("bigtuna.bash").contains(command) && read("bigtuna.fish").contains(command), "{command}");
    }
    assert!(!dir.path().join("bigtuna-package-files.6").exists());
    assert!(read("_bigtuna").starts_with("#compdef bigtuna"), "zsh");
    let decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(dir.path().join("bigtuna.png")).expect("icon")));
    let mut icon = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; icon.output_buffer_size().expect("a size")];
    let info = icon.next_frame(&mut pixels).expect("its pixels");
    assert_eq!((info.width, info.height, info.color_type), (256, 256, png::ColorType::Rgba));
    assert_eq!(pixels, bigtuna::window::icon_of_side(256), "the window's own drawing");
}

/// A headless Wayland desktop (weston), stopped when dropped.
struct Weston {
    child: std::process::Child,
    runtime: tempfile::TempDir,
    socket: &'static str,
}

impl Weston {
    fn start(game: &Copied) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let runtime = tempfile::tempdir().expect("a runtime folder");
        std::fs::set_permissions(runtime.path(), std::fs::Permissions::from_mode(0o700)).expect("its mode");
        let socket = "wl-bigtuna-test";
        let child = game
            .command(Path::new("weston"))
            .args(["--backend=headless-backend.so", "--width=1280", "--height=720"])
            .arg(format!("--socket={socket}"))
            .env("XDG_RUNTIME_DIR", runtime.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("weston runs (the README's test command installs it)");
        let weston = Self { child, runtime, socket };
        // Bounded: ten seconds for its socket to appear.
        let up = (0..100).any(|_| {
            let there = weston.runtime.path().join(socket).exists();
            if !there {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            there
        });
        assert!(up, "weston made no socket in ten seconds");
        weston
    }
}

impl Drop for Weston {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The game's title on a headless weston, with `env` beside the Wayland desktop's; its log.
fn title_on_wayland(name: &str, env: &[(&str, &str)]) -> String {
    let game = Copied::new();
    let weston = Weston::start(&game);
    let dir = shots_dir().join("anywhere");
    std::fs::create_dir_all(&dir).expect("a screenshot folder");
    let title = dir.join(name);
    let _ = std::fs::remove_file(&title);
    // No DISPLAY (the command starts from an empty environment): X11 is out of reach.
    let run = game
        .command(&game.binary)
        .args(["play", "--exit-after-frames", "60", "--screenshot", title.to_str().expect("utf-8 path")])
        .env("XDG_RUNTIME_DIR", weston.runtime.path())
        .env("WAYLAND_DISPLAY", weston.socket)
        .envs(env.iter().copied())
        .output()
        .expect("the game runs");
    let log = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "{log}");
    assert!(log.contains("Creating new window"), "{log}");
    assert!(text_pixel_share(&title) > 0.004, "the title is drawn on Wayland: {log}");
    log
}

#[test]
fn on_a_wayland_desktop_the_game_opens_its_window_there_and_draws_the_title() {
    let log = title_on_wayland("title-wayland.png", &[]);
    assert!(log.contains("backend: Vulkan"), "{log}");
}

#[test]
fn on_a_wayland_desktop_with_no_vulkan_driver_opengl_draws_the_title_there() {
    let log = title_on_wayland("title-wayland-opengl.png", &NO_VULKAN);
    for words in DRAWS_WITH_OPENGL {
        assert!(log.contains(words), "{words}: {log}");
    }
}
