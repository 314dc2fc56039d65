//! JWT credentials signed by Node's own crypto (tests/js/jwt.mjs) with every algorithm Verity
//! reads — EdDSA, ES256, ES384, RS256, PS256 — keyed by did:jwk, in both profiles, plus the attack
//! cases (tampering, key confusion with HS256, alg none, an alg that does not match the key, a
//! jwk header alone). And the 1EdTech validator's JWT samples.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::Value;
use std::process::Command;
use verifier_core::{Context, UnixTime};

#[test]
fn jwts_signed_by_node_crypto() {
    let Some(js) = support::js_dir("jwts_signed_by_node_crypto") else {
        return;
    };
    let out = Command::new("node")
        .arg("jwt.mjs")
        .current_dir(&js)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let at = UnixTime::parse("2026-06-01T00:00:00Z").unwrap();
    let mut count = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let name = case["name"].as_str().unwrap();
        let report = verifier_core::verify(
            case["token"].as_str().unwrap().as_bytes(),
            &Context::default(),
            at,
        );
        assert_eq!(
            report.verdict.as_str(),
            case["expect"],
            "{name}: {report:#?}"
        );
        if let Some(code) = case["code"].as_str() {
            assert!(
                report.checks.iter().any(|c| c.code.as_str() == code),
                "{name}: no {code} in {report:#?}"
            );
        }
        count += 1;
    }
    assert_eq!(count, 23, "5 algorithms × 4 cases + 3 attacks");
}

/// The 1EdTech validator's OB 3.0 JWT samples: `simple.jwt` carries neither `kid` nor `jwk`
/// (OB 3.0 requires one), so no key can be found; the baked `simple-jwt.png` carries an RS256
/// `jwk`, whose signature verifies but which nothing binds to the issuer.
#[test]
fn one_edtech_jwt_samples() {
    let Some(dir) = support::shared_vectors("one_edtech_jwt_samples", "1edtech-validator") else {
        return;
    };
    let at = UnixTime::parse("2024-06-01T00:00:00Z").unwrap();
    let simple = std::fs::read(dir.join("ob30/simple.jwt")).unwrap();
    let report = verifier_core::verify(&simple, &Context::default(), at);
    assert_eq!(
        report.format.map(|f| f.as_str()),
        Some("vc1.1-jwt"),
        "{report:#?}"
    );
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.code.as_str() == "jwt.header_invalid"),
        "{report:#?}"
    );
    assert_eq!(report.verdict.as_str(), "invalid");

    let baked = std::fs::read(dir.join("ob30/simple-jwt.png")).unwrap();
    let report = verifier_core::verify(&baked, &Context::default(), at);
    let proof = report
        .checks
        .iter()
        .find(|c| c.code.as_str() == "proof.verified");
    assert!(
        proof.is_some_and(|p| p.datum("key") == Some("unconfirmed")),
        "{report:#?}"
    );
    assert!(
        report
            .checks
            .iter()
            .any(|c| c.code.as_str() == "issuer.key_embedded")
    );
    assert_eq!(report.verdict.as_str(), "indeterminate");
}
