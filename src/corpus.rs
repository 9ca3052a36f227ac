//! The articles shipped with Dépêche, embedded at compile time from `corpus/` with what its
//! manifest, `corpus/index.tsv`, says of each (the date it was published — three of the texts
//! print none: the manifest says how it was worked out —, the outlet and the address when
//! known), and their events as the page gets them: computed at build time ([`CorpusData`]), so
//! that the page lists the corpus without the engine.

use serde::{Deserialize, Serialize};

use crate::explore::display_title;

use crate::engine::{self, Document};

/// One embedded article: its id (the file name without `.txt`), its text as read, and its row
/// of the manifest.
#[derive(Debug, Clone, Copy)]
pub struct Article {
    pub id: &'static str,
    pub text: &'static str,
    /// The publication date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when no more is known).
    pub date: &'static str,
    /// Where it was published, when known.
    pub outlet: Option<&'static str>,
    /// Its address, when known.
    pub url: Option<&'static str>,
    /// How the date was established: printed in the text, or worked out from the events it
    /// reports.
    pub date_basis: &'static str,
}

impl Article {
    /// The article's events, its relative times (« samedi », « hier ») resolved against the
    /// manifest's date.
    pub fn extract(&self) -> Document {
        engine::extract_with(self.id, self.text, None, Some(self.date))
    }
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
        let docs: Vec<Document> = ARTICLES.iter().map(Article::extract).collect();
        let titles = docs
            .iter()
            .zip(ARTICLES)
            .map(|(d, a)| display_title(d, a.text))
            .collect();
        CorpusData { docs, titles }
    }
}
