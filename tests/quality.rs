//! Extraction quality on the gold annotation of the corpus, as a regression floor: the seeds are
//! development data, so these floors guard against breaking what works, not a claim about
//! unseen articles.

use depeche::corpus::ARTICLES;
use depeche::engine::{Document, extract};
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
