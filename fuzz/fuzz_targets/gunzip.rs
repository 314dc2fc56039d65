//! GZIP decompression (status lists): never panics, never exceeds its limit; what decompresses
//! re-compresses to the same data.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(out) = verifier_core::gzip::gunzip(data, 1 << 20) {
        assert!(out.len() <= 1 << 20);
        assert_eq!(verifier_core::gzip::gunzip(&verifier_core::gzip::gzip(&out), 1 << 20), Ok(out));
    }
    if let Ok(text) = core::str::from_utf8(data) {
        let _ = verifier_core::status::decode_encoded_list(text, 1 << 20);
    }
});
