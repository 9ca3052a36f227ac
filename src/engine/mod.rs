//! The extraction engine: text → document layout → sentences → tokens → mentions → triggers →
//! events. One module per stage; no web dependency, so it runs natively and in WebAssembly.
//!
//! The entry point is [`extract`].

pub mod date;
pub mod document;
pub mod events;
pub mod gazetteer;
pub mod lexicon;
pub mod mentions;
pub mod record;
pub mod sentences;
pub mod tokens;
pub mod triggers;

pub use record::{
    ActorRef, Count, Document, Event, EventType, Modality, PlaceRef, Qualifier, Range, Span,
    TimeRef,
};

/// Extracts one article's events. `id` names the document in the record.
pub fn extract(id: &str, text: &str) -> Document {
    // In progress: the stages are being written; the record's shape is final.
    Document {
        id: id.to_string(),
        title: None,
        date: None,
        events: Vec::new(),
    }
}
