//! Morphology: every word token's readings (lemma, part of speech, features), so that later
//! stages can tell « tué » (a past participle of « tuer ») from « tue » (a finite form).
//!
//! Known words come from `data/morphology.tsv`, generated from Lexique 3.83 by
//! `scripts/gen_lexicon.py`: lemmas with their inflection classes, expanded into every form
//! once, on first use. A word is looked up in lower case with its accents, then by its folded
//! form (« Etat » finds « état »). Unknown words are guessed: a hyphenated one by its first part
//! (« dit-il », « attentats-suicides »), a capitalised one as a proper noun, others by their
//! ending from `data/morphology_rules.tsv` (« -ées » past participle, « -ement » adverb).
//!
//! Expanding the forms costs some 65 ms and 20 MB natively, once: [`warm_up`] pays it ahead
//! of time. The word lists read only the verbs, through [`verb_forms`], which is cheaper.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use std::hash::Hasher;

use super::data::DataError;
use super::fast_hash::{FastHasher, FastMap, FastSet};
use super::lexicon::Tenses;
use super::tokens::{Token, TokenKind, fold};

const FORMS: &str = include_str!("../../data/morphology.tsv");
const FORMS_FILE: &str = "data/morphology.tsv";
const RULES: &str = include_str!("../../data/morphology_rules.tsv");
const RULES_FILE: &str = "data/morphology_rules.tsv";

/// A guessing rule's ending must leave this many letters before it.
const MIN_STEM: usize = 2;

/// Part of speech, after Lexique's `cgram` column (plus proper nouns, which are guessed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    Noun,
    /// A capitalised word the lexicon does not know, or a capitalised word inside a sentence.
    ProperNoun,
    Verb,
    /// « avoir » and « être » as auxiliaries of a compound tense or of the passive.
    Auxiliary,
    Adjective,
    Adverb,
    Preposition,
    Conjunction,
    DefiniteArticle,
    IndefiniteArticle,
    /// Cardinal and ordinal numeral words (« trois », « vingt »).
    Numeral,
    IndefiniteAdjective,
    PossessiveAdjective,
    DemonstrativeAdjective,
    InterrogativeAdjective,
    PersonalPronoun,
    IndefinitePronoun,
    InterrogativePronoun,
    RelativePronoun,
    DemonstrativePronoun,
    PossessivePronoun,
}

impl Pos {
    /// The one-letter code of the data files (legend in `data/morphology.tsv`).
    fn from_code(code: char) -> Option<Pos> {
        Some(match code {
            'N' => Pos::Noun,
            'V' => Pos::Verb,
            'X' => Pos::Auxiliary,
            'A' => Pos::Adjective,
            'R' => Pos::Adverb,
            'P' => Pos::Preposition,
            'C' => Pos::Conjunction,
            'L' => Pos::DefiniteArticle,
            'U' => Pos::IndefiniteArticle,
            'Q' => Pos::Numeral,
            'K' => Pos::IndefiniteAdjective,
            'H' => Pos::PossessiveAdjective,
            'Y' => Pos::DemonstrativeAdjective,
            'Z' => Pos::InterrogativeAdjective,
            'E' => Pos::PersonalPronoun,
            'I' => Pos::IndefinitePronoun,
            'T' => Pos::InterrogativePronoun,
            'W' => Pos::RelativePronoun,
            'M' => Pos::DemonstrativePronoun,
            'S' => Pos::PossessivePronoun,
            _ => return None,
        })
    }

    /// Whether this is a closed class: articles, prepositions, conjunctions, pronouns and
    /// determiners.
    fn is_closed(self) -> bool {
        !matches!(
            self,
            Pos::Noun | Pos::ProperNoun | Pos::Verb | Pos::Auxiliary | Pos::Adjective | Pos::Adverb
        )
    }

    /// Whether this is a verb, auxiliaries included.
    pub fn is_verb(self) -> bool {
        matches!(self, Pos::Verb | Pos::Auxiliary)
    }
}

/// Inflectional features of a reading, as a bit set: mood, tense, person, number, gender and
/// the non-finite forms. A finite reading holds the union of the cells its form fills
/// (« tue »: indicative, subjunctive and imperative present, 1st to 3rd person singular).
#[derive(Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Features(u32);

/// The features' names, in the order the data files write their codes.
const FEATURE_NAMES: [(Features, &str); 18] = [
    (Features::INFINITIVE, "infinitive"),
    (Features::PAST_PARTICIPLE, "past-participle"),
    (Features::PRESENT_PARTICIPLE, "present-participle"),
    (Features::INDICATIVE, "indicative"),
    (Features::SUBJUNCTIVE, "subjunctive"),
    (Features::CONDITIONAL, "conditional"),
    (Features::IMPERATIVE, "imperative"),
    (Features::PRESENT, "present"),
    (Features::IMPERFECT, "imperfect"),
    (Features::FUTURE, "future"),
    (Features::SIMPLE_PAST, "simple-past"),
    (Features::FIRST, "1"),
    (Features::SECOND, "2"),
    (Features::THIRD, "3"),
    (Features::MASCULINE, "masculine"),
    (Features::FEMININE, "feminine"),
    (Features::SINGULAR, "singular"),
    (Features::PLURAL, "plural"),
];

/// Names the features (« indicative present 3 singular »), so that test failures read well.
impl fmt::Debug for Features {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = FEATURE_NAMES
            .iter()
            .filter(|(feature, _)| self.contains(*feature))
            .map(|(_, name)| *name)
            .collect();
        write!(f, "Features({})", names.join(" "))
    }
}

impl std::ops::BitOr for Features {
    type Output = Features;

    fn bitor(self, other: Features) -> Features {
        Features(self.0 | other.0)
    }
}

