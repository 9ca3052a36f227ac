//! Scoring predicted documents against gold ones (`tests/gold/*.json`).
//!
//! Documents are paired by id. Inside a pair, a predicted event matches a gold event when both
//! have the same type and their trigger spans overlap; matching is one-to-one, greedy by the
//! size of the overlap. Events are scored per type and overall (precision, recall, F1).
//!
//! The fields of matched events are then scored one by one. A field counts in the gold when the
//! gold event has a value for it, in the prediction when the predicted event has one, and is
//! right when both have one and they agree:
//!
//! - `agent`, `target`: some predicted mention agrees with some gold mention — same actor id when
//!   both are resolved, else overlapping spans;
//! - `location`: same place name (and country, when both give one) when both are resolved, else
//!   overlapping spans; coordinates are not compared;
//! - `time`: same value when the gold has one, else overlapping spans;
//! - `count`: same value and qualifier;
//! - `source`: same actor id when both are resolved, else overlapping spans;
//! - `modality`: equal (every event has one).
//!
//! An event is *strictly* right when it matches and its modality, and each of agent, target and
//! location that the gold fills, are right: the measure that says whether the whole line of a
//! dataset could be kept as it is.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::engine::gazetteer::distance_km;
use crate::engine::record::{ActorRef, Document, Event, EventType, PlaceRef, TimeRef};

/// Gold, predicted and right counts, with the ratios derived from them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Items in the gold.
    pub gold: usize,
    /// Items in the prediction.
    pub pred: usize,
    /// Items both have and agree on (matched events, right field values).
    pub right: usize,
}

impl Counts {
    /// `right / pred`, or 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.pred)
    }

    /// `right / gold`, or 0 when the gold has nothing.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.gold)
    }

    /// Harmonic mean of precision and recall, or 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.gold += other.gold;
        self.pred += other.pred;
        self.right += other.right;
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// The fields scored over matched events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Agent,
    Target,
    Location,
    Time,
    Count,
    Source,
    Modality,
}

impl Field {
    /// All fields, in the record's order.
    pub const ALL: [Field; 7] = [
        Field::Agent,
        Field::Target,
        Field::Location,
        Field::Time,
        Field::Count,
        Field::Source,
        Field::Modality,
    ];

    /// The field's key in the JSON record.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Agent => "agent",
            Field::Target => "target",
            Field::Location => "location",
            Field::Time => "time",
            Field::Count => "count",
            Field::Source => "source",
            Field::Modality => "modality",
        }
    }
}

/// The result of [`evaluate`]: event scores per type and overall, and field scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Events per type (`right` = matched events); only types seen in gold or prediction.
    pub by_type: BTreeMap<EventType, Counts>,
    /// Events of all types (micro-averaged).
    pub events: Counts,
    /// Events strictly right (`right`): matched, with the modality and every participant the
    /// gold fills right.
    pub strict: Counts,
    /// Fields over matched events; every field of [`Field::ALL`] is present.
    pub fields: BTreeMap<Field, Counts>,
    /// Ids of gold documents with no predicted document (all their events count as missed).
    pub missing: Vec<String>,
    /// Ids of predicted documents with no gold document (not scored).
    pub unknown: Vec<String>,
}

impl Scores {
    /// The counts of one event type (zero when the type was never seen).
    pub fn of_type(&self, kind: EventType) -> Counts {
        self.by_type.get(&kind).copied().unwrap_or_default()
    }

    /// The counts of one field.
    pub fn of_field(&self, field: Field) -> Counts {
        self.fields.get(&field).copied().unwrap_or_default()
    }
}

