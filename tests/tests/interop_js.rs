//! Interoperability, both directions, with the JavaScript reference implementation
//! (@digitalbazaar/vc + @digitalbazaar/eddsa-jcs-2022-cryptosuite, pinned by tests/js/package-lock.json).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

type Edit = (&'static str, fn(&mut Value));

mod support;

use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use verifier_core::{Context, Outcome, UnixTime, Verdict};
use verity::issuance::{self, Issuer, Row};
use verity::keyfile::{IssuerKey, KeyType};

const AT: UnixTime = UnixTime(1_780_000_000); // 2026-05-28T20:26:40Z

fn node(js: &Path, args: &[&str]) -> String {
    let out = Command::new("node")
        .arg("interop.mjs")
        .args(args)
        .current_dir(js)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node interop.mjs {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn verify(bytes: &[u8]) -> verifier_core::Report {
    verifier_core::verify(bytes, &Context::default(), AT)
}

#[test]
fn credentials_signed_by_the_js_reference_verify_in_verity() {
    let Some(js) = support::js_dir("credentials_signed_by_the_js_reference_verify_in_verity")
    else {
        return;
    };
    for suite in ["eddsa-jcs-2022", "eddsa-rdfc-2022", "Ed25519Signature2020"] {
        js_signed_suite(&js, suite);
    }
}

fn js_signed_suite(js: &Path, suite: &str) {
    let tmp = tempfile::tempdir().unwrap();
    node(js, &["sign", tmp.path().to_str().unwrap(), suite]);
    let mut count = 0;
    for entry in std::fs::read_dir(tmp.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let report = verify(&bytes);
        assert_eq!(
            report.verdict,
            Verdict::Valid,
            "{}: {report:#?}",
            path.display()
        );
        let proof = report
            .checks
            .iter()
            .find(|c| c.code.as_str() == "proof.verified")
            .unwrap();
        assert_eq!(proof.datum("cryptosuite"), Some(suite));
        count += 1;

        // Every kind of tampering is caught (RDFC suites may reject an added property earlier,
        // as not defined by the contexts).
        let original: Value = serde_json::from_slice(&bytes).unwrap();
        let edits: [Edit; 4] = [
            ("recipient", |v| {
                v["credentialSubject"]["name"] = json!("Mallory")
            }),
            ("added property", |v| {
                v["credentialSubject"]["extra"] = json!(1)
            }),
            ("issuer name", |v| {
                v["issuer"]["name"] = json!("Evil Academy")
            }),
            ("proof created", |v| {
                v["proof"]["created"] = json!("2020-01-01T00:00:00Z")
            }),
        ];
        for (what, edit) in edits {
            let mut copy = original.clone();
            edit(&mut copy);
            let report = verify(copy.to_string().as_bytes());
            assert_eq!(
                report.verdict,
                Verdict::Invalid,
                "{what} in {}",
                path.display()
            );
            assert!(
                report.checks.iter().any(|c| c.outcome == Outcome::Failed
                    && matches!(
                        c.code.as_str(),
                        "proof.signature_mismatch" | "jsonld.undefined_term"
                    )),
                "{suite}: {what} in {}",
                path.display()
            );
        }
    }
    assert_eq!(count, 7, "{suite}: the JS side signs seven credentials");
}

#[test]
fn credentials_issued_by_verity_verify_in_the_js_reference() {
    let Some(js) = support::js_dir("credentials_issued_by_verity_verify_in_the_js_reference")
    else {
        return;
    };
    issued_by_verity(&js, issuance::Suite::EddsaJcs2022);
    issued_by_verity(&js, issuance::Suite::EddsaRdfc2022);
    issued_by_verity(&js, issuance::Suite::EcdsaRdfc2019);
}

fn issued_by_verity(js: &Path, suite: issuance::Suite) {
    let key = match suite.key_type() {
        KeyType::Ed25519 => IssuerKey::from_seed([0x33; 32], None),
        KeyType::P256 => IssuerKey::generate(KeyType::P256, None).unwrap(),
    };
    let issuer = Issuer {
        key: &key,
        did: key.did_key(),
        now: UnixTime(1_768_467_600),
        x5c: Vec::new(),
    };
    let mut template = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"type": ["Profile"], "name": "Verity Interop"},
        "credentialSubject": {"id": "did:example:s", "type": ["AchievementSubject"], "name": "{{name}}",
            "creditsEarned": 7.5, "big": 9007199254740991u64, "tiny": 1e-7,
            "achievement": {"id": "https://example.org/a", "type": ["Achievement"], "name": "{{achievement}}",
                "description": "d", "criteria": {"narrative": "n"}}}
    });
    if suite != issuance::Suite::EddsaJcs2022 {
        // RDFC signs only what the contexts define: keep OB's own numeric field, as a large float.
        let subject = template["credentialSubject"].as_object_mut().unwrap();
        subject.remove("big");
        subject.remove("tiny");
        subject.insert("creditsEarned".into(), json!(1e21));
    }
    let names = [
        ("ascii", "Grace Hopper", "Compilers"),
        ("nfc", "Zoë Ångström", "Café ☕ 😀"),
        ("nfd", "Zoe\u{308} A\u{30a}ngstro\u{308}m", "Cafe\u{301}"),
        ("rtl", "مريم", "שלום עולם"),
        (
            "controls",
            "Tab\there",
            "Line\nbreak \u{1}\u{1f}\u{7f} \"quoted\" \\",
        ),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, (label, name, achievement)) in names.iter().enumerate() {
        let row = Row {
            number: i + 1,
            cells: vec![("name", name), ("achievement", achievement)],
        };
        let (unsigned, _) = issuance::build(&template, &row, &issuer).unwrap();
        let signed = issuance::sign(&unsigned, &issuer, suite).unwrap();
        let good = tmp.path().join(format!("{label}.json"));
        std::fs::write(&good, serde_json::to_string_pretty(&signed).unwrap()).unwrap();
        let mut tampered = signed.clone();
        tampered["credentialSubject"]["name"] = json!(format!("{name}!"));
        let bad = tmp.path().join(format!("{label}-tampered.json"));
        std::fs::write(&bad, tampered.to_string()).unwrap();
        files.push(good);
        files.push(bad);
    }
    let args: Vec<&str> = core::iter::once("verify")
        .chain(files.iter().map(|f| f.to_str().unwrap()))
        .collect();
    let results: Vec<Value> = node(js, &args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), files.len());
    for result in results {
        let file = result["file"].as_str().unwrap();
        let expected = !file.ends_with("-tampered.json");
        assert_eq!(result["verified"], expected, "{suite:?}: {result}");
    }
}

