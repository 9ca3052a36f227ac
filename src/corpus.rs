//! The articles shipped with Dépêche, embedded at compile time from `corpus/`.

/// One embedded article: its id (the file name without `.txt`) and its text as read.
#[derive(Debug, Clone, Copy)]
pub struct Article {
    pub id: &'static str,
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
