//! Numbers written in digits or in words (« 30.000 », « deux cents », « vingt et un »), the
//! words around them (qualifiers, collectives, units) from `data/number_words.tsv`, and the
//! small tagged lexicon loader that the count and time modules share. Counts and times both
//! read numbers; neither reads the other through this module.

use std::sync::LazyLock;

use crate::engine::fast_hash::FastMap;
use crate::engine::tokens::{Token, TokenKind, tokenize};

/// One lexicon entry: the words after the first one, its role and its value.
pub(crate) struct Entry<R> {
    rest: Vec<String>,
    role: R,
    value: i64,
}

impl<R: Copy> Entry<R> {
    /// The entry's role.
    pub(crate) fn role(&self) -> R {
        self.role
    }
}

/// Words and phrases with roles, loaded from a `form<TAB>role[<TAB>value]` table whose forms are
/// tokenized (and so folded) like the text. Keyed by the first token's folded form.
pub(crate) struct Lexicon<R> {
    entries: FastMap<String, Vec<Entry<R>>>,
}

impl<R: Copy + PartialEq> Lexicon<R> {
    /// Loads a table; lines that are empty, comments (`#`) or with an unknown role are skipped.
    pub(crate) fn load(data: &str, parse_role: fn(&str) -> Option<R>) -> Self {
        let mut entries: FastMap<String, Vec<Entry<R>>> = FastMap::default();
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let form = fields.next().unwrap_or("").trim();
            // Unknown roles are skipped (a unit test checks that there are none).
            let Some(role) = fields.next().and_then(|r| parse_role(r.trim())) else {
                continue;
            };
            let value = fields
                .next()
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            // A final elided form (« d' », « jusqu'à ») reads as a word then an apostrophe:
            // glue them back as the text's tokenizer does before a word.
            let mut tokens: Vec<Token> = Vec::new();
            for t in tokenize(form, 0..form.len()) {
                match tokens.last_mut() {
                    Some(prev) if t.norm == "'" && prev.is_word() && prev.end == t.start => {
                        prev.norm.to_mut().push('\'');
                        prev.end = t.end;
                    }
                    _ => tokens.push(t),
                }
            }
            let mut norms = tokens.into_iter().map(|t| t.norm.into_owned());
            let Some(first) = norms.next() else { continue };
            entries.entry(first).or_default().push(Entry {
                rest: norms.collect(),
                role,
                value,
            });
        }
        for list in entries.values_mut() {
            // Longest phrases first, so that matching takes the longest.
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        Lexicon { entries }
    }

    /// The entries whose first word is `norm`.
    pub(crate) fn entries(&self, norm: &str) -> &[Entry<R>] {
        self.entries.get(norm).map_or(&[], Vec::as_slice)
    }

    /// The value of the one-word entry `norm` with `role`.
    pub(crate) fn word(&self, norm: &str, role: R) -> Option<i64> {
        self.entries(norm)
            .iter()
            .find(|e| e.role == role && e.rest.is_empty())
            .map(|e| e.value)
    }

    /// The value of the one-word entry of `tokens[i]` with `role`.
    pub(crate) fn at(&self, tokens: &[Token], i: usize, role: R) -> Option<i64> {
        self.word(&tokens.get(i)?.norm, role)
    }

    /// The longest phrase with `role` starting at `tokens[i]`: (index past its end, value).
    pub(crate) fn phrase(&self, tokens: &[Token], i: usize, role: R) -> Option<(usize, i64)> {
        let first = tokens.get(i)?;
        self.entries(&first.norm)
            .iter()
            .filter(|e| e.role == role)
            .find(|e| {
                e.rest.len() < tokens.len() - i
                    && e.rest
                        .iter()
                        .zip(&tokens[i + 1..])
                        .all(|(w, t)| *w == t.norm)
            })
            .map(|e| (i + 1 + e.rest.len(), e.value))
    }
}

// ---------------------------------------------------------------------------------------------
// Number vocabulary.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Num,
    Hundred,
    Thousand,
    Million,
    And,
    Collective,
    Plural,
    MoreThan,
    AtLeast,
    About,
    UpTo,
    Between,
    RangeLink,
    Unit,
    Currency,
    Adj,
    Adv,
    Stop,
    Possessive,
    Ordinal,
    Ident,
    Of,
}

