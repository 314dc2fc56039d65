//! trust.json / DCC registry parsing: never panics; colours it accepts are plain hex.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(config) = verifier_core::trust::TrustConfig::parse(data) {
        for color in [&config.primary_color, &config.accent_color].into_iter().flatten() {
            assert!(color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit()));
        }
    }
});
