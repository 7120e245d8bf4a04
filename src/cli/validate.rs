//! `bigtuna validate PATH...`

use std::process::ExitCode;

use super::ValidateArgs;
use std::path::Path;

use crate::pack::media_check::Depth;
use crate::pack::problem::Warning;
use crate::pack::{PackLibrary, PackPlace, PackSource, Problem, spans};

/// Runs the command; returns the process exit code.
pub fn run(args: &ValidateArgs) -> ExitCode {
    // Media files are decoded through, so that a damaged one is found before a game does.
    let places = if args.paths.is_empty() {
        crate::paths::pack_sources()
    } else {
        args.paths.iter().map(|p| PackPlace::Disk(p.clone(), PackSource::CommandLine)).collect()
    };
    let library = PackLibrary::load_sources_with(&places, Depth::Decode);
    for problem in library.problems() {
        println!("{problem}");
    }
    for warning in warnings(&library) {
        println!("{}", Warning(warning));
    }
    println!("{}", summary(&library));
    if library.problems().next().is_none() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// What the packs that load warn about (spoilers, give-aways), in file order.
fn warnings(library: &PackLibrary) -> impl Iterator<Item = &Problem> {
    library.packs.iter().flat_map(|pack| &pack.origin.warnings)
}

/// `3 packs, 212 questions: 1 pack with 2 errors`, or `...: all valid`, with any warnings
/// counted after (`: all valid (2 warnings)`).
pub fn summary(library: &PackLibrary) -> String {
    let files = library.packs.len() + library.skipped.len();
    // Questions of broken packs count too: they were read, and most of them are fine.
    let questions: usize = library
        .packs
        .iter()
        // Questions left out for their media; a bundle's own problems (named by the bundle) are not questions.
        .map(|p| p.questions.len() + p.origin.left_out.iter().filter(|l| l.file == p.origin.file).count())
        .sum::<usize>()
        + library.skipped.iter().map(|s| questions_in(Path::new(&s.file))).sum::<usize>();
    let errors = library.problems().count();
    let head = format!("{}, {}", plural(files, "pack"), plural(questions, "question"));
    let warned = match warnings(library).count() {
        0 => String::new(),
        n => format!(" ({})", plural(n, "warning")),
    };
    let with_errors = library.skipped.len() + library.short_of_questions().count();
    if with_errors == 0 {
        format!("{head}: all valid{warned}")
    } else {
        format!("{head}: {} with {}{warned}", plural(with_errors, "pack"), plural(errors, "error"))
    }
}

/// How many question entries a pack file holds, read from its structure (0 if unreadable);
/// a pack file in a bundle (`x.zip:dir/pack.ron`) is read from the bundle.
fn questions_in(file: &Path) -> usize {
    let name = file.to_string_lossy();
    let bytes = match name.rsplit_once(".zip:") {
        Some((zip, entry)) => {
            let limit = crate::pack::load::MAX_PACK_BYTES as u64;
            crate::pack::bundle::read_entry(Path::new(&format!("{zip}.zip")), entry, limit).ok()
        }
        None => std::fs::read(file).ok(),
    };
    let Some(text) = bytes.and_then(|b| String::from_utf8(b).ok()) else { return 0 };
    spans::index(text.trim_start_matches('\u{feff}'))
        .and_then(|root| root.field("questions").map(|q| q.list_items().len()))
        .unwrap_or(0)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
