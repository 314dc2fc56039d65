//! JWT credentials (VC-JOSE and VC 1.1 / Open Badges 3.0 JWT) signed here with EdDSA, natively and
//! in WebAssembly. Other algorithms are exercised against Node's own JOSE signing in
//! tests/tests/jwt_interop.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use base64ct::{Base64UrlUnpadded, Encoding};
use ed25519_dalek::Signer;
use serde_json::{Value, json};
use verifier_core::{Context, Outcome, Report, UnixTime, Verdict, verify};
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: UnixTime = UnixTime(1_780_000_000); // 2026-05-28

fn b64(bytes: &[u8]) -> String {
    Base64UrlUnpadded::encode_string(bytes)
}

fn jws(header: &Value, payload: &Value) -> String {
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    );
    let signature = common::key().sign(input.as_bytes()).to_bytes();
    format!("{input}.{}", b64(&signature))
}

fn kid() -> String {
    common::did_key_vm()
}

use common::codes;

fn run(token: &str) -> Report {
    verify(token.as_bytes(), &Context::default(), NOW)
}

#[wasm_bindgen_test(unsupported = test)]
fn vc_jose_payload_is_the_credential() {
    let credential = common::badge_template();
    let token = jws(
        &json!({"alg": "EdDSA", "typ": "vc+jwt", "kid": kid()}),
        &credential,
    );
    let report = run(&token);
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    assert_eq!(report.format.map(|f| f.as_str()), Some("vc2-jwt"));
    let proof = report
        .checks
        .iter()
        .find(|c| c.code.as_str() == "proof.verified")
        .unwrap();
    assert_eq!(proof.datum("cryptosuite"), Some("jose EdDSA"));
    assert_eq!(
        report.summary.unwrap().achievement_name.as_deref(),
        Some("Rust Systems Programming")
    );
    // One changed payload character: the signature no longer holds.
    let mut parts: Vec<String> = token.split('.').map(String::from).collect();
    let mut tampered = credential.clone();
    tampered["credentialSubject"]["name"] = json!("Eve");
    parts[1] = b64(tampered.to_string().as_bytes());
    assert_eq!(
        codes(&run(&parts.join(".")), Outcome::Failed),
        ["proof.signature_mismatch"]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn vc_claim_profile_folds_and_cross_checks_claims() {
    let mut vc = common::badge_template();
    let issuer = vc["issuer"]["id"].as_str().unwrap().to_string();
    let subject = vc["credentialSubject"]["id"].as_str().unwrap().to_string();
    let id = vc["id"].as_str().unwrap().to_string();
    vc.as_object_mut().unwrap().remove("validFrom");
    let claims = |vc: &Value, nbf: i64| json!({"vc": vc, "iss": issuer, "sub": subject, "jti": id, "nbf": nbf, "exp": 1_900_000_000});
    let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": kid()});
    // nbf fills validFrom, exp fills validUntil.
    let report = run(&jws(&header, &claims(&vc, 1_768_467_600)));
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    let summary = report.summary.unwrap();
    assert_eq!(summary.valid_from.as_deref(), Some("2026-01-15T09:00:00Z"));
    assert_eq!(summary.valid_until.as_deref(), Some("2030-03-17T17:46:40Z"));
    // nbf in the future: not yet valid.
    assert_eq!(
        codes(
            &run(&jws(&header, &claims(&vc, 1_790_000_000))),
            Outcome::Failed
        ),
        ["validity.not_yet_valid"]
    );
    // A claim that contradicts the credential is reported with its path.
    let mut other = claims(&vc, 1_768_467_600);
    other["sub"] = json!("did:example:someone-else");
    let report = run(&jws(&header, &other));
    assert_eq!(report.verdict, Verdict::Invalid);
    let mismatch = report
        .checks
        .iter()
        .find(|c| c.code.as_str() == "jwt.claim_mismatch")
        .unwrap();
    assert_eq!(
        (mismatch.datum("claim"), mismatch.datum("path")),
        (Some("sub"), Some("credentialSubject.id"))
    );
    let mut other = claims(&vc, 1_768_467_600);
    other["iss"] = json!("did:web:impostor.example");
    assert!(codes(&run(&jws(&header, &other)), Outcome::Failed).contains(&"jwt.claim_mismatch"));
}

#[wasm_bindgen_test(unsupported = test)]
fn header_attacks_are_refused() {
    let credential = common::badge_template();
    let payload = b64(credential.to_string().as_bytes());
    let unsigned = |header: Value| format!("{}.{payload}.", b64(header.to_string().as_bytes()));
    // alg none, with an empty signature: never accepted.
    let report = run(&unsigned(json!({"alg": "none", "kid": kid()})));
    assert_eq!(codes(&report, Outcome::Failed), ["jwt.alg_forbidden"]);
    assert_eq!(report.verdict, Verdict::Invalid);
    // HMAC keyed with something public: never accepted.
    let report = run(&format!(
        "{}.{payload}.AAAA",
        b64(json!({"alg": "HS256", "kid": kid()}).to_string().as_bytes())
    ));
    assert_eq!(codes(&report, Outcome::Failed), ["jwt.alg_forbidden"]);
    // An algorithm that does not match the key.
    let report = run(&jws(&json!({"alg": "ES256", "kid": kid()}), &credential));
    assert_eq!(report.verdict, Verdict::Invalid, "{report:#?}");
    // crit extensions are not understood.
    let report = run(&jws(
        &json!({"alg": "EdDSA", "kid": kid(), "crit": ["exp"], "exp": 1}),
        &credential,
    ));
    assert_eq!(codes(&report, Outcome::Failed), ["jwt.header_invalid"]);
    // No key reference at all.
    let report = run(&jws(&json!({"alg": "EdDSA"}), &credential));
    assert!(codes(&report, Outcome::Failed).contains(&"jwt.header_invalid"));
    // A key that is not the issuer's.
    let report = run(&jws(
        &json!({"alg": "EdDSA", "kid": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}),
        &credential,
    ));
    assert!(
        codes(&report, Outcome::Failed).contains(&"issuer.vm_not_issuer"),
        "{report:#?}"
    );
    // Garbage that looks like a JWT.
    let report = run("eyJhbGciOiJFZERTQSJ9.e30");
    assert_eq!(report.checks[0].code.as_str(), "input.unrecognised");
    let report = run("eyJhbGciOiJFZERTQSJ9.!!!.x");
    assert_eq!(report.checks[0].code.as_str(), "input.unrecognised");
    let report = run("eyJhbGciOiJFZERTQSJ9.eyJ.c2ln");
    assert_eq!(report.checks[0].code.as_str(), "jwt.malformed");
}

#[wasm_bindgen_test(unsupported = test)]
fn an_embedded_jwk_alone_is_not_the_issuers_key() {
    let credential = common::badge_template();
    let x = b64(common::key().verifying_key().as_bytes());
    let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": x});
    let report = run(&jws(&json!({"alg": "EdDSA", "jwk": jwk}), &credential));
    assert_eq!(report.verdict, Verdict::Indeterminate, "{report:#?}");
    assert_eq!(codes(&report, Outcome::Skipped)[0], "issuer.key_embedded");
    let proof = report
        .checks
        .iter()
        .find(|c| c.code.as_str() == "proof.verified")
        .unwrap();
    assert_eq!(proof.datum("key"), Some("unconfirmed"));
    // With kid as well, the jwk must be the key kid names.
    let report = run(&jws(
        &json!({"alg": "EdDSA", "jwk": jwk, "kid": kid()}),
        &credential,
    ));
    assert_eq!(report.verdict, Verdict::Valid);
    let wrong = json!({"kty": "OKP", "crv": "Ed25519", "x": b64(&[9u8; 32])});
    let report = run(&jws(
        &json!({"alg": "EdDSA", "jwk": wrong, "kid": kid()}),
        &credential,
    ));
    assert_eq!(report.verdict, Verdict::Invalid);
}
