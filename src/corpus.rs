//! The articles shipped with Dépêche, embedded at compile time from `corpus/`, and their events
//! as the page gets them: computed at build time ([`CorpusData`]), so that the page lists the
//! corpus without the engine.

use serde::{Deserialize, Serialize};

use crate::engine::{Document, extract};
use crate::explore::display_title;

/// One embedded article: its id (the file name without `.txt`) and its text as read.
#[derive(Debug, Clone, Copy)]
pub struct Article {
    pub id: &'static str,
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// The corpus's events and titles for the page, in [`ARTICLES`] order: `corpus-events.json`,
/// written at each build by `examples/corpus_data.rs` (Trunk's hook `scripts/corpus_events.sh`)
/// from the engine as it is, so it never goes stale. `docs` is the CLI's JSON record of the
/// corpus (`e2e/explorer.spec.mjs` compares them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusData {
    pub docs: Vec<Document>,
    /// The titles the list shows ([`display_title`], which reads the text with the engine).
    pub titles: Vec<String>,
}

impl CorpusData {
    /// Extracts the corpus.
    pub fn build() -> CorpusData {
        let docs: Vec<Document> = ARTICLES.iter().map(|a| extract(a.id, a.text)).collect();
        let titles = docs
            .iter()
            .zip(ARTICLES)
            .map(|(d, a)| display_title(d, a.text))
            .collect();
        CorpusData { docs, titles }
    }
}
