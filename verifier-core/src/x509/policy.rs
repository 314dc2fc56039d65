//! The CA/Browser Forum limits on the lifetime of publicly trusted TLS server certificates.
//!
//! Baseline Requirements §6.3.2 "Certificate operational periods and key pair usage periods", as
//! amended by ballot SC-081 ("Introduce Schedule of Reducing Validity and Data Reuse Periods",
//! adopted 2025-04-11, in force 2025-05-16; BRs v2.1.5 and later):
//!
//! | issued on or after | issued before | maximum validity |
//! |---|---|---|
//! | — | 2026-03-15 | 398 days |
//! | 2026-03-15 | 2027-03-15 | 200 days |
//! | 2027-03-15 | 2029-03-15 | 100 days |
//! | 2029-03-15 | — | 47 days |
//!
//! "For the purpose of calculations, a day is measured as 86,400 seconds. Any amount of time
//! greater than this, including fractional seconds and/or leap seconds, shall represent an
//! additional day." The validity period runs from notBefore to notAfter *inclusive* (RFC 5280
//! §4.1.2.5), so a certificate's lifetime is `notAfter − notBefore + 1` seconds.
//!
//! The same ballot shortens the reuse of domain and IP validation data (BRs §4.2.1): 398 days
//! before 2026-03-15, 200 days from then, 100 days from 2027-03-15 and 10 days from 2029-03-15
//! ([`dcv_reuse_days`]). The issuance date is read from notBefore, as the BRs do (§7.1.2.7: it
//! may not be backdated by more than 48 hours).

/// Seconds in a BR "day".
pub const DAY: i64 = 86_400;

/// (issued on or after, maximum validity in days, maximum reuse of domain validation in days).
/// Unix times: 2026-03-15, 2027-03-15 and 2029-03-15 at 00:00:00 UTC.
const SCHEDULE: [(i64, u32, u32); 4] = [
    (i64::MIN, 398, 398),
    (1_773_532_800, 200, 200),
    (1_805_068_800, 100, 100),
    (1_868_227_200, 47, 10),
];

fn step(not_before: i64) -> (i64, u32, u32) {
    SCHEDULE
        .iter()
        .rev()
        .find(|(from, _, _)| not_before >= *from)
        .copied()
        .unwrap_or((i64::MIN, 398, 398))
}

/// The maximum validity, in days, of a TLS server certificate issued at `not_before`.
pub fn max_validity_days(not_before: i64) -> u32 {
    step(not_before).1
}

/// The maximum reuse, in days, of domain or IP validation data at `at`.
pub fn dcv_reuse_days(at: i64) -> u32 {
    step(at).2
}

/// When the limit in force at `not_before` took effect (`None` for the first, open-ended step).
pub fn limit_since(not_before: i64) -> Option<i64> {
    let from = step(not_before).0;
    (from != i64::MIN).then_some(from)
}

/// A certificate's validity period in BR days (inclusive period, any started day counts).
pub fn lifetime_days(not_before: i64, not_after: i64) -> i64 {
    let seconds = not_after
        .saturating_sub(not_before)
        .saturating_add(1)
        .max(0);
    seconds.saturating_add(DAY - 1) / DAY
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::UnixTime;

    fn at(s: &str) -> i64 {
        UnixTime::parse(s).unwrap().0
    }

    #[test]
    fn schedule_dates() {
        assert_eq!(at("2026-03-15T00:00:00Z"), SCHEDULE[1].0);
        assert_eq!(at("2027-03-15T00:00:00Z"), SCHEDULE[2].0);
        assert_eq!(at("2029-03-15T00:00:00Z"), SCHEDULE[3].0);
        assert_eq!(max_validity_days(at("2026-03-14T23:59:59Z")), 398);
        assert_eq!(max_validity_days(at("2026-03-15T00:00:00Z")), 200);
        assert_eq!(max_validity_days(at("2028-01-01T00:00:00Z")), 100);
        assert_eq!(max_validity_days(at("2030-01-01T00:00:00Z")), 47);
        assert_eq!(dcv_reuse_days(at("2030-01-01T00:00:00Z")), 10);
        assert_eq!(limit_since(at("2020-01-01T00:00:00Z")), None);
    }

    #[test]
    fn day_counting() {
        let nb = at("2026-04-01T00:00:00Z");
        // Exactly 200 days: notAfter is the last second of the 200th day.
        assert_eq!(lifetime_days(nb, nb + 200 * DAY - 1), 200);
        // One second more is a 201st day.
        assert_eq!(lifetime_days(nb, nb + 200 * DAY), 201);
        assert_eq!(lifetime_days(nb, nb - 10), 0);
    }
}
