//! Counts: numbers of people or things (« plus de 200 éléments », « une centaine de
//! combattants », « 1,9 million de réfugiés », « quatre quartiers »), with their qualifier and
//! the counted noun.
//!
//! Conventions:
//! - the span covers the qualifier and the number (« plus de 200 », « une centaine »,
//!   « des dizaines de milliers », « 300 à 400 »), not the counted noun, which `head` points to;
//! - a collective noun is `about` its value (« une centaine » → 100); a plural one is `at_least`
//!   its value (« des dizaines de milliers » → 10000, « plusieurs centaines » → 100);
//!   an explicit qualifier wins (« plus d'une centaine » → 100, `more_than`);
//! - a range keeps its lower bound (« 300 à 400 », « entre 300 et 400 » → 300, `range`);
//! - years, dates, clock times, ordinals, percentages, measures, durations, ages and money are
//!   not counts; a lone « un »/« une » is an article, and a number written in words needs a
//!   noun or a qualifier.
//!
//! The French vocabulary is in `data/number_words.tsv`. This module also holds the small
//! lexicon loader that the time module shares.

use crate::engine::fast_hash::FastMap;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::engine::record::Qualifier;
use crate::engine::tokens::{Token, TokenKind, tokenize};

use super::times;

/// A count found in a sentence's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMention {
    /// Byte offset of the first character (qualifier included).
    pub start: usize,
    /// Byte offset just past the number (the counted noun is not included).
    pub end: usize,
    /// The number; for a range, its lower bound.
    pub value: u64,
    /// How the value relates to the real number.
    pub qualifier: Qualifier,
    /// Index in the tokens of the counted noun, when there is one.
    pub head: Option<usize>,
}

