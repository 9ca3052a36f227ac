//! Actor mentions: noun phrases that name a party to a conflict, a civilian group or a source.
//!
//! The lexicon lives in `data/` and is embedded at compile time:
//! - `actors.tsv`: canonical actors with their French aliases, metonyms (capitals and countries
//!   that can stand for a government) and leaders (names that resolve an actor in a complement);
//! - `actors_heads.tsv`: generic heads (« forces », « djihadistes », « civils »…) with a default
//!   kind and behaviour flags;
//! - `actors_demonyms.tsv`: demonym adjectives with their country and state-forces actor, so
//!   that « les forces irakiennes » or « l'aviation russe » resolve without being listed;
//! - `actors_words.tsv`: determiners, pre-head adjectives, post-head modifiers, titles,
//!   number words and prepositions.
//!
//! Matching works on the tokenizer's folded forms with one hash lookup per token; a phrase is
//! built around a core (an alias or a generic head), extended by determiners, adjectives,
//! a parenthesised acronym, an apposed name and an actor complement (« de l'EI »).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::engine::tokens::{Token, TokenKind, tokenize};

const ACTORS_TSV: &str = include_str!("../../../data/actors.tsv");
const HEADS_TSV: &str = include_str!("../../../data/actors_heads.tsv");
const DEMONYMS_TSV: &str = include_str!("../../../data/actors_demonyms.tsv");
const WORDS_TSV: &str = include_str!("../../../data/actors_words.tsv");

/// What kind of party an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A country's own army, police or government.
    StateForces,
    /// A non-state armed group (rebels, separatists, unnamed gunmen).
    ArmedGroup,
    /// A jihadist group.
    JihadistGroup,
    /// Forces of a state or coalition acting outside their own country.
    ForeignForces,
    /// Militias, paramilitary and self-defence groups.
    Militia,
    /// Civilians: inhabitants, displaced people, refugees.
    Civilians,
    /// Who reports: news agencies, media, NGOs, monitors, international agencies.
    Source,
}

impl ActorKind {
    /// The lower-case name used in the data and the output (`"state_forces"`…).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::StateForces => "state_forces",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::JihadistGroup => "jihadist_group",
            ActorKind::ForeignForces => "foreign_forces",
            ActorKind::Militia => "militia",
            ActorKind::Civilians => "civilians",
            ActorKind::Source => "source",
        }
    }

    /// Parses [`ActorKind::as_str`]'s output.
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "state_forces" => ActorKind::StateForces,
            "armed_group" => ActorKind::ArmedGroup,
            "jihadist_group" => ActorKind::JihadistGroup,
            "foreign_forces" => ActorKind::ForeignForces,
            "militia" => ActorKind::Militia,
            "civilians" => ActorKind::Civilians,
            "source" => ActorKind::Source,
            _ => return None,
        })
    }

    /// A state's forces, at home or abroad.
    pub fn is_state(self) -> bool {
        matches!(self, ActorKind::StateForces | ActorKind::ForeignForces)
    }

    /// Who bears arms: a state's forces or an armed group (not civilians, not a source).
    pub fn bears_arms(self) -> bool {
        !matches!(self, ActorKind::Civilians | ActorKind::Source)
    }
}

/// A canonical actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Stable id (`SYR_GOV`, `ISIS`…).
    pub id: &'static str,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 code of the actor's country, if it has one.
    pub country: Option<&'static str>,
    pub label_fr: &'static str,
    pub label_en: &'static str,
}

/// The actor with that id (from the table alone, not the whole lexicon: the page shows actors'
/// names without loading the lexicon, whose phrases take the tokenizer and its morphology).
pub fn lookup_actor(id: &str) -> Option<&'static Actor> {
    let (actors, by_id) = &*TABLE;
    by_id.get(id).map(|&i| &actors[i as usize])
}

/// The actors of `actors.tsv` and their index by id (problems reported by the lexicon's load).
static TABLE: LazyLock<(Vec<Actor>, HashMap<&'static str, u16>)> = LazyLock::new(|| {
    let rows: Vec<_> = rows(ACTORS_TSV).collect();
    actor_table(&rows, &mut Vec::new())
});

/// The actors of these rows of `actors.tsv`, and their index by id; a bad row is a problem.
fn actor_table(
    rows: &[Vec<&'static str>],
    problems: &mut Vec<String>,
) -> (Vec<Actor>, HashMap<&'static str, u16>) {
    let (mut actors, mut by_id) = (Vec::new(), HashMap::new());
    for row in rows {
        let id = col(row, 0);
        let Some(kind) = ActorKind::parse(col(row, 1)) else {
            problems.push(format!("actor {id}: bad kind {:?}", col(row, 1)));
            continue;
        };
        if by_id.contains_key(id) {
            problems.push(format!("actor {id}: duplicate id"));
            continue;
        }
        let country = Some(col(row, 2)).filter(|c| !c.is_empty());
        by_id.insert(id, actors.len() as u16);
        actors.push(Actor {
            id,
            kind,
            country,
            label_fr: col(row, 3),
            label_en: col(row, 4),
        });
    }
    (actors, by_id)
}

/// All actors (for the app's filters), in data order.
pub fn actors() -> &'static [Actor] {
    &LEXICON.actors
}

/// The state actor a demonym adjective names (« russe » → the Russian government), if any:
/// for phrases such as « le soutien aérien russe » where the adjective stands alone.
pub fn demonym_actor(norm: &str) -> Option<&'static Actor> {
    let lex = &*LEXICON;
    let demonym = lex.words.get(norm)?.demonym?;
    let actor = lex.demonyms[usize::from(demonym)].actor?;
    Some(&lex.actors[usize::from(actor)])
}

