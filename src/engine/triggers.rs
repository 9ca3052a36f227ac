//! Stage 5: event triggers, the words that express an event (« ont chassé », « la reprise »,
//! « frappes »), from the lexicon `data/triggers.tsv`.
//!
//! Verbs match in every form the morphology data gives them, and a verb's span takes in its
//! auxiliaries and reflexive pronoun (« s'est emparée », « a été chassé »). Ambiguous words are
//! kept only in the context their flag asks for (see the data file's header).

use std::sync::LazyLock;

use super::chunks::{Boundary, clause_start, verb_group};
use super::data::DataError;
use super::fast_hash::FastMap;
use super::lexicon::{Tenses, WordClass, lexicon};
use super::mentions::numbers::is_number_word;
use super::morphology::verb_forms;
use super::record::EventType;
use super::tokens::{Token, TokenKind, is_quote, tokenize};

const TRIGGERS: &str = include_str!("../../data/triggers.tsv");

/// How far apart (in skipped tokens) the words of a multi-word trigger may stand.
const MAX_GAP: usize = 2;
/// How many tokens an incise between commas may hold.
const INCISE: usize = 6;

/// How many tokens a territory object may be from its verb or noun.
const TERRITORY_WINDOW: usize = 8;

/// Context conditions of a lexicon entry (see `data/triggers.tsv`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// Needs a territory in its clause.
    pub territory: bool,
    /// Its subject undergoes the event.
    pub inverted: bool,
    /// Withdrawal or displacement, by who moves.
    pub civilian_switch: bool,
    /// Flight: a displacement unless fighters flee (« fuir »), with flag C.
    pub flight: bool,
    /// Capture with a territory object, arrest otherwise.
    pub arrest_switch: bool,
    /// An explosive object, not an event in a demining sentence.
    pub demining_sensitive: bool,
    /// « se rendre à un lieu » is going there.
    pub go_sense: bool,
    /// Left out beside another trigger of the same type in the sentence.
    pub subsumed: bool,
    /// Reciprocal: a coordinated subject names both sides (« l'armée et les rebelles
    /// s'affrontent »).
    pub reciprocal: bool,
    /// A bombardment whose clause names no weapon, guns nor aircraft: the article tells which.
    pub weapon_unsaid: bool,
}

#[derive(Debug)]
struct Entry {
    /// `None` for an idiom that is no event.
    kind: Option<EventType>,
    verbal: bool,
    reflexive: bool,
    /// The pattern's words after the first.
    rest: Vec<String>,
    flags: Flags,
    air_switch: bool,
    /// A destruction instead when aircraft are named next to it (« abattu un drone »).
    downing_switch: bool,
    /// Shelling instead when guns are named next to it (« bombardé à l'artillerie »).
    artillery_switch: bool,
    /// No event in the passive (« des chiffres ont été avancés »).
    active_only: bool,
    /// An event in the passive only (« ont été détenus », not « détiennent »).
    passive_only: bool,
    /// A noun of people that is an event only when counted (« 5 000 déplacés », not « un camp
    /// de déplacés »).
    counted_only: bool,
    /// An event only after an explosive in its clause (« une mine a explosé »).
    explosive_only: bool,
}

struct TriggerLexicon {
    entries: Vec<Entry>,
    /// First word form → (entry, tenses of that form).
    by_first: FastMap<String, Vec<(usize, Tenses)>>,
    /// Lines that could not be read (left out), for [`check_data`].
    errors: Vec<DataError>,
}

/// The flags a line of `data/triggers.tsv` may carry.
const FLAGS: [&str; 18] = [
    "V", "N", "T", "I", "C", "F", "A", "D", "G", "X", "S", "W", "P", "Q", "K", "R", "E", "Y",
];

/// The lines of `data/triggers.tsv` that cannot be read: an unknown type or flag, a missing
/// column. The tests require none.
pub fn check_data() -> Vec<DataError> {
    trigger_lexicon().errors.clone()
}