// ---------------------------------------------------------------------------------------------
// Lexicon shared with the time module.

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
        let mut entries: FastMap<String, Vec<Entry<R>>> = HashMap::default();
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
    fn parse(s: &str) -> Option<Role> {
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

/// Whether `tokens[i]` is a number word (« trois », « vingt », « cent », « mille »).
pub(crate) fn is_number_word(tokens: &[Token], i: usize) -> bool {
    [Role::Num, Role::Hundred, Role::Thousand, Role::Million]
        .into_iter()
        .any(|role| NUMBERS.at(tokens, i, role).is_some())
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

fn all_digits(s: &str) -> bool {
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
    for (parts, part) in norm.split('-').enumerate() {
        let ok = NUMBERS.entries(part).iter().any(|e| {
            e.rest.is_empty()
                && matches!(
                    e.role,
                    Role::Num | Role::Hundred | Role::Thousand | Role::Million
                )
                || (parts > 0 && e.role == Role::And)
        });
        if !ok {
            return None;
        }
    }
    Some(())
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

// ---------------------------------------------------------------------------------------------
// Counts.

/// A quantity: a number, possibly scaled by collectives (« une centaine », « des dizaines de milliers »).
struct Quantity {
    value: u64,
    /// Index of its first number token.
    first: usize,
    end: usize,
    /// The qualifier the quantity itself implies (collectives).
    implied: Qualifier,
    /// Needs « de » before its noun (collectives, « million »).
    needs_of: bool,
    number: Option<Number>,
}

fn collective_at(tokens: &[Token], i: usize) -> Option<u64> {
    NUMBERS
        .at(tokens, i, Role::Collective)
        .or_else(|| NUMBERS.at(tokens, i, Role::Million))
        .map(|v| v as u64)
}

fn quantity_at(text: &str, tokens: &[Token], i: usize) -> Option<Quantity> {
    let mut q = if let Some((j, _)) = NUMBERS.phrase(tokens, i, Role::Plural) {
        let v = collective_at(tokens, j)?;
        Quantity {
            value: v,
            first: j,
            end: j + 1,
            implied: Qualifier::AtLeast,
            needs_of: true,
            number: None,
        }
    } else {
        let n = number_at(text, tokens, i)?;
        let mut q = Quantity {
            value: n.value,
            first: i,
            end: n.end,
            implied: Qualifier::Exact,
            needs_of: n.mult >= 1_000_000,
            number: Some(n),
        };
        if let Some(c) = collective_at(tokens, n.end).filter(|_| n.mult == 1) {
            q.value = n.value.checked_mul(c)?;
            q.end += 1;
            q.implied = Qualifier::About;
            q.needs_of = true;
            q.number = None;
        }
        q
    };
    // « des dizaines de milliers », « une centaine de milliers »
    while q.needs_of && NUMBERS.at(tokens, q.end, Role::Of).is_some() {
        let Some(c) = collective_at(tokens, q.end + 1) else {
            break;
        };
        q.value = q.value.checked_mul(c)?;
        q.end += 2;
    }
    Some(q)
}

/// Whether the number token at `i` is part of a date, a time, an ordinal or an identifier.
fn is_excluded_number(tokens: &[Token], i: usize, end: usize) -> bool {
    let t = &tokens[i];
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(end);
    if let Some(p) = prev {
        if NUMBERS.at(tokens, i - 1, Role::Currency).is_some()
            || NUMBERS.at(tokens, i - 1, Role::Ident).is_some()
            || times::is_month(p)
            || (times::is_weekday(p) && t.norm.len() <= 2)
        {
            return true;
        }
        // the second part of « 12/03 », « 2017-10 » (but « 300-400 » is a range)
        if p.kind == TokenKind::Punct
            && p.end == t.start
            && i >= 2
            && tokens[i - 2].kind == TokenKind::Number
            && tokens[i - 2].end == p.start
            && (p.norm == "/" || (p.norm == "-" && tokens[i - 2].norm.len() == 4))
        {
            return true;
        }
    }
    // « 03 », « 09 »: day or month numbers, never counts.
    if t.norm.len() > 1 && t.norm.starts_with('0') {
        return true;
    }
    if let Some(n) = next {
        if times::is_month(n) {
            return true;
        }
        let glued = tokens[end - 1].end == n.start;
        if glued && n.kind == TokenKind::Word {
            // « 3e », « 1er », « 10h30 », « 5km »
            let hour = n
                .norm
                .strip_prefix('h')
                .is_some_and(|r| r.is_empty() || all_digits(r));
            if hour || NUMBERS.word(&n.norm, Role::Ordinal).is_some() {
                return true;
            }
        }
        if glued && n.norm == "/" {
            return true;
        }
    }
    false
}

/// Whether a measure, duration, age, money or percentage word follows at `k` (or after « de »).
fn unit_follows(tokens: &[Token], k: usize) -> bool {
    NUMBERS.phrase(tokens, k, Role::Unit).is_some()
        || (NUMBERS.at(tokens, k, Role::Of).is_some()
            && NUMBERS.phrase(tokens, k + 1, Role::Unit).is_some())
}

/// The counted noun after a quantity ending at `k`.
fn head_at(tokens: &[Token], mut k: usize, needs_of: bool) -> Option<usize> {
    if needs_of {
        NUMBERS.at(tokens, k, Role::Of)?;
        k += 1;
    } else if let Some((e, _)) = NUMBERS.phrase(tokens, k, Role::Possessive) {
        k = e;
    }
    let word_at = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && !is_stop_word(tokens, k))
    };
    loop {
        if NUMBERS.at(tokens, k, Role::Adj).is_some() && word_at(k + 1) {
            k += 1;
        } else if NUMBERS.at(tokens, k, Role::Adv).is_some() && word_at(k + 1) && word_at(k + 2) {
            k += 2; // « plus beaux »
        } else {
            break;
        }
    }
    let t = tokens.get(k)?;
    (t.kind == TokenKind::Word
        && !is_stop_word(tokens, k)
        && NUMBERS.phrase(tokens, k, Role::Unit).is_none())
    .then_some(k)
}

/// Whether `tokens[i]` can start a count (cheap filter).
fn may_start(t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => {
            NUMBERS.entries(&t.norm).iter().any(|e| {
                matches!(
                    e.role,
                    Role::Num
                        | Role::Hundred
                        | Role::Thousand
                        | Role::Million
                        | Role::Plural
                        | Role::MoreThan
                        | Role::AtLeast
                        | Role::About
                        | Role::UpTo
                        | Role::Between
                )
            }) || t.norm.contains('-')
        }
    }
}

