//! The explorer's pure logic, with no web dependency (compiled and tested natively): the view
//! state and its URL query form, filters and how an event matches them, the corpus table's sort,
//! the labels the exports share (see [`crate::export`]), the one-line sentence that reads an
//! event, and the split of an article's text into highlighted pieces.

use std::cmp::Ordering;
use std::fmt::Write as _;

use crate::engine::{ActorRef, Document, Event, EventType, Modality};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The code used in the URL and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Picks the French or the English text.
    pub fn pick(self, fr: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The map, the timeline and the counts of the filtered events (the first view).
    #[default]
    Overview,
    /// One article with its events.
    Article,
    /// The events of all articles in one table.
    Table,
}

/// A column the corpus table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Article order, then text order (the default).
    #[default]
    Article,
    Date,
    Type,
    Agent,
    Place,
    Modality,
    Count,
    Target,
    Source,
    Trigger,
}

impl SortKey {
    /// Every column, in the table's order.
    pub const ALL: [SortKey; 10] = [
        SortKey::Article,
        SortKey::Date,
        SortKey::Type,
        SortKey::Agent,
        SortKey::Place,
        SortKey::Modality,
        SortKey::Count,
        SortKey::Target,
        SortKey::Source,
        SortKey::Trigger,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Article => "article",
            SortKey::Date => "date",
            SortKey::Type => "type",
            SortKey::Agent => "agent",
            SortKey::Place => "place",
            SortKey::Modality => "modality",
            SortKey::Count => "count",
            SortKey::Target => "target",
            SortKey::Source => "source",
            SortKey::Trigger => "trigger",
        }
    }

    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What restricts the events shown (and counted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Event types; empty means all.
    pub types: Vec<EventType>,
    /// An actor key (see [`actor_key`]) that must be an agent or a target.
    pub actor: Option<String>,
    /// A place key (see [`place_key`]) that must be a location.
    pub place: Option<String>,
    pub modality: Option<Modality>,
    /// Inclusive date bounds, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: Option<String>,
    pub to: Option<String>,
    /// With a date bound: whether undated events pass too (else the bound hides them).
    pub undated: bool,
    /// Free text: whole words, matched accent- and case-insensitively against the event's words,
    /// actors (as written and by canonical name), places and sentence.
    pub q: String,
}

impl Filter {
    /// Whether nothing is restricted.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether `ev` passes every filter (for many events, use [`Filter::compile`]).
    pub fn matches(&self, ev: &IndexedEvent) -> bool {
        self.compile().matches(ev)
    }

    /// Whether `ev` passes every filter but the type one (for the per-type counts).
    pub fn matches_except_type(&self, ev: &IndexedEvent) -> bool {
        self.compile().matches_except_type(ev)
    }

    /// Whether a date bound is set.
    pub fn has_dates(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The same filter with no date bound: what the timeline shows, and where the undated
    /// events that a date bound hides are counted.
    pub fn without_dates(&self) -> Filter {
        Filter {
            from: None,
            to: None,
            undated: false,
            ..self.clone()
        }
    }

    /// Prepares the filter for matching many events (the search words are folded once, each as
    /// ` its words `, so that it matches whole words of the haystack).
    pub fn compile(&self) -> CompiledFilter<'_> {
        CompiledFilter {
            filter: self,
            words: self
                .q
                .split_whitespace()
                .map(|w| format!(" {} ", words(w)))
                .filter(|w| !w.trim().is_empty())
                .collect(),
        }
    }
}

/// A [`Filter`] ready to match many events.
pub struct CompiledFilter<'a> {
    filter: &'a Filter,
    words: Vec<String>,
}

impl CompiledFilter<'_> {
    /// Whether `ev` passes every filter.
    pub fn matches(&self, ev: &IndexedEvent) -> bool {
        let types = &self.filter.types;
        (types.is_empty() || types.contains(&ev.kind)) && self.matches_except_type(ev)
    }

    /// Whether `ev` passes every filter but the type one.
    pub fn matches_except_type(&self, ev: &IndexedEvent) -> bool {
        let f = self.filter;
        if let Some(m) = f.modality
            && ev.modality != m
        {
            return false;
        }
        if let Some(a) = &f.actor
            && !ev.actors.iter().any(|k| k == a)
        {
            return false;
        }
        if let Some(p) = &f.place
            && !ev.places.iter().any(|k| k == p)
        {
            return false;
        }
        if f.has_dates() {
            let Some(d) = &ev.date else {
                return f.undated && self.matches_words(ev);
            };
            if let Some(from) = &f.from
                && !date_ends_after(d, from)
            {
                return false;
            }
            if let Some(to) = &f.to
                && !date_starts_before(d, to)
            {
                return false;
            }
        }
        self.matches_words(ev)
    }

    fn matches_words(&self, ev: &IndexedEvent) -> bool {
        self.words.iter().all(|w| ev.haystack.contains(w.as_str()))
    }
}

/// The words of `s`, folded (see [`fold`]) and joined by single spaces: letters and digits
/// only, so that « l'EI », « Deir ez-Zor » and « EI » meet on word edges.
pub fn words(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for w in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether the (possibly partial) date `d` ends on or after the bound `from`.
fn date_ends_after(d: &str, from: &str) -> bool {
    // "2017-10" covers "2017-10-01" … "2017-10-31": compare its upper end, which sorts after any
    // completion of the prefix.
    let mut hi = d.to_string();
    hi.push('~');
    hi.as_str() >= from
}

/// Whether the (possibly partial) date `d` starts on or before the bound `to`.
fn date_starts_before(d: &str, to: &str) -> bool {
    let mut hi = to.to_string();
    hi.push('~');
    d <= hi.as_str()
}

/// The whole view: which article, which filters, which language; what the URL query holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    pub article: Option<String>,
    pub filter: Filter,
    pub lang: Lang,
    pub mode: Mode,
    pub sort: SortKey,
    /// Descending sort.
    pub desc: bool,
}

