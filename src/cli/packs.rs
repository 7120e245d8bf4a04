//! `bigtuna packs [--json]`

use std::process::ExitCode;

use serde::Serialize;

use super::PacksArgs;
use crate::pack::{PackLibrary, PackStats};
use crate::paths;

#[derive(Serialize)]
struct Report {
    packs: Vec<PackStats>,
    total_questions: usize,
    skipped: Vec<Skipped>,
}

#[derive(Serialize)]
struct Skipped {
    file: String,
    problems: Vec<String>,
}

/// Runs the command; returns the process exit code.
pub fn run(args: &PacksArgs) -> ExitCode {
    let library = PackLibrary::load_sources(&paths::pack_sources());
    let report = Report {
        packs: library.packs.iter().map(PackStats::of).collect(),
        total_questions: library.packs.iter().map(|p| p.questions.len()).sum(),
        skipped: library
            .skipped
            .iter()
            .map(|s| Skipped { file: s.file.clone(), problems: s.problems.0.iter().map(ToString::to_string).collect() })
            .collect(),
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("error: cannot write JSON: {error}");
                return ExitCode::from(1);
            }
        }
        return ExitCode::SUCCESS;
    }
    for stats in &report.packs {
        println!("{}  \"{}\"  {} questions", stats.id, stats.title, stats.questions);
        println!("  from:         {} ({})", stats.from, stats.file);
        let line = |counts: &std::collections::BTreeMap<String, usize>| {
            counts.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
        };
        println!("  kinds:        {}", line(&stats.by_kind));
        println!("  difficulties: {}", line(&stats.by_difficulty));
        println!("  categories:   {}", line(&stats.by_category));
    }
    if report.packs.is_empty() {
        println!("No packs installed.");
    }
    for skipped in &report.skipped {
        println!("skipped {}:", skipped.file);
        for problem in &skipped.problems {
            println!("  {problem}");
        }
    }
    if let Some(dir) = paths::user_packs_dir() {
        println!("Your own packs go in {}", dir.display());
    }
    ExitCode::SUCCESS
}