fn count_at(text: &str, tokens: &[Token], i: usize) -> Option<(CountMention, usize)> {
    let mut qualifier = None;
    let mut between = false;
    let mut j = i;
    for (role, qual) in [
        (Role::MoreThan, Qualifier::MoreThan),
        (Role::AtLeast, Qualifier::AtLeast),
        (Role::About, Qualifier::About),
        (Role::UpTo, Qualifier::UpTo),
    ] {
        if let Some((e, _)) = NUMBERS.phrase(tokens, i, role) {
            qualifier = Some(qual);
            j = e;
            break;
        }
    }
    if qualifier.is_none() && NUMBERS.at(tokens, i, Role::Between).is_some() {
        between = true;
        j = i + 1;
    }
    let q = quantity_at(text, tokens, j)?;
    // A lone « un »/« une » is an article, not a count.
    if q.number
        .is_some_and(|n| n.words && n.value == 1 && n.end == q.first + 1)
    {
        return None;
    }
    if is_excluded_number(tokens, q.first, q.end) {
        return None;
    }
    let mut value = q.value;
    let mut end = q.end;
    let mut needs_of = q.needs_of;
    let mut range = false;
    // Ranges: « 300 à 400 », « entre 300 et 400 », « deux ou trois », « 300-400 ».
    let link = if between {
        NUMBERS.at(tokens, end, Role::And).map(|_| end + 1)
    } else {
        NUMBERS
            .phrase(tokens, end, Role::RangeLink)
            .and_then(|(e, _)| {
                let is_and = NUMBERS.at(tokens, end, Role::And).is_some();
                let dash = tokens[end].kind == TokenKind::Punct;
                let glued = dash
                    && tokens[end - 1].end == tokens[end].start
                    && tokens.get(e).is_some_and(|n| n.start == tokens[end].end);
                (!is_and && (!dash || glued)).then_some(e)
            })
    };
    if let Some(second) = link.and_then(|l| quantity_at(text, tokens, l)) {
        let year_like = q
            .number
            .is_some_and(|n| n.four_digits && (1900..=2100).contains(&n.value));
        let mut low = value;
        if let (Some(a), Some(b)) = (q.number, second.number)
            && a.mult == 1
            && b.mult > 1
            && a.value.saturating_mul(b.mult) <= b.value
        {
            low = a.value.saturating_mul(b.mult);
        }
        if second.value > low && !year_like && !is_excluded_number(tokens, second.first, second.end)
        {
            value = low;
            end = second.end;
            needs_of = second.needs_of;
            range = true;
        } else if tokens[end].kind == TokenKind::Punct {
            // « 2011-2014 », « 12-03 »: not a count.
            return None;
        }
    }
    if between && !range {
        return None;
    }
    if unit_follows(tokens, end) {
        return None;
    }
    let head = head_at(tokens, end, needs_of);
    let qualifier = if range {
        Qualifier::Range
    } else {
        qualifier.unwrap_or(q.implied)
    };
    let explicit = qualifier != Qualifier::Exact;
    // « entre le 3 et le 5 mars », « du 3 au 5 mars »: a day number, not a count.
    if head.is_none()
        && !explicit
        && value <= 31
        && q.first > 0
        && times::is_day_article(&tokens[q.first - 1])
    {
        return None;
    }
    if let Some(n) = q.number {
        if n.four_digits && (1900..=2100).contains(&n.value) && !range {
            // A year unless it clearly counts something.
            if head.is_none() || times::follows_year_cue(tokens, q.first) {
                return None;
            }
        }
        if n.words && head.is_none() && !explicit {
            return None;
        }
    }
    Some((
        CountMention {
            start: tokens[i].start,
            end: tokens[end - 1].end,
            value,
            qualifier,
            head,
        },
        end,
    ))
}