fn plural(noun: &str) -> String {
    if noun.ends_with('s') || noun.ends_with('x') || noun.ends_with('z') {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix("al") {
        format!("{stem}aux")
    } else if noun.ends_with("eau") {
        format!("{noun}x")
    } else {
        format!("{noun}s")
    }
}

fn trigger_lexicon() -> &'static TriggerLexicon {
    static LEXICON: LazyLock<TriggerLexicon> = LazyLock::new(|| parse(TRIGGERS));
    &LEXICON
}

/// Reads trigger lines in the format of `data/triggers.tsv`; bad lines are left out and listed.
fn parse(data: &'static str) -> TriggerLexicon {
    let mut lex = TriggerLexicon {
        entries: Vec::new(),
        by_first: FastMap::default(),
        errors: Vec::new(),
    };
    for (index, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let error = |message: String| DataError {
            file: "data/triggers.tsv",
            line: index + 1,
            message,
        };
        let mut cols = line.split('\t');
        let (Some(kind), Some(pattern), flags) = (cols.next(), cols.next(), cols.next()) else {
            lex.errors
                .push(error("expected a type and a pattern".to_string()));
            continue;
        };
        let kind = match kind.trim() {
            "none" => None,
            name => match EventType::parse(name) {
                Some(kind) => Some(kind),
                None => {
                    lex.errors
                        .push(error(format!("unknown event type « {name} »")));
                    continue;
                }
            },
        };
        let flags = flags.unwrap_or("");
        if let Some(bad) = flags.split_whitespace().find(|f| !FLAGS.contains(f)) {
            lex.errors.push(error(format!("unknown flag « {bad} »")));
            continue;
        }
        let has = |f: &str| flags.split_whitespace().any(|x| x == f);
        let mut words: Vec<String> = tokenize(pattern, 0..pattern.len())
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect();
        let reflexive = words.first().is_some_and(|w| w == "se" || w == "s'");
        if reflexive {
            words.remove(0);
        }
        if words.is_empty() {
            continue;
        }
        let first = words.remove(0);
        let verbal = has("V");
        let index = lex.entries.len();
        let forms = if verbal {
            verb_forms(&first)
        } else {
            let noun = Tenses::default();
            vec![(plural(&first), noun), (first, noun)]
        };
        for (form, tenses) in forms {
            let list = lex.by_first.entry(form).or_default();
            match list.iter_mut().find(|(i, _)| *i == index) {
                Some((_, known)) => *known = known.with(tenses),
                None => list.push((index, tenses)),
            }
        }
        lex.entries.push(Entry {
            kind,
            verbal,
            reflexive,
            rest: words,
            flags: Flags {
                territory: has("T"),
                inverted: has("I"),
                civilian_switch: has("C"),
                flight: has("F"),
                arrest_switch: has("A"),
                demining_sensitive: has("D"),
                go_sense: has("G"),
                subsumed: has("S"),
                reciprocal: has("R"),
                weapon_unsaid: false,
            },
            air_switch: has("X"),
            downing_switch: has("W"),
            artillery_switch: has("Y"),
            active_only: has("P"),
            passive_only: has("Q"),
            counted_only: has("K"),
            explosive_only: has("E"),
        });
    }
    lex
}

/// A trigger found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    pub kind: EventType,
    /// Token index of the main word (the verb or the noun).
    pub head: usize,
    /// First token of the span (an auxiliary or reflexive pronoun when there is one).
    pub first: usize,
    /// Last token of the span (the end of a multi-word expression).
    pub last: usize,
    /// Byte offsets of the span.
    pub start: usize,
    pub end: usize,
    /// A verb (else a noun).
    pub verbal: bool,
    /// Tenses of the verb form (empty for nouns).
    pub tenses: Tenses,
    /// Passive: « a été chassé », « Daech délogé de … ».
    pub passive: bool,
    /// Whether an auxiliary is part of the span.
    pub has_aux: bool,
    pub flags: Flags,
}

fn strip_plural(word: &str) -> &str {
    word.strip_suffix('s')
        .or_else(|| word.strip_suffix('x'))
        .unwrap_or(word)
}