impl ViewState {
    /// Reads a query string (with or without its leading `?`), ignoring what it does not know
    /// (see [`rejected_dates`] for the dates it ignores).
    pub fn from_query(query: &str) -> ViewState {
        let mut st = ViewState::default();
        let mut view = None;
        for (k, v) in query_pairs(query) {
            let value = || Some(v.clone()).filter(|v| !v.trim().is_empty());
            match k.as_str() {
                "article" => st.article = value(),
                "type" => {
                    for t in v.split(',').filter_map(EventType::parse) {
                        if !st.filter.types.contains(&t) {
                            st.filter.types.push(t);
                        }
                    }
                    st.filter.types.sort();
                }
                "actor" => st.filter.actor = value(),
                "place" => st.filter.place = value(),
                "modality" => st.filter.modality = Modality::parse(&v),
                "from" => st.filter.from = value().filter(|d| valid_date(d)),
                "to" => st.filter.to = value().filter(|d| valid_date(d)),
                "undated" => st.filter.undated = v == "1",
                "q" => st.filter.q = v,
                "lang" => {
                    st.lang = if v == "en" { Lang::En } else { Lang::Fr };
                }
                "view" => {
                    view = match v.as_str() {
                        "table" => Some(Mode::Table),
                        "article" => Some(Mode::Article),
                        "overview" => Some(Mode::Overview),
                        _ => None,
                    };
                }
                "sort" => {
                    let (name, desc) = match v.strip_prefix('-') {
                        Some(n) => (n, true),
                        None => (v.as_str(), false),
                    };
                    if let Some(key) = SortKey::parse(name) {
                        st.sort = key;
                        st.desc = desc;
                    }
                }
                _ => {}
            }
        }
        // Without `view`, a link to an article opens it; else the overview.
        st.mode = view.unwrap_or(if st.article.is_some() {
            Mode::Article
        } else {
            Mode::Overview
        });
        st
    }

    /// The query string (with its `?`, or empty) that [`ViewState::from_query`] reads back to `self`.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(&str, String)> = Vec::new();
        if let Some(a) = &self.article {
            parts.push(("article", a.clone()));
        }
        match (self.mode, self.article.is_some()) {
            (Mode::Table, _) => parts.push(("view", "table".into())),
            (Mode::Article, false) => parts.push(("view", "article".into())),
            (Mode::Overview, true) => parts.push(("view", "overview".into())),
            (Mode::Article, true) | (Mode::Overview, false) => {}
        }
        let f = &self.filter;
        if !f.types.is_empty() {
            let names: Vec<&str> = f.types.iter().map(|t| t.as_str()).collect();
            parts.push(("type", names.join(",")));
        }
        if let Some(a) = &f.actor {
            parts.push(("actor", a.clone()));
        }
        if let Some(p) = &f.place {
            parts.push(("place", p.clone()));
        }
        if let Some(m) = f.modality {
            parts.push(("modality", m.as_str().into()));
        }
        if let Some(d) = &f.from {
            parts.push(("from", d.clone()));
        }
        if let Some(d) = &f.to {
            parts.push(("to", d.clone()));
        }
        if f.undated {
            parts.push(("undated", "1".into()));
        }
        if !f.q.is_empty() {
            parts.push(("q", f.q.clone()));
        }
        if self.sort != SortKey::Article || self.desc {
            let sign = if self.desc { "-" } else { "" };
            parts.push(("sort", format!("{sign}{}", self.sort.as_str())));
        }
        if self.lang == Lang::En {
            parts.push(("lang", "en".into()));
        }
        if parts.is_empty() {
            return String::new();
        }
        let mut out = String::from("?");
        for (i, (k, v)) in parts.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(&percent_encode(v));
        }
        out
    }
}

/// The decoded `key=value` pairs of a query string (with or without its leading `?`).
fn query_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k), percent_decode(v))
    })
}

/// The date bounds of a query string that [`ViewState::from_query`] ignores because they are
/// not dates (`from=2099-99-99`), as `key=value`, so that the page can say so.
pub fn rejected_dates(query: &str) -> Vec<String> {
    query_pairs(query)
        .filter(|(k, v)| (k == "from" || k == "to") && !v.trim().is_empty() && !valid_date(v))
        .map(|(k, v)| format!("{k}={v}"))
        .collect()
}

/// A calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (`2017-02-30` is not one).
pub fn valid_date(d: &str) -> bool {
    crate::engine::date::Date::parse_iso(d).is_some()
}

/// Percent-encodes a query value (keeps unreserved characters and `,`).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decodes `%XX` and `+` in a query component; invalid UTF-8 is replaced, never fails.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Lower-cases, strips French diacritics and unifies apostrophes, for accent-blind matching.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            let m = match l {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
                'ç' => 'c',
                'é' | 'è' | 'ê' | 'ë' => 'e',
                'î' | 'ï' | 'í' | 'ì' => 'i',
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
                'ù' | 'û' | 'ü' | 'ú' => 'u',
                'ÿ' => 'y',
                'ñ' => 'n',
                '’' | 'ʼ' | '‘' | '`' => '\'',
                'œ' => {
                    out.push('o');
                    'e'
                }
                'æ' => {
                    out.push('a');
                    'e'
                }
                '\u{a0}' | '\u{202f}' => ' ',
                other => other,
            };
            out.push(m);
        }
    }
    out
}

