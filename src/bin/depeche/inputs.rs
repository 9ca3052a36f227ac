//! What the command line reads: files, directories (their `.txt` files, recursively, in sorted
//! order), JSON Lines files (`.jsonl`, one article a line) and `-` (standard input), as a lazy
//! stream of articles to read, so that a corpus of any size is never held at once.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use depeche::engine::{Document, extract_with};
use depeche::input::{Encoding, decode, parse_jsonl_line};

/// The largest article the CLI reads (the engine itself has no limit).
const MAX_BYTES: usize = 1 << 30;

/// One article to read, or a problem met while listing the inputs.
pub struct Job {
    /// What messages call it: the path, `path:line` for a JSONL line, `-` for standard input.
    pub label: String,
    what: What,
}

enum What {
    /// A text file and the document id it gets.
    File {
        path: PathBuf,
        id: String,
    },
    Stdin,
    /// One line of a JSONL file.
    Line(Vec<u8>),
    /// An input that could not be listed or read.
    Failed(String),
}

/// An article read and extracted.
pub struct Extracted<'a> {
    pub doc: Document,
    pub text: &'a str,
}

impl Job {
    /// Reads the article and extracts it (dated by `dates`, by id, unless a JSONL line gives
    /// its own date), giving it to `then` with its text; returns the notes for standard error
    /// (a text read as Windows-1252) or why it could not be read.
    pub fn extract<R>(
        self,
        dates: &HashMap<String, String>,
        then: impl FnOnce(Extracted) -> R,
    ) -> Result<(R, Option<String>), String> {
        let (id, bytes) = match self.what {
            What::Failed(why) => return Err(why),
            What::Line(line) => {
                let a = parse_jsonl_line(&line, MAX_BYTES).map_err(|e| e.to_string())?;
                let date = a.date.as_ref().or_else(|| dates.get(&a.id));
                let doc =
                    extract_with(&a.id, &a.text, a.title.as_deref(), date.map(String::as_str));
                return Ok((then(Extracted { doc, text: &a.text }), None));
            }
            What::File { path, id } => (id, read(File::open(path))?),
            What::Stdin => ("stdin".to_string(), read(Ok(std::io::stdin().lock()))?),
        };
        let decoded = decode(&bytes, MAX_BYTES).map_err(|e| e.to_string())?;
        let note = (decoded.encoding == Encoding::Windows1252)
            .then(|| "not UTF-8: read as Windows-1252 (Latin-1)".to_string());
        let doc = extract_with(&id, &decoded.text, None, dates.get(&id).map(String::as_str));
        Ok((
            then(Extracted {
                doc,
                text: &decoded.text,
            }),
            note,
        ))
    }
}

fn read(source: std::io::Result<impl Read>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    source
        .and_then(|mut r| r.read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}

/// The articles of the command line's inputs, in order, listed as they are reached.
pub struct Jobs {
    args: VecDeque<String>,
    /// Jobs listed and not yet handed out (a directory's files).
    ready: VecDeque<Job>,
    /// The JSONL file being read: its path as given, a reader and the last line's number.
    jsonl: Option<(String, BufReader<File>, usize)>,
}

impl Jobs {
    /// The jobs of these inputs.
    pub fn new(args: &[String]) -> Jobs {
        Jobs {
            args: args.iter().cloned().collect(),
            ready: VecDeque::new(),
            jsonl: None,
        }
    }

    /// The next line of the JSONL file being read, as a job; `None` at its end.
    fn next_line(&mut self) -> Option<Job> {
        let (path, reader, number) = self.jsonl.as_mut()?;
        loop {
            let mut line = Vec::new();
            *number += 1;
            let label = format!("{path}:{number}");
            match reader.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) if line.trim_ascii().is_empty() => continue,
                Ok(_) => {
                    return Some(Job {
                        label,
                        what: What::Line(line),
                    });
                }
                Err(e) => {
                    self.jsonl = None;
                    return Some(Job {
                        label,
                        what: What::Failed(e.to_string()),
                    });
                }
            }
        }
        self.jsonl = None;
        None
    }

    /// Lists one input: its jobs go to `ready`, or it becomes the JSONL file being read.
    fn open(&mut self, arg: String) {
        let failed = |label: String, why: String| Job {
            label,
            what: What::Failed(why),
        };
        if arg == "-" {
            self.ready.push_back(Job {
                label: arg,
                what: What::Stdin,
            });
            return;
        }
        let path = Path::new(&arg);
        if path.is_dir() {
            let mut files = Vec::new();
            let mut problems = Vec::new();
            text_files(path, &mut files, &mut problems);
            files.sort();
            self.ready
                .extend(problems.into_iter().map(|(p, why)| failed(p, why)));
            self.ready.extend(files.into_iter().map(|file| {
                let id = directory_id(path, &file);
                Job {
                    label: file.display().to_string(),
                    what: What::File { path: file, id },
                }
            }));
        } else if has_extension(path, "jsonl") {
            match File::open(path) {
                Ok(f) => self.jsonl = Some((arg, BufReader::new(f), 0)),
                Err(e) => self.ready.push_back(failed(arg, e.to_string())),
            }
        } else {
            let id = path
                .file_stem()
                .map_or_else(|| arg.clone(), |s| s.to_string_lossy().into_owned());
            self.ready.push_back(Job {
                what: What::File {
                    path: path.to_path_buf(),
                    id,
                },
                label: arg,
            });
        }
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(job) = self.ready.pop_front().or_else(|| self.next_line()) {
                return Some(job);
            }
            let arg = self.args.pop_front()?;
            self.open(arg);
        }
    }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Every `.txt` file under `dir`, recursively (symbolic links to directories are not followed);
/// what cannot be listed goes to `problems`.
fn text_files(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<(String, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push((dir.display().to_string(), e.to_string()));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push((dir.display().to_string(), e.to_string()));
                continue;
            }
        };
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => text_files(&path, files, problems),
            Ok(_) if has_extension(&path, "txt") && !path.is_dir() => files.push(path),
            Ok(_) => {}
            Err(e) => problems.push((path.display().to_string(), e.to_string())),
        }
    }
}

/// A directory's file's id: its path under the directory, without `.txt`, `/`-separated
/// (`corpus/2017/raqa.txt` under `corpus` → `2017/raqa`), so that ids stay unique.
fn directory_id(dir: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(dir).unwrap_or(file).with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}