/// Matches the rest of a pattern after `head`, over a few filler words (« a repris mardi le
/// contrôle »); returns the last matched token.
fn match_rest(tokens: &[Token], head: usize, rest: &[String]) -> Option<usize> {
    let mut at = head;
    for word in rest {
        let want = strip_plural(word);
        let mut j = at + 1;
        loop {
            let token = tokens.get(j)?;
            if strip_plural(&token.norm) == want {
                break;
            }
            if j > at + MAX_GAP || !token.is(WordClass::Filler) {
                return None;
            }
            j += 1;
        }
        at = j;
    }
    Some(at)
}

/// Whether a noun at `i` continues a capitalised name through « de » or « pour la »
/// (« Front de libération », « Mouvement pour la libération »).
fn names_organisation(tokens: &[Token], i: usize) -> bool {
    let name_before = |j: usize| tokens[j].capitalized && tokens[j].is_word();
    i >= 2
        && (matches!(&*tokens[i - 1].norm, "de" | "d'") && name_before(i - 2)
            || i >= 3
                && matches!(&*tokens[i - 1].norm, "la" | "l'")
                && matches!(&*tokens[i - 2].norm, "pour" | "de")
                && name_before(i - 3))
}

/// How many words before a verb of downing its subject's aircraft may stand (« des drones
/// lancés par la Russie ont été abattus »).
const AIRCRAFT_REACH: usize = 6;

/// How many words before a verb its subject's explosive may stand (« une mine artisanale
/// avait explosé »).
const EXPLOSIVE_REACH: usize = 5;

/// Whether an explosive is named in the clause right before a trigger.
fn explosive_before(tokens: &[Token], trigger: &Trigger) -> bool {
    tokens[trigger.first.saturating_sub(EXPLOSIVE_REACH)..trigger.first]
        .iter()
        .rev()
        .take_while(|t| !Boundary::ends_phrase(t))
        .any(|t| t.is(WordClass::Explosive))
}

/// Whether a territory word or a capitalised name stands in the clause around a trigger, or
/// an object pronoun stands before its verb (« avant de la reprendre »).
fn has_territory(tokens: &[Token], trigger: &Trigger) -> bool {
    let lex = lexicon();
    // A name: a capitalised word that is not the sentence's first nor a function word.
    let sentence_start = tokens.first().map_or(0, |t| t.start);
    let is_ground = |t: &Token| {
        lex.is(WordClass::Territory, strip_plural(&t.norm))
            || t.is(WordClass::Territory)
            || (t.capitalized
                && t.is_word()
                && t.start != sentence_start
                && !t.is(WordClass::Determiner)
                && !t.is(WordClass::Preposition))
    };
    let is_boundary = |t: &&Token| Boundary::ends_phrase(t);
    // A name after « à », « dans », « depuis » is where the event happens, not its object
    // (« les combats ont repris à Mutaho »).
    let after = &tokens[trigger.last + 1..];
    // « La reprise, le 26 novembre, du quartier »: over a short incise between commas.
    let incise = (after.first().map(|t| &*t.norm) == Some(","))
        .then(|| {
            after
                .iter()
                .skip(1)
                .take(INCISE)
                .position(|t| t.norm == ",")
        })
        .flatten()
        .map_or(0, |k| k + 2);
    let after = &after[incise..];
    let right = after
        .iter()
        .enumerate()
        .take(TERRITORY_WINDOW)
        .take_while(|(_, t)| !is_boundary(t))
        .any(|(k, t)| {
            let locative = k > 0
                && matches!(
                    &*after[k - 1].norm,
                    "a" | "au" | "aux" | "dans" | "en" | "depuis" | "vers"
                );
            is_ground(t) && !(locative && t.capitalized)
        });
    let bare_participle = trigger.passive && !trigger.has_aux;
    let object_pronoun = trigger.verbal
        && !bare_participle
        && trigger.first > 0
        && tokens[trigger.first - 1].is(WordClass::ObjectPronoun);
    let left = (trigger.passive || !trigger.verbal)
        && tokens[..trigger.first]
            .iter()
            .rev()
            .take(TERRITORY_WINDOW)
            .take_while(|t| !is_boundary(t))
            .any(is_ground);
    // « avant sa reprise »: a possessive stands for ground named earlier in the sentence.
    let possessive = !trigger.verbal
        && trigger.first > 0
        && matches!(
            &*tokens[trigger.first - 1].norm,
            "sa" | "son" | "ses" | "leur" | "leurs"
        )
        && tokens[..trigger.first - 1].iter().any(is_ground);
    // « Raqqa, qu'ils sont en passe de perdre »: a relative « que » whose antecedent is ground.
    let relative = trigger.verbal
        && tokens[..trigger.first]
            .iter()
            .enumerate()
            .rev()
            .take(TERRITORY_WINDOW)
            .take_while(|(_, t)| !Boundary::ends_phrase(t))
            .find(|(_, t)| matches!(&*t.norm, "que" | "qu'"))
            .is_some_and(|(k, _)| {
                let before = tokens[..k].iter().rev();
                let mut before = before.skip_while(|t| t.norm == ",");
                before.next().is_some_and(is_ground)
            });
    right || object_pronoun || left || possessive || relative
}

