//! ISO dates (`YYYY-MM-DD`) to tantivy dates.

use tantivy::time::{Date, Month};
use tantivy::DateTime;

/// A parsed ISO calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    date: Date,
}

impl IsoDate {
    /// Parses `YYYY-MM-DD` (exactly), or `None` for anything else or an
    /// impossible date such as 2021-02-30.
    pub fn parse(text: &str) -> Option<IsoDate> {
        let mut parts = text.trim().split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month = Month::try_from(m.parse::<u8>().ok()?).ok()?;
        let day: u8 = d.parse().ok()?;
        let date = Date::from_calendar_date(year, month, day).ok()?;
        Some(IsoDate { date })
    }

    /// Midnight UTC of the date, as stored in the index.
    pub fn to_datetime(self) -> DateTime {
        DateTime::from_utc(self.date.midnight().assume_utc())
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.date.year()
    }

    /// The date as `YYYY-MM-DD`.
    pub fn from_datetime(value: DateTime) -> String {
        let date = value.into_utc().date();
        format!(
            "{:04}-{:02}-{:02}",
            date.year(),
            u8::from(date.month()),
            date.day()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        let d = IsoDate::parse("2021-03-04");
        assert!(d.is_some());
        let d = d.expect("a valid date");
        assert_eq!(d.year(), 2021);
        assert_eq!(IsoDate::from_datetime(d.to_datetime()), "2021-03-04");
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "",
            "2021-3-4",
            "2021-02-30",
            "04-03-2021",
            "2021-03-04-01",
            "abcd-ef-gh",
        ] {
            assert!(IsoDate::parse(bad).is_none(), "{bad}");
        }
    }
}
