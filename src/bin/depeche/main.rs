//! `depeche`: the command line over the engine.
//!
//! `depeche extract [OPTIONS] INPUT...` writes the events of every article it reads — files,
//! directories, JSON Lines files, standard input — as JSON, JSON Lines, CSV or GeoJSON, in input
//! order, on several threads; `depeche eval GOLD_DIR INPUT...` scores the extraction against
//! gold files. See [`USAGE`].

mod inputs;
mod parallel;

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use depeche::engine::Document;
use depeche::engine::date::Date;
use depeche::evaluate::evaluate;
use depeche::export::{CSV_SEPARATORS, Format, Options, Writer};
use depeche::manifest;

use inputs::{Job, Jobs};
use parallel::ordered_map;

const USAGE: &str = "usage: depeche extract [--format json|jsonl|csv|geojson] [--pretty] [--csv-sep SEP] [--manifest TSV] [-j N] INPUT...
       depeche eval [--manifest TSV] [-j N] GOLD_DIR INPUT...

INPUT is a text file, a directory (its .txt files, recursively, in sorted order), a .jsonl file
(one article a line: {\"id\", \"text\"} and optionally \"title\", \"date\", \"source\", \"url\")
or - (standard input).
  --format F    json (default: one array), jsonl (one document a line), csv (one row an event,
                UTF-8 with a byte-order mark) or geojson (one feature an event)
  --pretty      indented JSON
  --csv-sep SEP the CSV separator: , (default) ; (French Excel: decimal commas too) tab or |
  --manifest TSV a table whose header names an id and a date column (as corpus/index.tsv):
                the date of each article by id, which replaces its dateline and dates its
                relative times (a JSONL line's own date comes first)
  -j N          threads (default: all cores); the output is the same whatever N";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => Command::parse(&args[1..], true).map(run_extract),
        Some("eval") => Command::parse(&args[1..], false).map(run_eval),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err("a command: extract or eval".to_string()),
    };
    result.unwrap_or_else(|why| {
        eprintln!("depeche: {why}\n{USAGE}");
        ExitCode::from(2)
    })
}

/// A command's options and inputs.
struct Command {
    options: Options,
    threads: usize,
    inputs: Vec<String>,
    /// The articles' dates by id, from `--manifest`.
    dates: HashMap<String, String>,
}

impl Command {
    /// Reads the options (`export`: those of `extract`) and the inputs; at least one is needed.
    fn parse(args: &[String], export: bool) -> Result<Command, String> {
        let mut options = Options::new(Format::Json);
        let mut threads = None;
        let mut inputs = Vec::new();
        let mut dates = HashMap::new();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
                _ => (arg.as_str(), None),
            };
            let (name, inline) = match name.strip_prefix("-j") {
                Some(n) if !n.is_empty() && !name.starts_with("--") => ("-j", Some(n.to_string())),
                _ => (name, inline),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next().cloned())
                    .ok_or(format!("{name} needs a value"))
            };
            match name {
                "-j" | "--jobs" => {
                    let v = value()?;
                    threads = Some(v.parse().ok().filter(|&n| n > 0).ok_or(format!(
                        "-j takes a number of threads, at least 1, not {v:?}"
                    ))?);
                }
                "--format" if export => {
                    let v = value()?;
                    options.format = Format::parse(&v).ok_or(format!("no format {v:?}"))?;
                }
                "--manifest" => {
                    let path = value()?;
                    let text =
                        std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
                    let rows = manifest::parse(&text, |d| Date::parse_iso(d).is_some())
                        .map_err(|why| format!("{path}: {why}"))?;
                    dates.extend(rows.into_iter().filter_map(|r| Some((r.id, r.date?))));
                }
                "--pretty" if export => options.pretty = true,
                "--csv-sep" if export => {
                    let v = value()?;
                    options.csv_sep = match v.as_str() {
                        "tab" | "\\t" => '\t',
                        _ => {
                            let mut chars = v.chars();
                            chars
                                .next()
                                .filter(|c| chars.next().is_none() && CSV_SEPARATORS.contains(c))
                                .ok_or(format!("the CSV separator is , ; tab or |, not {v:?}"))?
                        }
                    };
                }
                "-" => inputs.push(arg.clone()),
                _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
                _ => inputs.push(arg.clone()),
            }
        }
        if options.pretty && options.format != Format::Json {
            return Err("--pretty is for --format json".into());
        }
        if options.csv_sep != ',' && options.format != Format::Csv {
            return Err("--csv-sep is for --format csv".into());
        }
        if inputs.is_empty() {
            return Err("no input".into());
        }
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        });
        Ok(Command {
            options,
            threads,
            inputs,
            dates,
        })
    }
}

