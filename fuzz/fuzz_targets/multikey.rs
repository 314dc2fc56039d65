//! Multikey decoding (Ed25519, P-256, P-384) never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = core::str::from_utf8(data) {
        let _ = verifier_core::keys::decode_multikey(s);
    }
});