impl Role {
    /// A word that is a number by itself (« trois », « cent », « mille », « million »).
    fn is_number(self) -> bool {
        matches!(
            self,
            Role::Num | Role::Hundred | Role::Thousand | Role::Million
        )
    }

    pub(crate) fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "num" => Role::Num,
            "hundred" => Role::Hundred,
            "thousand" => Role::Thousand,
            "million" => Role::Million,
            "and" => Role::And,
            "collective" => Role::Collective,
            "plural" => Role::Plural,
            "more_than" => Role::MoreThan,
            "at_least" => Role::AtLeast,
            "about" => Role::About,
            "up_to" => Role::UpTo,
            "between" => Role::Between,
            "range_link" => Role::RangeLink,
            "unit" => Role::Unit,
            "currency" => Role::Currency,
            "adj" => Role::Adj,
            "adv" => Role::Adv,
            "stop" => Role::Stop,
            "possessive" => Role::Possessive,
            "ordinal" => Role::Ordinal,
            "ident" => Role::Ident,
            "of" => Role::Of,
            _ => return None,
        })
    }
}

pub(crate) static NUMBERS: LazyLock<Lexicon<Role>> =
    LazyLock::new(|| Lexicon::load(include_str!("../../../data/number_words.tsv"), Role::parse));

/// Whether `tokens[i]` is a word that cannot be a counted noun (article, preposition, pronoun…).
pub(crate) fn is_stop_word(tokens: &[Token], i: usize) -> bool {
    NUMBERS.at(tokens, i, Role::Stop).is_some()
}

/// Whether `tokens[i]` is a number word (« trois », « vingt », « cent », « mille »), or a
/// compound of them (« dix-sept », « vingt-et-un »).
pub(crate) fn is_number_word(tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| t.is_word() && words_token(&t.norm).is_some())
}

/// Whether a count qualifier (« plus de », « environ », « au moins »…) ends just before `tokens[i]`.
pub(crate) fn follows_qualifier(tokens: &[Token], i: usize) -> bool {
    (1..=3).any(|len| {
        i >= len
            && [
                Role::MoreThan,
                Role::AtLeast,
                Role::About,
                Role::UpTo,
                Role::Between,
            ]
            .into_iter()
            .any(|r| {
                NUMBERS
                    .phrase(tokens, i - len, r)
                    .is_some_and(|(e, _)| e == i)
            })
    })
}

/// Whether the gap between two tokens is a single (possibly no-break or narrow) space.
fn thousands_gap(text: &str, a: &Token, b: &Token) -> bool {
    matches!(
        text.get(a.end..b.start),
        Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}")
    )
}

pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A number read from the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number {
    pub value: u64,
    /// Index past its last token.
    pub end: usize,
    /// Written in words.
    pub words: bool,
    /// Multiplier word that ended it (« million » → 10⁶), 1 if none.
    pub mult: u64,
    /// A bare 4-digit token (could be a year).
    pub four_digits: bool,
}

/// Parses digits « 30.000 », « 93000 », « 30 000 », « 1,9 million » at `tokens[i]`.
fn digits_at(text: &str, tokens: &[Token], i: usize) -> Option<Number> {
    let t = &tokens[i];
    if t.kind != TokenKind::Number || t.norm.contains(':') {
        return None;
    }
    let s = &*t.norm;
    let mut end = i + 1;
    // (integer part, fractional digits)
    let (mut int, frac): (u64, &str) = if all_digits(s) {
        let mut v: u64 = s.parse().ok()?;
        if s.len() <= 3 {
            while let Some(n) = tokens.get(end) {
                if n.kind == TokenKind::Number
                    && n.norm.len() == 3
                    && all_digits(&n.norm)
                    && thousands_gap(text, &tokens[end - 1], n)
                {
                    v = v.checked_mul(1000)?.checked_add(n.norm.parse().ok()?)?;
                    end += 1;
                } else {
                    break;
                }
            }
        }
        (v, "")
    } else {
        let mut groups = s.split('.');
        let head = groups.next()?;
        let thousands = !s.contains(',')
            && (1..=3).contains(&head.len())
            && s.split('.').skip(1).all(|g| g.len() == 3 && all_digits(g));
        if thousands {
            let mut v: u64 = head.parse().ok()?;
            for g in groups {
                v = v.checked_mul(1000)?.checked_add(g.parse().ok()?)?;
            }
            (v, "")
        } else {
            let (a, b) = s.split_once([',', '.'])?;
            if !all_digits(a) || !all_digits(b) || b.len() > 9 {
                return None;
            }
            (a.parse().ok()?, b)
        }
    };
    let mut mult = 1;
    if let Some(m) = NUMBERS
        .at(tokens, end, Role::Million)
        .or_else(|| NUMBERS.at(tokens, end, Role::Thousand))
    {
        mult = m as u64;
        let scale = 10u64.checked_pow(frac.len() as u32)?;
        let f: u64 = if frac.is_empty() {
            0
        } else {
            frac.parse().ok()?
        };
        int = int
            .checked_mul(mult)?
            .checked_add(f.checked_mul(mult)? / scale)?;
        end += 1;
    } else if !frac.is_empty() {
        return None;
    }
    Some(Number {
        value: int,
        end,
        words: false,
        mult,
        four_digits: end == i + 1 && s.len() == 4 && all_digits(s),
    })
}

