//! A problem found in a pack file, printed as `FILE:LINE:COL: error: message`.

use std::fmt;

/// One problem in one file, with the position editors and terminals understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: error: {}", self.file, self.line, self.col, self.message)
    }
}

/// A problem that does not stop the pack from loading, printed as `FILE:LINE:COL: warning: ..`.
#[derive(Debug, Clone, Copy)]
pub struct Warning<'a>(pub &'a Problem);

impl fmt::Display for Warning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let problem = self.0;
        write!(f, "{}:{}:{}: warning: {}", problem.file, problem.line, problem.col, problem.message)
    }
}

/// All the problems of one pack file; what loading returns instead of a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
