//! Instants as seconds since the Unix epoch, and the XML Schema / RFC 3339 date-times credentials use.
//!
//! The core never reads a clock: callers pass [`UnixTime`] in.

use alloc::format;
use alloc::string::String;

/// Seconds since 1970-01-01T00:00:00Z (negative before). Sub-second precision is dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// Parses an XML Schema `dateTime` / RFC 3339 timestamp such as `2024-05-01T12:00:00Z`,
    /// `2024-05-01T12:00:00.5+02:00`.
    ///
    /// A timestamp without a zone is read as UTC; [`parse_datetime`] tells the caller whether one
    /// was present. Years 0001–9999 only.
    pub fn parse(s: &str) -> Option<UnixTime> {
        parse_datetime(s).map(|(t, _)| t)
    }

    /// Formats as `YYYY-MM-DDTHH:MM:SSZ`.
    pub fn to_rfc3339(self) -> String {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

/// Parses a date-time; returns the instant and whether a time zone was given.
pub fn parse_datetime(s: &str) -> Option<(UnixTime, bool)> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        part.iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    };
    let sep = |at: usize, allowed: &[u8]| b.get(at).is_some_and(|c| allowed.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (year, month, day) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (hour, minute, second) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // 24:00:00 is allowed by XML Schema as the end of the day; leap second 60 by RFC 3339.
    let end_of_day = hour == 24 && minute == 0 && second == 0;
    if (hour > 23 && !end_of_day) || minute > 59 || second > 60 {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let (offset, zoned) = match b.get(i) {
        None => (0, false),
        Some(b'Z' | b'z') if i + 1 == b.len() => (0, true),
        Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() && sep(i + 3, b":") => {
            let (oh, om) = (num(i + 1, 2)?, num(i + 4, 2)?);
            if oh > 14 || om > 59 {
                return None;
            }
            let off = oh * 3600 + om * 60;
            (if sign == b'+' { off } else { -off }, true)
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let t = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset;
    Some((UnixTime(t), zoned))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        assert_eq!(UnixTime::parse("1970-01-01T00:00:00Z"), Some(UnixTime(0)));
        assert_eq!(
            UnixTime::parse("2023-11-14T22:13:20Z"),
            Some(UnixTime(1_700_000_000))
        );
        assert_eq!(
            UnixTime::parse("2023-11-15T00:13:20.123+02:00"),
            Some(UnixTime(1_700_000_000))
        );
        assert_eq!(UnixTime(1_700_000_000).to_rfc3339(), "2023-11-14T22:13:20Z");
        assert_eq!(UnixTime(-1).to_rfc3339(), "1969-12-31T23:59:59Z");
        assert_eq!(
            parse_datetime("2024-02-29T10:00:00"),
            Some((UnixTime(1_709_200_800), false))
        );
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "2024",
            "2023-02-29T00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2024-01-01 00:00:00Z",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00+2:00",
            "2024-01-01T00:00:00Zjunk",
            "0000-01-01T00:00:00Z",
            "2024-01-01T00:00:00+99:00",
            "２０２４-01-01T00:00:00Z",
        ] {
            assert_eq!(UnixTime::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_many_days() {
        for days in (-719_000i64..2_900_000).step_by(997) {
            let t = UnixTime(days * 86_400 + 3_723);
            assert_eq!(UnixTime::parse(&t.to_rfc3339()), Some(t));
        }
    }
}
