//! Stage 3: words, numbers and punctuation with their byte offsets.
//!
//! French elision is split off (« l’EI » → `l'` + `EI`), hyphenated words stay whole
//! (« Al-Qaryatayn », « attentat-suicide »), and numbers keep their inner separators
//! (« 30.000 », « 1,9 »). Each token carries a folded form (lower case, no accents, straight
//! apostrophe) that the lexicons are matched against.

use std::borrow::Cow;

use super::lexicon::{Tenses, WordClass, WordEntry, lexicon};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes.
    Word,
    /// Digits, possibly with inner `.`, `,` or `:` separators.
    Number,
    /// Any other single character that is not white space.
    Punct,
}

/// One token of the text. Its folded form borrows the text when folding changes nothing (most
/// words), so that tokenizing allocates little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Folded form: see [`fold`].
    pub norm: Cow<'a, str>,
    pub kind: TokenKind,
    /// Whether the token starts with an upper-case letter.
    pub capitalized: bool,
    /// What the word lists know of it, looked up once here for every later stage.
    pub lex: Option<&'static WordEntry>,
}

impl Token<'_> {
    /// The token's text as written.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether this is a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether the token belongs to a word class of the lexicon.
    pub fn is(&self, class: WordClass) -> bool {
        self.lex.is_some_and(|e| e.is(class))
    }

    /// The token's tenses as an inflection of a verb class, if it is one.
    pub fn verb(&self, class: WordClass) -> Option<Tenses> {
        self.lex.and_then(|e| e.verb(class))
    }

    /// Whether a token folded to « a » is the preposition « à », written with its accent.
    pub fn is_preposition_a(&self, text: &str) -> bool {
        matches!(self.text(text), "à" | "À")
    }

    /// Whether the token is an auxiliary (« a », « ont », « est »), not the preposition « à »
    /// that folds like « a ».
    pub fn is_auxiliary(&self, text: &str) -> bool {
        self.is(WordClass::AuxAvoir) && !self.is_preposition_a(text) || self.is(WordClass::AuxEtre)
    }
}

/// Elided forms that are split off the following word.
const CLITICS: [&str; 13] = [
    "l", "d", "s", "n", "j", "m", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Whether a folded token is a quotation mark; a verb group may hold them (« avoir
/// « neutralisé » »).
pub fn is_quote(norm: &str) -> bool {
    matches!(norm, "«" | "»" | "\"" | "“" | "”")
}

/// Folds a string for matching: lower case, accents and ligatures removed, typographic
/// apostrophes and hyphens made plain.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(&mut out, c);
    }
    out
}

fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let folded: &str = match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => "i",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ñ' | 'Ñ' => "n",
        'ÿ' | 'Ÿ' | 'ý' | 'Ý' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        '’' | 'ʼ' | '‘' | '`' => "'",
        '‐' | '‑' | '–' | '—' => "-",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(folded);
}

/// The character at byte `pos` of `s`, if any.
fn char_at(s: &str, pos: usize) -> Option<char> {
    match s.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(pos..).and_then(|rest| rest.chars().next()),
    }
}

/// [`fold`], borrowing `s` when it is already folded.
pub fn fold_cow(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(fold(s))
    }
}

/// Splits `text[range]` into tokens; offsets are into `text`.
pub fn tokenize(text: &str, range: std::ops::Range<usize>) -> Vec<Token<'_>> {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut tokens = Vec::with_capacity(slice.len() / 5);
    let mut pos = 0;
    while let Some(c) = char_at(slice, pos) {
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        if c.is_alphabetic() || c.is_ascii_digit() {
            let word = c.is_alphabetic();
            let mut end = pos + c.len_utf8();
            while let Some(d) = char_at(slice, end) {
                // Most letters are ASCII: no look-ahead needed for them.
                if word && d.is_ascii_alphanumeric() || !word && d.is_ascii_digit() {
                    end += 1;
                    continue;
                }
                let next = char_at(slice, end + d.len_utf8());
                let continues = if word {
                    d.is_alphanumeric()
                        || (is_hyphen(d) || is_apostrophe(d))
                            && next.is_some_and(char::is_alphanumeric)
                } else {
                    d.is_ascii_digit()
                        || matches!(d, '.' | ',' | ':') && next.is_some_and(|n| n.is_ascii_digit())
                };
                if !continues {
                    break;
                }
                end += d.len_utf8();
            }
            if word {
                push_word(text, base + start, base + end, &mut tokens);
            } else {
                tokens.push(Token {
                    start: base + start,
                    end: base + end,
                    norm: Cow::Borrowed(&slice[start..end]),
                    kind: TokenKind::Number,
                    capitalized: false,
                    lex: None,
                });
            }
            pos = end;
        } else {
            let end = pos + c.len_utf8();
            tokens.push(Token {
                start: base + start,
                end: base + end,
                norm: fold_cow(&slice[start..end]),
                kind: TokenKind::Punct,
                capitalized: false,
                lex: None,
            });
            pos = end;
        }
    }
    tokens
}

/// Pushes a word, splitting a leading elided clitic (« l’ », « qu’ ») into its own token.
fn push_word<'a>(text: &'a str, start: usize, end: usize, tokens: &mut Vec<Token<'a>>) {
    let word = &text[start..end];
    if let Some((k, apostrophe)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        let head = fold_cow(&word[..k]);
        if CLITICS.contains(&&*head) {
            let split = start + k + apostrophe.len_utf8();
            tokens.push(word_token(text, start, split));
            if split < end {
                push_word(text, split, end, tokens);
            }
            return;
        }
    }
    tokens.push(word_token(text, start, end));
}

fn word_token(text: &str, start: usize, end: usize) -> Token<'_> {
    let word = &text[start..end];
    let norm = fold_cow(word);
    Token {
        start,
        end,
        lex: lexicon().entry(&norm),
        norm,
        kind: TokenKind::Word,
        capitalized: word.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect()
    }

    #[test]
    fn splits_elision_and_keeps_hyphenated_names() {
        assert_eq!(
            norms("l’EI a pris Al-Qaryatayn jusqu'à l’aube"),
            [
                "l'",
                "ei",
                "a",
                "pris",
                "al-qaryatayn",
                "jusqu'",
                "a",
                "l'",
                "aube"
            ]
        );
    }

    #[test]
    fn keeps_non_clitic_apostrophes_inside_words() {
        assert_eq!(norms("aujourd’hui"), ["aujourd'hui"]);
    }

    #[test]
    fn numbers_keep_inner_separators_but_not_final_period() {
        assert_eq!(
            norms("30.000 et 1,9 en 2011."),
            ["30.000", "et", "1,9", "en", "2011", "."]
        );
    }

    #[test]
    fn folds_accents_and_ligatures() {
        assert_eq!(fold("État Œuvre Déir"), "etat oeuvre deir");
    }

    #[test]
    fn offsets_match_text() {
        let text = "« Des unités », a dit l’armée—syrienne (...) 16:51";
        for t in tokenize(text, 0..text.len()) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(!t.text(text).is_empty());
        }
    }

    #[test]
    fn marks_capitalized_words() {
        let text = "les forces de Damas";
        let caps: Vec<bool> = tokenize(text, 0..text.len())
            .iter()
            .map(|t| t.capitalized)
            .collect();
        assert_eq!(caps, [false, false, false, true]);
    }
}