/// Whether a raw word reads as a past participle (« chassé », « détruits ») rather than a
/// present form with the same folded spelling (« chasse »).
pub(crate) fn looks_participle(raw: &str, tenses: Tenses) -> bool {
    if !tenses.has(Tenses::PARTICIPLE) {
        return false;
    }
    if !tenses.has(Tenses::FINITE) {
        return true;
    }
    let lower = raw.to_lowercase();
    ["é", "ée", "és", "ées"].iter().any(|e| lower.ends_with(e))
}

/// Whether a word of `class` stands in the five words after token `head`.
fn cue_near(tokens: &[Token], head: usize, class: WordClass) -> bool {
    tokens[head + 1..].iter().take(5).any(|t| t.is(class))
}

/// Finds the triggers of one sentence's tokens, in text order, without overlaps.
pub fn find_triggers(text: &str, tokens: &[Token]) -> Vec<Trigger> {
    let lex = trigger_lexicon();
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let Some(candidates) = (token.is_word())
            .then(|| lex.by_first.get(&*token.norm))
            .flatten()
        else {
            i += 1;
            continue;
        };
        // The longest match: (length, last token, the trigger or none for an idiom).
        let mut best: Option<(usize, usize, Option<Trigger>)> = None;
        for &(index, tenses) in candidates {
            let entry = &lex.entries[index];
            let Some(last) = match_rest(tokens, i, &entry.rest) else {
                continue;
            };
            let length = last - i + usize::from(entry.reflexive);
            let Some(kind) = entry.kind else {
                // An idiom wins ties: « pris au piège » is no capture.
                if best.as_ref().is_none_or(|(l, ..)| length >= *l) {
                    best = Some((length, last, None));
                }
                continue;
            };
            let trigger = if entry.verbal {
                let group = verb_group(tokens, i);
                // « à fuir »: no auxiliary stands before a form that is no participle, so a
                // folded « a » there is « à ».
                let (first, has_aux, etre) = if group.aux && !tenses.has(Tenses::PARTICIPLE) {
                    (i, false, false)
                } else {
                    (group.span_first, group.aux, group.etre)
                };
                if entry.reflexive != group.reflexive {
                    continue;
                }
                let etre_active = token.verb(WordClass::VerbEtreActive).is_some();
                let raw = token.text(text);
                // After an auxiliary, a form that may be a participle is one (« a été
                // détruit », not the present « il détruit »).
                let participle =
                    looks_participle(raw, tenses) || has_aux && tenses.has(Tenses::PARTICIPLE);
                // « a été chassé », or a bare participle after a noun (« Daech délogé de »);
                // never « ont chassé » nor « sont entrés ».
                let passive = !entry.reflexive
                    && participle
                    && (!has_aux || etre && !etre_active && !has_aux_avoir_only(tokens, first, i));
                // « ont incendié des maisons et tué six hommes »: a bare participle after « et »
                // shares the auxiliary of the verb before it.
                let (has_aux, passive) = match shared_auxiliary(tokens, first) {
                    Some(etre) if !has_aux && participle && !entry.reflexive => {
                        (true, etre && !etre_active)
                    }
                    _ => (has_aux, passive),
                };
                let tenses = if has_aux || participle {
                    tenses
                } else {
                    // A folded form shared with a participle reads as finite here.
                    without_participle(tenses)
                };
                Trigger {
                    kind,
                    head: i,
                    first,
                    last,
                    start: tokens[first].start,
                    end: tokens[last].end,
                    verbal: true,
                    tenses,
                    passive,
                    has_aux,
                    flags: entry.flags,
                }
            } else {
                // A noun form right after an auxiliary is a participle (« a frappé »).
                if i > 0
                    && (tokens[i - 1].is(WordClass::AuxAvoir)
                        || tokens[i - 1].is(WordClass::AuxEtre))
                {
                    continue;
                }
                // « l'Armée de libération nationale », « le Mouvement pour la libération »: a
                // word of an organisation's name.
                if names_organisation(tokens, i) {
                    continue;
                }
                // « d'accord », « d'attaque »: an idiom, not an event.
                if i > 0
                    && tokens[i - 1].norm == "d'"
                    && entry.rest.is_empty()
                    && kind == EventType::Agreement
                {
                    continue;
                }
                Trigger {
                    kind,
                    head: i,
                    first: i,
                    last,
                    start: token.start,
                    end: tokens[last].end,
                    verbal: false,
                    tenses: Tenses::default(),
                    passive: false,
                    has_aux: false,
                    flags: entry.flags,
                }
            };
            let mut trigger = trigger;
            if entry.active_only && trigger.passive
                || entry.passive_only && !trigger.passive
                || entry.counted_only && !trigger.verbal && !counted_at(tokens, i)
            {
                continue;
            }
            if trigger.passive
                && !trigger.has_aux
                && !participle_tells_event(tokens, trigger.kind, i, last)
            {
                continue;
            }
            if entry.flags.territory && !has_territory(tokens, &trigger) {
                continue;
            }
            if entry.explosive_only && !explosive_before(tokens, &trigger) {
                continue;
            }
            if entry.flags.arrest_switch && !has_territory(tokens, &trigger) {
                trigger.kind = EventType::Arrest;
            }
            // « a abattu un bombardier », « deux drones ont été abattus ».
            // « 85 des 120 drones lancés par la Russie ont été abattus »: over the subject.
            let aircraft_before = tokens[..trigger.first]
                .iter()
                .rev()
                .take(AIRCRAFT_REACH)
                .take_while(|t| !Boundary::ends_phrase(t))
                .any(|t| t.is(WordClass::AirCue));
            if entry.downing_switch
                && (cue_near(tokens, last, WordClass::AirCue) || aircraft_before)
            {
                trigger.kind = EventType::Destruction;
            }
            if entry.air_switch && cue_near(tokens, last, WordClass::AirCue) {
                trigger.kind = EventType::AirStrike;
            }
            if entry.artillery_switch {
                if cue_near(tokens, last, WordClass::ArtilleryCue) {
                    trigger.kind = EventType::Shelling;
                } else if !cue_near(tokens, last, WordClass::AirCue) && !aircraft_before {
                    trigger.flags.weapon_unsaid = true;
                }
            }
            // After a determiner or a number a word is a noun (« une attaque », « 14 morts »),
            // elsewhere a verb (« attaque », « morts » as participles); a participle sharing an
            // auxiliary is one (« et dix-sept autres blessés »).
            let noun_place = after_determiner(tokens, i);
            let better = best.as_ref().is_none_or(|(l, _, b)| {
                let replaces = match b {
                    Some(b) if b.verbal => !trigger.verbal && noun_place && !b.has_aux,
                    Some(_) => trigger.verbal && (trigger.has_aux || !noun_place),
                    None => false,
                };
                length > *l || length == *l && replaces
            });
            if better {
                best = Some((length, last, Some(trigger)));
            }
        }
        match best {
            Some((_, last, trigger)) => {
                i = last + 1;
                found.extend(trigger);
            }
            None => i += 1,
        }
    }
    let plain: Vec<EventType> = found
        .iter()
        .filter(|t| !t.flags.subsumed)
        .map(|t| t.kind)
        .collect();
    found.retain(|t| !t.flags.subsumed || !plain.contains(&t.kind));
    found
}