/// What reading one input gave: its result, or why it failed, and a note for standard error.
struct Outcome<T> {
    label: String,
    result: Result<T, String>,
    note: Option<String>,
}

impl<T> Outcome<T> {
    fn of(
        job: Job,
        dates: &HashMap<String, String>,
        then: impl FnOnce(inputs::Extracted) -> T,
    ) -> Outcome<T> {
        let label = job.label.clone();
        match job.extract(dates, then) {
            Ok((value, note)) => Outcome {
                label,
                result: Ok(value),
                note,
            },
            Err(why) => Outcome {
                label,
                result: Err(why),
                note: None,
            },
        }
    }
}

/// Standard error's messages, and the progress line when standard error is a terminal.
struct Report {
    terminal: bool,
    articles: usize,
    events: usize,
    failed: bool,
    shown: Option<Instant>,
}

impl Report {
    fn new() -> Report {
        Report {
            terminal: std::io::stderr().is_terminal(),
            articles: 0,
            events: 0,
            failed: false,
            shown: None,
        }
    }

    /// Takes an outcome's messages, and keeps its result.
    fn take<T>(&mut self, outcome: Outcome<T>, events: impl Fn(&T) -> usize) -> Option<T> {
        let mut err = std::io::stderr().lock();
        if self.terminal && self.shown.is_some() {
            // Messages go over the progress line.
            let _ = write!(err, "\r\x1b[K");
            self.shown = None;
        }
        if let Some(note) = &outcome.note {
            let _ = writeln!(err, "depeche: {}: {note}", outcome.label);
        }
        let value = match outcome.result {
            Ok(value) => {
                self.articles += 1;
                self.events += events(&value);
                Some(value)
            }
            Err(why) => {
                let _ = writeln!(err, "depeche: {}: {why}", outcome.label);
                self.failed = true;
                None
            }
        };
        if self.terminal
            && self
                .shown
                .is_none_or(|t| t.elapsed() > Duration::from_millis(100))
        {
            let _ = write!(
                err,
                "\r\x1b[K{} articles, {} events · {}",
                self.articles, self.events, outcome.label
            );
            self.shown = Some(Instant::now());
        }
        value
    }

    /// Clears the progress line; the exit code.
    fn finish(self) -> ExitCode {
        if self.terminal {
            eprint!("\r\x1b[K");
        }
        if self.failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn run_extract(cmd: Command) -> ExitCode {
    let options = cmd.options;
    let mut report = Report::new();
    let written = (|| -> std::io::Result<()> {
        // Standard output flushes at every line; the export is written in large blocks.
        let stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let mut out = Writer::new(stdout, options)?;
        ordered_map(
            Jobs::new(&cmd.inputs),
            cmd.threads,
            |job| {
                Outcome::of(job, &cmd.dates, |x| {
                    (options.render(&x.doc, x.text), x.doc.events.len())
                })
            },
            |outcome| match report.take(outcome, |(_, events)| *events) {
                Some((piece, _)) => out.write(&piece),
                None => Ok(()),
            },
        )?;
        out.finish().map(drop)
    })();
    let code = report.finish();
    match written {
        Ok(()) => code,
        // A closed pipe (`| head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("depeche: standard output: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run_eval(cmd: Command) -> ExitCode {
    let (gold_dir, paths) = match cmd.inputs.split_first() {
        Some((gold_dir, paths)) if !paths.is_empty() => (gold_dir, paths),
        _ => {
            eprintln!("depeche: eval needs a gold directory and inputs\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut report = Report::new();
    let mut predicted = Vec::new();
    let Ok(()) = ordered_map(
        Jobs::new(paths),
        cmd.threads,
        |job| Outcome::of(job, &cmd.dates, |x| x.doc),
        |outcome| {
            predicted.extend(report.take(outcome, |d: &Document| d.events.len()));
            Ok::<(), Infallible>(())
        },
    );
    let mut failed = false;
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
    let code = report.finish();
    print!("{}", evaluate(&gold, &predicted));
    if failed { ExitCode::FAILURE } else { code }
}
