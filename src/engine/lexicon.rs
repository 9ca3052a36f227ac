//! The French word lists the stages read, from `data/words.tsv`, compiled in and parsed once.
//!
//! Verb classes hold lemmas; they match every form that the morphology data gives the lemma
//! (see [`verb_forms`]).

use super::fast_hash::{FastMap, FastSet};
use super::morphology::verb_forms;
use std::sync::LazyLock;

const WORDS: &str = include_str!("../../data/words.tsv");

/// The closed word classes of `data/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    AuxAvoir,
    AuxEtre,
    Adverb,
    Filler,
    ParticipleComplement,
    PeopleParticipleComplement,
    VerbEtreActive,
    VerbReport,
    ReportNoun,
    VerbLight,
    VerbAim,
    VerbOppose,
    VerbSupport,
    VerbTravel,
    RouteNoun,
    VerbUndergo,
    Undergo,
    VerbAttribute,
    Quantity,
    VerbAspect,
    VerbIntent,
    VerbIntentInfinitive,
    IntentWord,
    VerbPossible,
    HypotheticalWord,
    Negation,
    NegationVerb,
    Territory,
    ObjectPronoun,
    PersonNoun,
    FighterNoun,
    AirCue,
    ArtilleryCue,
    Compass,
    Explosive,
    Determiner,
    Preposition,
    PlacePreposition,
    GoPreposition,
    Settlement,
    AdminNoun,
    Relative,
    Pronoun,
    ClutterPhrase,
    TeaserPhrase,
    AdverbPhrase,
}

impl WordClass {
    const ALL: [WordClass; 46] = [
        WordClass::AuxAvoir,
        WordClass::AuxEtre,
        WordClass::Adverb,
        WordClass::Filler,
        WordClass::ParticipleComplement,
        WordClass::PeopleParticipleComplement,
        WordClass::VerbEtreActive,
        WordClass::VerbReport,
        WordClass::ReportNoun,
        WordClass::VerbLight,
        WordClass::VerbAim,
        WordClass::VerbOppose,
        WordClass::VerbSupport,
        WordClass::VerbTravel,
        WordClass::RouteNoun,
        WordClass::VerbUndergo,
        WordClass::Undergo,
        WordClass::VerbAttribute,
        WordClass::Quantity,
        WordClass::VerbAspect,
        WordClass::VerbIntent,
        WordClass::VerbIntentInfinitive,
        WordClass::IntentWord,
        WordClass::VerbPossible,
        WordClass::HypotheticalWord,
        WordClass::Negation,
        WordClass::NegationVerb,
        WordClass::Territory,
        WordClass::ObjectPronoun,
        WordClass::PersonNoun,
        WordClass::FighterNoun,
        WordClass::AirCue,
        WordClass::ArtilleryCue,
        WordClass::Compass,
        WordClass::Explosive,
        WordClass::Determiner,
        WordClass::Preposition,
        WordClass::PlacePreposition,
        WordClass::GoPreposition,
        WordClass::Settlement,
        WordClass::AdminNoun,
        WordClass::Relative,
        WordClass::Pronoun,
        WordClass::ClutterPhrase,
        WordClass::TeaserPhrase,
        WordClass::AdverbPhrase,
    ];

