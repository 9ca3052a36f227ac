//! Time expressions (« samedi », « hier soir », « le 12 mars 2016 », « début octobre »,
//! « en 2015 », « il y a trois jours », « ces dernières 24 heures »…) normalised against the
//! article's date, and the article's own dateline.
//!
//! Conventions:
//! - a mention's span covers the whole expression, its introducing words included
//!   (« en 2015 », « depuis 2014 », « début octobre », « le 12 mars 2016 », « la semaine dernière »,
//!   « dans la nuit de samedi à dimanche », « il y a trois jours »);
//! - a weekday is the most recent such day on or before the article's date (« dernier »: strictly
//!   before; « prochain »: strictly after); a night « de samedi à dimanche » is the Saturday;
//! - a month without a year is in the article's year, or the year before if the month comes
//!   after the article's month; a day and month without a year take the year that puts the
//!   date nearest the article's date (agreeing with the weekday when one is given);
//! - without an article date, relative expressions have no value; absolute ones still do;
//!   a week (« la semaine dernière », « cette semaine ») is the month that holds it, else its
//!   year; expressions with no single date (« récemment », « ces derniers jours ») have no value;
//! - a four-digit number is a year (1900–2100) only when introduced as one or not followed
//!   by a counted noun or a unit (« 2000 ans », « 2000 combattants » are not years).
//!
//! The French vocabulary is in `data/time_words.tsv`.

use std::sync::LazyLock;

use crate::engine::date::Date;
use crate::engine::tokens::{Token, TokenKind};

use super::numbers::{self, Lexicon};

/// A time expression found in a sentence's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Normalised value `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, when one date applies.
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Weekday,
    Month,
    DayOffset,
    DayPart,
    Past,
    Next,
    This,
    Early,
    Late,
    Mid,
    YearPrep,
    Season,
    Ago,
    NightOf,
    Link,
    Unit,
    Hours,
    Recent,
    Few,
    CountDet,
    Vague,
    RelMonth,
    RelYear,
    RelWeek,
    Article,
    Ordinal,
    DateCue,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "weekday" => Role::Weekday,
            "month" => Role::Month,
            "day_offset" => Role::DayOffset,
            "day_part" => Role::DayPart,
            "past" => Role::Past,
            "next" => Role::Next,
            "this" => Role::This,
            "early" => Role::Early,
            "late" => Role::Late,
            "mid" => Role::Mid,
            "year_prep" => Role::YearPrep,
            "season" => Role::Season,
            "ago" => Role::Ago,
            "night_of" => Role::NightOf,
            "link" => Role::Link,
            "unit" => Role::Unit,
            "hours" => Role::Hours,
            "recent" => Role::Recent,
            "some" => Role::Few,
            "count_det" => Role::CountDet,
            "vague" => Role::Vague,
            "rel_month" => Role::RelMonth,
            "rel_year" => Role::RelYear,
            "rel_week" => Role::RelWeek,
            "article" => Role::Article,
            "ordinal" => Role::Ordinal,
            "date_cue" => Role::DateCue,
            _ => return None,
        })
    }
}

/// Whether `role` names a role of the time table (for the data tests).
#[cfg(test)]
pub(crate) fn role_is_known(role: &str) -> bool {
    Role::parse(role).is_some()
}

static WORDS: LazyLock<Lexicon<Role>> =
    LazyLock::new(|| Lexicon::load(include_str!("../../../data/time_words.tsv"), Role::parse));

fn at(tokens: &[Token], i: usize, role: Role) -> Option<i64> {
    WORDS.at(tokens, i, role)
}

fn phrase(tokens: &[Token], i: usize, role: Role) -> Option<(usize, i64)> {
    WORDS.phrase(tokens, i, role)
}

/// Whether the token is a month name.
pub(crate) fn is_month(t: &Token) -> bool {
    t.kind == TokenKind::Word && WORDS.word(&t.norm, Role::Month).is_some()
}

/// Whether the token is an article that introduces a day number (« le », « du »).
pub(crate) fn is_day_article(t: &Token) -> bool {
    t.kind == TokenKind::Word && WORDS.word(&t.norm, Role::Article).is_some()
}

/// Whether the token is a weekday name.
pub(crate) fn is_weekday(t: &Token) -> bool {
    t.kind == TokenKind::Word && WORDS.word(&t.norm, Role::Weekday).is_some()
}

/// Whether words that introduce a year (« en », « depuis », « début », « l'été »…) end just
/// before `tokens[i]`.
pub(crate) fn follows_year_cue(tokens: &[Token], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = i - 1;
    [Role::YearPrep, Role::Early, Role::Late, Role::Mid]
        .into_iter()
        .any(|r| at(tokens, p, r).is_some())
        || (1..=3).any(|len| {
            i >= len && phrase(tokens, i - len, Role::Season).is_some_and(|(e, _)| e == i)
        })
}

// ---------------------------------------------------------------------------------------------
// Small token readers.

/// A one- or two-digit number token (a day or month number).
fn small_int(t: &Token) -> Option<u32> {
    (t.kind == TokenKind::Number && t.norm.len() <= 2 && t.norm.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.norm.parse().ok())
        .flatten()
}

