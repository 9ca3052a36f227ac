//! Stage 4: mentions of actors, places, times and counts in a sentence's tokens.
//!
//! Actors, times and counts each have their module; places are looked up in the gazetteer here,
//! where the actor mentions are known: a place name inside an actor's phrase (« le régime de
//! Damas ») is not a place, and a capital that stands for its government (« Damas a annoncé »)
//! is an actor, not a place.

pub mod actors;
pub mod counts;
pub mod numbers;
pub mod phrases;
pub mod times;

use super::fast_hash::FastMap;
use super::gazetteer::{Place, PlaceKind, distance_km, gazetteer};
use super::lexicon::WordClass;
use super::tokens::Token;
use actors::ActorMention;

/// A place named in a sentence, resolved when the gazetteer knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Token indices (inclusive) of the name.
    pub first: usize,
    pub last: usize,
    /// Byte offsets of the name.
    pub start: usize,
    pub end: usize,
    pub place: Option<&'static Place>,
    /// A part of a country by its direction (« le sud-est du pays »): broader than any place
    /// its sentence names.
    pub part_of_country: bool,
}

/// Whether a token may begin a place name: a capital, or a lower-case Arabic article
/// (« al-Qaïm »).
fn may_start_place(token: &Token) -> bool {
    token.is_word()
        && !token.is(WordClass::Preposition)
        && (token.capitalized
            || ["al-", "el-", "ad-", "ar-", "as-", "ash-", "an-", "az-"]
                .iter()
                .any(|p| token.norm.starts_with(p)))
}

/// Whether a verb (one the lexicon knows) or an auxiliary follows a mention, so that a capital there is the
/// government speaking or acting.
fn acts(tokens: &[Token], after: usize) -> bool {
    tokens.get(after).is_some_and(|t| {
        t.is(WordClass::AuxAvoir)
            || t.is(WordClass::AuxEtre)
            || t.verb(WordClass::VerbReport).is_some()
            || t.is(WordClass::Negation)
            || t.lex.is_some_and(|e| e.is_verb())
    })
}

/// The kinds of place that the noun before a name asks for: « la province (centrale) de Homs »
/// a division, « la ville de Homs » a town; `None` when nothing before the name says.
fn kinds_asked(tokens: &[Token], i: usize) -> Option<&'static [PlaceKind]> {
    if i < 2 || !matches!(&*tokens[i - 1].norm, "de" | "d'") {
        return None;
    }
    // The noun, or the noun and one adjective (« la province pétrolière de »).
    let nouns = [i - 2].into_iter().chain((i >= 3).then_some(i - 3));
    nouns.take_while(|&j| tokens[j].is_word()).find_map(|j| {
        if tokens[j].is(WordClass::AdminNoun) {
            Some(&[PlaceKind::Admin, PlaceKind::District][..])
        } else if tokens[j].is(WordClass::Settlement) {
            Some(&[PlaceKind::City][..])
        } else {
            None
        }
    })
}

