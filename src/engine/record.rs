//! The output record: what the CLI prints and the app shows, as `docs/ontology.md` describes
//! it. This is the contract that outside tools read: one [`Document`] per article, serialised
//! with serde to the JSON object of the same field names.
//!
//! Every span carries UTF-8 byte offsets into the article exactly as read (end exclusive), so
//! that `text[start..end] == span.text` always holds, and both ends fall on character
//! boundaries. Every field is always present in the JSON: an optional value that is absent is
//! written `null`, a list with nothing in it `[]`.

use serde::{Deserialize, Serialize};

/// One article's extraction result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The document's id: for a file, its name without directory and extension (`stdin` for
    /// standard input); in the page, the corpus id or the id given to a pasted article.
    pub id: String,
    /// The headline, copied from the text, when the article starts with a short line that reads
    /// as one; `null` otherwise. In the page, a title typed with a pasted article replaces it.
    pub title: Option<String>,
    /// The article's date, as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the one given with it (the
    /// corpus manifest's, a JSONL line's, the one typed with a pasted article), else the one of a
    /// dateline in its first lines (as precise as the dateline is); `null` when there is none.
    /// Relative times (« samedi ») are normalised against it, and it dates the events whose
    /// sentence names no date ([`Event::date`]).
    pub date: Option<String>,
    /// The events, in text order (by sentence; within a sentence, in the order their triggers
    /// were read). Empty when the article reports none.
    pub events: Vec<Event>,
}

/// A piece of the text with its byte offsets: an event's trigger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The words exactly as written, `text[start..end]` of the article.
    pub text: String,
    /// Offset of the first byte, in UTF-8 bytes from the start of the article.
    pub start: usize,
    /// Offset just past the last byte (exclusive), in UTF-8 bytes; always more than `start`.
    pub end: usize,
}

/// The byte range of the sentence an event was read from (no text: the article has it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// Offset of the sentence's first byte, in UTF-8 bytes from the start of the article.
    pub start: usize,
    /// Offset just past its last byte (exclusive), in UTF-8 bytes.
    pub end: usize,
}

/// A mention of a participant (an agent, a target or a source), resolved to a canonical actor
/// when the actor lexicon (`data/actors.tsv`) knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The mention exactly as written (« Les forces du régime syrien », « l'EI », « Il »).
    pub text: String,
    /// Offset of its first byte, in UTF-8 bytes from the start of the article.
    pub start: usize,
    /// Offset just past its last byte (exclusive), in UTF-8 bytes.
    pub end: usize,
    /// The canonical actor's id (`SYR_GOV`, `ISIS`, `SANA`…), the same for every way of naming
    /// it; a pronoun or a generic phrase (« l'organisation ») gets the actor it stands for.
    /// `null` when the mention resolves to no known actor.
    pub actor: Option<String>,
    /// The canonical actor's name, in French (« Shebab », « Etat islamique »), so that « ils »
    /// or « l'organisation » reads as who it stands for; `null` when unresolved (and absent in
    /// records written before it existed, read as `null`).
    #[serde(default)]
    pub name: Option<String>,
}

/// A mention of a place, resolved to a gazetteer entry (`data/gazetteer.tsv`) when known.
///
/// `place`, `lat`, `lon` and `country` are all set or all `null` (an unresolved mention).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    /// The mention exactly as written (« Al-Qaryatayn », « Boukamal », or « la ville » when it
    /// stands for a town the article names elsewhere).
    pub text: String,
    /// Offset of its first byte, in UTF-8 bytes from the start of the article.
    pub start: usize,
    /// Offset just past its last byte (exclusive), in UTF-8 bytes.
    pub end: usize,
    /// The gazetteer's name of the place (« Raqqa » for « Raqa »); `null` when unresolved.
    pub place: Option<String>,
    /// Latitude of the place in decimal degrees (WGS 84, north positive, -90 to 90); `null`
    /// when unresolved.
    pub lat: Option<f64>,
    /// Longitude in decimal degrees (WGS 84, east positive, -180 to 180); `null` when
    /// unresolved.
    pub lon: Option<f64>,
    /// The country the place is in, as an ISO 3166-1 alpha-2 code (`SY`, `IQ`); `null` when
    /// unresolved.
    pub country: Option<String>,
    /// What kind of place it is, so that a country or a river is not drawn as a town's point;
    /// `null` when unresolved (and in records written before it existed).
    #[serde(default)]
    pub precision: Option<GeoPrecision>,
}