    /// The class's name in the data file.
    fn name(self) -> &'static str {
        match self {
            WordClass::AuxAvoir => "aux_avoir",
            WordClass::AuxEtre => "aux_etre",
            WordClass::Adverb => "adverb",
            WordClass::Filler => "filler",
            WordClass::ParticipleComplement => "participle_complement",
            WordClass::PeopleParticipleComplement => "people_participle_complement",
            WordClass::VerbEtreActive => "verb_etre_active",
            WordClass::VerbReport => "verb_report",
            WordClass::ReportNoun => "report_noun",
            WordClass::VerbLight => "verb_light",
            WordClass::VerbAim => "verb_aim",
            WordClass::VerbOppose => "verb_oppose",
            WordClass::VerbSupport => "verb_support",
            WordClass::VerbTravel => "verb_travel",
            WordClass::RouteNoun => "route_noun",
            WordClass::VerbUndergo => "verb_undergo",
            WordClass::Undergo => "undergo",
            WordClass::VerbAttribute => "verb_attribute",
            WordClass::Quantity => "quantity",
            WordClass::VerbAspect => "verb_aspect",
            WordClass::VerbIntent => "verb_intent",
            WordClass::VerbIntentInfinitive => "verb_intent_infinitive",
            WordClass::IntentWord => "intent_word",
            WordClass::VerbPossible => "verb_possible",
            WordClass::HypotheticalWord => "hypothetical_word",
            WordClass::Negation => "negation",
            WordClass::NegationVerb => "verb_negation",
            WordClass::Territory => "territory",
            WordClass::ObjectPronoun => "object_pronoun",
            WordClass::PersonNoun => "person_noun",
            WordClass::FighterNoun => "fighter_noun",
            WordClass::AirCue => "air_cue",
            WordClass::ArtilleryCue => "artillery_cue",
            WordClass::Compass => "compass",
            WordClass::Explosive => "explosive",
            WordClass::Determiner => "determiner",
            WordClass::Preposition => "preposition",
            WordClass::PlacePreposition => "place_preposition",
            WordClass::GoPreposition => "go_preposition",
            WordClass::Settlement => "settlement",
            WordClass::AdminNoun => "admin_noun",
            WordClass::Relative => "relative",
            WordClass::Pronoun => "pronoun",
            WordClass::ClutterPhrase => "clutter_phrase",
            WordClass::TeaserPhrase => "teaser_phrase",
            WordClass::AdverbPhrase => "adverb_phrase",
        }
    }
}

/// Tense classes of a verb form, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tenses(u8);

impl std::ops::BitOr for Tenses {
    type Output = Tenses;

    fn bitor(self, other: Tenses) -> Tenses {
        self.with(other)
    }
}

impl Tenses {
    pub const FINITE: Tenses = Tenses(1);
    pub const PARTICIPLE: Tenses = Tenses(2);
    pub const GERUND: Tenses = Tenses(4);
    pub const INFINITIVE: Tenses = Tenses(8);
    pub const FUTURE: Tenses = Tenses(16);
    pub const CONDITIONAL: Tenses = Tenses(32);

    /// Whether any of `other`'s tenses is in this set.
    pub fn has(self, other: Tenses) -> bool {
        self.0 & other.0 != 0
    }

    /// The union of two sets.
    pub fn with(self, other: Tenses) -> Tenses {
        Tenses(self.0 | other.0)
    }
}

/// What the lexicon knows of one folded word: one lookup answers every class question.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WordEntry {
    /// Bit `class as u32` is set for each plain class the word belongs to.
    classes: u64,
    /// The verb classes the word inflects a lemma of, with the form's tenses.
    verbs: Vec<(WordClass, Tenses)>,
}

impl WordEntry {
    /// Whether the word belongs to a plain word class.
    pub fn is(&self, class: WordClass) -> bool {
        self.classes & (1 << class as u32) != 0
    }

    /// The word's tenses as an inflection of a verb class's lemmas, if it is one.
    pub fn verb(&self, class: WordClass) -> Option<Tenses> {
        self.verbs
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, t)| *t)
    }

    /// Whether the word inflects a verb of any class.
    pub fn is_verb(&self) -> bool {
        !self.verbs.is_empty()
    }
}

/// The parsed word lists.
pub struct Lexicon {
    words: FastMap<String, WordEntry>,
    phrases: FastMap<WordClass, Vec<String>>,
    /// The classes present in the data (for checks).
    present: FastSet<WordClass>,
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::parse);
    &LEXICON
}

