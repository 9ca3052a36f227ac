//! The exports, shared by the page and the CLI: the ontology's JSON record (one array, or one
//! document per line), CSV with ACLED-like columns for spreadsheets, and GeoJSON.
//!
//! Every format is written as a stream, so that a corpus of any size needs memory for one
//! document at a time: a [`Writer`] writes the opening (the CSV header, `[`…), then pieces that
//! [`Options::render`] made from one document each (in any thread), then the closing.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use crate::engine::gazetteer::gazetteer;
use crate::engine::{ActorRef, Document, Event, EventType, PlaceRef};
use crate::explore::{
    Filter, Lang, acled_sub_type, actor_label, actors_label, event_date, fold, place_label,
};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON array of documents (the ontology's record).
    Json,
    /// One document per line (JSON Lines).
    Jsonl,
    /// One row per event.
    Csv,
    /// A FeatureCollection, one feature per event.
    GeoJson,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 4] = [Format::Json, Format::Jsonl, Format::Csv, Format::GeoJson];

    /// The name the CLI's `--format` takes.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::GeoJson => "geojson",
        }
    }

    /// Parses a format's name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 20] = [
    "event_id",
    "article",
    "date",
    "date_precision",
    "type",
    "sub_type",
    "actor1",
    "actor2",
    "location",
    "country",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "count",
    "count_qualifier",
    "fatalities",
    "modality",
    "trigger",
    "notes",
];

/// The characters a CSV export may separate its fields with.
pub const CSV_SEPARATORS: [char; 4] = [',', ';', '\t', '|'];

/// The byte-order mark that tells spreadsheets a CSV file is UTF-8.
const BOM: &str = "\u{feff}";

/// How to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// JSON only: indented, as `serde_json::to_string_pretty` writes it.
    pub pretty: bool,
    /// CSV only: the field separator, one of [`CSV_SEPARATORS`]. With `;` (what French Excel
    /// reads), decimals are written with a comma.
    pub csv_sep: char,
}

impl Options {
    /// `format` with its defaults: compact JSON, comma-separated CSV.
    pub fn new(format: Format) -> Options {
        Options {
            format,
            pretty: false,
            csv_sep: ',',
        }
    }

    /// One document's part of the export: the document itself (JSON, JSONL) or its events.
    pub fn render(&self, doc: &Document, text: &str) -> Piece {
        match self.format {
            Format::Json => {
                let json = if self.pretty {
                    let json = serde_json::to_string_pretty(doc).expect("records serialise");
                    // An element of the pretty array: every line one level in.
                    let mut out = String::with_capacity(json.len() + json.len() / 8);
                    for (i, line) in json.split('\n').enumerate() {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str("  ");
                        out.push_str(line);
                    }
                    out
                } else {
                    serde_json::to_string(doc).expect("records serialise")
                };
                Piece::items(json, 1)
            }
            Format::Jsonl => {
                let mut line = serde_json::to_string(doc).expect("records serialise");
                line.push('\n');
                Piece::items(line, 1)
            }
            Format::Csv => csv_piece(&document_rows(doc, text), self.csv_sep),
            Format::GeoJson => geojson_piece(&document_rows(doc, text)),
        }
    }

    /// What the export starts with.
    fn opening(&self) -> String {
        match self.format {
            Format::Json => "[".into(),
            Format::Jsonl => String::new(),
            Format::Csv => {
                let sep = self.csv_sep.to_string();
                format!("{BOM}{}\r\n", CSV_COLUMNS.join(&sep))
            }
            Format::GeoJson => r#"{"type":"FeatureCollection","features":["#.into(),
        }
    }

    /// What goes before the first item and between two items.
    fn separators(&self) -> (&'static str, &'static str) {
        match self.format {
            Format::Json if !self.pretty => ("", ","),
            Format::Json | Format::GeoJson => ("\n", ",\n"),
            Format::Jsonl | Format::Csv => ("", ""),
        }
    }

    /// What the export ends with, after `items` items.
    fn closing(&self, items: usize) -> &'static str {
        let broken = items > 0 && self.separators().0 == "\n";
        match self.format {
            Format::Json if broken => "\n]\n",
            Format::Json => "]\n",
            Format::GeoJson if broken => "\n]}\n",
            Format::GeoJson => "]}\n",
            Format::Jsonl | Format::Csv => "",
        }
    }
}