/// An event with what filtering and sorting need, computed once.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedEvent {
    /// Index of its document in the explorer's list.
    pub doc: usize,
    /// Index of the event in its document.
    pub index: usize,
    pub kind: EventType,
    pub modality: Modality,
    /// The event's date: its time's value, else the article's date.
    pub date: Option<String>,
    /// Actor keys of agents and targets.
    pub actors: Vec<String>,
    /// Place keys of locations.
    pub places: Vec<String>,
    /// The words searched by the free-text filter (see [`words`]), each between single spaces.
    pub haystack: String,
    /// Folded first agent, place, target, source and trigger, for sorting.
    pub agent_sort: String,
    pub place_sort: String,
    pub target_sort: String,
    pub source_sort: String,
    pub trigger_sort: String,
    pub count: Option<u64>,
}

/// The key an actor filter uses: the canonical id, else the mention's text.
pub fn actor_key(a: &ActorRef) -> String {
    a.actor.clone().unwrap_or_else(|| a.text.clone())
}

/// The key a place filter uses: the gazetteer name, else the mention's text.
pub fn place_key(p: &crate::engine::PlaceRef) -> String {
    p.place.clone().unwrap_or_else(|| p.text.clone())
}

include!(concat!(env!("OUT_DIR"), "/actor_labels.rs"));

/// The canonical label of an actor id in the interface's language, from [`ACTOR_LABELS`] (written
/// by the build from `data/actors.tsv`), not the engine's actor table, which the page's wasm would
/// carry whole for its labels.
fn canonical_label(id: &str, lang: Lang) -> Option<&'static str> {
    let i = ACTOR_LABELS.binary_search_by_key(&id, |a| a.0).ok()?;
    let (_, fr, en) = ACTOR_LABELS[i];
    Some(lang.pick(fr, en))
}

/// How an actor is shown: its canonical label when it resolved, else the mention's text.
pub fn actor_label(a: &ActorRef, lang: Lang) -> String {
    a.actor
        .as_deref()
        .and_then(|id| canonical_label(id, lang))
        .map_or_else(|| a.text.clone(), str::to_string)
}

