//! Baked badge extraction (PNG chunks, SVG element): never panics; what bakes extracts again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::baked;

fuzz_target!(|data: &[u8]| {
    let _ = baked::extract_png(data, 1 << 20);
    let _ = baked::extract_svg(data);
    if let Ok(png) = baked::bake_png(data, b"{\"a\":1}") {
        assert_eq!(baked::extract_png(&png, 1 << 20).map(|b| b.payload), Ok(b"{\"a\":1}".to_vec()));
    }
    if let Ok(text) = core::str::from_utf8(data) {
        if let Ok(svg) = baked::bake_svg(text, "eyJ.e30.c2ln") {
            assert_eq!(baked::extract_svg(svg.as_bytes()).map(|b| b.payload), Ok(b"eyJ.e30.c2ln".to_vec()));
        }
    }
});
