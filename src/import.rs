//! Importing articles into the page: a `.txt` file (UTF-8 or Windows-1252), a JSON Lines file
//! (one article a line, read by [`crate::input::parse_jsonl_line`] as the CLI reads it) or a
//! pasted text, checked, compared with the articles already there (the same text twice is one
//! article) and extracted. This is what the page's Web Worker runs (`app::worker`); it is plain
//! Rust, so the tests run it natively. The page and the worker talk in the JSON of
//! [`Request`] and [`Reply`].

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::engine::{Document, extract_with};
use crate::explore::{MAX_ARTICLE_BYTES, display_title};
use crate::export::{ExportRow, export_csv, export_geojson, export_json};
use crate::input::{Encoding, InputError, JsonlError, check_text, decode, parse_jsonl_line};

/// A text's fingerprint for finding duplicates: FNV-1a over the text without the white space at
/// its ends and with Windows line ends read as `\n`, so that a text saved twice is one article.
pub fn fingerprint(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in text.trim().as_bytes().iter().filter(|&&b| b != b'\r') {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// What the page asks the worker: read a file (sent beside this request) or a pasted text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The page's number for this request, repeated in every reply.
    pub job: u32,
    /// The file's name (with its folder, when a folder was chosen); `.jsonl` means JSON Lines.
    pub name: String,
    /// The fingerprints of the articles already there: a text among them is not added again.
    pub known: Vec<u64>,
    /// A pasted text, instead of a file.
    pub text: Option<Pasted>,
    /// An export to write, instead of articles to add (the writers' `geo_precision` reads the
    /// gazetteer, which only the worker loads).
    pub export: Option<ExportRequest>,
}

/// The formats the page exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    Json,
    Csv,
    GeoJson,
}

/// The events to export. JSON: `docs`, each with the events to write. CSV and GeoJSON: `rows`,
/// (index into `docs`, index of the event there), with each document's text in `texts`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    pub format: ExportFormat,
    pub docs: Vec<Document>,
    pub texts: Vec<String>,
    pub rows: Vec<(usize, usize)>,
    /// The CSV's separator.
    pub sep: char,
}

/// A text given as such: pasted in the form, or moved from the old local storage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pasted {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

/// One reply of the worker to request `job`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub job: u32,
    pub kind: ReplyKind,
}

/// What a reply says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReplyKind {
    /// The worker is loaded and listens.
    Ready,
    /// One article of the request (`line`: its line in a JSON Lines file, from 1).
    Article {
        line: Option<usize>,
        outcome: Outcome,
    },
    /// Lines of a JSON Lines file read so far, of `total`.
    Progress { done: usize, total: usize },
    /// The export asked for.
    Export(String),
    /// The request is finished: every article has had its reply.
    Done,
}

/// What became of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Added(Box<Imported>),
    /// The same text is already there (or earlier in the same request): its fingerprint.
    Duplicate {
        of: u64,
    },
    Rejected(Rejection),
}

/// An article read and extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    /// The id a JSON Lines line gave it (`None` for a file or a pasted text: the page names it).
    pub id: Option<String>,
    pub text: String,
    /// The title given apart from the text (the file's name, the form's or the line's title).
    pub title: Option<String>,
    pub date: Option<String>,
    pub encoding: Encoding,
    pub doc: Document,
    /// The title the list shows: the record's, else the text's first words (page furniture left
    /// out, which takes the engine's reading of the text).
    pub shown_title: String,
}

/// Why an article, or a whole file, was not added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Rejection {
    /// The browser could not read the file.
    Unreadable,
    Input(InputError),
    Jsonl(JsonlError),
}

