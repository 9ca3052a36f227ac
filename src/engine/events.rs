//! Stage 6: events — each trigger with its participants, place, time, count, source and
//! modality, read off the mentions of its sentence and what the article said before.
//!
//! The grammar is read here: a trigger's form (active, passive, a verb whose subject undergoes
//! it, a noun) and its functions — the subject before the verb group, the direct object, the
//! « par », « à », « de », « avec », « contre », « entre X et Y » complements, the subject of a
//! light verb governing a noun. Which function plays which role for each event type is data:
//! the rules of `data/roles.tsv` ([`super::roles`]). Generic phrases and pronouns
//! (« l'organisation », « Il ») take the last actor of their kind.

use super::chunks::{Boundary, clitics_start, verb_group};
use super::fast_hash::FastMap;
use super::gazetteer::PlaceKind;
use super::lexicon::{Tenses, WordClass};
use super::mentions::PlaceMention;
use super::mentions::actors::{
    Actor, ActorKind, ActorMention, actors, demonym_actor, lookup_actor,
};
use super::mentions::counts::CountMention;
use super::mentions::numbers::is_number_word;
use super::mentions::times::TimeMention;
use super::record::{
    ActorRef, Count, Event, EventType, Modality, PlaceRef, Qualifier, Range, Span, TimeRef,
};
use super::roles::{self as rules, Condition, Form, Function, Role};
use super::tokens::{Token, TokenKind, fold, is_quote};
use super::triggers::{Trigger, looks_participle};

/// How many tokens a direct object or a complement may stand from its trigger.
const OBJECT_WINDOW: usize = 8;
/// How far past the first side of « entre X et Y » its « et » may stand.
const BETWEEN_REACH: usize = 10;
/// How many tokens back a governing verb of an infinitive or a noun may stand.
const GOVERNOR_WINDOW: usize = 6;
/// How much farther (in token distance units) a country may be preferred to a nearer place.
const BROAD_PLACE_COST: usize = 20;
/// How many words before the « de » of « de X à Y » a verb of travel or a noun of a route may
/// stand (« transportant 20 personnes de »).
const ROUTE_REACH: usize = 4;
/// How many words after a verb a verb coordinated with it by « et » may stand (« tués et
/// quinze autres blessés », « ont tué une femme et blessé »).
const COORDINATION_REACH: usize = 6;
/// How many words before a relative pronoun an event noun standing as its antecedent may end
/// (« l'attentat, qui »).
const RELATIVE_REACH: usize = 3;
/// How many words before the « de » of a noun trigger a negated verb may start (« n'ont toujours
/// pas conclu d'accord »).
const NEGATION_REACH: usize = 6;
/// How many words an incise between commas may span before a verb whose subject stands before
/// it (« X, une milice qui épaule l'armée, ont été blessés »).
const INCISE_REACH: usize = 12;
/// How many words after a verb a noun trigger may stand as its cause or circumstance (« tués
/// par des tirs d'obus », « morts dans des combats »).
const COMPLEMENT_REACH: usize = 4;
/// How many words after a verb a noun trigger may stand as the fight that led to it (« ont
/// pris le contrôle de la ville d'Houta, au nord d'Aden, après de violents combats »).
const CIRCUMSTANCE_REACH: usize = 14;
/// How many sentences ahead a town named later may stand for « une ville » now.
const BRIDGE_SENTENCES: usize = 3;

/// One sentence with its tokens, mentions and triggers.
pub struct Sentence<'a> {
    pub range: std::ops::Range<usize>,
    /// Index of the paragraph the sentence belongs to.
    pub block: usize,
    pub tokens: Vec<Token<'a>>,
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub times: Vec<TimeMention>,
    pub counts: Vec<CountMention>,
    pub triggers: Vec<Trigger>,
    /// The non-finite verb readings of each token no mention or trigger covers, where the
    /// sentence has a trigger (empty otherwise).
    pub verb_forms: Vec<VerbForms>,
    pub text: &'a str,
}

/// The non-finite verb readings the morphology gives a token: what may govern the phrase after
/// it (« transportant 20 personnes », « libérer les otages ») or own a « par » phrase (« une
/// zone contrôlée par »).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VerbForms {
    pub present_participle: bool,
    pub past_participle: bool,
    pub infinitive: bool,
}

/// Who led an act of violence, and against whom, where the article told it.
struct Assailant {
    sentence: usize,
    block: usize,
    agent: ActorRef,
    target: Option<ActorRef>,
}

/// What the article has said so far, for coreference.
#[derive(Default)]
pub struct Memory {
    last_subject: Option<&'static Actor>,
    last_by_kind: FastMap<ActorKind, &'static Actor>,
    /// The last town named, as (sentence, place) indices.
    last_city: Option<(usize, usize)>,
    /// The most specific place of the last sentence that named one, with its paragraph.
    last_place: Option<(usize, usize)>,
    /// The town the last event was told in, by its own sentence, as (sentence, place) indices:
    /// where the story is, whatever towns its sources speak from.
    last_event_town: Option<(usize, usize)>,
    last_source: Option<ActorRef>,
    /// The last act of violence told: its sentence's index and paragraph, who led it and the
    /// actor it befell.
    last_assailant: Option<Assailant>,
    /// The most mentioned actor of each kind in the whole article.
    dominant: FastMap<ActorKind, &'static Actor>,
    /// The article names guns (« obus », « artillerie ») and no aircraft: a bombardment it
    /// tells with no weapon is shelling, else an air strike.
    guns_only: bool,
}

impl Memory {
    /// A memory that knows the article's most mentioned actor of each kind.
    pub fn new(sentences: &[Sentence]) -> Memory {
        // Each actor in order of first mention, with its number of mentions.
        let mut tally: Vec<(&'static Actor, usize)> = Vec::new();
        for actor in sentences
            .iter()
            .flat_map(|s| &s.actors)
            .filter_map(|m| m.actor)
        {
            match tally.iter_mut().find(|(a, _)| a.id == actor.id) {
                Some((_, n)) => *n += 1,
                None => tally.push((actor, 1)),
            }
        }
        // The most mentioned of each kind; the first mentioned among equals (a stable sort).
        tally.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let mut dominant = FastMap::default();
        for (actor, _) in tally {
            dominant.entry(actor.kind).or_insert(actor);
        }
        let named = |class: WordClass| {
            sentences
                .iter()
                .any(|s| s.tokens.iter().any(|t| t.is(class)))
        };
        Memory {
            dominant,
            guns_only: named(WordClass::ArtilleryCue) && !named(WordClass::AirCue),
            ..Memory::default()
        }
    }

    fn resolve(&self, mention: &ActorMention) -> Option<&'static Actor> {
        if mention.actor.is_some() {
            return mention.actor;
        }
        let kind = mention.kind?;
        // « la coalition », « les forces étrangères »: foreign forces are too many to guess.
        if !mention.generic || kind == ActorKind::ForeignForces {
            return None;
        }
        self.last_by_kind
            .get(&kind)
            .or_else(|| self.dominant.get(&kind))
            .copied()
            .filter(|a| mention.country.is_none() || a.country == mention.country)
    }
}

/// Whether a generic mention of kind `mention` may stand for an actor of kind `actor`: the same
/// kind, or « des soldats » for a state's forces fighting abroad (« foreign »). Not the other way
/// round: « la coalition » is no national army.
fn same_family(actor: ActorKind, mention: ActorKind) -> bool {
    actor == mention || mention == ActorKind::StateForces && actor == ActorKind::ForeignForces
}

/// The first token of the verb group ending at a verb (with its auxiliaries, negation, adverbs).
fn group_first(tokens: &[Token], verb: usize) -> usize {
    verb_group(tokens, verb).first
}

/// Whether a boundary stands between a subject and its verb, over short parentheses (« 35
/// djihadistes de l'Etat islamique (EI) ont été tués »).
fn bounded(between: &[Token]) -> bool {
    let mut j = 0;
    while j < between.len() {
        let close = (between[j].norm == "(")
            .then(|| (j + 1..between.len().min(j + 6)).find(|&k| between[k].norm == ")"))
            .flatten();
        match close {
            Some(k) => j = k + 1,
            None if Boundary::ends_clause(&between[j]) => return true,
            None => j += 1,
        }
    }
    false
}

/// An inverted subject pronoun joined to its verb (« a-t-il », « dit-elle », « a-t-on »).
fn is_inverted_pronoun(token: &Token) -> bool {
    ["-il", "-elle", "-ils", "-elles", "-on"]
        .iter()
        .any(|p| token.norm.ends_with(p))
}

/// The token before a mention, over a number or a quantity that counts it (« de plus de 200
/// éléments », « qu'une centaine de combattants »).
fn word_before<'t, 'a>(tokens: &'t [Token<'a>], m: &ActorMention) -> Option<&'t Token<'a>> {
    let mut j = m.first;
    if j >= 2
        && matches!(&*tokens[j - 1].norm, "de" | "d'")
        && tokens[j - 2].is(WordClass::Quantity)
    {
        j -= 2;
        // The quantity's determiner (« une centaine », « des dizaines »).
        if j > 0
            && matches!(
                &*tokens[j - 1].norm,
                "une" | "un" | "des" | "la" | "le" | "quelques"
            )
        {
            j -= 1;
        }
    }
    let number = |k: usize| tokens[k].kind == TokenKind::Number || is_number_word(tokens, k);
    if j > 0 && number(j - 1) {
        j -= 1;
    }
    // « 4 à 10 personnes »: a range.
    if j >= 2 && number(j) && tokens[j - 1].norm == "a" && number(j - 2) {
        j -= 2;
    }
    if j < m.first || number(j) {
        // « deux cents », « vingt et un ».
        while j > 0 && (number(j - 1) || tokens[j - 1].norm == "et" && j > 1 && number(j - 2)) {
            j -= 1;
        }
        loop {
            let pair = j
                .checked_sub(2)
                .map(|k| (&*tokens[k].norm, &*tokens[k + 1].norm));
            let single = j.checked_sub(1).map(|k| &*tokens[k].norm);
            match (pair, single) {
                (Some(("plus" | "pres" | "moins", "de" | "d'") | ("au", "moins")), _) => j -= 2,
                (_, Some("environ" | "quelque")) => j -= 1,
                _ => break,
            }
        }
    }
    j.checked_sub(1).map(|k| &tokens[k])
}