/// The place the name at `tokens[i]` stands for: the gazetteer's `place`, or its namesake of
/// the kind the words before it ask for.
fn of_kind_asked(tokens: &[Token], i: usize, place: &'static Place) -> &'static Place {
    kinds_asked(tokens, i)
        .and_then(|kinds| gazetteer().namesake(place, kinds))
        .unwrap_or(place)
}

/// Finds the places of a sentence and settles metonyms: a capital followed by a verb stays an
/// actor; otherwise it is a place and its actor mention is dropped.
pub fn find_places(
    text: &str,
    tokens: &[Token],
    actors: &mut Vec<ActorMention>,
    countries: &[&str],
) -> Vec<PlaceMention> {
    let gazetteer = gazetteer();
    actors.retain(|m| !m.metonym || acts(tokens, m.last + 1));
    let inside_actor = |i: usize| actors.iter().any(|m| m.first <= i && i <= m.last);
    let mut places = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // A determiner starts a name only before another capital (« Le Caire »).
        let determiner_alone = tokens[i].is(WordClass::Determiner)
            && !tokens.get(i + 1).is_some_and(|t| t.capitalized);
        if !may_start_place(&tokens[i]) || determiner_alone || inside_actor(i) {
            i += 1;
            continue;
        }
        if let Some((n, place)) = gazetteer.match_at(tokens, i, countries) {
            let last = i + n - 1;
            // « Alexandre Zakharchenko », « Aung San Suu Kyi »: a town next to a capitalised
            // word that is no place is part of a person's name.
            let name_word = |t: &Token| t.is_word() && t.capitalized && t.lex.is_none();
            let first_name = tokens.get(last + 1).is_some_and(|t| {
                name_word(t)
                    && gazetteer
                        .match_at(tokens, last + 1, countries)
                        .is_none_or(|(n, p)| !gazetteer.spells(tokens, last + 1, n, p))
            });
            let surname = i > 1 && name_word(&tokens[i - 1]);
            if !first_name && !surname && !(i..=last).any(inside_actor) {
                places.push(PlaceMention {
                    first: i,
                    last,
                    start: tokens[i].start,
                    end: tokens[last].end,
                    place: Some(of_kind_asked(tokens, i, place)),
                    part_of_country: false,
                });
                i = last + 1;
                continue;
            }
        } else if tokens[i].capitalized
            && (unknown_place_after_de(tokens, i) || unknown_place_after_a(tokens, i, text))
        {
            // « la ville de Xyz », « le camp de Xyz », « au sud de Xyz », « près de Xyz », « à
            // Xyz »: a place the gazetteer does not know, kept with its text.
            let mut last = i;
            while last + 1 < tokens.len() && tokens[last + 1].capitalized && !inside_actor(last + 1)
            {
                last += 1;
            }
            places.push(PlaceMention {
                first: i,
                last,
                start: tokens[i].start,
                end: tokens[last].end,
                place: None,
                part_of_country: false,
            });
            i = last + 1;
            continue;
        }
        i += 1;
    }
    places
}

/// « la ville de Xyz », « le camp militaire de Xyz », « près de Xyz », « à 40 km de Xyz »: a
/// word the lexicon does not know, where the words before it ask for a place.
fn unknown_place_after_de(tokens: &[Token], i: usize) -> bool {
    i >= 2
        && matches!(&*tokens[i - 1].norm, "de" | "d'")
        && (ground_noun(&tokens[i - 2])
            || matches!(
                &*tokens[i - 2].norm,
                "pres" | "autour" | "proximite" | "km" | "kilometres"
            )
            // « le camp militaire de Xyz »: an adjective after the noun.
            || i >= 3 && ground_noun(&tokens[i - 3]) && describes(&tokens[i - 2]))
        && tokens[i].lex.is_none()
}

/// « ont tué trois civils à Xyz »: a capitalised word after the preposition « à » inside the
/// sentence, that no verb follows, and no acronym (« à l'ONU »).
fn unknown_place_after_a(tokens: &[Token], i: usize, text: &str) -> bool {
    let word = tokens[i].text(text);
    let acronym = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    i >= 2 && tokens[i - 1].is_preposition_a(text) && !acronym && !acts(tokens, i + 1)
}

/// A noun of a settlement, a territory or an administrative area (« ville », « camp »,
/// « province »).
fn ground_noun(t: &Token) -> bool {
    t.is(WordClass::Settlement) || t.is(WordClass::Territory) || t.is(WordClass::AdminNoun)
}

/// A word that may be an adjective after a noun: in lower case, and no determiner,
/// preposition or auxiliary.
fn describes(t: &Token) -> bool {
    t.is_word()
        && !t.capitalized
        && !t.is(WordClass::Determiner)
        && !t.is(WordClass::Preposition)
        && !t.is(WordClass::PlacePreposition)
        && !t.is(WordClass::AuxAvoir)
        && !t.is(WordClass::AuxEtre)
}

