//! W3C vc-di-eddsa eddsa-jcs-2022 test vectors from ../shared/vectors (skipped when absent).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::Value;
use verifier_core::{Context, Outcome, UnixTime, jcs};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn eddsa_jcs_2022_canonical_forms_hashes_and_signature() {
    let Some(dir) = support::shared_vectors("eddsa_jcs_2022_vectors", "vc-di-eddsa") else {
        return;
    };
    let dir = dir.join("TestVectors/eddsa-jcs-2022");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let signed: Value = serde_json::from_str(&read("signedJCS.json")).unwrap();
    let config: Value = serde_json::from_str(&read("proofConfigJCS.json")).unwrap();
    let mut unsigned = signed.clone();
    unsigned.as_object_mut().unwrap().remove("proof");

    assert_eq!(
        jcs::canonicalize(&unsigned),
        read("canonDocJCS.txt").trim_end()
    );
    assert_eq!(
        jcs::canonicalize(&config),
        read("proofCanonJCS.txt").trim_end()
    );
    let hash =
        verifier_core::proof::hash_data(config.as_object().unwrap(), unsigned.as_object().unwrap());
    assert_eq!(hex(&hash[32..]), read("docHashJCS.txt").trim());
    assert_eq!(hex(&hash[..32]), read("proofHashJCS.txt").trim());
    assert_eq!(hex(&hash), read("combinedHashJCS.txt").trim());

    let report = verifier_core::verify(
        read("signedJCS.json").as_bytes(),
        &Context::default(),
        UnixTime(1_700_000_000),
    );
    let proof = report
        .checks
        .iter()
        .find(|c| c.id == verifier_core::CheckId::Proof)
        .unwrap();
    assert_eq!(
        (proof.outcome, proof.code.as_str()),
        (Outcome::Passed, "proof.verified")
    );
}