/// Whether a mention stands after a preposition (« de l'armée », « par les FDS »).
fn prepositional(tokens: &[Token], m: &ActorMention) -> bool {
    let contracted = match &*tokens[m.first].norm {
        "du" | "au" | "aux" => true,
        // « des » is « de les » after a noun, an article after a verb, a comma or « et ».
        // So it is after a day or an adverb that follows the verb (« ont tué mardi des soldats »).
        "des" => word_before(tokens, m).is_some_and(|t| {
            t.is_word()
                && !matches!(&*t.norm, "et" | "ou" | "mais" | "que" | "qui" | "dont")
                && !t.is(WordClass::AuxAvoir)
                && !t.is(WordClass::AuxEtre)
                && !t.is(WordClass::Filler)
                && !t.is(WordClass::Adverb)
        }),
        _ => false,
    };
    // « de nombreux djihadistes »: « de » before a plural adjective is an article.
    let article = matches!(&*tokens[m.first].norm, "nombreux" | "nombreuses")
        || m.first > 0 && matches!(&*tokens[m.first - 1].norm, "nombreux" | "nombreuses");
    !article && (contracted || word_before(tokens, m).is_some_and(|t| t.is(WordClass::Preposition)))
}

fn preposition_before<'t>(tokens: &'t [Token], m: &ActorMention) -> Option<&'t str> {
    let before = word_before(tokens, m).filter(|t| t.is(WordClass::Preposition));
    match (before, &*tokens[m.first].norm) {
        (Some(t), _) => Some(&*t.norm),
        (None, contracted @ ("du" | "au" | "aux" | "des")) => Some(contracted),
        (None, _) => word_before(tokens, m).map(|t| &*t.norm),
    }
}

