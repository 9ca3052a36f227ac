//! The `depeche` command line: output shape, errors and exit codes.

use std::io::Write;
use std::process::{Command, Stdio};

fn depeche(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_depeche"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("depeche-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn extracts_the_corpus_in_input_order_with_every_key() {
    let files = [
        "corpus/000_1d402241c3120807.txt",
        "corpus/002_6790e6a79f7286e9.txt",
    ];
    let (code, out, err) = depeche(&["extract", files[0], files[1]], None);
    assert_eq!(code, 0, "{err}");
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let docs = docs.as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["id"], "000_1d402241c3120807");
    assert_eq!(docs[1]["id"], "002_6790e6a79f7286e9");
    assert_eq!(docs[1]["date"], "2017-11-09");
    let text = std::fs::read_to_string(files[0]).unwrap();
    let events = docs[0]["events"].as_array().unwrap();
    assert!(!events.is_empty());
    for e in events {
        for key in [
            "type", "trigger", "sentence", "agent", "target", "location", "time", "count",
            "source", "modality",
        ] {
            assert!(e.get(key).is_some(), "missing {key}");
        }
        let (s, t) = (
            e["trigger"]["start"].as_u64().unwrap() as usize,
            e["trigger"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..t], e["trigger"]["text"].as_str().unwrap());
    }
}

#[test]
fn reads_standard_input_and_pretty_prints() {
    let (code, out, _) = depeche(
        &["extract", "--pretty", "-"],
        Some("Les rebelles ont pris la ville de Gao samedi.".as_bytes()),
    );
    assert_eq!(code, 0);
    assert!(out.contains("\n  {"), "indented");
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(docs[0]["id"], "stdin");
}

#[test]
fn bad_files_are_named_on_stderr_and_the_others_still_printed() {
    let empty = temp_file("empty.txt", b"");
    let binary = temp_file("binary.txt", b"Arm\xe9e\0syrienne");
    let neither = temp_file("neither.txt", b"Arm\xe9e \x81 syrienne");
    let good = temp_file("good.txt", "L’armée a repris Palmyre.".as_bytes());
    let (code, out, err) = depeche(
        &[
            "extract",
            &empty,
            &binary,
            &neither,
            "/no/such/file.txt",
            &good,
        ],
        None,
    );
    assert_eq!(code, 1);
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["id"], "good");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines[0].contains("empty.txt") && lines[0].contains("empty"));
    assert!(lines[1].contains("binary.txt") && lines[1].contains("binary"));
    assert!(lines[2].contains("neither.txt") && lines[2].contains("UTF-8"));
    assert!(lines[3].contains("/no/such/file.txt"));
}