/// Part of an export, rendered from one document (or from events): text holding `items` items
/// (documents, features, rows) that the [`Writer`] separates from the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    text: String,
    items: usize,
}

impl Piece {
    fn items(text: String, items: usize) -> Piece {
        Piece { text, items }
    }

    /// Whether it holds nothing (a CSV or GeoJSON piece of a document without events).
    fn is_empty(&self) -> bool {
        self.items == 0
    }
}

/// Writes an export as a stream: the opening at once, each [`Piece`] as given, then the closing
/// on [`Writer::finish`].
pub struct Writer<W: Write> {
    out: W,
    options: Options,
    items: usize,
}

impl<W: Write> Writer<W> {
    /// Starts an export to `out`.
    pub fn new(mut out: W, options: Options) -> io::Result<Writer<W>> {
        out.write_all(options.opening().as_bytes())?;
        Ok(Writer {
            out,
            options,
            items: 0,
        })
    }

    /// Writes the next piece.
    pub fn write(&mut self, piece: &Piece) -> io::Result<()> {
        if piece.is_empty() {
            return Ok(());
        }
        let (first, between) = self.options.separators();
        let sep = if self.items == 0 { first } else { between };
        self.out.write_all(sep.as_bytes())?;
        self.out.write_all(piece.text.as_bytes())?;
        self.items += piece.items;
        Ok(())
    }

    /// Ends the export, flushes it and gives the output back.
    pub fn finish(mut self) -> io::Result<W> {
        let closing = self.options.closing(self.items);
        self.out.write_all(closing.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// One exported event: its document, the document's text, its index there, and the event.
pub struct ExportRow<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    /// The event's index in `doc.events`.
    pub index: usize,
    pub event: &'a Event,
}

/// Every event of a document, as export rows.
pub fn document_rows<'a>(doc: &'a Document, text: &'a str) -> Vec<ExportRow<'a>> {
    doc.events
        .iter()
        .enumerate()
        .map(|(index, event)| ExportRow {
            doc,
            text,
            index,
            event,
        })
        .collect()
}

/// A whole export in memory (what the page downloads).
fn export_all(options: Options, pieces: impl IntoIterator<Item = Piece>) -> String {
    let write = || -> io::Result<Vec<u8>> {
        let mut w = Writer::new(Vec::new(), options)?;
        for p in pieces {
            w.write(&p)?;
        }
        w.finish()
    };
    let bytes = write().expect("writing to memory does not fail");
    String::from_utf8(bytes).expect("every piece is a String")
}

/// The ontology's JSON record, indented: one object per document, with its events.
pub fn export_json(docs: &[Document]) -> String {
    let options = Options {
        pretty: true,
        ..Options::new(Format::Json)
    };
    // The text only serves CSV and GeoJSON.
    export_all(options, docs.iter().map(|d| options.render(d, "")))
}

/// One CSV row per event (RFC 4180 quoting, CRLF line ends), after a byte-order mark and the
/// header; `sep` is one of [`CSV_SEPARATORS`].
pub fn export_csv(rows: &[ExportRow], sep: char) -> String {
    let options = Options {
        csv_sep: sep,
        ..Options::new(Format::Csv)
    };
    export_all(options, [csv_piece(rows, sep)])
}

/// A GeoJSON FeatureCollection: one feature per event, a point at its place (null geometry when
/// no place has coordinates).
pub fn export_geojson(rows: &[ExportRow]) -> String {
    export_all(Options::new(Format::GeoJson), [geojson_piece(rows)])
}

/// A download's file name, after what it holds and the day: `depeche-<what>-<today>.<format>`,
/// where `<what>` is the one article all the events come from, else the filter's values, else
/// `corpus` (`depeche-capture-isis-from-2017-10-2026-12-01.csv`). `today` is `YYYY-MM-DD`.
pub fn file_name(
    filter: &Filter,
    single_article: Option<&str>,
    today: &str,
    format: Format,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(id) = single_article {
        parts.push(id.to_string());
    } else {
        let f = filter;
        parts.extend(f.types.iter().map(|t| t.as_str().to_string()));
        parts.extend(f.actor.iter().chain(&f.place).cloned());
        parts.extend(f.modality.map(|m| m.as_str().to_string()));
        parts.extend(f.from.iter().map(|d| format!("from-{d}")));
        parts.extend(f.to.iter().map(|d| format!("to-{d}")));
        if !f.q.trim().is_empty() {
            parts.push(f.q.clone());
        }
    }
    let mut what = String::new();
    for c in fold(&parts.join("-")).chars() {
        let c = if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        };
        if c != '-' || !(what.is_empty() || what.ends_with('-')) {
            what.push(c);
        }
        if what.len() >= 60 {
            break;
        }
    }
    let what = what.trim_end_matches('-');
    let what = if what.is_empty() { "corpus" } else { what };
    format!("depeche-{what}-{today}.{}", format.as_str())
}

/// An event's id: its article's id and its rank there, from 1 (`000_1d40…#3`).
fn event_id(r: &ExportRow) -> String {
    format!("{}#{}", r.doc.id, r.index + 1)
}

/// How precise a date is, from its form: `day`, `month` or `year`.
fn date_precision(date: &str) -> &'static str {
    match date.len() {
        10 => "day",
        7 => "month",
        4 => "year",
        _ => "",
    }
}