/// How the phrases of a sentence stand to one trigger (see [`Sentence::functions`]).
struct Functions<'s> {
    form: Form,
    /// Each function with a phrase that fills it (the subject may have several).
    filled: Vec<(Function, &'s ActorMention)>,
    /// A demonym right after a noun trigger, as (token, actor).
    demonym: Option<(usize, &'static Actor)>,
    /// A subject pronoun standing for the last subject.
    pronoun: Option<usize>,
    /// The verb shares the subject of an earlier one.
    coordinated: bool,
}

impl<'s> Functions<'s> {
    fn add(&mut self, function: Function, m: Option<&'s ActorMention>) {
        self.filled.extend(m.map(|m| (function, m)));
    }
}

struct Roles<'s> {
    agent: Vec<&'s ActorMention>,
    target: Vec<&'s ActorMention>,
    /// A subject pronoun standing for the last subject.
    pronoun: Option<usize>,
    /// The verb is coordinated with, or governed by, an earlier one (« et progressent »,
    /// « pour s'emparer »): it shares that verb's subject.
    coordinated: bool,
    /// A demonym standing for the agent (« russe »), as (token, actor).
    demonym: Option<(usize, &'static Actor)>,
    /// The clause names a cause that is no actor (« blessée par la chute de débris »): no one
    /// is to be inferred behind the event.
    caused: bool,
    /// The event is a fight between two sides (« des combats entre X et Y »): neither is more
    /// its assailant than the other.
    mutual: bool,
}

impl<'a> Sentence<'a> {
    fn candidates(
        &self,
        excluded: &[usize],
    ) -> impl DoubleEndedIterator<Item = (usize, &ActorMention)> {
        self.actors
            .iter()
            .enumerate()
            .filter(move |(k, m)| !excluded.contains(k) && m.kind != Some(ActorKind::Source))
    }

    /// The subject of a verb group starting at token `first`: after « qui », the phrase before
    /// it; else the nearest phrase before that is not a complement.
    fn subject_before(&self, first: usize, excluded: &[usize]) -> Option<&ActorMention> {
        let tokens = &self.tokens;
        let first = self.clause_verb_start(first);
        let mut j = clitics_start(&self.tokens, first);
        // « qui, avec le soutien aérien russe, ont conquis »: over a parenthetical.
        if j > 0
            && tokens[j - 1].norm == ","
            && let Some(k) = (1..j - 1).rev().find(|&k| tokens[k].norm == ",")
            && tokens[k - 1].is(WordClass::Relative)
        {
            j = k;
        }
        if j > 0 && tokens[j - 1].is(WordClass::Relative) {
            // « l'attentat qui a tué »: an event right before the relative, after any phrase,
            // is its antecedent, and it is no one.
            let qui = j - 1;
            let antecedent = self
                .candidates(excluded)
                .map(|(_, m)| m)
                .rfind(|m| m.last < qui);
            let event_antecedent = self.triggers.iter().any(|t| {
                !t.verbal
                    && t.last < qui
                    && t.last + RELATIVE_REACH >= qui
                    && antecedent.is_none_or(|m| t.last > m.last)
            });
            return antecedent.filter(|_| !event_antecedent);
        }
        // « des affrontements entre l'armée et des miliciens ont fait… »: a phrase coordinated
        // with a complement is a complement too.
        let in_complement = |m: &ActorMention| {
            m.first >= 2
                && tokens[m.first - 1].norm == "et"
                && self
                    .actors
                    .iter()
                    .any(|o| o.last + 2 == m.first && prepositional(tokens, o))
        };
        // « le minibus transportant 20 personnes a été incendié », « pour libérer les otages et
        // avoir tué »: what follows a participle or an infinitive is its object, unless the verb
        // is an infinitive it governs (« forçant les insurgés à se replier »).
        let participle_object = |m: &ActorMention| {
            let governed =
                m.last + 2 == first && matches!(&*tokens[m.last + 1].norm, "a" | "de" | "d'");
            m.first > 0
                && !governed
                && self
                    .verb_forms
                    .get(m.first - 1)
                    .is_some_and(|f| f.present_participle || f.past_participle || f.infinitive)
        };
        // « X, dont des enfants, ont été tués »: who the subject includes is no subject.
        let included = |m: &ActorMention| word_before(tokens, m).is_some_and(|t| t.norm == "dont");
        let subject = |limit: usize| {
            self.candidates(excluded)
                .map(|(_, m)| m)
                .filter(|m| {
                    m.last < limit
                        && !prepositional(tokens, m)
                        && !in_complement(m)
                        && !participle_object(m)
                        && !included(m)
                })
                .rfind(|m| !bounded(&tokens[m.last + 1..limit]))
        };
        // « Deux membres de la CJTF, une milice qui épaule l'armée, ont été blessés »: the
        // subject stands before an incise between commas.
        let incise = (j > 0 && tokens[j - 1].norm == ",")
            .then(|| {
                (j.saturating_sub(INCISE_REACH)..j - 1)
                    .rev()
                    .find(|&k| tokens[k].norm == ",")
            })
            .flatten();
        incise.and_then(subject).or_else(|| subject(first))
    }

    /// Whether a noun trigger is the circumstance of the verb trigger before it in its clause
    /// (« ont pris la ville, au nord d'Aden, après de violents combats »).
    fn circumstance_of_previous(&self, trigger: &Trigger) -> bool {
        let tokens = &self.tokens;
        let Some(verb) = self
            .triggers
            .iter()
            .rfind(|o| o.verbal && o.last < trigger.first)
        else {
            return false;
        };
        let gap = &tokens[verb.last + 1..trigger.first];
        !trigger.verbal
            && gap.len() <= CIRCUMSTANCE_REACH
            && !gap.iter().any(|t| Boundary::ends_clause(t))
            && gap
                .iter()
                .any(|t| matches!(&*t.norm, "apres" | "lors" | "pendant" | "durant"))
    }

    /// Whether a verb trigger is an infinitive, simple or compound (« tuer », « avoir tué »).
    fn infinitive(&self, trigger: &Trigger) -> bool {
        trigger.verbal
            && (trigger.tenses.has(Tenses::INFINITIVE) && !trigger.has_aux
                || trigger.has_aux && matches!(&*self.tokens[trigger.first].norm, "avoir" | "etre"))
    }

    /// The finite auxiliary before an infinitive trigger in its clause (« a affirmé avoir … et
    /// avoir tué »: the « a »); `None` for a trigger that is no infinitive.
    fn governing_auxiliary(&self, trigger: &Trigger) -> Option<usize> {
        if !self.infinitive(trigger) {
            return None;
        }
        let tokens = &self.tokens;
        (0..trigger.first)
            .rev()
            .take_while(|&j| !Boundary::ends_clause(&tokens[j]))
            .find(|&j| {
                let t = &tokens[j];
                t.is_auxiliary(self.text) && !matches!(&*t.norm, "avoir" | "etre")
            })
    }

    /// Where the finite verb group of a clause starts: an infinitive or participle group after
    /// « vient d' », « veulent », « réussi à le » takes the governing verb's group.
    fn clause_verb_start(&self, first: usize) -> usize {
        let tokens = &self.tokens;
        let mut j = clitics_start(&self.tokens, first);
        if j > 0 && matches!(&*tokens[j - 1].norm, "de" | "d'" | "a") {
            j -= 1;
        }
        while j > 0 && tokens[j - 1].is(WordClass::Adverb) {
            j -= 1;
        }
        let governs = j > 0 && {
            let t = &tokens[j - 1];
            [
                WordClass::VerbAspect,
                WordClass::VerbIntent,
                WordClass::VerbIntentInfinitive,
                WordClass::VerbPossible,
                WordClass::NegationVerb,
            ]
            .into_iter()
            .any(|class| t.verb(class).is_some())
        };
        if governs {
            group_first(tokens, j - 1)
        } else {
            first
        }
    }

    fn pronoun_before(&self, first: usize) -> Option<usize> {
        let first = self.clause_verb_start(first);
        let j = clitics_start(&self.tokens, first);
        (j > 0 && self.tokens[j - 1].is(WordClass::Pronoun)).then(|| j - 1)
    }

    /// The first token of the next trigger after this one, or the sentence's end.
    fn next_trigger(&self, trigger: &Trigger) -> usize {
        self.triggers
            .iter()
            .map(|t| t.first)
            .filter(|&f| f > trigger.last)
            .min()
            .unwrap_or(self.tokens.len())
    }

    /// Where the clause after a trigger ends for its complements: at a boundary, an auxiliary
    /// (another verb), or the next trigger.
    fn clause_end(&self, trigger: &Trigger) -> usize {
        let tokens = &self.tokens;
        let next_trigger = self.next_trigger(trigger);
        // « attaqué dans la nuit de samedi à dimanche par des jihadistes »: a time phrase does
        // not use up the window.
        let window = OBJECT_WINDOW
            + if self.times.is_empty() {
                0
            } else {
                tokens[trigger.last + 1..next_trigger]
                    .iter()
                    .take(OBJECT_WINDOW)
                    .filter(|t| self.in_time(t))
                    .count()
            };
        (trigger.last + 1..next_trigger)
            .find(|&j| {
                let t = &tokens[j];
                // Quotation marks may close around the verb alone (« avoir « neutralisé » 20 »);
                // the preposition « à » folds to the auxiliary « a ».
                Boundary::ends_clause(t) && !is_quote(&t.norm)
                    || t.norm == ","
                    || t.is_auxiliary(self.text)
            })
            .unwrap_or(next_trigger)
            .min(trigger.last + 1 + window)
    }

    /// The first phrase after the trigger within its clause, after one of `prepositions`
    /// (`None` for a direct object).
    fn after(
        &self,
        trigger: &Trigger,
        prepositions: &[Option<&str>],
        excluded: &[usize],
    ) -> Option<&ActorMention> {
        let tokens = &self.tokens;
        let end = self.clause_end(trigger);
        self.candidates(excluded).map(|(_, m)| m).find(|m| {
            m.first > trigger.last
                && m.first < end
                && !matches!(
                    word_before(tokens, m).map(|t| &*t.norm),
                    Some("que" | "qu'")
                )
                && {
                    let before = if prepositional(tokens, m) {
                        preposition_before(tokens, m)
                    } else {
                        None
                    };
                    // « ont tué des civils »: « des » right after a verb is an article.
                    let article = tokens[m.first].norm == "des" && m.first == trigger.last + 1;
                    prepositions.contains(&before) || article && prepositions.contains(&None)
                }
        })
    }

    /// « neuf blessés dont quatre enfants »: the phrase after « dont » in the trigger's clause.
    fn including(&self, trigger: &Trigger, excluded: &[usize]) -> Option<&ActorMention> {
        let end = self.clause_end(trigger);
        self.candidates(excluded).map(|(_, m)| m).find(|m| {
            m.first > trigger.last
                && m.first < end
                && word_before(&self.tokens, m).is_some_and(|t| t.norm == "dont")
        })
    }

    /// The mentions coordinated with `m` by « et » (« X et Y », either side).
    fn with_coordinated<'s>(&'s self, m: &'s ActorMention) -> Vec<&'s ActorMention> {
        let tokens = &self.tokens;
        let joined = |a: &ActorMention, b: &ActorMention| {
            b.first == a.last + 2 && matches!(&*tokens[a.last + 1].norm, "et" | "ainsi")
        };
        let mut all = vec![m];
        all.extend(self.actors.iter().filter(|o| joined(m, o)));
        all.extend(self.actors.iter().filter(|o| joined(o, m)));
        all
    }

    /// « entre X et Y »: the two sides after a trigger, before any other trigger (« des
    /// affrontements ont éclaté … entre X et Y »); or « opposer X à Y » of which the trigger
    /// is the subject (« des combats opposant l'armée aux rebelles »).
    fn between(&self, trigger: &Trigger) -> Option<(&ActorMention, &ActorMention)> {
        let tokens = &self.tokens;
        let end = self.next_trigger(trigger);
        let Some(at) = (trigger.last + 1..end).find(|&j| tokens[j].norm == "entre") else {
            return self.opposed(trigger, end);
        };
        // A side may begin a word late (« entre le rebelles du M23 », a typo for « les »).
        let side = |j: usize| {
            self.actors
                .iter()
                .find(|m| m.first == j || m.first == j + 1)
        };
        let first = side(at + 1)?;
        // « entre les forces loyales au GNA et les troupes de l'ANL », « entre les Forces armées
        // de la RDC (FARDC) et… »: over the first side's complements to its « et ».
        let and = (first.last + 1..end.min(first.last + BETWEEN_REACH))
            .take_while(|&j| tokens[j].norm != ",")
            .find(|&j| tokens[j].norm == "et")?;
        let second = side(and + 1)?;
        Some((first, second))
    }

    /// Whether a token belongs to a time phrase (« dans la nuit de samedi à dimanche »).
    fn in_time(&self, token: &Token) -> bool {
        self.times
            .iter()
            .any(|m| m.start <= token.start && token.end <= m.end)
    }

    /// « les combats ont opposé X à Y »: the object of « opposer » right after the trigger, and
    /// the phrase after « à » that follows it.
    fn opposed(&self, trigger: &Trigger, end: usize) -> Option<(&ActorMention, &ActorMention)> {
        let tokens = &self.tokens;
        let verb = (trigger.last + 1..end.min(trigger.last + 5))
            .take_while(|&j| !Boundary::ends_clause(&tokens[j]) && tokens[j].norm != ",")
            .find(|&j| tokens[j].verb(WordClass::VerbOppose).is_some())?;
        // « ont opposé mardi les miliciens »: over a time phrase.
        let object = (verb + 1..tokens.len()).find(|&j| !self.in_time(&tokens[j]))?;
        let first = self
            .actors
            .iter()
            .find(|m| m.first == object && !prepositional(tokens, m))?;
        let second = self.actors.iter().find(|m| {
            m.first > first.last
                && m.first <= first.last + BETWEEN_REACH
                && matches!(preposition_before(tokens, m), Some("a" | "au" | "aux"))
        })?;
        Some((first, second))
    }

    /// The nearest finite verb of `class` before token `at`, within the governor window.
    fn governor(&self, at: usize, class: WordClass) -> Option<(usize, Tenses)> {
        (at.saturating_sub(GOVERNOR_WINDOW)..at)
            .rev()
            .find_map(|j| self.tokens[j].verb(class).map(|t| (j, t)))
    }

    /// A demonym right after a noun trigger names its agent (« le soutien aérien russe »).
    fn demonym_after(&self, trigger: &Trigger) -> Option<(usize, &'static Actor)> {
        (trigger.last + 1..self.tokens.len().min(trigger.last + 3))
            .find_map(|j| demonym_actor(&self.tokens[j].norm).map(|a| (j, a)))
    }

    /// How the phrases of the sentence stand to a trigger: its form (active, passive, inverted,
    /// noun) and each grammatical function with the phrases that fill it.
    fn functions(&self, trigger: &Trigger, excluded: &[usize]) -> Functions<'_> {
        let mut f = Functions {
            form: Form::Noun,
            filled: Vec::new(),
            demonym: None,
            pronoun: None,
            coordinated: false,
        };
        // Who leads an event is an actor or people: phrases of things, and names the actor
        // lexicon does not know, are left out.
        let actors_only: Vec<usize> = excluded
            .iter()
            .copied()
            .chain((0..self.actors.len()).filter(|&k| {
                let m = &self.actors[k];
                m.phrase && (m.name || !self.names_people(m))
            }))
            .collect();
        // « encerclé et assiégé par les forces armées »: participles coordinated share « par ».
        let coordinated_next = self
            .triggers
            .iter()
            .find(|t| t.first == trigger.last + 2 && self.tokens[trigger.last + 1].norm == "et");
        // « des frappes dans une zone contrôlée par X »: X is the participle's agent; not so
        // of a participle right after the trigger (« des offensives menées par X »).
        let by = self
            .after(trigger, &[Some("par")], excluded)
            .filter(|m| {
                !(trigger.last + 2..m.first)
                    .any(|j| self.verb_forms.get(j).is_some_and(|f| f.past_participle))
            })
            .or_else(|| coordinated_next.and_then(|t| self.after(t, &[Some("par")], excluded)));
        let to = self.after(trigger, &[Some("a"), Some("au"), Some("aux")], excluded);
        f.add(Function::By, by);
        f.add(Function::To, to);
        if trigger.verbal {
            f.form = if trigger.passive {
                Form::Passive
            } else if trigger.flags.inverted {
                Form::Inverted
            } else {
                Form::Active
            };
            let undergoes = f.form != Form::Active;
            // « ont tué neuf soldats et en ont blessé trente »: a verb coordinated with an
            // earlier one shares its subject; the phrase between them is the first one's object.
            let lead = clitics_start(&self.tokens, self.clause_verb_start(trigger.first));
            let shares_subject = lead > 0
                && matches!(&*self.tokens[lead - 1].norm, "et" | "puis" | "mais")
                && self.triggers.iter().any(|t| t.verbal && t.last + 1 < lead);
            let subject = if shares_subject {
                None
            } else if trigger.passive && !trigger.has_aux {
                // A bare participle describes the phrase right before it.
                self.candidates(excluded)
                    .map(|(_, m)| m)
                    .rfind(|m| m.last < trigger.first && m.last + 3 >= trigger.first)
            } else if undergoes {
                self.subject_before(trigger.first, excluded)
            } else {
                self.subject_before(trigger.first, &actors_only)
            };
            match subject {
                // « l'armée et les rebelles s'affrontent »: a reciprocal verb's coordinated
                // subject names both sides.
                Some(m) if trigger.flags.reciprocal && self.with_coordinated(m).len() > 1 => {
                    let mut sides = self.with_coordinated(m);
                    sides.sort_by_key(|s| s.first);
                    f.add(Function::Between1, Some(sides[0]));
                    for side in &sides[1..] {
                        f.add(Function::Between2, Some(side));
                    }
                }
                Some(m) => {
                    for m in self.with_coordinated(m) {
                        f.add(Function::Subject, Some(m));
                    }
                }
                // « a lancé une opération pour libérer les otages et avoir tué onze
                // jihadistes »: an active infinitive's subject is its finite verb's.
                None if let Some(subject) = (!undergoes)
                    .then(|| self.governing_auxiliary(trigger))
                    .flatten()
                    .and_then(|j| self.subject_before(j, &actors_only)) =>
                {
                    f.add(Function::Subject, Some(subject));
                }
                None => {
                    f.pronoun = self.pronoun_before(trigger.first);
                    let start = self.clause_verb_start(trigger.first);
                    f.coordinated = shares_subject
                        || start > 0
                            && (matches!(
                                &*self.tokens[start - 1].norm,
                                "et" | "puis" | "de" | "d'" | "a" | "pour"
                            ) || trigger.tenses.has(Tenses::INFINITIVE | Tenses::GERUND));
                }
            }
            let object = self
                .after(trigger, &[None], excluded)
                .filter(|m| !m.phrase || self.phrase_befalls(trigger.kind, m));
            f.add(Function::Object, object);
            f.add(Function::Of, self.of_complement(trigger, excluded));
            f.add(
                Function::With,
                self.after(trigger, &[Some("avec")], excluded),
            );
            return f;
        }
        if let Some((x, y)) = self.between(trigger) {
            f.add(Function::Between1, Some(x));
            f.add(Function::Between2, Some(y));
        }
        // « l'appui de l'aviation russe »: the actor may begin inside the expression.
        let overlapping = self
            .candidates(excluded)
            .map(|(_, m)| m)
            .find(|m| m.first > trigger.first && m.first <= trigger.last && m.last > trigger.last);
        f.add(
            Function::Of,
            self.of_complement(trigger, excluded).or(overlapping),
        );
        f.add(Function::Attributed, self.attributed_to(trigger, excluded));
        f.add(
            Function::With,
            self.after(trigger, &[Some("avec")], excluded),
        );
        let against = self.after(
            trigger,
            &[Some("contre"), Some("sur"), Some("face")],
            excluded,
        );
        f.add(Function::Against, against);
        f.demonym = self.demonym_after(trigger);
        // « ont lancé la bataille »: the light verb's subject, or its pronoun (« ils ont lancé
        // une attaque »).
        if let Some((verb, _)) = self.governor(trigger.first, WordClass::VerbLight) {
            let first = group_first(&self.tokens, verb);
            let subject = self.subject_before(first, &actors_only);
            f.add(Function::LightSubject, subject);
            if subject.is_none() {
                f.pronoun = self.pronoun_before(first);
            }
        }
        f.add(Function::Aimed, self.aimed_at(trigger, excluded));
        f.add(Function::Undergoer, self.undergoer(trigger, excluded));
        f.add(Function::Including, self.including(trigger, excluded));
        f.add(Function::Among, self.among(trigger, excluded));
        f
    }

    /// « 14 morts dans les rangs des rebelles », « huit morts parmi les civils »: the phrase
    /// after « parmi » or « dans les rangs de » in the trigger's clause.
    fn among(&self, trigger: &Trigger, excluded: &[usize]) -> Option<&ActorMention> {
        let tokens = &self.tokens;
        let end = self.clause_end(trigger);
        self.candidates(excluded).map(|(_, m)| m).find(|m| {
            let before = word_before(tokens, m).map(|t| &*t.norm);
            m.first > trigger.last
                && m.first < end
                && (before == Some("parmi")
                    || m.first >= 1
                        && matches!(&*tokens[m.first].norm, "des" | "du")
                        && tokens[m.first - 1].norm == "rangs"
                    || m.first >= 2
                        && matches!(&*tokens[m.first - 1].norm, "de" | "d'")
                        && tokens[m.first - 2].norm == "rangs")
        })
    }

    /// The « de » complement after a trigger.
    fn of_complement(&self, trigger: &Trigger, excluded: &[usize]) -> Option<&ActorMention> {
        self.after(
            trigger,
            &[Some("de"), Some("d'"), Some("du"), Some("des")],
            excluded,
        )
    }

    /// The roles of a trigger: its grammatical functions read through the rules of
    /// `data/roles.tsv`.
    fn roles(&self, trigger: &Trigger, excluded: &[usize]) -> Roles<'_> {
        let f = self.functions(trigger, excluded);
        let mut roles = Roles {
            agent: Vec::new(),
            target: Vec::new(),
            pronoun: f.pronoun,
            coordinated: f.coordinated,
            demonym: None,
            caused: f
                .filled
                .iter()
                .any(|(function, m)| *function == Function::By && m.phrase),
            mutual: f
                .filled
                .iter()
                .any(|(function, _)| *function == Function::Between1),
        };
        let armed = |m: &ActorMention| m.kind.is_some_and(ActorKind::bears_arms);
        for rule in rules::rules()
            .iter()
            .filter(|r| r.applies(f.form, trigger.kind))
        {
            let filled = match rule.role {
                Role::Agent => !roles.agent.is_empty() || roles.demonym.is_some(),
                Role::Target => !roles.target.is_empty(),
            };
            if filled && !rule.adds {
                continue;
            }
            if rule.function == Function::Demonym {
                if rule.role == Role::Agent {
                    roles.demonym = roles.demonym.or(f.demonym);
                }
                continue;
            }
            let taken: Vec<&ActorMention> = f
                .filled
                .iter()
                .filter(|(function, _)| *function == rule.function)
                .map(|&(_, m)| m)
                .filter(|m| {
                    let used = roles.agent.iter().chain(&roles.target).any(|u| u == m);
                    let fits = match rule.role {
                        // « des hommes armés », « ses alliés »: people may act, things never.
                        Role::Agent => !m.phrase || !m.name && self.names_people(m),
                        Role::Target => !m.phrase || self.phrase_befalls(trigger.kind, m),
                    };
                    let holds = match rule.condition {
                        Condition::Any => true,
                        Condition::Armed => armed(m),
                        Condition::Unarmed => !armed(m),
                    };
                    !used && fits && holds
                })
                .collect();
            match rule.role {
                Role::Agent => roles.agent.extend(taken),
                Role::Target => roles.target.extend(taken),
            }
        }
        roles
    }

    /// Whether a mention is counted in thousands (« des milliers de Kurdes », « 30 000
    /// Syriens »): a crowd that flees is people, not an army withdrawing.
    fn crowd(&self, m: &ActorMention) -> bool {
        self.counts
            .iter()
            .any(|c| c.value >= CROWD && c.head.is_some_and(|h| m.first <= h && h <= m.last))
    }

    /// Whether a phrase names people (« plusieurs personnes », « ses alliés », « Alexandre
    /// Zakharchenko »).
    fn names_people(&self, m: &ActorMention) -> bool {
        m.name
            || self.has_word(m, WordClass::PersonNoun)
            // « une dizaine », « des centaines »: a quantity alone counts people.
            || m.phrase && m.last == m.first + 1 && self.tokens[m.last].is(WordClass::Quantity)
    }

    /// Whether a word of the mention belongs to `class`.
    fn has_word(&self, m: &ActorMention, class: WordClass) -> bool {
        self.tokens[m.first..=m.last].iter().any(|t| t.is(class))
    }

    /// Whether a phrase that names no actor may be what an event of `kind` befalls: the thing
    /// hit or destroyed, or the people killed, hurt or taken; never the ground a capture or an
    /// advance gains, which is its place.
    fn phrase_befalls(&self, kind: EventType, m: &ActorMention) -> bool {
        match kind {
            EventType::Attack
            | EventType::AirStrike
            | EventType::Shelling
            | EventType::Bombing
            | EventType::Destruction
            // « ont encerclé l'usine », « neutralisé des mines »: what is besieged or cleared.
            | EventType::Advance
            | EventType::Demining => !m.name,
            EventType::Killing
            | EventType::Injury
            | EventType::Abduction
            | EventType::Arrest
            | EventType::Displacement => self.names_people(m),
            _ => false,
        }
    }

    /// With a known agent and no target, the other side named in the sentence (« ont rétabli la
    /// sécurité … après avoir éliminé les terroristes de Daech »): the nearest actor after the
    /// trigger, else before it, whose kind is opposed to the agent's.
    fn other_side(
        &self,
        trigger: &Trigger,
        agent: &[ActorRef],
        memory: &Memory,
        excluded: &[usize],
    ) -> Option<ActorRef> {
        // The kind of a side: its canonical actor's, or its mention's (« des Kurdes »).
        let agent_kind = agent.iter().find_map(|a| {
            a.actor
                .as_deref()
                .and_then(lookup_actor)
                .map(|x| x.kind)
                .or_else(|| {
                    self.actors
                        .iter()
                        .find(|m| m.start == a.start && m.end == a.end)
                        .and_then(|m| m.kind)
                })
        })?;
        let against = |m: &&ActorMention| {
            let r = self.actor_ref(m, memory);
            let kind = r
                .actor
                .as_deref()
                .and_then(lookup_actor)
                .map(|a| a.kind)
                .or(m.kind);
            kind.is_some_and(|k| opposed(agent_kind, k)).then_some(r)
        };
        // « selon le ministère de la Santé du Hamas »: from « selon » to the next comma is who
        // says so.
        let tokens = &self.tokens;
        let said = |m: &&ActorMention| {
            (0..m.first)
                .rev()
                .take_while(|&j| tokens[j].norm != ",")
                .any(|j| tokens[j].is(WordClass::ReportNoun))
        };
        // « les rebelles, appuyés par des drones, », « aux côtés de l'armée »: an ally.
        let ally = |m: &&ActorMention| {
            m.first >= 2
                && (tokens[m.first - 1].norm == "par"
                    && tokens[m.first - 2].verb(WordClass::VerbSupport).is_some()
                    || matches!(&*tokens[m.first - 1].norm, "de" | "d'")
                        && tokens[m.first - 2].norm == "cotes")
        };
        let candidates: Vec<&ActorMention> = self
            .candidates(excluded)
            .map(|(_, m)| m)
            .filter(|m| !said(m) && !ally(m))
            .collect();
        let after = candidates
            .iter()
            .filter(|m| m.first > trigger.last)
            .find_map(against);
        after.or_else(|| {
            candidates
                .iter()
                .rev()
                .filter(|m| m.last < trigger.first)
                .find_map(against)
        })
    }

    /// Who undergoes a noun trigger governed by « cible de », « confronté à », « subir »: the
    /// subject before that word, or, when it opens the clause, the subject after the comma.
    fn undergoer(&self, trigger: &Trigger, excluded: &[usize]) -> Option<&ActorMention> {
        let tokens = &self.tokens;
        let at = (trigger.first.saturating_sub(GOVERNOR_WINDOW)..trigger.first)
            .rev()
            .find(|&j| {
                tokens[j].is(WordClass::Undergo) || tokens[j].verb(WordClass::VerbUndergo).is_some()
            })?;
        let opens = at == 0 || tokens[at - 1].norm == ",";
        if opens {
            let comma = (trigger.last + 1..tokens.len()).find(|&j| tokens[j].norm == ",")?;
            self.candidates(excluded)
                .map(|(_, m)| m)
                .find(|m| m.first > comma && m.first <= comma + 3 && !prepositional(tokens, m))
        } else {
            self.subject_before(group_first(tokens, at), excluded)
        }
    }

    /// « attribuée à X », « imputé à X », « ont attribué l'attentat à X »: the actor a noun
    /// trigger is attributed to.
    fn attributed_to(&self, trigger: &Trigger, excluded: &[usize]) -> Option<&ActorMention> {
        let attributes = |j: usize| {
            self.tokens
                .get(j)
                .is_some_and(|t| t.verb(WordClass::VerbAttribute).is_some())
        };
        // « une attaque attribuée à X », or the event as the verb's object: « ont attribué cet
        // attentat aux islamistes ».
        let after = attributes(trigger.last + 1);
        let before = (trigger.first.saturating_sub(3)..trigger.first).any(attributes);
        if !after && !before {
            return None;
        }
        let from = trigger.last + 1 + usize::from(after);
        self.candidates(excluded).map(|(_, m)| m).find(|m| {
            m.first >= from
                && m.first <= from + 2
                && matches!(
                    preposition_before(&self.tokens, m),
                    Some("a" | "au" | "aux")
                )
        })
    }

    /// The object of a verb of aiming (« viser », « frapper ») whose subject is a noun trigger.
    fn aimed_at(&self, trigger: &Trigger, excluded: &[usize]) -> Option<&ActorMention> {
        let tokens = &self.tokens;
        let verb = (trigger.last + 1..tokens.len().min(trigger.last + 5))
            .take_while(|&j| !Boundary::ends_clause(&tokens[j]) && tokens[j].norm != ",")
            .find(|&j| tokens[j].verb(WordClass::VerbAim).is_some())?;
        self.candidates(excluded)
            .map(|(_, m)| m)
            .find(|m| m.first > verb && m.first <= verb + 2)
    }

    /// The sentence's source: who says so, and which mentions it uses.
    fn source(&self, memory: &Memory) -> (Option<ActorRef>, Vec<usize>) {
        let tokens = &self.tokens;
        for (j, token) in tokens.iter().enumerate() {
            // « fait état de »: a reporting phrase on « faire ».
            let fait_etat = token.norm == "etat"
                && j > 0
                && matches!(
                    &*tokens[j - 1].norm,
                    "fait" | "font" | "faisait" | "faisaient"
                );
            // « quatre hommes accusés de » : a bare participle describes, it reports nothing.
            // « a-t-elle ajouté »: an auxiliary with its subject pronoun after it.
            let inverted_pronoun = if j > 0 && is_inverted_pronoun(&tokens[j - 1]) {
                Some(j - 1)
            } else {
                is_inverted_pronoun(token).then_some(j)
            };
            let after_auxiliary = j > 0
                && (tokens[j - 1].is(WordClass::AuxAvoir)
                    || tokens[j - 1].is(WordClass::AuxEtre)
                    || inverted_pronoun == Some(j - 1));
            let raw = token.text(self.text);
            let reporting_verb = fait_etat
                || token.verb(WordClass::VerbReport).is_some_and(|t| {
                    (!t.has(Tenses::INFINITIVE) || t.has(Tenses::FINITE))
                        && (!looks_participle(raw, t) || after_auxiliary)
                });
            let reporting_noun = token.is(WordClass::ReportNoun) && token.norm != "source";
            if !reporting_verb && !reporting_noun {
                continue;
            }
            // « », a-t-elle ajouté »: who was last quoted goes on; « a-t-on appris de sources
            // sécuritaires »: sources not named.
            if let Some(p) = inverted_pronoun.filter(|_| reporting_verb) {
                let source = if tokens[p].norm.ends_with("-on") {
                    self.anonymous_source(j, memory)
                } else {
                    memory.last_source.clone()
                };
                return (source, Vec::new());
            }
            // After the verb when it follows what it reports (« », a rapporté l'agence Sana »),
            // skipping who was told (« à l'AFP »); else its subject.
            let first = group_first(tokens, if fait_etat { j - 1 } else { j });
            // « affirment avoir tué », « a annoncé que »: the verb governs what follows.
            let governs = tokens.get(j + 1).is_some_and(|t| {
                matches!(&*t.norm, "que" | "qu'" | "avoir" | "etre" | "de" | "d'")
            });
            let inverted = reporting_noun
                || !governs
                    && (first == 0 || matches!(&*tokens[first - 1].norm, "," | "»" | "\"" | "”"));
            let reach = if reporting_noun { 4 } else { OBJECT_WINDOW + 4 };
            let after = inverted
                .then(|| {
                    // « Selon un communiqué, la coalition… »: who says so ends at the comma.
                    let comma = (j + 1..tokens.len())
                        .find(|&k| tokens[k].norm == ",")
                        .unwrap_or(tokens.len());
                    self.actors.iter().enumerate().find(|(_, m)| {
                        // « a indiqué un responsable local »: people speak too.
                        (!m.phrase || self.names_people(m))
                            && m.first > j
                            && m.first <= j + reach
                            && (!reporting_noun || m.first < comma)
                            && !matches!(preposition_before(tokens, m), Some("a" | "au" | "aux"))
                            // « signalait une avancée de l'armée »: an event told in between
                            // is what is reported, and its complement no source.
                            && !self.triggers.iter().any(|t| t.first > j && t.first < m.first)
                    })
                })
                .flatten();
            let before = (reporting_verb && !inverted)
                .then(|| {
                    self.actors
                        .iter()
                        .enumerate()
                        .rfind(|(_, m)| !m.phrase && m.last < first && !prepositional(tokens, m))
                })
                .flatten();
            if let Some((k, m)) = after.or(before) {
                return (Some(self.actor_ref(m, memory)), vec![k]);
            }
            if let Some(anonymous) = self.anonymous_source(j, memory) {
                return (Some(anonymous), Vec::new());
            }
            if reporting_noun && let Some(phrase) = self.phrase_after(j) {
                // « selon un média russe »: who says so, though no actor we know.
                return (Some(phrase), Vec::new());
            }
        }
        (None, Vec::new())
    }

    /// « une source militaire », « la même source »: an unnamed source, or the last one named.
    /// The noun phrase right after token `at`, up to punctuation or a verb (five words at most).
    fn phrase_after(&self, at: usize) -> Option<ActorRef> {
        let tokens = &self.tokens;
        let words = tokens[at + 1..]
            .iter()
            .take(5)
            .take_while(|t| {
                t.is_word()
                    && !t.is(WordClass::AuxAvoir)
                    && !t.is(WordClass::AuxEtre)
                    && t.lex.is_none_or(|e| !e.is_verb())
            })
            .count();
        (words >= 2).then(|| self.span_ref(tokens[at + 1].start, tokens[at + words].end, None))
    }

    fn anonymous_source(&self, from: usize, memory: &Memory) -> Option<ActorRef> {
        let tokens = &self.tokens;
        // « a indiqué à l'AFP une source sécuritaire »: past who was told.
        let told = tokens
            .get(from + 1)
            .filter(|t| t.is_preposition_a(self.text))
            .map_or(0, |_| {
                let article = tokens.get(from + 2).is_some_and(|t| t.norm == "l'");
                2 + usize::from(article)
            });
        let at = (from + 1..tokens.len().min(from + 5 + told))
            .find(|&j| matches!(&*tokens[j].norm, "source" | "sources"))?;
        if at > 0 && tokens[at - 1].norm == "meme" {
            return memory.last_source.clone();
        }
        let first = if at > 0 && !tokens[at - 1].is(WordClass::Preposition) {
            at - 1
        } else {
            at
        };
        let last = if at + 1 < tokens.len()
            && tokens[at + 1].is_word()
            && !tokens[at + 1].is(WordClass::Preposition)
        {
            at + 1
        } else {
            at
        };
        Some(self.span_ref(tokens[first].start, tokens[last].end, None))
    }

    fn span_ref(&self, start: usize, end: usize, actor: Option<&'static Actor>) -> ActorRef {
        ActorRef {
            text: self.text[start..end].to_string(),
            start,
            end,
            actor: actor.map(|a| a.id.to_string()),
            name: actor.map(|a| a.label_fr.to_string()),
        }
    }

    /// A mention as a record, a generic one resolved by an actor of its kind named before it in
    /// the sentence (« Moscou a affirmé avoir achevé le retrait de 30.000 soldats »), else by
    /// the article's memory.
    fn actor_ref(&self, m: &ActorMention, memory: &Memory) -> ActorRef {
        let here = || {
            let kind = m.kind?;
            self.actors
                .iter()
                .filter(|o| o.last < m.first)
                .filter_map(|o| o.actor)
                .rfind(|a| {
                    same_family(a.kind, kind) && (m.country.is_none() || a.country == m.country)
                })
        };
        // « En Irak, les forces armées progressent »: the state of the country the sentence names.
        let national = || {
            let country = self
                .places
                .iter()
                .filter_map(|p| p.place)
                .find(|p| p.kind == PlaceKind::Country)?
                .country;
            (m.kind == Some(ActorKind::StateForces) && m.country.is_none())
                .then(|| state_forces_of(country))
                .flatten()
        };
        let actor = m
            .actor
            .or_else(|| {
                if m.generic {
                    here().or_else(national)
                } else {
                    None
                }
            })
            .or_else(|| memory.resolve(m));
        self.span_ref(m.start, m.end, actor)
    }

    fn place_ref(&self, p: &PlaceMention) -> PlaceRef {
        place_ref(self.text, p.start, p.end, p)
    }

    /// The event's place: the nearest after the trigger, or before it.
    fn location(&self, trigger: &Trigger) -> Option<&PlaceMention> {
        let part_named = self.places.iter().any(|p| p.part_of_country);
        self.places
            .iter()
            .filter(|p| !self.on_route(p))
            .min_by_key(|p| {
                let distance = if p.first > trigger.last {
                    (p.first - trigger.last) * 2
                } else {
                    trigger.first.saturating_sub(p.last) * 3
                };
                // A country, a river or a desert says less than a town or a province; a part
                // of the country by its direction less than any other place but the country.
                distance
                    + match p.place.map(|pl| pl.kind) {
                        _ if p.part_of_country => 3 * BROAD_PLACE_COST,
                        Some(PlaceKind::Country) if part_named => 4 * BROAD_PLACE_COST,
                        Some(PlaceKind::Country) => BROAD_PLACE_COST,
                        Some(PlaceKind::River | PlaceKind::Desert) => BROAD_PLACE_COST / 2,
                        _ => 0,
                    }
            })
    }

    /// Whether a place is an end of a route (« un minibus allant de Palma à Pemba »): where
    /// people travel from or to, not where the event happened.
    fn on_route(&self, p: &PlaceMention) -> bool {
        let tokens = &self.tokens;
        // « de X à Y », X and Y capitalised words, either of them a place we know, after a
        // verb of travel or a noun of a route.
        let travel = |de: usize| {
            tokens[de.saturating_sub(ROUTE_REACH)..de]
                .iter()
                .any(|t| t.verb(WordClass::VerbTravel).is_some() || t.is(WordClass::RouteNoun))
        };
        let de = |j: usize| matches!(&*tokens[j].norm, "de" | "d'") && travel(j);
        let from = p.first > 0
            && de(p.first - 1)
            && tokens
                .get(p.last + 1)
                .is_some_and(|t| t.is_preposition_a(self.text))
            && tokens.get(p.last + 2).is_some_and(|t| t.capitalized);
        let to = p.first >= 3
            && tokens[p.first - 1].is_preposition_a(self.text)
            && tokens[p.first - 2].capitalized
            && (de(p.first - 3)
                || self
                    .places
                    .iter()
                    .any(|o| o.last + 1 == p.first - 1 && o.first > 0 && de(o.first - 1)));
        from || to
    }

    /// A settlement noun right after the trigger (« d'une ville symbolique ») with no name of
    /// its own.
    fn unnamed_settlement(&self, trigger: &Trigger) -> Option<usize> {
        let tokens = &self.tokens;
        // Past the object and its acronym (« le groupe Etat islamique (EI) d'une ville »).
        (trigger.last + 1..tokens.len().min(trigger.last + 1 + 2 * OBJECT_WINDOW))
            .take_while(|&j| !matches!(&*tokens[j].norm, ";" | ":" | "«" | "»" | "," | "."))
            .find(|&j| tokens[j].is(WordClass::Settlement))
            .filter(|&j| !self.places.iter().any(|p| p.first > j && p.first <= j + 2))
    }

    /// Whether another trigger that `counts` stands between `trigger` and byte offset `at`.
    fn trigger_between(
        &self,
        trigger: &Trigger,
        at: usize,
        counts: impl Fn(&Trigger) -> bool,
    ) -> bool {
        let (lo, hi) = (at.min(trigger.start), at.max(trigger.start));
        self.triggers
            .iter()
            .any(|o| o.start != trigger.start && o.start > lo && o.end < hi && counts(o))
    }

    /// The time of a trigger: the nearest with no other trigger between them (« a été chassé …
    /// les régions conquises en 2014 »: the year dates the conquest only).
    fn event_time(&self, trigger: &Trigger) -> Option<TimeRef> {
        let tokens = &self.tokens;
        // « ont été tués et quinze autres blessés lundi »: a verb coordinated right after this
        // one shares its time.
        let joined = |o: &Trigger| {
            o.verbal
                && o.first > trigger.last
                && o.first <= trigger.last + COORDINATION_REACH
                && tokens[trigger.last + 1..o.first]
                    .iter()
                    .any(|t| t.norm == "et")
                && !tokens[trigger.last + 1..o.first]
                    .iter()
                    .any(|t| Boundary::ends_phrase(t))
        };
        // « Lundi, deux civils ont été tués par des tirs d'obus »: the cause or circumstance
        // of a verb, right after it, happened when it did.
        let complement_of = |o: &Trigger| {
            !trigger.verbal
                && o.verbal
                && o.last < trigger.first
                && trigger.first <= o.last + COMPLEMENT_REACH
                && tokens[o.last + 1..trigger.first]
                    .iter()
                    .any(|t| matches!(&*t.norm, "par" | "dans" | "lors" | "sous"))
                && !tokens[o.last + 1..trigger.first]
                    .iter()
                    .any(|t| Boundary::ends_phrase(t))
        };
        self.times
            .iter()
            .filter(|t| {
                !self.trigger_between(trigger, t.start, |o| !joined(o) && !complement_of(o))
            })
            .min_by_key(|t| t.start.abs_diff(trigger.start))
            .map(|t| TimeRef {
                text: self.text[t.start..t.end].to_string(),
                start: t.start,
                end: t.end,
                value: t.value.clone(),
            })
    }

    /// The number of people an event befalls, not already taken by an earlier trigger of the
    /// sentence: a count of the trigger's own word first (« 27 blessées »), else the nearest
    /// count of people.
    fn event_count(
        &self,
        kind: EventType,
        trigger: &Trigger,
        targets: &[&ActorMention],
        used: &mut [bool],
    ) -> Option<Count> {
        if !counts_people(kind) {
            return None;
        }
        // « 10 personnes ont été tuées »: the count inside who the event befalls comes first.
        let in_target = |c: &CountMention| {
            targets.iter().any(|m| {
                m.start <= c.start && c.end <= m.end
                    || c.head.is_some_and(|h| m.first <= h && h <= m.last)
            })
        };
        let counted = self
            .counts
            .iter()
            .enumerate()
            .filter(|(k, c)| {
                let head = c.head;
                // « 27 blessées »: a count of another trigger's word is that trigger's.
                let of_other = head.is_some_and(|h| {
                    self.triggers
                        .iter()
                        .any(|o| o.start != trigger.start && o.first <= h && h <= o.last)
                });
                let of_this = head.is_some_and(|h| trigger.first <= h && h <= trigger.last);
                // People: a noun of people, or an actor (« 12 Palestiniens »), not a phrase of
                // things (« 13 cartouches »).
                let people = |h: usize| {
                    self.tokens[h].is(WordClass::PersonNoun)
                        || self.actors.iter().any(|m| {
                            m.first <= h && h <= m.last && (!m.phrase || self.names_people(m))
                        })
                };
                // « ont tué une femme et blessé 19 personnes »: a count past another trigger
                // is that one's.
                let past_other = self.trigger_between(trigger, c.start, |_| true);
                !used[*k]
                    && !of_other
                    && (of_this || in_target(c) || !past_other)
                    && (of_this || head.is_none_or(people))
            })
            .min_by_key(|(_, c)| {
                let of_this = c
                    .head
                    .is_some_and(|h| trigger.first <= h && h <= trigger.last);
                (!of_this, !in_target(c), c.start.abs_diff(trigger.start))
            })
            .map(|(k, c)| {
                used[k] = true;
                Count {
                    text: self.text[c.start..c.end].to_string(),
                    start: c.start,
                    end: c.end,
                    value: c.value,
                    qualifier: c.qualifier,
                }
            });
        // « Un homme a été décapité », « une personne a été blessée », « Alexandre Zakharchenko
        // a été blessé »: one person.
        counted.or_else(|| {
            let [m] = targets else { return None };
            let article = &self.tokens[m.first];
            let (start, end) = if m.name {
                (m.start, m.end)
            } else {
                (article.start, article.end)
            };
            let one = matches!(&*article.norm, "un" | "une") && self.names_people(m) || m.name;
            one.then(|| Count {
                text: self.text[start..end].to_string(),
                start,
                end,
                value: 1,
                qualifier: Qualifier::Exact,
            })
        })
    }

    fn modality(&self, trigger: &Trigger) -> Modality {
        let tokens = &self.tokens;
        let before = &tokens[trigger.first.saturating_sub(GOVERNOR_WINDOW)..trigger.first];
        // Negation: « ne … pas » around the verb group, « ni » or « sans » before it.
        let ne = tokens[trigger.first..trigger.head]
            .iter()
            .any(|t| t.norm == "ne" || t.norm == "n'")
            || trigger.first > 0
                && matches!(
                    &*tokens[trigger.first - 1].norm,
                    "ne" | "n'" | "ni" | "sans"
                );
        let closer = tokens[trigger.first..(trigger.last + 3).min(tokens.len())]
            .iter()
            .any(|t| {
                matches!(
                    &*t.norm,
                    "pas" | "plus" | "jamais" | "guere" | "point" | "aucun" | "aucune"
                )
            })
            // « Aucun civil n'a été tué »: the negative word is in the subject.
            || tokens[trigger.first.saturating_sub(4)..trigger.first]
                .iter()
                .any(|t| matches!(&*t.norm, "aucun" | "aucune" | "nul" | "nulle" | "personne"));
        // « n'ont toujours pas conclu d'accord »: the negative « de » of a negated verb.
        let negative_de = !trigger.verbal
            && trigger.first >= 2
            && matches!(&*tokens[trigger.first - 1].norm, "de" | "d'")
            && {
                let window =
                    &tokens[trigger.first.saturating_sub(NEGATION_REACH)..trigger.first - 1];
                window
                    .iter()
                    .any(|t| matches!(&*t.norm, "pas" | "plus" | "jamais" | "guere" | "point"))
                    && window.iter().any(|t| t.norm == "ne" || t.norm == "n'")
            };
        if ne && (closer || !trigger.verbal)
            || negative_de
            || self
                .governor(trigger.first, WordClass::NegationVerb)
                .is_some()
            || self.foiled(trigger)
        {
            return Modality::Negated;
        }
        // Hypothetical: a « si » clause, a conditional, « pouvoir ».
        let clause_start = (0..trigger.first)
            .rev()
            .find(|&j| tokens[j].norm == ",")
            .map_or(0, |j| j + 1);
        if (clause_start..trigger.first).any(|j| self.opens_condition(j))
            || trigger.verbal && trigger.tenses.has(Tenses::CONDITIONAL)
            || self
                .governor(trigger.first, WordClass::VerbPossible)
                // « le pouvoir » is a noun: only a conjugated « pouvoir » makes it possible.
                .is_some_and(|(_, t)| !t.has(Tenses::INFINITIVE) || t.has(Tenses::FINITE))
            || before
                .iter()
                .any(|t| t.is(WordClass::HypotheticalWord) && t.norm != "si")
        {
            return Modality::Hypothetical;
        }
        // Planned: the future, an intention, « pour » + infinitive.
        let infinitive =
            trigger.verbal && trigger.tenses.has(Tenses::INFINITIVE) && !trigger.has_aux;
        let asserted_governor = self
            .governor(trigger.first, WordClass::VerbAspect)
            .is_some()
            || before
                .iter()
                .rev()
                .take(2)
                .any(|t| t.norm == "avoir" || t.norm == "avant");
        // An intention governs the event directly, not through « que » (« espère que cette
        // destruction permettra »).
        let governs = |class: WordClass| {
            self.governor(trigger.first, class).is_some_and(|(j, _)| {
                !tokens[j..trigger.first]
                    .iter()
                    .any(|t| matches!(&*t.norm, "que" | "qu'"))
            })
        };
        let intent = governs(WordClass::VerbIntent)
            || infinitive && governs(WordClass::VerbIntentInfinitive)
            || before
                .iter()
                .any(|t| t.is(WordClass::IntentWord) || t.norm == "pour");
        if trigger.verbal && trigger.tenses.has(Tenses::FUTURE) && !trigger.has_aux
            || (infinitive || !trigger.verbal) && intent && !asserted_governor
        {
            return Modality::Planned;
        }
        Modality::Asserted
    }
}