/// A four-digit number token between 1900 and 2100.
fn year_token(t: &Token) -> Option<i32> {
    if t.kind != TokenKind::Number
        || t.norm.len() != 4
        || !t.norm.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let y: i32 = t.norm.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// A year at `tokens[i]` that is not a measure (« 2000 ans »).
fn year_at(tokens: &[Token], i: usize) -> Option<i32> {
    let y = year_token(tokens.get(i)?)?;
    (at(tokens, i + 1, Role::Unit).is_none()).then_some(y)
}

fn glued(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

/// A day number at `tokens[i]`, with « 1er » / « premier »: (day, index past it).
fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    if let Some(d) = small_int(t).filter(|d| (1..=31).contains(d)) {
        let ordinal = tokens
            .get(i + 1)
            .is_some_and(|n| glued(t, n) && at(tokens, i + 1, Role::Ordinal).is_some());
        return Some((d, i + 1 + usize::from(ordinal)));
    }
    (t.kind == TokenKind::Word && at(tokens, i, Role::Ordinal).is_some()).then_some((1, i + 1))
}

// ---------------------------------------------------------------------------------------------
// Resolution against the article's date.

/// The most recent `weekday` on or before the date (`shift` -1: strictly before; +1: strictly after).
fn resolve_weekday(doc: Date, weekday: u32, shift: i64) -> Option<Date> {
    let dw = i64::from(doc.weekday()?);
    let wd = i64::from(weekday);
    match shift {
        1 => {
            let ahead = (wd - dw).rem_euclid(7);
            doc.add_days(if ahead == 0 { 7 } else { ahead })
        }
        -1 => {
            let back = (dw - wd).rem_euclid(7);
            doc.add_days(-(if back == 0 { 7 } else { back }))
        }
        _ => doc.add_days(-(dw - wd).rem_euclid(7)),
    }
}

/// The year of a day and month without one: nearest the article's date, agreeing with the weekday.
fn infer_day(doc: Option<Date>, month: u32, day: u32, weekday: Option<u32>) -> Option<Date> {
    let doc = doc.filter(|d| d.day.is_some())?;
    let doc_days = doc.days()?;
    let candidates = || {
        [doc.year - 1, doc.year, doc.year + 1]
            .into_iter()
            .filter_map(|y| Date::ymd(y, month, day))
    };
    let nearest = |with_weekday: bool| {
        candidates()
            .filter(|d| !with_weekday || weekday.is_none() || d.weekday() == weekday)
            .min_by_key(|d| (d.days().unwrap_or(0) - doc_days).abs())
    };
    nearest(true).or_else(|| nearest(false))
}

/// The year of a month without one (`shift`: -1 « dernier », +1 « prochain »).
fn infer_month(doc: Option<Date>, month: u32, shift: i64) -> Option<Date> {
    let doc = doc?;
    let doc_month = doc.month?;
    let year = match shift {
        -1 if month >= doc_month => doc.year - 1,
        1 if month <= doc_month => doc.year + 1,
        0 if month > doc_month => doc.year - 1,
        _ => doc.year,
    };
    Date::ym(year, month)
}

// ---------------------------------------------------------------------------------------------
// Matchers. Each returns (index past the expression, value) when the expression starts at `i`.

type Found = Option<(usize, Option<Date>)>;

/// « le 12 mars 2016 », « lundi 3 avril », « 09 Novembre, 2017 », « le 1er mars ».
fn day_date(tokens: &[Token], i: usize, doc: Option<Date>, allow_article: bool) -> Found {
    let mut j = i;
    if allow_article && at(tokens, j, Role::Article).is_some() {
        j += 1;
    }
    let weekday = at(tokens, j, Role::Weekday).map(|w| w as u32);
    if weekday.is_some() {
        j += 1;
    }
    let (day, k) = day_at(tokens, j)?;
    let month = at(tokens, k, Role::Month)? as u32;
    let mut end = k + 1;
    // « janv. 2017 », « 09 Novembre, 2017 »
    let mut y = end;
    if tokens.get(y).is_some_and(|t| matches!(&*t.norm, "." | ",")) {
        y += 1;
    }
    let value = if let Some(year) = year_at(tokens, y) {
        end = y + 1;
        Date::ymd(year, month, day)
    } else {
        infer_day(doc, month, day, weekday)
    };
    Some((end, value))
}

/// « 12/03/2019 », « 12.03.2019 », « 12-03-2019 », « 2017-10-22 », « 2017-10 ».
fn numeric_date(tokens: &[Token], i: usize) -> Found {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    if t.norm.matches('.').count() == 2 {
        let mut parts = t.norm.split('.');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if d.len() <= 2 && m.len() <= 2 && y.len() == 4 {
            let date = Date::ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
            return Some((i + 1, Some(date)));
        }
        return None;
    }
    // Numbers joined by the same glued separator.
    let mut parts = [t; 3];
    let mut n = 1;
    let mut sep = "";
    while n < 3 {
        let (Some(s), Some(p)) = (tokens.get(i + 2 * n - 1), tokens.get(i + 2 * n)) else {
            break;
        };
        let ok = s.kind == TokenKind::Punct
            && matches!(&*s.norm, "/" | "-")
            && (sep.is_empty() || sep == s.norm)
            && glued(parts[n - 1], s)
            && glued(s, p)
            && p.kind == TokenKind::Number
            && p.norm.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            break;
        }
        sep = &s.norm;
        parts[n] = p;
        n += 1;
    }
    let num = |t: &Token| t.norm.parse::<u32>().ok();
    match n {
        3 if parts[0].norm.len() == 4 && parts[1].norm.len() <= 2 && parts[2].norm.len() <= 2 => {
            let y = year_token(parts[0])?;
            Some((i + 5, Some(Date::ymd(y, num(parts[1])?, num(parts[2])?)?)))
        }
        3 if parts[0].norm.len() <= 2 && parts[1].norm.len() <= 2 && parts[2].norm.len() == 4 => {
            let y = year_token(parts[2])?;
            Some((i + 5, Some(Date::ymd(y, num(parts[1])?, num(parts[0])?)?)))
        }
        2 if sep == "-" && parts[1].norm.len() == 2 => {
            let y = year_token(parts[0])?;
            Some((i + 3, Some(Date::ym(y, num(parts[1])?)?)))
        }
        _ => None,
    }
}