/// One actor mention in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    /// Index of the first token of the whole noun phrase (its determiner included).
    pub first: usize,
    /// Index of the last token (inclusive); a parenthesised acronym is included.
    pub last: usize,
    /// Byte offset of the start of the first token.
    pub start: usize,
    /// Byte offset of the end of the last token.
    pub end: usize,
    /// The canonical actor, when the phrase names one.
    pub actor: Option<&'static Actor>,
    /// The kind, even when the actor is unresolved (« des miliciens » → militia).
    pub kind: Option<ActorKind>,
    /// The country, from the actor or a demonym (« des miliciens irakiens » → `IQ`).
    pub country: Option<&'static str>,
    /// A generic head left unresolved (« le groupe », « les djihadistes »), for coreference.
    pub generic: bool,
    /// A place name standing for a government (« Damas »): `actor` is that government, but the
    /// caller decides whether the word is the actor or the place.
    pub metonym: bool,
    /// A noun phrase that names no actor (« une base militaire », « trois maisons »), from
    /// [`super::phrases`]: what an event may befall, never who acts.
    pub phrase: bool,
    /// A phrase that is a person's name the actor lexicon does not know (« Alexandre
    /// Zakharchenko »): who may be killed, hurt or taken.
    pub name: bool,
}

/// Actor mentions in one sentence's tokens, longest first, non-overlapping, in text order.
///
/// `tokens` come from [`tokenize`] over `text` (their offsets are into `text`).
pub fn find_actors(text: &str, tokens: &[Token]) -> Vec<ActorMention> {
    let lex = &*LEXICON;
    let parser = Parser {
        lex,
        text,
        toks: tokens,
        info: tokens.iter().map(|t| lex.words.get(&*t.norm)).collect(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match parser.np(i, 0, false) {
            Some(np) if np.last >= i => {
                out.push(parser.mention(&np));
                i = np.last + 1;
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Lexicon

use crate::engine::fast_hash::FastMap as FxMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Alias(u16),
    Metonym(u16),
    Leader(u16),
    Head(u16),
    Mod(u16),
    Title,
}

#[derive(Debug)]
struct Phrase {
    /// Folded words, each with whether it must be capitalised in the text.
    words: Vec<(Box<str>, bool)>,
    role: Role,
}

#[derive(Debug, Default)]
struct Head {
    kind: Option<ActorKind>,
    actor: Option<u16>,
    member: bool,
    state: bool,
    appos: bool,
    needs_det: bool,
    needs_article: bool,
    needs_compl: bool,
}

#[derive(Debug)]
struct Modifier {
    kind: Option<ActorKind>,
    actor: Option<u16>,
    /// Capitalised, also a noun (« les Kurdes »).
    noun: bool,
}

#[derive(Debug)]
struct Demonym {
    country: &'static str,
    actor: Option<u16>,
}

/// Everything known about one folded word.
#[derive(Debug, Default)]
struct WordInfo {
    /// Phrases starting with this word, longest first.
    phrases: Vec<u32>,
    det: bool,
    predet: bool,
    pre: bool,
    num: bool,
    prep: bool,
    demonym: Option<u16>,
}

struct Lexicon {
    actors: Vec<Actor>,
    by_id: HashMap<&'static str, u16>,
    phrases: Vec<Phrase>,
    heads: Vec<Head>,
    mods: Vec<Modifier>,
    demonyms: Vec<Demonym>,
    words: FxMap<Box<str>, WordInfo>,
    /// Data errors (unknown ids or kinds), checked by a test.
    problems: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn col(row: &[&'static str], i: usize) -> &'static str {
    row.get(i).copied().unwrap_or("")
}

fn list(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut lex = Lexicon {
            actors: Vec::new(),
            by_id: HashMap::new(),
            phrases: Vec::new(),
            heads: Vec::new(),
            mods: Vec::new(),
            demonyms: Vec::new(),
            words: FxMap::default(),
            problems: Vec::new(),
        };
        let actor_rows: Vec<_> = rows(ACTORS_TSV).collect();
        (lex.actors, lex.by_id) = actor_table(&actor_rows, &mut lex.problems);
        for row in &actor_rows {
            let Some(&a) = lex.by_id.get(col(row, 0)) else {
                continue;
            };
            for alias in list(col(row, 5)) {
                lex.add_phrase(alias, Role::Alias(a));
            }
            for m in list(col(row, 6)) {
                lex.add_phrase(m, Role::Metonym(a));
            }
            for l in list(col(row, 7)) {
                lex.add_phrase(l, Role::Leader(a));
            }
        }
        for row in rows(HEADS_TSV) {
            let flags = col(&row, 3);
            let head = Head {
                kind: lex.kind_col(col(&row, 1)),
                actor: lex.actor_col(col(&row, 2)),
                member: flags.contains('m'),
                state: flags.contains('s'),
                appos: flags.contains('a'),
                needs_det: flags.contains('d'),
                needs_article: flags.contains('D'),
                needs_compl: flags.contains('c'),
            };
            let h = lex.heads.len() as u16;
            lex.heads.push(head);
            lex.add_phrase(col(&row, 0), Role::Head(h));
        }
        for row in rows(DEMONYMS_TSV) {
            let d = lex.demonyms.len() as u16;
            let actor = lex.actor_col(col(&row, 2));
            lex.demonyms.push(Demonym {
                country: col(&row, 1),
                actor,
            });
            for form in list(col(&row, 0)) {
                for t in tokenize(form, 0..form.len()) {
                    lex.words.entry(t.norm.into()).or_default().demonym = Some(d);
                }
            }
        }
        for row in rows(WORDS_TSV) {
            let phrase = col(&row, 1);
            let flag: fn(&mut WordInfo) = match col(&row, 0) {
                "det" => |w| w.det = true,
                "predet" => |w| w.predet = true,
                "pre" => |w| w.pre = true,
                "num" => |w| w.num = true,
                "prep" => |w| w.prep = true,
                "mod" => {
                    let m = lex.mods.len() as u16;
                    let modifier = Modifier {
                        kind: lex.kind_col(col(&row, 2)),
                        actor: lex.actor_col(col(&row, 3)),
                        noun: col(&row, 4).contains('n'),
                    };
                    lex.mods.push(modifier);
                    lex.add_phrase(phrase, Role::Mod(m));
                    continue;
                }
                "title" => {
                    lex.add_phrase(phrase, Role::Title);
                    continue;
                }
                other => {
                    lex.problems.push(format!("words: bad class {other:?}"));
                    continue;
                }
            };
            let norm = crate::engine::tokens::fold(phrase);
            flag(lex.words.entry(norm.into()).or_default());
        }
        // Longest phrases first.
        let phrases = &lex.phrases;
        for info in lex.words.values_mut() {
            info.phrases
                .sort_by_key(|&p| std::cmp::Reverse(phrases[p as usize].words.len()));
        }
        lex
    }

    fn kind_col(&mut self, s: &str) -> Option<ActorKind> {
        if s.is_empty() {
            return None;
        }
        let kind = ActorKind::parse(s);
        if kind.is_none() {
            self.problems.push(format!("unknown kind {s:?}"));
        }
        kind
    }

    fn actor_col(&mut self, s: &str) -> Option<u16> {
        if s.is_empty() {
            return None;
        }
        let a = self.by_id.get(s).copied();
        if a.is_none() {
            self.problems.push(format!("unknown actor id {s:?}"));
        }
        a
    }

    fn add_phrase(&mut self, phrase: &str, role: Role) {
        let words: Vec<(Box<str>, bool)> = tokenize(phrase, 0..phrase.len())
            .into_iter()
            .map(|t| (t.norm.into_owned().into_boxed_str(), t.capitalized))
            .collect();
        let Some(first) = words.first().map(|w| w.0.clone()) else {
            return;
        };
        let info = self.words.entry(first).or_default();
        let duplicate = info.phrases.iter().any(|&p| {
            let old = &self.phrases[p as usize];
            old.role == role && old.words == words
        });
        if !duplicate {
            info.phrases.push(self.phrases.len() as u32);
            self.phrases.push(Phrase { words, role });
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// A noun phrase being built.
#[derive(Debug, Clone, Copy)]
struct Np {
    first: usize,
    last: usize,
    actor: Option<u16>,
    kind: Option<ActorKind>,
    country: Option<&'static str>,
    generic: bool,
    metonym: bool,
    leader: bool,
}

/// The core word(s) a phrase is built around.
#[derive(Debug, Clone, Copy)]
enum Core {
    Alias(u16),
    Metonym(u16),
    Leader(u16),
    Head(u16),
    /// A capitalised demonym used as a noun (« les Russes »), or a capitalised modifier with a
    /// kind (« les Kurdes »).
    Noun(Option<u16>, Option<ActorKind>),
}

struct Parser<'a> {
    lex: &'static Lexicon,
    text: &'a str,
    toks: &'a [Token<'a>],
    info: Vec<Option<&'static WordInfo>>,
}

impl<'a> Parser<'a> {
    fn norm(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &*t.norm)
    }

    fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.info.get(i).copied().flatten()
    }

    fn matches(&self, i: usize, ph: &Phrase) -> bool {
        ph.words.iter().enumerate().all(|(k, (w, cap))| {
            self.toks
                .get(i + k)
                .is_some_and(|t| *t.norm == **w && (!cap || t.capitalized))
        })
    }

    /// The longest phrase at `i` whose role passes `want`: (end exclusive, role).
    fn phrase(&self, i: usize, want: impl Fn(Role) -> bool) -> Option<(usize, Role)> {
        let info = self.info(i)?;
        info.phrases.iter().find_map(|&p| {
            let ph = &self.lex.phrases[p as usize];
            (want(ph.role) && self.matches(i, ph)).then(|| (i + ph.words.len(), ph.role))
        })
    }

    fn is_word(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.norm(i))
    }

    /// Whether a head that is also an adjective may start a mention at `c` (no determiner).
    fn may_start_bare(&self, c: usize) -> bool {
        if c == 0 {
            return true;
        }
        let Some(prev) = self.toks.get(c - 1) else {
            return true;
        };
        prev.kind == TokenKind::Number
            || self
                .info(c - 1)
                .is_some_and(|w| w.det || w.num || w.prep || w.pre || w.predet)
    }

    /// Whether a singular head that is also an adjective may start a mention at `c`: only
    /// after an article or a number (« un militaire », « trois militaires »).
    fn after_article(&self, c: usize) -> bool {
        c == 0
            || self
                .toks
                .get(c - 1)
                .is_some_and(|t| t.kind == TokenKind::Number)
            || self.info(c - 1).is_some_and(|w| w.det || w.num)
    }

    /// Whether an uppercase acronym: every letter upper case, at least two letters.
    fn is_acronym(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let s = t.text(self.text);
        t.is_word()
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    }

    /// Parses a noun phrase starting at `pos`. `compl`: inside a complement (leaders allowed).
    fn np(&self, pos: usize, depth: u8, compl: bool) -> Option<Np> {
        let lex = self.lex;
        let mut i = pos;
        if self.info(i).is_some_and(|w| w.predet) && self.info(i + 1).is_some_and(|w| w.det) {
            i += 1;
        }
        if self.info(i).is_some_and(|w| w.det) {
            i += 1;
        }
        let mut pre = 0;
        while pre < 3 && self.info(i).is_some_and(|w| w.pre) {
            i += 1;
            pre += 1;
        }
        let c = i;
        let bare = c == pos;

        // The core.
        let alias = self.phrase(c, |r| matches!(r, Role::Alias(_) | Role::Metonym(_)));
        let head = self.phrase(c, |r| matches!(r, Role::Head(_)));
        let alias_len = alias.map_or(0, |a| a.0 - c);
        let head_len = head.map_or(0, |h| h.0 - c);
        let (core, mut end) = if alias_len > 0 && alias_len >= head_len {
            let (end, role) = alias?;
            match role {
                Role::Metonym(a) => (Core::Metonym(a), end),
                Role::Alias(a) => (Core::Alias(a), end),
                _ => return None,
            }
        } else if let Some((end, Role::Head(h))) = head {
            let hd = &lex.heads[h as usize];
            if hd.needs_det && bare && !self.may_start_bare(c) {
                return None;
            }
            if hd.needs_article && bare && !self.after_article(c) {
                return None;
            }
            (Core::Head(h), end)
        } else if let Some(leader) = compl.then(|| self.leader(c)).flatten() {
            leader
        } else {
            let t = self.toks.get(c)?;
            if !t.capitalized || c == 0 {
                return None;
            }
            let w = self.info(c)?;
            if let Some(d) = w.demonym {
                (Core::Noun(Some(d), None), c + 1)
            } else if let Some((end, Role::Mod(m))) = self.phrase(c, |r| matches!(r, Role::Mod(_)))
                && end == c + 1
                && lex.mods[m as usize].noun
                && let Some(kind) = lex.mods[m as usize].kind
            {
                (Core::Noun(None, Some(kind)), end)
            } else {
                return None;
            }
        };

        let mut np = Np {
            first: pos,
            last: end - 1,
            actor: None,
            kind: None,
            country: None,
            generic: false,
            metonym: false,
            leader: false,
        };
        let mut head_info: Option<&Head> = None;
        match core {
            Core::Alias(a) => np.actor = Some(a),
            Core::Metonym(a) => {
                np.actor = Some(a);
                np.metonym = true;
            }
            Core::Leader(a) => {
                np.actor = Some(a);
                np.leader = true;
            }
            Core::Head(h) => {
                let hd = &lex.heads[h as usize];
                head_info = Some(hd);
                np.actor = hd.actor;
                np.kind = hd.kind;
                np.generic = hd.actor.is_none();
            }
            Core::Noun(d, kind) => {
                np.country = d.map(|d| lex.demonyms[d as usize].country);
                np.kind = kind;
                np.generic = true;
            }
        }
        if np.metonym || np.leader {
            return Some(self.finish(np, None, None, None));
        }

        // Modifiers and demonyms after the head, possibly coordinated.
        let mut demonym: Option<Option<u16>> = None; // Some(None): several countries
        let mut kind_set = false;
        let mut mod_actor = None;
        let mut steps = 0;
        while steps < 6 {
            steps += 1;
            let mut j = end;
            let coord = self.is_word(j, &["et", "ou"]);
            if coord {
                j += 1;
                // « entre forces pro-régime et djihadistes »: two phrases, not one.
                let after_entre = (pos.saturating_sub(3)..pos).any(|k| self.norm(k) == "entre");
                if after_entre || self.toks.get(j).is_some_and(|t| t.capitalized) {
                    break;
                }
                // A word that is also a noun (« paramilitaires ») coordinates only when another
                // adjective follows it (« gouvernementales et paramilitaires irakiennes »).
                if self.phrase(j, |r| matches!(r, Role::Head(_))).is_some() {
                    let next = self
                        .phrase(j, |r| matches!(r, Role::Mod(_)))
                        .map_or(j + 1, |(e, _)| e);
                    let adjective_follows = self.info(next).is_some_and(|w| w.demonym.is_some())
                        || self.phrase(next, |r| matches!(r, Role::Mod(_))).is_some();
                    if !adjective_follows {
                        break;
                    }
                }
            }
            if let Some((e, Role::Mod(m))) = self.phrase(j, |r| matches!(r, Role::Mod(_))) {
                let md = &lex.mods[m as usize];
                // A modifier's kind overrides a broad head (« forces kurdes », « groupe
                // jihadiste »), not a narrow one (« milice kurde »).
                let broad = np.kind.is_none_or(|k| {
                    matches!(
                        k,
                        ActorKind::StateForces | ActorKind::ForeignForces | ActorKind::ArmedGroup
                    )
                });
                if let Some(k) = md.kind
                    && !kind_set
                    && broad
                {
                    np.kind = Some(k);
                    kind_set = true;
                }
                mod_actor = mod_actor.or(md.actor);
                end = e;
            } else if let Some(d) = self.info(j).and_then(|w| w.demonym) {
                demonym = match demonym {
                    None => Some(Some(d)),
                    Some(Some(old))
                        if lex.demonyms[old as usize].country
                            == lex.demonyms[d as usize].country =>
                    {
                        Some(Some(old))
                    }
                    _ => Some(None),
                };
                end = j + 1;
            } else {
                break;
            }
        }
        np.last = end - 1;

        // « la télévision d'Etat syrienne Al-Ikhbariya », « l'agence officielle Sana ».
        if let Core::Alias(a) = core
            && lex.actors[a as usize].kind == ActorKind::Source
            && !self.info(end).is_some_and(|w| w.det)
            && let Some((e, Role::Alias(b))) = self.phrase(end, |r| matches!(r, Role::Alias(_)))
            && lex.actors[b as usize].kind == ActorKind::Source
        {
            np.actor = Some(b);
            end = e;
            np.last = end - 1;
        }
        let open = head_info.is_some_and(|h| h.appos || h.member);
        // A name in apposition: « le groupe jihadiste Boko Haram », « l'agence officielle Sana ».
        if np.actor.is_none()
            && open
            && let Some((e, Role::Alias(a))) = self.phrase(end, |r| matches!(r, Role::Alias(_)))
            && !self.info(end).is_some_and(|w| w.det)
        {
            np.actor = Some(a);
            np.generic = false;
            end = e;
            np.last = end - 1;
        }

        self.acronym(&mut np);

        // An actor complement: « les combattants de l'EI », « l'armée de Damas ».
        let mut has_compl = false;
        if depth < 2 {
            let at = np.last + 1;
            let comp = match self.norm(at) {
                "de" | "d'" => self.np(at + 1, depth + 1, true),
                "du" | "des" => self.np(at, depth + 1, true),
                _ => None,
            };
            if let Some(comp) = comp {
                has_compl = self.attach(&mut np, head_info, comp);
            }
        }
        if head_info.is_some_and(|h| h.needs_compl) && !has_compl {
            return None;
        }

        Some(self.finish(np, head_info, demonym.flatten(), mod_actor))
    }

    /// A leader's name, possibly after a title (« maréchal Haftar »).
    fn leader(&self, c: usize) -> Option<(Core, usize)> {
        let at = match self.phrase(c, |r| r == Role::Title) {
            Some((e, _)) => e,
            None => c,
        };
        match self.phrase(at, |r| matches!(r, Role::Leader(_))) {
            Some((e, Role::Leader(a))) => Some((Core::Leader(a), e)),
            _ => None,
        }
    }

    /// Includes a parenthesised acronym right after the phrase: « le groupe Etat islamique (EI) ».
    fn acronym(&self, np: &mut Np) {
        let open = np.last + 1;
        if self.norm(open) != "(" {
            return;
        }
        let Some(close) = (open + 2..open + 6).find(|&k| self.norm(k) == ")") else {
            return;
        };
        let inner = open + 1..close;
        let named = self
            .phrase(open + 1, |r| matches!(r, Role::Alias(_)))
            .filter(|&(e, _)| e == close)
            .and_then(|(_, r)| match r {
                Role::Alias(a) => Some(a),
                _ => None,
            });
        match (named, np.actor) {
            (Some(a), Some(b)) if a != b => return,
            (Some(a), None) => {
                let kind = self.lex.actors[a as usize].kind;
                if np.kind.is_none_or(|k| k == kind) {
                    np.actor = Some(a);
                    np.generic = false;
                }
            }
            (Some(_), Some(_)) => {}
            (None, _) => {
                if !inner
                    .clone()
                    .all(|k| self.is_acronym(k) || self.norm(k) == "-")
                {
                    return;
                }
            }
        }
        np.last = close;
    }

    /// Attaches a complement to `np` if it fits; returns whether it did.
    fn attach(&self, np: &mut Np, head: Option<&Head>, comp: Np) -> bool {
        let Some(head) = head else {
            // After a name: only the same actor (« l'armée syrienne de Bachar al-Assad »).
            if comp.actor.is_some() && comp.actor == np.actor && !comp.metonym {
                np.last = comp.last;
                return true;
            }
            return false;
        };
        if comp.metonym || comp.leader {
            if !(head.state || (comp.leader && head.member)) || np.actor.is_some() {
                return false;
            }
            np.actor = comp.actor;
            np.generic = false;
            np.last = comp.last;
            return true;
        }
        // A member or state noun takes the complement's actor; so does a noun of the same kind
        // (« la chaîne de télévision Al-Jazeera »), not another (« l'agence de propagande de l'EI »).
        let same_kind = comp.actor.is_some() && head.kind.is_some() && comp.kind == head.kind;
        // « les soldats de l'ONU »: fighters of an organisation that speaks are no source.
        let of_source =
            comp.kind == Some(ActorKind::Source) && head.kind != Some(ActorKind::Source);
        if (head.member || head.state || same_kind) && np.actor.is_none() && !of_source {
            if comp.actor.is_some() {
                np.actor = comp.actor;
                np.generic = false;
            } else {
                np.generic = comp.generic;
            }
            np.kind = comp.kind.or(np.kind);
            np.country = comp.country.or(np.country);
        }
        np.last = comp.last;
        true
    }

    /// Resolves what is left: a demonym or modifier actor, the country, the kind.
    fn finish(
        &self,
        mut np: Np,
        head: Option<&Head>,
        demonym: Option<u16>,
        mod_actor: Option<u16>,
    ) -> Np {
        let lex = self.lex;
        let dem = demonym.map(|d| &lex.demonyms[d as usize]);
        if np.actor.is_none() && mod_actor.is_some() {
            np.actor = mod_actor;
            np.generic = false;
        }
        if np.actor.is_none()
            && let Some(h) = head
            && h.state
            && np.kind.is_none_or(ActorKind::is_state)
            && let Some(d) = dem
            && d.actor.is_some()
        {
            np.actor = d.actor;
            np.generic = false;
        }
        if let Some(a) = np.actor {
            let actor = &lex.actors[a as usize];
            np.kind = Some(actor.kind);
            np.country = actor.country.or(dem.map(|d| d.country)).or(np.country);
        } else if let Some(d) = dem {
            np.country = Some(d.country);
        }
        np
    }

    fn mention(&self, np: &Np) -> ActorMention {
        let start = self.toks.get(np.first).map_or(0, |t| t.start);
        let end = self.toks.get(np.last).map_or(start, |t| t.end);
        ActorMention {
            first: np.first,
            last: np.last,
            start,
            end,
            actor: np.actor.map(|a| &self.lex.actors[a as usize]),
            kind: np.kind,
            country: np.country,
            generic: np.generic && np.actor.is_none(),
            metonym: np.metonym,
            phrase: false,
            name: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<ActorMention> {
        find_actors(text, &tokenize(text, 0..text.len()))
    }

    /// (text, actor id or "-") of each mention.
    fn ids(text: &str) -> Vec<(String, String)> {
        find(text)
            .iter()
            .map(|m| {
                (
                    text[m.start..m.end].to_string(),
                    m.actor.map_or("-", |a| a.id).to_string(),
                )
            })
            .collect()
    }

    fn one(text: &str, phrase: &str) -> ActorMention {
        let found = find(text);
        *found
            .iter()
            .find(|m| &text[m.start..m.end] == phrase)
            .unwrap_or_else(|| panic!("{phrase:?} not found in {:?}", ids(text)))
    }

    fn id_of(text: &str, phrase: &str) -> Option<&'static str> {
        one(text, phrase).actor.map(|a| a.id)
    }

    #[test]
    fn data_is_consistent() {
        let lex = &*LEXICON;
        assert!(lex.problems.is_empty(), "{:?}", lex.problems);
        assert!(lex.actors.len() > 80);
        for id in [
            "SYR_GOV",
            "ISIS",
            "SDF",
            "SANA",
            "AFP",
            "SOHR",
            "CIVILIANS",
            "JNIM",
            "HOUTHIS",
        ] {
            assert!(lookup_actor(id).is_some(), "{id}");
        }
        assert_eq!(lookup_actor("NOPE"), None);
        assert_eq!(actors().len(), lex.actors.len());
        // No alias names two actors.
        let mut seen: HashMap<Vec<&str>, u16> = HashMap::new();
        for ph in &lex.phrases {
            if let Role::Alias(a) = ph.role {
                let key: Vec<&str> = ph.words.iter().map(|w| &*w.0).collect();
                if let Some(&old) = seen.get(&key) {
                    assert_eq!(old, a, "alias {key:?} names two actors");
                }
                seen.insert(key, a);
            }
        }
    }

    #[test]
    fn kinds_round_trip() {
        for a in actors() {
            assert_eq!(ActorKind::parse(a.kind.as_str()), Some(a.kind));
        }
        assert_eq!(
            lookup_actor("SANA").map(|a| a.kind),
            Some(ActorKind::Source)
        );
        assert_eq!(lookup_actor("SYR_GOV").and_then(|a| a.country), Some("SY"));
    }

    #[test]
    fn aliases_resolve_in_all_spellings() {
        for (text, phrase, id) in [
            ("Daech a perdu Raqa.", "Daech", "ISIS"),
            (
                "Les jihadistes de Daesh ont fui.",
                "Les jihadistes de Daesh",
                "ISIS",
            ),
            ("Selon l’EI, rien.", "l’EI", "ISIS"),
            ("l'Etat islamique recule", "l'Etat islamique", "ISIS"),
            ("l'État islamique recule", "l'État islamique", "ISIS"),
            (
                "l'organisation Etat islamique recule",
                "l'organisation Etat islamique",
                "ISIS",
            ),
            (
                "contre l'armée arabe syrienne hier",
                "l'armée arabe syrienne",
                "SYR_GOV",
            ),
            (
                "les forces du régime avancent",
                "les forces du régime",
                "SYR_GOV",
            ),
            (
                "les Hachd al-Chaabi ont repris",
                "les Hachd al-Chaabi",
                "PMF",
            ),
            ("les FAMa ont riposté", "les FAMa", "MLI_GOV"),
            ("les shebab ont attaqué", "les shebab", "AL_SHABAAB"),
            ("les talibans ont pris Kunduz", "les talibans", "TALIBAN"),
            (
                "les talibans pakistanais ont tué",
                "les talibans pakistanais",
                "TTP",
            ),
            ("le JNIM a revendiqué", "le JNIM", "JNIM"),
            (
                "l'Etat islamique au Grand Sahara (EIGS) a tué",
                "l'Etat islamique au Grand Sahara (EIGS)",
                "ISGS",
            ),
            (
                "l'Etat islamique en Afrique de l'Ouest a pris",
                "l'Etat islamique en Afrique de l'Ouest",
                "ISWAP",
            ),
            (
                "les rebelles houthis ont tiré",
                "les rebelles houthis",
                "HOUTHIS",
            ),
            (
                "la coalition menée par Riyad a frappé",
                "la coalition menée par Riyad",
                "SAUDI_COALITION",
            ),
            (
                "la coalition internationale a frappé",
                "la coalition internationale",
                "US_COALITION",
            ),
            (
                "les séparatistes prorusses ont bombardé",
                "les séparatistes prorusses",
                "DPR_LPR",
            ),
            ("Tsahal a frappé", "Tsahal", "ISR_GOV"),
            (
                "le Hezbollah libanais a tiré",
                "le Hezbollah libanais",
                "HEZBOLLAH",
            ),
            ("selon le CICR, vendredi", "le CICR", "ICRC"),
            (
                "a rapporté l'agence officielle Sana.",
                "l'agence officielle Sana",
                "SANA",
            ),
            (
                "selon la télévision d'Etat syrienne",
                "la télévision d'Etat syrienne",
                "STATE_MEDIA",
            ),
        ] {
            assert_eq!(id_of(text, phrase), Some(id), "{text}");
        }
    }

    #[test]
    fn case_sensitive_aliases_need_capitals() {
        assert_eq!(id_of("l'EI a fui", "l'EI"), Some("ISIS"));
        assert!(find("la sana est une plante").is_empty());
        assert_eq!(id_of("a indiqué Sana", "Sana"), Some("SANA"));
        assert!(find("il fait des paris et des ei").is_empty());
    }

    #[test]
    fn metonyms_are_flagged_not_forced() {
        let m = one("Damas a annoncé la reprise de Palmyre", "Damas");
        assert!(m.metonym);
        assert_eq!(m.actor.map(|a| a.id), Some("SYR_GOV"));
        let m = one("Moscou a démenti", "Moscou");
        assert!(m.metonym && m.actor.is_some_and(|a| a.id == "RUS_GOV"));
        let m = one("la Turquie a lancé une offensive", "la Turquie");
        assert!(m.metonym && m.actor.is_some_and(|a| a.id == "TUR_GOV"));
        assert!(one("Kyiv a riposté", "Kyiv").metonym);
        // Resolved inside an actor phrase, it is no longer a metonym.
        let m = one("l'armée de Damas avance", "l'armée de Damas");
        assert!(!m.metonym);
        assert_eq!(m.actor.map(|a| a.id), Some("SYR_GOV"));
        // Not as a complement of a non-state noun.
        assert_eq!(
            id_of("les habitants de Damas ont fui", "les habitants"),
            Some("CIVILIANS")
        );
    }

    #[test]
    fn demonyms_resolve_state_forces() {
        for (text, phrase, id, country) in [
            (
                "les forces irakiennes ont repris",
                "les forces irakiennes",
                "IRQ_GOV",
                "IQ",
            ),
            (
                "des soldats maliens ont été tués",
                "des soldats maliens",
                "MLI_GOV",
                "ML",
            ),
            (
                "l'aviation russe a frappé",
                "l'aviation russe",
                "RUS_GOV",
                "RU",
            ),
            (
                "les militaires burkinabè ont repoussé",
                "les militaires burkinabè",
                "BFA_GOV",
                "BF",
            ),
            (
                "les troupes turques ont avancé",
                "les troupes turques",
                "TUR_GOV",
                "TR",
            ),
            (
                "le régime syrien a repris",
                "le régime syrien",
                "SYR_GOV",
                "SY",
            ),
            (
                "les autorités nigérianes ont dit",
                "les autorités nigérianes",
                "NGA_GOV",
                "NG",
            ),
            (
                "les autorités nigériennes ont dit",
                "les autorités nigériennes",
                "NER_GOV",
                "NE",
            ),
            (
                "des drones américains ont frappé",
                "des drones américains",
                "USA_GOV",
                "US",
            ),
            (
                "les forces de sécurité afghanes ont",
                "les forces de sécurité afghanes",
                "AFG_GOV",
                "AF",
            ),
            (
                "Les forces gouvernementales et paramilitaires irakiennes ont lancé",
                "Les forces gouvernementales et paramilitaires irakiennes",
                "IRQ_GOV",
                "IQ",
            ),
        ] {
            let m = one(text, phrase);
            assert_eq!(m.actor.map(|a| a.id), Some(id), "{text}");
            assert_eq!(m.country, Some(country), "{text}");
            assert!(!m.generic);
        }
        // A non-state head keeps only the country.
        let m = one(
            "des miliciens irakiens ont combattu",
            "des miliciens irakiens",
        );
        assert_eq!(
            (m.actor, m.kind, m.country),
            (None, Some(ActorKind::Militia), Some("IQ"))
        );
        // Kurdish is not a country: « forces kurdes » stays unresolved.
        let m = one("les forces kurdes ont pris", "les forces kurdes");
        assert_eq!((m.actor, m.kind), (None, Some(ActorKind::ArmedGroup)));
        // Two countries: undecidable.
        assert_eq!(
            id_of(
                "l'aviation syrienne et russe a frappé",
                "l'aviation syrienne et russe"
            ),
            None
        );
    }

    #[test]
    fn complements_attach_to_the_head() {
        for (text, phrase, id) in [
            (
                "les combattants de l'Etat islamique ont fui",
                "les combattants de l'Etat islamique",
                "ISIS",
            ),
            (
                "les unités de l'armée syrienne ont",
                "les unités de l'armée syrienne",
                "SYR_GOV",
            ),
            (
                "les forces du régime syrien ont",
                "les forces du régime syrien",
                "SYR_GOV",
            ),
            (
                "les troupes du régime de Bachar al-Assad ont",
                "les troupes du régime de Bachar al-Assad",
                "SYR_GOV",
            ),
            ("l'armée de Bachar avance", "l'armée de Bachar", "SYR_GOV"),
            (
                "les forces du maréchal Haftar ont",
                "les forces du maréchal Haftar",
                "LNA",
            ),
            ("les hommes de Haftar ont", "les hommes de Haftar", "LNA"),
            (
                "le retrait de 200 éléments de l'EI",
                "éléments de l'EI",
                "ISIS",
            ),
            ("les forces pro-Haftar ont", "les forces pro-Haftar", "LNA"),
            (
                "les combattants des FDS ont",
                "les combattants des FDS",
                "SDF",
            ),
        ] {
            assert_eq!(id_of(text, phrase), Some(id), "{text}: {:?}", ids(text));
        }
        // « éléments » alone is no mention.
        assert!(find("les éléments de preuve").is_empty());
    }

    #[test]
    fn undecidable_alliance_stays_generic() {
        let text = "chassé par une alliance de combattants kurdes et arabes de Raqa";
        let m = one(text, "une alliance de combattants kurdes et arabes");
        assert!(m.actor.is_none() && m.generic);
        assert_eq!(m.kind, Some(ActorKind::ArmedGroup));
    }

    #[test]
    fn extent_and_offsets_match_the_text() {
        let text = "Les forces du régime syrien ont chassé samedi le groupe Etat islamique (EI) d’une ville symbolique de la province de Homs, a rapporté l’agence officielle Sana.";
        let found = find(text);
        let spans: Vec<(&str, usize, usize, Option<&str>)> = found
            .iter()
            .map(|m| (&text[m.start..m.end], m.start, m.end, m.actor.map(|a| a.id)))
            .collect();
        let at = |p: &str| text.find(p).map(|s| (s, s + p.len())).unwrap_or_default();
        let expected: Vec<(&str, usize, usize, Option<&str>)> = [
            ("Les forces du régime syrien", "SYR_GOV"),
            ("le groupe Etat islamique (EI)", "ISIS"),
            ("l’agence officielle Sana", "SANA"),
        ]
        .into_iter()
        .map(|(p, id)| (p, at(p).0, at(p).1, Some(id)))
        .collect();
        assert_eq!(spans, expected);
        assert_eq!(spans[0].1..spans[0].2, 0..28);
        let toks = tokenize(text, 0..text.len());
        for m in &found {
            assert_eq!(toks[m.first].start, m.start);
            assert_eq!(toks[m.last].end, m.end);
        }
    }

    #[test]
    fn parenthesised_acronyms_belong_to_the_mention() {
        let text = "l’alliance arabo kurde des Forces démocratiques syriennes (FDS), soutenue";
        assert_eq!(
            id_of(
                text,
                "l’alliance arabo kurde des Forces démocratiques syriennes (FDS)"
            ),
            Some("SDF")
        );
        let text = "selon l'Observatoire syrien des droits de l'homme (OSDH).";
        assert_eq!(
            id_of(text, "l'Observatoire syrien des droits de l'homme (OSDH)"),
            Some("SOHR")
        );
        let text = "L’organisation autoproclamée Etat islamique (EI) vit ses derniers moments";
        assert_eq!(
            id_of(text, "L’organisation autoproclamée Etat islamique (EI)"),
            Some("ISIS")
        );
        // An acronym naming another kind of actor does not override the head.
        let text = "les Forces de défense et de sécurité (FDS) ont riposté";
        let m = one(text, "les Forces de défense et de sécurité (FDS)");
        assert_eq!((m.actor, m.kind), (None, Some(ActorKind::StateForces)));
        // Lower-case parentheses are not acronyms.
        assert_eq!(id_of("l'EI (centre) recule", "l'EI"), Some("ISIS"));
    }

    #[test]
    fn generic_heads() {
        for (text, phrase, kind) in [
            (
                "le groupe a revendiqué",
                "le groupe",
                Some(ActorKind::ArmedGroup),
            ),
            (
                "l'organisation jihadiste est acculée",
                "l'organisation jihadiste",
                Some(ActorKind::JihadistGroup),
            ),
            (
                "les djihadistes ont fui",
                "les djihadistes",
                Some(ActorKind::JihadistGroup),
            ),
            (
                "les terroristes ont fui",
                "les terroristes",
                Some(ActorKind::JihadistGroup),
            ),
            (
                "l'armée s'est emparée",
                "l'armée",
                Some(ActorKind::StateForces),
            ),
            (
                "les troupes loyalistes veulent",
                "les troupes loyalistes",
                Some(ActorKind::StateForces),
            ),
            (
                "entre forces pro-régime et djihadistes",
                "forces pro-régime",
                Some(ActorKind::StateForces),
            ),
            (
                "entre forces pro-régime et djihadistes",
                "djihadistes",
                Some(ActorKind::JihadistGroup),
            ),
            (
                "des hommes armés ont tué",
                "des hommes armés",
                Some(ActorKind::ArmedGroup),
            ),
            (
                "les forces supplétives et alliées",
                "les forces supplétives et alliées",
                Some(ActorKind::Militia),
            ),
            ("l'organisation a dit", "l'organisation", None),
        ] {
            let m = one(text, phrase);
            assert!(m.generic && m.actor.is_none(), "{text}");
            assert_eq!(m.kind, kind, "{text}");
        }
    }

    #[test]
    fn civilians() {
        for (text, phrase) in [
            ("des civils ont été tués", "des civils"),
            ("ses habitants ont fui", "ses habitants"),
            (
                "des personnes déplacées ont été visées",
                "des personnes déplacées",
            ),
            ("des milliers de réfugiés", "réfugiés"),
            (
                "les familles des combattants de l'EI",
                "les familles des combattants de l'EI",
            ),
            ("la population civile a fui", "la population civile"),
        ] {
            let m = one(text, phrase);
            assert_eq!(m.actor.map(|a| a.id), Some("CIVILIANS"), "{text}");
            assert_eq!(m.kind, Some(ActorKind::Civilians));
            assert!(!m.generic);
        }
    }

    #[test]
    fn adjectives_are_not_mentions() {
        assert!(find("les opérations militaires continuent").is_empty());
        assert!(find("une source militaire a dit").is_empty());
        assert!(find("ils se sont réfugiés dans la montagne").is_empty());
        assert!(find("des attaques jihadistes").is_empty());
        assert!(find("la guerre civile").is_empty());
        assert!(find("la ministre des Armées").is_empty());
    }

    #[test]
    fn negatives() {
        assert!(find("la ville").is_empty());
        assert!(find("à l'est de l'Euphrate, la ville comptait 30.000 âmes").is_empty());
        assert!(find("le désert syrien, le fleuve et la province").is_empty());
        assert!(find("").is_empty());
        assert!(find("Le président a parlé du climat.").is_empty());
    }

    #[test]
    fn demonym_nouns() {
        let m = one("les Russes ont bombardé", "les Russes");
        assert_eq!((m.actor, m.country, m.generic), (None, Some("RU"), true));
        let m = one("les Kurdes ont repris", "les Kurdes");
        assert_eq!(m.kind, Some(ActorKind::ArmedGroup));
    }

    #[test]
    fn mentions_are_ordered_and_disjoint() {
        let text = "Des unités de l’armée syrienne en collaboration avec les forces alliées ont éliminé les terroristes de Daech, a indiqué Sana.";
        let found = find(text);
        assert!(found.windows(2).all(|w| w[0].last < w[1].first));
        assert_eq!(
            ids(text),
            [
                (
                    "Des unités de l’armée syrienne".to_string(),
                    "SYR_GOV".to_string()
                ),
                ("les forces alliées".to_string(), "-".to_string()),
                ("les terroristes de Daech".to_string(), "ISIS".to_string()),
                ("Sana".to_string(), "SANA".to_string()),
            ]
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "(",
            "((((",
            "l'",
            "de de de du des",
            "les forces (EI",
            "les forces (",
            "les combattants de",
            "Forces ( ) ( FDS )",
            "l’État islamique (É",
            "\u{feff}«»—’",
            "DAECH DAECH (DAECH) (DAECH)",
        ] {
            let found = find(text);
            for m in found {
                assert!(m.start <= m.end && m.end <= text.len());
            }
        }
        // Tokens from a sub-range of a larger text.
        let text = "xx les forces irakiennes yy";
        let toks = tokenize(text, 3..24);
        let found = find_actors(text, &toks);
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "les forces irakiennes");
    }
}