/// The event's place: its first place with coordinates, else its first place.
fn event_place(e: &Event) -> Option<&PlaceRef> {
    e.location
        .iter()
        .find(|p| p.lat.is_some() && p.lon.is_some())
        .or_else(|| e.location.first())
}

/// How precise a place is: the gazetteer's kind of place (`city`, `admin`, `region`, `river`,
/// `desert`, `country`); empty when the place did not resolve.
pub fn geo_precision(p: &PlaceRef) -> &'static str {
    let (Some(name), Some(country), Some(lat), Some(lon)) = (&p.place, &p.country, p.lat, p.lon)
    else {
        return "";
    };
    gazetteer()
        .find_resolved(name, country, lat, lon)
        .map_or("", |place| place.kind.as_str())
}

/// The people killed, for a killing with a count.
fn fatalities(e: &Event) -> Option<u64> {
    match (&e.count, e.kind) {
        (Some(c), EventType::Killing) => Some(c.value),
        _ => None,
    }
}

/// The name a value has in the JSON record (its serde name: `more_than`).
fn record_name<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The sentence the event comes from.
fn sentence_text<'a>(r: &ExportRow<'a>) -> &'a str {
    r.text
        .get(r.event.sentence.start..r.event.sentence.end)
        .unwrap_or("")
        .trim()
}

fn actor_names(v: &[ActorRef]) -> String {
    actors_label(v, Lang::Fr, "; ")
}

/// The CSV rows of some events.
fn csv_piece(rows: &[ExportRow], sep: char) -> Piece {
    let mut out = String::new();
    for r in rows {
        csv_row(&mut out, r, sep);
    }
    Piece::items(out, rows.len())
}

/// The GeoJSON features of some events, one a line.
fn geojson_piece(rows: &[ExportRow]) -> Piece {
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&geojson_feature(r).to_string());
    }
    Piece::items(out, rows.len())
}

fn csv_field(out: &mut String, s: &str, sep: char) {
    if s.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn csv_row(out: &mut String, r: &ExportRow, sep: char) {
    let e = r.event;
    let date = event_date(e, r.doc).unwrap_or("");
    let place = event_place(e);
    let number = |v: Option<f64>| {
        let s = v.map(|v| v.to_string()).unwrap_or_default();
        if sep == ';' { s.replace('.', ",") } else { s }
    };
    let fields = [
        event_id(r),
        r.doc.id.clone(),
        date.to_string(),
        date_precision(date).to_string(),
        e.kind.as_str().to_string(),
        acled_sub_type(e.kind).to_string(),
        actor_names(&e.agent),
        actor_names(&e.target),
        place.map(place_label).unwrap_or_default(),
        place.and_then(|p| p.country.clone()).unwrap_or_default(),
        number(place.and_then(|p| p.lat)),
        number(place.and_then(|p| p.lon)),
        place.map(geo_precision).unwrap_or_default().to_string(),
        e.source
            .as_ref()
            .map(|s| actor_label(s, Lang::Fr))
            .unwrap_or_default(),
        e.count
            .as_ref()
            .map(|c| c.value.to_string())
            .unwrap_or_default(),
        e.count
            .as_ref()
            .map(|c| record_name(c.qualifier))
            .unwrap_or_default(),
        fatalities(e).map(|n| n.to_string()).unwrap_or_default(),
        e.modality.as_str().to_string(),
        e.trigger.text.clone(),
        sentence_text(r).to_string(),
    ];
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        csv_field(out, f, sep);
    }
    out.push_str("\r\n");
}

