//! A computer where no graphics driver works (neither Vulkan nor OpenGL installed, a virtual
//! machine without 3D) gets a message that says what to install, and the game exits: Bevy's renderer
//! would otherwise end in a panic and a backtrace.

/// What Bevy's renderer says when it finds no adapter (`bevy_render`'s own words).
const NO_ADAPTER: &str = "Unable to find a GPU!";

/// What it says when its own OpenGL adapter cannot be shown (made on no display, so the
/// window's surface offers it no present mode; bevyengine/bevy#22220): Bevy makes one only
/// when `WGPU_BACKEND=gl` asks for it and `graphics` found no OpenGL driver of its own.
const NO_PRESENT_MODE: &str = "Fallback system failed to choose present mode";

/// The exit code of a game that found no graphics driver.
pub const EXIT_NO_GPU: i32 = 3;

/// What the player reads instead.
pub const MESSAGE: &str = "Big Tuna Trivia cannot open its window: no graphics driver on this computer works with it \
(the game draws with Vulkan, or with OpenGL where Vulkan is missing).
On Debian or Ubuntu, install Mesa's drivers (they include software ones that work anywhere):
    sudo apt install mesa-vulkan-drivers libegl1 libgl1-mesa-dri
In a virtual machine, turning on 3D acceleration helps too.";

/// Turns the renderer's "no GPU" panic (and its "no present mode" one) into [`MESSAGE`] and
/// exit code [`EXIT_NO_GPU`]; every other panic is reported as before.
pub fn explain_missing_driver() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let said = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| info.payload().downcast_ref::<String>().map(String::as_str));
        let no_driver = |said: &str| {
            said.starts_with(NO_ADAPTER) || (said.contains(NO_PRESENT_MODE) && said.contains("Options: []"))
        };
        if said.is_some_and(no_driver) {
            eprintln!("{MESSAGE}");
            std::process::exit(EXIT_NO_GPU);
        }
        before(info);
    }));
}
