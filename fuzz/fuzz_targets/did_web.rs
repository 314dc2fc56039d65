//! did:web → URL never panics, and only ever yields https URLs ending in /did.json.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = core::str::from_utf8(data) {
        if let Some(url) = verifier_core::did::did_web_url(s) {
            assert!(url.starts_with("https://") && url.ends_with("/did.json"));
        }
    }
});