impl Sentence<'_> {
    /// Whether token `j` opens a condition: « si » before its subject (« si les rebelles… »,
    /// « s'ils »), not the « si » of degree (« une si grande perte »).
    fn opens_condition(&self, j: usize) -> bool {
        let tokens = &self.tokens;
        let Some(next) = tokens.get(j + 1) else {
            return false;
        };
        match &*tokens[j].norm {
            "si" => {
                next.capitalized
                    || next.kind == TokenKind::Number
                    || next.is(WordClass::Determiner)
                    || next.is(WordClass::Pronoun)
                    || next.norm == "on"
            }
            "s'" => matches!(&*next.norm, "il" | "ils"),
            _ => false,
        }
    }

    /// Whether a noun trigger is said to have been foiled after it (« deux attaques ont été
    /// déjouées », « une attaque … qui a été évitée »): a participle of a verb of failure in
    /// its clause.
    fn foiled(&self, trigger: &Trigger) -> bool {
        let tokens = &self.tokens;
        !trigger.verbal
            && tokens[trigger.last + 1..]
                .iter()
                .take(OBJECT_WINDOW)
                .take_while(|t| t.norm != "," && !Boundary::ends_clause(t))
                .any(|t| {
                    t.verb(WordClass::NegationVerb)
                        .is_some_and(|tenses| tenses.has(Tenses::PARTICIPLE))
                })
    }
}

