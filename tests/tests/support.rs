//! Shared by the cross-crate tests: locating the repository, Node tools, and honest skipping.
#![allow(dead_code, clippy::panic)]

use std::path::PathBuf;

pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Whether a missing prerequisite must fail the test instead of skipping it (`scripts/test.sh`
/// sets VERITY_REQUIRE_ALL=1, so CI never passes a test that did not run).
fn required() -> bool {
    std::env::var_os("VERITY_REQUIRE_ALL").is_some_and(|v| v == "1")
}

/// `tests/js` with its npm packages installed, or a clear skip (or failure under VERITY_REQUIRE_ALL).
pub(crate) fn js_dir(test: &str) -> Option<PathBuf> {
    let dir = repo().join("tests/js");
    if dir.join("node_modules/@digitalbazaar/vc").is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "{test}: SKIPPED — the JavaScript reference is not installed (run `npm ci` in tests/js, or scripts/test.sh)"
    );
    if required() {
        panic!("{msg}");
    }
    eprintln!("{msg}");
    None
}

/// `../shared/vectors/<name>` (public conformance data beside the repository), or a clear skip.
pub(crate) fn shared_vectors(test: &str, name: &str) -> Option<PathBuf> {
    let dir = repo().join("../shared/vectors").join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    eprintln!("{test}: SKIPPED — ../shared/vectors/{name} is not present beside the repository");
    None
}