/// « hier », « aujourd'hui », « hier mardi soir », « ce matin ».
fn day_offset(tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let (mut end, offset) = phrase(tokens, i, Role::DayOffset)?;
    if at(tokens, end, Role::Weekday).is_some() {
        end += 1;
    }
    if let Some((e, _)) = phrase(tokens, end, Role::DayPart) {
        end = e;
    }
    Some((end, doc.and_then(|d| d.add_days(offset))))
}

/// « samedi », « ce samedi », « mardi dernier », « mardi matin », « jeudi prochain ».
fn weekday_expr(tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let mut j = i;
    if at(tokens, j, Role::This).is_some() {
        j += 1;
    }
    let weekday = at(tokens, j, Role::Weekday)? as u32;
    let mut end = j + 1;
    let mut shift = 0;
    for _ in 0..2 {
        if let Some((e, _)) = phrase(tokens, end, Role::DayPart) {
            end = e;
        } else if shift == 0 && at(tokens, end, Role::Past).is_some() {
            shift = -1;
            end += 1;
        } else if shift == 0 && at(tokens, end, Role::Next).is_some() {
            shift = 1;
            end += 1;
        }
    }
    Some((end, doc.and_then(|d| resolve_weekday(d, weekday, shift))))
}

/// « dans la nuit de samedi à dimanche », « la nuit du 3 au 4 mars », « dans la nuit de jeudi ».
fn night_of(tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let (j, _) = phrase(tokens, i, Role::NightOf)?;
    if let Some(first) = at(tokens, j, Role::Weekday) {
        let mut end = j + 1;
        let mut value = doc.and_then(|d| resolve_weekday(d, first as u32, 0));
        if at(tokens, end, Role::Link).is_some()
            && let Some(second) = at(tokens, end + 1, Role::Weekday)
        {
            end += 2;
            // Anchor on the morning after, then step back to the night's first day.
            let gap = (second - first).rem_euclid(7).max(1);
            value = doc
                .and_then(|d| resolve_weekday(d, second as u32, 0))
                .and_then(|d| d.add_days(-gap));
        }
        if at(tokens, end, Role::Past).is_some() {
            end += 1;
        }
        return Some((end, value));
    }
    if let Some(found) = day_date(tokens, j, doc, false) {
        return Some(found);
    }
    // « du 3 au 4 mars [2017] »: the first day, with the month and year of the second.
    let (day, k) = day_at(tokens, j)?;
    at(tokens, k, Role::Link)?;
    let (end, second) = day_date(tokens, k + 1, doc, false)?;
    let value = second.and_then(|s| Date::ymd(s.year, s.month?, day));
    Some((end, value))
}

/// « il y a trois jours », « il y a une semaine », « il y a deux ans », « il y a quelques jours ».
fn ago(text: &str, tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let (j, _) = phrase(tokens, i, Role::Ago)?;
    let (n, k) = if at(tokens, j, Role::Few).is_some() {
        (None, j + 1)
    } else {
        let n = numbers::number_at(text, tokens, j)?;
        (Some(n.value), n.end)
    };
    let unit = at(tokens, k, Role::Unit)?;
    let value = match (doc, n) {
        (Some(d), Some(n)) => {
            let n = i64::try_from(n).ok()?;
            match unit {
                1 | 7 => d.add_days(-n.checked_mul(unit)?),
                30 => d.add_months(-n),
                _ => i32::try_from(n).ok().map(|n| Date::y(d.year - n)),
            }
        }
        _ => None,
    };
    Some((k + 1, value))
}

