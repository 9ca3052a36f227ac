//! Noun phrases that name no actor: the people and things an event befalls (« une base
//! militaire », « trois maisons », « plusieurs personnes », « un dépôt de munitions »).
//!
//! Actors come from their lexicon ([`super::actors`]); everything else a verb or a noun trigger
//! may take as its object is found here, so that « ont incendié plusieurs maisons » has a
//! target. A phrase opens on a determiner or a number, has a head noun, then the adjectives
//! after it and at most one bare « de » complement (« de munitions »). It never overlaps an
//! actor, a place, a time or a trigger: the caller says which tokens are taken.

use super::actors::ActorMention;
use super::numbers::{is_number_word, is_stop_word};
use crate::engine::lexicon::WordClass;
use crate::engine::morphology::{Morph, Pos};
use crate::engine::tokens::{Token, TokenKind};

/// How many adjectives may follow a head.
const MAX_ADJECTIVES: usize = 2;

/// Whether a token may open a phrase: an article, a demonstrative or possessive, a number.
fn opens(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.kind == TokenKind::Number
        || is_number_word(tokens, i)
        || t.is(WordClass::Determiner) && !matches!(&*t.norm, "de" | "d'")
}

/// Whether a word may be a noun or an adjective of a phrase: a word that no closed class
/// claims (a determiner, a preposition, an auxiliary, a pronoun, a known verb…) and that the
/// morphology reads as a noun or an adjective, or does not know.
fn contentful(tokens: &[Token], morph: &[Morph], i: usize) -> bool {
    let t = &tokens[i];
    let m = &morph[i];
    t.is_word()
        && (m.readings().is_empty() || m.is_noun() || m.is_adjective())
        && !is_stop_word(tokens, i)
        && !is_number_word(tokens, i)
        && t.lex.is_none_or(|e| {
            !e.is_verb()
                && !e.is(WordClass::Determiner)
                && !e.is(WordClass::Preposition)
                && !e.is(WordClass::PlacePreposition)
                && !e.is(WordClass::GoPreposition)
                && !e.is(WordClass::AuxAvoir)
                && !e.is(WordClass::AuxEtre)
                && !e.is(WordClass::Adverb)
                && !e.is(WordClass::Pronoun)
                && !e.is(WordClass::Relative)
                && !e.is(WordClass::Negation)
        })
}

/// Whether a word after a head reads as its adjective or a past participle (« une voiture
/// piégée »), in lower case; a present participle (« un véhicule appartenant à ») opens a
/// clause of its own.
fn adjective(tokens: &[Token], morph: &[Morph], i: usize) -> bool {
    let m = &morph[i];
    let describes = m.readings().is_empty() || m.is_adjective() || m.is_past_participle();
    describes
        && !m.is_present_participle()
        && !tokens[i].capitalized
        && (contentful(tokens, morph, i) || m.is_past_participle())
}

