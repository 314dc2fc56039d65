//! Whole-input verification (format detection, JSON, structure, keys, JCS and RDFC proofs) never
//! panics, and always yields at least one check.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::{Context, UnixTime, verify};

fuzz_target!(|data: &[u8]| {
    let report = verify(data, &Context::default(), UnixTime(1_780_000_000));
    assert!(!report.checks.is_empty());
});