/// « ces dernières 24 heures », « les 48 dernières heures », « au cours des dernières 24 heures »
/// (the article's date); « ces cinq derniers jours » (no single date).
fn recent_period(text: &str, tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let (j, _) = phrase(tokens, i, Role::Recent)?;
    let (n, end) = if at(tokens, j, Role::Past).is_some() {
        let n = numbers::number_at(text, tokens, j + 1)?;
        (n, n.end)
    } else {
        let n = numbers::number_at(text, tokens, j)?;
        at(tokens, n.end, Role::Past)?;
        (n, n.end + 1)
    };
    if at(tokens, end, Role::Hours).is_some() {
        let value = doc.filter(|d| d.day.is_some() && n.value <= 48);
        return Some((end + 1, value));
    }
    at(tokens, end, Role::Unit)?;
    Some((end + 1, None))
}

/// The smallest calendar unit that holds the days `first` to `last`: their month, else their
/// year (« la semaine dernière » of 2017-10-22 is 2017-10; of 2017-11-08, 2017).
fn unit_holding(first: Date, last: Date) -> Option<Date> {
    if first.year != last.year {
        None
    } else if first.month == last.month {
        Date::ym(first.year, first.month?)
    } else {
        Some(Date::y(first.year))
    }
}

/// « la semaine dernière », « cette semaine » (the month or year that holds the week),
/// « récemment » (no value), « le mois dernier », « l'an dernier ».
fn fixed_phrase(tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    if let Some((end, _)) = phrase(tokens, i, Role::Vague) {
        return Some((end, None));
    }
    if let Some((end, weeks)) = phrase(tokens, i, Role::RelWeek) {
        // The week from Monday to Sunday, `weeks` from the article's.
        let monday = doc.and_then(|d| {
            let back = i64::from(d.weekday()?);
            d.add_days(weeks.checked_mul(7)?.checked_sub(back)?)
        });
        let value = monday.and_then(|m| unit_holding(m, m.add_days(6)?));
        return Some((end, value));
    }
    if let Some((end, offset)) = phrase(tokens, i, Role::RelMonth) {
        return Some((end, doc.and_then(|d| d.add_months(offset))));
    }
    let (end, offset) = phrase(tokens, i, Role::RelYear)?;
    let offset = i32::try_from(offset).ok()?;
    Some((end, doc.map(|d| Date::y(d.year + offset))))
}

/// « début octobre », « en octobre », « mi-octobre », « octobre 2017 », « en mars dernier »,
/// « en 2015 », « depuis 2014 », « fin 2016 », « mi-2015 », « l'été 2014 ».
fn month_or_year(tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let t = tokens.get(i)?;
    // « mi-octobre », « mi-2015 »: one hyphenated token.
    if let Some((pre, rest)) = t.norm.split_once('-') {
        if WORDS.word(pre, Role::Mid).is_some() {
            if let Some(m) = WORDS.word(rest, Role::Month) {
                let year = year_at(tokens, i + 1);
                let end = i + 1 + usize::from(year.is_some());
                return Some((end, month_value(year, m as u32, 0, doc)));
            }
            if rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit()) {
                let y: i32 = rest.parse().ok()?;
                return (1900..=2100)
                    .contains(&y)
                    .then_some((i + 1, Some(Date::y(y))));
            }
        }
        return None;
    }
    let mut j = i;
    let mut season = false;
    if let Some((e, _)) = phrase(tokens, i, Role::YearPrep) {
        j = e;
    } else if [Role::Early, Role::Late, Role::Mid]
        .into_iter()
        .any(|r| at(tokens, i, r).is_some())
    {
        j = i + 1;
    } else if let Some((e, _)) = phrase(tokens, i, Role::Season) {
        j = e;
        season = true;
    }
    if let Some(m) = at(tokens, j, Role::Month).filter(|_| !season) {
        let m = m as u32;
        let year = year_at(tokens, j + 1);
        let mut end = j + 1 + usize::from(year.is_some());
        if j == i && year.is_none() {
            return None; // a bare month name (« mars », « mai ») is too ambiguous
        }
        let mut shift = 0;
        if year.is_none() {
            if at(tokens, end, Role::Past).is_some() {
                shift = -1;
                end += 1;
            } else if at(tokens, end, Role::Next).is_some() {
                shift = 1;
                end += 1;
            }
        }
        return Some((end, month_value(year, m, shift, doc)));
    }
    if j > i {
        let y = year_at(tokens, j)?;
        return Some((j + 1, Some(Date::y(y))));
    }
    None
}

fn month_value(year: Option<i32>, month: u32, shift: i64, doc: Option<Date>) -> Option<Date> {
    match year {
        Some(y) => Date::ym(y, month),
        None => infer_month(doc, month, shift),
    }
}

