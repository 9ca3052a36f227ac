//! Embeds every `corpus/*.txt` file, in name order, as `corpus::ARTICLES`, with what the
//! manifest `corpus/index.tsv` says of it (date, outlet, address, how the date was established).
//! A text without a manifest row, a row without a text, or a row without a date stops the build.

use std::collections::BTreeMap;
use std::{env, fs, path::Path};

/// The manifest's columns, in order.
const COLUMNS: [&str; 5] = ["id", "date", "outlet", "url", "date_basis"];

/// Whether `s` has the form of a date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn date_form(s: &str) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.len(), 1..=3) && digits(parts[0], 4) && parts[1..].iter().all(|p| digits(p, 2))
}

/// The manifest's rows by id: (date, outlet, url, date basis).
fn manifest(path: &Path) -> BTreeMap<String, [String; 4]> {
    let text = fs::read_to_string(path).expect("corpus/index.tsv is readable");
    let mut rows = BTreeMap::new();
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let header: Vec<&str> = lines.next().expect("a header").1.split('\t').collect();
    assert_eq!(
        header, COLUMNS,
        "corpus/index.tsv: the header names the columns"
    );
    for (n, line) in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        let at = format!("corpus/index.tsv:{}", n + 1);
        assert_eq!(cols.len(), COLUMNS.len(), "{at}: {} columns", COLUMNS.len());
        assert!(
            date_form(cols[1]),
            "{at}: date {:?} is no YYYY[-MM[-DD]]",
            cols[1]
        );
        assert!(
            !cols[4].trim().is_empty(),
            "{at}: say how the date was established"
        );
        let row = [cols[1], cols[2], cols[3], cols[4]].map(|c| c.trim().to_string());
        assert!(
            rows.insert(cols[0].to_string(), row).is_none(),
            "{at}: id twice"
        );
    }
    rows
}

fn main() {
    println!("cargo:rerun-if-changed=corpus");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut rows = manifest(&dir.join("index.tsv"));
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("corpus/ is readable")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    let mut code =
        String::from("/// The corpus, in file-name order.\npub const ARTICLES: &[Article] = &[\n");
    let optional = |s: &str| {
        if s.is_empty() {
            "None".to_string()
        } else {
            format!("Some({s:?})")
        }
    };
    for name in &names {
        let id = name.trim_end_matches(".txt");
        let [date, outlet, url, basis] = rows
            .remove(id)
            .unwrap_or_else(|| panic!("corpus/index.tsv has no row for {name}"));
        let path = dir.join(name);
        code.push_str(&format!(
            "    Article {{ id: {id:?}, text: include_str!({path:?}), date: {date:?}, \
             outlet: {outlet}, url: {url}, date_basis: {basis:?} }},\n",
            path = path.display().to_string(),
            outlet = optional(&outlet),
            url = optional(&url),
        ));
    }
    if let Some(id) = rows.keys().next() {
        panic!("corpus/index.tsv: {id} has no corpus/{id}.txt");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