/// Carries out a request: `bytes` is the file's content (`None` with a pasted text); `reply`
/// gets each article's outcome as it is reached, then [`ReplyKind::Done`].
pub fn run(request: &Request, bytes: Option<&[u8]>, mut reply: impl FnMut(ReplyKind)) {
    let mut known: HashSet<u64> = request.known.iter().copied().collect();
    let mut article = |line: Option<usize>, outcome: Outcome| ReplyKind::Article {
        line,
        outcome: unless_known(outcome, &mut known),
    };
    if let Some(export) = &request.export {
        reply(ReplyKind::Export(write_export(export)));
        reply(ReplyKind::Done);
        return;
    }
    match (&request.text, bytes) {
        (Some(p), _) => {
            let outcome = check_pasted(&p.text).map(|text| {
                let doc = extract_with("", text, p.title.as_deref(), p.date.as_deref());
                imported(
                    None,
                    text,
                    p.title.clone(),
                    p.date.clone(),
                    Encoding::Utf8,
                    doc,
                )
            });
            reply(article(None, outcome.unwrap_or_else(Outcome::Rejected)));
        }
        (None, None) => reply(article(None, Outcome::Rejected(Rejection::Unreadable))),
        (None, Some(bytes)) if is_jsonl(&request.name) => {
            let lines: Vec<(usize, &[u8])> = bytes
                .split(|&b| b == b'\n')
                .enumerate()
                .filter(|(_, l)| !l.trim_ascii().is_empty())
                .map(|(i, l)| (i + 1, l))
                .collect();
            let total = lines.len();
            if total == 0 {
                reply(article(
                    None,
                    Outcome::Rejected(Rejection::Input(InputError::Empty)),
                ));
            }
            for (done, (number, line)) in lines.into_iter().enumerate() {
                let outcome = match parse_jsonl_line(line, MAX_ARTICLE_BYTES) {
                    Err(e) => Outcome::Rejected(Rejection::Jsonl(e)),
                    Ok(a) => {
                        let doc =
                            extract_with(&a.id, &a.text, a.title.as_deref(), a.date.as_deref());
                        imported(Some(a.id), &a.text, a.title, a.date, Encoding::Utf8, doc)
                    }
                };
                reply(article(Some(number), outcome));
                if done % 20 == 19 {
                    reply(ReplyKind::Progress {
                        done: done + 1,
                        total,
                    });
                }
            }
        }
        (None, Some(bytes)) => {
            let outcome = match decode(bytes, MAX_ARTICLE_BYTES) {
                Err(e) => Outcome::Rejected(Rejection::Input(e)),
                Ok(d) => {
                    let title = file_title(&request.name);
                    let doc = extract_with("", &d.text, Some(&title), None);
                    imported(None, &d.text, Some(title), None, d.encoding, doc)
                }
            };
            reply(article(None, outcome));
        }
    }
    reply(ReplyKind::Done);
}

/// Writes an export with the shared writers (rows that point outside `docs` are left out).
fn write_export(export: &ExportRequest) -> String {
    let rows = || -> Vec<ExportRow> {
        export
            .rows
            .iter()
            .filter_map(|&(d, index)| {
                let doc = export.docs.get(d)?;
                Some(ExportRow {
                    doc,
                    text: export.texts.get(d)?,
                    index,
                    event: doc.events.get(index)?,
                })
            })
            .collect()
    };
    match export.format {
        ExportFormat::Json => export_json(&export.docs),
        ExportFormat::Csv => export_csv(&rows(), export.sep),
        ExportFormat::GeoJson => export_geojson(&rows()),
    }
}

/// Checks a pasted text: not empty, not binary, not too long.
fn check_pasted(text: &str) -> Result<&str, Rejection> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(Rejection::Input(InputError::TooLarge {
            size: text.len(),
            limit: MAX_ARTICLE_BYTES,
        }));
    }
    check_text(text).map_err(Rejection::Input)
}

/// An added article's outcome, before the duplicate check.
fn imported(
    id: Option<String>,
    text: &str,
    title: Option<String>,
    date: Option<String>,
    encoding: Encoding,
    doc: Document,
) -> Outcome {
    Outcome::Added(Box::new(Imported {
        id,
        text: text.to_string(),
        title,
        date,
        encoding,
        shown_title: display_title(&doc, text),
        doc,
    }))
}

