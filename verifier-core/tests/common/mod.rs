//! Test helpers: a fixed issuer key and a signer for eddsa-jcs-2022 credentials.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, unreachable_pub)]

use ed25519_dalek::{Signer, SigningKey};
use serde_json::{Value, json};
use verifier_core::{did, proof};

/// The test issuer's secret seed (never used outside tests).
pub const SEED: [u8; 32] = [0x11; 32];

pub fn key() -> SigningKey {
    SigningKey::from_bytes(&SEED)
}

pub fn did_key() -> String {
    format!(
        "did:key:{}",
        did::encode_ed25519_multikey(key().verifying_key().as_bytes())
    )
}

/// The test key's verification method (`did:key:z…#z…`).
pub fn did_key_vm() -> String {
    let did = did_key();
    format!("{did}#{}", did.trim_start_matches("did:key:"))
}

/// The codes of the checks with `outcome`, in order.
pub fn codes(report: &verifier_core::Report, outcome: verifier_core::Outcome) -> Vec<&'static str> {
    report
        .checks
        .iter()
        .filter(|c| c.outcome == outcome)
        .map(|c| c.code.as_str())
        .collect()
}

pub fn badge_template() -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:2b1f5c2e-5b8a-4c55-9a43-0f4f9c1d7e11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Rust Systems Programming",
        "issuer": {"id": did_key(), "type": ["Profile"], "name": "École Polytechnique Exemple", "url": "https://example.edu"},
        "validFrom": "2026-01-15T09:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner-42",
            "type": ["AchievementSubject"],
            "name": "Ada Lovelace",
            "achievement": {
                "id": "https://example.edu/achievements/rust-101",
                "type": ["Achievement"],
                "name": "Rust Systems Programming",
                "description": "Ownership, borrowing, traits and async in practice.",
                "criteria": {"narrative": "Passed the final project with a grade of at least 14/20."},
                "image": {"id": "https://example.edu/badges/rust-101.png", "type": "Image"}
            }
        }
    })
}

/// Signs `unsigned` with eddsa-jcs-2022 using `key`, as `vm`.
pub fn sign_with(unsigned: &Value, key: &SigningKey, vm: &str) -> Value {
    let mut options = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2026-01-15T09:00:00Z",
        "verificationMethod": vm,
        "proofPurpose": "assertionMethod",
    });
    options["@context"] = unsigned["@context"].clone();
    let hash = proof::hash_data(options.as_object().unwrap(), unsigned.as_object().unwrap());
    let signature = key.sign(&hash).to_bytes();
    options["proofValue"] = Value::String(proof::encode_proof_value(&signature));
    let mut signed = unsigned.clone();
    signed["proof"] = options;
    signed
}

/// The template signed by the test key (did:key), as JSON text.
pub fn signed_badge(unsigned: &Value) -> String {
    sign_with(unsigned, &key(), &did_key_vm()).to_string()
}