/// Scores `predicted` against `gold`, pairing documents by id.
///
/// A gold document without a prediction counts as an empty prediction; a predicted document
/// without gold is left out and listed in [`Scores::unknown`].
pub fn evaluate(gold: &[Document], predicted: &[Document]) -> Scores {
    let mut scores = Scores {
        fields: Field::ALL.iter().map(|&f| (f, Counts::default())).collect(),
        ..Scores::default()
    };
    let by_id: HashMap<&str, &Document> = predicted.iter().map(|d| (d.id.as_str(), d)).collect();
    let empty: Vec<Event> = Vec::new();
    for g in gold {
        let pred_events = match by_id.get(g.id.as_str()) {
            Some(p) => &p.events,
            None => {
                scores.missing.push(g.id.clone());
                &empty
            }
        };
        score_document(&g.events, pred_events, &mut scores);
    }
    scores.unknown = predicted
        .iter()
        .filter(|p| !gold.iter().any(|g| g.id == p.id))
        .map(|p| p.id.clone())
        .collect();
    scores
}

fn score_document(gold: &[Event], pred: &[Event], scores: &mut Scores) {
    for e in gold {
        scores.by_type.entry(e.kind).or_default().gold += 1;
        scores.events.gold += 1;
        scores.strict.gold += 1;
    }
    for e in pred {
        scores.by_type.entry(e.kind).or_default().pred += 1;
        scores.events.pred += 1;
        scores.strict.pred += 1;
    }
    for (gi, pi) in match_events(gold, pred) {
        let (g, p) = (&gold[gi], &pred[pi]);
        scores.by_type.entry(g.kind).or_default().right += 1;
        scores.events.right += 1;
        let mut strict = true;
        for field in Field::ALL {
            let c = score_field(field, g, p);
            if STRICT.contains(&field) && c.gold > c.right {
                strict = false;
            }
            scores.fields.entry(field).or_default().add(c);
        }
        scores.strict.right += usize::from(strict);
    }
}

/// The fields a strictly right event must have right whenever the gold fills them.
const STRICT: [Field; 4] = [
    Field::Agent,
    Field::Target,
    Field::Location,
    Field::Modality,
];