impl Features {
    pub const INDICATIVE: Features = Features(1);
    pub const SUBJUNCTIVE: Features = Features(1 << 1);
    pub const CONDITIONAL: Features = Features(1 << 2);
    pub const IMPERATIVE: Features = Features(1 << 3);
    pub const PRESENT: Features = Features(1 << 4);
    pub const IMPERFECT: Features = Features(1 << 5);
    pub const FUTURE: Features = Features(1 << 6);
    pub const SIMPLE_PAST: Features = Features(1 << 7);
    pub const FIRST: Features = Features(1 << 8);
    pub const SECOND: Features = Features(1 << 9);
    pub const THIRD: Features = Features(1 << 10);
    pub const SINGULAR: Features = Features(1 << 11);
    pub const PLURAL: Features = Features(1 << 12);
    pub const MASCULINE: Features = Features(1 << 13);
    pub const FEMININE: Features = Features(1 << 14);
    pub const INFINITIVE: Features = Features(1 << 15);
    pub const PAST_PARTICIPLE: Features = Features(1 << 16);
    pub const PRESENT_PARTICIPLE: Features = Features(1 << 17);

    /// The moods of a finite verb form.
    pub const FINITE: Features = Features(0b1111);

    /// Whether every feature of `other` is in this set.
    pub fn contains(self, other: Features) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any feature of `other` is in this set.
    pub fn intersects(self, other: Features) -> bool {
        self.0 & other.0 != 0
    }

    /// The feature of one character of the data files (legend in `data/morphology.tsv`).
    fn from_code(code: char) -> Option<Features> {
        Some(match code {
            'I' => Features::INDICATIVE,
            'S' => Features::SUBJUNCTIVE,
            'C' => Features::CONDITIONAL,
            'M' => Features::IMPERATIVE,
            'r' => Features::PRESENT,
            'i' => Features::IMPERFECT,
            'u' => Features::FUTURE,
            'a' => Features::SIMPLE_PAST,
            '1' => Features::FIRST,
            '2' => Features::SECOND,
            '3' => Features::THIRD,
            's' => Features::SINGULAR,
            'p' => Features::PLURAL,
            'm' => Features::MASCULINE,
            'f' => Features::FEMININE,
            'W' => Features::INFINITIVE,
            'P' => Features::PAST_PARTICIPLE,
            'G' => Features::PRESENT_PARTICIPLE,
            _ => return None,
        })
    }

    fn parse(codes: &str) -> Result<Features, String> {
        codes.chars().try_fold(Features::default(), |set, c| {
            Features::from_code(c)
                .map(|f| set | f)
                .ok_or_else(|| format!("unknown feature {c:?}"))
        })
    }
}

/// One analysis of a word: its lemma, part of speech and features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The lemma, lower case with its accents (« tuer »); a proper noun's is as written.
    pub lemma: Cow<'static, str>,
    pub pos: Pos,
    pub features: Features,
}

/// Where a token's readings come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The lexicon, by the word in lower case with its accents.
    Lexicon,
    /// The lexicon, by the folded word (« Etat », « ETAT » → « état »).
    Folded,
    /// Guessed: by a hyphenated word's first part, as a proper noun, or by an ending rule.
    Guessed,
    /// Not a word token, or a word nothing could be said of: no readings.
    Unknown,
}

/// A token's readings, likeliest first (by the frequency of their lemma in Lexique).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Morph {
    readings: Vec<Reading>,
    origin: Origin,
}

impl Morph {
    /// Every reading, likeliest first.
    pub fn readings(&self) -> &[Reading] {
        &self.readings
    }

    /// Where the readings come from.
    pub fn origin(&self) -> Origin {
        self.origin
    }

    /// The likeliest reading's lemma, if there is a reading.
    pub fn lemma(&self) -> Option<&str> {
        self.readings.first().map(|r| &*r.lemma)
    }

    /// Whether some reading has this part of speech.
    pub fn can_be(&self, pos: Pos) -> bool {
        self.readings.iter().any(|r| r.pos == pos)
    }

    /// Whether some reading is a verb form (auxiliaries included).
    pub fn is_verb(&self) -> bool {
        self.readings.iter().any(|r| r.pos.is_verb())
    }

    /// Whether some reading is a verb with all of `features`.
    pub fn is_verb_with(&self, features: Features) -> bool {
        self.readings
            .iter()
            .any(|r| r.pos.is_verb() && r.features.contains(features))
    }

    /// Whether some reading is a past participle (« tué », « prise »).
    pub fn is_past_participle(&self) -> bool {
        self.is_verb_with(Features::PAST_PARTICIPLE)
    }

    /// Whether some reading is a present participle (« bombardant »).
    pub fn is_present_participle(&self) -> bool {
        self.is_verb_with(Features::PRESENT_PARTICIPLE)
    }

    /// Whether some reading is an infinitive.
    pub fn is_infinitive(&self) -> bool {
        self.is_verb_with(Features::INFINITIVE)
    }

    /// Whether some reading is a finite verb form (a mood is given).
    pub fn is_finite(&self) -> bool {
        self.readings
            .iter()
            .any(|r| r.pos.is_verb() && r.features.intersects(Features::FINITE))
    }

    /// Whether some reading is a noun, common or proper.
    pub fn is_noun(&self) -> bool {
        self.can_be(Pos::Noun) || self.can_be(Pos::ProperNoun)
    }

    /// Whether some reading is an adjective (not a numeral, possessive... one).
    pub fn is_adjective(&self) -> bool {
        self.can_be(Pos::Adjective)
    }

    /// The readings of a verb lemma, if the token inflects it.
    pub fn verb_readings<'m>(&'m self, lemma: &'m str) -> impl Iterator<Item = &'m Reading> {
        self.readings
            .iter()
            .filter(move |r| r.pos.is_verb() && r.lemma == lemma)
    }
}

/// One reading of the table, compact: the lemma is an index into `Morphology::lemmas`.
#[derive(Debug, Clone, Copy)]
struct Entry {
    lemma: u32,
    pos: Pos,
    band: u8,
    features: Features,
}

/// A form-making instruction: drop `strip` characters of a base word, append `suffix`.
#[derive(Debug, Clone, Copy)]
struct Rewrite {
    strip: usize,
    suffix: &'static str,
}

