//! Checking an article's bytes before extraction, for the CLI and the browser alike.

use std::fmt;

/// Why some bytes are not an article the engine can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// No text at all, or only white space.
    Empty,
    /// Not UTF-8; `valid_up_to` bytes were.
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
            InputError::NotUtf8 { valid_up_to } => {
                write!(f, "not UTF-8 text (invalid byte at offset {valid_up_to})")
            }
            InputError::Binary => write!(f, "binary data, not text"),
            InputError::TooLarge { size, limit } => {
                write!(f, "too large: {size} bytes, the limit is {limit}")
            }
        }
    }
}

impl std::error::Error for InputError {}

/// Checks that `bytes` are a non-empty UTF-8 text of at most `limit` bytes, and returns it
/// unchanged (offsets into it are offsets into the bytes).
pub fn decode(bytes: &[u8], limit: usize) -> Result<&str, InputError> {
    if bytes.len() > limit {
        return Err(InputError::TooLarge {
            size: bytes.len(),
            limit,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        valid_up_to: e.valid_up_to(),
    })?;
    check_text(text)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_text_as_is() {
        assert_eq!(decode("  Texte\n".as_bytes(), 100), Ok("  Texte\n"));
    }

    #[test]
    fn rejects_each_kind_of_bad_input() {
        assert_eq!(decode(b"", 100), Err(InputError::Empty));
        assert_eq!(decode(b" \n\t", 100), Err(InputError::Empty));
        assert_eq!(
            decode(b"ab\xffcd", 100),
            Err(InputError::NotUtf8 { valid_up_to: 2 })
        );
        assert_eq!(decode(b"a\0b", 100), Err(InputError::Binary));
        assert_eq!(
            decode(b"abcdef", 3),
            Err(InputError::TooLarge { size: 6, limit: 3 })
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
