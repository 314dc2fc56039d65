//! JCS is idempotent: canonicalizing the parse of a canonical form gives it back.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let canonical = verifier_core::jcs::canonicalize(&value);
        let again: serde_json::Value = serde_json::from_str(&canonical).expect("JCS output is JSON");
        assert_eq!(verifier_core::jcs::canonicalize(&again), canonical);
    }
});
