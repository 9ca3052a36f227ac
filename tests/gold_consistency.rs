//! The gold annotations (`tests/gold/*.json` for `corpus/`, `tests/challenge/*.json` for the
//! articles beside them) are well-formed: each is a `Document` of the CLI's record, every span's
//! text is the article's bytes at its offsets, each trigger lies inside its sentence, and every
//! article has a gold file.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use depeche::engine::Document;
use depeche::evaluate::{Field, evaluate};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stems(dir: &Path, ext: &str) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// (gold directory, directory of its articles), relative to the crate.
const SETS: [(&str, &str); 2] = [
    ("tests/gold", "corpus"),
    ("tests/challenge", "tests/challenge"),
];

fn gold_documents() -> Vec<(Document, Vec<u8>)> {
    SETS.iter()
        .flat_map(|(gold, texts)| set_documents(gold, texts))
        .collect()
}

fn set_documents(gold: &str, texts: &str) -> Vec<(Document, Vec<u8>)> {
    let dir = root().join(gold);
    stems(&dir, "json")
        .into_iter()
        .map(|id| {
            let path = dir.join(format!("{id}.json"));
            let json = fs::read_to_string(&path).unwrap();
            let doc: Document = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{}: not a Document: {e}", path.display()));
            assert_eq!(
                doc.id,
                id,
                "{}: id differs from the file name",
                path.display()
            );
            let text = fs::read(root().join(texts).join(format!("{id}.txt")))
                .unwrap_or_else(|e| panic!("{id}: no corpus file: {e}"));
            (doc, text)
        })
        .collect()
}

fn check_span(id: &str, what: &str, text: &[u8], span_text: &str, start: usize, end: usize) {
    assert!(
        start < end && end <= text.len(),
        "{id}: {what} «{span_text}» has bad offsets {start}..{end}"
    );
    assert_eq!(
        &text[start..end],
        span_text.as_bytes(),
        "{id}: {what} at {start}..{end} is «{}», not «{span_text}»",
        String::from_utf8_lossy(&text[start..end])
    );
}

#[test]
fn every_article_has_a_gold_file() {
    for (gold_dir, texts) in SETS {
        let articles = stems(&root().join(texts), "txt");
        let gold = stems(&root().join(gold_dir), "json");
        assert!(!articles.is_empty(), "{texts}: no articles");
        let missing: Vec<_> = articles.difference(&gold).collect();
        assert!(missing.is_empty(), "{gold_dir}: no gold for {missing:?}");
        let orphans: Vec<_> = gold.difference(&articles).collect();
        assert!(
            orphans.is_empty(),
            "{gold_dir}: gold without an article: {orphans:?}"
        );
    }
}

#[test]
fn gold_spans_are_the_corpus_bytes() {
    let docs = gold_documents();
    assert!(!docs.is_empty());
    for (doc, text) in &docs {
        let id = doc.id.as_str();
        assert!(!doc.events.is_empty(), "{id}: no events");
        if let Some(title) = &doc.title {
            let first_line = text.split(|&b| b == b'\n').next().unwrap();
            assert_eq!(
                first_line,
                title.as_bytes(),
                "{id}: title is not the first line"
            );
        }
        if let Some(date) = &doc.date {
            let ok = matches!(date.len(), 7 | 10)
                && date.bytes().enumerate().all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            assert!(ok, "{id}: date {date} is not YYYY-MM or YYYY-MM-DD");
        }
        let mut last_start = 0;
        for (n, e) in doc.events.iter().enumerate() {
            let what = format!("event {n} ({})", e.kind.as_str());
            let t = &e.trigger;
            check_span(
                id,
                &format!("{what} trigger"),
                text,
                &t.text,
                t.start,
                t.end,
            );
            assert!(t.start >= last_start, "{id}: {what} is out of text order");
            last_start = t.start;
            let s = e.sentence;
            assert!(
                s.start < s.end && s.end <= text.len(),
                "{id}: {what} sentence range"
            );
            assert!(
                std::str::from_utf8(&text[s.start..s.end]).is_ok(),
                "{id}: {what} sentence does not fall on character boundaries"
            );
            assert!(
                s.start <= t.start && t.end <= s.end,
                "{id}: {what} trigger {}..{} is outside its sentence {}..{}",
                t.start,
                t.end,
                s.start,
                s.end
            );
            for a in &e.agent {
                check_span(id, &format!("{what} agent"), text, &a.text, a.start, a.end);
            }
            for a in &e.target {
                check_span(id, &format!("{what} target"), text, &a.text, a.start, a.end);
            }
            for p in &e.location {
                check_span(
                    id,
                    &format!("{what} location"),
                    text,
                    &p.text,
                    p.start,
                    p.end,
                );
                let resolved = [p.lat.is_some(), p.lon.is_some(), p.country.is_some()];
                assert!(
                    resolved.iter().all(|&r| r == p.place.is_some()),
                    "{id}: {what} location «{}» is half resolved",
                    p.text
                );
            }
            if let Some(x) = &e.time {
                check_span(id, &format!("{what} time"), text, &x.text, x.start, x.end);
            }
            if let Some(x) = &e.count {
                check_span(id, &format!("{what} count"), text, &x.text, x.start, x.end);
            }
            if let Some(x) = &e.source {
                check_span(id, &format!("{what} source"), text, &x.text, x.start, x.end);
            }
        }
    }
}

#[test]
fn gold_scored_against_itself_is_perfect() {
    let gold: Vec<Document> = gold_documents().into_iter().map(|(d, _)| d).collect();
    let scores = evaluate(&gold, &gold);
    let total: usize = gold.iter().map(|d| d.events.len()).sum();
    assert_eq!(scores.events.right, total);
    assert_eq!(scores.events.f1(), 1.0);
    for field in Field::ALL {
        let c = scores.of_field(field);
        assert_eq!((c.gold, c.pred), (c.right, c.right), "{field:?}");
    }
}
