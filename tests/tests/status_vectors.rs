//! Status lists made by others (../shared/vectors): the 1EdTech validator's revocation list and
//! credential, and the Blockcerts sample lists (StatusList2021 entries pointing to lists typed
//! BitstringStatusList, without the multibase prefix or a statusPurpose).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Value, json};
use verifier_core::{Context, UnixTime, Verdict};
use verity::issuance::{self, Issuer, Suite};
use verity::keyfile::IssuerKey;

fn read(path: &std::path::Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn status_codes(report: &verifier_core::Report) -> Vec<&'static str> {
    report
        .checks
        .iter()
        .filter(|c| c.id == verifier_core::CheckId::Status)
        .map(|c| c.code.as_str())
        .collect()
}

/// The 1EdTech validator's `credential-status-revoked.json` and its list `testlist` (both signed
/// eddsa-rdfc-2022 by an https issuer whose key document is built here from the method URL, as
/// the validator's test setup does): index 23 is set, so the credential is revoked.
#[test]
fn one_edtech_revocation_list() {
    let Some(dir) = support::shared_vectors("one_edtech_revocation_list", "1edtech-validator")
    else {
        return;
    };
    let dir = dir.join("ob30/bit-string-list");
    let credential = std::fs::read(dir.join("credential-status-revoked.json")).unwrap();
    let value: Value = serde_json::from_slice(&credential).unwrap();
    let entry = &value["credentialStatus"];
    let list_url = entry["statusListCredential"].as_str().unwrap();
    let issuer = value["issuer"]["id"].as_str().unwrap();
    let list = std::fs::read(dir.join("testlist")).unwrap();
    let list_value: Value = serde_json::from_slice(&list).unwrap();
    let vm = list_value["proof"][0]["verificationMethod"]
        .as_str()
        .unwrap();
    let doc = json!({"id": issuer, "verificationMethod": [{"id": vm, "type": "Multikey", "controller": issuer,
        "publicKeyMultibase": vm.split('#').nth(1).unwrap()}], "assertionMethod": [vm]});
    let ctx = Context::default()
        .with_document(issuer, doc.to_string())
        .with_document(list_url, list);
    let at = UnixTime::parse("2024-06-01T00:00:00Z").unwrap();
    let report = verifier_core::verify(&credential, &ctx, at);
    assert_eq!(status_codes(&report), ["status.revoked"], "{report:#?}");
    let failures: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.outcome == verifier_core::Outcome::Failed)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(report.verdict, Verdict::Revoked, "{failures:?} {report:#?}");
}

/// Blockcerts' sample lists, re-signed here (their own proofs are secp256k1 JWS, a suite Verity
/// does not verify), read with the entries of Blockcerts' sample certificates: the bits and their
/// order are Blockcerts' own.
#[test]
fn blockcerts_sample_lists() {
    let Some(dir) = support::shared_vectors("blockcerts_sample_lists", "blockcerts") else {
        return;
    };
    let fixtures = dir.join("cert-verifier-js/test/fixtures");
    let key = IssuerKey::from_seed([0x55; 32], None);
    let issuer = Issuer {
        key: &key,
        did: key.did_key(),
        now: UnixTime::parse("2026-01-01T00:00:00Z").unwrap(),
        x5c: Vec::new(),
    };
    let mut ctx = Context::default();
    for (file, url) in [
        (
            "blockcerts-status-list-2021.json",
            "https://www.blockcerts.org/samples/3.0/status-list-2021.json",
        ),
        (
            "blockcerts-status-list-2021-suspension.json",
            "https://www.blockcerts.org/samples/3.0/status-list-2021-suspension.json",
        ),
    ] {
        let mut list = read(&fixtures.join(file));
        let map = list.as_object_mut().unwrap();
        map.remove("proof");
        map.insert("issuer".into(), json!(issuer.did));
        map.insert(
            "@context".into(),
            json!(["https://www.w3.org/ns/credentials/v2"]),
        );
        let signed = issuance::sign(&list, &issuer, Suite::EddsaJcs2022).unwrap();
        ctx = ctx.with_document(url, signed.to_string());
    }
    for (file, verdict, codes) in [
        (
            "v3/cert-rl-status-list-2021.json",
            Verdict::Valid,
            vec!["status.active"],
        ),
        (
            "v3/cert-rl-status-list-2021-revoked.json",
            Verdict::Revoked,
            vec!["status.revoked"],
        ),
        (
            "v3/cert-rl-status-list-2021-suspended.json",
            Verdict::Suspended,
            vec!["status.active", "status.suspended"],
        ),
    ] {
        let certificate = read(&fixtures.join(file));
        let credential = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": issuer.did,
            "validFrom": "2026-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:holder"},
            "credentialStatus": certificate["credentialStatus"],
        });
        let signed = issuance::sign(&credential, &issuer, Suite::EddsaJcs2022).unwrap();
        let report = verifier_core::verify(signed.to_string().as_bytes(), &ctx, issuer.now);
        assert_eq!(status_codes(&report), codes, "{file}: {report:#?}");
        assert_eq!(report.verdict, verdict, "{file}");
    }
}
