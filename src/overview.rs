//! The overview's pure logic, with no web dependency (compiled and tested natively): where the
//! filtered events happened (one count per place, for the map), the part of the world the map
//! shows, when they happened (bars by day, week, month or year, for the timeline), and the
//! world's outlines that the map draws (`data/world.tsv`, from Natural Earth, which the page
//! fetches once its article list is drawn).

use crate::engine::date::{Date, days_in_month};
use crate::engine::{Event, EventType, PlaceRef};
use crate::explore::{fixed, place_key};

/// Events of each type, indexed by `EventType as usize`.
pub type TypeCounts = [usize; EventType::ALL.len()];

/// Whether a place is drawn on the map as a point: a town. Provinces, regions, rivers, deserts
/// and countries are areas, listed beside the map rather than drawn as if they were towns.
pub fn is_point(p: &PlaceRef) -> bool {
    p.precision == Some(crate::engine::record::GeoPrecision::Town)
}

/// A place with coordinates and the filtered events located there.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCount {
    /// The place filter's key (see [`place_key`]).
    pub key: String,
    pub lat: f64,
    pub lon: f64,
    /// A town (drawn as a mark), else an area (listed beside the map).
    pub point: bool,
    /// Events located there (each event once, however often it names the place).
    pub total: usize,
    pub by_type: TypeCounts,
}

impl PlaceCount {
    /// The type with the most events there (the first in [`EventType::ALL`] on a tie): the
    /// mark's colour.
    pub fn main_type(&self) -> EventType {
        let mut best = EventType::ALL[0];
        for t in EventType::ALL {
            if self.by_type[t as usize] > self.by_type[best as usize] {
                best = t;
            }
        }
        best
    }

    /// The types present there with their counts, most frequent first.
    pub fn types(&self) -> Vec<(EventType, usize)> {
        type_list(&self.by_type)
    }
}

/// The types with at least one event, most frequent first (type order on ties).
pub fn type_list(counts: &TypeCounts) -> Vec<(EventType, usize)> {
    let mut v: Vec<(EventType, usize)> = EventType::ALL
        .into_iter()
        .map(|t| (t, counts[t as usize]))
        .filter(|&(_, n)| n > 0)
        .collect();
    v.sort_by_key(|&(t, n)| (std::cmp::Reverse(n), t as usize));
    v
}

/// The places with coordinates of these events: each event counts once at each distinct place
/// it names (so that choosing a place shows exactly its count), most events first, then by name.
pub fn place_counts<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<PlaceCount> {
    let mut out: Vec<PlaceCount> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for e in events {
        let mut seen: Vec<usize> = Vec::new();
        for p in &e.location {
            let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                continue;
            };
            let key = place_key(p);
            let i = *index.entry(key.clone()).or_insert_with(|| {
                out.push(PlaceCount {
                    key,
                    lat,
                    lon,
                    point: is_point(p),
                    total: 0,
                    by_type: [0; EventType::ALL.len()],
                });
                out.len() - 1
            });
            if !seen.contains(&i) {
                seen.push(i);
                out[i].total += 1;
                out[i].by_type[e.kind as usize] += 1;
            }
        }
    }
    out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.key.cmp(&b.key)));
    out
}

/// The map's width over its height.
pub const ASPECT: f64 = 2.0;
/// The narrowest view, in degrees of longitude (about 800 km): a single town is drawn with the
/// borders around it, not alone on a blank square.
const MIN_WIDTH: f64 = 8.0;

/// The part of the world the map shows, in projected units: `x = lon × k`, `y = −lat`, where
/// `k` is the cosine of the view's middle latitude (an equirectangular projection true to
/// shape there).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub k: f64,
}

impl Frame {
    /// The whole world (when no event has coordinates).
    pub const WORLD: Frame = Frame {
        x: -180.0,
        y: -90.0,
        w: 360.0,
        h: 180.0,
        k: 1.0,
    };

