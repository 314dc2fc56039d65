//! Verification pipeline tests, run natively and (via wasm-bindgen-test) in WebAssembly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use serde_json::{Value, json};
use verifier_core::{Code, Context, Outcome, Report, UnixTime, Verdict, needs, verify};
use wasm_bindgen_test::wasm_bindgen_test;

type Mutation = Box<dyn Fn(&mut Value)>;

const NOW: UnixTime = UnixTime(1_780_000_000); // 2026-05-28T20:26:40Z

fn run(credential: &str) -> Report {
    verify(credential.as_bytes(), &Context::default(), NOW)
}

use common::codes;

fn signed(mutate: impl FnOnce(&mut Value)) -> String {
    let mut unsigned = common::badge_template();
    mutate(&mut unsigned);
    common::signed_badge(&unsigned)
}

#[wasm_bindgen_test(unsupported = test)]
fn valid_badge_passes_every_check() {
    let report = run(&signed(|_| {}));
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    assert_eq!(
        codes(&report, Outcome::Passed),
        [
            "input.parsed",
            "structure.valid",
            "issuer.key_resolved",
            "proof.verified",
            "validity.current"
        ]
    );
    assert_eq!(
        codes(&report, Outcome::Skipped),
        ["status.none", "trust.not_configured"]
    );
    let summary = report.summary.expect("summary");
    assert_eq!(
        summary.achievement_name.as_deref(),
        Some("Rust Systems Programming")
    );
    assert_eq!(
        summary.issuer_name.as_deref(),
        Some("École Polytechnique Exemple")
    );
    assert_eq!(summary.recipient.as_deref(), Some("Ada Lovelace"));
    assert_eq!(
        summary.achievement_image.as_deref(),
        Some("https://example.edu/badges/rust-101.png")
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn formatting_and_key_order_do_not_matter() {
    let text = signed(|_| {});
    let value: Value = serde_json::from_str(&text).unwrap();
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    assert_eq!(run(&pretty).verdict, Verdict::Valid);
    assert_eq!(
        run(&format!("\u{feff}\n  {text}\n")).verdict,
        Verdict::Valid
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn every_tampered_field_is_invalid() {
    let original: Value = serde_json::from_str(&signed(|_| {})).unwrap();
    let edits: Vec<(&str, Mutation)> = vec![
        (
            "name",
            Box::new(|v| {
                v["credentialSubject"]["achievement"]["name"] =
                    json!("Rust Systems Programming (Honours)")
            }),
        ),
        (
            "recipient",
            Box::new(|v| v["credentialSubject"]["name"] = json!("Mallory")),
        ),
        (
            "validFrom",
            Box::new(|v| v["validFrom"] = json!("2026-01-15T09:00:01Z")),
        ),
        (
            "added property",
            Box::new(|v| v["credentialSubject"]["grade"] = json!("A+")),
        ),
        (
            "removed property",
            Box::new(|v| {
                v["credentialSubject"]["achievement"]
                    .as_object_mut()
                    .unwrap()
                    .remove("image");
            }),
        ),
        (
            "proof created",
            Box::new(|v| v["proof"]["created"] = json!("2026-01-15T09:00:01Z")),
        ),
        (
            "proof context",
            Box::new(|v| v["proof"]["@context"] = json!(["https://www.w3.org/ns/credentials/v2"])),
        ),
        (
            "unicode normalisation",
            Box::new(|v| v["issuer"]["name"] = json!("E\u{301}cole Polytechnique Exemple")),
        ),
    ];
    for (what, edit) in edits {
        let mut copy = original.clone();
        edit(&mut copy);
        let report = run(&copy.to_string());
        assert_eq!(report.verdict, Verdict::Invalid, "{what}: {report:#?}");
        assert!(
            codes(&report, Outcome::Failed).contains(&"proof.signature_mismatch"),
            "{what}"
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn signature_with_s_plus_l_is_rejected() {
    // A malleated signature (S + L, the group order) verifies under lax Ed25519 but not verify_strict.
    let mut value: Value = serde_json::from_str(&signed(|_| {})).unwrap();
    let pv = value["proof"]["proofValue"].as_str().unwrap();
    let mut sig = bs58::decode(&pv[1..]).into_vec().unwrap();
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut carry = 0u16;
    for i in 0..32 {
        let sum = u16::from(sig[32 + i]) + u16::from(L[i]) + carry;
        sig[32 + i] = (sum & 0xff) as u8;
        carry = sum >> 8;
    }
    value["proof"]["proofValue"] = json!(format!("z{}", bs58::encode(&sig).into_string()));
    let report = run(&value.to_string());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        codes(&report, Outcome::Failed),
        ["proof.signature_mismatch"]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn expired_and_not_yet_valid() {
    let expired = run(&signed(|v| v["validUntil"] = json!("2026-03-01T00:00:00Z")));
    assert_eq!(expired.verdict, Verdict::Expired);
    assert_eq!(codes(&expired, Outcome::Failed), ["validity.expired"]);
    let future = run(&signed(|v| v["validFrom"] = json!("2027-01-01T00:00:00Z")));
    assert_eq!(future.verdict, Verdict::Invalid);
    assert_eq!(codes(&future, Outcome::Failed), ["validity.not_yet_valid"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn tampered_and_expired_is_invalid() {
    let mut value: Value =
        serde_json::from_str(&signed(|v| v["validUntil"] = json!("2026-03-01T00:00:00Z"))).unwrap();
    value["credentialSubject"]["name"] = json!("Mallory");
    let report = run(&value.to_string());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(
        codes(&report, Outcome::Failed),
        ["proof.signature_mismatch", "validity.expired"]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn missing_required_fields_name_their_path() {
    let report = run(&signed(|v| {
        v["credentialSubject"]["achievement"]
            .as_object_mut()
            .unwrap()
            .remove("criteria");
        v["issuer"].as_object_mut().unwrap().remove("name");
        v.as_object_mut().unwrap().remove("validFrom");
    }));
    assert_eq!(report.verdict, Verdict::Invalid);
    let paths: Vec<_> = report
        .checks
        .iter()
        .filter(|c| c.code == Code::StructureMissingField)
        .map(|c| c.datum("path").unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "validFrom",
            "issuer.name",
            "credentialSubject.achievement.criteria"
        ]
    );
    // The signature is still good: the issuer signed an incomplete badge.
    assert!(codes(&report, Outcome::Passed).contains(&"proof.verified"));
}

#[wasm_bindgen_test(unsupported = test)]
fn key_of_another_issuer_is_rejected() {
    let other = ed25519_dalek::SigningKey::from_bytes(&[0x22; 32]);
    let other_did = format!(
        "did:key:{}",
        verifier_core::did::encode_ed25519_multikey(other.verifying_key().as_bytes())
    );
    let vm = format!("{other_did}#{}", &other_did["did:key:".len()..]);
    let forged = common::sign_with(&common::badge_template(), &other, &vm);
    let report = run(&forged.to_string());
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(codes(&report, Outcome::Failed), ["issuer.vm_not_issuer"]);
    assert!(
        codes(&report, Outcome::Passed).contains(&"proof.verified"),
        "the signature itself holds"
    );

    let wrong_fragment = common::sign_with(
        &common::badge_template(),
        &common::key(),
        &format!("{}#key-1", common::did_key()),
    );
    assert_eq!(
        codes(&run(&wrong_fragment.to_string()), Outcome::Failed),
        ["issuer.vm_not_found"]
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn proof_field_problems() {
    let original: Value = serde_json::from_str(&signed(|_| {})).unwrap();
    let cases: Vec<(Mutation, &str)> = vec![
        (
            Box::new(|v| v["proof"]["proofPurpose"] = json!("authentication")),
            "proof.purpose_mismatch",
        ),
        (
            Box::new(|v| v["proof"]["proofValue"] = json!("not multibase")),
            "proof.malformed",
        ),
        (
            Box::new(|v| v["proof"]["proofValue"] = json!("z3")),
            "proof.malformed",
        ),
        (
            Box::new(|v| v["proof"]["created"] = json!("yesterday")),
            "proof.malformed",
        ),
        (
            Box::new(|v| v["proof"]["expires"] = json!("2026-02-01T00:00:00Z")),
            "proof.expired",
        ),
        (
            Box::new(|v| v["@context"] = json!(["https://www.w3.org/ns/credentials/v2"])),
            "proof.context_mismatch",
        ),
        (Box::new(|v| v["proof"] = json!([])), "proof.missing"),
        (Box::new(|v| v["proof"] = json!("z123")), "proof.malformed"),
    ];
    for (edit, code) in cases {
        let mut copy = original.clone();
        edit(&mut copy);
        let report = run(&copy.to_string());
        assert_eq!(report.verdict, Verdict::Invalid, "{code}");
        assert!(
            codes(&report, Outcome::Failed).contains(&code),
            "{code}: {report:#?}"
        );
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn unsupported_suite_is_indeterminate_not_valid() {
    let report = run(&signed(|_| {}).replace("eddsa-jcs-2022", "ecdsa-sd-2023"));
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert!(codes(&report, Outcome::Skipped).contains(&"proof.unsupported_suite"));
    assert!(!codes(&report, Outcome::Passed).contains(&"proof.verified"));
}

#[wasm_bindgen_test(unsupported = test)]
fn bad_inputs_get_clear_codes() {
    let cases: &[(&[u8], &str, Verdict)] = &[
        (b"", "input.empty", Verdict::Invalid),
        (b"  \n", "input.empty", Verdict::Invalid),
        (b"{\"a\":", "input.json_invalid", Verdict::Invalid),
        (b"[1,2]", "input.unrecognised", Verdict::Invalid),
        (b"{}", "input.unrecognised", Verdict::Invalid),
        (b"hello", "input.unrecognised", Verdict::Invalid),
        (
            b"\x89PNG\r\n\x1a\n\0\0",
            "input.baked_invalid",
            Verdict::Invalid,
        ),
        (
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><circle r=\"1\"/></svg>",
            "input.baked_none",
            Verdict::Invalid,
        ),
        (
            b"eyJhbGciOiJFZERTQSJ9.eyJ9.c2ln",
            "jwt.malformed",
            Verdict::Invalid,
        ),
        (b"\xff\xfe\x00", "input.unrecognised", Verdict::Invalid),
    ];
    for (input, code, verdict) in cases {
        let report = verify(input, &Context::default(), NOW);
        assert_eq!(report.checks.len(), 1);
        assert_eq!(report.checks[0].code.as_str(), *code, "{input:?}");
        assert_eq!(report.verdict, *verdict, "{input:?}");
    }
    let deep = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    assert_eq!(run(&deep).checks[0].code, Code::LimitsJsonDepth);
    let mut ctx = Context::default();
    ctx.limits.max_input_bytes = 100;
    assert_eq!(
        verify(&[b' '; 101], &ctx, NOW).checks[0].code,
        Code::LimitsInputSize
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn did_web_issuer_with_supplied_document() {
    let did = "did:web:issuer.example.edu";
    let multikey =
        verifier_core::did::encode_ed25519_multikey(common::key().verifying_key().as_bytes());
    let vm = format!("{did}#key-1");
    let doc = json!({
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [{"id": vm, "type": "Multikey", "controller": did, "publicKeyMultibase": multikey}],
        "assertionMethod": ["#key-1"]
    });
    let mut unsigned = common::badge_template();
    unsigned["issuer"]["id"] = json!(did);
    let credential = common::sign_with(&unsigned, &common::key(), &vm).to_string();
    let url = "https://issuer.example.edu/.well-known/did.json";
    let need = needs(credential.as_bytes(), &Default::default());
    assert_eq!(need.len(), 1);
    assert_eq!(need[0].url, url);

    let missing = run(&credential);
    assert_eq!(missing.verdict, Verdict::Indeterminate);
    assert_eq!(
        codes(&missing, Outcome::Skipped)[..2],
        ["issuer.document_missing", "proof.no_key"]
    );

    let with_doc = |doc: &Value| {
        verify(
            credential.as_bytes(),
            &Context::default().with_document(url, doc.to_string()),
            NOW,
        )
    };
    assert_eq!(with_doc(&doc).verdict, Verdict::Valid);

    let mut not_assertion = doc.clone();
    not_assertion["assertionMethod"] = json!([]);
    assert_eq!(
        codes(&with_doc(&not_assertion), Outcome::Failed),
        ["issuer.vm_not_assertion"]
    );
    let mut wrong_id = doc.clone();
    wrong_id["id"] = json!("did:web:evil.example");
    assert_eq!(
        codes(&with_doc(&wrong_id), Outcome::Failed),
        ["issuer.document_invalid"]
    );
    let mut rotated = doc.clone();
    rotated["verificationMethod"][0]["id"] = json!(format!("{did}#key-2"));
    rotated["assertionMethod"] = json!(["#key-2"]);
    assert_eq!(
        codes(&with_doc(&rotated), Outcome::Failed),
        ["issuer.vm_not_found"]
    );
    // Key rotation: while the current document still lists the old key for assertions (next to
    // the new one), what it signed verifies.
    let mut both = doc.clone();
    let mut new_key = doc["verificationMethod"][0].clone();
    new_key["id"] = json!(format!("{did}#key-2"));
    both["verificationMethod"]
        .as_array_mut()
        .unwrap()
        .push(new_key);
    both["assertionMethod"] = json!(["#key-2", vm]);
    assert_eq!(with_doc(&both).verdict, Verdict::Valid);
}

#[wasm_bindgen_test(unsupported = test)]
fn did_jwk_issuer() {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let jwk = |extra: Value| {
        let mut jwk = json!({"kty": "OKP", "crv": "Ed25519",
            "x": Base64UrlUnpadded::encode_string(common::key().verifying_key().as_bytes())});
        jwk.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        format!(
            "did:jwk:{}",
            Base64UrlUnpadded::encode_string(jwk.to_string().as_bytes())
        )
    };
    let issue = |did: &str, vm: &str| {
        let mut unsigned = common::badge_template();
        unsigned["issuer"]["id"] = json!(did);
        common::sign_with(&unsigned, &common::key(), vm).to_string()
    };
    let did = jwk(json!({}));
    let report = run(&issue(&did, &format!("{did}#0")));
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
    assert!(
        needs(
            issue(&did, &format!("{did}#0")).as_bytes(),
            &Default::default()
        )
        .is_empty()
    );
    assert_eq!(
        codes(&run(&issue(&did, &format!("{did}#1"))), Outcome::Failed)[0],
        "issuer.vm_not_found"
    );
    let enc = jwk(json!({"use": "enc"}));
    assert_eq!(
        codes(&run(&issue(&enc, &format!("{enc}#0"))), Outcome::Failed)[0],
        "issuer.vm_not_assertion"
    );
    let private = jwk(json!({"d": "AAAA"}));
    assert_eq!(
        codes(
            &run(&issue(&private, &format!("{private}#0"))),
            Outcome::Failed
        )[0],
        "issuer.key_invalid"
    );
    assert_eq!(
        codes(&run(&issue("did:jwk:!!", "did:jwk:!!#0")), Outcome::Failed)[0],
        "issuer.did_invalid"
    );
}

/// A trusted key (trust.json `publicKeyMultibase`): trusted whoever the issuer id is, once its
/// proof verifies and the key is bound to the issuer; pinned to an id, only for that issuer.
#[wasm_bindgen_test(unsupported = test)]
fn trusted_by_key() {
    let credential = signed(|_| {});
    let multikey = common::did_key().trim_start_matches("did:key:").to_string();
    let trust = |entry: &str| {
        let config = verifier_core::trust::TrustConfig::parse(
            format!(r#"{{"issuers": [{entry}]}}"#).as_bytes(),
        )
        .unwrap();
        let mut ctx = Context::default();
        config.apply(&mut ctx);
        let report = verify(credential.as_bytes(), &ctx, NOW);
        let check = report
            .checks
            .iter()
            .find(|c| c.id == verifier_core::CheckId::Trust)
            .cloned()
            .unwrap();
        (check.code.as_str(), check.datum("name").map(str::to_string))
    };
    assert_eq!(
        trust(&format!(
            r#"{{"publicKeyMultibase": "{multikey}", "name": "Pinned"}}"#
        )),
        ("trust.trusted_issuer", Some("Pinned".into()))
    );
    assert_eq!(
        trust(&format!(
            r#"{{"id": "{}", "publicKeyMultibase": "{multikey}", "name": "Pinned"}}"#,
            common::did_key()
        ))
        .0,
        "trust.trusted_issuer"
    );
    assert_eq!(
        trust(&format!(
            r#"{{"id": "did:web:other.example", "publicKeyMultibase": "{multikey}"}}"#
        ))
        .0,
        "trust.unknown_issuer",
        "pinned to another issuer"
    );
    let other = verifier_core::did::encode_ed25519_multikey(
        ed25519_dalek::SigningKey::from_bytes(&[7u8; 32])
            .verifying_key()
            .as_bytes(),
    );
    assert_eq!(
        trust(&format!(r#"{{"publicKeyMultibase": "{other}"}}"#)).0,
        "trust.unknown_issuer"
    );
    // A tampered credential signed with the trusted key is not trusted: its proof fails.
    let tampered = credential.replacen("\"name\":\"", "\"name\":\"X", 1);
    assert_ne!(tampered, credential);
    let config = verifier_core::trust::TrustConfig::parse(
        format!(r#"{{"issuers": [{{"publicKeyMultibase": "{multikey}"}}]}}"#).as_bytes(),
    )
    .unwrap();
    let mut ctx = Context::default();
    config.apply(&mut ctx);
    let report = verify(tampered.as_bytes(), &ctx, NOW);
    assert!(!codes(&report, Outcome::Passed).contains(&"trust.trusted_issuer"));
    // Malformed entries are refused with their place.
    for bad in [
        r#"{"publicKeyMultibase": "zNotAKey"}"#,
        r#"{"name": "No id"}"#,
    ] {
        let e = verifier_core::trust::TrustConfig::parse(
            format!(r#"{{"issuers": [{bad}]}}"#).as_bytes(),
        )
        .unwrap_err();
        assert!(e.path.starts_with("/issuers/0/"), "{e}");
    }
}

#[wasm_bindgen_test(unsupported = test)]
fn trust_list_and_policy() {
    let credential = signed(|_| {});
    let mut ctx = Context::default();
    ctx.trusted_issuers.push(verifier_core::TrustedIssuer {
        id: common::did_key(),
        name: "Exemple".into(),
    });
    let report = verify(credential.as_bytes(), &ctx, NOW);
    assert_eq!(report.verdict, Verdict::Valid);
    assert!(codes(&report, Outcome::Passed).contains(&"trust.trusted_issuer"));
    let mut other = ctx.clone();
    other.trusted_issuers[0].id = "did:web:other.example".into();
    let report = verify(credential.as_bytes(), &other, NOW);
    assert_eq!(
        report.verdict,
        Verdict::Valid,
        "an unknown issuer is a warning, not a failure"
    );
    assert!(codes(&report, Outcome::Skipped).contains(&"trust.unknown_issuer"));
    let mut strict = Context::default();
    strict.policy.require_trusted_issuer = true;
    let report = verify(credential.as_bytes(), &strict, NOW);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(codes(&report, Outcome::Failed), ["trust.untrusted_issuer"]);
}

#[wasm_bindgen_test(unsupported = test)]
fn status_entry_present_is_not_silently_valid() {
    let report = run(&signed(|v| {
        v["credentialStatus"] = json!({"id": "https://example.edu/status/1#5", "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": "5", "statusListCredential": "https://example.edu/status/1"})
    }));
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(codes(&report, Outcome::Skipped)[0], "status.list_missing");
}

/// W3C vc-di-eddsa eddsa-jcs-2022 test vector, embedded so it runs in WebAssembly too.
/// Source: w3c/vc-di-eddsa TestVectors/eddsa-jcs-2022/signedJCS.json (W3C Software License).
const W3C_SIGNED_JCS: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33","type":["VerifiableCredential","AlumniCredential"],"name":"Alumni Credential","description":"A minimum viable example of an Alumni Credential.","issuer":"https://vc.example/issuers/5678","validFrom":"2023-01-01T00:00:00Z","credentialSubject":{"id":"did:example:abcdefgh","alumniOf":"The School of Examples"},"proof":{"type":"DataIntegrityProof","cryptosuite":"eddsa-jcs-2022","created":"2023-02-24T23:36:38Z","verificationMethod":"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2","proofPurpose":"assertionMethod","@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"proofValue":"z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"}}"#;

#[wasm_bindgen_test(unsupported = test)]
fn w3c_eddsa_jcs_vector_signature_holds_but_issuer_is_not_the_key() {
    let report = run(W3C_SIGNED_JCS);
    assert!(
        codes(&report, Outcome::Passed).contains(&"proof.verified"),
        "{report:#?}"
    );
    // The vector's issuer is an https URL while the key is a did:key: not bound to the issuer.
    assert_eq!(codes(&report, Outcome::Failed), ["issuer.vm_not_issuer"]);
    assert_eq!(report.verdict, Verdict::Invalid);
    // Bound to its own key, it is valid.
    let rebound = W3C_SIGNED_JCS.replace(
        "\"issuer\":\"https://vc.example/issuers/5678\"",
        "\"issuer\":\"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2\"",
    );
    assert_eq!(
        codes(&run(&rebound), Outcome::Failed),
        ["proof.signature_mismatch"],
        "the issuer is signed too"
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn code_list_is_frozen() {
    let all: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        all,
        [
            "input.parsed",
            "input.empty",
            "limits.input_size",
            "limits.json_depth",
            "limits.json_values",
            "input.json_invalid",
            "input.format_unsupported",
            "input.unrecognised",
            "input.baked_none",
            "input.baked_invalid",
            "structure.valid",
            "structure.missing_field",
            "structure.invalid_value",
            "jwt.malformed",
            "jwt.claim_mismatch",
            "jwt.alg_forbidden",
            "jwt.header_invalid",
            "issuer.key_resolved",
            "issuer.vm_not_issuer",
            "issuer.vm_not_found",
            "issuer.vm_not_assertion",
            "issuer.key_embedded",
            "issuer.x5c_unverified",
            "issuer.did_invalid",
            "issuer.did_unsupported",
            "issuer.key_invalid",
            "issuer.document_missing",
            "issuer.document_invalid",
            "proof.verified",
            "proof.missing",
            "proof.malformed",
            "proof.unsupported_suite",
            "proof.purpose_mismatch",
            "proof.context_mismatch",
            "proof.expired",
            "proof.signature_mismatch",
            "proof.key_type_mismatch",
            "proof.no_key",
            "context.unknown",
            "jsonld.undefined_term",
            "jsonld.inline_context",
            "jsonld.invalid",
            "limits.rdfc_poison",
            "limits.merkle_path",
            "anchor.verified",
            "anchor.confirmed_online",
            "anchor.lookup_failed",
            "anchor.missing",
            "anchor.malformed",
            "anchor.merkle_mismatch",
            "anchor.mock",
            "anchor.unsupported_chain",
            "anchor.evidence_missing",
            "anchor.transaction_invalid",
            "anchor.root_not_in_transaction",
            "anchor.block_proof_invalid",
            "anchor.transaction_not_in_block",
            "anchor.pow_invalid",
            "anchor.headers_invalid",
            "anchor.header_unknown",
            "anchor.unconfirmed",
            "validity.current",
            "validity.expired",
            "validity.not_yet_valid",
            "status.none",
            "status.unsupported",
            "status.active",
            "status.revoked",
            "status.suspended",
            "status.message",
            "status.refresh",
            "status.entry_invalid",
            "status.list_missing",
            "status.list_invalid",
            "status.list_unverified",
            "status.list_issuer_mismatch",
            "status.list_expired",
            "limits.decompressed_size",
            "trust.trusted_issuer",
            "trust.unknown_issuer",
            "trust.not_configured",
            "trust.untrusted_issuer",
            "contents.credential_valid",
            "contents.credential_not_valid",
            "limits.nested_credentials",
            "x509.parsed",
            "x509.none",
            "x509.malformed",
            "limits.certificates",
            "x509.current",
            "x509.expired",
            "x509.not_yet_valid",
            "x509.usage_valid",
            "x509.eku_mismatch",
            "x509.key_usage_invalid",
            "x509.leaf_is_ca",
            "x509.unknown_critical_extension",
            "x509.name_matched",
            "x509.name_mismatch",
            "x509.name_not_checked",
            "x509.chain_valid",
            "x509.no_trust_anchors",
            "x509.unknown_issuer",
            "x509.signature_invalid",
            "x509.unsupported_algorithm",
            "x509.not_ca",
            "x509.path_len_exceeded",
            "x509.name_constraints_violated",
            "x509.profile_violation",
            "limits.name_constraints",
            "limits.chain_depth",
            "limits.signature_checks",
            "x509.lifetime_compliant",
            "x509.lifetime_exceeds_policy",
            "x509.weak_signature",
            "x509.weak_key",
            "x509.san_missing",
        ]
    );
    for code in Code::ALL {
        assert_eq!(Code::from_str_code(code.as_str()), Some(*code));
    }
}

/// An eddsa-rdfc-2022 credential issued by `verity` (the portal's demo), verified on this target —
/// natively, and in WebAssembly under Node and Chromium (JSON-LD, RDFC-1.0 and the embedded contexts).
#[cfg(feature = "rdfc")]
#[wasm_bindgen_test(unsupported = test)]
fn rdfc_credentials_on_this_target() {
    let valid = run(include_str!("../../portal/demo/valid.json"));
    assert_eq!(valid.verdict, Verdict::Valid, "{valid:#?}");
    let proof = valid
        .checks
        .iter()
        .find(|c| c.code == Code::ProofVerified)
        .expect("proof");
    assert_eq!(proof.datum("cryptosuite"), Some("eddsa-rdfc-2022"));
    let tampered = run(include_str!("../../portal/demo/tampered.json"));
    assert_eq!(
        codes(&tampered, Outcome::Failed),
        ["proof.signature_mismatch"]
    );
}
