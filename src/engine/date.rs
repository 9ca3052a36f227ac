//! Calendar dates of varying precision (year, year-month or full day), with the few
//! calendar operations the time normaliser needs. Proleptic Gregorian calendar; no external crate.

use std::fmt;

/// A date known to the year, the month or the day.
///
/// Ordering is chronological for dates of equal precision; a less precise date sorts before
/// the more precise dates it contains (`2017` < `2017-10` < `2017-10-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12 when known.
    pub month: Option<u32>,
    /// 1–31 when known (only with a month).
    pub day: Option<u32>,
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a valid civil date (H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01, if its year fits an `i32`.
fn civil_from_days(z: i64) -> Option<(i32, u32, u32)> {
    let z = z.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = era.checked_mul(400)?.checked_add(yoe)? + i64::from(month <= 2);
    Some((i32::try_from(year).ok()?, month, day))
}

impl Date {
    /// A full date, if it exists in the calendar.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// A year-month date, if the month is 1–12.
    pub fn ym(year: i32, month: u32) -> Option<Date> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A year-only date.
    pub fn y(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// The full date's day count since 1970-01-01; `None` unless month and day are known and valid.
    pub fn days(&self) -> Option<i64> {
        let (m, d) = (self.month?, self.day?);
        (d >= 1 && d <= days_in_month(self.year, m)).then(|| days_from_civil(self.year, m, d))
    }

    /// Day of the week of a full date, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> Option<u32> {
        // 1970-01-01 was a Thursday (3).
        Some((self.days()? + 3).rem_euclid(7) as u32)
    }

    /// The full date `n` days later (earlier when negative); `None` for a partial date or on overflow.
    pub fn add_days(&self, n: i64) -> Option<Date> {
        let (year, month, day) = civil_from_days(self.days()?.checked_add(n)?)?;
        Some(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// The year-month `n` months later (earlier when negative), dropping the day; `None` without a month.
    pub fn add_months(&self, n: i64) -> Option<Date> {
        let index = i64::from(self.year)
            .checked_mul(12)?
            .checked_add(i64::from(self.month?) - 1)?
            .checked_add(n)?;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        Date::ym(year, index.rem_euclid(12) as u32 + 1)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (ASCII digits, valid calendar values).
    pub fn parse_iso(s: &str) -> Option<Date> {
        fn digits(s: &str, n: usize) -> Option<u32> {
            (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        }
        let mut parts = s.split('-');
        let year = digits(parts.next()?, 4)? as i32;
        let Some(m) = parts.next() else {
            return Some(Date::y(year));
        };
        let month = digits(m, 2)?;
        let Some(d) = parts.next() else {
            return Date::ym(year, month);
        };
        if parts.next().is_some() {
            return None;
        }
        Date::ymd(year, month, digits(d, 2)?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        assert_eq!(Date::ymd(2017, 10, 22).unwrap().weekday(), Some(6)); // Sunday
        assert_eq!(Date::ymd(2017, 11, 9).unwrap().weekday(), Some(3)); // Thursday
        assert_eq!(Date::ymd(1970, 1, 1).unwrap().weekday(), Some(3));
        assert_eq!(Date::ymd(2000, 2, 29).unwrap().weekday(), Some(1)); // Tuesday
        assert_eq!(Date::ymd(1900, 1, 1).unwrap().weekday(), Some(0)); // Monday
        assert_eq!(Date::ym(2017, 10).unwrap().weekday(), None);
    }

    #[test]
    fn adds_days_across_months_years_and_leap_days() {
        let d = Date::ymd(2017, 10, 22).unwrap();
        assert_eq!(d.add_days(-1).unwrap().to_string(), "2017-10-21");
        assert_eq!(d.add_days(10).unwrap().to_string(), "2017-11-01");
        assert_eq!(
            Date::ymd(2016, 2, 28)
                .unwrap()
                .add_days(1)
                .unwrap()
                .to_string(),
            "2016-02-29"
        );
        assert_eq!(
            Date::ymd(2017, 3, 1)
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2017-02-28"
        );
        assert_eq!(
            Date::ymd(2018, 1, 1)
                .unwrap()
                .add_days(-1)
                .unwrap()
                .to_string(),
            "2017-12-31"
        );
        assert_eq!(
            Date::ymd(2017, 1, 1).unwrap().add_days(365 * 400 + 97),
            Date::ymd(2417, 1, 1)
        );
        assert_eq!(Date::ym(2017, 1).unwrap().add_days(1), None);
        assert_eq!(d.add_days(i64::MAX), None);
        assert_eq!(d.add_days(i64::MIN), None);
        assert_eq!(Date::ymd(i32::MAX, 12, 31).unwrap().add_days(1), None);
    }

    #[test]
    fn round_trips_day_counts() {
        let mut d = Date::ymd(1899, 12, 25).unwrap();
        for _ in 0..80_000 {
            let next = d.add_days(1).unwrap();
            assert!(next > d);
            assert_eq!(next.add_days(-1), Some(d));
            d = next;
        }
    }

    #[test]
    fn adds_months() {
        let d = Date::ymd(2017, 1, 31).unwrap();
        assert_eq!(d.add_months(-1).unwrap().to_string(), "2016-12");
        assert_eq!(d.add_months(13).unwrap().to_string(), "2018-02");
        assert_eq!(Date::y(2017).add_months(1), None);
        assert_eq!(d.add_months(i64::MAX), None);
    }

    #[test]
    fn parses_and_displays_iso() {
        for s in ["2017-11-09", "2017-10", "2015", "2016-02-29"] {
            assert_eq!(Date::parse_iso(s).unwrap().to_string(), s);
        }
        for s in [
            "",
            "2017-13",
            "2017-02-30",
            "2017-1-09",
            "17-10",
            "2017-10-09-1",
            "2017-",
            "２０１７",
            "2017-10-x",
        ] {
            assert_eq!(Date::parse_iso(s), None, "{s}");
        }
        assert_eq!(Date::y(5).to_string(), "0005");
    }

    #[test]
    fn orders_chronologically() {
        let a = Date::parse_iso("2017-10-21").unwrap();
        let b = Date::parse_iso("2017-10-22").unwrap();
        assert!(a < b && Date::y(2016) < a && Date::ym(2017, 10).unwrap() < a);
    }
}
