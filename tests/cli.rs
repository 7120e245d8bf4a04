//! The `bigtuna` command line, run as a user runs it.

use std::process::{Command, Output};

use crate::support::{mc, pack_text, root, scratch_dir};

fn bigtuna(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bigtuna"))
        .args(args)
        .current_dir(root())
        .env("BIGTUNA_CONFIG", scratch_dir("cli-config"))
        .env("BIGTUNA_SAVES", scratch_dir("cli-saves"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn validate_accepts_the_built_in_packs() {
    let output = bigtuna(&["validate", "quizzes/"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.trim_end().ends_with("all valid"), "{text}");
}

#[test]
fn validate_reports_every_problem_of_every_file_then_a_summary() {
    let dir = scratch_dir("cli-validate");
    std::fs::write(dir.join("good.ron"), pack_text("good", &mc("1"))).expect("write");
    let broken = pack_text("broken", &format!("{}\n{}", mc("x").replace("\"Utica\"", "\"Stamford\""), mc("x")));
    std::fs::write(dir.join("broken.ron"), &broken).expect("write");
    let output = bigtuna(&["validate", dir.to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].contains("broken.ron:") && lines[0].contains(": error: the correct option"), "{text}");
    assert!(lines[1].contains(": error: duplicate question id `x`"), "{text}");
    assert_eq!(lines[2], "2 packs, 3 questions: 1 pack with 2 errors", "the broken pack's questions count too");
}

#[test]
fn usage_errors_exit_2_and_every_subcommand_has_help() {
    assert_eq!(bigtuna(&["validate", "--strict"]).status.code(), Some(2), "no such option");
    assert_eq!(bigtuna(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(bigtuna(&["sheet", "--count", "3", "--seed", "1"]).status.code(), Some(2), "count below 5");
    for sub in ["play", "validate", "packs", "sheet"] {
        let output = bigtuna(&[sub, "--help"]);
        assert_eq!(output.status.code(), Some(0), "{sub} --help");
        assert!(stdout(&output).contains("Usage: bigtuna"), "{sub}");
    }
}

#[test]
fn packs_json_is_valid_json_with_counts() {
    let output = bigtuna(&["packs", "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let pack = &json["packs"][0];
    assert_eq!(pack["id"], "jim-halpert");
    let total = pack["questions"].as_u64().expect("count");
    assert!(total >= 240, "{total}");
    let kinds: u64 = pack["by_kind"].as_object().expect("kinds").values().filter_map(|v| v.as_u64()).sum();
    assert_eq!(kinds, total);
    let packs = json["packs"].as_array().expect("packs");
    assert!(packs.iter().any(|p| p["id"] == "places-and-voices"), "the picture and sound demo is built in");
    let all: u64 = packs.iter().filter_map(|p| p["questions"].as_u64()).sum();
    assert_eq!(json["total_questions"].as_u64(), Some(all));
}

#[test]
fn the_sheet_is_the_same_for_a_seed_and_differs_for_another() {
    let args = |seed: &'static str| {
        [
            "sheet",
            "--seed",
            seed,
            "--count",
            "12",
            "--pack",
            "jim-halpert",
            "--difficulty",
            "mixed",
            "--max-season",
            "9",
        ]
    };
    let first = bigtuna(&args("2026"));
    let again = bigtuna(&args("2026"));
    let other = bigtuna(&args("2027"));
    assert_eq!(first.status.code(), Some(0), "{}", String::from_utf8_lossy(&first.stderr));
    assert_eq!(first.stdout, again.stdout, "byte for byte");
    assert_ne!(first.stdout, other.stdout);
    let text = stdout(&first);
    assert!(text.contains("## Answer key") && text.contains("12. "), "{text}");
    assert_eq!(bigtuna(&["sheet", "--count", "5"]).status.code(), Some(2), "the seed is required");
}
