//! `bigtuna flags`: the questions players flagged while playing, grouped by pack, for the
//! packs' authors to check and fix.

use std::collections::BTreeMap;
use std::process::ExitCode;

use crate::persist::flags::{self, Flag};

/// Runs the command; returns the process exit code.
pub fn run() -> ExitCode {
    let Some(file) = flags::flags_file() else {
        eprintln!("bigtuna flags: this system has no data folder, so no flags were kept");
        return ExitCode::from(1);
    };
    let (flags, bad) = match flags::read(&file) {
        Ok(read) => read,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            println!("No question has been flagged yet (F6 or the reveal's Flag button flags one).");
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("bigtuna flags: cannot read {}: {error}", file.display());
            return ExitCode::from(1);
        }
    };
    for (line, why) in &bad {
        eprintln!("{}:{line}: skipped a line that is not a flag: {why}", file.display());
    }
    // A reader that stops early (`| head`) is not an error worth a panic.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), listing(&flags).as_bytes());
    println!("({} in {})", count(flags.len()), file.display());
    ExitCode::SUCCESS
}

fn count(n: usize) -> String {
    if n == 1 { "1 flag".to_owned() } else { format!("{n} flags") }
}

/// Flags by pack, then by question, most flagged first.
pub fn listing(flags: &[Flag]) -> String {
    let mut packs: BTreeMap<&str, BTreeMap<&str, Vec<&Flag>>> = BTreeMap::new();
    for flag in flags {
        packs.entry(&flag.pack).or_default().entry(&flag.question).or_default().push(flag);
    }
    let mut out = String::new();
    for (pack, questions) in packs {
        let total: usize = questions.values().map(Vec::len).sum();
        out.push_str(&format!("{pack}: {}\n", count(total)));
        let mut questions: Vec<_> = questions.into_iter().collect();
        questions.sort_by_key(|(id, list)| (std::cmp::Reverse(list.len()), *id));
        for (id, list) in questions {
            let times = if list.len() > 1 { format!(" ({} times)", list.len()) } else { String::new() };
            out.push_str(&format!("  {id}{times}: {}\n", list[0].prompt));
        }
    }
    out
}