/// An article's outcome: a duplicate if its text is known (else it becomes known).
fn unless_known(outcome: Outcome, known: &mut HashSet<u64>) -> Outcome {
    match outcome {
        Outcome::Added(a) => {
            let of = fingerprint(&a.text);
            if known.insert(of) {
                Outcome::Added(a)
            } else {
                Outcome::Duplicate { of }
            }
        }
        other => other,
    }
}

/// Whether a file is read as JSON Lines (by its name).
pub fn is_jsonl(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".jsonl")
}

/// A file's title: its name without folder and without `.txt`.
pub fn file_title(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let lower = base.to_ascii_lowercase();
    match lower.strip_suffix(".txt") {
        Some(stem) => base[..stem.len()].to_string(),
        None => base.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Les forces irakiennes ont repris samedi la ville de Tal Afar au groupe Etat islamique.";

    fn request(name: &str, known: Vec<u64>) -> Request {
        Request {
            job: 7,
            name: name.to_string(),
            known,
            text: None,
            export: None,
        }
    }

    fn replies(request: &Request, bytes: Option<&[u8]>) -> Vec<ReplyKind> {
        let mut out = Vec::new();
        run(request, bytes, |r| out.push(r));
        out
    }

    fn added(r: &ReplyKind) -> &Imported {
        match r {
            ReplyKind::Article {
                outcome: Outcome::Added(a),
                ..
            } => a,
            other => panic!("not an added article: {other:?}"),
        }
    }

    #[test]
    fn a_text_file_is_extracted_as_the_engine_does_with_its_name_as_title() {
        let out = replies(&request("dir/Tal Afar.TXT", vec![]), Some(TEXT.as_bytes()));
        assert_eq!(out.len(), 2);
        let a = added(&out[0]);
        assert_eq!(a.title.as_deref(), Some("Tal Afar"));
        assert_eq!(a.shown_title, "Tal Afar");
        assert_eq!(a.encoding, Encoding::Utf8);
        assert_eq!(a.doc, extract_with("", TEXT, Some("Tal Afar"), None));
        assert!(!a.doc.events.is_empty());
        assert_eq!(out[1], ReplyKind::Done);
    }

    #[test]
    fn windows_1252_is_decoded_and_said_so() {
        let out = replies(
            &request("a.txt", vec![]),
            Some(b"L'arm\xe9e a repris Raqa."),
        );
        let a = added(&out[0]);
        assert_eq!(a.encoding, Encoding::Windows1252);
        assert_eq!(a.text, "L'armée a repris Raqa.");
    }

    #[test]
    fn a_known_text_is_a_duplicate_even_with_other_line_ends() {
        let of = fingerprint(&format!("{TEXT}\n"));
        let crlf = format!("  {}\r\n", TEXT.replace(". ", ".\r\n"));
        let out = replies(&request("a.txt", vec![of]), Some(crlf.as_bytes()));
        assert_eq!(
            out[0],
            ReplyKind::Article {
                line: None,
                outcome: Outcome::Duplicate { of }
            }
        );
        assert_ne!(fingerprint(TEXT), fingerprint("Un autre texte."));
    }

    #[test]
    fn a_jsonl_file_gives_one_reply_a_line_with_its_id_and_problems_named_by_line() {
        let second = TEXT.replace("samedi", "dimanche");
        let file = format!(
            "{}\n\n{{\"id\": \"\", \"text\": \"x\"}}\nnot json\n{}\n{}\n",
            serde_json::json!({"id": "a1", "text": TEXT, "title": "Titre", "date": "2017-08-26"}),
            serde_json::json!({"id": "a2", "text": TEXT}),
            serde_json::json!({"id": "a3", "text": second}),
        );
        let out = replies(&request("export.JSONL", vec![]), Some(file.as_bytes()));
        let lines: Vec<(Option<usize>, &Outcome)> = out
            .iter()
            .filter_map(|r| match r {
                ReplyKind::Article { line, outcome } => Some((*line, outcome)),
                _ => None,
            })
            .collect();
        assert_eq!(lines.len(), 5);
        let a = added(&out[0]);
        assert_eq!(a.id.as_deref(), Some("a1"));
        assert_eq!(
            a.doc,
            extract_with("a1", TEXT, Some("Titre"), Some("2017-08-26"))
        );
        assert_eq!(lines[0].0, Some(1));
        assert_eq!(
            lines[1],
            (
                Some(3),
                &Outcome::Rejected(Rejection::Jsonl(JsonlError::NoId))
            )
        );
        assert!(matches!(
            lines[2],
            (
                Some(4),
                Outcome::Rejected(Rejection::Jsonl(JsonlError::Json(_)))
            )
        ));
        let of = fingerprint(TEXT);
        assert_eq!(lines[3], (Some(5), &Outcome::Duplicate { of }));
        assert!(matches!(lines[4], (Some(6), Outcome::Added(_))));
        assert_eq!(out.last(), Some(&ReplyKind::Done));
    }

    #[test]
    fn bad_files_and_texts_are_rejected_with_their_reason() {
        let reason = |out: &[ReplyKind]| match &out[0] {
            ReplyKind::Article {
                outcome: Outcome::Rejected(r),
                ..
            } => r.clone(),
            other => panic!("not rejected: {other:?}"),
        };
        let empty = replies(&request("e.txt", vec![]), Some(b"  \n"));
        assert_eq!(reason(&empty), Rejection::Input(InputError::Empty));
        let binary = replies(&request("b.txt", vec![]), Some(b"ab\0cd"));
        assert_eq!(reason(&binary), Rejection::Input(InputError::Binary));
        let none = replies(&request("gone.txt", vec![]), None);
        assert_eq!(reason(&none), Rejection::Unreadable);
        let blank = replies(&request("e.jsonl", vec![]), Some(b"\n\n"));
        assert_eq!(reason(&blank), Rejection::Input(InputError::Empty));
        let mut pasted = request("", vec![]);
        pasted.text = Some(Pasted {
            text: "a".repeat(MAX_ARTICLE_BYTES + 1),
            title: None,
            date: None,
        });
        assert!(matches!(
            reason(&replies(&pasted, None)),
            Rejection::Input(InputError::TooLarge { .. })
        ));
    }

    #[test]
    fn an_export_request_is_written_by_the_shared_writers() {
        let doc = extract_with("a", TEXT, None, None);
        assert!(!doc.events.is_empty());
        let row = ExportRow {
            doc: &doc,
            text: TEXT,
            index: 0,
            event: &doc.events[0],
        };
        for (format, expected) in [
            (ExportFormat::Json, export_json(std::slice::from_ref(&doc))),
            (
                ExportFormat::Csv,
                export_csv(std::slice::from_ref(&row), ';'),
            ),
            (
                ExportFormat::GeoJson,
                export_geojson(std::slice::from_ref(&row)),
            ),
        ] {
            let mut r = request("", vec![]);
            r.export = Some(ExportRequest {
                format,
                docs: vec![doc.clone()],
                texts: vec![TEXT.into()],
                rows: vec![(0, 0), (3, 0), (0, 99)],
                sep: ';',
            });
            assert_eq!(
                replies(&r, None),
                [ReplyKind::Export(expected), ReplyKind::Done]
            );
        }
    }

    #[test]
    fn a_request_and_its_replies_survive_their_json() {
        let r = request("x.txt", vec![u64::MAX, 1]);
        let back: Request = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert_eq!(back, r);
        for reply in replies(&r, Some(TEXT.as_bytes())) {
            let reply = Reply {
                job: 3,
                kind: reply,
            };
            let back: Reply =
                serde_json::from_str(&serde_json::to_string(&reply).unwrap()).unwrap();
            assert_eq!(back, reply);
        }
    }
}