impl Rewrite {
    /// Parses "N" + suffix (or nothing: keep the base).
    fn parse(code: &'static str) -> Result<Rewrite, String> {
        let digits = code.bytes().take_while(u8::is_ascii_digit).count();
        let strip = match digits {
            0 if code.is_empty() => 0,
            0 => return Err(format!("{code:?} does not start with a number")),
            _ => code[..digits]
                .parse()
                .map_err(|_| format!("bad number in {code:?}"))?,
        };
        Ok(Rewrite {
            strip,
            suffix: &code[digits..],
        })
    }

    /// Writes the rewritten `base` into `out`; false when `base` is too short.
    fn apply(self, base: &str, out: &mut String) -> bool {
        let keep = if self.strip == 0 {
            Some(base.len())
        } else {
            base.char_indices()
                .rev()
                .nth(self.strip - 1)
                .map(|(at, _)| at)
        };
        let Some(keep) = keep else {
            return false;
        };
        out.clear();
        out.push_str(&base[..keep]);
        out.push_str(self.suffix);
        true
    }
}

/// A slot of an inflection class.
#[derive(Debug, Clone, Copy)]
struct Slot {
    form: Rewrite,
    features: Features,
}

/// A reading that a guessing rule gives a word.
#[derive(Debug, Clone, Copy)]
struct Guess {
    pos: Pos,
    lemma: Rewrite,
    features: Features,
}

/// Strings kept in one buffer and found through an open-addressing index of their numbers:
/// some 200,000 forms without an allocation each, which makes start-up and drop cheap.
#[derive(Default)]
struct Strings {
    text: String,
    /// Where each string ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// (string number, its hash's low half) by hash, number `END` for a free slot; never more
    /// than half full. The hash half spares most comparisons of strings, which miss the cache.
    slots: Vec<(u32, u32)>,
}

impl Strings {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start as usize..self.ends[id] as usize]
    }

    fn hash(s: &str) -> u64 {
        let mut hasher = FastHasher::default();
        hasher.write(s.as_bytes());
        hasher.finish()
    }

    /// The slot where the string `s` of hash `hash` is, or the free slot where it would go.
    /// Probing starts at the hash's top bits, which FxHash mixes best.
    fn slot(&self, s: &str, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (hash >> (64 - self.slots.len().trailing_zeros())) as usize;
        while let Some(&(id, tag)) = self.slots.get(at) {
            if id == END || tag == hash as u32 && self.get(id) == s {
                break;
            }
            at = (at + 1) & mask;
        }
        at
    }

    /// The number of `s`, if it is kept.
    fn find(&self, s: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let (id, _) = self.slots[self.slot(s, Self::hash(s))];
        (id != END).then_some(id)
    }

    /// The number of `s`, kept if it was not, and whether it is new.
    fn insert(&mut self, s: &str) -> (u32, bool) {
        if self.slots.len() < 2 * (self.len() + 1) {
            self.grow();
        }
        let hash = Self::hash(s);
        let at = self.slot(s, hash);
        if self.slots[at].0 != END {
            return (self.slots[at].0, false);
        }
        let id = self.len() as u32;
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        self.slots[at] = (id, hash as u32);
        (id, true)
    }

    /// Gives back the buffers' spare capacity once every string is in.
    fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![(END, 0); size];
        for id in 0..self.len() as u32 {
            let hash = Self::hash(self.get(id));
            let at = self.slot(self.get(id), hash);
            self.slots[at] = (id, hash as u32);
        }
    }
}

/// The parsed lexicon and rules.
struct Morphology {
    lemmas: Vec<&'static str>,
    /// Readings; those of one form are chained through `next` (`END` ends a chain).
    entries: Vec<(Entry, u32)>,
    /// Lower-case forms with their accents.
    forms: Strings,
    /// The first entry of each form's chain.
    chains: Vec<u32>,
    /// Folded forms of the forms that folding changes (« etat » for « état »).
    folded: Strings,
    /// The first form of each folded form, and the next form with the same folded form.
    folded_first: Vec<u32>,
    folded_next: Vec<u32>,
    /// Ending → guessed readings.
    rules: FastMap<&'static str, Vec<Guess>>,
    /// The longest ending, in bytes.
    longest_rule: usize,
}

const END: u32 = u32::MAX;