fn geojson_feature(r: &ExportRow) -> Value {
    let e = r.event;
    let date = event_date(e, r.doc);
    let place = event_place(e);
    let geometry = match place.and_then(|p| Some((p.lon?, p.lat?))) {
        Some((lon, lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
        None => Value::Null,
    };
    let labels =
        |v: &[ActorRef]| -> Vec<String> { v.iter().map(|a| actor_label(a, Lang::Fr)).collect() };
    json!({
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "event_id": event_id(r),
            "article": r.doc.id,
            "date": date,
            "date_precision": date.map(date_precision),
            "type": e.kind.as_str(),
            "sub_type": acled_sub_type(e.kind),
            "agent": labels(&e.agent),
            "target": labels(&e.target),
            "place": place.map(place_label),
            "country": place.and_then(|p| p.country.clone()),
            "geo_precision": place.map(geo_precision).filter(|g| !g.is_empty()),
            "source": e.source.as_ref().map(|s| actor_label(s, Lang::Fr)),
            "count": e.count.as_ref().map(|c| c.value),
            "count_qualifier": e.count.as_ref().map(|c| record_name(c.qualifier)),
            "fatalities": fatalities(e),
            "modality": e.modality.as_str(),
            "trigger": e.trigger.text,
            "sentence": sentence_text(r),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Count, Modality, Qualifier, Range, Span, TimeRef};

    const TEXT: &str = "Les forces du régime syrien ont chassé samedi le groupe Etat islamique (EI) d’Al-Qaryatayn, a rapporté Sana. Au moins 12 civils ont été tués.";

    /// The gazetteer's place of this name and kind, as the engine records it at `start`.
    fn place(name: &str, kind: &str, start: usize) -> PlaceRef {
        let p = gazetteer()
            .places()
            .iter()
            .find(|p| p.name == name && p.kind.as_str() == kind)
            .expect("in the gazetteer");
        PlaceRef {
            text: name.into(),
            start,
            end: start + name.len(),
            place: Some(p.name.into()),
            lat: Some(p.lat),
            lon: Some(p.lon),
            country: Some(p.country.into()),
        }
    }

    fn span(needle: &str) -> Span {
        let start = TEXT.find(needle).expect("needle in text");
        Span {
            text: needle.into(),
            start,
            end: start + needle.len(),
        }
    }

    fn actor(needle: &str, id: &str) -> ActorRef {
        let s = span(needle);
        ActorRef {
            text: s.text,
            start: s.start,
            end: s.end,
            actor: Some(id.into()),
            name: None,
        }
    }

    fn sample_doc() -> Document {
        let first_end = TEXT.find(" Au moins").unwrap();
        let at = span("Al-Qaryatayn");
        let time = span("samedi");
        let capture = Event {
            kind: EventType::Capture,
            trigger: span("ont chassé"),
            sentence: Range {
                start: 0,
                end: first_end,
            },
            agent: vec![actor("Les forces du régime syrien", "SYR_GOV")],
            target: vec![actor("le groupe Etat islamique (EI)", "ISIS")],
            location: vec![place("Al-Qaryatayn", "city", at.start)],
            time: Some(TimeRef {
                text: time.text,
                start: time.start,
                end: time.end,
                value: Some("2017-10-21".into()),
            }),
            count: None,
            source: Some(actor("Sana", "SANA")),
            modality: Modality::Asserted,
        };
        let count = span("Au moins 12");
        let killing = Event {
            kind: EventType::Killing,
            trigger: span("ont été tués"),
            sentence: Range {
                start: first_end + 1,
                end: TEXT.len(),
            },
            agent: Vec::new(),
            target: Vec::new(),
            location: Vec::new(),
            time: None,
            count: Some(Count {
                text: count.text,
                start: count.start,
                end: count.end,
                value: 12,
                qualifier: Qualifier::AtLeast,
            }),
            source: None,
            modality: Modality::Asserted,
        };
        Document {
            id: "raqa".into(),
            title: None,
            date: Some("2017-10".into()),
            events: vec![capture, killing],
        }
    }

    /// The CSV's rows after the byte-order mark, split into fields (none of these is quoted
    /// but the notes, which come last).
    fn csv_rows(csv: &str, sep: char) -> Vec<Vec<String>> {
        let body = csv.strip_prefix(BOM).expect("a byte-order mark");
        body.split_terminator("\r\n")
            .map(|line| {
                let (fields, notes) = match line.find('"') {
                    Some(q) => (&line[..q], vec![line[q..].to_string()]),
                    None => (line, Vec::new()),
                };
                let mut v: Vec<String> = fields.split(sep).map(str::to_string).collect();
                if !notes.is_empty() {
                    v.pop();
                    v.extend(notes);
                }
                v
            })
            .collect()
    }

    #[test]
    fn csv_has_every_column_and_a_byte_order_mark() {
        let doc = sample_doc();
        let csv = export_csv(&document_rows(&doc, TEXT), ',');
        let rows = csv_rows(&csv, ',');
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), 3);
        let field = |row: usize, column: &str| {
            let i = CSV_COLUMNS.iter().position(|c| *c == column).unwrap();
            rows[row][i].clone()
        };
        assert_eq!(field(1, "event_id"), "raqa#1");
        assert_eq!(field(2, "event_id"), "raqa#2");
        assert_eq!(field(1, "article"), "raqa");
        assert_eq!(
            (field(1, "date"), field(1, "date_precision")),
            ("2017-10-21".into(), "day".into())
        );
        // The second event has no time: the article's month.
        assert_eq!(
            (field(2, "date"), field(2, "date_precision")),
            ("2017-10".into(), "month".into())
        );
        assert_eq!(field(1, "actor1"), "Forces gouvernementales syriennes");
        assert_eq!(field(1, "actor2"), "Etat islamique");
        assert_eq!(field(1, "location"), "Al-Qaryatayn");
        assert_eq!(field(1, "country"), "SY");
        assert_eq!(field(1, "geo_precision"), "city");
        assert_eq!(
            (field(1, "latitude"), field(1, "longitude")),
            ("34.23".into(), "37.241".into())
        );
        assert_eq!(field(1, "source"), "Agence Sana");
        assert_eq!(field(1, "trigger"), "ont chassé");
        assert_eq!(field(1, "modality"), "asserted");
        assert_eq!(
            field(1, "notes"),
            "\"Les forces du régime syrien ont chassé samedi le groupe Etat islamique (EI) d’Al-Qaryatayn, a rapporté Sana.\""
        );
        assert_eq!(field(2, "type"), "killing");
        assert_eq!(field(2, "sub_type"), "Attack");
        assert_eq!(field(2, "count"), "12");
        assert_eq!(field(2, "count_qualifier"), "at_least");
        assert_eq!(field(2, "fatalities"), "12");
        assert_eq!(field(2, "location"), "");
        assert_eq!(field(2, "geo_precision"), "");
        assert_eq!(field(1, "fatalities"), "");
    }

    #[test]
    fn geo_precision_is_the_gazetteers_kind_of_place() {
        assert_eq!(geo_precision(&place("Homs", "city", 0)), "city");
        assert_eq!(geo_precision(&place("Homs", "admin", 0)), "admin");
        assert_eq!(geo_precision(&place("Syrie", "country", 0)), "country");
        let unresolved = PlaceRef {
            place: None,
            lat: None,
            lon: None,
            country: None,
            ..place("Homs", "city", 0)
        };
        assert_eq!(geo_precision(&unresolved), "");
        assert_eq!(date_precision("2017"), "year");
        assert_eq!(date_precision(""), "");
    }

    #[test]
    fn a_semicolon_csv_has_decimal_commas() {
        let doc = sample_doc();
        let csv = export_csv(&document_rows(&doc, TEXT), ';');
        let rows = csv_rows(&csv, ';');
        assert_eq!(rows[0], CSV_COLUMNS);
        assert!(rows[1].contains(&"34,23".to_string()), "{:?}", rows[1]);
        assert!(rows[1].contains(&"37,241".to_string()));
        // A comma no longer needs quotes; a semicolon does.
        let mut doc = sample_doc();
        doc.id = "a;b,c".into();
        let csv = export_csv(&document_rows(&doc, TEXT), ';');
        assert!(csv.contains("\r\n\"a;b,c#1\";\"a;b,c\";"), "{csv}");
    }

    #[test]
    fn geojson_has_a_feature_an_event() {
        let doc = sample_doc();
        let geo: Value = serde_json::from_str(&export_geojson(&document_rows(&doc, TEXT))).unwrap();
        assert_eq!(geo["type"], "FeatureCollection");
        let f = &geo["features"];
        assert_eq!(f.as_array().unwrap().len(), 2);
        assert_eq!(f[0]["type"], "Feature");
        assert_eq!(f[0]["geometry"]["coordinates"], json!([37.241, 34.23]));
        assert_eq!(f[0]["properties"]["event_id"], "raqa#1");
        assert_eq!(f[0]["properties"]["geo_precision"], "city");
        assert_eq!(f[0]["properties"]["date_precision"], "day");
        assert_eq!(f[1]["geometry"], Value::Null);
        assert_eq!(f[1]["properties"]["count_qualifier"], "at_least");
        assert_eq!(f[1]["properties"]["fatalities"], 12);
        let empty: Value = serde_json::from_str(&export_geojson(&[])).unwrap();
        assert_eq!(empty["features"], json!([]));
    }

    /// The streamed writer's output for these documents in this format.
    fn streamed(options: Options, docs: &[Document]) -> String {
        let mut w = Writer::new(Vec::new(), options).unwrap();
        for d in docs {
            w.write(&options.render(d, TEXT)).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn streamed_json_is_what_serde_writes_for_the_whole_array() {
        let mut other = sample_doc();
        other.id = "autre".into();
        other.events.clear();
        for docs in [vec![], vec![sample_doc()], vec![sample_doc(), other]] {
            let compact = Options::new(Format::Json);
            let pretty = Options {
                pretty: true,
                ..compact
            };
            let want = serde_json::to_string(&docs).unwrap() + "\n";
            assert_eq!(streamed(compact, &docs), want);
            let want = serde_json::to_string_pretty(&docs).unwrap() + "\n";
            assert_eq!(streamed(pretty, &docs), want);
            assert_eq!(export_json(&docs), want);
            let lines = streamed(Options::new(Format::Jsonl), &docs);
            let back: Vec<Document> = lines
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(back, docs);
        }
    }

    #[test]
    fn streamed_csv_and_geojson_are_the_documents_rows() {
        let mut empty = sample_doc();
        empty.id = "vide".into();
        empty.events.clear();
        let docs = [sample_doc(), empty, sample_doc()];
        let rows: Vec<ExportRow> = docs.iter().flat_map(|d| document_rows(d, TEXT)).collect();
        assert_eq!(
            streamed(Options::new(Format::Csv), &docs),
            export_csv(&rows, ',')
        );
        assert_eq!(
            streamed(Options::new(Format::GeoJson), &docs),
            export_geojson(&rows)
        );
        let geo: Value = serde_json::from_str(&export_geojson(&rows)).unwrap();
        assert_eq!(geo["features"].as_array().unwrap().len(), 4);
    }

    #[test]
    fn file_names_say_what_the_export_holds() {
        let all = Filter::default();
        assert_eq!(
            file_name(&all, None, "2026-12-01", Format::Csv),
            "depeche-corpus-2026-12-01.csv"
        );
        assert_eq!(
            file_name(&all, Some("000_1d40"), "2026-12-01", Format::Json),
            "depeche-000_1d40-2026-12-01.json"
        );
        let filter = Filter {
            types: vec![EventType::Capture, EventType::AirStrike],
            place: Some("Deir ez-Zor".into()),
            from: Some("2017-10".into()),
            q: "l’État « islamique »".into(),
            ..Filter::default()
        };
        assert_eq!(
            file_name(&filter, None, "2026-12-01", Format::GeoJson),
            "depeche-capture-air_strike-deir-ez-zor-from-2017-10-l-etat-islamique-2026-12-01.geojson"
        );
        let long = Filter {
            q: "mot ".repeat(40),
            ..Filter::default()
        };
        let name = file_name(&long, None, "2026-12-01", Format::Csv);
        assert!(
            name.len() < 90 && name.ends_with("-2026-12-01.csv"),
            "{name}"
        );
        assert!(!name.contains("--"), "{name}");
    }
}
