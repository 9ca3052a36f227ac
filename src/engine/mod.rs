//! The extraction engine: text → document layout → sentences → tokens → morphology → mentions
//! (actors, places, times, counts, and the phrases that name no actor) → triggers → grammatical
//! functions and roles ([`roles`]: rules as data) → events. One module per stage; no web
//! dependency, so it runs natively and in WebAssembly.
//!
//! The entry point is [`extract`].

pub mod chunks;
pub mod data;
pub mod date;
pub mod document;
pub mod events;
pub mod fast_hash;
pub mod gazetteer;
pub mod lexicon;
pub mod mentions;
pub mod morphology;
// The record is the contract outside tools read: every public item of it says what it means.
#[warn(missing_docs)]
pub mod record;
pub mod roles;
pub mod sentences;
pub mod tokens;
pub mod triggers;

pub use record::{
    ActorRef, Count, DateOrigin, DatePrecision, Document, Event, EventDate, EventType,
    GeoPrecision, Modality, PlaceRef, Qualifier, Range, Span, TimeRef,
};

/// Extracts one article's events. `id` names the document in the record.
///
/// Never panics; every span it returns satisfies `text[start..end] == span.text`.
pub fn extract(id: &str, text: &str) -> Document {
    extract_with(id, text, None, None)
}

/// Extracts one article whose title or publication date is known apart from its text (a
/// database export, the page's form): a non-blank `title` replaces the text's title line, and a
/// `date` (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) its dateline, in the record and to place relative
/// times (« jeudi »); a date that cannot be read is ignored.
pub fn extract_with(id: &str, text: &str, title: Option<&str>, date: Option<&str>) -> Document {
    let layout = document::layout(text);
    let date = date
        .and_then(|d| date::Date::parse_iso(d.trim()))
        .or(layout.date);
    // First pass: each sentence read on its own, stage after stage.
    let mut sentences: Vec<events::Sentence> = Vec::new();
    for (block_index, block) in layout.blocks.iter().enumerate() {
        for range in sentences::split(text, block.clone()) {
            sentences.push(read_sentence(text, range, block_index, date));
        }
    }
    // Then the article's countries (most named first), which settle ambiguous place names.
    let countries = article_countries(&sentences);
    let countries: Vec<&str> = countries.iter().map(String::as_str).collect();
    let others = article_places(&sentences);
    if !countries.is_empty() {
        let mut settled = mentions::Settled::default();
        for sentence in &mut sentences {
            mentions::resolve_in_article(
                &sentence.tokens,
                &mut sentence.places,
                &countries,
                &others,
                &mut settled,
            );
        }
    }
    // Second pass: events, with what earlier sentences said.
    let mut memory = events::Memory::new(&sentences);
    let mut found = Vec::new();
    for k in 0..sentences.len() {
        found.extend(events::sentence_events(&sentences, k, &mut memory));
    }
    if let Some(title) = &layout.title {
        events::headline_from_lead(&mut found, title);
    }
    let date = date.map(|d| d.to_string());
    for e in &mut found {
        e.date = EventDate::of(e.time.as_ref(), date.as_deref());
    }
    Document {
        id: id.to_string(),
        title: match title.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => Some(t.to_string()),
            None => layout.title.map(|r| text[r].to_string()),
        },
        date,
        events: found,
    }
}