/// A bare year (« 2014, », « de 2011 à 2014 ») that is not a count or a measure.
fn bare_year(tokens: &[Token], i: usize) -> Found {
    let y = year_at(tokens, i)?;
    if i > 0
        && (at(tokens, i - 1, Role::CountDet).is_some() || numbers::follows_qualifier(tokens, i))
    {
        return None;
    }
    let yearish = match tokens.get(i + 1) {
        None => true,
        Some(n) if n.kind == TokenKind::Punct => !matches!(&*n.norm, "%" | "°" | "€" | "$"),
        Some(n) if n.kind == TokenKind::Number => false,
        Some(n) => {
            // « 2014 et 2015 », « 2011 à 2014 » but not « 2000 et 3000 combattants »
            let range = at(tokens, i + 1, Role::Link).is_some() || n.norm == "et";
            let partner = tokens.get(i + 2).filter(|p| p.kind == TokenKind::Number);
            if range && partner.is_some() {
                partner.and_then(year_token).is_some()
            } else {
                n.capitalized || numbers::is_stop_word(tokens, i + 1)
            }
        }
    };
    yearish.then_some((i + 1, Some(Date::y(y))))
}

fn bit(role: Role) -> u64 {
    1 << (role as u32)
}

/// Roles that can begin an expression.
const STARTERS: [Role; 17] = [
    Role::Article,
    Role::Weekday,
    Role::Ordinal,
    Role::DayOffset,
    Role::NightOf,
    Role::This,
    Role::Ago,
    Role::Recent,
    Role::Vague,
    Role::RelMonth,
    Role::RelYear,
    Role::RelWeek,
    Role::YearPrep,
    Role::Early,
    Role::Late,
    Role::Mid,
    Role::Season,
];

/// The roles of the entries that begin with `tokens[i]` (one lookup), plus `Month`.
fn start_mask(t: &Token) -> u64 {
    if t.kind != TokenKind::Word {
        return 0;
    }
    WORDS
        .entries(&t.norm)
        .iter()
        .fold(0, |m, e| m | bit(e.role()))
}

fn match_at(text: &str, tokens: &[Token], i: usize, doc: Option<Date>) -> Found {
    let t = &tokens[i];
    let number = t.kind == TokenKind::Number;
    let mask = start_mask(t);
    let starts = STARTERS.iter().any(|&r| mask & bit(r) != 0) || mask & bit(Role::Month) != 0;
    let hyphen = t.kind == TokenKind::Word && t.norm.contains('-');
    if !number && !starts && !hyphen {
        return None;
    }
    let has = |roles: &[Role]| roles.iter().any(|&r| mask & bit(r) != 0);
    let mut found = None;
    if number || has(&[Role::Article, Role::Weekday, Role::Ordinal]) {
        found = day_date(tokens, i, doc, true);
    }
    if found.is_none() && number {
        found = numeric_date(tokens, i);
    }
    if found.is_none() && has(&[Role::DayOffset]) {
        found = day_offset(tokens, i, doc);
    }
    if found.is_none() && has(&[Role::NightOf]) {
        found = night_of(tokens, i, doc);
    }
    if found.is_none() && has(&[Role::This, Role::Weekday]) {
        found = weekday_expr(tokens, i, doc);
    }
    if found.is_none() && has(&[Role::Ago]) {
        found = ago(text, tokens, i, doc);
    }
    if found.is_none() && has(&[Role::Recent]) {
        found = recent_period(text, tokens, i, doc);
    }
    if found.is_none() && has(&[Role::Vague, Role::RelMonth, Role::RelYear, Role::RelWeek]) {
        found = fixed_phrase(tokens, i, doc);
    }
    if found.is_none()
        && (hyphen
            || has(&[
                Role::YearPrep,
                Role::Early,
                Role::Late,
                Role::Mid,
                Role::Season,
                Role::Month,
            ]))
    {
        found = month_or_year(tokens, i, doc);
    }
    if found.is_none() && number {
        found = bare_year(tokens, i);
    }
    found
}

/// Time expressions in tokens (one sentence's tokens), normalised against `doc_date` when known.
pub fn find_times(text: &str, tokens: &[Token], doc_date: Option<Date>) -> Vec<TimeMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((end, value)) = match_at(text, tokens, i, doc_date) {
            let end = end.clamp(i + 1, tokens.len());
            out.push(TimeMention {
                start: tokens[i].start,
                end: tokens[end - 1].end,
                value: value.map(|d| d.to_string()),
            });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// Byte offset past the first lines of the text, where a dateline can be.
fn head_limit(text: &str) -> usize {
    const LINES: usize = 6;
    const MAX_BYTES: usize = 2000;
    let mut seen = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        pos += line.len();
        if !line.trim().is_empty() {
            seen += 1;
        }
        if seen >= LINES || pos >= MAX_BYTES {
            break;
        }
    }
    pos.min(MAX_BYTES)
}

