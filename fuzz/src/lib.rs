//! What the fuzz targets check on every input, beyond "no panic": the promises of
//! [`depeche::input::decode`] and of [`depeche::engine::extract`] as `docs/ontology.md` and
//! `src/engine/record.rs` state them, and a bound on the work done per input byte.
//!
//! Work is measured without a clock: a counting global allocator tallies the bytes and the
//! calls allocated while the engine runs, and both must stay under a line in the input's length
//! (a quadratic stage shows as quadratic allocation long before it shows as a timeout). CPU-bound
//! loops that allocate nothing are caught by libFuzzer's `-timeout`, which `make fuzz` sets.

use std::alloc::{GlobalAlloc, Layout, System};
use std::ops::Range;
use std::sync::Once;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use depeche::engine::{
    ActorRef, DatePrecision, Document, Event, EventDate, document, extract, sentences, tokens,
};
use depeche::input::{Encoding, InputError, check_text, decode};

/// The five bytes Windows-1252 leaves undefined: only they make non-UTF-8 bytes unreadable.
const WINDOWS_1252_UNDEFINED: [u8; 5] = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/// The largest article the CLI reads (`MAX_BYTES` in `src/bin/depeche.rs`): the fuzz target
/// decodes with the same limit, so that it sees the bytes exactly as the CLI would.
pub const CLI_LIMIT: usize = 1 << 30;

// The bounds on work, a line `PER_BYTE * n + BASE` in the text's length n. Measured on the
// corpus, the seeds and dense texts of 4 KB to 384 KB (« Obus. » or « Raqa » repeated), the
// engine allocates 12 to 600 bytes and 0 to 5.4 calls per byte, and writes up to 35 bytes of
// JSON per byte, the same at every size: the bounds leave room for denser texts, while a stage
// quadratic in the text's length crosses them from a few kilobytes on.
/// Bytes the engine may allocate per byte of text, and for any text.
const ALLOC_BYTES_PER_BYTE: u64 = 2_000;
const ALLOC_BYTES_BASE: u64 = 4 << 20;
/// Allocation calls per byte of text, and for any text.
const ALLOC_CALLS_PER_BYTE: u64 = 16;
const ALLOC_CALLS_BASE: u64 = 20_000;
/// Bytes of JSON per byte of text, and for any text.
const JSON_BYTES_PER_BYTE: usize = 200;
const JSON_BYTES_BASE: usize = 4096;

/// The system allocator, counting what is asked of it.
struct Counting;

static ALLOCATED_BYTES: AtomicU64 = AtomicU64::new(0);
static ALLOCATION_CALLS: AtomicU64 = AtomicU64::new(0);