/// How precise a resolved place is: the kind of place the gazetteer has (after GeoNames'
/// feature classes: populated place, second- and first-level division, country, stream, area).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GeoPrecision {
    /// A town, city or village (GeoNames `PPL*`): a point.
    Town,
    /// A district: a second-level division or a quarter of a city (`ADM2`, `PPLX`).
    District,
    /// A province, governorate, region or state: a first-level division (`ADM1`).
    Province,
    /// A country (`PCLI`).
    Country,
    /// A river (`STM`): a line, not a point.
    River,
    /// A named area that is no administrative unit: a desert, a valley, a historical region
    /// (`RGN`, `DSRT`, `AREA`).
    Region,
}

impl GeoPrecision {
    /// The lower-case name used in the JSON record and the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Town => "town",
            GeoPrecision::District => "district",
            GeoPrecision::Province => "province",
            GeoPrecision::Country => "country",
            GeoPrecision::River => "river",
            GeoPrecision::Region => "region",
        }
    }
}

/// A time expression of the event's sentence (« samedi », « le 12 mars 2016 », « en 2015 »).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRef {
    /// The expression exactly as written, its introducing words included.
    pub text: String,
    /// Offset of its first byte, in UTF-8 bytes from the start of the article.
    pub start: usize,
    /// Offset just past its last byte (exclusive), in UTF-8 bytes.
    pub end: usize,
    /// The date it names, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Relative expressions
    /// (« samedi », « hier ») are resolved against the article's [`Document::date`]; `null`
    /// when the article has no date to resolve them against, or when the expression names no
    /// single date (« récemment », « ces derniers jours »). A week (« la semaine dernière ») is
    /// the month that holds it, else its year.
    pub value: Option<String>,
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// `YYYY-MM-DD`.
    Day,
    /// `YYYY-MM`.
    Month,
    /// `YYYY`.
    Year,
}

impl DatePrecision {
    /// The precision of a date value written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn of(value: &str) -> Option<DatePrecision> {
        match value.len() {
            10 => Some(DatePrecision::Day),
            7 => Some(DatePrecision::Month),
            4 => Some(DatePrecision::Year),
            _ => None,
        }
    }

    /// The lower-case name used in the JSON record and the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
        }
    }
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// The event's own time expression names it (« samedi », « en 2015 »).
    Text,
    /// The event's sentence names no date: the article's date stands for it.
    Article,
}

impl DateOrigin {
    /// The lower-case name used in the JSON record and the exports.
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrigin::Text => "text",
            DateOrigin::Article => "article",
        }
    }
}

/// When an event happened, as well as the record can tell: a date of some precision, and
/// whether the text gives it or the article's date stands in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub value: String,
    /// How precise `value` is (the form it is written in).
    pub precision: DatePrecision,
    /// Whether the event's time expression gives it or the article's date.
    pub origin: DateOrigin,
}

impl EventDate {
    /// The date of an event with this time expression in an article of this date: the
    /// expression's value when it has one, else the article's date, else none.
    pub fn of(time: Option<&TimeRef>, article: Option<&str>) -> Option<EventDate> {
        let (value, origin) = match time.and_then(|t| t.value.as_deref()) {
            Some(v) => (v, DateOrigin::Text),
            None => (article?, DateOrigin::Article),
        };
        Some(EventDate {
            value: value.to_string(),
            precision: DatePrecision::of(value)?,
            origin,
        })
    }
}

/// How a count's number relates to the true number of people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as given (« 12 civils »).
    Exact,
    /// At least the number (« au moins 20 », « des dizaines » → 10).
    AtLeast,
    /// More than the number (« plus de 200 »).
    MoreThan,
    /// Roughly the number (« environ 300 », « une centaine » → 100).
    About,
    /// At most the number (« jusqu'à 50 »).
    UpTo,
    /// A range (« 300 à 400 », « entre 300 et 400 »): the number is its low end.
    Range,
}

/// A number of people involved in an event: killed, injured, displaced, surrendered, arrested…
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    /// The number as written, with its qualifier and noun when they are part of it
    /// (« plus de 200 éléments »).
    pub text: String,
    /// Offset of its first byte, in UTF-8 bytes from the start of the article.
    pub start: usize,
    /// Offset just past its last byte (exclusive), in UTF-8 bytes.
    pub end: usize,
    /// The number of people, in digits or words, multipliers applied (« 1,9 million » →
    /// 1,900,000).
    pub value: u64,
    /// How `value` relates to the true number.
    pub qualifier: Qualifier,
}