/// Counts of people/things in tokens; `head` = index in `tokens` of the counted noun
/// (« 200 éléments » → index of « éléments »). See the module doc for the conventions.
pub fn find_counts(text: &str, tokens: &[Token]) -> Vec<CountMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if may_start(&tokens[i])
            && let Some((m, next)) = count_at(text, tokens, i)
        {
            out.push(m);
            i = next.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span text, value, qualifier, head text)
    fn counts(text: &str) -> Vec<(String, u64, Qualifier, Option<String>)> {
        let tokens = tokenize(text, 0..text.len());
        find_counts(text, &tokens)
            .into_iter()
            .map(|m| {
                let head = m.head.map(|h| tokens[h].text(text).to_string());
                (text[m.start..m.end].to_string(), m.value, m.qualifier, head)
            })
            .collect()
    }

    fn one(text: &str) -> (String, u64, Qualifier, Option<String>) {
        let found = counts(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn check(text: &str, span: &str, value: u64, qualifier: Qualifier, head: Option<&str>) {
        assert_eq!(
            one(text),
            (span.to_string(), value, qualifier, head.map(str::to_string)),
            "{text}"
        );
    }

    use Qualifier::*;

    #[test]
    fn qualified_counts() {
        check(
            "a tué plus de 200 éléments de l’EI",
            "plus de 200",
            200,
            MoreThan,
            Some("éléments"),
        );
        check(
            "au moins 20 morts dans une attaque",
            "au moins 20",
            20,
            AtLeast,
            Some("morts"),
        );
        check(
            "environ 100 terroristes de Daech",
            "environ 100",
            100,
            About,
            Some("terroristes"),
        );
        check("près de 300, selon l'OSDH", "près de 300", 300, About, None);
        check(
            "jusqu'à 50 personnes",
            "jusqu'à 50",
            50,
            UpTo,
            Some("personnes"),
        );
        check("jusqu’à 50", "jusqu’à 50", 50, UpTo, None);
        check(
            "pas moins de 12 soldats",
            "pas moins de 12",
            12,
            AtLeast,
            Some("soldats"),
        );
        check(
            "quelque 300 familles",
            "quelque 300",
            300,
            About,
            Some("familles"),
        );
    }

    #[test]
    fn collectives() {
        check(
            "une centaine de combattants",
            "une centaine",
            100,
            About,
            Some("combattants"),
        );
        check(
            "une vingtaine de civils",
            "une vingtaine",
            20,
            About,
            Some("civils"),
        );
        check(
            "des dizaines de milliers de personnes",
            "des dizaines de milliers",
            10_000,
            AtLeast,
            Some("personnes"),
        );
        check(
            "plusieurs centaines de familles",
            "plusieurs centaines",
            100,
            AtLeast,
            Some("familles"),
        );
        check(
            "des milliers de déplacés",
            "des milliers",
            1000,
            AtLeast,
            Some("déplacés"),
        );
        check(
            "plus d'une centaine de soldats",
            "plus d'une centaine",
            100,
            MoreThan,
            Some("soldats"),
        );
        check(
            "au moins une dizaine de morts",
            "au moins une dizaine",
            10,
            AtLeast,
            Some("morts"),
        );
        check(
            "près d'un millier d'habitants",
            "près d'un millier",
            1000,
            About,
            Some("habitants"),
        );
    }

    #[test]
    fn ranges() {
        check(
            "jeudi que 300 à 400 combattants",
            "300 à 400",
            300,
            Range,
            Some("combattants"),
        );
        check(
            "entre 300 et 400 combattants",
            "entre 300 et 400",
            300,
            Range,
            Some("combattants"),
        );
        check(
            "deux ou trois véhicules",
            "deux ou trois",
            2,
            Range,
            Some("véhicules"),
        );
        check("300-400 hommes", "300-400", 300, Range, Some("hommes"));
        check(
            "entre 3 et 4 millions de réfugiés",
            "entre 3 et 4 millions",
            3_000_000,
            Range,
            Some("réfugiés"),
        );
    }

    #[test]
    fn digit_forms() {
        check(
            "la ville comptait 30.000 habitants",
            "30.000",
            30_000,
            Exact,
            Some("habitants"),
        );
        check(
            "30 000 habitants",
            "30 000",
            30_000,
            Exact,
            Some("habitants"),
        );
        check(
            "30\u{a0}000 habitants",
            "30\u{a0}000",
            30_000,
            Exact,
            Some("habitants"),
        );
        check(
            "30\u{202f}000 habitants",
            "30\u{202f}000",
            30_000,
            Exact,
            Some("habitants"),
        );
        check(
            "1 500 000 personnes",
            "1 500 000",
            1_500_000,
            Exact,
            Some("personnes"),
        );
        check(
            "ainsi que 93000 civils",
            "93000",
            93_000,
            Exact,
            Some("civils"),
        );
        check(
            "1,9 million de réfugiés",
            "1,9 million",
            1_900_000,
            Exact,
            Some("réfugiés"),
        );
        check(
            "2,5 millions d'habitants",
            "2,5 millions",
            2_500_000,
            Exact,
            Some("habitants"),
        );
        check(
            "la coalition 1500 djihadistes",
            "1500",
            1500,
            Exact,
            Some("djihadistes"),
        );
        check(
            "2000 combattants ont fui",
            "2000",
            2000,
            Exact,
            Some("combattants"),
        );
    }

    #[test]
    fn words() {
        check("quatre quartiers", "quatre", 4, Exact, Some("quartiers"));
        check("deux soldats", "deux", 2, Exact, Some("soldats"));
        check("vingt otages", "vingt", 20, Exact, Some("otages"));
        check("cent prisonniers", "cent", 100, Exact, Some("prisonniers"));
        check("mille réfugiés", "mille", 1000, Exact, Some("réfugiés"));
        check("vingt-deux morts", "vingt-deux", 22, Exact, Some("morts"));
        check(
            "quatre-vingt-dix blessés",
            "quatre-vingt-dix",
            90,
            Exact,
            Some("blessés"),
        );
        check(
            "soixante-dix civils",
            "soixante-dix",
            70,
            Exact,
            Some("civils"),
        );
        check(
            "vingt et un soldats",
            "vingt et un",
            21,
            Exact,
            Some("soldats"),
        );
        check(
            "trois cents hommes",
            "trois cents",
            300,
            Exact,
            Some("hommes"),
        );
        check(
            "deux mille personnes",
            "deux mille",
            2000,
            Exact,
            Some("personnes"),
        );
        check(
            "un million de déplacés",
            "un million",
            1_000_000,
            Exact,
            Some("déplacés"),
        );
        check(
            "onze nouveaux combattants",
            "onze",
            11,
            Exact,
            Some("combattants"),
        );
        for n in [
            "deux", "trois", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "quinze",
            "seize", "vingt",
        ] {
            assert_eq!(counts(&format!("{n} civils")).len(), 1, "{n}");
        }
    }

    #[test]
    fn heads_skip_adjectives_and_partitives() {
        check(
            "200 nouveaux combattants",
            "200",
            200,
            Exact,
            Some("combattants"),
        );
        check("200 de ses hommes", "200", 200, Exact, Some("hommes"));
        check("900 chrétiens", "900", 900, Exact, Some("chrétiens"));
        check(
            "a vu deux de ses plus beaux temples",
            "deux",
            2,
            Exact,
            Some("temples"),
        );
    }

    #[test]
    fn not_counts() {
        for text in [
            "en 2015 Al-Qaryatayn",
            "depuis 2014.",
            "09 Novembre, 2017, 16:51 | Auteur",
            "le 12 mars 2016",
            "le 12/03/2019",
            "date 2017-10",
            "de 2011 à 2014",
            "une cité vieille de 2000 ans",
            "située à 120 kilomètres à l’ouest",
            "ces dernières 24 heures",
            "depuis dix mois",
            "20 % des voix",
            "20 pour cent",
            "2 millions de dollars",
            "300 euros",
            "la 3e division",
            "le 1er mars",
            "à 10h30",
            "âgé de 12 ans",
            "la résolution 2254",
            "un soldat",
            "l'un des deux",
            "un bâtiment neuf et moderne",
            "2,5 kilos",
            "à trois reprises",
            "3,5",
            "lundi 3 avril",
            "entre le 3 et le 5 mars",
            "du 3 au 5 mars",
        ] {
            assert!(counts(text).is_empty(), "{text}: {:?}", counts(text));
        }
    }

    #[test]
    fn several_counts() {
        let text =
            "La ville comptait 30.000 habitants, dont 900 chrétiens, en 2011. Au moins 20 morts.";
        let values: Vec<u64> = counts(text).iter().map(|c| c.1).collect();
        assert_eq!(values, [30_000, 900, 20]);
    }

    #[test]
    fn corpus_counts() {
        let text = include_str!("../../../corpus/001_26982d2e0aff68f9.txt");
        let tokens = tokenize(text, 0..text.len());
        for m in find_counts(text, &tokens) {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert!(m.head.is_none_or(|h| h < tokens.len()));
        }
    }

    #[test]
    fn data_tables_load_completely() {
        for (data, roles) in [
            (include_str!("../../../data/number_words.tsv"), 0),
            (include_str!("../../../data/time_words.tsv"), 1),
        ] {
            for line in data
                .lines()
                .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            {
                let role = line.split('\t').nth(1).unwrap_or("").trim();
                let ok = if roles == 0 {
                    Role::parse(role).is_some()
                } else {
                    times::role_is_known(role)
                };
                assert!(ok, "bad line: {line:?}");
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz {
    use super::*;
    use crate::engine::date::Date;
    use crate::engine::mentions::times::{find_dateline, find_times};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_offsets_are_sane(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("plus de".to_string()), Just("entre".to_string()), Just("et".to_string()),
                    Just("à".to_string()), Just("mars".to_string()), Just("samedi".to_string()),
                    Just("centaine".to_string()), Just("de".to_string()), Just("million".to_string()),
                    Just("il y a".to_string()), Just("dans la nuit de".to_string()), Just("’".to_string()),
                    Just("mi-".to_string()), Just("1er".to_string()), Just("\u{202f}".to_string()),
                    Just("/".to_string()), Just("-".to_string()), Just("\n".to_string()),
                    "[0-9]{1,12}", "[0-9]{1,3}[.,:][0-9]{1,4}", "[a-zéèû]{1,8}", "\\PC{1,4}",
                ],
                0..24,
            ),
            day in 0i64..40000,
        ) {
            let text = words.join(" ");
            let tokens = tokenize(&text, 0..text.len());
            let doc = Date::ymd(1950, 1, 1).and_then(|d| d.add_days(day));
            for m in find_counts(&text, &tokens) {
                prop_assert!(m.start < m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
            for m in find_times(&text, &tokens, doc) {
                prop_assert!(m.start < m.end && m.end <= text.len());
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                if let Some(v) = m.value {
                    prop_assert!(Date::parse_iso(&v).is_some());
                }
            }
            if let Some((_, s, e)) = find_dateline(&text, &tokens) {
                prop_assert!(s < e && e <= text.len());
            }
        }
    }
}