fn place_ref(text: &str, start: usize, end: usize, p: &PlaceMention) -> PlaceRef {
    PlaceRef {
        text: text[start..end].to_string(),
        start,
        end,
        place: p.place.map(|pl| pl.name.to_string()),
        lat: p.place.map(|pl| pl.lat),
        lon: p.place.map(|pl| pl.lon),
        country: p.place.map(|pl| pl.country.to_string()),
        precision: p.place.map(|pl| pl.kind.precision()),
    }
}

/// The state forces of a country (ISO-2), from the actor lexicon.
fn state_forces_of(country: &str) -> Option<&'static Actor> {
    actors()
        .iter()
        .find(|a| a.kind == ActorKind::StateForces && a.country == Some(country))
}

/// Types with two sides: who acts and whom it is done to.
fn fights(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Capture
            | EventType::Attack
            | EventType::Advance
            | EventType::AirStrike
            | EventType::Shelling
            | EventType::Surrender
    )
}

/// Whether two kinds of actor stand on opposite sides of a war: a state against an armed
/// group, or an armed group against a jihadist one.
fn opposed(a: ActorKind, b: ActorKind) -> bool {
    use ActorKind::*;
    let state = ActorKind::is_state;
    let armed = |k: ActorKind| k.bears_arms() && !k.is_state();
    state(a) && armed(b)
        || armed(a) && state(b)
        || matches!(
            (a, b),
            (ArmedGroup, JihadistGroup) | (JihadistGroup, ArmedGroup)
        )
}