/// Bitstring Status List both ways with @digitalbazaar/vc-bitstring-status-list: lists and
/// credentials made by the JS reference read correctly in Verity, and lists published by
/// `verity status` read correctly in the JS reference.
#[test]
fn status_lists_interoperate_with_the_js_reference() {
    let Some(js) = support::js_dir("status_lists_interoperate_with_the_js_reference") else {
        return;
    };
    // JS → Verity.
    let tmp = tempfile::tempdir().unwrap();
    let made: Value =
        serde_json::from_str(&node(&js, &["status-sign", tmp.path().to_str().unwrap()])).unwrap();
    let list_url = made["list"].as_str().unwrap();
    let list = std::fs::read(tmp.path().join("list.json")).unwrap();
    let ctx = Context::default().with_document(list_url, list);
    for (file, verdict, code) in [
        ("revoked", Verdict::Revoked, "status.revoked"),
        ("active", Verdict::Valid, "status.active"),
    ] {
        let report = verifier_core::verify(
            &std::fs::read(tmp.path().join(format!("{file}.json"))).unwrap(),
            &ctx,
            AT,
        );
        assert_eq!(report.verdict, verdict, "{file}: {report:#?}");
        assert!(
            report.checks.iter().any(|c| c.code.as_str() == code),
            "{file}"
        );
    }

    // Verity → JS: a status directory, three credentials, one revoked, the list published.
    let dir = tempfile::tempdir().unwrap();
    let mut state = verity::status::StatusState::create(
        dir.path(),
        "https://verity.example/status/",
        &[verity::status::Purpose::Revocation],
        131_072,
    )
    .unwrap();
    let key = IssuerKey::from_seed([0x44; 32], None);
    let issuer = Issuer {
        key: &key,
        did: key.did_key(),
        now: UnixTime(1_768_467_600),
        x5c: Vec::new(),
    };
    let template = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"type": ["Profile"], "name": "Verity Interop"},
        "credentialSubject": {"id": "did:example:s", "type": ["AchievementSubject"], "name": "{{name}}",
            "achievement": {"id": "https://example.org/a", "type": ["Achievement"], "name": "Status",
                "description": "d", "criteria": {"narrative": "n"}}}
    });
    let mut files = Vec::new();
    for (i, name) in ["first", "second", "third"].iter().enumerate() {
        let row = Row {
            number: i + 1,
            cells: vec![("name", name)],
        };
        let (mut unsigned, _) = issuance::build(&template, &row, &issuer).unwrap();
        let id = unsigned["id"].as_str().unwrap().to_string();
        unsigned["credentialStatus"] = state.assign(&id).unwrap();
        if i == 1 {
            state
                .set(&id, verity::status::Purpose::Revocation, true)
                .unwrap();
        }
        let signed = issuance::sign(&unsigned, &issuer, issuance::Suite::EddsaRdfc2022).unwrap();
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, signed.to_string()).unwrap();
        files.push(file);
    }
    let lists = state.publish(&issuer, None).unwrap();
    assert_eq!(lists.len(), 1);
    let list_file = dir.path().join(&lists[0].0);
    std::fs::write(&list_file, lists[0].1.to_string()).unwrap();
    let mut args = vec!["status-check", list_file.to_str().unwrap()];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let results: Vec<Value> = node(&js, &args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let statuses: Vec<&Value> = results
        .iter()
        .map(|r| &r["statuses"][0]["status"])
        .collect();
    assert!(
        results.iter().all(|r| r["verified"] == true),
        "{results:#?}"
    );
    assert_eq!(statuses, [&json!(false), &json!(true), &json!(false)]);
}
