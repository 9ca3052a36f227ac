//! Prints the page's corpus data ([`depeche::corpus::CorpusData`]: the corpus's events and
//! titles) as JSON: Trunk's build hook (`scripts/corpus_events.sh`) ships it as
//! `corpus-events.json`.

fn main() {
    let data = depeche::corpus::CorpusData::build();
    println!(
        "{}",
        serde_json::to_string(&data).expect("a record serializes")
    );
}
