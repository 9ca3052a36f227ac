//! Chunks: the verb group around a verb and what ends a clause, worked out in one place so
//! that the triggers, the grammatical functions and the sources read the same grammar.
//!
//! A French verb group is the verb with what stands before it: auxiliaries (« ont été
//! tués »), a reflexive pronoun (« se sont emparés »), negation and adverbs (« n'ont pas
//! encore repris »), and further left the object and adverbial pronouns (« les en ont
//! chassés »). Searches for a verb's subject and complements stop at clause boundaries.

use std::sync::LazyLock;

use super::lexicon::{WordClass, lexicon};
use super::tokens::{Token, is_quote};

/// The verb group ending at a verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    /// First token of the verb's span: its leftmost auxiliary or reflexive pronoun, else the
    /// verb itself (what a trigger covers: « se sont emparés », « ont été tués »).
    pub span_first: usize,
    /// First token of the group with the negation and adverbs before it (« n'ont pas »).
    pub first: usize,
    /// An auxiliary stands in the group.
    pub aux: bool,
    /// « être » is among the auxiliaries.
    pub etre: bool,
    /// The group has a reflexive pronoun.
    pub reflexive: bool,
}

/// The verb group ending at the verb at token `head`.
pub fn verb_group(tokens: &[Token], head: usize) -> VerbGroup {
    let mut group = VerbGroup {
        span_first: head,
        first: head,
        aux: false,
        etre: false,
        reflexive: false,
    };
    let mut j = head;
    while j > 0 {
        let t = &tokens[j - 1];
        // Auxiliaries and a reflexive pronoun stand after it: nothing but negation and adverbs
        // comes before a reflexive pronoun.
        let open = !group.reflexive;
        if open && (t.is(WordClass::AuxAvoir) || t.is(WordClass::AuxEtre)) {
            group.aux = true;
            group.etre |= t.is(WordClass::AuxEtre);
            group.span_first = j - 1;
            group.first = j - 1;
        } else if open && is_reflexive(tokens, j - 1) {
            group.reflexive = true;
            group.span_first = j - 1;
            group.first = j - 1;
        } else if let Some(n) = adverb_phrase_before(tokens, j).filter(|_| open) {
            // « ont de nouveau fui », « se sont jusqu'à présent rendus ».
            j -= n;
            group.first = j;
            continue;
        } else if t.is(WordClass::Adverb) || t.is(WordClass::Negation) {
            group.first = j - 1;
        } else if !(open && is_quote(&t.norm)) {
            // Quotation marks may close around the verb alone (« ont « neutralisé » »).
            break;
        }
        j -= 1;
    }
    group
}

/// Where the clitics before token `j` start: over adverbs, negation, object and adverbial
/// pronouns (« ne les y ont »).
pub fn clitics_start(tokens: &[Token], mut j: usize) -> usize {
    while j > 0
        && (tokens[j - 1].is(WordClass::Adverb)
            || tokens[j - 1].is(WordClass::Negation)
            || tokens[j - 1].is(WordClass::ObjectPronoun)
            || matches!(&*tokens[j - 1].norm, "y" | "en"))
    {
        j -= 1;
    }
    j
}

/// A reflexive pronoun at token `k`: « se », « me », « te », and « nous » or « vous » after
/// their subject (« nous nous sommes »), not the subject itself (« nous avons pris »).
fn is_reflexive(tokens: &[Token], k: usize) -> bool {
    match &*tokens[k].norm {
        "se" | "s'" | "me" | "m'" | "te" | "t'" => true,
        word @ ("nous" | "vous") => k > 0 && tokens[k - 1].norm == word,
        _ => false,
    }
}

/// The adverbial phrases of the word lists, each as its words.
static ADVERB_PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    lexicon()
        .phrases(WordClass::AdverbPhrase)
        .iter()
        .map(|p| p.split(' ').collect())
        .collect()
});

/// The number of words of an adverbial phrase ending right before token `j`, if one does.
fn adverb_phrase_before(tokens: &[Token], j: usize) -> Option<usize> {
    ADVERB_PHRASES
        .iter()
        .find(|words| {
            words.len() <= j
                && tokens[j - words.len()..j]
                    .iter()
                    .zip(words.iter())
                    .all(|(t, w)| t.norm == *w)
        })
        .map(Vec::len)
}