/// Types whose count is of the people the event befalls.
pub fn counts_people(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Killing
            | EventType::Injury
            | EventType::Surrender
            | EventType::Withdrawal
            | EventType::Displacement
            | EventType::Abduction
            | EventType::Arrest
    )
}

/// Whether « se rendre » here means going somewhere rather than surrendering.
fn goes_somewhere(sentence: &Sentence, trigger: &Trigger, mover: Option<&ActorMention>) -> bool {
    let tokens = &sentence.tokens;
    // Within the verb's clause: « se sont rendus, a dit l'agence » goes nowhere.
    let next = (trigger.last + 1..tokens.len().min(trigger.last + 8))
        .take_while(|&j| !Boundary::ends_phrase(&tokens[j]))
        .find(|&j| tokens[j].is(WordClass::Preposition) || tokens[j].is(WordClass::GoPreposition));
    let Some(j) = next else { return false };
    if tokens[j].is(WordClass::GoPreposition) {
        return true;
    }
    if !matches!(&*tokens[j].norm, "a" | "au" | "aux") {
        return false;
    }
    let to_actor = sentence.actors.iter().any(|m| m.first == j + 1);
    let fighters = mover.is_some_and(|m| {
        matches!(
            m.kind,
            Some(ActorKind::JihadistGroup | ActorKind::ArmedGroup | ActorKind::Militia)
        )
    });
    !to_actor && !fighters
}

