//! Checking an article's bytes before extraction, for the CLI and the browser alike.
//!
//! UTF-8 is read as is; bytes that are not UTF-8 but are Windows-1252 (which includes Latin-1's
//! printable characters, what a French Windows editor saves) are decoded, and the caller is told so.
//! A JSON Lines file holds one article a line ([`parse_jsonl_line`]).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Why some bytes are not an article the engine can read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InputError {
    /// No text at all, or only white space.
    Empty,
    /// Neither UTF-8 nor Windows-1252; `valid_up_to` bytes were UTF-8.
    NotUtf8 { valid_up_to: usize },
    /// NUL bytes: a binary file rather than text.
    Binary,
    /// Larger than the caller allows.
    TooLarge { size: usize, limit: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "empty: no text to read"),
            InputError::NotUtf8 { valid_up_to } => write!(
                f,
                "neither UTF-8 nor Windows-1252 text (invalid byte at offset {valid_up_to})"
            ),
            InputError::Binary => write!(f, "binary data, not text"),
            InputError::TooLarge { size, limit } => {
                write!(f, "too large: {size} bytes, the limit is {limit}")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// The encoding an article's bytes were read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8: the text is the bytes, and offsets into it are offsets into the file.
    Utf8,
    /// Windows-1252 (a superset of Latin-1's printable characters), decoded to UTF-8: offsets
    /// are into the decoded text.
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// An article's text and the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: borrowed from the bytes when they are UTF-8.
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
}

/// Checks that `bytes` are a non-empty text of at most `limit` bytes and returns it: UTF-8
/// unchanged (offsets into it are offsets into the bytes), else Windows-1252 decoded.
pub fn decode(bytes: &[u8], limit: usize) -> Result<Decoded<'_>, InputError> {
    if bytes.len() > limit {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
        },
        Err(e) => Decoded {
            text: Cow::Owned(windows_1252(bytes).ok_or(InputError::NotUtf8 {
                valid_up_to: e.valid_up_to(),
            })?),
            encoding: Encoding::Windows1252,
        },
    };
    check_text(&decoded.text)?;
    Ok(decoded)
}

/// Checks an already decoded text: not empty, not binary.
pub fn check_text(text: &str) -> Result<&str, InputError> {
    if text.contains('\0') {
        return Err(InputError::Binary);
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    Ok(text)
}

/// One article of a JSON Lines file: an object with `id` and `text`, and optionally `title`,
/// `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `source` and `url`; other keys are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct JsonlArticle {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    /// Who published it.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// Why a line of a JSON Lines file is not an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JsonlError {
    /// Not a JSON object with string `id` and `text` (the parser's message).
    Json(String),
    /// A blank `id`.
    NoId,
    /// A text the engine cannot read.
    Text(InputError),
}

