//! Extraction quality on the gold annotation of the corpus and of the challenge set, as
//! regression floors: both are development data now, so these floors guard against breaking
//! what works, not a claim about unseen articles.

use depeche::corpus::ARTICLES;
use depeche::engine::{Document, extract, extract_with};
use depeche::evaluate::{Field, evaluate};

fn scores() -> depeche::evaluate::Scores {
    let gold: Vec<Document> = ARTICLES
        .iter()
        .map(|a| {
            let path = format!("{}/tests/gold/{}.json", env!("CARGO_MANIFEST_DIR"), a.id);
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect();
    let predicted: Vec<Document> = ARTICLES.iter().map(|a| extract(a.id, a.text)).collect();
    evaluate(&gold, &predicted)
}

#[test]
fn events_and_their_main_fields_stay_above_their_floors() {
    let s = scores();
    assert!(s.events.f1() >= 0.95, "event F1 {:.3}", s.events.f1());
    assert!(s.strict.f1() >= 0.65, "strict F1 {:.3}", s.strict.f1());
    for (field, floor) in [
        (Field::Agent, 0.80),
        (Field::Location, 0.70),
        (Field::Time, 0.75),
        (Field::Source, 0.75),
        (Field::Modality, 0.90),
    ] {
        let f1 = s.of_field(field).f1();
        assert!(f1 >= floor, "{} F1 {f1:.3} below {floor}", field.as_str());
    }
}

/// The challenge set (`tests/challenge`): our own dispatches of other wars, dated by its
/// manifest. Floors at the level reached, so that a change that loses quality there fails.
#[test]
fn the_challenge_set_stays_above_its_floors() {
    let dir = format!("{}/tests/challenge", env!("CARGO_MANIFEST_DIR"));
    let index = std::fs::read_to_string(format!("{dir}/index.tsv")).unwrap();
    let rows = depeche::manifest::parse(&index, |_| true).unwrap();
    let (gold, predicted): (Vec<Document>, Vec<Document>) = rows
        .iter()
        .map(|row| {
            let text = std::fs::read_to_string(format!("{dir}/{}.txt", row.id)).unwrap();
            let gold = std::fs::read_to_string(format!("{dir}/{}.json", row.id)).unwrap();
            let predicted = extract_with(&row.id, &text, None, row.date.as_deref());
            (serde_json::from_str(&gold).unwrap(), predicted)
        })
        .unzip();
    assert_eq!(gold.len(), 12);
    let s = evaluate(&gold, &predicted);
    assert!(s.events.f1() >= 0.85, "event F1 {:.3}", s.events.f1());
    assert!(s.strict.f1() >= 0.54, "strict F1 {:.3}", s.strict.f1());
    for (field, floor) in [
        (Field::Agent, 0.69),
        (Field::Target, 0.82),
        (Field::Location, 0.69),
        (Field::Source, 0.85),
    ] {
        let f1 = s.of_field(field).f1();
        assert!(f1 >= floor, "{} F1 {f1:.3} below {floor}", field.as_str());
    }
}