/// One sentence's layers, each stage reading the ones before it: tokens, actor mentions,
/// places, triggers, then (only where there is an event) times, counts and the noun phrases
/// that name no actor.
fn read_sentence(
    text: &str,
    range: std::ops::Range<usize>,
    block: usize,
    date: Option<date::Date>,
) -> events::Sentence<'_> {
    let tokens = tokens::tokenize(text, range.clone());
    let mut actors = mentions::actors::find_actors(text, &tokens);
    let places = mentions::find_places(text, &tokens, &mut actors, &[]);
    let triggers = triggers::find_triggers(text, &tokens);
    // Times and counts only serve events: a sentence without a trigger needs neither, and only
    // events that befall people are counted.
    let times = if triggers.is_empty() {
        Vec::new()
    } else {
        mentions::times::find_times(text, &tokens, date)
    };
    let counts = if triggers.iter().any(|t| events::counts_people(t.kind)) {
        mentions::counts::find_counts(text, &tokens)
    } else {
        Vec::new()
    };
    let mut sentence = events::Sentence {
        range,
        block,
        actors,
        places,
        times,
        counts,
        triggers,
        verb_forms: Vec::new(),
        tokens,
        text,
    };
    if !sentence.triggers.is_empty() {
        let (phrases, morph) = phrases(&sentence);
        sentence.verb_forms = morph
            .iter()
            .map(|m| events::VerbForms {
                present_participle: m.is_present_participle(),
                past_participle: m.is_past_participle(),
                infinitive: m.is_infinitive(),
            })
            .collect();
        if !phrases.is_empty() {
            sentence.actors.extend(phrases);
            sentence.actors.sort_by_key(|m| m.first);
        }
    }
    sentence
}

/// The noun phrases left between a sentence's actors, places, times and triggers, with the
/// readings of the tokens they were read from.
fn phrases(
    sentence: &events::Sentence,
) -> (Vec<mentions::actors::ActorMention>, Vec<morphology::Morph>) {
    let tokens = &sentence.tokens;
    let mut taken = vec![false; tokens.len()];
    let spans = sentence.actors.iter().map(|m| (m.first, m.last));
    let spans = spans.chain(sentence.places.iter().map(|p| (p.first, p.last)));
    for (first, last) in spans.chain(sentence.triggers.iter().map(|t| (t.first, t.last))) {
        taken[first..=last].fill(true);
    }
    for (i, t) in tokens.iter().enumerate() {
        taken[i] |= sentence
            .times
            .iter()
            .any(|m| m.start < t.end && t.start < m.end);
    }
    let morph = morphology::analyse_where(sentence.text, tokens, |i| !taken[i]);
    let mut phrases = mentions::phrases::find_phrases(sentence.text, tokens, &morph, |i| taken[i]);
    // « deux autres attaques », « de violents combats »: words right before a noun trigger
    // are its own determiner and adjectives, not a phrase.
    phrases.retain(|m| {
        !sentence
            .triggers
            .iter()
            .any(|t| !t.verbal && t.first == m.last + 1)
    });
    (phrases, morph)
}

/// The towns, districts and provinces an article names, as (name, latitude, longitude): what
/// a shared name is resolved against.
fn article_places(sentences: &[events::Sentence]) -> Vec<(&'static str, f64, f64)> {
    let mut out: Vec<(&'static str, f64, f64)> = Vec::new();
    let named = sentences.iter().flat_map(|s| &s.places);
    for p in named.filter_map(|p| p.place) {
        let local = matches!(
            p.kind,
            gazetteer::PlaceKind::City
                | gazetteer::PlaceKind::District
                | gazetteer::PlaceKind::Admin
        );
        if local && !out.iter().any(|o| o.0 == p.name && o.1 == p.lat) {
            out.push((p.name, p.lat, p.lon));
        }
    }
    out
}

/// The countries of the places an article names, most named first.
fn article_countries(sentences: &[events::Sentence]) -> Vec<String> {
    let mut tally: Vec<(String, usize)> = Vec::new();
    let named = sentences
        .iter()
        .flat_map(|s| &s.places)
        .filter_map(|p| p.place);
    for country in named.map(|p| p.country) {
        match tally.iter_mut().find(|(c, _)| c == country) {
            Some((_, n)) => *n += 1,
            None => tally.push((country.to_string(), 1)),
        }
    }
    tally.sort_by_key(|t| std::cmp::Reverse(t.1));
    tally.into_iter().map(|(c, _)| c).collect()
}