/// The phrases of a sentence, in text order, over the tokens `taken` leaves free.
///
/// `morph` holds the tokens' readings ([`crate::engine::morphology::analyse`]).
pub fn find_phrases(
    text: &str,
    tokens: &[Token],
    morph: &[Morph],
    taken: impl Fn(usize) -> bool,
) -> Vec<ActorMention> {
    let free = |i: usize| i < tokens.len() && !taken(i);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // (last token, a phrase naming no actor, a person's name)
        let found = organisation_at(text, tokens, i, &free)
            .or_else(|| organisation_name_at(text, tokens, morph, i, &free))
            .map(|last| (last, false, false))
            .or_else(|| phrase_at(tokens, morph, i, &free).map(|last| (last, true, false)))
            .or_else(|| name_at(text, tokens, morph, i, &free).map(|last| (last, true, true)));
        match found {
            Some((last, phrase, name)) => {
                out.push(ActorMention {
                    first: i,
                    last,
                    start: tokens[i].start,
                    end: tokens[last].end,
                    actor: None,
                    kind: None,
                    country: None,
                    generic: false,
                    metonym: false,
                    phrase,
                    name,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a word is written as an acronym: capitals and digits, two characters at least, and
/// at most one small letter at its end (« KNU », « M23 », « FAMa »).
fn is_acronym(raw: &str) -> bool {
    let body = raw.strip_suffix(|c: char| c.is_lowercase()).unwrap_or(raw);
    let capitals = body.chars().filter(|c| c.is_uppercase()).count();
    body.starts_with(char::is_uppercase)
        && body.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && (capitals >= 2 || capitals == 1 && body.len() >= 2)
}

/// The last token of an organisation the actor lexicon does not know, opening at `first`: an
/// article and an acronym (« la KNU », « le M23 »). It may act, as an actor does; its kind is
/// unknown.
fn organisation_at(
    text: &str,
    tokens: &[Token],
    first: usize,
    free: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let article = &tokens[first];
    let acronym = first + 1;
    let named = free(first)
        && free(acronym)
        && matches!(&*article.norm, "le" | "la" | "les" | "l'")
        && tokens
            .get(acronym)
            .is_some_and(|t| t.is_word() && t.lex.is_none() && is_acronym(t.text(text)));
    named.then_some(acronym)
}

/// The most words an organisation's name may have after its head noun (« le Front de
/// libération du peuple du Tigré »).
const MAX_NAME_WORDS: usize = 7;

/// The last token of an organisation's name the actor lexicon does not know, opening at
/// `first`: an article, a capitalised noun, then « de » or « pour » and the words of its
/// name (« le Front de libération du Tigré », « du Mouvement pour la justice »), with its
/// acronym in brackets.
fn organisation_name_at(
    text: &str,
    tokens: &[Token],
    morph: &[Morph],
    first: usize,
    free: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let head = first + 1;
    let opens = free(first)
        && free(head)
        && free(head + 1)
        && matches!(
            &*tokens[first].norm,
            "le" | "la" | "les" | "l'" | "du" | "des" | "au" | "aux"
        )
        && tokens[head].capitalized
        && tokens[head].is_word()
        && morph[head].is_noun()
        && matches!(&*tokens[head + 1].norm, "de" | "d'" | "du" | "des" | "pour");
    if !opens {
        return None;
    }
    let function_word = |t: &Token| {
        matches!(
            &*t.norm,
            "de" | "d'" | "du" | "des" | "pour" | "la" | "le" | "les" | "l'" | "en"
        )
    };
    let mut last = head;
    for j in head + 1..tokens.len().min(head + 1 + MAX_NAME_WORDS) {
        let t = &tokens[j];
        let word = free(j) && t.is_word() && !morph[j].is_finite() && !t.is(WordClass::Relative);
        if !word || t.norm == "et" {
            break;
        }
        last = j;
    }
    while last > head && function_word(&tokens[last]) {
        last -= 1;
    }
    // A name of one word after « de » at least (« le Front de libération »).
    if last < head + 2 {
        return None;
    }
    // « (TPLF) ».
    let bracketed = free(last + 1)
        && tokens[last + 1].norm == "("
        && tokens
            .get(last + 2)
            .is_some_and(|t| free(last + 2) && is_acronym(t.text(text)))
        && tokens.get(last + 3).is_some_and(|t| t.norm == ")");
    Some(if bracketed { last + 3 } else { last })
}

/// The last token of a person's name opening at `first`: capitalised words that no lexicon
/// knows as anything but a name (« Alexandre Zakharchenko »), two at least where a sentence
/// opens; never an acronym (« KNU » is an organisation).
fn name_at(
    text: &str,
    tokens: &[Token],
    morph: &[Morph],
    first: usize,
    free: &impl Fn(usize) -> bool,
) -> Option<usize> {
    let name_word = |i: usize| {
        let t = &tokens[i];
        let raw = t.text(text);
        let acronym = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        free(i)
            && t.is_word()
            && t.capitalized
            && t.lex.is_none()
            && !acronym
            && morph[i].readings().iter().all(|r| r.pos == Pos::ProperNoun)
    };
    if !name_word(first) {
        return None;
    }
    let mut last = first;
    while last + 1 < tokens.len() && name_word(last + 1) {
        last += 1;
    }
    let opens_sentence = first == 0 || matches!(&*tokens[first - 1].norm, "«" | "\"" | ":");
    (!opens_sentence || last > first).then_some(last)
}

/// The last token of a phrase opening at `first`, if one does.
fn phrase_at(
    tokens: &[Token],
    morph: &[Morph],
    first: usize,
    free: &impl Fn(usize) -> bool,
) -> Option<usize> {
    if !free(first) || !opens(tokens, first) {
        return None;
    }
    // « une dizaine ont été blessés », « des centaines ont fui »: a quantity standing alone
    // for the people it counts.
    let alone = first + 1;
    if free(alone)
        && tokens[alone].is(WordClass::Quantity)
        && !tokens
            .get(alone + 1)
            .is_some_and(|t| matches!(&*t.norm, "de" | "d'" | "des" | "du"))
    {
        return Some(alone);
    }
    let mut j = first + 1;
    // « les trois maisons », « des dizaines de maisons ».
    if free(j) && opens(tokens, j) {
        j += 1;
    }
    if free(j)
        && tokens[j].is(WordClass::Quantity)
        && free(j + 1)
        && matches!(&*tokens[j + 1].norm, "de" | "d'" | "des" | "du")
    {
        j += 2;
    }
    // « 08h00 »: a head has no digit.
    if !free(j)
        || !contentful(tokens, morph, j)
        || tokens[j].norm.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    // « les principales factions », « une autre faction »: an adjective before its noun.
    let prenominal = morph[j].is_adjective() || morph[j].can_be(Pos::IndefiniteAdjective);
    if prenominal
        && free(j + 1)
        && !tokens[j + 1].capitalized
        && morph[j + 1].is_noun()
        && contentful(tokens, morph, j + 1)
    {
        j += 1;
    }
    let mut last = j;
    let mut adjectives = 0;
    loop {
        // « la base nouvellement occupée »: an adverb before the adjective.
        let adverb = free(last + 1)
            && tokens[last + 1].norm.ends_with("ment")
            && morph[last + 1].can_be(Pos::Adverb);
        let at = last + 1 + usize::from(adverb);
        if adjectives == MAX_ADJECTIVES || !free(at) || !adjective(tokens, morph, at) {
            break;
        }
        last = at;
        adjectives += 1;
    }
    // « un dépôt de munitions », « des établissements de santé »: a bare noun complement.
    if free(last + 1)
        && matches!(&*tokens[last + 1].norm, "de" | "d'")
        && free(last + 2)
        && contentful(tokens, morph, last + 2)
        && !tokens[last + 2].capitalized
    {
        last += 2;
    }
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::morphology::analyse;
    use crate::engine::tokens::tokenize;

    fn phrases(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len());
        let morph = analyse(text, &tokens);
        find_phrases(text, &tokens, &morph, |_| false)
            .into_iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn objects_with_their_adjectives_and_complement() {
        assert_eq!(
            phrases("Ils ont incendié plusieurs maisons et un dépôt de munitions."),
            ["plusieurs maisons", "un dépôt de munitions"]
        );
        assert_eq!(
            phrases("Le tir a touché une base militaire isolée."),
            ["Le tir", "une base militaire isolée"]
        );
    }

    #[test]
    fn numbers_and_quantities_open_a_phrase() {
        assert_eq!(
            phrases("Trois maisons et des dizaines de voitures"),
            ["Trois maisons", "des dizaines de voitures"]
        );
    }

    #[test]
    fn a_present_participle_ends_the_phrase() {
        assert_eq!(
            phrases("un camion appartenant aux rebelles"),
            ["un camion", "aux rebelles"]
        );
    }

    #[test]
    fn pronouns_and_verbs_are_no_head() {
        // « les » before an auxiliary is a pronoun, not an article.
        assert!(phrases("les a").is_empty());
    }

    /// The organisations (phrases that may act as actors) found in `text`.
    fn organisations(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len());
        let morph = analyse(text, &tokens);
        find_phrases(text, &tokens, &morph, |_| false)
            .into_iter()
            .filter(|m| !m.phrase)
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn an_unknown_acronym_after_an_article_is_an_organisation() {
        assert_eq!(
            organisations("La KNU a attaqué un poste de la PNC, selon le CICR."),
            ["La KNU", "la PNC", "le CICR"]
        );
        assert!(is_acronym("M23") && is_acronym("FAMa"));
        assert!(!is_acronym("Kidal") && !is_acronym("A") && !is_acronym("EIs!"));
    }

    #[test]
    fn a_capitalised_noun_with_its_complements_names_an_organisation() {
        let text = "Selon le Mouvement pour la justice et l'égalité, le Front de salut national (FSN) a attaqué la ville.";
        assert_eq!(
            organisations(text),
            [
                "le Mouvement pour la justice",
                "le Front de salut national (FSN)"
            ]
        );
    }

    #[test]
    fn taken_tokens_are_left_alone() {
        let text = "une base de la ville";
        let tokens = tokenize(text, 0..text.len());
        let morph = analyse(text, &tokens);
        let found = find_phrases(text, &tokens, &morph, |i| i >= 3);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "une base");
    }
}