/// Punctuation that bounds the search for a verb's participants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Boundary {
    /// « , »: ends a complement, not a subject (« X, qui…, a pris »).
    Comma,
    /// « . »: inside a sentence, after an abbreviation or an initial.
    Period,
    /// « ; » and « : ».
    Colon,
    /// « ( » and « ) ».
    Bracket,
    /// Quotation marks.
    Quote,
}

impl Boundary {
    /// The boundary a token is, if it is one.
    pub fn of(token: &Token) -> Option<Boundary> {
        match &*token.norm {
            "," => Some(Boundary::Comma),
            "." => Some(Boundary::Period),
            ";" | ":" => Some(Boundary::Colon),
            "(" | ")" => Some(Boundary::Bracket),
            norm if is_quote(norm) => Some(Boundary::Quote),
            _ => None,
        }
    }

    /// Whether a token ends a clause: a colon, a bracket or a quotation mark (not a comma,
    /// which may close an apposition).
    pub fn ends_clause(token: &Token) -> bool {
        matches!(
            Boundary::of(token),
            Some(Boundary::Colon | Boundary::Bracket | Boundary::Quote)
        )
    }

    /// Whether a token ends a phrase: any boundary but a bracket.
    pub fn ends_phrase(token: &Token) -> bool {
        Boundary::of(token).is_some_and(|b| b != Boundary::Bracket)
    }
}

/// Where the clause holding token `j` starts, for what a verb shares with the verb before it
/// in its clause: after a colon, a period or a relative pronoun (« qui », « que »).
pub fn clause_start(tokens: &[Token], j: usize) -> usize {
    tokens[..j]
        .iter()
        .rposition(|t| {
            matches!(Boundary::of(t), Some(Boundary::Colon | Boundary::Period))
                || matches!(&*t.norm, "qui" | "que" | "qu'")
        })
        .map_or(0, |k| k + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tokens::tokenize;

    fn group(text: &str, verb: &str) -> (String, String, bool, bool, bool) {
        let tokens = tokenize(text, 0..text.len());
        let head = tokens.iter().position(|t| t.text(text) == verb).unwrap();
        let g = verb_group(&tokens, head);
        let span = &text[tokens[g.span_first].start..tokens[head].end];
        let whole = &text[tokens[g.first].start..tokens[head].end];
        (span.into(), whole.into(), g.aux, g.etre, g.reflexive)
    }

    #[test]
    fn a_group_takes_its_auxiliaries_reflexive_and_negation() {
        assert_eq!(
            group("les soldats n'ont pas encore été tués", "tués"),
            (
                "ont pas encore été tués".into(),
                "n'ont pas encore été tués".into(),
                true,
                true,
                false
            )
        );
        assert_eq!(
            group("ils ne se sont pas rendus", "rendus"),
            (
                "se sont pas rendus".into(),
                "ne se sont pas rendus".into(),
                true,
                true,
                true
            )
        );
        assert_eq!(
            group("ils se sont jusqu'à présent rendus", "rendus").0,
            "se sont jusqu'à présent rendus"
        );
        assert_eq!(
            group("ils ont de nouveau fui", "fui"),
            (
                "ont de nouveau fui".into(),
                "ont de nouveau fui".into(),
                true,
                false,
                false
            )
        );
    }

    #[test]
    fn a_subject_nous_is_no_reflexive_pronoun() {
        assert_eq!(
            group("nous avons repris la ville", "repris"),
            (
                "avons repris".into(),
                "avons repris".into(),
                true,
                false,
                false
            )
        );
        assert!(group("nous nous sommes emparés de la colline", "emparés").4);
    }

    #[test]
    fn clitics_and_clauses() {
        let text = "la ville qu'ils ne l'ont pas reprise";
        let tokens = tokenize(text, 0..text.len());
        let verb = tokens.iter().position(|t| t.norm == "reprise").unwrap();
        let g = verb_group(&tokens, verb);
        let lead = clitics_start(&tokens, g.first);
        assert_eq!(tokens[lead].text(text), "ne");
        assert_eq!(tokens[clause_start(&tokens, verb)].text(text), "ils");
    }
}