/// The article's own date from its first lines (a dateline such as « 09 Novembre, 2017, 16:51 |
/// Auteur: … », « date 2017-10 », « Publié le 3 mars 2021 à 10h », « 12/03/2019 »,
/// « Le 5 janvier 2020 »): (date, start, end). Only dates with a year count; after a cue
/// (« date », « publié le ») a month and year or a year alone also do.
pub fn find_dateline(text: &str, tokens: &[Token]) -> Option<(Date, usize, usize)> {
    let limit = head_limit(text);
    let span = |i: usize, end: usize| {
        (
            tokens[i].start,
            tokens[end.clamp(i + 1, tokens.len()) - 1].end,
        )
    };
    for i in 0..tokens.len() {
        if tokens[i].start >= limit {
            break;
        }
        if let Some((j, _)) = phrase(tokens, i, Role::DateCue) {
            let found = numeric_date(tokens, j)
                .or_else(|| day_date(tokens, j, None, true))
                .or_else(|| month_or_year(tokens, j, None))
                .or_else(|| year_at(tokens, j).map(|y| (j + 1, Some(Date::y(y)))));
            if let Some((end, Some(date))) = found {
                let (s, e) = span(j, end);
                return Some((date, s, e));
            }
        }
        let found = numeric_date(tokens, i).or_else(|| day_date(tokens, i, None, false));
        if let Some((end, Some(date))) = found {
            let (s, e) = span(i, end);
            return Some((date, s, e));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tokens::tokenize;

    fn doc(s: &str) -> Option<Date> {
        Date::parse_iso(s)
    }

    /// (text of each mention, value)
    fn times(text: &str, doc_date: Option<Date>) -> Vec<(String, Option<String>)> {
        let tokens = tokenize(text, 0..text.len());
        find_times(text, &tokens, doc_date)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.value))
            .collect()
    }

    fn one(text: &str, doc_date: &str) -> (String, Option<String>) {
        let found = times(text, doc(doc_date));
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn value(text: &str, doc_date: &str) -> Option<String> {
        one(text, doc_date).1
    }

    const SUNDAY: &str = "2017-10-22";

    #[test]
    fn weekdays_resolve_to_the_last_such_day() {
        let text = "Les forces du régime syrien ont chassé samedi le groupe Etat islamique";
        assert_eq!(
            one(text, SUNDAY),
            ("samedi".into(), Some("2017-10-21".into()))
        );
        assert_eq!(
            value("Il est arrivé dimanche.", SUNDAY).as_deref(),
            Some("2017-10-22")
        );
        assert_eq!(
            value("L'armée a annoncé jeudi sa victoire", "2017-11-09").as_deref(),
            Some("2017-11-09")
        );
        assert_eq!(
            value("L'armée a annoncé lundi sa victoire", "2017-11-09").as_deref(),
            Some("2017-11-06")
        );
        assert_eq!(
            one("Ce samedi, rien.", SUNDAY),
            ("Ce samedi".into(), Some("2017-10-21".into()))
        );
    }

    #[test]
    fn weekday_modifiers_make_one_mention() {
        assert_eq!(
            one("mardi dernier, l'armée", SUNDAY),
            ("mardi dernier".into(), Some("2017-10-17".into()))
        );
        assert_eq!(
            one("dimanche dernier", SUNDAY).1.as_deref(),
            Some("2017-10-15")
        );
        assert_eq!(
            one("mardi matin, l'armée", SUNDAY),
            ("mardi matin".into(), Some("2017-10-17".into()))
        );
        assert_eq!(
            one("jeudi prochain", SUNDAY).1.as_deref(),
            Some("2017-10-26")
        );
        assert_eq!(one("samedi soir", SUNDAY).1.as_deref(), Some("2017-10-21"));
    }

    #[test]
    fn yesterday_today_and_nights() {
        assert_eq!(
            one("Damas a annoncé hier que", SUNDAY),
            ("hier".into(), Some("2017-10-21".into()))
        );
        assert_eq!(
            one("hier mardi, l'armée", "2017-10-18"),
            ("hier mardi".into(), Some("2017-10-17".into()))
        );
        assert_eq!(one("hier soir", SUNDAY).0, "hier soir");
        assert_eq!(value("aujourd'hui", SUNDAY).as_deref(), Some("2017-10-22"));
        assert_eq!(value("Aujourd’hui", SUNDAY).as_deref(), Some("2017-10-22"));
        assert_eq!(value("avant-hier", SUNDAY).as_deref(), Some("2017-10-20"));
        assert_eq!(value("ce matin", SUNDAY).as_deref(), Some("2017-10-22"));
        assert_eq!(
            one(
                "Une attaque dans la nuit de samedi à dimanche a fait",
                SUNDAY
            ),
            (
                "dans la nuit de samedi à dimanche".into(),
                Some("2017-10-21".into())
            )
        );
        assert_eq!(
            one("la nuit du 3 au 4 mars 2016", SUNDAY),
            (
                "la nuit du 3 au 4 mars 2016".into(),
                Some("2016-03-03".into())
            )
        );
        assert_eq!(
            one("dans la nuit de jeudi", SUNDAY).1.as_deref(),
            Some("2017-10-19")
        );
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("le 12 mars 2016, ils", SUNDAY),
            ("le 12 mars 2016".into(), Some("2016-03-12".into()))
        );
        assert_eq!(
            one("09 Novembre, 2017, 16:51", SUNDAY),
            ("09 Novembre, 2017".into(), Some("2017-11-09".into()))
        );
        assert_eq!(
            value("le 1er mars 2015", SUNDAY).as_deref(),
            Some("2015-03-01")
        );
        assert_eq!(
            value("le 12/03/2019", SUNDAY).as_deref(),
            Some("2019-03-12")
        );
        assert_eq!(
            value("le 12.03.2019", SUNDAY).as_deref(),
            Some("2019-03-12")
        );
        assert_eq!(
            value("le 2017-10-09", SUNDAY).as_deref(),
            Some("2017-10-09")
        );
        // Absolute dates normalise without an article date.
        assert_eq!(
            times("le 12 mars 2016", None),
            [("le 12 mars 2016".into(), Some("2016-03-12".into()))]
        );
        assert_eq!(
            times("en 2015", None),
            [("en 2015".into(), Some("2015".into()))]
        );
    }

    #[test]
    fn day_and_month_without_year() {
        assert_eq!(
            one("lundi 3 avril", "2017-04-05"),
            ("lundi 3 avril".into(), Some("2017-04-03".into()))
        );
        // The weekday picks the year: 3 April was a Monday in 2017, not in 2018.
        assert_eq!(
            value("lundi 3 avril", "2018-01-10").as_deref(),
            Some("2017-04-03")
        );
        assert_eq!(
            value("le 15 novembre", "2018-01-10").as_deref(),
            Some("2017-11-15")
        );
        assert_eq!(
            value("le 25 décembre", "2017-12-20").as_deref(),
            Some("2017-12-25")
        );
        assert_eq!(
            times("lundi 3 avril", None),
            [("lundi 3 avril".into(), None)]
        );
    }

    #[test]
    fn months() {
        assert_eq!(
            one("Début octobre, l’EI avait pris", SUNDAY),
            ("Début octobre".into(), Some("2017-10".into()))
        );
        assert_eq!(value("fin octobre", SUNDAY).as_deref(), Some("2017-10"));
        assert_eq!(
            one("à la mi-octobre", SUNDAY),
            ("mi-octobre".into(), Some("2017-10".into()))
        );
        assert_eq!(
            one("en octobre", SUNDAY),
            ("en octobre".into(), Some("2017-10".into()))
        );
        assert_eq!(value("en novembre", SUNDAY).as_deref(), Some("2016-11"));
        assert_eq!(value("en septembre", SUNDAY).as_deref(), Some("2017-09"));
        assert_eq!(
            value("en octobre dernier", SUNDAY).as_deref(),
            Some("2016-10")
        );
        assert_eq!(
            value("en mars prochain", SUNDAY).as_deref(),
            Some("2018-03")
        );
        assert_eq!(value("en octobre 2015", SUNDAY).as_deref(), Some("2015-10"));
        assert_eq!(value("novembre 2015", SUNDAY).as_deref(), Some("2015-11"));
        assert_eq!(times("en octobre", None), [("en octobre".into(), None)]);
        // A bare month name is not enough.
        assert!(times("la planète mars", doc(SUNDAY)).is_empty());
    }

    #[test]
    fn years() {
        assert_eq!(
            one("avait conquis en 2015 Al-Qaryatayn", SUNDAY),
            ("en 2015".into(), Some("2015".into()))
        );
        assert_eq!(
            one("terroristes depuis 2014.", SUNDAY),
            ("depuis 2014".into(), Some("2014".into()))
        );
        assert_eq!(
            value("spectaculaire en 2014, a été", SUNDAY).as_deref(),
            Some("2014")
        );
        assert_eq!(value("début 2015", SUNDAY).as_deref(), Some("2015"));
        assert_eq!(value("mi-2015", SUNDAY).as_deref(), Some("2015"));
        assert_eq!(value("l'été 2014", SUNDAY).as_deref(), Some("2014"));
        assert_eq!(
            times("de 2011 à 2014, puis", doc(SUNDAY)),
            [
                ("2011".into(), Some("2011".into())),
                ("2014".into(), Some("2014".into()))
            ]
        );
        assert_eq!(value("l'an dernier", SUNDAY).as_deref(), Some("2016"));
        assert_eq!(value("le mois dernier", SUNDAY).as_deref(), Some("2017-09"));
    }

    #[test]
    fn numbers_that_are_not_years() {
        for text in [
            "une cité vieille de 2000 ans",
            "située à 120 kilomètres à l’ouest",
            "en 24 heures",
            "2000 combattants ont fui",
            "plus de 2000, selon l'OSDH",
            "entre 2000 et 3000 combattants",
            "les 2000 qui restent",
            "en 1800",
            "16:51",
            "1500 djihadistes",
        ] {
            assert!(
                times(text, doc(SUNDAY)).is_empty(),
                "{text}: {:?}",
                times(text, doc(SUNDAY))
            );
        }
    }

    #[test]
    fn relative_periods() {
        assert_eq!(
            one("il y a une semaine", SUNDAY),
            ("il y a une semaine".into(), Some("2017-10-15".into()))
        );
        assert_eq!(
            value("il y a trois jours", SUNDAY).as_deref(),
            Some("2017-10-19")
        );
        assert_eq!(
            value("il y a 3 jours", SUNDAY).as_deref(),
            Some("2017-10-19")
        );
        assert_eq!(
            value("il y a deux mois", SUNDAY).as_deref(),
            Some("2017-08")
        );
        assert_eq!(value("il y a deux ans", SUNDAY).as_deref(), Some("2015"));
        assert_eq!(one("il y a quelques jours", SUNDAY).1, None);
        // A week is no calendar unit: the month that holds it, else the year.
        assert_eq!(
            one("la semaine dernière", SUNDAY),
            ("la semaine dernière".into(), Some("2017-10".into()))
        );
        assert_eq!(
            value("la semaine dernière", "2017-11-08").as_deref(),
            Some("2017")
        );
        assert_eq!(
            value("la semaine passée", "2017-11-02").as_deref(),
            Some("2017-10")
        );
        assert_eq!(
            value("la semaine dernière", "2018-01-03").as_deref(),
            Some("2017-12")
        );
        assert_eq!(value("la semaine dernière", "2019-01-09"), None);
        assert_eq!(
            value("la semaine prochaine", SUNDAY).as_deref(),
            Some("2017-10")
        );
        assert_eq!(value("la semaine dernière", "2017-10"), None);
        assert_eq!(
            one("Ces dernières 24 heures, environ 100 terroristes", SUNDAY),
            ("Ces dernières 24 heures".into(), Some("2017-10-22".into()))
        );
        assert_eq!(
            value("au cours des 48 dernières heures", SUNDAY).as_deref(),
            Some("2017-10-22")
        );
        assert_eq!(one("récemment", SUNDAY), ("récemment".into(), None));
        assert_eq!(
            one("ces cinq derniers jours", SUNDAY),
            ("ces cinq derniers jours".into(), None)
        );
        assert_eq!(
            value("durant l'année écoulée", SUNDAY).as_deref(),
            Some("2016")
        );
        assert_eq!(
            one("cette semaine", SUNDAY),
            ("cette semaine".into(), Some("2017-10".into()))
        );
        // Relative expressions need the article's date.
        for text in [
            "samedi",
            "hier",
            "il y a trois jours",
            "ces dernières 24 heures",
            "mardi dernier",
        ] {
            assert_eq!(times(text, None), [(text.to_string(), None)]);
        }
        // A partial article date still places months.
        assert_eq!(
            value("début octobre", "2017-10").as_deref(),
            Some("2017-10")
        );
        assert_eq!(value("samedi", "2017-10"), None);
    }

    #[test]
    fn several_mentions_in_order() {
        let text = "Samedi, après avoir perdu en 2016 la ville, puis hier, et le 3 mars 2017.";
        let found = times(text, doc(SUNDAY));
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Samedi", "en 2016", "hier", "le 3 mars 2017"]);
    }

    fn dateline(text: &str) -> Option<(String, String)> {
        let tokens = tokenize(text, 0..text.len());
        find_dateline(text, &tokens).map(|(d, s, e)| (d.to_string(), text[s..e].to_string()))
    }

    #[test]
    fn datelines() {
        let text = "L'armée syrienne annonce la chute du dernier bastion de l'EI\n\n09 Novembre, 2017, 16:51 | Auteur: Phil Beauvilliers\n";
        assert_eq!(
            dateline(text),
            Some(("2017-11-09".into(), "09 Novembre, 2017".into()))
        );
        assert_eq!(
            dateline(" date 2017-10 Réagissez\n\nL’organisation"),
            Some(("2017-10".into(), "2017-10".into()))
        );
        assert_eq!(
            dateline("Titre\nPublié le 3 mars 2021 à 10h\nTexte"),
            Some(("2021-03-03".into(), "3 mars 2021".into()))
        );
        assert_eq!(
            dateline("Titre\n12/03/2019\nTexte"),
            Some(("2019-03-12".into(), "12/03/2019".into()))
        );
        assert_eq!(
            dateline("Titre\n\nLe 5 janvier 2020, les forces"),
            Some(("2020-01-05".into(), "5 janvier 2020".into()))
        );
        assert_eq!(
            dateline("Titre\ndate 2016\n"),
            Some(("2016".into(), "2016".into()))
        );
    }

    #[test]
    fn no_dateline_without_a_full_date_near_the_top() {
        assert_eq!(
            dateline("Daech délogé\n\nEn Irak, depuis 2014, samedi 3 mars."),
            None
        );
        let far = format!("Titre\n{}Le 5 janvier 2020", "ligne\n".repeat(10));
        assert_eq!(dateline(&far), None);
        assert_eq!(dateline(""), None);
    }

    #[test]
    fn corpus_never_panics_and_spans_are_sane() {
        for (name, text) in [
            (
                "a",
                include_str!("../../../corpus/000_1d402241c3120807.txt"),
            ),
            (
                "b",
                include_str!("../../../corpus/002_6790e6a79f7286e9.txt"),
            ),
            (
                "c",
                include_str!("../../../corpus/003_9f5c34a532b493a4.txt"),
            ),
        ] {
            let tokens = tokenize(text, 0..text.len());
            let found = find_times(text, &tokens, doc(SUNDAY));
            assert!(!found.is_empty(), "{name}");
            let mut last = 0;
            for m in found {
                assert!(m.start >= last && m.start < m.end && m.end <= text.len());
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                last = m.end;
            }
        }
    }
}