/// Whether token `i` stands where a noun does: after a determiner or a number, after an
/// adjective that follows one (« une importante avancée », « deux autres attaques »), or
/// opening a title.
fn after_determiner(tokens: &[Token], i: usize) -> bool {
    let opens = |k: usize| {
        tokens[k].kind == TokenKind::Number
            || tokens[k].is(WordClass::Determiner)
            || is_number_word(tokens, k)
    };
    // A word no closed class claims but as a quantity (« autres »); not a noun of people,
    // which a participle describes (« sept civils blessés »).
    let adjective = |k: usize| {
        let t = &tokens[k];
        t.is_word()
            && !t.capitalized
            && (!t.is(WordClass::PersonNoun) || matches!(&*t.norm, "autre" | "autres"))
            && t.lex.is_none_or(|e| {
                !e.is_verb()
                    && [
                        WordClass::Preposition,
                        WordClass::AuxAvoir,
                        WordClass::AuxEtre,
                        WordClass::Pronoun,
                        WordClass::Relative,
                        WordClass::Negation,
                        WordClass::ObjectPronoun,
                    ]
                    .into_iter()
                    .all(|c| !e.is(c))
            })
    };
    // « Somalie : Attaque revendiquée… »: a capitalised word opening a title or a sentence.
    let opening =
        tokens[i].capitalized && (i == 0 || matches!(&*tokens[i - 1].norm, ":" | "-" | "«" | "\""));
    opening || i > 0 && (opens(i - 1) || i > 1 && adjective(i - 1) && opens(i - 2))
}