/// Several actors as one text: their labels joined by `sep`.
pub fn actors_label(v: &[ActorRef], lang: Lang, sep: &str) -> String {
    v.iter()
        .map(|a| actor_label(a, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// How an actor key (as in the actor filter) is shown.
pub fn actor_key_label(key: &str, lang: Lang) -> String {
    canonical_label(key, lang).map_or_else(|| key.to_string(), str::to_string)
}

/// How a place is shown.
pub fn place_label(p: &crate::engine::PlaceRef) -> String {
    match &p.place {
        Some(name) => name.clone(),
        None => p.text.clone(),
    }
}

/// Several places as one text.
pub fn places_label(v: &[crate::engine::PlaceRef]) -> String {
    v.iter().map(place_label).collect::<Vec<_>>().join(", ")
}

/// Indexes one document's events (`doc` is its index in the explorer's list).
pub fn index_document(doc: usize, d: &Document, text: &str) -> Vec<IndexedEvent> {
    d.events
        .iter()
        .enumerate()
        .map(|(index, e)| index_event(doc, index, e, text))
        .collect()
}

/// An event's date as the record gives it: its time's normalised value, else its article's date.
pub fn event_date(e: &Event) -> Option<&str> {
    e.date.as_ref().map(|d| d.value.as_str())
}

fn index_event(doc: usize, index: usize, e: &Event, text: &str) -> IndexedEvent {
    let date = event_date(e).map(str::to_string);
    // ` word word … `: every word between single spaces, so that a search matches whole words.
    let mut hay = String::from(" ");
    let mut add = |s: &str| {
        let w = words(s);
        if !w.is_empty() {
            hay.push_str(&w);
            hay.push(' ');
        }
    };
    add(e.kind.as_str());
    add(type_label(e.kind, Lang::Fr));
    add(type_label(e.kind, Lang::En));
    add(&e.trigger.text);
    for a in e.agent.iter().chain(&e.target).chain(&e.source) {
        add(&a.text);
        if let Some(id) = &a.actor {
            add(id);
            for lang in [Lang::Fr, Lang::En] {
                add(canonical_label(id, lang).unwrap_or_default());
            }
        }
    }
    for p in &e.location {
        add(&p.text);
        if let Some(name) = &p.place {
            add(name);
        }
    }
    if let Some(t) = &e.time {
        add(&t.text);
    }
    if let Some(s) = text.get(e.sentence.start..e.sentence.end) {
        add(s);
    }
    IndexedEvent {
        doc,
        index,
        kind: e.kind,
        modality: e.modality,
        date,
        actors: e.agent.iter().chain(&e.target).map(actor_key).collect(),
        places: e.location.iter().map(place_key).collect(),
        haystack: hay,
        agent_sort: e.agent.first().map(|a| fold(&a.text)).unwrap_or_default(),
        place_sort: e
            .location
            .first()
            .map(|p| fold(&place_label(p)))
            .unwrap_or_default(),
        target_sort: e.target.first().map(|a| fold(&a.text)).unwrap_or_default(),
        source_sort: e.source.as_ref().map(|a| fold(&a.text)).unwrap_or_default(),
        trigger_sort: fold(&e.trigger.text),
        count: e.count.as_ref().map(|c| c.value),
    }
}

/// Sorts the corpus table's rows; ties keep article and text order.
pub fn sort_rows(rows: &mut [&IndexedEvent], key: SortKey, desc: bool) {
    let natural = |a: &IndexedEvent, b: &IndexedEvent| (a.doc, a.index).cmp(&(b.doc, b.index));
    // Missing values go last whatever the direction.
    fn opt<T: Ord>(a: &Option<T>, b: &Option<T>, desc: bool) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => {
                if desc {
                    y.cmp(x)
                } else {
                    x.cmp(y)
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    fn text(a: &str, b: &str, desc: bool) -> Ordering {
        fn none(s: &str) -> Option<&str> {
            if s.is_empty() { None } else { Some(s) }
        }
        opt(&none(a), &none(b), desc)
    }
    rows.sort_by(|a, b| {
        let primary = match key {
            SortKey::Article => {
                if desc {
                    b.doc.cmp(&a.doc)
                } else {
                    a.doc.cmp(&b.doc)
                }
            }
            SortKey::Date => opt(&a.date, &b.date, desc),
            SortKey::Type => {
                let o = type_label(a.kind, Lang::Fr).cmp(type_label(b.kind, Lang::Fr));
                if desc { o.reverse() } else { o }
            }
            SortKey::Agent => text(&a.agent_sort, &b.agent_sort, desc),
            SortKey::Place => text(&a.place_sort, &b.place_sort, desc),
            SortKey::Modality => {
                let o = (a.modality as u8).cmp(&(b.modality as u8));
                if desc { o.reverse() } else { o }
            }
            SortKey::Count => opt(&a.count, &b.count, desc),
            SortKey::Target => text(&a.target_sort, &b.target_sort, desc),
            SortKey::Source => text(&a.source_sort, &b.source_sort, desc),
            SortKey::Trigger => text(&a.trigger_sort, &b.trigger_sort, desc),
        };
        primary.then_with(|| natural(a, b))
    });
}

/// An event type's name in the interface language.
pub fn type_label(t: EventType, lang: Lang) -> &'static str {
    use EventType::*;
    match (t, lang) {
        (Capture, Lang::Fr) => "prise de contrôle",
        (Capture, Lang::En) => "capture",
        (Attack, Lang::Fr) => "attaque",
        (Attack, Lang::En) => "attack",
        (Advance, Lang::Fr) => "avancée",
        (Advance, Lang::En) => "advance",
        (Withdrawal, Lang::Fr) => "retrait",
        (Withdrawal, Lang::En) => "withdrawal",
        (AirStrike, Lang::Fr) => "frappe aérienne",
        (AirStrike, Lang::En) => "air strike",
        (Shelling, Lang::Fr) => "bombardement d'artillerie",
        (Shelling, Lang::En) => "shelling",
        (Bombing, Lang::Fr) => "attentat / explosion",
        (Bombing, Lang::En) => "bombing / explosion",
        (Abduction, Lang::Fr) => "enlèvement",
        (Abduction, Lang::En) => "abduction",
        (Killing, Lang::Fr) => "morts",
        (Killing, Lang::En) => "killing",
        (Injury, Lang::Fr) => "blessés",
        (Injury, Lang::En) => "injury",
        (Displacement, Lang::Fr) => "déplacement de population",
        (Displacement, Lang::En) => "displacement",
        (Destruction, Lang::Fr) => "destruction",
        (Destruction, Lang::En) => "destruction",
        (Surrender, Lang::Fr) => "reddition",
        (Surrender, Lang::En) => "surrender",
        (Arrest, Lang::Fr) => "arrestation",
        (Arrest, Lang::En) => "arrest",
        (Demining, Lang::Fr) => "déminage",
        (Demining, Lang::En) => "demining",
        (Agreement, Lang::Fr) => "accord",
        (Agreement, Lang::En) => "agreement",
    }
}

/// A modality's name in the interface language.
pub fn modality_label(m: Modality, lang: Lang) -> &'static str {
    match (m, lang) {
        (Modality::Asserted, Lang::Fr) => "affirmé",
        (Modality::Asserted, Lang::En) => "asserted",
        (Modality::Negated, Lang::Fr) => "démenti / nié",
        (Modality::Negated, Lang::En) => "negated",
        (Modality::Planned, Lang::Fr) => "prévu / visé",
        (Modality::Planned, Lang::En) => "planned",
        (Modality::Hypothetical, Lang::Fr) => "hypothétique",
        (Modality::Hypothetical, Lang::En) => "hypothetical",
    }
}

/// The ACLED sub-event type closest to an event type (the ontology's table).
pub fn acled_sub_type(t: EventType) -> &'static str {
    use EventType::*;
    match t {
        Capture => "Government regains territory / Non-state actor overtakes territory",
        Attack => "Armed clash",
        Advance => "Armed clash",
        Withdrawal => "Non-violent transfer of territory",
        AirStrike => "Air/drone strike",
        Shelling => "Shelling/artillery/missile attack",
        Bombing => "Remote explosive/landmine/IED",
        Abduction => "Abduction/forced disappearance",
        Killing => "Attack",
        Injury => "Attack",
        Displacement => "Other",
        Destruction => "Looting/property destruction",
        Surrender => "Other",
        Arrest => "Arrests",
        Demining => "Disrupted weapons use",
        Agreement => "Agreement",
    }
}

/// The count as read (« plus de 200 »).
pub fn count_label(c: &crate::engine::Count, lang: Lang) -> String {
    use crate::engine::Qualifier::*;
    let prefix = match (c.qualifier, lang) {
        (Exact | Range, _) => "",
        (AtLeast, Lang::Fr) => "au moins ",
        (AtLeast, Lang::En) => "at least ",
        (MoreThan, Lang::Fr) => "plus de ",
        (MoreThan, Lang::En) => "more than ",
        (About, Lang::Fr) => "environ ",
        (About, Lang::En) => "about ",
        (UpTo, Lang::Fr) => "jusqu'à ",
        (UpTo, Lang::En) => "up to ",
    };
    format!("{prefix}{}", c.value)
}

/// An event read as one line: « agent — type — target — place — time — count — selon source ».
pub fn event_sentence(e: &Event, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let join = |v: &[ActorRef]| actors_label(v, lang, ", ");
    if !e.agent.is_empty() {
        parts.push(join(&e.agent));
    }
    let mut kind = type_label(e.kind, lang).to_string();
    if e.modality != Modality::Asserted {
        let _ = write!(kind, " ({})", modality_label(e.modality, lang));
    }
    parts.push(kind);
    if !e.target.is_empty() {
        parts.push(join(&e.target));
    }
    if !e.location.is_empty() {
        parts.push(places_label(&e.location));
    }
    if let Some(t) = &e.time {
        parts.push(t.text.clone());
    }
    if let Some(c) = &e.count {
        parts.push(count_label(c, lang));
    }
    if let Some(s) = &e.source {
        parts.push(format!(
            "{} {}",
            lang.pick("selon", "according to"),
            actor_label(s, lang)
        ));
    }
    parts.join(" — ")
}

/// What a piece of the highlighted text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Trigger,
    Agent,
    Target,
    Place,
    Time,
}

/// A piece of an article's text: plain, or marked for an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// The mark: which event (its index in the document) and which role.
    pub mark: Option<(usize, Role)>,
    /// The events whose sentence contains this piece.
    pub sentence_of: Vec<usize>,
}