    /// The frame that fits these points (latitude, longitude) with a margin, at [`ASPECT`]: its
    /// longitudes shrunk by the cosine of its middle latitude.
    pub fn fit(points: &[(f64, f64)]) -> Frame {
        if points.is_empty() {
            return Frame::WORLD;
        }
        let (mut s, mut n, mut w, mut e) = (90.0f64, -90.0f64, 180.0f64, -180.0f64);
        for &(lat, lon) in points {
            s = s.min(lat);
            n = n.max(lat);
            w = w.min(lon);
            e = e.max(lon);
        }
        let k = cos_deg((s + n) / 2.0).max(0.2);
        let (cx, cy) = ((w + e) / 2.0 * k, -(s + n) / 2.0);
        let mut width = ((e - w) * k * 1.3).max(MIN_WIDTH);
        let mut height = (n - s) * 1.3;
        if width / ASPECT < height {
            width = height * ASPECT;
        } else {
            height = width / ASPECT;
        }
        Frame {
            x: cx - width / 2.0,
            y: cy - height / 2.0,
            w: width,
            h: height,
            k,
        }
    }

    /// A point's place in the frame's units.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        (lon * self.k, -lat)
    }

    /// The SVG `viewBox`.
    pub fn view_box(&self) -> String {
        let [x, y, w, h] = [self.x, self.y, self.w, self.h].map(|v| fixed(v, 3));
        format!("{x} {y} {w} {h}")
    }

    /// The SVG transform that draws the world's outlines (integer steps of [`World::step`]
    /// degrees, latitude up) in this frame.
    pub fn outline_transform(&self, step: f64) -> String {
        format!("scale({} {})", fixed(self.k * step, 6), fixed(-step, 6))
    }

    /// A mark's radius for `n` events: grows with the square root (its area with the count),
    /// in proportion to the frame so that it looks the same at any zoom.
    pub fn radius(&self, n: usize) -> f64 {
        self.w * (0.006 + 0.004 * (n as f64).sqrt())
    }
}

/// The world's country outlines as one SVG path (relative moves in integer steps).
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// Degrees per step: 1 / the file's `#step`.
    pub step: f64,
    /// The SVG path data: `M x,y l dx,dy … z` per ring.
    pub path: String,
}

/// Reads `data/world.tsv`: `#step\tN`, then one ring a line (`x,y` integer pairs, the first
/// absolute, the next relative). A bad line is an error naming it (`line: why`).
pub fn parse_world(text: &str) -> Result<World, String> {
    let mut steps = None;
    let mut path = String::new();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if let Some(v) = line.strip_prefix("#step\t") {
            let s: u32 = v.parse().map_err(|_| format!("{n}: bad step {v:?}"))?;
            steps = Some(f64::from(s));
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut points = 0;
        for (i, pair) in line.split(' ').enumerate() {
            let ok = pair
                .split_once(',')
                .is_some_and(|(x, y)| x.parse::<i32>().is_ok() && y.parse::<i32>().is_ok());
            if !ok {
                return Err(format!("{n}: bad point {pair:?}"));
            }
            path.push_str(match i {
                0 => "M",
                1 => "l",
                _ => " ",
            });
            path.push_str(pair);
            points += 1;
        }
        if points < 3 {
            return Err(format!("{n}: a ring needs 3 points, has {points}"));
        }
        path.push('z');
    }
    let steps = steps.filter(|s| *s > 0.0).ok_or("0: no #step line")?;
    Ok(World {
        step: 1.0 / steps,
        path,
    })
}

/// How long a timeline's bar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grain {
    Day,
    /// Monday to Sunday.
    Week,
    Month,
    Year,
}

/// One bar of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// `YYYY-MM-DD` (a day, or a week's Monday), `YYYY-MM` or `YYYY`.
    pub period: String,
    /// Its first and last day (`YYYY-MM-DD`): the date filter that choosing it sets.
    pub from: String,
    pub to: String,
    pub total: usize,
    pub by_type: TypeCounts,
}