/// Parses a number in words (« vingt-deux », « trois cent mille », « deux millions ») at `tokens[i]`.
fn words_at(tokens: &[Token], i: usize) -> Option<Number> {
    let (mut total, mut current, mut last, mut mult) = (0u64, 0u64, 0u64, 1u64);
    let mut end = i;
    let mut any = false;
    while let Some(t) = tokens.get(end) {
        if t.kind != TokenKind::Word {
            break;
        }
        if any && NUMBERS.word(&t.norm, Role::And).is_some() {
            // « vingt et un », « soixante et onze »: only after a ten, before one or eleven.
            let unit = NUMBERS.at(tokens, end + 1, Role::Num);
            if (20..=60).contains(&last) && last % 10 == 0 && matches!(unit, Some(1 | 11)) {
                end += 1;
                continue;
            }
            break;
        }
        if words_token(&t.norm).is_none() {
            break;
        }
        for part in t.norm.split('-') {
            let entries = NUMBERS.entries(part);
            let role_value = |r| entries.iter().find(|e| e.role == r && e.rest.is_empty());
            if let Some(e) = role_value(Role::Num) {
                let v = e.value as u64;
                if v == 20 && last == 4 && current % 100 == 4 {
                    current += 76; // quatre-vingt(s)
                } else {
                    current += v;
                }
                last = v;
            } else if role_value(Role::Hundred).is_some() {
                current = current.max(1).checked_mul(100)?;
                last = 100;
            } else if role_value(Role::Thousand).is_some() {
                total = total.checked_add(current.max(1).checked_mul(1000)?)?;
                current = 0;
                last = 1000;
            } else if let Some(e) = role_value(Role::Million) {
                mult = e.value as u64;
                total = total.checked_add(current.max(1).checked_mul(mult)?)?;
                current = 0;
                last = mult;
            }
        }
        any = true;
        end += 1;
    }
    any.then_some(Number {
        value: total.checked_add(current)?,
        end,
        words: true,
        mult,
        four_digits: false,
    })
}

/// Whether every hyphen-separated part of a word is a number word (or « et » inside).
fn words_token(norm: &str) -> Option<()> {
    // A part after the first may be « et » (« vingt-et-un »).
    let number = |part: &str, inner: bool| {
        NUMBERS
            .entries(part)
            .iter()
            .any(|e| e.rest.is_empty() && e.role.is_number() || inner && e.role == Role::And)
    };
    // Most words have no hyphen: one look-up, no splitting (this runs for many tokens).
    let ok = if norm.contains('-') {
        norm.split('-')
            .enumerate()
            .all(|(parts, part)| number(part, parts > 0))
    } else {
        number(norm, false)
    };
    ok.then_some(())
}

/// A number in digits or words at `tokens[i]`.
pub(crate) fn number_at(text: &str, tokens: &[Token], i: usize) -> Option<Number> {
    let t = tokens.get(i)?;
    match t.kind {
        TokenKind::Number => digits_at(text, tokens, i),
        TokenKind::Word => words_at(tokens, i),
        TokenKind::Punct => None,
    }
}
