//! Property tests: no input makes the engine panic, every span it emits is exact (the trigger,
//! time and count inside their sentence, as the record says), and the record survives JSON. (`make fuzz` checks the same and more.)

use depeche::engine::{Document, extract};
use proptest::prelude::*;

/// Every span of a document, as (start, end, text).
fn spans(doc: &Document) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    for e in &doc.events {
        out.push((e.trigger.start, e.trigger.end, e.trigger.text.as_str()));
        for a in e.agent.iter().chain(&e.target).chain(&e.source) {
            out.push((a.start, a.end, a.text.as_str()));
        }
        for p in &e.location {
            out.push((p.start, p.end, p.text.as_str()));
        }
        if let Some(t) = &e.time {
            out.push((t.start, t.end, t.text.as_str()));
        }
        if let Some(c) = &e.count {
            out.push((c.start, c.end, c.text.as_str()));
        }
    }
    out
}

fn assert_exact(text: &str) {
    let doc = extract("p", text);
    for (start, end, span) in spans(&doc) {
        assert_eq!(text.get(start..end), Some(span), "span {start}..{end}");
        assert!(start < end, "empty span at {start}");
    }
    // The record's rule (src/engine/record.rs): these lie in the event's own sentence.
    for e in &doc.events {
        let inside = |start: usize, end: usize| e.sentence.start <= start && end <= e.sentence.end;
        assert!(inside(e.trigger.start, e.trigger.end));
        assert!(e.time.as_ref().is_none_or(|t| inside(t.start, t.end)));
        assert!(e.count.as_ref().is_none_or(|c| inside(c.start, c.end)));
    }
    // The JSON record parses back to the same record.
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(serde_json::from_str::<Document>(&json).unwrap(), doc);
}

/// Pieces of conflict French, so that random texts reach deep into every stage.
const PIECES: &[&str] = &[
    "Les forces du régime syrien ont chassé samedi le groupe Etat islamique (EI) de Raqa",
    ", a rapporté l’agence Sana. ",
    "« Plus de 200 éléments de l’EI se sont rendus »",
    "Daech délogé de ses derniers bastions\n\n",
    "au moins 20 morts dans un attentat-suicide à Kaboul mardi",
    "si les troupes parvenaient à s’emparer d’Al-Koum",
    "l’Observatoire syrien des droits de l’Homme (OSDH)",
    "09 Novembre, 2017, 16:51 | Auteur: X\n",
    "1,9 million de déplacés",
    " 300 à 400 ",
    "l'",
    "’",
    "«",
    "»",
    "(",
    ")",
    ".",
    ",",
    "\n",
    "é",
    "🙂",
    "\u{feff}",
    "\u{202f}",
    "<script>alert(1)</script>",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        assert_exact(&text);
    }

    #[test]
    fn random_bytes_decoded_lossily_are_safe(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        assert_exact(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn shuffled_conflict_french_is_safe(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let text: String = picks.into_iter().map(|k| PIECES[k]).collect();
        assert_exact(&text);
    }
}
