//! The worked example of `docs/ontology.md` is the engine's real output: its article, extracted,
//! gives the record the page shows (less the headline's own event, which the page leaves out).

use depeche::engine::{Document, extract};

/// The body of the first fenced block of `language` in `markdown`.
fn fenced<'a>(markdown: &'a str, language: &str) -> &'a str {
    let open = format!("```{language}\n");
    let start = markdown.find(&open).expect("the fenced block") + open.len();
    let len = markdown[start..].find("```\n").expect("its end");
    &markdown[start..start + len]
}

#[test]
fn the_documented_record_is_what_the_engine_gives() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ontology.md"))
        .expect("docs/ontology.md");
    let article = fenced(&doc, "text");
    let documented: Vec<Document> =
        serde_json::from_str(fenced(&doc, "json")).expect("the documented record parses");
    let [documented] = documented.as_slice() else {
        panic!("one document in the example");
    };
    let got = extract(&documented.id, article);
    assert_eq!(got.title, documented.title);
    assert_eq!(got.date, documented.date);
    // The headline « Les jihadistes chassés de Tal Afar » is an event of its own, left out.
    let headline = article.lines().next().unwrap();
    assert_eq!(got.events[0].sentence.end, headline.len());
    assert_eq!(got.events[1..], documented.events[..]);
    for e in &documented.events {
        assert_eq!(&article[e.trigger.start..e.trigger.end], e.trigger.text);
    }
}
