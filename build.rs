//! Embeds every `corpus/*.txt` file, in name order, as `corpus::ARTICLES`, with what the
//! manifest `corpus/index.tsv` says of it (date, outlet, address, how the date was established).
//! A text without a manifest row, a row without a text, a row without a date or without how it
//! was established stops the build. Also writes `explore::ACTOR_LABELS`, each canonical actor's
//! id and labels from `data/actors.tsv`, for the page: it shows actors' names without linking the
//! engine's actor table (aliases, metonyms, leaders: four times as large).

use std::{env, fs, path::Path};

// The crate's own manifest reader and calendar, so that the build reads the manifest as
// `depeche extract --manifest` does.
#[path = "src/engine/date.rs"]
#[allow(dead_code)] // only `Date::parse_iso` serves here
mod date;
#[path = "src/manifest.rs"]
mod manifest;

fn main() {
    println!("cargo:rerun-if-changed=corpus");
    println!("cargo:rerun-if-changed=src/manifest.rs");
    println!("cargo:rerun-if-changed=data/actors.tsv");
    actor_labels();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let index = fs::read_to_string(dir.join("index.tsv")).expect("corpus/index.tsv is readable");
    let mut rows = manifest::parse(&index, |d| date::Date::parse_iso(d).is_some())
        .unwrap_or_else(|why| panic!("corpus/index.tsv: {why}"));
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("corpus/ is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let mut code =
        String::from("/// The corpus, in file-name order.\npub const ARTICLES: &[Article] = &[\n");
    for name in &names {
        let id = name.trim_end_matches(".txt");
        let at = rows
            .iter()
            .position(|r| r.id == id)
            .unwrap_or_else(|| panic!("corpus/index.tsv has no row for {name}"));
        let row = rows.swap_remove(at);
        let (Some(date), Some(basis)) = (row.date, row.date_basis) else {
            panic!("corpus/index.tsv: {id} needs a date and how it was established");
        };
        let path = dir.join(name);
        code.push_str(&format!(
            "    Article {{ id: {id:?}, text: include_str!({path:?}), date: {date:?}, \
             outlet: {:?}, url: {:?}, date_basis: {basis:?} }},\n",
            row.outlet,
            row.url,
            path = path.display().to_string(),
        ));
    }
    if let Some(row) = rows.first() {
        panic!("corpus/index.tsv: {} has no corpus/{}.txt", row.id, row.id);
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// `actor_labels.rs`: `(id, label_fr, label_en)` of each row of `data/actors.tsv` (tab-separated,
/// `#` comments; the engine reads the same columns), sorted by id for a binary search; the first
/// row of an id wins, as in the engine. The engine's tests check the table itself; the crate's
/// tests check that both give every actor the same labels.
fn actor_labels() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/actors.tsv");
    let tsv = fs::read_to_string(&path).expect("data/actors.tsv is readable");
    let mut rows: Vec<[&str; 3]> = tsv
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            [col(0), col(3), col(4)]
        })
        .collect();
    rows.sort_by_key(|r| r[0]);
    rows.dedup_by_key(|r| r[0]);
    let mut code = String::from(
        "/// Each canonical actor's id and labels in French and in English, sorted by id.\n\
         pub const ACTOR_LABELS: &[(&str, &str, &str)] = &[\n",
    );
    for [id, fr, en] in rows {
        code.push_str(&format!("    ({id:?}, {fr:?}, {en:?}),\n"));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("actor_labels.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
