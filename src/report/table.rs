//! The report as CSV, for a spreadsheet: a row per player per question, with what they
//! answered, whether it was right, the points, the time and the device. A player with no
//! answer to a question gets a row with the answer left empty.

use serde::{Deserialize, Serialize};

use crate::persist::game_log::GameLog;

/// One row of the sheet; the header names are the field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The question's number, 1-based, in the order asked.
    pub question: usize,
    /// `pack/question-id`.
    pub id: String,
    /// The question as asked.
    pub prompt: String,
    /// The player's name.
    pub player: String,
    /// Their team, if any.
    pub team: String,
    /// What they answered, as text; empty when they gave no answer.
    pub answer: String,
    /// Counted right.
    pub right: bool,
    /// Points earned.
    pub points: u32,
    /// Points lost (a wrong buzz, a lost bet).
    pub penalty: u32,
    /// Seconds after answering opened; empty with no answer.
    pub seconds: Option<f64>,
    /// Keyboard, Gamepad, Phone...; empty with no answer.
    pub device: String,
    /// The host skipped the question.
    pub skipped: bool,
}

/// Every row of `log`: by question, then by player in the game's order.
pub fn rows(log: &GameLog) -> Vec<Row> {
    let mut rows = Vec::new();
    for (index, round) in log.rounds.iter().enumerate() {
        for player in &log.players {
            let blank = Row {
                question: index + 1,
                id: round.question.clone(),
                prompt: round.prompt.clone(),
                player: player.name.clone(),
                team: player.team.clone().unwrap_or_default(),
                answer: String::new(),
                right: false,
                points: 0,
                penalty: 0,
                seconds: None,
                device: String::new(),
                skipped: round.skipped,
            };
            let given: Vec<Row> = round
                .answers
                .iter()
                .filter(|a| a.player == player.name)
                .map(|a| Row {
                    answer: a.answer.clone(),
                    right: a.correct,
                    points: a.points,
                    penalty: a.penalty,
                    seconds: Some(a.seconds),
                    device: a.device.clone(),
                    ..blank.clone()
                })
                .collect();
            if given.is_empty() {
                rows.push(blank);
            } else {
                rows.extend(given);
            }
        }
    }
    rows
}

/// The header row: [`Row`]'s fields, in order.
pub const HEADER: [&str; 12] = [
    "question", "id", "prompt", "player", "team", "answer", "right", "points", "penalty", "seconds", "device",
    "skipped",
];

/// The sheet as CSV text, with a header row (even for a game ended before its first question).
pub fn to_csv(log: &GameLog) -> Result<String, String> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    writer.write_record(HEADER).map_err(|e| format!("cannot write the sheet: {e}"))?;
    for row in rows(log) {
        writer.serialize(row).map_err(|e| format!("cannot write the sheet: {e}"))?;
    }
    let bytes = writer.into_inner().map_err(|e| format!("cannot write the sheet: {e}"))?;
    String::from_utf8(bytes).map_err(|e| format!("cannot write the sheet: {e}"))
}
