//! `depeche`: the command line over the engine.
//!
//! `depeche extract [--pretty] FILE...` prints the ontology's JSON record for each file (`-` is
//! standard input); `depeche eval GOLD_DIR FILE...` scores the extraction against gold files.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use depeche::engine::{Document, extract};
use depeche::evaluate::evaluate;
use depeche::input::decode;

const USAGE: &str = "usage: depeche extract [--pretty] FILE...   (- reads standard input)
       depeche eval GOLD_DIR FILE...";

/// The largest article the CLI reads (the engine itself has no limit).
const MAX_BYTES: usize = 1 << 30;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => run_extract(&args[1..]),
        Some("eval") => run_eval(&args[1..]),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// A file's id: its name without extension (`stdin` for standard input).
fn document_id(path: &str) -> String {
    if path == "-" {
        return "stdin".to_string();
    }
    Path::new(path)
        .file_stem()
        .map_or_else(|| path.to_string(), |s| s.to_string_lossy().into_owned())
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    read.map(|_| bytes).map_err(|e| e.to_string())
}

/// Extracts every readable file; reports the others on standard error.
fn extract_files(paths: &[String]) -> (Vec<Document>, bool) {
    let mut documents = Vec::new();
    let mut failed = false;
    for path in paths {
        let result = read_input(path).and_then(|bytes| {
            decode(&bytes, MAX_BYTES)
                .map(|text| extract(&document_id(path), text))
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(doc) => documents.push(doc),
            Err(why) => {
                eprintln!("depeche: {path}: {why}");
                failed = true;
            }
        }
    }
    (documents, failed)
}

fn run_extract(args: &[String]) -> ExitCode {
    let pretty = args.iter().any(|a| a == "--pretty");
    let paths: Vec<String> = args.iter().filter(|a| *a != "--pretty").cloned().collect();
    if paths.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let (documents, failed) = extract_files(&paths);
    let json = if pretty {
        serde_json::to_string_pretty(&documents)
    } else {
        serde_json::to_string(&documents)
    };
    let json = json.expect("records always serialise");
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{json}").is_err() {
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run_eval(args: &[String]) -> ExitCode {
    let Some((gold_dir, paths)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (predicted, mut failed) = extract_files(paths);
    let mut gold = Vec::new();
    for doc in &predicted {
        let path = Path::new(gold_dir).join(format!("{}.json", doc.id));
        match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str::<Document>(&s).map_err(|e| e.to_string()))
        {
            Ok(g) => gold.push(g),
            Err(why) => {
                eprintln!("depeche: {}: {why}", path.display());
                failed = true;
            }
        }
    }
    print!("{}", evaluate(&gold, &predicted));
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