/// Whether the text says the event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// It happened, or is happening (the default).
    Asserted,
    /// The text says it did not happen (« n'ont pas repris »).
    Negated,
    /// Intended, ordered, announced or a goal: not yet happened (« veulent reprendre »).
    Planned,
    /// Conditional or possible (« si … parvenaient à s'emparer », « pourrait pousser »).
    Hypothetical,
}

/// The 16 event types of the ontology (`docs/ontology.md` gives their ACLED, CAMEO and PLOVER
/// counterparts). In JSON, the lower-case names of [`EventType::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// Taking control of a place from someone (« ont chassé … de », « la reprise de »).
    Capture,
    /// An assault, a clash, fighting (« attaque », « combats », « offensive »).
    Attack,
    /// Forces moving forward, closing in or besieging (« progressent », « encerclé »).
    Advance,
    /// Forces pulling back or leaving positions (« se sont retirés », « retrait »).
    Withdrawal,
    /// A strike from the air, by aircraft or drone (« frappes aériennes », « raid »).
    AirStrike,
    /// Artillery, rockets, mortars or missiles (« obus », « pilonnage »).
    Shelling,
    /// An explosive set off on the ground: suicide attack, car bomb, IED, mine (« attentat »).
    Bombing,
    /// People taken or held against their will (« enlevés », « prise d'otages »).
    Abduction,
    /// People killed (« tués », « morts », « exécutés »).
    Killing,
    /// People wounded (« blessés »).
    Injury,
    /// Civilians forced from their homes (« déplacés », « ont fui »).
    Displacement,
    /// Property destroyed, burnt or looted (« détruit », « incendié », « pillé »).
    Destruction,
    /// Fighters giving themselves up (« se sont rendus », « reddition »).
    Surrender,
    /// People arrested or detained by an authority (« interpellés », « arrêtés »).
    Arrest,
    /// Mines or explosives cleared or defused (« déminage »).
    Demining,
    /// A ceasefire, truce or deal concluded (« cessez-le-feu », « accord »).
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
///
/// The trigger, the time and the count are always mentions of the event's own sentence (inside
/// [`Event::sentence`]). The agents, targets, location and source are mentions of it as a rule,
/// but may come from an earlier sentence when this one names none: the side behind an act of
/// violence told just before, the paragraph's place, the source already named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// What kind of event it is; `"type"` in JSON.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The words that say it happened: a verb group with its auxiliaries (« ont chassé »,
    /// « a été tué »), a noun (« la reprise », « frappes ») or a fixed phrase.
    pub trigger: Span,
    /// The sentence the event was read from.
    pub sentence: Range,
    /// Who acts: the capturer, the attacker, the striker, who surrenders or withdraws. For an
    /// act of violence whose sentence names no one behind it, the side behind the one told just
    /// before (this sentence or the previous one, or the paragraph). Empty when unknown.
    pub agent: Vec<ActorRef>,
    /// Who or what undergoes it: the side driven out, the attacked, the killed, the displaced.
    /// Empty when the sentence does not say.
    pub target: Vec<ActorRef>,
    /// Where: the place the sentence names nearest the trigger, with the town that « la
    /// ville » stands for when it names only a region. A sentence that names no place takes
    /// the last place named earlier in its paragraph; empty when there is none.
    pub location: Vec<PlaceRef>,
    /// When, the sentence's time expression nearest the trigger; `null` when it has none.
    pub time: Option<TimeRef>,
    /// The event's date: [`Event::time`]'s value when it has one (origin `text`), else the
    /// article's [`Document::date`] (origin `article`); `null` when neither is known (and in
    /// records written before it existed).
    #[serde(default)]
    pub date: Option<EventDate>,
    /// How many people, for the types that count people (killing, injury, surrender,
    /// withdrawal, displacement, abduction, arrest); `null` for the other types, and when the
    /// sentence gives no number.
    pub count: Option<Count>,
    /// Who says so (« selon l'OSDH », « a rapporté l'agence Sana »); `null` when the article
    /// names no source for it.
    pub source: Option<ActorRef>,
    /// Whether the text says it happened, did not, is planned or is only possible.
    pub modality: Modality,
}
