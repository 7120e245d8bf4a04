//! `bigtuna validate PATH...`

use std::process::ExitCode;

use super::ValidateArgs;
use crate::pack::PackLibrary;

pub(super) fn run(args: &ValidateArgs) -> ExitCode {
    let library = PackLibrary::load_paths(&args.paths);
    for problem in library.problems() {
        println!("{problem}");
    }
    println!("{}", summary(&library));
    if library.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// `3 packs, 212 questions: 1 pack with 2 errors`, or `...: all valid`.
pub fn summary(library: &PackLibrary) -> String {
    let files = library.packs.len() + library.skipped.len();
    let questions: usize = library.packs.iter().map(|p| p.questions.len()).sum();
    let errors = library.problems().count();
    let head = format!("{}, {}", plural(files, "pack"), plural(questions, "question"));
    if library.skipped.is_empty() {
        format!("{head}: all valid")
    } else {
        format!("{head}: {} with {}", plural(library.skipped.len(), "pack"), plural(errors, "error"))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