/// Whether the word at `i` is counted: after a number (« 5 000 déplacés ») or a quantity and
/// « de » (« des milliers de déplacés »).
fn counted_at(tokens: &[Token], i: usize) -> bool {
    let number = |k: usize| tokens[k].kind == TokenKind::Number || is_number_word(tokens, k);
    i > 0 && number(i - 1)
        || i > 1
            && matches!(&*tokens[i - 1].norm, "de" | "d'")
            && (tokens[i - 2].is(WordClass::Quantity) || number(i - 2))
}

/// Whether a bare participle goes on as an event does (« délogé de », « détruits par », « 27
/// blessées »), rather than describing a state (« les monuments détruits ou endommagés »).
fn participle_tells_event(tokens: &[Token], kind: EventType, first: usize, last: usize) -> bool {
    // « 27 blessées », « Trois civils tués dans… », « plusieurs soldats tués »: being killed,
    // hurt or taken, said of people counted or named just before, is an event (being
    // « déplacées » is a state).
    let befalls = matches!(
        kind,
        EventType::Killing | EventType::Injury | EventType::Abduction | EventType::Arrest
    );
    let counted = first > 0
        && (tokens[first - 1].kind == TokenKind::Number
            || befalls && tokens[first - 1].is(WordClass::PersonNoun));
    // « les déplacés du camp », « un camp de déplacés »: after an article or a bare « de », a
    // participle is a noun, which the trigger lexicon reads on its own.
    let noun = first > 0
        && (tokens[first - 1].is(WordClass::Determiner)
            && !matches!(&*tokens[first - 1].norm, "de" | "d'")
            || matches!(&*tokens[first - 1].norm, "de" | "d'") && !counted_at(tokens, first));
    counted
        || !noun
            && tokens[last + 1..]
                .iter()
                .find(|t| !t.is(WordClass::Adverb) && !is_quote(&t.norm))
                .is_some_and(|t| {
                    t.is(WordClass::ParticipleComplement)
                        || befalls && t.is(WordClass::PeopleParticipleComplement)
                })
}