/// The filtered events over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub grain: Grain,
    /// Every period from the first event's to the last one's, empty ones included.
    pub bars: Vec<Bar>,
    /// Events with no date.
    pub undated: usize,
    /// Events dated less precisely than a bar (« octobre 2017 » in a timeline by day).
    pub coarse: usize,
}

/// The timeline of events given by date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or none) and type:
/// by day over up to 45 days, by week up to 200, by month up to six years, by year beyond,
/// and never finer than the dates of half the dated events (the others are counted beside).
pub fn timeline<'a>(events: impl IntoIterator<Item = (Option<&'a str>, EventType)>) -> Timeline {
    let mut undated = 0;
    let mut dated: Vec<(Date, EventType)> = Vec::new();
    for (d, t) in events {
        match d.and_then(Date::parse_iso) {
            Some(d) => dated.push((d, t)),
            None => undated += 1,
        }
    }
    let first_day = |d: &Date| {
        Date::ymd(d.year, d.month.unwrap_or(1), d.day.unwrap_or(1)).expect("a valid date")
    };
    let precision = |d: &Date| match (d.month, d.day) {
        (_, Some(_)) => Grain::Day,
        (Some(_), None) => Grain::Month,
        _ => Grain::Year,
    };
    // The grain: never finer than the dates of half the events (a timeline by day that left
    // most events beside it would say little), and as the span of those events asks.
    let fits = |g: Grain| dated.iter().filter(move |(d, _)| precision(d) <= g);
    let Some(enough) = [Grain::Day, Grain::Month, Grain::Year]
        .into_iter()
        .find(|&g| !dated.is_empty() && fits(g).count() * 2 >= dated.len())
    else {
        return Timeline {
            grain: Grain::Day,
            bars: Vec::new(),
            undated,
            coarse: 0,
        };
    };
    let days = fits(enough).filter_map(|(d, _)| first_day(d).days());
    let span = days.clone().max().unwrap_or(0) - days.min().unwrap_or(0);
    let grain = match span {
        0..=45 => Grain::Day,
        46..=200 => Grain::Week,
        201..=2191 => Grain::Month,
        _ => Grain::Year,
    }
    .max(enough);
    // The bar a full date falls in: its first day.
    let start = |d: Date| -> Date {
        match grain {
            Grain::Day => d,
            Grain::Week => d
                .add_days(-i64::from(d.weekday().unwrap_or(0)))
                .unwrap_or(d),
            Grain::Month => Date::ymd(d.year, d.month.unwrap_or(1), 1).unwrap_or(d),
            Grain::Year => Date::ymd(d.year, 1, 1).unwrap_or(d),
        }
    };
    let next = |d: Date| -> Option<Date> {
        match grain {
            Grain::Day => d.add_days(1),
            Grain::Week => d.add_days(7),
            Grain::Month => d.add_months(1).and_then(|m| Date::ymd(m.year, m.month?, 1)),
            Grain::Year => Date::ymd(d.year + 1, 1, 1),
        }
    };
    let bar = |s: Date| -> Bar {
        let (period, to) = match grain {
            Grain::Day => (s.to_string(), s),
            Grain::Week => (s.to_string(), s.add_days(6).unwrap_or(s)),
            Grain::Month => {
                let m = s.month.unwrap_or(1);
                let last = Date::ymd(s.year, m, days_in_month(s.year, m)).unwrap_or(s);
                (format!("{:04}-{m:02}", s.year), last)
            }
            Grain::Year => (
                format!("{:04}", s.year),
                Date::ymd(s.year, 12, 31).unwrap_or(s),
            ),
        };
        Bar {
            period,
            from: s.to_string(),
            to: to.to_string(),
            total: 0,
            by_type: [0; EventType::ALL.len()],
        }
    };
    // The bars run from the first to the last event that fits in one.
    let lo = fits(grain)
        .map(|(d, _)| first_day(d))
        .min()
        .expect("some fit");
    let hi = fits(grain)
        .map(|(d, _)| first_day(d))
        .max()
        .expect("some fit");
    let (lo, hi) = (start(lo), start(hi));
    let mut bars = vec![bar(lo)];
    let mut s = lo;
    while s < hi {
        let Some(n) = next(s) else { break };
        s = n;
        bars.push(bar(s));
    }
    let mut coarse = 0;
    for (d, t) in dated {
        if precision(&d) > grain {
            coarse += 1;
            continue;
        }
        let key = start(first_day(&d)).to_string();
        if let Some(b) = bars.iter_mut().find(|b| b.from == key) {
            b.total += 1;
            b.by_type[t as usize] += 1;
        }
    }
    Timeline {
        grain,
        bars,
        undated,
        coarse,
    }
}