/// One-to-one pairs `(gold index, predicted index)`: same type, overlapping triggers, greedy by
/// overlap (ties: earlier gold, then earlier prediction).
pub fn match_events(gold: &[Event], pred: &[Event]) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if g.kind != p.kind {
                continue;
            }
            let overlap = overlap(
                g.trigger.start,
                g.trigger.end,
                p.trigger.start,
                p.trigger.end,
            );
            if overlap > 0 {
                candidates.push((overlap, gi, pi));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (_, gi, pi) in candidates {
        if !gold_used[gi] && !pred_used[pi] {
            gold_used[gi] = true;
            pred_used[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs.sort_unstable();
    pairs
}

fn overlap(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> usize {
    a_end.min(b_end).saturating_sub(a_start.max(b_start))
}

fn spans_overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    overlap(a.0, a.1, b.0, b.1) > 0
}

fn counts(gold_has: bool, pred_has: bool, agree: bool) -> Counts {
    Counts {
        gold: usize::from(gold_has),
        pred: usize::from(pred_has),
        right: usize::from(gold_has && pred_has && agree),
    }
}

fn score_field(field: Field, g: &Event, p: &Event) -> Counts {
    match field {
        Field::Agent => list_counts(&g.agent, &p.agent, actors_agree),
        Field::Target => list_counts(&g.target, &p.target, actors_agree),
        Field::Location => list_counts(&g.location, &p.location, places_agree),
        Field::Time => option_counts(&g.time, &p.time, times_agree),
        Field::Count => option_counts(&g.count, &p.count, |a, b| {
            a.value == b.value && a.qualifier == b.qualifier
        }),
        Field::Source => option_counts(&g.source, &p.source, actors_agree),
        Field::Modality => counts(true, true, g.modality == p.modality),
    }
}

fn list_counts<T>(gold: &[T], pred: &[T], agree: impl Fn(&T, &T) -> bool) -> Counts {
    let any = gold.iter().any(|g| pred.iter().any(|p| agree(g, p)));
    counts(!gold.is_empty(), !pred.is_empty(), any)
}

fn option_counts<T>(gold: &Option<T>, pred: &Option<T>, agree: impl Fn(&T, &T) -> bool) -> Counts {
    let both = matches!((gold, pred), (Some(g), Some(p)) if agree(g, p));
    counts(gold.is_some(), pred.is_some(), both)
}

fn actors_agree(g: &ActorRef, p: &ActorRef) -> bool {
    match (&g.actor, &p.actor) {
        (Some(a), Some(b)) => a == b,
        _ => spans_overlap((g.start, g.end), (p.start, p.end)),
    }
}

fn places_agree(g: &PlaceRef, p: &PlaceRef) -> bool {
    match (&g.place, &p.place) {
        (Some(a), Some(b)) => {
            let countries_agree = match (&g.country, &p.country) {
                (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
                _ => true,
            };
            let same_name = a.trim().to_lowercase() == b.trim().to_lowercase();
            (same_name || near(g, p)) && countries_agree
        }
        _ => spans_overlap((g.start, g.end), (p.start, p.end)),
    }
}

/// How far apart two coordinates of one place may be: names differ between conventions
/// (« Palmyre », « Palmyra ») and hand-written gold coordinates are approximate.
const SAME_PLACE_KM: f64 = 30.0;

/// Whether two resolved places lie within [`SAME_PLACE_KM`] of each other.
fn near(g: &PlaceRef, p: &PlaceRef) -> bool {
    let (Some(lat1), Some(lon1), Some(lat2), Some(lon2)) = (g.lat, g.lon, p.lat, p.lon) else {
        return false;
    };
    distance_km(lat1, lon1, lat2, lon2) <= SAME_PLACE_KM
}

fn times_agree(g: &TimeRef, p: &TimeRef) -> bool {
    match &g.value {
        Some(v) => p.value.as_ref() == Some(v),
        None => spans_overlap((g.start, g.end), (p.start, p.end)),
    }
}

fn cell(value: f64, den: usize) -> String {
    if den == 0 {
        format!("{:>7}", "-")
    } else {
        format!("{value:>7.3}")
    }
}

fn row(f: &mut fmt::Formatter<'_>, name: &str, c: Counts) -> fmt::Result {
    let f1_den = if c.pred == 0 && c.gold == 0 { 0 } else { 1 };
    writeln!(
        f,
        "{name:<14}{:>6}{:>6}{:>7}{}{}{}",
        c.gold,
        c.pred,
        c.right,
        cell(c.precision(), c.pred),
        cell(c.recall(), c.gold),
        cell(c.f1(), f1_den),
    )
}

/// A plain-text table: one row per event type seen, `ALL`, then one row per field. A ratio
/// whose denominator is zero prints as `-`.
impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header = |f: &mut fmt::Formatter<'_>, first: &str, third: &str| {
            writeln!(
                f,
                "{first:<14}{:>6}{:>6}{third:>7}{:>7}{:>7}{:>7}",
                "gold", "pred", "P", "R", "F1"
            )
        };
        header(f, "type", "match")?;
        for kind in EventType::ALL {
            if let Some(&c) = self.by_type.get(&kind) {
                row(f, kind.as_str(), c)?;
            }
        }
        row(f, "ALL", self.events)?;
        row(f, "strict", self.strict)?;
        writeln!(f)?;
        header(f, "field", "right")?;
        for field in Field::ALL {
            row(f, field.as_str(), self.of_field(field))?;
        }
        if !self.missing.is_empty() {
            writeln!(f, "\nno prediction for: {}", self.missing.join(", "))?;
        }
        if !self.unknown.is_empty() {
            writeln!(
                f,
                "\nnot in the gold (not scored): {}",
                self.unknown.join(", ")
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::record::{Count, Modality, Qualifier, Range, Span};

    fn event(kind: EventType, start: usize, end: usize) -> Event {
        Event {
            kind,
            trigger: Span {
                text: "x".repeat(end - start),
                start,
                end,
            },
            sentence: Range {
                start: 0,
                end: 1000,
            },
            agent: Vec::new(),
            target: Vec::new(),
            location: Vec::new(),
            time: None,
            date: None,
            count: None,
            source: None,
            modality: Modality::Asserted,
        }
    }

    fn actor(start: usize, end: usize, id: Option<&str>) -> ActorRef {
        ActorRef {
            text: "a".repeat(end - start),
            start,
            end,
            actor: id.map(str::to_string),
            name: None,
        }
    }

    fn place(start: usize, end: usize, name: Option<&str>, country: Option<&str>) -> PlaceRef {
        PlaceRef {
            text: "p".repeat(end - start),
            start,
            end,
            place: name.map(str::to_string),
            lat: None,
            lon: None,
            country: country.map(str::to_string),
            precision: None,
        }
    }

    fn doc(id: &str, events: Vec<Event>) -> Document {
        Document {
            id: id.to_string(),
            title: None,
            date: None,
            events,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn rich_gold() -> Vec<Document> {
        let mut capture = event(EventType::Capture, 31, 42);
        capture.agent = vec![actor(0, 27, Some("SYR_GOV"))];
        capture.target = vec![actor(50, 79, Some("ISIS"))];
        capture.location = vec![place(300, 312, Some("Al-Qaryatayn"), Some("SY"))];
        capture.time = Some(TimeRef {
            text: "samedi".into(),
            start: 43,
            end: 49,
            value: Some("2017-10-21".into()),
        });
        capture.source = Some(actor(190, 214, Some("SANA")));
        let mut withdrawal = event(EventType::Withdrawal, 400, 406);
        withdrawal.count = Some(Count {
            text: "plus de 200".into(),
            start: 420,
            end: 431,
            value: 200,
            qualifier: Qualifier::MoreThan,
        });
        vec![doc(
            "d1",
            vec![capture, withdrawal, event(EventType::AirStrike, 500, 507)],
        )]
    }

    #[test]
    fn perfect_prediction_scores_one() {
        let gold = rich_gold();
        let s = evaluate(&gold, &gold);
        assert_eq!(
            s.events,
            Counts {
                gold: 3,
                pred: 3,
                right: 3
            }
        );
        assert!(close(s.events.precision(), 1.0));
        assert!(close(s.events.recall(), 1.0));
        assert!(close(s.events.f1(), 1.0));
        for field in Field::ALL {
            let c = s.of_field(field);
            assert_eq!(c.gold, c.right, "{field:?}");
            assert_eq!(c.pred, c.right, "{field:?}");
        }
        assert!(close(s.of_field(Field::Agent).f1(), 1.0));
        assert_eq!(s.of_field(Field::Modality).gold, 3);
        assert_eq!(s.of_field(Field::Count).gold, 1);
        assert!(s.missing.is_empty() && s.unknown.is_empty());
    }

    #[test]
    fn strict_needs_every_gold_participant_and_the_modality_but_not_the_time() {
        let gold = rich_gold();
        assert_eq!(evaluate(&gold, &gold).strict.right, 3);
        let mut pred = gold.clone();
        pred[0].events[0].time = None;
        pred[0].events[0].source = None;
        assert_eq!(evaluate(&gold, &pred).strict.right, 3);
        pred[0].events[0].target.clear();
        pred[0].events[1].modality = Modality::Planned;
        pred[0].events[2].agent = vec![actor(0, 5, Some("X"))];
        let s = evaluate(&gold, &pred);
        assert_eq!(s.events.right, 3);
        assert_eq!(
            s.strict,
            Counts {
                gold: 3,
                pred: 3,
                right: 1
            }
        );
    }

    #[test]
    fn a_missing_event_lowers_recall_only() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        pred[0].events.pop();
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.events,
            Counts {
                gold: 3,
                pred: 2,
                right: 2
            }
        );
        assert!(close(s.events.precision(), 1.0));
        assert!(close(s.events.recall(), 2.0 / 3.0));
        assert!(close(s.events.f1(), 0.8));
        assert_eq!(
            s.of_type(EventType::AirStrike),
            Counts {
                gold: 1,
                pred: 0,
                right: 0
            }
        );
    }

    #[test]
    fn a_wrong_type_lowers_precision_and_recall() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        pred[0].events[2].kind = EventType::Shelling;
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.events,
            Counts {
                gold: 3,
                pred: 3,
                right: 2
            }
        );
        assert!(close(s.events.precision(), 2.0 / 3.0));
        assert_eq!(
            s.of_type(EventType::Shelling),
            Counts {
                gold: 0,
                pred: 1,
                right: 0
            }
        );
        assert!(close(s.of_type(EventType::Shelling).precision(), 0.0));
        assert!(close(s.of_type(EventType::Capture).f1(), 1.0));
    }

    #[test]
    fn an_extra_event_lowers_precision_only() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        pred[0].events.push(event(EventType::Killing, 600, 605));
        let s = evaluate(&gold, &pred);
        assert!(close(s.events.recall(), 1.0));
        assert!(close(s.events.precision(), 0.75));
    }

    #[test]
    fn triggers_match_by_overlap_one_to_one() {
        let gold = vec![doc("d", vec![event(EventType::Capture, 10, 20)])];
        // Two overlapping predictions of the same type: only the larger overlap matches.
        let pred = vec![doc(
            "d",
            vec![
                event(EventType::Capture, 5, 12),
                event(EventType::Capture, 12, 25),
            ],
        )];
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.events,
            Counts {
                gold: 1,
                pred: 2,
                right: 1
            }
        );
        assert_eq!(match_events(&gold[0].events, &pred[0].events), vec![(0, 1)]);
        // Adjacent spans do not overlap.
        let pred = vec![doc("d", vec![event(EventType::Capture, 20, 30)])];
        assert_eq!(evaluate(&gold, &pred).events.right, 0);
    }

    #[test]
    fn greedy_matching_prefers_the_larger_overlap() {
        let gold = [
            event(EventType::Attack, 0, 10),
            event(EventType::Attack, 8, 30),
        ];
        let pred = [event(EventType::Attack, 8, 28)];
        assert_eq!(match_events(&gold, &pred), vec![(1, 0)]);
    }

    #[test]
    fn actors_match_by_id_else_by_span() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        let capture = &mut pred[0].events[0];
        // Same id, another mention: right.
        capture.agent = vec![actor(100, 110, Some("SYR_GOV"))];
        // Both resolved to different ids on the same span: wrong.
        capture.target = vec![actor(50, 79, Some("SDF"))];
        // Unresolved, overlapping span: right.
        capture.source = Some(actor(200, 205, None));
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.of_field(Field::Agent),
            Counts {
                gold: 1,
                pred: 1,
                right: 1
            }
        );
        assert_eq!(
            s.of_field(Field::Target),
            Counts {
                gold: 1,
                pred: 1,
                right: 0
            }
        );
        assert_eq!(
            s.of_field(Field::Source),
            Counts {
                gold: 1,
                pred: 1,
                right: 1
            }
        );

        // An agent where the gold has none counts against precision only.
        let mut pred = gold.clone();
        pred[0].events[1].agent = vec![actor(380, 390, Some("ISIS"))];
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.of_field(Field::Agent),
            Counts {
                gold: 1,
                pred: 2,
                right: 1
            }
        );
        assert!(close(s.of_field(Field::Agent).recall(), 1.0));
        assert!(close(s.of_field(Field::Agent).precision(), 0.5));
    }

    #[test]
    fn places_with_other_names_match_by_nearby_coordinates() {
        let located = |name: &str, lat: f64, lon: f64| {
            let mut p = place(0, 5, Some(name), Some("SY"));
            p.lat = Some(lat);
            p.lon = Some(lon);
            p
        };
        let palmyra = located("Palmyra", 34.56, 38.27);
        assert!(places_agree(&palmyra, &located("Palmyre", 34.551, 38.28)));
        assert!(!places_agree(&palmyra, &located("Homs", 34.73, 36.72)));
    }

    #[test]
    fn places_match_by_name_not_coordinates() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        let mut p = place(0, 5, Some("al-qaryatayn"), Some("SY"));
        p.lat = Some(1.0);
        p.lon = Some(2.0);
        pred[0].events[0].location = vec![place(900, 905, Some("Homs"), Some("SY")), p];
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.of_field(Field::Location),
            Counts {
                gold: 1,
                pred: 1,
                right: 1
            }
        );

        pred[0].events[0].location = vec![place(300, 312, Some("Palmyra"), Some("SY"))];
        assert_eq!(evaluate(&gold, &pred).of_field(Field::Location).right, 0);

        pred[0].events[0].location = vec![place(305, 320, None, None)];
        assert_eq!(evaluate(&gold, &pred).of_field(Field::Location).right, 1);
    }

    #[test]
    fn time_count_and_modality() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        // Right span, wrong value: wrong, since the gold has a value.
        pred[0].events[0].time.as_mut().unwrap().value = Some("2017-10-22".into());
        // Right value, wrong qualifier: wrong.
        pred[0].events[1].count.as_mut().unwrap().qualifier = Qualifier::Exact;
        pred[0].events[2].modality = Modality::Planned;
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.of_field(Field::Time),
            Counts {
                gold: 1,
                pred: 1,
                right: 0
            }
        );
        assert_eq!(
            s.of_field(Field::Count),
            Counts {
                gold: 1,
                pred: 1,
                right: 0
            }
        );
        assert_eq!(
            s.of_field(Field::Modality),
            Counts {
                gold: 3,
                pred: 3,
                right: 2
            }
        );

        // Gold time without value: matched by span.
        let mut gold = gold;
        gold[0].events[0].time.as_mut().unwrap().value = None;
        let s = evaluate(&gold, &pred);
        assert_eq!(s.of_field(Field::Time).right, 1);
    }

    #[test]
    fn documents_are_paired_by_id() {
        let gold = vec![
            doc("a", vec![event(EventType::Capture, 0, 5)]),
            doc("b", vec![event(EventType::Attack, 0, 5)]),
        ];
        // The prediction for "b" comes first; "a" has none; "c" has no gold.
        let pred = vec![
            doc("c", vec![event(EventType::Capture, 0, 5)]),
            doc("b", vec![event(EventType::Attack, 2, 4)]),
        ];
        let s = evaluate(&gold, &pred);
        assert_eq!(
            s.events,
            Counts {
                gold: 2,
                pred: 1,
                right: 1
            }
        );
        assert_eq!(s.missing, vec!["a".to_string()]);
        assert_eq!(s.unknown, vec!["c".to_string()]);
    }

    #[test]
    fn empty_counts_give_zero_not_nan() {
        let c = Counts::default();
        assert_eq!((c.precision(), c.recall(), c.f1()), (0.0, 0.0, 0.0));
        let s = evaluate(&[], &[]);
        assert_eq!(s.events, Counts::default());
        assert_eq!(s.fields.len(), Field::ALL.len());
    }

    #[test]
    fn display_prints_a_table() {
        let gold = rich_gold();
        let mut pred = gold.clone();
        pred[0].events.pop();
        let table = evaluate(&gold, &pred).to_string();
        let lines: Vec<&str> = table.lines().collect();
        assert!(lines[0].starts_with("type"));
        assert!(lines[0].contains("match") && lines[0].ends_with("F1"));
        let capture = lines.iter().find(|l| l.starts_with("capture")).unwrap();
        assert_eq!(
            capture.split_whitespace().collect::<Vec<_>>(),
            ["capture", "1", "1", "1", "1.000", "1.000", "1.000"]
        );
        let air = lines.iter().find(|l| l.starts_with("air_strike")).unwrap();
        assert_eq!(
            air.split_whitespace().collect::<Vec<_>>(),
            ["air_strike", "1", "0", "0", "-", "0.000", "0.000"]
        );
        let all = lines.iter().find(|l| l.starts_with("ALL")).unwrap();
        assert!(all.contains("0.667") && all.contains("0.800"));
        assert!(lines.iter().any(|l| l.starts_with("field")));
        for field in Field::ALL {
            assert!(lines.iter().any(|l| l.starts_with(field.as_str())));
        }
        assert!(!lines.iter().any(|l| l.starts_with("shelling")));
    }
}
