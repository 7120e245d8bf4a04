//! `bigtuna import opentdb|csv FILE -o OUT.ron`: questions from elsewhere as a pack that
//! validates. What cannot become a question is listed (where, and why) and left out; the rest
//! is written, never over an existing file unless asked.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::media_files;
use crate::pack::{MediaHome, Origin, Pack, opentdb, parse_pack, spreadsheet, write};
use crate::persist::atomic::write_atomic;

/// Arguments of `bigtuna import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Where the questions come from.
    #[command(subcommand)]
    pub from: ImportFrom,
}

/// The sources `import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportFrom {
    /// An Open Trivia DB reply (JSON), in any of its four encodings.
    Opentdb(OpentdbArgs),
    /// A spreadsheet saved as CSV, with a header row naming the columns (docs/PACKS.md); the
    /// pictures and sounds it names are copied from beside it to beside the pack.
    Csv(CsvArgs),
    /// A `.zip` bundle (a pack and its pictures and sounds), as a pack file with its media
    /// beside it, to edit.
    Zip(ZipArgs),
}

/// Arguments of `bigtuna import zip`.
#[derive(Debug, Args)]
pub struct ZipArgs {
    /// The bundle.
    pub file: PathBuf,
    /// Where to write the pack file (its media go beside it), and optionally a new name.
    #[command(flatten)]
    pub output: Output,
}