/// The cosine of a latitude in degrees (−90 to 90), by Bhaskara I's approximation, within 0.002:
/// enough for the map's frame, and the page's wasm links no trigonometry (its argument reduction
/// and kernels, about 8 KB).
fn cos_deg(lat: f64) -> f64 {
    let x = lat.clamp(-90.0, 90.0);
    (32400.0 - 4.0 * x * x) / (32400.0 + x * x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Modality, Range, Span};

    fn event(kind: EventType, places: Vec<PlaceRef>) -> Event {
        Event {
            kind,
            trigger: Span {
                text: "x".into(),
                start: 0,
                end: 1,
            },
            sentence: Range { start: 0, end: 1 },
            agent: vec![],
            target: vec![],
            location: places,
            time: None,
            count: None,
            source: None,
            modality: Modality::Asserted,
            date: None,
        }
    }

    /// A place as the engine resolves it from the gazetteer.
    fn resolved(name: &str) -> PlaceRef {
        let p = crate::engine::gazetteer::gazetteer()
            .lookup(name, &["SY"])
            .expect("in the gazetteer");
        PlaceRef {
            text: name.into(),
            start: 0,
            end: 1,
            place: Some(p.name.into()),
            lat: Some(p.lat),
            lon: Some(p.lon),
            country: Some(p.country.into()),
            precision: Some(p.kind.precision()),
        }
    }

    fn unresolved(text: &str) -> PlaceRef {
        PlaceRef {
            text: text.into(),
            start: 0,
            end: 1,
            place: None,
            lat: None,
            lon: None,
            country: None,
            precision: None,
        }
    }

    #[test]
    fn places_count_each_event_once_and_keep_areas_apart() {
        let town = resolved("Palmyre");
        let syria = resolved("Syrie");
        let events = vec![
            event(EventType::Capture, vec![town.clone(), town.clone()]),
            event(
                EventType::AirStrike,
                vec![town.clone(), unresolved("la ville")],
            ),
            event(EventType::AirStrike, vec![town.clone()]),
            event(EventType::Attack, vec![unresolved("quelque part")]),
            event(EventType::Attack, vec![syria.clone(), town.clone()]),
        ];
        let counts = place_counts(&events);
        let q = counts.iter().find(|p| p.key == "Palmyre").unwrap();
        assert_eq!(q.total, 4);
        assert!(q.point);
        assert_eq!(q.main_type(), EventType::AirStrike);
        assert_eq!(
            q.types(),
            vec![
                (EventType::AirStrike, 2),
                (EventType::Capture, 1),
                (EventType::Attack, 1)
            ]
        );
        assert!(counts.iter().all(|p| p.key != "quelque part"));
        let area = counts.iter().find(|p| p.key == "Syrie").unwrap();
        assert!(!area.point, "a country is not a town");
        assert_eq!((area.total, counts.len()), (1, 2));
    }

    #[test]
    fn frame_fits_points_at_the_aspect() {
        let f = Frame::fit(&[(34.0, 37.0), (35.0, 40.0)]);
        assert!((f.w / f.h - ASPECT).abs() < 1e-9);
        for (lat, lon) in [(34.0, 37.0), (35.0, 40.0)] {
            let (x, y) = f.project(lat, lon);
            assert!(x > f.x && x < f.x + f.w && y > f.y && y < f.y + f.h);
        }
        let one = Frame::fit(&[(15.0, -1.0)]);
        assert!(one.w >= MIN_WIDTH && one.h > 0.0);
        assert_eq!(Frame::fit(&[]), Frame::WORLD);
        assert!(f.radius(9) > f.radius(1));
    }

    #[test]
    fn world_data_parses_and_bad_lines_are_named() {
        let w = parse_world(include_str!("../data/world.tsv")).unwrap();
        assert_eq!(w.step, 0.05);
        assert!(w.path.matches('M').count() > 200);
        let ok = parse_world("#step\t10\n0,0 1,0 0,1\n").unwrap();
        assert_eq!(ok.path, "M0,0l1,0 0,1z");
        assert_eq!(
            parse_world("#step\t10\n0,0 x 0,1\n").unwrap_err(),
            "2: bad point \"x\""
        );
        assert!(parse_world("0,0 1,0 0,1\n").is_err(), "no step");
        assert!(parse_world("#step\t10\n0,0 1,0\n").is_err());
    }

    fn grain_of(dates: &[&str]) -> Timeline {
        timeline(dates.iter().map(|d| (Some(*d), EventType::Attack)))
    }

    #[test]
    fn timeline_chooses_its_grain_from_the_span() {
        let t = grain_of(&["2017-10-21", "2017-10-23", "2017-10-21"]);
        assert_eq!(t.grain, Grain::Day);
        let periods: Vec<(&str, usize)> = t
            .bars
            .iter()
            .map(|b| (b.period.as_str(), b.total))
            .collect();
        assert_eq!(
            periods,
            [("2017-10-21", 2), ("2017-10-22", 0), ("2017-10-23", 1)]
        );
        let w = grain_of(&["2017-10-18", "2018-01-10"]);
        assert_eq!(w.grain, Grain::Week);
        assert_eq!(w.bars[0].period, "2017-10-16"); // a Monday
        assert_eq!(
            (w.bars[0].from.as_str(), w.bars[0].to.as_str()),
            ("2017-10-16", "2017-10-22")
        );
        let m = grain_of(&["2016-02-10", "2017-10-01"]);
        assert_eq!(m.grain, Grain::Month);
        assert_eq!(m.bars.len(), 21);
        assert_eq!(
            (m.bars[0].period.as_str(), m.bars[0].to.as_str()),
            ("2016-02", "2016-02-29")
        );
        let y = grain_of(&["2001-05-01", "2017-10-01"]);
        assert_eq!(y.grain, Grain::Year);
        assert_eq!(y.bars.len(), 17);
        assert_eq!(y.bars.iter().map(|b| b.total).sum::<usize>(), 2);
        let days = grain_of(&["2001", "2017-10-01", "2017-10-02"]);
        assert_eq!(
            (days.grain, days.bars.len(), days.coarse),
            (Grain::Day, 2, 1)
        );
    }

    #[test]
    fn timeline_counts_undated_and_coarse_events_beside() {
        let t = timeline([
            (Some("2017-10-21"), EventType::Capture),
            (Some("2017-10"), EventType::Capture),
            (None, EventType::Attack),
            (Some("not a date"), EventType::Attack),
        ]);
        assert_eq!((t.undated, t.coarse), (2, 1));
        assert_eq!(t.bars.len(), 1);
        assert_eq!(t.bars[0].by_type[EventType::Capture as usize], 1);
        let months = grain_of(&["2017-10", "2017-12"]);
        assert_eq!(months.grain, Grain::Month, "never finer than the dates");
        assert_eq!(months.coarse, 0);
        let none = timeline([(None, EventType::Attack)]);
        assert!(none.bars.is_empty());
        assert_eq!(none.undated, 1);
    }

    #[test]
    fn the_cosine_of_a_latitude_is_close_enough() {
        for tenth in -900..=900 {
            let lat = f64::from(tenth) / 10.0;
            assert!(
                (cos_deg(lat) - lat.to_radians().cos()).abs() < 0.002,
                "{lat}"
            );
        }
        assert_eq!(cos_deg(0.0), 1.0);
        assert_eq!(cos_deg(60.0), 0.5);
        assert_eq!(cos_deg(90.0), 0.0);
    }
}