/// Cuts `text` into pieces so that each event's trigger and its agent, target, place and time
/// are marked (a trigger wins over a role on the same characters); spans with invalid offsets are
/// ignored. `shown` lists the event indices to mark.
pub fn segments(text: &str, events: &[Event], shown: &[usize]) -> Vec<Segment> {
    let ok = |s: usize, e: usize| {
        s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    // Marks in increasing priority: later ones overwrite earlier ones.
    let mut marks: Vec<(usize, usize, usize, Role)> = Vec::new();
    for pass in [
        Role::Time,
        Role::Place,
        Role::Target,
        Role::Agent,
        Role::Trigger,
    ] {
        for &i in shown {
            let Some(e) = events.get(i) else { continue };
            match pass {
                Role::Time => {
                    if let Some(t) = &e.time {
                        marks.push((t.start, t.end, i, pass));
                    }
                }
                Role::Place => {
                    for p in &e.location {
                        marks.push((p.start, p.end, i, pass));
                    }
                }
                Role::Target => {
                    for a in &e.target {
                        marks.push((a.start, a.end, i, pass));
                    }
                }
                Role::Agent => {
                    for a in &e.agent {
                        marks.push((a.start, a.end, i, pass));
                    }
                }
                Role::Trigger => marks.push((e.trigger.start, e.trigger.end, i, pass)),
            }
        }
    }
    marks.retain(|&(s, e, _, _)| ok(s, e));
    // Boundaries: every mark edge and every sentence edge.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e, _, _) in &marks {
        cuts.push(s);
        cuts.push(e);
    }
    for &i in shown {
        if let Some(e) = events.get(i)
            && ok(e.sentence.start, e.sentence.end)
        {
            cuts.push(e.sentence.start);
            cuts.push(e.sentence.end);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        if s >= e {
            continue;
        }
        let mark = marks
            .iter()
            .rev()
            .find(|&&(ms, me, _, _)| ms <= s && e <= me)
            .map(|&(_, _, i, r)| (i, r));
        let sentence_of: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&i| {
                events
                    .get(i)
                    .is_some_and(|ev| ev.sentence.start <= s && e <= ev.sentence.end)
            })
            .collect();
        // Merge with the previous piece when nothing distinguishes them.
        if let Some(last) = out.last_mut()
            && last.mark.is_none()
            && mark.is_none()
            && last.sentence_of == sentence_of
            && last.end == s
        {
            last.end = e;
            continue;
        }
        out.push(Segment {
            start: s,
            end: e,
            mark,
            sentence_of,
        });
    }
    out
}

/// A title for a document: its title, else the first words of its body (page furniture such as
/// « Réagissez » left out, as the engine reads it).
pub fn display_title(doc: &Document, text: &str) -> String {
    if let Some(t) = doc.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let layout = crate::engine::document::layout(text);
    let body = layout.blocks.first().map_or(text, |b| &text[b.clone()]);
    first_words(body, 12)
}

/// `x` with `decimals` digits after the point (`fixed(-1.256, 2)` → `-1.26`, half away from
/// zero), for SVG coordinates and CSS lengths: integer arithmetic, so that the page's wasm links
/// no float formatting (`{:.2}` brings it in, about 10 KB). A value that rounds to zero has no
/// sign.
pub fn fixed(x: f64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let n = (x * scale as f64).round() as i64;
    let (int, frac) = (n.unsigned_abs() / scale, n.unsigned_abs() % scale);
    let sign = if n < 0 { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = decimals as usize)
    }
}

/// The first `n` words of the first non-empty line, with an ellipsis when cut.
pub fn first_words(text: &str, n: usize) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > n {
        format!("{} …", words[..n].join(" "))
    } else {
        words.join(" ")
    }
}