/// What every import writes.
#[derive(Debug, Args)]
pub struct Output {
    /// The pack file to write.
    #[arg(short = 'o', long = "output", value_name = "OUT.ron")]
    pub output: PathBuf,
    /// The pack's id (default: the output file's name).
    #[arg(long)]
    pub id: Option<String>,
    /// The pack's title (default: from the id).
    #[arg(long)]
    pub title: Option<String>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `bigtuna import opentdb`.
#[derive(Debug, Args)]
pub struct OpentdbArgs {
    /// The reply, as saved from the API (`{"response_code":..,"results":[..]}`) or its list.
    pub file: PathBuf,
    /// html, url3986, urlLegacy or base64 (default: detected).
    #[arg(long, value_parser = parse_encoding)]
    pub encoding: Option<opentdb::Encoding>,
    /// Where to write, and the pack's name.
    #[command(flatten)]
    pub output: Output,
}

/// Arguments of `bigtuna import csv`.
#[derive(Debug, Args)]
pub struct CsvArgs {
    /// The sheet, as CSV (`,` `;` or tab separated).
    pub file: PathBuf,
    /// Where to write, and the pack's name.
    #[command(flatten)]
    pub output: Output,
}

fn parse_encoding(text: &str) -> Result<opentdb::Encoding, String> {
    opentdb::Encoding::parse(text)
        .ok_or_else(|| format!("`{text}` is not an encoding: use html, url3986, urlLegacy or base64"))
}

/// Runs the command; returns the process exit code.
pub fn run(args: &ImportArgs) -> ExitCode {
    super::exit_code("import", import(args))
}

fn import(args: &ImportArgs) -> Result<(), String> {
    let (file, output) = match &args.from {
        ImportFrom::Opentdb(a) => (&a.file, &a.output),
        ImportFrom::Csv(a) => (&a.file, &a.output),
        ImportFrom::Zip(a) => return import_bundle(a),
    };
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let id = output.id.clone().unwrap_or_else(|| stem(&output.output));
    let title = output.title.clone().unwrap_or_else(|| title_from(&id));
    let (pack, mut notes, comment) = match &args.from {
        ImportFrom::Opentdb(a) => {
            let imported = opentdb::import(&text, a.encoding).map_err(|e| format!("{}: {e}", file.display()))?;
            let comment = format!(
                "Imported from Open Trivia DB ({} encoding) by `bigtuna import opentdb`.\n{}",
                imported.encoding.name(),
                opentdb::ATTRIBUTION
            );
            let notes = imported.skipped.clone();
            let title = output.title.clone().unwrap_or_else(|| opentdb::title(&imported, &id));
            (opentdb::pack(imported, &id, &title), notes, comment)
        }
        ImportFrom::Csv(_) => {
            let sheet = spreadsheet::from_csv(&text).map_err(|e| format!("{}: {e}", file.display()))?;
            let mut pack = sheet.pack;
            // The command line names the pack over the sheet; the sheet over the file's name.
            if output.id.is_some() || pack.id.is_empty() {
                pack.id = id;
            }
            if output.title.is_some() || pack.title.is_empty() {
                pack.title = title;
            }
            let notes = sheet.problems.iter().map(ToString::to_string).collect();
            (pack, notes, format!("Imported from {} by `bigtuna import csv`.", file.display()))
        }
        ImportFrom::Zip(a) => return import_bundle(a),
    };
    let (pack, invalid) = keep_valid(pack, &comment)?;
    notes.extend(invalid);
    for note in &notes {
        eprintln!("skipped {note}");
    }
    if pack.questions.is_empty() {
        return Err(format!("{}: no question could be imported, nothing was written", file.display()));
    }
    let text = write::to_ron(&pack, &comment)?;
    refuse_existing(&output.output, output.force)?;
    if let ImportFrom::Csv(_) = &args.from {
        copy_media(&pack, file, &output.output, output.force)?;
    }
    write_new(&output.output, text.as_bytes(), output.force)?;
    println!(
        "wrote {} questions to {} (pack `{}`){}",
        pack.questions.len(),
        output.output.display(),
        pack.id,
        if notes.is_empty() { String::new() } else { format!("; {} skipped, listed above", notes.len()) }
    );
    Ok(())
}

/// Copies the media a sheet's pack names from beside the sheet to beside the pack written.
fn copy_media(pack: &Pack, sheet: &Path, written: &Path, force: bool) -> Result<(), String> {
    if media_files::named(pack).is_empty() {
        return Ok(());
    }
    let from =
        Pack { origin: Origin { home: MediaHome::Folder(folder_of(sheet)), ..pack.origin.clone() }, ..pack.clone() };
    let copied = media_files::copy_into(&from, &folder_of(written), force)?;
    for problem in &copied.unreadable {
        eprintln!("not copied: {problem}");
    }
    if copied.written > 0 {
        eprintln!("copied {} pictures and sounds beside {}", copied.written, written.display());
    }
    Ok(())
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `import zip`: the bundle's pack file as its author wrote it (or renamed, when asked), and
/// its media beside it.
fn import_bundle(args: &ZipArgs) -> Result<(), String> {
    let output = &args.output;
    let mut pack = media_files::bundled_pack(&args.file)?;
    let text = if output.id.is_some() || output.title.is_some() {
        pack.id = output.id.clone().unwrap_or(pack.id);
        pack.title = output.title.clone().unwrap_or(pack.title);
        write::to_ron(&pack, &format!("Imported from {} by `bigtuna import zip`.", args.file.display()))?.into_bytes()
    } else {
        media_files::pack_text(&pack)?
    };
    refuse_existing(&output.output, output.force)?;
    let copied = media_files::copy_into(&pack, &folder_of(&output.output), output.force)?;
    if let Some(problem) = copied.unreadable.first() {
        return Err(problem.clone());
    }
    write_new(&output.output, &text, output.force)?;
    println!(
        "wrote {} questions to {} (pack `{}`) and {} pictures and sounds beside it",
        pack.questions.len(),
        output.output.display(),
        pack.id,
        media_files::named(&pack).len()
    );
    Ok(())
}

/// The questions that validate on their own (each is checked as the game would read it);
/// the others are listed with the validator's words. A group left with one question (its
/// mates did not validate) is taken off it, and said so.
pub fn keep_valid(mut pack: Pack, comment: &str) -> Result<(Pack, Vec<String>), String> {
    let mut notes = Vec::new();
    let questions = std::mem::take(&mut pack.questions);
    for question in questions {
        // Groups are checked across the pack, below: alone, every group would be too small.
        let alone = crate::pack::Question { group: None, ..question.clone() };
        let single = Pack { questions: vec![alone], ..pack.clone() };
        let text = write::to_ron(&single, comment)?;
        match parse_pack(&question.id, text.as_bytes()) {
            // Its media's form is wrong (a path out of the folder, no alt text): not kept.
            Ok(single) if !single.origin.left_out.is_empty() => {
                let why: Vec<String> = single.origin.left_out.iter().map(|p| p.message.clone()).collect();
                notes.push(format!("question `{}`: {}", question.id, why.join("; ")));
            }
            Ok(_) => pack.questions.push(question),
            Err(problems) => {
                let why: Vec<String> = problems.0.iter().map(|p| p.message.clone()).collect();
                notes.push(format!("question `{}`: {}", question.id, why.join("; ")));
            }
        }
    }
    let groups: Vec<Option<String>> = pack.questions.iter().map(|q| q.group.clone()).collect();
    for question in &mut pack.questions {
        let members = groups.iter().filter(|g| g.is_some() && **g == question.group).count();
        if let Some(group) = question.group.take_if(|_| members < 2) {
            notes.push(format!(
                "question `{}`: its group `{group}` has no other question left, so it has none",
                question.id
            ));
        }
    }
    Ok((pack, notes))
}

/// Refuses a file that exists unless `force`: said before anything is written.
pub fn refuse_existing(path: &Path, force: bool) -> Result<(), String> {
    if path.symlink_metadata().is_ok() && !force {
        return Err(format!("{} exists: choose another name, or add --force to replace it", path.display()));
    }
    Ok(())
}

/// Writes a file that did not exist (or, with `force`, replaces it), atomically.
pub fn write_new(path: &Path, bytes: &[u8], force: bool) -> Result<(), String> {
    refuse_existing(path, force)?;
    write_atomic(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "imported".into())
}

/// `my-office-pack` -> `My office pack`.
pub fn title_from(id: &str) -> String {
    let words = id.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_else(|| "Imported".into())
}
