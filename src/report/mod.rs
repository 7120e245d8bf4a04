//! A night's report: a finished game, from the record it left, as CSV (a row per player per
//! question), Markdown or one self-contained HTML page. `bigtuna results` writes it.

pub mod markdown;
pub mod page;
pub mod summary;
pub mod table;