impl fmt::Display for JsonlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonlError::Json(why) => write!(f, "not a JSONL article: {why}"),
            JsonlError::NoId => write!(f, "no id"),
            JsonlError::Text(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for JsonlError {}

/// Reads one line of a JSON Lines file (UTF-8, as JSON is) as an article whose text is at most
/// `limit` bytes and passes [`check_text`].
pub fn parse_jsonl_line(line: &[u8], limit: usize) -> Result<JsonlArticle, JsonlError> {
    // A byte-order mark (Windows tools write one) is not part of the JSON.
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    // serde would also read a struct from an array (`["id", "text"]`): only objects are articles.
    if line.trim_ascii_start().first() != Some(&b'{') {
        return Err(JsonlError::Json("not an object".into()));
    }
    let article: JsonlArticle = serde_json::from_slice(line).map_err(|e| {
        // The line is one line: say at which column, not « at line 1 column 9 ».
        let message = e.to_string();
        let at = format!(" at line {} column {}", e.line(), e.column());
        match message.strip_suffix(&at) {
            Some(why) => JsonlError::Json(format!("{why}, column {}", e.column())),
            None => JsonlError::Json(message),
        }
    })?;
    if article.id.trim().is_empty() {
        return Err(JsonlError::NoId);
    }
    if article.text.len() > limit {
        return Err(JsonlError::Text(InputError::TooLarge {
            size: article.text.len(),
            limit,
        }));
    }
    check_text(&article.text).map_err(JsonlError::Text)?;
    Ok(article)
}

/// The characters of Windows-1252's bytes 0x80–0x9F (`None`: the five bytes it leaves undefined);
/// every other byte is the Unicode code point of the same value, as in Latin-1.
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Decodes Windows-1252 bytes; `None` when a byte is one it leaves undefined.
fn windows_1252(bytes: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        out.push(match b {
            0x80..=0x9f => WINDOWS_1252_HIGH[usize::from(b - 0x80)]?,
            _ => char::from(b),
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(text: &str) -> Result<Decoded<'_>, InputError> {
        Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: Encoding::Utf8,
        })
    }

    #[test]
    fn accepts_utf8_as_is() {
        assert_eq!(decode("  Texte\n".as_bytes(), 100), utf8("  Texte\n"));
        assert!(matches!(
            decode("Armée".as_bytes(), 100).unwrap().text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn decodes_latin1_and_windows_1252() {
        // « L'armée a frappé Kidal » with a typographic apostrophe (0x92), in Windows-1252.
        let bytes = b"L\x92arm\xe9e a frapp\xe9 Kidal \x96 \x80 \xabvite\xbb";
        let d = decode(bytes, 100).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert_eq!(d.text, "L’armée a frappé Kidal – € «vite»");
    }

    #[test]
    fn rejects_each_kind_of_bad_input() {
        assert_eq!(decode(b"", 100), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t", 100), Err(InputError::Empty));
        // 0x81 is undefined in Windows-1252.
        assert_eq!(
            decode(b"ab\x81cd", 100),
            Err(InputError::NotUtf8 { valid_up_to: 2 })
        );
        assert_eq!(decode(b"a\0b", 100), Err(InputError::Binary));
        assert_eq!(decode(b"a\0\xe9", 100), Err(InputError::Binary));
        assert_eq!(
            decode(b"abcdef", 3),
            Err(InputError::TooLarge { size: 6, limit: 3 })
        );
    }

    #[test]
    fn reads_jsonl_articles() {
        let line = br#"{"id":"a1","text":"Les rebelles ont pris Gao.","date":"2012-04","source":"AFP","extra":1}"#;
        let a = parse_jsonl_line(line, 100).unwrap();
        assert_eq!(
            (a.id.as_str(), a.text.as_str()),
            ("a1", "Les rebelles ont pris Gao.")
        );
        assert_eq!(a.date.as_deref(), Some("2012-04"));
        assert_eq!(a.source.as_deref(), Some("AFP"));
        assert_eq!((a.title, a.url), (None, None));
        let a = parse_jsonl_line(br#"{"id":"a2","text":"Texte.","title":null}"#, 100).unwrap();
        assert_eq!(a.title, None);
        let a = parse_jsonl_line(
            "\u{feff}{\"id\":\"a3\",\"text\":\"Texte.\"}\r\n".as_bytes(),
            100,
        );
        assert_eq!(
            a.unwrap().id,
            "a3",
            "a leading byte-order mark and a CRLF end are allowed"
        );
    }

    #[test]
    fn rejects_bad_jsonl_lines() {
        let bad = |line: &[u8]| parse_jsonl_line(line, 20).unwrap_err();
        assert!(matches!(bad(b"{\"id\":\"a\""), JsonlError::Json(_)));
        assert_eq!(
            bad(br#"{"text":"Texte."}"#),
            JsonlError::Json("missing field `id`, column 17".into())
        );
        assert!(matches!(
            bad(br#"{"id":"a","text":3}"#),
            JsonlError::Json(_)
        ));
        assert!(matches!(bad(br#"["a","b"]"#), JsonlError::Json(_)));
        assert!(matches!(
            bad(b"{\"id\":\"a\",\"text\":\"\xe9\"}"),
            JsonlError::Json(_)
        ));
        assert_eq!(bad(br#"{"id":" ","text":"Texte."}"#), JsonlError::NoId);
        assert_eq!(
            bad(br#"{"id":"a","text":"  "}"#),
            JsonlError::Text(InputError::Empty)
        );
        assert_eq!(
            bad(br#"{"id":"a","text":"a\u0000b"}"#),
            JsonlError::Text(InputError::Binary)
        );
        assert_eq!(
            bad(br#"{"id":"a","text":"un texte bien trop long"}"#),
            JsonlError::Text(InputError::TooLarge {
                size: 23,
                limit: 20
            })
        );
    }

    #[test]
    fn messages_say_why() {
        assert!(
            InputError::NotUtf8 { valid_up_to: 2 }
                .to_string()
                .contains("UTF-8")
        );
    }
}
