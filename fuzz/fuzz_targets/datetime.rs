//! XML Schema / RFC 3339 date-times: never panic; what parses formats back to the same instant.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::UnixTime;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = core::str::from_utf8(data) {
        if let Some(t) = UnixTime::parse(s) {
            assert_eq!(UnixTime::parse(&t.to_rfc3339()), Some(t));
        }
    }
});