#[test]
fn a_windows_1252_file_is_decoded_and_said_so() {
    // « L’armée malienne a repris Tessalit » saved by a French Windows editor.
    let latin1 = temp_file(
        "latin1.txt",
        b"L\x92arm\xe9e malienne a repris Tessalit mardi.",
    );
    let (code, out, err) = depeche(&["extract", &latin1], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("latin1.txt") && err.contains("Windows-1252"),
        "{err}"
    );
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let trigger = &docs[0]["events"][0]["trigger"];
    assert_eq!(trigger["text"], "a repris");
    // Offsets are into the decoded text.
    let text = "L’armée malienne a repris Tessalit mardi.";
    let (s, e) = (
        trigger["start"].as_u64().unwrap() as usize,
        trigger["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "a repris");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["extract"],
        &["frobnicate"],
        &["extract", "--format", "xml", "x.txt"],
        &["extract", "--format"],
        &["extract", "-j", "0", "x.txt"],
        &["extract", "-j", "deux", "x.txt"],
        &["extract", "--pretty", "--format", "csv", "x.txt"],
        &["extract", "--frobnicate", "x.txt"],
        &["eval", "tests/gold"],
    ] {
        assert_eq!(depeche(args, None).0, 2, "{args:?}");
    }
}

#[test]
fn a_large_article_is_processed_in_one_pass() {
    let article = std::fs::read_to_string("corpus/000_1d402241c3120807.txt").unwrap();
    let big = article.repeat((10 << 20) / article.len() + 1);
    let (code, out, _) = depeche(&["extract", "-"], Some(big.as_bytes()));
    assert_eq!(code, 0);
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(docs[0]["events"].as_array().unwrap().len() > 1000);
}

/// A fresh directory for one test.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("depeche-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Short dispatches written for these tests, each with at least one event.
const DISPATCHES: [&str; 4] = [
    "Les jihadistes ont attaqué un poste de l’armée à Ménaka, au Mali, jeudi. Au moins 14 soldats ont été tués.",
    "L’aviation russe a bombardé la ville d’Idleb dans la nuit de lundi, selon l’OSDH.",
    "Les forces irakiennes ont repris le contrôle de Tal Afar après huit jours de combats.",
    "Des hommes armés ont enlevé 30 villageois dans l’Etat de Zamfara, a indiqué la police.",
];

#[test]
fn a_directory_gives_its_text_files_recursively_in_sorted_order() {
    let dir = temp_dir("tree");
    std::fs::create_dir_all(dir.join("b/sous")).unwrap();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("b/sous/z.txt"), DISPATCHES[0]).unwrap();
    std::fs::write(dir.join("b/c.txt"), DISPATCHES[1]).unwrap();
    std::fs::write(dir.join("a/y.TXT"), DISPATCHES[2]).unwrap();
    std::fs::write(dir.join("x.txt"), DISPATCHES[3]).unwrap();
    std::fs::write(dir.join("notes.md"), "Pas une dépêche.").unwrap();
    std::fs::write(dir.join("b/data.jsonl"), "{}").unwrap();
    let (code, out, err) = depeche(&["extract", dir.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // Ids are paths under the directory, so that two `x.txt` never share one.
    assert_eq!(ids, ["a/y", "b/c", "b/sous/z", "x"]);
    assert!(
        docs.as_array()
            .unwrap()
            .iter()
            .all(|d| !d["events"].as_array().unwrap().is_empty())
    );
}

/// A JSONL corpus of the dispatches, `n` lines, with every optional field on some lines.
fn jsonl_corpus(n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        let mut line =
            serde_json::json!({"id": format!("d{i}"), "text": DISPATCHES[i % DISPATCHES.len()]});
        if i % 3 == 0 {
            line["title"] = format!("Dépêche {i}").into();
            line["date"] = "2019-03-02".into();
            line["source"] = "AFP".into();
            line["url"] = format!("https://example.org/{i}").into();
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

#[test]
fn jsonl_in_and_out_one_document_a_line() {
    let input = temp_file("corpus.jsonl", jsonl_corpus(9).as_bytes());
    let (code, out, err) = depeche(&["extract", "--format", "jsonl", &input], None);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    let docs: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 9);
    for (i, d) in docs.iter().enumerate() {
        assert_eq!(d["id"], format!("d{i}"));
        assert!(!d["events"].as_array().unwrap().is_empty(), "{d}");
    }
    // The given title and date replace what the text says; the events are dated by it.
    assert_eq!(docs[0]["title"], "Dépêche 0");
    assert_eq!(docs[0]["date"], "2019-03-02");
    assert_eq!(docs[1]["date"], serde_json::Value::Null);
    assert_eq!(docs[0]["events"][0]["time"]["value"], "2019-02-28");
    // Offsets are into the line's text.
    let e = &docs[4]["events"][0]["trigger"];
    let (s, t) = (
        e["start"].as_u64().unwrap() as usize,
        e["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&DISPATCHES[0][s..t], e["text"].as_str().unwrap());
}

#[test]
fn bad_jsonl_lines_are_named_by_file_and_line_and_the_others_still_extracted() {
    let lines = [
        r#"{"id":"bon1","text":"Les rebelles ont pris la ville de Gao samedi."}"#,
        r#"{"id":"sans-texte"}"#,
        "",
        r#"{"id":"coupé","text":"Les rebel"#,
        r#"{"id":"vide","text":"   "}"#,
        r#"["liste","pas un objet"]"#,
        r#"{"id":"bon2","text":"L’armée a repris Palmyre."}"#,
    ];
    let input = temp_file("mixed.jsonl", lines.join("\n").as_bytes());
    let (code, out, err) = depeche(&["extract", "--format", "jsonl", &input], None);
    assert_eq!(code, 1);
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["bon1", "bon2"]);
    let err: Vec<&str> = err.lines().collect();
    assert_eq!(err.len(), 4, "{err:?}");
    for (line, number) in err.iter().zip([2, 4, 5, 6]) {
        assert!(line.contains(&format!("mixed.jsonl:{number}: ")), "{line}");
    }
    assert!(err[0].contains("text"), "{}", err[0]);
    assert!(err[2].contains("empty"), "{}", err[2]);
}

#[test]
fn the_output_is_the_same_whatever_the_thread_count() {
    let dir = temp_dir("threads");
    for (i, text) in DISPATCHES.iter().cycle().take(40).enumerate() {
        std::fs::write(dir.join(format!("{i:02}.txt")), text).unwrap();
    }
    std::fs::write(dir.join("15.txt"), b"").unwrap();
    let jsonl = temp_file("threads.jsonl", jsonl_corpus(60).as_bytes());
    let inputs = [
        dir.to_str().unwrap(),
        jsonl.as_str(),
        "corpus/001_26982d2e0aff68f9.txt",
    ];
    for format in ["json", "jsonl", "csv", "geojson"] {
        let run = |j: &str| {
            let mut args = vec!["extract", "--format", format, "-j", j];
            args.extend(inputs);
            depeche(&args, None)
        };
        let one = run("1");
        assert_eq!(one.0, 1, "the empty file");
        assert!(one.2.contains("15.txt"), "{}", one.2);
        assert_eq!(run("2"), one, "{format}");
        assert_eq!(run("5"), one, "{format}");
    }
}

/// The CSV's header and rows, for a CSV whose fields hold no quoted separator.
fn csv_table(csv: &str, sep: char) -> (Vec<String>, Vec<Vec<String>>) {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut lines = body.split_terminator("\r\n");
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(sep)
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| {
            // The notes, last, are quoted and may hold the separator.
            let (fields, notes) = l.split_at(l.find('"').unwrap_or(l.len()));
            let mut v: Vec<String> = fields.split(sep).map(str::to_string).collect();
            if !notes.is_empty() {
                *v.last_mut().unwrap() = notes.to_string();
            }
            v
        })
        .collect();
    (header, rows)
}

/// The columns a spreadsheet user is promised (issue 9, and `date_origin`), written out here on
/// purpose: reading `export::CSV_COLUMNS` would let a change to the writer pass its own test.
const CSV_COLUMNS: [&str; 21] = [
    "event_id",
    "article",
    "date",
    "date_precision",
    "date_origin",
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

#[test]
fn csv_has_the_columns_a_spreadsheet_needs_after_a_byte_order_mark() {
    let input = temp_file("menaka.txt", DISPATCHES[0].as_bytes());
    let (code, out, err) = depeche(&["extract", "--format", "csv", &input], None);
    assert_eq!(code, 0, "{err}");
    let (header, rows) = csv_table(&out, ',');
    assert_eq!(header, CSV_COLUMNS);
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    assert!(rows.len() >= 2, "{out}");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), CSV_COLUMNS.len(), "{row:?}");
        assert_eq!(row[col("event_id")], format!("menaka#{}", i + 1));
        assert_eq!(row[col("article")], "menaka");
    }
    let attack = &rows[0];
    assert_eq!(attack[col("type")], "attack");
    assert_eq!(attack[col("location")], "Ménaka");
    assert_eq!(attack[col("country")], "ML");
    assert_eq!(attack[col("geo_precision")], "town");
    assert!(attack[col("latitude")].parse::<f64>().is_ok());
    let killing = rows
        .iter()
        .find(|r| r[col("type")] == "killing")
        .expect("a killing");
    assert_eq!(killing[col("count")], "14");
    assert_eq!(killing[col("count_qualifier")], "at_least");
    assert_eq!(killing[col("fatalities")], "14");
}

#[test]
fn csv_sep_semicolon_for_french_excel() {
    let input = temp_file("menaka-fr.txt", DISPATCHES[0].as_bytes());
    let comma = depeche(&["extract", "--format", "csv", &input], None).1;
    let (code, out, err) = depeche(
        &["extract", "--format", "csv", "--csv-sep", ";", &input],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let (header, rows) = csv_table(&out, ';');
    assert_eq!(header, CSV_COLUMNS);
    let (_, comma_rows) = csv_table(&comma, ',');
    assert_eq!(rows.len(), comma_rows.len());
    let lat = CSV_COLUMNS.iter().position(|c| *c == "latitude").unwrap();
    // Decimal commas, as French Excel reads numbers.
    assert_eq!(rows[0][lat], comma_rows[0][lat].replace('.', ","));
    assert!(rows[0][lat].contains(','), "{}", rows[0][lat]);
    for bad in [["--csv-sep", "::"], ["--csv-sep", "x"]] {
        let mut args = vec!["extract", "--format", "csv"];
        args.extend(bad);
        args.push(&input);
        assert_eq!(depeche(&args, None).0, 2, "{bad:?}");
    }
    assert_eq!(
        depeche(&["extract", "--csv-sep", ";", &input], None).0,
        2,
        "CSV only"
    );
}

#[test]
fn geojson_has_a_feature_an_event() {
    let input = temp_file("idleb.txt", DISPATCHES[1].as_bytes());
    let (code, out, err) = depeche(&["extract", "--format", "geojson", &input], None);
    assert_eq!(code, 0, "{err}");
    let geo: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    assert!(!features.is_empty());
    assert_eq!(features[0]["properties"]["event_id"], "idleb#1");
    assert_eq!(features[0]["geometry"]["type"], "Point");
}

#[test]
fn a_manifest_dates_the_articles_by_id() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let index = format!("{corpus}/index.tsv");
    let article = format!("{corpus}/000_1d402241c3120807.txt");
    let (code, out, err) = depeche(&["extract", "--manifest", &index, &article], None);
    assert_eq!(code, 0, "{err}");
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(docs[0]["date"], "2017-10-21");
    let capture = &docs[0]["events"][0];
    assert_eq!(capture["time"]["text"], "samedi");
    assert_eq!(capture["date"]["value"], "2017-10-21");
    assert_eq!(capture["date"]["origin"], "text");
    // Without it, the text alone: no date.
    let (_, out, _) = depeche(&["extract", &article], None);
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(docs[0]["date"], serde_json::Value::Null);
    assert_eq!(docs[0]["events"][0]["date"], serde_json::Value::Null);
    // A JSONL line's own date comes first; ids the manifest lacks keep their text's date.
    let manifest = temp_file("dates.tsv", b"id\tdate\na\t2017-10-22\nb\t2016-03-30\n");
    let lines = temp_file(
        "dated.jsonl",
        "{\"id\":\"a\",\"date\":\"2017-11-09\",\"text\":\"L'armée a repris samedi Raqqa.\"}\n\
         {\"id\":\"b\",\"text\":\"L'armée a repris samedi Raqqa.\"}\n\
         {\"id\":\"c\",\"text\":\"L'armée a repris samedi Raqqa.\"}\n"
            .as_bytes(),
    );
    let (code, out, err) = depeche(&["extract", "--manifest", &manifest, &lines], None);
    assert_eq!(code, 0, "{err}");
    let docs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let dates: Vec<Option<&str>> = (0..3).map(|i| docs[i]["date"].as_str()).collect();
    assert_eq!(dates, [Some("2017-11-09"), Some("2016-03-30"), None]);
    assert_eq!(docs[1]["events"][0]["date"]["value"], "2016-03-26");
    // A manifest that cannot be read is a usage error that names the line.
    let bad = temp_file("bad.tsv", b"id\tdate\na\t2017-02-30\n");
    let (code, _, err) = depeche(&["extract", "--manifest", &bad, &lines], None);
    assert_eq!(code, 2);
    assert!(err.contains("line 2"), "{err}");
}
