pub(crate) mod anchor;
pub(crate) mod bake;
pub(crate) mod certs;
pub(crate) mod clr;
pub(crate) mod issue;
pub(crate) mod keygen;
pub(crate) mod pathway;
pub(crate) mod status;
pub(crate) mod verify;

/// The clock, read only here and only when `--at` is absent (the core never reads it).
pub(crate) fn now_or(at: Option<verifier_core::UnixTime>) -> verifier_core::UnixTime {
    at.unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        verifier_core::UnixTime(i64::try_from(secs).unwrap_or(i64::MAX))
    })
}