/// Resolves the places found again, now that the article is known: a name with a namesake in
/// the article's countries goes there (« Tripoli » in an article about Lebanon, `countries` most
/// named first), and a town far from the article's other places gives way to a namesake town
/// near them (`others`: the article's towns, districts and provinces, as name, latitude and
/// longitude).
///
/// `settled` remembers each name already settled in the article: a long article names the
/// same places again and again.
pub fn resolve_in_article(
    tokens: &[Token],
    places: &mut Vec<PlaceMention>,
    countries: &[&str],
    others: &[(&str, f64, f64)],
    settled: &mut Settled,
) {
    let gazetteer = gazetteer();
    // Only a place outside the article's main country may have a namesake inside it.
    let main = countries.first().copied();
    // The places read from the gazetteer: those it gives no more are dropped, unless the words
    // before them ask for a place.
    let resolved: Vec<usize> = places
        .iter()
        .filter(|p| p.place.is_some())
        .map(|p| p.first)
        .collect();
    for p in places.iter_mut() {
        let Some(mut place) = p.place else { continue };
        if Some(place.country) != main
            && let Some((n, found)) = gazetteer.match_at(tokens, p.first, countries)
            && p.first + n - 1 == p.last
        {
            place = of_kind_asked(tokens, p.first, found);
        }
        let written: Vec<&str> = tokens[p.first..=p.last].iter().map(|t| &*t.norm).collect();
        let key = (place as *const Place as usize, written.join(" "));
        p.place = *settled.0.entry(key).or_insert_with(|| {
            let near: Vec<(f64, f64)> = others
                .iter()
                .filter(|(name, _, _)| *name != place.name)
                .map(|&(_, lat, lon)| (lat, lon))
                .collect();
            let n = p.last + 1 - p.first;
            let found = if near.is_empty() {
                place
            } else {
                gazetteer.nearest_namesake(tokens, p.first, n, place, &near)
            };
            // « Farc » is no Farkhah, « Mugunga » no Mogaung: a name that only sounds like a
            // place abroad, far from every place of the article, is no place we know.
            let far = near
                .iter()
                .all(|&(lat, lon)| distance_km(found.lat, found.lon, lat, lon) > FAR_KM);
            let abroad = main.is_some_and(|c| c != found.country);
            (!(abroad && far && !gazetteer.spells(tokens, p.first, n, found))).then_some(found)
        });
    }
    // « dans le sud-est du pays »: a part of the article's main country.
    let parts: Vec<usize> = (1..tokens.len().saturating_sub(2))
        .filter(|&j| {
            tokens[j + 2].norm == "pays"
                && tokens[j + 1].norm == "du"
                && tokens[j].is(WordClass::Compass)
                && matches!(&*tokens[j - 1].norm, "le" | "l'")
                && !places.iter().any(|p| p.first <= j + 2 && j <= p.last)
        })
        .collect();
    if let Some(country) = main
        .filter(|_| !parts.is_empty())
        .and_then(|c| gazetteer.country(c))
    {
        for j in parts {
            places.push(PlaceMention {
                first: j,
                last: j + 2,
                start: tokens[j].start,
                end: tokens[j + 2].end,
                place: Some(country),
                part_of_country: true,
            });
        }
        places.sort_by_key(|p| p.first);
    }
    // « la localité de Xyz » stays a place, unresolved.
    places.retain(|p| {
        p.place.is_some() || !resolved.contains(&p.first) || unknown_place_after_de(tokens, p.first)
    });
}

/// How far from every other place of its article a place only sounding like the name written
/// may be before it is left unresolved, in kilometres.
const FAR_KM: f64 = 1500.0;

/// The namesakes an article has settled so far, by place read and name as written (`None`: a
/// name left unresolved).
#[derive(Default)]
pub struct Settled(FastMap<(usize, String), Option<&'static Place>>);