/// The data lines of a file with their 1-based numbers: comments and blank lines left out.
fn data_lines(data: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    data.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Splits "CODE:FEATURES" into its code and parsed features.
fn split_features(field: &'static str) -> Result<(&'static str, Features), String> {
    let (code, features) = field
        .split_once(':')
        .ok_or_else(|| format!("{field:?} has no ':'"))?;
    Ok((code, Features::parse(features)?))
}

/// Splits a leading part-of-speech letter off a field.
fn split_pos(field: &'static str) -> Result<(Pos, &'static str), String> {
    let mut chars = field.chars();
    let code = chars.next().ok_or("empty reading")?;
    let pos = Pos::from_code(code).ok_or_else(|| format!("unknown part of speech {code:?}"))?;
    Ok((pos, chars.as_str()))
}

/// A lemma line of `data/morphology.tsv`: its readings are a range of `FormsFile::readings`.
struct LemmaLine {
    line: usize,
    lemma: &'static str,
    readings: std::ops::Range<usize>,
}

/// `data/morphology.tsv` read: classes and lemma lines, the readings of all lines in one
/// vector (one allocation, not one a line), and the bad lines.
struct FormsFile {
    classes: Vec<Vec<Slot>>,
    lines: Vec<LemmaLine>,
    /// (part of speech, band, class) of each reading.
    readings: Vec<(Pos, u8, usize)>,
    errors: Vec<DataError>,
}

/// Reads `data/morphology.tsv`; bad lines are left out and reported (a bad class stays as an
/// empty one, so that the numbers after it hold).
fn read_forms(data: &'static str) -> FormsFile {
    let mut classes: Vec<Vec<Slot>> = Vec::new();
    let mut lines = Vec::new();
    let mut all_readings = Vec::new();
    let mut errors = Vec::new();
    for (line, text) in data_lines(data) {
        let mut fields = text.split('\t');
        let head = fields.next().unwrap_or_default();
        let parsed = if head == "=" {
            fields
                .map(parse_slot)
                .collect::<Result<Vec<_>, _>>()
                .map(|slots| {
                    classes.push(slots);
                })
        } else {
            let start = all_readings.len();
            let parsed = fields.try_for_each(|field| {
                all_readings.push(parse_reading(field, classes.len())?);
                Ok(())
            });
            match parsed {
                Ok(()) if all_readings.len() > start => {
                    lines.push(LemmaLine {
                        line,
                        lemma: head,
                        readings: start..all_readings.len(),
                    });
                    Ok(())
                }
                Ok(()) => Err(format!("lemma {head:?} has no reading")),
                Err(message) => {
                    all_readings.truncate(start);
                    Err(message)
                }
            }
        };
        if let Err(message) = parsed {
            if head == "=" {
                classes.push(Vec::new());
            }
            errors.push(DataError {
                file: FORMS_FILE,
                line,
                message,
            });
        }
    }
    FormsFile {
        classes,
        lines,
        readings: all_readings,
        errors,
    }
}

/// Parses a lemma's reading "POSclass/band"; `classes` is how many are defined so far.
fn parse_reading(field: &'static str, classes: usize) -> Result<(Pos, u8, usize), String> {
    let (pos, rest) = split_pos(field)?;
    let (class, band) = rest
        .split_once('/')
        .ok_or_else(|| format!("{field:?} has no '/'"))?;
    let class: usize = class
        .parse()
        .map_err(|_| format!("bad class number in {field:?}"))?;
    let band: u8 = band
        .parse()
        .map_err(|_| format!("bad frequency band in {field:?}"))?;
    if class >= classes {
        return Err(format!("class {class} is not defined above"));
    }
    Ok((pos, band, class))
}

impl Morphology {
    /// Parses both data files; bad lines are left out and reported.
    fn parse(forms: &'static str, rules: &'static str) -> (Morphology, Vec<DataError>) {
        let mut morphology = Morphology {
            lemmas: Vec::new(),
            entries: Vec::new(),
            forms: Strings::default(),
            chains: Vec::new(),
            folded: Strings::default(),
            folded_first: Vec::new(),
            folded_next: Vec::new(),
            rules: FastMap::default(),
            longest_rule: 0,
        };
        let FormsFile {
            classes,
            lines,
            readings: all_readings,
            mut errors,
        } = read_forms(forms);
        // Every form cell is an entry: reserving them spares the growth's doubled copies.
        let cells = all_readings
            .iter()
            .map(|&(_, _, class)| classes[class].len())
            .sum();
        morphology.entries.reserve_exact(cells);
        morphology.lemmas.reserve_exact(lines.len());
        let mut form = String::new();
        // The last entry of each form's chain, while entries are appended.
        let mut lasts = Vec::new();
        for LemmaLine {
            line,
            lemma: head,
            readings,
        } in lines
        {
            let lemma = morphology.lemmas.len() as u32;
            morphology.lemmas.push(head);
            for &(pos, band, class) in &all_readings[readings] {
                for slot in &classes[class] {
                    if !slot.form.apply(head, &mut form) {
                        errors.push(DataError {
                            file: FORMS_FILE,
                            line,
                            message: format!("lemma {head:?} is too short for its class"),
                        });
                        continue;
                    }
                    let entry = Entry {
                        lemma,
                        pos,
                        band,
                        features: slot.features,
                    };
                    morphology.insert(&form, entry, &mut lasts);
                }
            }
        }
        morphology.forms.shrink_to_fit();
        morphology.chains.shrink_to_fit();
        morphology.index_folded();
        morphology.folded.shrink_to_fit();
        morphology.folded_first.shrink_to_fit();
        for (line, text) in data_lines(rules) {
            match parse_rule(text) {
                Ok((ending, guesses)) => {
                    morphology.longest_rule = morphology.longest_rule.max(ending.len());
                    if morphology.rules.insert(ending, guesses).is_some() {
                        errors.push(DataError {
                            file: RULES_FILE,
                            line,
                            message: format!("ending {ending:?} given twice"),
                        });
                    }
                }
                Err(message) => errors.push(DataError {
                    file: RULES_FILE,
                    line,
                    message,
                }),
            }
        }
        (morphology, errors)
    }

    /// Appends a reading to a form's chain; `lasts` holds each chain's last entry.
    fn insert(&mut self, form: &str, entry: Entry, lasts: &mut Vec<u32>) {
        let index = self.entries.len() as u32;
        self.entries.push((entry, END));
        let (id, new) = self.forms.insert(form);
        if new {
            self.chains.push(index);
            lasts.push(index);
        } else if let Some(last) = lasts.get_mut(id as usize) {
            let previous = *last as usize;
            self.entries[previous].1 = index;
            *last = index;
        }
    }

    /// Indexes the forms that folding changes (accented ones) by their folded form.
    fn index_folded(&mut self) {
        self.folded_next = vec![END; self.forms.len()];
        for form in 0..self.forms.len() as u32 {
            if let Cow::Owned(folded) = super::tokens::fold_cow(self.forms.get(form)) {
                let (id, new) = self.folded.insert(&folded);
                if new {
                    self.folded_first.push(END);
                }
                let first = &mut self.folded_first[id as usize];
                self.folded_next[form as usize] = *first;
                *first = form;
            }
        }
    }

    /// The first entry of a form's chain, if the form is known.
    fn chain(&self, form: &str) -> Option<u32> {
        let id = self.forms.find(form)?;
        self.chains.get(id as usize).copied()
    }

    /// Appends the readings of a chain, from its first entry, with their lemma's band.
    fn push_chain(&self, first: u32, out: &mut Vec<(u8, Reading)>) {
        let mut at = first;
        while let Some(&(entry, next)) = self.entries.get(at as usize) {
            let lemma = self.lemmas.get(entry.lemma as usize).copied().unwrap_or("");
            let reading = Reading {
                lemma: Cow::Borrowed(lemma),
                pos: entry.pos,
                features: entry.features,
            };
            // A form can be made twice by one lemma (two slots, same features): once is enough.
            if !out.iter().any(|(_, r)| *r == reading) {
                out.push((entry.band, reading));
            }
            at = next;
        }
    }

    /// The lexicon's readings of a word, likeliest first: by its lower-case form, else by its
    /// folded form. A word in capitals is looked up both ways: capitals often drop accents
    /// (« TUES » for « TUÉS »).
    fn known(&self, lower: &str, folded: &str, capitals: bool) -> Option<(Vec<Reading>, Origin)> {
        let mut found = Vec::new();
        if let Some(first) = self.chain(lower) {
            self.push_chain(first, &mut found);
        }
        let origin = if !found.is_empty() && !capitals {
            Origin::Lexicon
        } else {
            let exact = found.len();
            if folded != lower
                && let Some(first) = self.chain(folded)
            {
                self.push_chain(first, &mut found);
            }
            let mut form = self.folded.find(folded).map_or(END, |id| {
                self.folded_first.get(id as usize).copied().unwrap_or(END)
            });
            while let Some(&first) = self.chains.get(form as usize) {
                self.push_chain(first, &mut found);
                form = self.folded_next.get(form as usize).copied().unwrap_or(END);
            }
            if found.len() == exact {
                Origin::Lexicon
            } else {
                Origin::Folded
            }
        };
        if found.is_empty() {
            return None;
        }
        found.sort_by_key(|(band, _)| std::cmp::Reverse(*band));
        Some((found.into_iter().map(|(_, r)| r).collect(), origin))
    }

    /// Readings guessed from the word's ending, the longest ending that fits first.
    fn guess(&self, lower: &str) -> Vec<Reading> {
        let stem_end = lower
            .char_indices()
            .nth(MIN_STEM)
            .map_or(lower.len(), |(at, _)| at);
        let from = lower.len().saturating_sub(self.longest_rule).max(stem_end);
        for (at, _) in lower.char_indices().filter(|&(at, _)| at >= from) {
            let Some(guesses) = self.rules.get(&lower[at..]) else {
                continue;
            };
            return guesses
                .iter()
                .filter_map(|g| {
                    let mut lemma = String::new();
                    g.lemma.apply(lower, &mut lemma).then_some(Reading {
                        lemma: Cow::Owned(lemma),
                        pos: g.pos,
                        features: g.features,
                    })
                })
                .collect();
        }
        Vec::new()
    }
}

/// Parses a slot: "Nsuffix:FEATURES".
fn parse_slot(field: &'static str) -> Result<Slot, String> {
    let (code, features) = split_features(field)?;
    Ok(Slot {
        form: Rewrite::parse(code)?,
        features,
    })
}

/// Parses a rule line: "ending<TAB>reading<TAB>...".
fn parse_rule(text: &'static str) -> Result<(&'static str, Vec<Guess>), String> {
    let mut fields = text.split('\t');
    let ending = fields.next().unwrap_or_default();
    if ending.is_empty() || ending.chars().any(char::is_uppercase) {
        return Err(format!("bad ending {ending:?}"));
    }
    let guesses = fields
        .map(|field| {
            let (pos, rest) = split_pos(field)?;
            let (code, features) = split_features(rest)?;
            Ok(Guess {
                pos,
                lemma: Rewrite::parse(code)?,
                features,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    if guesses.is_empty() {
        return Err(format!("ending {ending:?} has no reading"));
    }
    Ok((ending, guesses))
}

fn morphology() -> &'static Morphology {
    static MORPHOLOGY: LazyLock<Morphology> = LazyLock::new(|| Morphology::parse(FORMS, RULES).0);
    &MORPHOLOGY
}

/// Parses the compiled-in data on first use, so that start-up can be paid ahead of time.
pub fn warm_up() {
    morphology();
}

/// Parses the compiled-in data afresh and returns its bad lines, `file:line` each (none in a
/// sound build: the unit tests check). It costs what start-up costs, and benches measure it.
pub fn check_data() -> Vec<DataError> {
    Morphology::parse(FORMS, RULES).1
}

/// The verbs of `data/morphology.tsv` by folded lemma, for the word lists that name verbs
/// folded (`data/words.tsv`, `data/triggers.tsv`). Built without the full table of forms, so
/// that the tokenizer's word lists do not pay for it.
struct Verbs {
    /// The slots of each class, unparsed: only the few classes asked for are read.
    classes: Vec<&'static str>,
    /// Folded lemma → (lemma, class) of each verb reading.
    by_folded: FastMap<String, Vec<(&'static str, usize)>>,
    /// Folded forms of the words that no verb form may pass for (« du », not « dû »).
    closed: FastSet<String>,
}

impl Verbs {
    /// The slots of a class (bad ones, which the unit tests report, left out).
    fn slots(&self, class: usize) -> impl Iterator<Item = Slot> + use<> {
        let line = self.classes.get(class).copied().unwrap_or_default();
        line.split('\t').filter_map(|field| parse_slot(field).ok())
    }
}

fn verbs() -> &'static Verbs {
    static VERBS: LazyLock<Verbs> = LazyLock::new(|| {
        let mut verbs = Verbs {
            classes: Vec::new(),
            by_folded: FastMap::default(),
            closed: FastSet::default(),
        };
        let mut closed_lemmas = Vec::new();
        for (_, text) in data_lines(FORMS) {
            let Some((head, fields)) = text.split_once('\t') else {
                continue;
            };
            if head == "=" {
                verbs.classes.push(fields);
                continue;
            }
            for field in fields.split('\t') {
                match parse_reading(field, verbs.classes.len()) {
                    Ok((Pos::Verb, _, class)) => {
                        let key = fold(head);
                        verbs.by_folded.entry(key).or_default().push((head, class));
                    }
                    Ok((pos, _, class)) if pos.is_closed() => closed_lemmas.push((head, class)),
                    _ => {}
                }
            }
        }
        let mut form = String::new();
        for (lemma, class) in closed_lemmas {
            for slot in verbs.slots(class) {
                if slot.form.apply(lemma, &mut form) {
                    verbs.closed.insert(fold(&form));
                }
            }
        }
        verbs
    });
    &VERBS
}

/// The tense classes of the word lists for a verb form's features.
fn tenses(features: Features) -> Tenses {
    let mut tenses = Tenses::default();
    if features.contains(Features::INFINITIVE) {
        tenses = tenses | Tenses::INFINITIVE;
    }
    if features.contains(Features::PAST_PARTICIPLE) {
        tenses = tenses | Tenses::PARTICIPLE;
    }
    if features.contains(Features::PRESENT_PARTICIPLE) {
        tenses = tenses | Tenses::GERUND;
    }
    if features.contains(Features::CONDITIONAL) {
        tenses = tenses | Tenses::CONDITIONAL;
    }
    if features.contains(Features::INDICATIVE | Features::FUTURE) {
        tenses = tenses | Tenses::FUTURE;
    }
    let other_finite = Features::SUBJUNCTIVE | Features::IMPERATIVE;
    if features.intersects(other_finite)
        || features.contains(Features::INDICATIVE) && !features.contains(Features::FUTURE)
    {
        tenses = tenses | Tenses::FINITE;
    }
    tenses
}

/// Every form of a verb whose lemma is given folded (« detruire »), folded, with its tense
/// classes, from `data/morphology.tsv`; forms shared by two tenses (« chasse », « chassé »)
/// come once with both. A form is left out where it would pass for a closed-class word: when
/// its accents alone tell them apart (« dû », « du ») and when it is a first or second person
/// (« je puis », « puis »), which dispatches hardly use. A lemma the data lacks gives itself
/// alone, as an infinitive.
pub fn verb_forms(lemma: &str) -> Vec<(String, Tenses)> {
    let verbs = verbs();
    let Some(readings) = verbs.by_folded.get(lemma) else {
        return vec![(lemma.to_string(), Tenses::INFINITIVE)];
    };
    let mut forms: Vec<(String, Tenses)> = Vec::new();
    let mut form = String::new();
    for &(spelled, class) in readings {
        for slot in verbs.slots(class) {
            if !slot.form.apply(spelled, &mut form) {
                continue;
            }
            let folded = fold(&form);
            let first_or_second = slot.features.intersects(Features::FINITE)
                && !slot.features.contains(Features::THIRD);
            if (folded != form || first_or_second) && verbs.closed.contains(&folded) {
                continue;
            }
            let tenses = tenses(slot.features);
            match forms.iter_mut().find(|(f, _)| *f == folded) {
                Some((_, known)) => *known = *known | tenses,
                None => forms.push((folded, tenses)),
            }
        }
    }
    forms
}

/// A word as the lexicon spells it: lower case with accents, plain apostrophes and hyphens,
/// « œ » and « æ » written out (Lexique writes « oeil »).
fn lower_key(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
    {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '‘' | '`' => out.push('\''),
            '‐' | '‑' => out.push('-'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

/// Whether a token ends a sentence or opens a quotation, so that the next word's capital
/// says nothing of it being a name.
fn opens_sentence(token: &Token) -> bool {
    matches!(
        &*token.norm,
        "." | "!" | "?" | ":" | "«" | "\"" | "“" | "(" | "-"
    )
}

/// Analyses one word as written (`raw`), with its folded form; `inside` says that the word is
/// not the first of its sentence, where a capital tells nothing.
fn analyse_word(raw: &str, norm: &str, capitalized: bool, inside: bool) -> Morph {
    let table = morphology();
    let lower = lower_key(raw);
    let capitals = raw.chars().nth(1).is_some() && !raw.chars().any(char::is_lowercase);
    if let Some((mut readings, origin)) = table.known(&lower, norm, capitals) {
        if capitalized && inside {
            readings.push(proper_noun(raw));
        }
        return Morph { readings, origin };
    }
    // « dit-il », « attentats-suicides »: the first part tells the word.
    if let (Some((head, _)), Some((norm_head, _))) = (lower.split_once('-'), norm.split_once('-'))
        && let Some((readings, _)) = table.known(head, norm_head, capitals)
    {
        return Morph {
            readings,
            origin: Origin::Guessed,
        };
    }
    let readings = if capitalized {
        vec![proper_noun(raw)]
    } else {
        table.guess(&lower)
    };
    let origin = if readings.is_empty() {
        Origin::Unknown
    } else {
        Origin::Guessed
    };
    Morph { readings, origin }
}

fn proper_noun(raw: &str) -> Reading {
    Reading {
        lemma: Cow::Owned(raw.replace(['’', 'ʼ'], "'")),
        pos: Pos::ProperNoun,
        features: Features::default(),
    }
}

/// The readings of every token, index-aligned with `tokens` (non-word tokens get none).
/// `tokens` is best one sentence's: its first word's capital is not taken for a name's.
pub fn analyse(text: &str, tokens: &[Token]) -> Vec<Morph> {
    analyse_where(text, tokens, |_| true)
}

/// The readings of the tokens `wanted` keeps (the others get none), index-aligned with
/// `tokens`: what a stage that reads a few words need not pay for all of them.
pub fn analyse_where(text: &str, tokens: &[Token], wanted: impl Fn(usize) -> bool) -> Vec<Morph> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut inside = false;
    for (i, token) in tokens.iter().enumerate() {
        let none = || Morph {
            readings: Vec::new(),
            origin: Origin::Unknown,
        };
        if token.kind != TokenKind::Word {
            out.push(none());
            inside = !opens_sentence(token);
            continue;
        }
        out.push(if wanted(i) {
            analyse_word(token.text(text), &token.norm, token.capitalized, inside)
        } else {
            none()
        });
        inside = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::tokens::tokenize;

    fn morphs(text: &str) -> Vec<(String, Morph)> {
        let tokens = tokenize(text, 0..text.len());
        let morphs = analyse(text, &tokens);
        tokens
            .iter()
            .map(|t| t.text(text).to_string())
            .zip(morphs)
            .collect()
    }

    fn word(text: &str, w: &str) -> Morph {
        morphs(text)
            .into_iter()
            .find(|(t, _)| t == w)
            .map(|(_, m)| m)
            .unwrap_or_else(|| panic!("{w:?} not in {text:?}"))
    }

    #[test]
    fn the_data_files_parse_without_error() {
        let report: Vec<String> = check_data().iter().map(ToString::to_string).collect();
        assert!(report.is_empty(), "{}", report.join("\n"));
        let table = morphology();
        assert!(table.lemmas.len() > 20_000, "{} lemmas", table.lemmas.len());
        assert!(table.forms.len() > 100_000, "{} forms", table.forms.len());
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let forms = "# comment\n=\t0:ms\t0s:mp\n=\t1x:Q\nchat\tN0/3\nchien\tN7/3\nnez\tB0/1\n";
        let rules = "ées\tV3er:Pfp\nÉs\tV2er:Pmp\nment\tR\n";
        let (_, errors) = Morphology::parse(forms, rules);
        let report: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            report,
            [
                "data/morphology.tsv:3: unknown feature 'Q'",
                "data/morphology.tsv:5: class 7 is not defined above",
                "data/morphology.tsv:6: unknown part of speech 'B'",
                "data/morphology_rules.tsv:2: bad ending \"És\"",
                "data/morphology_rules.tsv:3: \"\" has no ':'",
            ]
        );
    }

    #[test]
    fn accents_tell_participle_from_finite_form() {
        let tue = word("Le tireur tue deux passants.", "tue");
        assert!(tue.is_finite() && !tue.is_past_participle());
        assert!(tue.is_verb_with(Features::PRESENT | Features::THIRD | Features::SINGULAR));
        let tue = word("Deux passants ont été tués.", "tués");
        assert!(tue.is_past_participle() && !tue.is_finite());
        assert_eq!(tue.lemma(), Some("tuer"));
        assert!(
            tue.is_verb_with(Features::PAST_PARTICIPLE | Features::MASCULINE | Features::PLURAL)
        );
    }

    #[test]
    fn irregular_verbs_have_their_lemma() {
        let cases = [
            ("Les rebelles ont pris la ville.", "pris", "prendre"),
            ("Ils étaient nombreux.", "étaient", "être"),
            ("La colonne ira vers le nord.", "ira", "aller"),
            ("Ils veulent partir.", "veulent", "vouloir"),
            ("Deux soldats sont morts.", "morts", "mourir"),
        ];
        for (text, form, lemma) in cases {
            let morph = word(text, form);
            assert_eq!(morph.origin(), Origin::Lexicon, "{form}");
            assert!(
                morph.verb_readings(lemma).next().is_some(),
                "{form}: {morph:?}"
            );
        }
        assert!(word("Ils étaient nombreux.", "étaient").is_verb_with(Features::IMPERFECT));
        assert!(word("La colonne ira au nord.", "ira").is_verb_with(Features::FUTURE));
    }

    #[test]
    fn a_form_keeps_its_noun_and_verb_readings() {
        let morph = word("Une attaque a visé le poste.", "attaque");
        assert!(morph.can_be(Pos::Noun) && morph.is_verb());
        let fait = word("Il a fait beau.", "fait");
        assert!(fait.is_past_participle() && fait.is_finite());
    }

    #[test]
    fn closed_classes_are_known() {
        let m = morphs("Les soldats de l’armée et leurs alliés sont arrivés");
        let pos = |i: usize, p: Pos| m[i].1.can_be(p);
        assert!(pos(0, Pos::DefiniteArticle));
        assert!(pos(2, Pos::Preposition));
        assert!(pos(3, Pos::DefiniteArticle), "{:?}", m[3]);
        assert!(pos(5, Pos::Conjunction));
        assert!(pos(6, Pos::PossessiveAdjective));
        assert!(pos(8, Pos::Auxiliary));
        assert_eq!(m[9].1.lemma(), Some("arriver"));
    }

    #[test]
    fn elided_words_are_known() {
        let m = morphs("Il dit qu’il restera jusqu'à ce que c'en soit fini");
        for (word, lemma) in [("qu’", "que"), ("jusqu'", "jusque"), ("c'", "ce")] {
            let (_, morph) = m.iter().find(|(t, _)| t == word).expect("a clitic");
            assert_eq!(morph.origin(), Origin::Lexicon, "{word}");
            assert_eq!(morph.lemma(), Some(lemma), "{word}");
        }
    }

    #[test]
    fn verb_forms_are_folded_with_their_tenses() {
        let tenses = |lemma: &str, form: &str| {
            verb_forms(lemma)
                .into_iter()
                .find(|(f, _)| f == form)
                .map(|(_, t)| t)
        };
        let chasse = tenses("chasser", "chasse").expect("chasse");
        assert!(chasse.has(Tenses::FINITE) && chasse.has(Tenses::PARTICIPLE));
        assert!(tenses("pouvoir", "pourrait").is_some_and(|t| t == Tenses::CONDITIONAL));
        assert!(tenses("reprendre", "reprendront").is_some_and(|t| t == Tenses::FUTURE));
        assert!(tenses("detruire", "detruisant").is_some_and(|t| t == Tenses::GERUND));
        // Forms that would pass for closed-class words are left out.
        assert!(tenses("devoir", "doit").is_some() && tenses("devoir", "du").is_none());
        assert!(tenses("pouvoir", "peut").is_some() && tenses("pouvoir", "puis").is_none());
        // « entre » (« il entre ») stays: a third person.
        assert!(tenses("entrer", "entre").is_some_and(|t| t.has(Tenses::FINITE)));
        assert_eq!(
            verb_forms("zorgluber"),
            [("zorgluber".to_string(), Tenses::INFINITIVE)]
        );
    }

    #[test]
    fn likeliest_reading_comes_first() {
        assert_eq!(word("Il est parti.", "est").lemma(), Some("être"));
        assert_eq!(word("Il a tué.", "tué").lemma(), Some("tuer"));
    }

    #[test]
    fn folded_lookup_finds_words_written_without_accents() {
        let etat = word("Les combattants de l'Etat islamique", "Etat");
        assert_eq!(etat.origin(), Origin::Folded);
        assert_eq!(etat.lemma(), Some("état"));
        let tue = word("DEUX CIVILS TUES", "TUES");
        assert_eq!(tue.origin(), Origin::Folded);
        assert!(tue.is_past_participle() && tue.is_finite());
        // In lower case the accents are trusted: « tues » is only the finite form.
        assert!(!word("tu tues", "tues").is_past_participle());
    }

    #[test]
    fn unknown_words_are_guessed_by_their_ending() {
        let m = word("Des positions zorglubées sans relâche", "zorglubées");
        assert_eq!(m.origin(), Origin::Guessed);
        assert!(m.is_past_participle());
        assert_eq!(m.lemma(), Some("zorgluber"));
        let made_up = word("Les rebelles zorglubaient la ville", "zorglubaient");
        assert!(made_up.is_verb_with(Features::IMPERFECT | Features::THIRD | Features::PLURAL));
        assert_eq!(made_up.lemma(), Some("zorgluber"));
        // Letters of two bytes before the ending (the longest rule is counted in bytes).
        let accented = word("Des positions zèèèèèèèèbbées", "zèèèèèèèèbbées");
        assert_eq!(accented.lemma(), Some("zèèèèèèèèbber"));
        let adverb = word("Ils ont zorglubement répondu", "zorglubement");
        assert!(adverb.can_be(Pos::Adverb));
        assert_eq!(
            word("Des frappes zorglubiennes", "zorglubiennes").lemma(),
            Some("zorglubien")
        );
    }

    #[test]
    fn capitalised_unknown_words_are_proper_nouns() {
        let m = morphs("Les forces de Zorglubistan ont frappé Qaraqosh");
        for name in ["Zorglubistan", "Qaraqosh"] {
            let (_, morph) = m.iter().find(|(t, _)| t == name).expect("a name");
            assert_eq!(morph.readings().len(), 1);
            assert_eq!(morph.readings()[0].pos, Pos::ProperNoun);
            assert_eq!(morph.lemma(), Some(name));
        }
        // A known word with a capital inside a sentence may be a name too, not at its start.
        let m = morphs("Paix fragile à Paix");
        assert!(!m[0].1.can_be(Pos::ProperNoun));
        assert!(m[3].1.can_be(Pos::ProperNoun) && m[3].1.can_be(Pos::Noun));
    }

    #[test]
    fn hyphenated_words_are_told_by_their_first_part() {
        let m = word("« Nous résisterons », a-t-il déclaré", "a-t-il");
        assert!(m.is_verb_with(Features::THIRD | Features::INDICATIVE));
        let m = word("Deux attentats-suicides zorglubiens", "attentats-suicides");
        assert!(m.can_be(Pos::Noun));
        assert!(
            m.readings()
                .iter()
                .any(|r| r.features.contains(Features::PLURAL))
        );
    }

    #[test]
    fn one_morph_per_token_and_none_for_punctuation() {
        let text = "« 14 morts », a dit l’ONU.";
        let tokens = tokenize(text, 0..text.len());
        let m = analyse(text, &tokens);
        assert_eq!(m.len(), tokens.len());
        for (t, m) in tokens.iter().zip(&m) {
            assert_eq!(t.is_word(), !m.readings().is_empty(), "{:?}", t.text(text));
        }
    }

    #[test]
    fn every_rule_rewrites_to_a_plausible_lemma() {
        for (line, text) in data_lines(RULES) {
            let Ok((ending, guesses)) = parse_rule(text) else {
                continue; // the_data_files_parse_without_error reports it
            };
            let word = format!("zorglub{ending}");
            for guess in guesses {
                let mut lemma = String::new();
                let at = format!("{RULES_FILE}:{line}: {word} → {lemma:?}");
                assert!(guess.lemma.apply(&word, &mut lemma), "{at}");
                let at = format!("{RULES_FILE}:{line}: {word} → {lemma:?}");
                assert!(lemma.starts_with("zorglub"), "{at}");
                if guess.pos.is_verb() {
                    assert!(
                        ["er", "ir", "re"].iter().any(|e| lemma.ends_with(e)),
                        "{at}"
                    );
                }
                // An inflected reading has a lemma other than the word: a verb, a plural, a
                // feminine adjective (a noun's gender is its own).
                let feminine_adjective =
                    guess.pos == Pos::Adjective && guess.features.contains(Features::FEMININE);
                if guess.pos.is_verb()
                    || guess.features.contains(Features::PLURAL)
                    || feminine_adjective
                {
                    assert_ne!(lemma, word, "{at}");
                }
                // The lemma of a noun or adjective is a base form the rules know as such
                // (« zorglubiennes » → « zorglubien », an -ien adjective); one-letter endings
                // (-s, -x) leave any stem.
                if !guess.pos.is_verb() && lemma != word {
                    let base = morphology().guess(&lemma);
                    let known = base.iter().any(|r| r.pos == guess.pos && r.lemma == lemma);
                    let any_stem = base.is_empty() && ending.chars().count() == 1;
                    assert!(known || any_stem, "{at}: {base:?}");
                }
            }
        }
    }

    #[test]
    fn features_print_their_names() {
        let f = Features::parse("IMr3s").expect("codes");
        assert_eq!(
            format!("{f:?}"),
            "Features(indicative imperative present 3 singular)"
        );
    }

    #[test]
    fn rewrite_counts_characters_not_bytes() {
        let mut out = String::new();
        assert!(Rewrite::parse("3er").unwrap().apply("tuées", &mut out));
        assert_eq!(out, "tuer");
        assert!(Rewrite::parse("").unwrap().apply("été", &mut out));
        assert_eq!(out, "été");
        assert!(!Rewrite::parse("4x").unwrap().apply("été", &mut out));
    }
}