/// How many people make a crowd rather than a unit of fighters.
const CROWD: u64 = 1000;

/// How many events after the headline make its lead.
const LEAD_EVENTS: usize = 6;

/// A headline tells in a few words what its lead tells in full (« Mali : l'armée frappe Kidal »,
/// then « Des frappes de drones ont visé… »): an event of the one with no agent takes the agent
/// of the first event of its type in the other. Victims are left alone: the headline's « 4
/// morts » are counted, not named.
pub fn headline_from_lead(events: &mut [Event], title: &std::ops::Range<usize>) {
    let split = events
        .iter()
        .take_while(|e| e.sentence.end <= title.end)
        .count();
    let (head, rest) = events.split_at_mut(split);
    let end = rest.len().min(LEAD_EVENTS);
    let lead = &mut rest[..end];
    share_agents(head, lead);
    share_agents(lead, head);
}

/// Gives each event of `to` with no agent the agent of the first event of its type in `from`.
fn share_agents(to: &mut [Event], from: &[Event]) {
    for e in to.iter_mut().filter(|e| e.agent.is_empty()) {
        if let Some(told) = from
            .iter()
            .find(|o| o.kind == e.kind && !o.agent.is_empty())
        {
            e.agent.clone_from(&told.agent);
        }
    }
}

/// Builds the events of one sentence and updates the memory.
pub fn sentence_events(sentences: &[Sentence], k: usize, memory: &mut Memory) -> Vec<Event> {
    let sentence = &sentences[k];
    let tokens = &sentence.tokens;
    let (source, source_mentions) = sentence.source(memory);
    let demining = sentence
        .triggers
        .iter()
        .any(|t| t.kind == EventType::Demining);
    let mut used_counts = vec![false; sentence.counts.len()];
    let mut previous_agent: Vec<ActorRef> = Vec::new();
    let mut events = Vec::new();
    for trigger in &sentence.triggers {
        if trigger.flags.demining_sensitive && demining {
            continue;
        }
        let roles = sentence.roles(trigger, &source_mentions);
        let mut kind = trigger.kind;
        if trigger.flags.weapon_unsaid && memory.guns_only {
            kind = EventType::Shelling;
        }
        let mut agent: Vec<ActorRef> = roles
            .agent
            .iter()
            .map(|m| sentence.actor_ref(m, memory))
            .collect();
        let mut target: Vec<ActorRef> = roles
            .target
            .iter()
            .map(|m| sentence.actor_ref(m, memory))
            .collect();
        let undergoes = trigger.verbal
            && (trigger.passive && kind != EventType::Withdrawal || trigger.flags.inverted);
        if let Some(p) = roles.pronoun {
            // « Il », « elle »: the last subject before, in this sentence or an earlier one.
            let earlier = sentence
                .actors
                .iter()
                .rfind(|m| !m.phrase && m.last < p && !prepositional(tokens, m))
                .and_then(|m| memory.resolve(m));
            // Unresolved (an organisation the lexicon does not know), the pronoun still says
            // who, as the text does.
            let actor = earlier.or(memory.last_subject);
            let personal = matches!(&*tokens[p].norm, "il" | "elle" | "ils" | "elles");
            if actor.is_some() || personal {
                let t = &tokens[p];
                let r = sentence.span_ref(t.start, t.end, actor);
                match (undergoes, target.is_empty(), agent.is_empty()) {
                    (true, true, _) => target.push(r),
                    (false, _, true) => agent.push(r),
                    _ => {}
                }
            }
        }
        if let Some((j, actor)) = roles.demonym {
            let t = &tokens[j];
            agent.push(sentence.span_ref(t.start, t.end, Some(actor)));
        }
        // « L'armée a annoncé avoir repris la ville »: who speaks of their own deed acts.
        if agent.is_empty() && !undergoes && trigger.verbal {
            // « L'armée a affirmé avoir libéré les otages et avoir tué… »: over the infinitives
            // the reporting verb governs.
            let from = sentence
                .governing_auxiliary(trigger)
                .unwrap_or(trigger.first.saturating_sub(4));
            let speaker = source.as_ref().filter(|s| {
                (from..trigger.first).any(|j| {
                    tokens[j].verb(WordClass::VerbReport).is_some() && s.end <= tokens[j].start
                })
            });
            agent.extend(speaker.cloned());
        }
        // Coordinated verbs and infinitives share the subject of the verb before them.
        if agent.is_empty() && !undergoes && roles.coordinated {
            agent.clone_from(&previous_agent);
        }
        // « l'armée a pris la ville après de violents combats contre les rebelles »: the fight
        // that led to a deed was fought by who did it.
        if agent.is_empty() && fights(kind) && sentence.circumstance_of_previous(trigger) {
            agent.clone_from(&previous_agent);
        }
        if target.is_empty() && fights(kind) {
            target.extend(sentence.other_side(trigger, &agent, memory, &source_mentions));
        }
        // « 35 djihadistes ont été tués dans des combats avec les Kurdes »: who killed them is
        // the other side of the fight the sentence tells.
        if agent.is_empty() && matches!(kind, EventType::Killing | EventType::Injury) {
            agent.extend(sentence.other_side(trigger, &target, memory, &source_mentions));
        }
        if trigger.flags.go_sense && goes_somewhere(sentence, trigger, roles.agent.first().copied())
        {
            continue;
        }
        let fighters = |m: &ActorMention| sentence.has_word(m, WordClass::FighterNoun);
        let mover_is_civilian = roles.agent.iter().chain(&roles.target).any(|m| {
            m.kind == Some(ActorKind::Civilians)
                || m.phrase && sentence.names_people(m) && !fighters(m)
                || sentence.crowd(m) && !fighters(m)
        });
        // The displaced undergo the event: who flees (« des civils ont fui »), or who is
        // evacuated (« des civils ont été évacués »: the mover of a withdrawal).
        // « fuir »: people flee unless fighters are named fleeing.
        let mover_is_armed = roles
            .agent
            .iter()
            .chain(&roles.target)
            .any(|m| m.kind.is_some_and(ActorKind::bears_arms) || m.phrase && fighters(m))
            || agent.iter().chain(&target).any(|r| {
                r.actor
                    .as_deref()
                    .and_then(lookup_actor)
                    .is_some_and(|a| a.kind.bears_arms())
            });
        let switched = trigger.flags.civilian_switch
            && (mover_is_civilian || trigger.flags.flight && !mover_is_armed);
        if switched {
            kind = EventType::Displacement;
        }
        if switched || kind == EventType::Displacement && !trigger.passive {
            target.append(&mut agent);
        }
        let location = event_location(sentences, k, trigger, memory);
        if let Some(pi) = sentence.location(trigger).and_then(|p| {
            let town = p.place.is_none_or(|pl| {
                matches!(
                    pl.kind,
                    PlaceKind::City | PlaceKind::District | PlaceKind::Admin
                )
            });
            town.then(|| sentence.places.iter().position(|o| std::ptr::eq(o, p)))
                .flatten()
        }) {
            memory.last_event_town = Some((k, pi));
        }
        // « Fin mars, elle s'était emparée d'une base, tuant dix soldats »: a verb coordinated
        // with the one before, or a participle after it, happened when it did.
        let time = sentence.event_time(trigger).or_else(|| {
            let follows = roles.coordinated || trigger.verbal && trigger.tenses.has(Tenses::GERUND);
            follows
                .then(|| events.last().and_then(|e: &Event| e.time.clone()))
                .flatten()
        });
        let count = sentence.event_count(kind, trigger, &roles.target, &mut used_counts);
        if !roles.caused {
            inherit_sides(
                k,
                sentence.block,
                kind,
                roles.mutual,
                &mut agent,
                &mut target,
                memory,
            );
        }
        if !agent.is_empty() {
            previous_agent.clone_from(&agent);
        }
        events.push(Event {
            kind,
            trigger: Span {
                text: sentence.text[trigger.start..trigger.end].to_string(),
                start: trigger.start,
                end: trigger.end,
            },
            sentence: Range {
                start: sentence.range.start,
                end: sentence.range.end,
            },
            agent,
            target,
            location,
            time,
            // Set with the article's date, once every event is read.
            date: None,
            count,
            source: source.clone(),
            modality: sentence.modality(trigger),
        });
        if let Some(m) = roles.agent.first().or(roles.target.first())
            && let Some(actor) = memory.resolve(m)
        {
            memory.last_subject = Some(actor);
        }
    }
    share_assailant(&mut events);
    remember(sentences, k, memory, source);
    events
}