fn without_participle(tenses: Tenses) -> Tenses {
    if tenses.has(Tenses::FINITE) {
        Tenses::FINITE
    } else {
        tenses
    }
}

/// The auxiliary a bare participle after « et » shares with the compound verb before it, in
/// the same clause: `Some(true)` for « être », `Some(false)` for « avoir ».
///
/// A new subject of numbers and people may stand between « et » and the participle (« quatre
/// soldats ont été tués et dix-sept autres blessés »): the participle is then passive.
fn shared_auxiliary(tokens: &[Token], first: usize) -> Option<bool> {
    let subject = |k: usize| {
        let t = &tokens[k];
        t.kind == TokenKind::Number || is_number_word(tokens, k) || t.is(WordClass::PersonNoun)
    };
    let gap = (0..first.min(4))
        .take_while(|&n| n == 0 || subject(first - n))
        .find(|&n| first > n && matches!(&*tokens[first - n - 1].norm, "et" | "puis"))?;
    let conjunction = first - gap - 1;
    let before = &tokens[..conjunction];
    let clause = clause_start(tokens, conjunction);
    // The nearest auxiliary followed by a participle-looking word (not « a » + noun).
    let aux = (clause..before.len().saturating_sub(1))
        .rev()
        .find(|&k| tokens[k].is(WordClass::AuxAvoir) || tokens[k].is(WordClass::AuxEtre))?;
    // With a subject of its own the participle describes it: passive whatever the auxiliary
    // (« avaient perdu la vie et trois civils blessés »).
    let etre = gap > 0 || (aux..before.len()).any(|k| tokens[k].is(WordClass::AuxEtre));
    Some(etre)
}