fn data_lines(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut lexicon = Lexicon {
            words: FastMap::default(),
            phrases: FastMap::default(),
            present: FastSet::default(),
        };
        for (name, entries) in data_lines(WORDS) {
            let Some(class) = WordClass::ALL.into_iter().find(|c| c.name() == name) else {
                continue;
            };
            lexicon.present.insert(class);
            if name.ends_with("_phrase") {
                let list = entries.split('|').map(|p| p.trim().to_string()).collect();
                lexicon.phrases.insert(class, list);
            } else if name.starts_with("verb_") {
                for lemma in entries.split_whitespace() {
                    for (form, tenses) in verb_forms(lemma) {
                        let entry = lexicon.words.entry(form).or_default();
                        match entry.verbs.iter_mut().find(|(c, _)| *c == class) {
                            Some((_, known)) => *known = known.with(tenses),
                            None => entry.verbs.push((class, tenses)),
                        }
                    }
                }
            } else {
                for word in entries.split_whitespace() {
                    lexicon.words.entry(word.to_string()).or_default().classes |= 1 << class as u32;
                }
            }
        }
        lexicon
    }

    /// Whether a folded word belongs to a plain word class.
    pub fn is(&self, class: WordClass, norm: &str) -> bool {
        self.entry(norm).is_some_and(|e| e.is(class))
    }

    /// Everything the lexicon knows of a folded word, if anything (tokens keep it).
    pub fn entry(&self, norm: &str) -> Option<&WordEntry> {
        self.words.get(norm)
    }

    /// The tenses a folded word has as an inflection of a verb class's lemmas, if it is one.
    pub fn verb(&self, class: WordClass, norm: &str) -> Option<Tenses> {
        let entry = self.words.get(norm)?;
        entry
            .verbs
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, t)| *t)
    }

    /// The phrases of a `*_phrase` class.
    pub fn phrases(&self, class: WordClass) -> &[String] {
        self.phrases.get(&class).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_lemma_is_in_the_morphology() {
        for (n, line) in WORDS.lines().enumerate() {
            let Some(("verb", lemmas)) = line
                .split_once('\t')
                .map(|(class, lemmas)| (class.split('_').next().unwrap_or(class), lemmas))
            else {
                continue;
            };
            for lemma in lemmas.split_whitespace() {
                assert!(
                    verb_forms(lemma).len() > 1,
                    "data/words.tsv:{}: no forms for {lemma:?}",
                    n + 1
                );
            }
        }
    }

    #[test]
    fn every_class_is_in_the_data() {
        let lex = lexicon();
        for class in WordClass::ALL {
            assert!(
                lex.present.contains(&class),
                "{} missing from data/words.tsv",
                class.name()
            );
        }
    }

    #[test]
    fn conjugates_regular_and_irregular_verbs() {
        let forms = |lemma| {
            verb_forms(lemma)
                .into_iter()
                .map(|(f, _)| f)
                .collect::<Vec<_>>()
        };
        assert!(forms("chasser").contains(&"chasse".to_string()));
        assert!(forms("chasser").contains(&"chassaient".to_string()));
        assert!(forms("reprendre").contains(&"reprise".to_string()));
        assert!(forms("reprendre").contains(&"reprennent".to_string()));
        assert!(forms("detruire").contains(&"detruits".to_string()));
        assert!(forms("conquerir").contains(&"conquis".to_string()));
        assert!(forms("progresser").contains(&"progressent".to_string()));
        assert!(forms("rendre").contains(&"rendus".to_string()));
    }

    #[test]
    fn verb_classes_know_tenses() {
        let lex = lexicon();
        let t = lex.verb(WordClass::VerbPossible, "pourrait").unwrap();
        assert!(t.has(Tenses::CONDITIONAL));
        assert!(lex.verb(WordClass::VerbReport, "a").is_none());
        assert!(lex.verb(WordClass::VerbReport, "rapporte").is_some());
    }

    #[test]
    fn word_classes_and_phrases() {
        let lex = lexicon();
        assert!(lex.is(WordClass::AuxEtre, "ete"));
        assert!(lex.is(WordClass::Territory, "ville"));
        assert!(
            lex.phrases(WordClass::ClutterPhrase)
                .iter()
                .any(|p| p == "related articles")
        );
    }
}
