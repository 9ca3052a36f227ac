//! The output record: what the CLI prints and the app shows, as `ontology.md` defines it.
//!
//! Every span carries UTF-8 byte offsets into the article exactly as read (end exclusive), so
//! that `text[start..end] == span.text` always holds.

use serde::{Deserialize, Serialize};

/// One article's extraction result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's id (for a file, its name without extension).
    pub id: String,
    /// The title line, when the text starts with one.
    pub title: Option<String>,
    /// The publication date the text gives (`YYYY-MM-DD` or `YYYY-MM`), if any.
    pub date: Option<String>,
    /// Events in text order.
    pub events: Vec<Event>,
}

/// A piece of the text with its byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Byte range of the sentence an event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// A mention of a participant, resolved to a canonical actor id when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub actor: Option<String>,
    /// The canonical actor's name, in French (« Shebab », « Etat islamique »), so that « ils »
    /// or « l'organisation » reads as who it stands for; null when unresolved.
    #[serde(default)]
    pub name: Option<String>,
}

/// A mention of a place, resolved to a gazetteer entry when known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub place: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
}

/// A time expression, normalised (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) when the article's date allows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRef {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

/// How a count relates to its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    MoreThan,
    About,
    UpTo,
    Range,
}

/// A number of people involved in an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: u64,
    pub qualifier: Qualifier,
}

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Negated,
    Planned,
    Hypothetical,
}

/// The 16 event types of the ontology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    Capture,
    Attack,
    Advance,
    Withdrawal,
    AirStrike,
    Shelling,
    Bombing,
    Abduction,
    Killing,
    Injury,
    Displacement,
    Destruction,
    Surrender,
    Arrest,
    Demining,
    Agreement,
}

impl EventType {
    /// All types, in the ontology's order.
    pub const ALL: [EventType; 16] = [
        EventType::Capture,
        EventType::Attack,
        EventType::Advance,
        EventType::Withdrawal,
        EventType::AirStrike,
        EventType::Shelling,
        EventType::Bombing,
        EventType::Abduction,
        EventType::Killing,
        EventType::Injury,
        EventType::Displacement,
        EventType::Destruction,
        EventType::Surrender,
        EventType::Arrest,
        EventType::Demining,
        EventType::Agreement,
    ];

    /// The lower-case name used in the JSON record and the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Capture => "capture",
            EventType::Attack => "attack",
            EventType::Advance => "advance",
            EventType::Withdrawal => "withdrawal",
            EventType::AirStrike => "air_strike",
            EventType::Shelling => "shelling",
            EventType::Bombing => "bombing",
            EventType::Abduction => "abduction",
            EventType::Killing => "killing",
            EventType::Injury => "injury",
            EventType::Displacement => "displacement",
            EventType::Destruction => "destruction",
            EventType::Surrender => "surrender",
            EventType::Arrest => "arrest",
            EventType::Demining => "demining",
            EventType::Agreement => "agreement",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl Modality {
    /// All modalities, asserted first.
    pub const ALL: [Modality; 4] = [
        Modality::Asserted,
        Modality::Negated,
        Modality::Planned,
        Modality::Hypothetical,
    ];

    /// The lower-case name used in the JSON record.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(name: &str) -> Option<Modality> {
        Modality::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

/// One event: a trigger with its participants and attributes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    pub trigger: Span,
    pub sentence: Range,
    pub agent: Vec<ActorRef>,
    pub target: Vec<ActorRef>,
    pub location: Vec<PlaceRef>,
    pub time: Option<TimeRef>,
    pub count: Option<Count>,
    pub source: Option<ActorRef>,
    pub modality: Modality,
}