/// « a été chassé » is passive; « ont chassé » is not: only « être » makes a passive.
fn has_aux_avoir_only(tokens: &[Token], first: usize, head: usize) -> bool {
    let mut auxes = tokens[first..head]
        .iter()
        .filter(|t| t.is(WordClass::AuxAvoir) || t.is(WordClass::AuxEtre))
        .peekable();
    auxes.peek().is_some() && auxes.all(|t| t.is(WordClass::AuxAvoir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_named_by_file_and_line() {
        let lex = parse("# comment\nkilling\ttuer\tV\npillage\tpiller\tV\nkilling\tabattre\tV Z\n");
        let errors: Vec<String> = lex.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "data/triggers.tsv:3: unknown event type « pillage »",
                "data/triggers.tsv:4: unknown flag « Z »"
            ]
        );
        assert_eq!(lex.entries.len(), 1);
    }

    #[test]
    fn every_line_of_the_trigger_file_reads() {
        let errors = check_data();
        assert!(
            errors.is_empty(),
            "{}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }

    fn triggers(text: &str) -> Vec<(EventType, String)> {
        let tokens = tokenize(text, 0..text.len());
        find_triggers(text, &tokens)
            .into_iter()
            .map(|t| (t.kind, text[t.start..t.end].to_string()))
            .collect()
    }

    #[test]
    fn every_verb_lemma_is_in_the_morphology() {
        for (n, line) in TRIGGERS.lines().enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            if line.starts_with('#') || cols.len() < 3 || !cols[2].split(' ').any(|f| f == "V") {
                continue;
            }
            let lemma = cols[1].split(' ').find(|w| *w != "se").unwrap_or_default();
            assert!(
                verb_forms(lemma).len() > 1,
                "data/triggers.tsv:{}: no forms for {lemma:?}",
                n + 1
            );
        }
    }

    #[test]
    fn compound_tenses_keep_their_auxiliary() {
        assert_eq!(
            triggers("Les forces ont chassé samedi le groupe de la ville."),
            [(EventType::Capture, "ont chassé".to_string())]
        );
        assert_eq!(
            triggers("l’armée s’est emparée avant l’aube de collines"),
            [(EventType::Capture, "s’est emparée".to_string())]
        );
    }

    #[test]
    fn passive_is_detected() {
        let text = "Il vient d’être chassé de Raqa par une alliance.";
        let tokens = tokenize(text, 0..text.len());
        let t = &find_triggers(text, &tokens)[0];
        assert_eq!(t.kind, EventType::Capture);
        assert!(t.passive);
        let text = "Les forces ont chassé le groupe.";
        let tokens = tokenize(text, 0..text.len());
        assert!(!find_triggers(text, &tokens)[0].passive);
    }

    #[test]
    fn territory_flag_filters_false_friends() {
        assert!(triggers("un communiqué repris par les médias officiels").is_empty());
        assert!(
            triggers("les combats ont repris dans la nuit")
                .iter()
                .all(|(k, _)| *k != EventType::Capture)
        );
        // A name after « à » is where, not what: the fighting resumed there.
        assert!(
            triggers("les combats qui ont repris à Kidoko se sont intensifiés")
                .iter()
                .all(|(k, _)| *k != EventType::Capture)
        );
        assert_eq!(
            triggers("les troupes veulent reprendre Sokhné")[0].0,
            EventType::Capture
        );
        assert_eq!(triggers("la reprise de la région")[0].0, EventType::Capture);
        assert!(triggers("la reprise des négociations").is_empty());
        assert_eq!(
            triggers("la reprise, le 3 mai, du quartier")[0].0,
            EventType::Capture
        );
        // A relative « que » stands for the ground before it, not for anything else.
        assert_eq!(
            triggers("ils tiennent Manbij, qu'ils risquent de perdre bientôt")[0].0,
            EventType::Capture
        );
        assert!(triggers("ils disent qu'ils risquent de perdre bientôt").is_empty());
    }

    #[test]
    fn a_passive_only_verb_is_no_event_in_the_active() {
        assert_eq!(
            triggers("trois policiers ont été détenus par les rebelles")[0].0,
            EventType::Arrest
        );
        assert!(triggers("les rebelles détiennent trois policiers").is_empty());
    }

    #[test]
    fn the_displaced_are_an_event_only_when_counted() {
        assert!(triggers("un camp de déplacés près de la ville").is_empty());
        assert!(triggers("les déplacés du camp attendent").is_empty());
        for text in ["le camp compte 5 000 déplacés", "des milliers de déplacés"] {
            assert_eq!(triggers(text)[0].0, EventType::Displacement, "{text}");
        }
    }

    #[test]
    fn multi_word_expressions_win_over_their_first_word() {
        assert_eq!(
            triggers("ont repris le contrôle total de la ville")[0],
            (EventType::Capture, "ont repris le contrôle".to_string())
        );
        assert_eq!(triggers("une prise d'otages")[0].0, EventType::Abduction);
        assert_eq!(
            triggers("avant de la prendre d'assaut")[0].0,
            EventType::Attack
        );
    }

    /// The type of the first trigger of each text.
    fn assert_first_kinds(cases: &[(&str, EventType)]) {
        for (text, kind) in cases {
            assert_eq!(triggers(text)[0].0, *kind, "{text}");
        }
    }

    #[test]
    fn context_switches_the_type() {
        assert_first_kinds(&[
            // Aircraft named next to a raid make it an air strike.
            (
                "des raids intenses de l'aviation russe",
                EventType::AirStrike,
            ),
            ("un raid contre un village", EventType::Attack),
            // « capturer » people is an arrest, ground a capture.
            ("la police a capturé trois suspects", EventType::Arrest),
            ("capturant quatre quartiers", EventType::Capture),
        ]);
    }

    #[test]
    fn participle_after_auxiliary_is_not_a_noun_trigger() {
        assert!(
            triggers("un attentat a frappé la ville")
                .iter()
                .all(|(k, _)| *k != EventType::AirStrike)
        );
    }
}
