//! Noun phrases that name no actor: the people and things an event befalls (« une base
//! militaire », « trois maisons », « plusieurs personnes », « un dépôt de munitions »).
//!
//! Actors come from their lexicon ([`super::actors`]); everything else a verb or a noun trigger
//! may take as its object is found here, so that « ont incendié plusieurs maisons » has a
//! target. A phrase opens on a determiner or a number, has a head noun, then the adjectives
//! after it and at most one bare « de » complement (« de munitions »). It never overlaps an
//! actor, a place, a time or a trigger: the caller says which tokens are taken.

use super::actors::ActorMention;
use super::counts::{is_number_word, is_stop_word};
use crate::engine::lexicon::WordClass;
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
/// claims (a determiner, a preposition, an auxiliary, a pronoun, a known verb…).
fn contentful(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.is_word()
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

/// Whether a word after a head reads as its adjective: lower case, and not a present
/// participle (« un véhicule appartenant à »), which opens a clause of its own.
fn adjective(tokens: &[Token], i: usize) -> bool {
    contentful(tokens, i) && !tokens[i].capitalized && !tokens[i].norm.ends_with("ant")
}

/// The phrases of a sentence, in text order, over the tokens `taken` leaves free.
pub fn find_phrases(tokens: &[Token], taken: impl Fn(usize) -> bool) -> Vec<ActorMention> {
    let free = |i: usize| i < tokens.len() && !taken(i);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match phrase_at(tokens, i, &free) {
            Some(last) => {
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
                    phrase: true,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The last token of a phrase opening at `first`, if one does.
fn phrase_at(tokens: &[Token], first: usize, free: &impl Fn(usize) -> bool) -> Option<usize> {
    if !free(first) || !opens(tokens, first) {
        return None;
    }
    let mut j = first + 1;
    // « les trois maisons », « des dizaines de maisons ».
    if free(j) && opens(tokens, j) {
        j += 1;
    }
    if free(j)
        && tokens[j].is(WordClass::Quantity)
        && free(j + 1)
        && matches!(&*tokens[j + 1].norm, "de" | "d'")
    {
        j += 2;
    }
    if !free(j) || !contentful(tokens, j) {
        return None;
    }
    let mut last = j;
    let mut adjectives = 0;
    while adjectives < MAX_ADJECTIVES && free(last + 1) && adjective(tokens, last + 1) {
        last += 1;
        adjectives += 1;
    }
    // « un dépôt de munitions », « des établissements de santé »: a bare noun complement.
    if free(last + 1)
        && matches!(&*tokens[last + 1].norm, "de" | "d'")
        && free(last + 2)
        && adjective(tokens, last + 2)
    {
        last += 2;
    }
    Some(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tokens::tokenize;

    fn phrases(text: &str) -> Vec<&str> {
        let tokens = tokenize(text, 0..text.len());
        find_phrases(&tokens, |_| false)
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

    #[test]
    fn taken_tokens_are_left_alone() {
        let text = "une base de la ville";
        let tokens = tokenize(text, 0..text.len());
        let found = find_phrases(&tokens, |i| i >= 3);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "une base");
    }
}
