//! Pathway documents: parsing never panics; a pathway that parses evaluates (with the input also
//! handed over as a credential) into progress that is consistent with its own requirements.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::pathway::{Claim, Pathway, Submitted, evaluate};
use verifier_core::{Context, Limits, UnixTime};

fuzz_target!(|data: &[u8]| {
    if let Some(text) = core::str::from_utf8(data).ok() {
        let _ = Claim::parse_learner(text);
    }
    let Ok(pathway) = Pathway::parse(data, &Limits::default()) else {
        return;
    };
    let submitted = [Submitted {
        label: "input",
        bytes: data,
    }];
    let progress = evaluate(
        &pathway,
        &submitted,
        &[],
        &Context::default(),
        UnixTime(1_780_000_000),
    );
    assert_eq!(progress.requirements.len(), pathway.requirements.len());
    assert!(!progress.complete || progress.requirements.iter().all(|r| r.met));
    assert_eq!(progress.entries.len(), 1);
});
