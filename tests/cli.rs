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
    assert_eq!(depeche(&[], None).0, 2);
    assert_eq!(depeche(&["extract"], None).0, 2);
    assert_eq!(depeche(&["frobnicate"], None).0, 2);
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