/// An event's place: the nearest place its sentence names, or the town a « ville » stands for;
/// in a sentence naming none, where its paragraph was, else the article's last town.
fn event_location(
    sentences: &[Sentence],
    k: usize,
    trigger: &Trigger,
    memory: &Memory,
) -> Vec<PlaceRef> {
    let sentence = &sentences[k];
    let tokens = &sentence.tokens;
    let mut location: Vec<PlaceRef> = Vec::new();
    let named = sentence.location(trigger);
    // « une ville de la province de Homs »: a name after « province » is the province.
    let broad = named.is_none_or(|p| {
        let after_admin_noun = p.first >= 2 && tokens[p.first - 2].is(WordClass::AdminNoun);
        after_admin_noun
            || p.place.is_none_or(|pl| {
                matches!(
                    pl.kind,
                    PlaceKind::Country | PlaceKind::Admin | PlaceKind::Region | PlaceKind::Desert
                )
            })
    });
    if broad && let Some(j) = sentence.unnamed_settlement(trigger) {
        let town = memory
            .last_city
            .map(|(si, pi)| place_at(sentences, si, pi))
            .or_else(|| city_ahead(sentences, k));
        if let Some(town) = town {
            let t = &tokens[j];
            location.push(PlaceRef {
                text: sentence.text[t.start..t.end].to_string(),
                start: t.start,
                end: t.end,
                ..town
            });
        }
    }
    location.extend(named.map(|p| sentence.place_ref(p)));
    if location.is_empty() && sentence.places.iter().all(|p| sentence.on_route(p)) {
        // A sentence naming no place goes on in the town of the last event told, else where
        // its paragraph was (« L'une est menée à l'ouest du fleuve … ont conquis le nord-ouest
        // de la province »), else in the last town named: dispatches tell one place at length,
        // whatever towns their sources speak from.
        location.extend(
            memory
                .last_event_town
                .or(memory
                    .last_place
                    .filter(|&(si, _)| sentences[si].block == sentence.block))
                .or(memory.last_city)
                .map(|(si, pi)| place_at(sentences, si, pi)),
        );
    }
    location
}

/// « Quatre obus sont tombés », « 20 personnes ont été tuées »: an act of violence whose
/// clause names no one behind it goes on the side behind the one told just before, in this
/// sentence or the last (or its paragraph), unless that side is what it befalls; and a fight
/// told on keeps its sides: the same assailant fights the same enemy. After a fight between
/// two sides (`mutual`), no one is the assailant of what follows.
fn inherit_sides(
    k: usize,
    block: usize,
    kind: EventType,
    mutual: bool,
    agent: &mut Vec<ActorRef>,
    target: &mut Vec<ActorRef>,
    memory: &mut Memory,
) {
    if violent(kind) {
        let recent = memory
            .last_assailant
            .as_ref()
            .filter(|a| a.sentence + 1 >= k || a.block == block);
        if let Some(last) = recent {
            if agent.is_empty()
                && may_lead(kind, &last.agent)
                && !target.iter().any(|t| same_actor(t, &last.agent))
            {
                agent.push(last.agent.clone());
            }
            if fights(kind) && target.is_empty() && agent.iter().any(|a| same_actor(a, &last.agent))
            {
                target.extend(last.target.clone());
            }
        }
        if mutual {
            memory.last_assailant = None;
        } else if let Some(a) = agent.iter().find(|a| a.actor.is_some()) {
            memory.last_assailant = Some(Assailant {
                sentence: k,
                block,
                agent: a.clone(),
                target: target.iter().find(|t| t.actor.is_some()).cloned(),
            });
        }
    }
}

/// « 15 civils ont été tués dans une attaque de jihadistes »: an act of violence of a sentence
/// that names no one behind it is the deed of whoever leads another act of violence told in
/// the same sentence (the nearest), unless it befalls them.
fn share_assailant(events: &mut [Event]) {
    for k in 0..events.len() {
        if !violent(events[k].kind) || !events[k].agent.is_empty() {
            continue;
        }
        let leader = (0..events.len())
            .filter(|&o| o != k && violent(events[o].kind))
            .filter_map(|o| events[o].agent.first().map(|a| (o, a)))
            .filter(|(_, a)| {
                may_lead(events[k].kind, a) && !events[k].target.iter().any(|t| same_actor(t, a))
            })
            .min_by_key(|(o, _)| o.abs_diff(k))
            .map(|(_, a)| a.clone());
        events[k].agent.extend(leader);
    }
}

/// Whether an actor told elsewhere may lead an event of this kind: air strikes come from
/// states' air forces.
fn may_lead(kind: EventType, agent: &ActorRef) -> bool {
    kind != EventType::AirStrike
        || agent
            .actor
            .as_deref()
            .and_then(lookup_actor)
            .is_some_and(|a| a.kind.is_state())
}

/// Whether two records name the same actor: the same canonical actor, or the same last word
/// (« les rebelles », « dix rebelles »).
fn same_actor(a: &ActorRef, b: &ActorRef) -> bool {
    let head = |r: &ActorRef| r.text.split_whitespace().last().map(fold);
    match (&a.actor, &b.actor) {
        (Some(x), Some(y)) => x == y,
        _ => head(a) == head(b),
    }
}

/// Types of violence done by one side to another.
fn violent(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Attack
            | EventType::AirStrike
            | EventType::Shelling
            | EventType::Bombing
            | EventType::Killing
            | EventType::Injury
            | EventType::Destruction
            | EventType::Abduction
    )
}

/// The record of place `pi` of sentence `si`.
fn place_at(sentences: &[Sentence], si: usize, pi: usize) -> PlaceRef {
    sentences[si].place_ref(&sentences[si].places[pi])
}

fn remember(sentences: &[Sentence], k: usize, memory: &mut Memory, source: Option<ActorRef>) {
    let sentence = &sentences[k];
    for m in &sentence.actors {
        if let Some(actor) = memory.resolve(m) {
            memory.last_by_kind.insert(actor.kind, actor);
            if !prepositional(&sentence.tokens, m) && actor.kind != ActorKind::Source {
                memory.last_subject = Some(actor);
            }
        }
    }
    // A town the gazetteer knows, or one the text introduces (« le village de Xyz »); not the
    // ends of a route.
    let places = &sentence.places;
    let told = |p: &PlaceMention| !sentence.on_route(p);
    if let Some(city) = places
        .iter()
        .rposition(|p| told(p) && p.place.is_none_or(|pl| pl.kind == PlaceKind::City))
    {
        memory.last_city = Some((k, city));
    }
    let specific = |p: &PlaceMention| p.place.is_none_or(|pl| pl.kind != PlaceKind::Country);
    if let Some(place) = places
        .iter()
        .rposition(|p| told(p) && specific(p))
        .or_else(|| places.iter().rposition(told))
    {
        memory.last_place = Some((k, place));
    }
    if source.is_some() {
        memory.last_source = source;
    }
}

/// The first city named in the sentences after `k` (a few at most), for « une ville » told
/// before its name.
fn city_ahead(sentences: &[Sentence], k: usize) -> Option<PlaceRef> {
    sentences
        .iter()
        .skip(k + 1)
        .take(BRIDGE_SENTENCES)
        .find_map(|s| {
            s.places
                .iter()
                .find(|p| p.place.is_some_and(|pl| pl.kind == PlaceKind::City))
                .map(|p| s.place_ref(p))
        })
}