fn tally(bytes: usize) {
    ALLOCATED_BYTES.fetch_add(bytes as u64, Relaxed);
    ALLOCATION_CALLS.fetch_add(1, Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; counting has no effect on
// the memory handed out.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        tally(layout.size());
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        tally(layout.size());
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout` (every path above forwards).
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A reallocation may copy the whole new block: count it in full.
        tally(new_size);
        // SAFETY: as for `dealloc`, and `new_size` is the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// What a closure allocated: (bytes, calls).
fn allocations<T>(f: impl FnOnce() -> T) -> (T, u64, u64) {
    let (bytes, calls) = (
        ALLOCATED_BYTES.load(Relaxed),
        ALLOCATION_CALLS.load(Relaxed),
    );
    let out = f();
    (
        out,
        ALLOCATED_BYTES.load(Relaxed) - bytes,
        ALLOCATION_CALLS.load(Relaxed) - calls,
    )
}

/// Builds the engine's lazily loaded tables (lexicons, gazetteer and its index of
/// transliterations) once, so that their cost is not counted against the first input.
fn warm_up() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let text = "09 Novembre, 2017, 16:51\n\nLes forces du régime syrien ont chassé samedi le \
                    groupe Etat islamique (EI) de Boukamal, près de Deiz Ezzor, a rapporté \
                    l’agence Sana. Plus de 200 jihadistes se sont rendus et 3 civils ont été tués \
                    mardi dans un attentat. « Daech a fui vers Raqqa », selon l’OSDH.";
        extract("warm-up", text);
    });
}

/// The fuzz target `decode`: `input::decode` with a limit taken from the first two bytes (so
/// that `TooLarge` is reached too), checked against what it promises.
pub fn check_decode(data: &[u8]) {
    let (limit, bytes) = match data {
        [a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])), rest),
        _ => (0, data),
    };
    let result = decode(bytes, limit);
    let utf8 = std::str::from_utf8(bytes);
    match &result {
        Ok(decoded) => {
            let text = &*decoded.text;
            match decoded.encoding {
                // UTF-8: the text is the bytes themselves, so offsets into it are offsets into
                // the file.
                Encoding::Utf8 => {
                    assert_eq!(text.as_ptr(), bytes.as_ptr(), "decode copied the bytes");
                    assert_eq!(text.len(), bytes.len());
                }
                // Windows-1252: bytes that are not UTF-8, one character each.
                Encoding::Windows1252 => {
                    assert!(utf8.is_err(), "UTF-8 read as Windows-1252");
                    assert_eq!(text.chars().count(), bytes.len());
                }
            }
            assert!(bytes.len() <= limit);
            assert!(!text.contains('\0'));
            assert!(!text.trim().is_empty());
        }
        Err(InputError::TooLarge { size, limit: l }) => {
            assert_eq!((*size, *l), (bytes.len(), limit));
            assert!(bytes.len() > limit);
        }
        Err(InputError::NotUtf8 { valid_up_to }) => {
            assert!(bytes.len() <= limit);
            let err = utf8.expect_err("valid UTF-8 called not UTF-8");
            assert_eq!(*valid_up_to, err.valid_up_to());
            assert!(std::str::from_utf8(&bytes[..*valid_up_to]).is_ok());
            // Refused only for a byte that Windows-1252 leaves undefined.
            assert!(
                bytes.iter().any(|b| WINDOWS_1252_UNDEFINED.contains(b)),
                "Windows-1252 text refused"
            );
        }
        Err(InputError::Binary) => {
            assert!(bytes.len() <= limit);
            assert!(bytes.contains(&0), "text without NUL called binary");
        }
        Err(InputError::Empty) => {
            assert!(bytes.len() <= limit);
            assert!(!bytes.contains(&0));
            // White space as `str::trim` knows it: in Windows-1252, the ASCII controls from tab
            // to carriage return, the space and the no-break space.
            let blank = match utf8 {
                Ok(text) => text.trim().is_empty(),
                Err(_) => bytes
                    .iter()
                    .all(|&b| matches!(b, 0x09..=0x0d | 0x20 | 0xa0)),
            };
            assert!(blank, "text called empty");
        }
    }
    if let Err(e) = &result {
        assert!(!e.to_string().is_empty(), "{e:?} has no message");
    }
    // The page checks pasted text (already a string) with `check_text`: the same verdict.
    if let Ok(text) = utf8
        && bytes.len() <= limit
    {
        assert_eq!(
            check_text(text),
            result.as_ref().map(|d| &*d.text).map_err(Clone::clone),
            "check_text and decode disagree"
        );
    }
}

/// The fuzz target `extract`: the bytes decoded as the CLI decodes a file, then extracted, and
/// every promise of the record checked.
pub fn check_extract(bytes: &[u8]) {
    let Ok(decoded) = decode(bytes, CLI_LIMIT) else {
        return;
    };
    let text = &*decoded.text;
    warm_up();
    let n = text.len() as u64;
    let (doc, alloc_bytes, alloc_calls) = allocations(|| extract("fuzz", text));
    check_work(n, alloc_bytes, alloc_calls);
    check_stages(text);
    check_document(text, &doc);
    check_json(text, &doc);
}

/// The work bound: what the engine allocated for `n` bytes of text stays under a line in `n`.
fn check_work(n: u64, alloc_bytes: u64, alloc_calls: u64) {
    assert!(
        alloc_bytes <= ALLOC_BYTES_PER_BYTE * n + ALLOC_BYTES_BASE,
        "{alloc_bytes} bytes allocated for {n} bytes of text"
    );
    assert!(
        alloc_calls <= ALLOC_CALLS_PER_BYTE * n + ALLOC_CALLS_BASE,
        "{alloc_calls} allocations for {n} bytes of text"
    );
}

/// Whether `range` is a range of `text` whose ends are character boundaries.
fn assert_range(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "{what} {range:?} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what} {range:?} cuts a character"
    );
}

/// The stages' own output: blocks, sentences and tokens are in order, disjoint and nested, so
/// that their number, and the work of every stage that walks them, is linear in the input.
fn check_stages(text: &str) {
    let layout = document::layout(text);
    let mut last_block_end = 0;
    let mut tokens_seen = 0usize;
    for block in &layout.blocks {
        assert_range(text, block, "block");
        assert!(block.start >= last_block_end, "blocks overlap: {block:?}");
        assert!(block.start < block.end, "empty block {block:?}");
        last_block_end = block.end;
        let mut last_sentence_end = block.start;
        for sentence in sentences::split(text, block.clone()) {
            assert_range(text, &sentence, "sentence");
            assert!(
                sentence.start >= last_sentence_end && sentence.end <= block.end,
                "sentence {sentence:?} out of order or outside its block {block:?}"
            );
            assert!(sentence.start < sentence.end, "empty sentence {sentence:?}");
            last_sentence_end = sentence.end;
            let mut last_token_end = sentence.start;
            for token in tokens::tokenize(text, sentence.clone()) {
                let range = token.start..token.end;
                assert_range(text, &range, "token");
                assert!(
                    range.start >= last_token_end && range.end <= sentence.end,
                    "token {range:?} out of order or outside its sentence {sentence:?}"
                );
                assert!(range.start < range.end, "empty token {range:?}");
                last_token_end = range.end;
                tokens_seen += 1;
            }
        }
    }
    // Disjoint, non-empty tokens: at most one per byte.
    assert!(tokens_seen <= text.len());
    if let Some(title) = &layout.title {
        assert_range(text, title, "title");
    }
}

/// A span of the record: its text must be the text's bytes `start..end`.
fn assert_span(text: &str, what: &str, span: &str, start: usize, end: usize) {
    assert_range(text, &(start..end), what);
    assert!(start < end, "{what} is empty at {start}");
    assert_eq!(&text[start..end], span, "{what} {start}..{end}");
}

/// The shape of a normalised date or time value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn is_date_value(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let month = |s: &str| digits(s, 2) && (1..=12).contains(&s.parse::<u8>().unwrap_or(0));
    let day = |s: &str| digits(s, 2) && (1..=31).contains(&s.parse::<u8>().unwrap_or(0));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && month(m),
        [y, m, d] => digits(y, 4) && month(m) && day(d),
        _ => false,
    }
}

/// A resolved actor has both its id and its name; an unresolved one neither.
fn check_actor(a: &ActorRef) {
    assert_eq!(
        a.actor.is_some(),
        a.name.is_some(),
        "actor {a:?} half resolved"
    );
    assert!(a.actor.as_ref().is_none_or(|id| !id.is_empty()));
}

fn check_event(text: &str, e: &Event) {
    let sentence = e.sentence.start..e.sentence.end;
    assert_range(text, &sentence, "sentence");
    assert_span(
        text,
        "trigger",
        &e.trigger.text,
        e.trigger.start,
        e.trigger.end,
    );
    assert!(
        sentence.start <= e.trigger.start && e.trigger.end <= sentence.end,
        "trigger {}..{} outside its sentence {sentence:?}",
        e.trigger.start,
        e.trigger.end
    );
    // The record says which mentions always belong to the event's own sentence: the trigger,
    // the time and the count (agents, targets, places and sources may come from earlier).
    let in_sentence = |what: &str, start: usize, end: usize| {
        assert!(
            sentence.start <= start && end <= sentence.end,
            "{what} {start}..{end} outside its sentence {sentence:?}"
        );
    };
    for (role, actors) in [("agent", &e.agent), ("target", &e.target)] {
        for a in actors {
            assert_span(text, role, &a.text, a.start, a.end);
            check_actor(a);
        }
    }
    if let Some(s) = &e.source {
        assert_span(text, "source", &s.text, s.start, s.end);
        check_actor(s);
    }
    for p in &e.location {
        assert_span(text, "location", &p.text, p.start, p.end);
        // A resolved place has all of name, coordinates and country; an unresolved one none.
        let resolved = [
            p.place.is_some(),
            p.lat.is_some(),
            p.lon.is_some(),
            p.country.is_some(),
            p.precision.is_some(),
        ];
        assert!(
            resolved.iter().all(|&r| r) || resolved.iter().all(|&r| !r),
            "place {p:?} half resolved"
        );
        if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        }
    }
    if let Some(t) = &e.time {
        assert_span(text, "time", &t.text, t.start, t.end);
        in_sentence("time", t.start, t.end);
        if let Some(value) = &t.value {
            assert!(is_date_value(value), "time value {value:?}");
        }
    }
    if let Some(d) = &e.date {
        assert!(is_date_value(&d.value), "event date {d:?}");
        assert_eq!(
            DatePrecision::of(&d.value),
            Some(d.precision),
            "event date {d:?}"
        );
    }
    if let Some(c) = &e.count {
        assert_span(text, "count", &c.text, c.start, c.end);
        in_sentence("count", c.start, c.end);
    }
}

/// The record's promises on one document.
fn check_document(text: &str, doc: &Document) {
    if let Some(title) = &doc.title {
        assert!(
            text.contains(title.as_str()),
            "title {title:?} not in the text"
        );
    }
    if let Some(date) = &doc.date {
        assert!(is_date_value(date), "article date {date:?}");
    }
    let mut last_sentence_start = 0;
    for e in &doc.events {
        check_event(text, e);
        // The event's date is its time's value, else the article's.
        assert_eq!(
            e.date,
            EventDate::of(e.time.as_ref(), doc.date.as_deref()),
            "event date"
        );
        // Events in text order: by sentence.
        assert!(
            e.sentence.start >= last_sentence_start,
            "events out of text order"
        );
        last_sentence_start = e.sentence.start;
    }
}

/// The record serialises to JSON that parses back to the same record, with every key of the
/// contract present (null rather than missing), and of a size linear in the text.
fn check_json(text: &str, doc: &Document) {
    let json = serde_json::to_string(doc).expect("the record serialises");
    assert!(
        json.len() <= JSON_BYTES_PER_BYTE * text.len() + JSON_BYTES_BASE,
        "{} bytes of JSON for {} bytes of text",
        json.len(),
        text.len()
    );
    let back: Document = serde_json::from_str(&json).expect("the JSON parses back");
    assert_eq!(&back, doc, "the record changed through JSON");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&value), ["date", "events", "id", "title"]);
    for e in value["events"].as_array().expect("events is an array") {
        assert_eq!(
            keys(e),
            [
                "agent", "count", "date", "location", "modality", "sentence", "source", "target",
                "time", "trigger", "type"
            ]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Les forces irakiennes ont repris samedi la ville de Tal Afar au groupe \
                        Etat islamique, selon l’armée. Trois civils ont été tués à Mossoul.";

    fn extracted() -> Document {
        let doc = extract("t", TEXT);
        assert!(doc.events.len() >= 2, "the test text has events: {doc:?}");
        doc
    }

    /// Found by `make fuzz`: a vertical tab and a no-break space (Windows-1252) are white space
    /// to the decoder, and the check had said the text was not empty.
    #[test]
    fn windows_1252_white_space_is_empty() {
        check_decode(&[0x19, 0x28, 0x0b, 0xa0]);
    }

    #[test]
    fn a_true_record_passes() {
        check_extract(TEXT.as_bytes());
        check_decode(b"\xff\xffLes forces ont repris Raqa.");
    }

    #[test]
    #[should_panic(expected = "trigger")]
    fn a_span_whose_text_differs_fails() {
        let mut doc = extracted();
        doc.events[0].trigger.text.push('x');
        check_document(TEXT, &doc);
    }

    #[test]
    #[should_panic(expected = "cuts a character")]
    fn a_span_inside_a_character_fails() {
        let mut doc = extracted();
        let apostrophe = TEXT.find('’').unwrap();
        let agent = &mut doc.events[0].agent[0];
        (agent.start, agent.end) = (apostrophe + 1, apostrophe + 3);
        check_document(TEXT, &doc);
    }

    #[test]
    #[should_panic(expected = "outside its sentence")]
    fn a_count_from_another_sentence_fails() {
        let mut doc = extracted();
        let count = doc.events.iter().find_map(|e| e.count.clone()).unwrap();
        doc.events[0].count = Some(count);
        check_document(TEXT, &doc);
    }

    #[test]
    #[should_panic(expected = "text order")]
    fn events_out_of_order_fail() {
        let mut doc = extracted();
        doc.events.reverse();
        check_document(TEXT, &doc);
    }

    #[test]
    #[should_panic(expected = "event date")]
    fn an_event_date_other_than_its_time_or_article_fails() {
        let mut doc = extracted();
        doc.date = Some("2017-10-22".into());
        check_document(TEXT, &doc);
    }

    #[test]
    #[should_panic(expected = "through JSON")]
    fn a_coordinate_json_cannot_hold_fails() {
        let mut doc = extracted();
        let place = doc
            .events
            .iter_mut()
            .find_map(|e| e.location.first_mut())
            .unwrap();
        place.lat = Some(f64::NAN);
        check_json(TEXT, &doc);
    }

    #[test]
    #[should_panic(expected = "bytes allocated")]
    fn quadratic_work_fails() {
        // What a stage that copied the text so far at every byte would allocate.
        let n = 20_000u64;
        check_work(n, n * n / 2, n);
    }

    #[test]
    fn work_is_counted() {
        let (_, bytes, calls) = allocations(|| vec![0u8; 1000]);
        assert!(bytes >= 1000 && calls >= 1);
    }

    #[test]
    fn date_values() {
        for ok in ["2017", "2017-10", "2017-10-21"] {
            assert!(is_date_value(ok), "{ok}");
        }
        for bad in [
            "17",
            "2017-13",
            "2017-10-32",
            "2017-1-2",
            "2017-10-21-1",
            "",
        ] {
            assert!(!is_date_value(bad), "{bad}");
        }
    }
}