/// `text` with soft hyphens (U+00AD) inside its long words, at French syllable breaks, so that a
/// narrow table column can break « gouvernementales » as « gouver-nementales » rather than at any
/// letter: browsers draw the hyphen only where the line breaks, and many cannot hyphenate French
/// by themselves (Chromium without its downloaded dictionaries). Words of fewer than 10 letters
/// are left whole, and a break leaves at least 3 letters on each side.
pub fn hyphenate(text: &str) -> String {
    const MIN_WORD: usize = 10;
    const MIN_SIDE: usize = 3;
    let mut out = String::with_capacity(text.len() + 8);
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        let breaks = if word.len() >= MIN_WORD {
            syllable_breaks(word)
        } else {
            Vec::new()
        };
        for (i, c) in word.iter().enumerate() {
            if breaks.contains(&i) && i >= MIN_SIDE && word.len() - i >= MIN_SIDE {
                out.push('\u{ad}');
            }
            out.push(*c);
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The positions in `word` (letters only) before which French syllabification allows a break:
/// vowels together stay together; between two vowels, a lone consonant opens the next syllable
/// (« ta-les »), a group of consonants is cut before its last one (« ver-ne », « comp-ter »)
/// unless its last two are inseparable, a consonant then l or r (« pro-cla », « nis-tra ») or ch,
/// ph, th, gn, which go together to the next syllable. No break touches an x or a y (« exa-men »).
fn syllable_breaks(word: &[char]) -> Vec<usize> {
    let vowel = |c: char| "aeiouyàâäéèêëîïôöùûüÿæœ".contains(c.to_lowercase().next().unwrap_or(c));
    let inseparable = |a: char, b: char| {
        let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
        ("bcdfgkptv".contains(a) && (b == 'l' || b == 'r'))
            || matches!((a, b), ('c', 'h') | ('p', 'h') | ('t', 'h') | ('g', 'n'))
    };
    let mut breaks = Vec::new();
    let mut i = 0;
    // Each run of consonants between two vowels.
    while i < word.len() {
        if !vowel(word[i]) {
            i += 1;
            continue;
        }
        let start = (i..word.len()).find(|&j| !vowel(word[j]));
        let Some(start) = start else { break };
        let end = (start..word.len()).find(|&j| vowel(word[j]));
        let Some(end) = end else { break };
        let run = &word[start..end];
        let at = match run.len() {
            1 => start,
            n if inseparable(run[n - 2], run[n - 1]) => end - 2,
            _ => end - 1,
        };
        let touches_xy = word[at - 1..=at]
            .iter()
            .any(|c| matches!(c.to_ascii_lowercase(), 'x' | 'y'));
        if !touches_xy {
            breaks.push(at);
        }
        i = end;
    }
    breaks
}

/// The largest article the browser accepts, in bytes (a long dispatch is a few tens of KB).
pub const MAX_ARTICLE_BYTES: usize = 200_000;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{
        Count, EventDate, GeoPrecision, PlaceRef, Qualifier, Range, Span, TimeRef,
    };

    const TEXT: &str = "Les forces du régime syrien ont chassé samedi le groupe Etat islamique (EI) d’Al-Qaryatayn, a rapporté Sana. Puis rien.";

    include!("../tests/support/al_qaryatayn.rs");

    fn span_of(needle: &str) -> (usize, usize) {
        let s = TEXT.find(needle).expect("needle in text");
        (s, s + needle.len())
    }

    fn actor(needle: &str, id: Option<&str>) -> ActorRef {
        let (start, end) = span_of(needle);
        ActorRef {
            text: needle.into(),
            start,
            end,
            actor: id.map(Into::into),
            name: None,
        }
    }

    fn sample_event() -> Event {
        let (ts, te) = span_of("ont chassé");
        let (ps, pe) = span_of("Al-Qaryatayn");
        let (hs, he) = span_of("samedi");
        let send = TEXT.find(" Puis").unwrap();
        Event {
            kind: EventType::Capture,
            trigger: Span {
                text: "ont chassé".into(),
                start: ts,
                end: te,
            },
            sentence: Range {
                start: 0,
                end: send,
            },
            agent: vec![actor("Les forces du régime syrien", Some("SYR_GOV"))],
            target: vec![actor("le groupe Etat islamique (EI)", Some("ISIS"))],
            location: vec![al_qaryatayn(ps, pe)],
            time: Some(TimeRef {
                text: "samedi".into(),
                start: hs,
                end: he,
                value: Some("2017-10-21".into()),
            }),
            date: None,
            count: None,
            source: Some(actor("Sana", Some("SANA"))),
            modality: Modality::Asserted,
        }
    }

    fn sample_doc() -> Document {
        let mut planned = sample_event();
        planned.kind = EventType::AirStrike;
        planned.modality = Modality::Planned;
        planned.time = None;
        planned.location.clear();
        planned.count = Some(Count {
            text: "200".into(),
            start: 0,
            end: 0,
            value: 200,
            qualifier: Qualifier::MoreThan,
        });
        let mut events = vec![sample_event(), planned];
        for e in &mut events {
            e.date = EventDate::of(e.time.as_ref(), Some("2017-10-22"));
        }
        Document {
            id: "doc".into(),
            title: None,
            date: Some("2017-10-22".into()),
            events,
        }
    }

    #[test]
    fn fixed_writes_what_float_formatting_would() {
        for (x, d) in [
            (0.0, 2),
            (7.12345, 4),
            (-12.5004, 3),
            (42.0, 0),
            (-0.9, 0),
            (99.999, 1),
            (0.005, 1),
            (-180.0, 6),
            (1234.56789, 2),
        ] {
            assert_eq!(fixed(x, d), format!("{x:.*}", d as usize), "{x} to {d}");
        }
        assert_eq!(fixed(0.125, 2), "0.13", "half away from zero");
        assert_eq!(fixed(-0.001, 2), "0.00", "no sign on a zero");
    }

    #[test]
    fn query_round_trip() {
        let st = ViewState {
            article: Some("000_abc".into()),
            filter: Filter {
                types: vec![EventType::Capture, EventType::AirStrike],
                actor: Some("SYR_GOV".into()),
                place: Some("Deir ez-Zor & co".into()),
                modality: Some(Modality::Planned),
                from: Some("2017-10".into()),
                to: Some("2017-12-31".into()),
                undated: true,
                q: "l’EI à Raqa 100%".into(),
            },
            lang: Lang::En,
            mode: Mode::Table,
            sort: SortKey::Date,
            desc: true,
        };
        let q = st.to_query();
        assert!(q.starts_with("?article=000_abc"));
        assert!(q.contains("type=capture,air_strike"));
        assert_eq!(ViewState::from_query(&q), st);
        assert_eq!(ViewState::default().to_query(), "");
        assert_eq!(ViewState::from_query(""), ViewState::default());
        // The mode: the overview first, an article's link opens it, every mode survives the trip.
        assert_eq!(ViewState::default().mode, Mode::Overview);
        assert_eq!(ViewState::from_query("?article=x").mode, Mode::Article);
        for (article, mode) in [
            (None, Mode::Article),
            (Some("x"), Mode::Overview),
            (Some("x"), Mode::Table),
        ] {
            let v = ViewState {
                article: article.map(Into::into),
                mode,
                ..ViewState::default()
            };
            assert_eq!(ViewState::from_query(&v.to_query()), v);
        }
    }

    #[test]
    fn invalid_dates_in_the_query_are_ignored_and_named() {
        let q = "?from=2099-99-99&to=2017-02-30&q=x&from=";
        let st = ViewState::from_query(q);
        assert_eq!((st.filter.from, st.filter.to), (None, None));
        assert_eq!(rejected_dates(q), ["from=2099-99-99", "to=2017-02-30"]);
        assert!(rejected_dates("?from=2017-02-28&to=2017").is_empty());
        assert!(!valid_date("2017-13") && valid_date("2016-02-29"));
    }

    #[test]
    fn query_is_tolerant() {
        let st = ViewState::from_query(
            "?type=capture,bogus,capture&modality=maybe&lang=xx&q=a+b%2&from=20x&%ZZ=1&noval",
        );
        assert_eq!(st.filter.types, vec![EventType::Capture]);
        assert_eq!(st.filter.modality, None);
        assert_eq!(st.lang, Lang::Fr);
        assert_eq!(st.filter.q, "a b%2");
        assert_eq!(st.filter.from, None);
        assert_eq!(percent_decode("%C3%A9t%C3%A9"), "été");
        assert_eq!(percent_decode("%FF%"), "\u{fffd}%");
    }

    #[test]
    fn fold_is_accent_and_case_blind() {
        assert_eq!(fold("Élément d’ŒUVRE à Raqa"), "element d'oeuvre a raqa");
    }

    #[test]
    fn filters_match() {
        let d = sample_doc();
        let idx = index_document(0, &d, TEXT);
        let count = |f: &Filter| idx.iter().filter(|e| f.matches(e)).count();
        assert_eq!(count(&Filter::default()), 2);
        let types = Filter {
            types: vec![EventType::AirStrike],
            ..Filter::default()
        };
        assert_eq!(count(&types), 1);
        assert!(types.matches_except_type(&idx[0]));
        let actor = Filter {
            actor: Some("ISIS".into()),
            ..Filter::default()
        };
        assert_eq!(count(&actor), 2);
        let place = Filter {
            place: Some("Al-Qaryatayn".into()),
            ..Filter::default()
        };
        assert_eq!(count(&place), 1);
        let modality = Filter {
            modality: Some(Modality::Planned),
            ..Filter::default()
        };
        assert_eq!(count(&modality), 1);
        let q = Filter {
            q: "REGIME  qaryatayn".into(),
            ..Filter::default()
        };
        assert_eq!(count(&q), 2); // the sentence holds both words
        let q2 = Filter {
            q: "frappe".into(),
            ..Filter::default()
        };
        assert_eq!(count(&q2), 1);
        // Whole words only, accent- and case-blind, over canonical actor names too.
        let q_of = |q: &str| Filter {
            q: q.into(),
            ..Filter::default()
        };
        assert_eq!(count(&q_of("EI")), 2);
        assert_eq!(
            count(&q_of("gim")),
            0,
            "« régime » holds « gim » but not as a word"
        );
        assert_eq!(count(&q_of("Régime")), 2);
        assert_eq!(
            count(&q_of("gouvernementales")),
            2,
            "the canonical name of SYR_GOV"
        );
        assert_eq!(count(&q_of("d'Al-Qaryatayn")), 2);
        assert_eq!(words("l’EI, à Deir ez-Zor"), "l ei a deir ez zor");
        let dates = |from: Option<&str>, to: Option<&str>| Filter {
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..Filter::default()
        };
        assert_eq!(count(&dates(Some("2017-10-21"), Some("2017-10-21"))), 1);
        assert_eq!(count(&dates(Some("2017-10"), None)), 2);
        assert_eq!(count(&dates(Some("2017-10-23"), None)), 0);
        assert_eq!(count(&dates(None, Some("2017-10-20"))), 0);
        assert_eq!(count(&dates(None, Some("2017"))), 2);
        // An undated event is hidden by a date bound unless asked for.
        let mut undated_doc = sample_doc();
        undated_doc.date = None;
        for e in &mut undated_doc.events {
            e.date = EventDate::of(e.time.as_ref(), None);
        }
        let undated_idx = index_document(0, &undated_doc, TEXT);
        let mut f = dates(Some("2017-10-21"), None);
        assert_eq!(undated_idx.iter().filter(|e| f.matches(e)).count(), 1);
        f.undated = true;
        assert_eq!(undated_idx.iter().filter(|e| f.matches(e)).count(), 2);
        assert_eq!(f.without_dates(), Filter::default());
        assert!(date_ends_after("2017-10", "2017-10-05"));
        assert!(date_starts_before("2017-10", "2017-10-05"));
        assert!(!date_starts_before("2017-11", "2017-10-31"));
    }

    #[test]
    fn sentence_reads_the_event() {
        let d = sample_doc();
        assert_eq!(
            event_sentence(&d.events[0], Lang::Fr),
            "Forces gouvernementales syriennes — prise de contrôle — Etat islamique — Al-Qaryatayn — samedi — selon Agence Sana"
        );
        assert_eq!(
            event_sentence(&d.events[1], Lang::En),
            "Syrian government forces — air strike (planned) — Islamic State — more than 200 — according to SANA news agency"
        );
    }

    #[test]
    fn sorting() {
        let d = sample_doc();
        let idx = index_document(0, &d, TEXT);
        let mut rows: Vec<&IndexedEvent> = idx.iter().collect();
        sort_rows(&mut rows, SortKey::Type, false);
        assert_eq!(rows[0].kind, EventType::AirStrike);
        sort_rows(&mut rows, SortKey::Article, false);
        assert_eq!(rows[0].index, 0);
        sort_rows(&mut rows, SortKey::Place, true);
        assert_eq!(rows[0].index, 0, "missing places sort last");
        sort_rows(&mut rows, SortKey::Count, false);
        assert_eq!(rows[0].index, 1);
        for key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.as_str()), Some(key));
        }
        sort_rows(&mut rows, SortKey::Trigger, true);
        assert_eq!(rows[0].index, 0, "equal triggers keep text order");
    }

    #[test]
    fn segments_mark_triggers_and_roles() {
        let d = sample_doc();
        let segs = segments(TEXT, &d.events, &[0]);
        let marked: Vec<(&str, Role)> = segs
            .iter()
            .filter_map(|s| s.mark.map(|(_, r)| (&TEXT[s.start..s.end], r)))
            .collect();
        assert!(marked.contains(&("ont chassé", Role::Trigger)));
        assert!(marked.contains(&("Les forces du régime syrien", Role::Agent)));
        assert!(marked.contains(&("Al-Qaryatayn", Role::Place)));
        assert!(marked.contains(&("samedi", Role::Time)));
        // The pieces tile the text.
        assert_eq!(segs.first().unwrap().start, 0);
        assert_eq!(segs.last().unwrap().end, TEXT.len());
        assert!(segs.windows(2).all(|w| w[0].end == w[1].start));
        assert!(segs.iter().any(|s| s.sentence_of == vec![0]));
        // Bad offsets are ignored, not a panic.
        let mut bad = d.events[0].clone();
        bad.trigger.start = 1000;
        bad.trigger.end = 2;
        bad.agent[0].start = 1; // inside "L|e" is fine but "é" boundary check below
        bad.agent[0].end = TEXT.find('é').unwrap() + 1;
        let segs = segments(TEXT, &[bad], &[0]);
        assert_eq!(segs.last().unwrap().end, TEXT.len());
    }

    #[test]
    fn titles_fall_back_to_the_first_words_of_the_body() {
        assert_eq!(first_words("\n  un deux trois", 2), "un deux …");
        let text = " date 2017-10 Réagissez\n\nL’organisation vit ses derniers moments.";
        let doc = crate::engine::extract("x", text);
        assert_eq!(
            display_title(&doc, text),
            "L’organisation vit ses derniers moments."
        );
    }

    #[test]
    fn long_words_take_soft_hyphens_at_french_syllable_breaks() {
        let shown = |s: &str| hyphenate(s).replace('\u{ad}', "-");
        assert_eq!(
            shown("Forces gouvernementales syriennes"),
            "Forces gou-ver-ne-men-ta-les syriennes"
        );
        assert_eq!(
            shown("L’organisation autoproclamée"),
            "L’orga-ni-sa-tion auto-pro-cla-mée"
        );
        assert_eq!(shown("administration"), "admi-nis-tra-tion");
        assert_eq!(shown("internationale"), "inter-na-tio-nale");
        assert_eq!(shown("bombardements"), "bom-bar-de-ments");
        // Short words, hyphenated names and what is not a letter stay as they are.
        assert_eq!(shown("Al-Qaryatayn, Homs"), "Al-Qaryatayn, Homs");
        assert_eq!(
            shown("« ont rétabli la sécurité » 2017-10-21"),
            "« ont rétabli la sécurité » 2017-10-21"
        );
        // Three letters at least on each side; nothing next to an x or a y.
        assert_eq!(shown("extraordinaire"), "extraor-di-naire");
        assert_eq!(
            hyphenate("gouvernementales").replace('\u{ad}', ""),
            "gouvernementales"
        );
    }

    #[test]
    fn the_pages_actor_labels_are_the_engines() {
        use crate::engine::mentions::actors::{actors, lookup_actor};
        for a in actors() {
            assert_eq!(
                canonical_label(a.id, Lang::Fr),
                Some(a.label_fr),
                "{}",
                a.id
            );
            assert_eq!(
                canonical_label(a.id, Lang::En),
                Some(a.label_en),
                "{}",
                a.id
            );
        }
        for (id, _, _) in ACTOR_LABELS {
            assert!(lookup_actor(id).is_some(), "{id}");
        }
        assert_eq!(ACTOR_LABELS.len(), actors().len());
        assert_eq!(canonical_label("NOPE", Lang::Fr), None);
    }
}
