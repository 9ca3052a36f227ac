//! What the stages share about their data files: a bad line is reported as `file:line`.

use std::fmt;

/// A bad line of a data file, reported as `file:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The data file, from the crate's root (`data/morphology.tsv`).
    pub file: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}
