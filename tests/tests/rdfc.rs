//! RDF canonicalization and JSON-LD: the W3C RDFC-1.0 test suite, the embedded contexts against
//! ../shared, and the W3C eddsa-rdfc-2022 / Ed25519Signature2020 vectors (skipped without ../shared).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use verifier_core::rdfc::{self, ContextStore, RdfcError, RdfcHash};
use verifier_core::{CheckId, Context, Outcome, UnixTime};

fn read_nquads(path: &std::path::Path) -> Vec<oxrdf::Quad> {
    let text = std::fs::read_to_string(path).unwrap();
    oxttl::NQuadsParser::new()
        .for_slice(text.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
}

#[test]
fn rdfc10_test_suite() {
    let Some(dir) = support::shared_vectors("rdfc10_test_suite", "rdf-canon") else {
        return;
    };
    let dir = dir.join("tests");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.jsonld")).unwrap()).unwrap();
    let (mut passed, mut negative) = (0, 0);
    for entry in manifest["entries"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let hash = if entry["hashAlgorithm"] == "SHA384" {
            RdfcHash::Sha384
        } else {
            RdfcHash::Sha256
        };
        let input = read_nquads(&dir.join(entry["action"].as_str().unwrap()));
        match entry["type"].as_str().unwrap() {
            "rdfc:RDFC10EvalTest" => {
                let expected =
                    std::fs::read_to_string(dir.join(entry["result"].as_str().unwrap())).unwrap();
                let got = rdfc::canonicalize_quads(&input, hash, rdfc::DEFAULT_HNDQ_CALL_LIMIT)
                    .unwrap_or_else(|e| panic!("{id}: {e:?}"));
                assert_eq!(got, expected, "{id}");
                passed += 1;
            }
            "rdfc:RDFC10NegativeEvalTest" => {
                let result = rdfc::canonicalize_quads(&input, hash, rdfc::DEFAULT_HNDQ_CALL_LIMIT);
                assert!(
                    matches!(result, Err(RdfcError::Poisoned(_))),
                    "{id}: {result:?}"
                );
                negative += 1;
            }
            _ => {} // map tests: blank-node label maps, not exposed by this API
        }
    }
    eprintln!(
        "RDFC-1.0 suite: {passed} evaluation tests passed, {negative} poison test(s) rejected"
    );
    assert_eq!((passed, negative), (64, 1));
}

#[test]
fn embedded_contexts_match_the_shared_copies() {
    let Some(dir) = support::shared_vectors(
        "embedded_contexts_match_the_shared_copies",
        "jsonld-contexts",
    ) else {
        return;
    };
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let mut compared = 0;
    for url in ContextStore::embedded_urls() {
        let Some(file) = index["contexts"][url].as_str() else {
            continue;
        };
        let shared: Value =
            serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap();
        let embedded: Value = serde_json::from_str(ContextStore::embedded(url).unwrap()).unwrap();
        assert_eq!(embedded, shared, "{url}");
        compared += 1;
    }
    eprintln!("{compared} embedded contexts equal their ../shared copies");
    assert!(compared >= 18, "only {compared} compared");
}

fn shared_context(dir: &std::path::Path, url: &str, file: &str) -> (String, Vec<u8>) {
    (url.to_string(), std::fs::read(dir.join(file)).unwrap())
}

/// The W3C examples context the W3C vectors use: test data only, so not embedded but supplied.
fn examples_context(contexts: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    [shared_context(
        contexts,
        "https://www.w3.org/ns/credentials/examples/v2",
        "w3c-credentials-examples-v2.jsonld",
    )]
    .into()
}

#[test]
fn w3c_rdfc_vectors() {
    let Some(eddsa) = support::shared_vectors("w3c_rdfc_vectors", "vc-di-eddsa") else {
        return;
    };
    let Some(contexts) = support::shared_vectors("w3c_rdfc_vectors", "jsonld-contexts") else {
        return;
    };
    // The vectors use the W3C examples context, which is not embedded (test data only).
    let extra = examples_context(&contexts);
    let store = ContextStore::new(extra.clone());
    let v = eddsa.join("TestVectors");
    for (signed, doc_canon, proof_canon) in [
        (
            "eddsa-rdfc-2022/signedDataInt.json",
            "eddsa-rdfc-2022/canonDocDataInt.txt",
            "eddsa-rdfc-2022/proofCanonDataInt.txt",
        ),
        (
            "Ed25519Signature2020/signedEdSig.json",
            "Ed25519Signature2020/canonDocEdSig.txt",
            "Ed25519Signature2020/proofCanonEdSig.txt",
        ),
    ] {
        let text = std::fs::read_to_string(v.join(signed)).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        let mut doc = value.clone();
        doc.as_object_mut().unwrap().remove("proof");
        let canon = rdfc::canonicalize(
            &doc,
            &store,
            RdfcHash::Sha256,
            rdfc::DEFAULT_HNDQ_CALL_LIMIT,
        )
        .unwrap();
        assert_eq!(
            canon,
            std::fs::read_to_string(v.join(doc_canon)).unwrap(),
            "{signed}"
        );
        let mut config = value["proof"].clone();
        config.as_object_mut().unwrap().remove("proofValue");
        config["@context"] = value["@context"].clone();
        let canon = rdfc::canonicalize(
            &config,
            &store,
            RdfcHash::Sha256,
            rdfc::DEFAULT_HNDQ_CALL_LIMIT,
        )
        .unwrap();
        assert_eq!(
            canon,
            std::fs::read_to_string(v.join(proof_canon)).unwrap(),
            "{signed}"
        );

        let ctx = Context {
            contexts: extra.clone(),
            ..Context::default()
        };
        let report = verifier_core::verify(text.as_bytes(), &ctx, UnixTime(1_700_000_000));
        let proof = report
            .checks
            .iter()
            .find(|c| c.id == CheckId::Proof)
            .unwrap();
        assert_eq!(
            (proof.outcome, proof.code.as_str()),
            (Outcome::Passed, "proof.verified"),
            "{signed}: {report:#?}"
        );

        // Tampered: a changed value, and an added property (defined here by the contexts' @vocab).
        let tampered = text.replacen("2023", "2024", 1);
        let report = verifier_core::verify(tampered.as_bytes(), &ctx, UnixTime(1_700_000_000));
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.code.as_str() == "proof.signature_mismatch"),
            "{signed}"
        );
        let mut added = value.clone();
        added["credentialSubject"]["addedClaim"] = Value::from("unsigned claim");
        let report =
            verifier_core::verify(added.to_string().as_bytes(), &ctx, UnixTime(1_700_000_000));
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.code.as_str() == "proof.signature_mismatch"),
            "{signed}"
        );
        // Without the examples context: indeterminate, context.unknown, never fetched.
        let report = verifier_core::verify(
            text.as_bytes(),
            &Context::default(),
            UnixTime(1_700_000_000),
        );
        let check = report
            .checks
            .iter()
            .find(|c| c.id == CheckId::Proof)
            .unwrap();
        assert_eq!(
            (check.outcome, check.code.as_str()),
            (Outcome::Skipped, "context.unknown")
        );
        assert_eq!(
            check.datum("url"),
            Some("https://www.w3.org/ns/credentials/examples/v2")
        );
    }
}

#[test]
fn inline_contexts_and_unknown_keywords_are_refused() {
    let store = ContextStore::default();
    let base = serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", {"evil": null}],
        "type": ["VerifiableCredential"], "issuer": "did:example:1", "credentialSubject": {"id": "did:example:2"}
    });
    assert!(
        matches!(rdfc::canonicalize(&base, &store, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT), Err(RdfcError::InlineContext(p)) if p == "/@context")
    );
    let mut keyword = base.clone();
    keyword["@context"] = serde_json::json!(["https://www.w3.org/ns/credentials/v2"]);
    keyword["credentialSubject"]["@foo"] = Value::from(1);
    assert!(
        matches!(rdfc::canonicalize(&keyword, &store, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT), Err(RdfcError::UndefinedTerm(p, _)) if p == "/credentialSubject/@foo")
    );
    let mut ok = keyword.clone();
    ok["credentialSubject"]
        .as_object_mut()
        .unwrap()
        .remove("@foo");
    assert!(
        rdfc::canonicalize(&ok, &store, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT).is_ok()
    );
    // VC 1.1 has no @vocab: an undefined term would be dropped from what is signed.
    let v1 = serde_json::json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential"], "issuer": "did:example:1", "issuanceDate": "2020-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:2", "unsignedClaim": "A+"}
    });
    assert!(
        matches!(rdfc::canonicalize(&v1, &store, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT),
        Err(RdfcError::UndefinedTerm(p, t)) if p == "/credentialSubject/unsignedClaim" && t == "unsignedClaim")
    );
    let mut relative_type = ok.clone();
    relative_type["credentialSubject"]["type"] = Value::from("NotDefinedAnywhere");
    assert!(
        matches!(rdfc::canonicalize(&relative_type, &store, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT), Err(RdfcError::UndefinedTerm(p, t)) if p == "/credentialSubject/type" && t == "NotDefinedAnywhere")
    );
}

/// Signed examples of the Open Badges 3.0 / CLR 2.0 specification and the 1EdTech validator:
/// every signature verifies. Their issuers are https URLs (or a did:key that is not the issuer) whose
/// key documents are not published, so the key is taken from the method URL's fragment and marked
/// unconfirmed; with the issuer's document supplied, the credential is valid.
#[test]
fn open_badges_and_clr_signed_examples() {
    let Some(vectors) =
        support::shared_vectors("open_badges_and_clr_signed_examples", "openbadges-spec")
    else {
        return;
    };
    let Some(contexts) =
        support::shared_vectors("open_badges_and_clr_signed_examples", "jsonld-contexts")
    else {
        return;
    };
    let root = vectors.parent().unwrap().to_path_buf();
    // CLR 2.0's context is not published in a package yet, so it is not embedded: supplied here.
    let clr: BTreeMap<String, Vec<u8>> = [
        shared_context(
            &contexts,
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
            "clr-v2p0-context-2.0.1.json",
        ),
        shared_context(
            &contexts,
            "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
            "clr-v2p0-context.json",
        ),
    ]
    .into();
    let at = UnixTime::parse("2024-06-01T00:00:00Z").unwrap();
    let files = [
        "openbadges-spec/test-vectors/ob3-eddsa-rdfc-2022-signed.json",
        "openbadges-spec/test-vectors/clr2-eddsa-rdfc-2022-signed.json",
        "1edtech-validator/ob30/simple.json",
        "1edtech-validator/ob30/simple-did-key-method.json",
        "1edtech-validator/ob30/simple-did-web-method.json",
        "1edtech-validator/ob30/simple-multiple-proofs.json",
        "1edtech-validator/clr20/simple.json",
    ];
    for file in files {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let ctx = Context {
            contexts: clr.clone(),
            ..Context::default()
        };
        let report = verifier_core::verify(text.as_bytes(), &ctx, at);
        let verified: Vec<_> = report
            .checks
            .iter()
            .filter(|c| c.code.as_str() == "proof.verified")
            .collect();
        assert!(!verified.is_empty(), "{file}: {report:#?}");
        assert!(
            !report
                .checks
                .iter()
                .any(|c| c.code.as_str() == "proof.signature_mismatch"),
            "{file}"
        );
        assert_ne!(
            report.verdict,
            verifier_core::Verdict::Valid,
            "{file}: the issuer's key is not confirmed"
        );
        // A CLR's own credentials are verified too, each with its own signature checked.
        if file.contains("clr") {
            assert!(!report.credentials.is_empty(), "{file}: no nested reports");
            for (i, nested) in report.credentials.iter().enumerate() {
                let codes: Vec<&str> = nested.checks.iter().map(|c| c.code.as_str()).collect();
                assert!(
                    codes.contains(&"proof.verified")
                        && !codes.contains(&"proof.signature_mismatch"),
                    "{file} credential {i}: {codes:?}"
                );
            }
            let contents = report
                .checks
                .iter()
                .filter(|c| c.id == verifier_core::CheckId::Contents)
                .count();
            assert_eq!(contents, report.credentials.len(), "{file}");
        }

        // Tampering with the signed data is caught by the RDFC pipeline too.
        let tampered = text.replacen("\"name\": \"", "\"name\": \"X", 1);
        let report = verifier_core::verify(tampered.as_bytes(), &ctx, at);
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.code.as_str() == "proof.signature_mismatch"),
            "{file} tampered"
        );
    }

    // The OB 3.0 specification example, with its issuer's key document supplied, is valid.
    let text = std::fs::read_to_string(root.join(files[0])).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let vm = value["proof"]["verificationMethod"]
        .as_str()
        .or_else(|| value["proof"][0]["verificationMethod"].as_str())
        .unwrap();
    let issuer = value["issuer"]["id"].as_str().unwrap();
    let doc = serde_json::json!({"id": issuer, "verificationMethod": [{"id": vm, "type": "Multikey", "controller": issuer,
        "publicKeyMultibase": vm.split('#').nth(1).unwrap()}], "assertionMethod": [vm]});
    let need = verifier_core::needs(text.as_bytes(), &Default::default());
    assert_eq!(need[0].url, issuer);
    let ctx = Context::default().with_document(issuer, doc.to_string());
    let report = verifier_core::verify(text.as_bytes(), &ctx, at);
    assert_eq!(report.verdict, verifier_core::Verdict::Valid, "{report:#?}");

    // And the specification's canonical forms are reproduced exactly.
    let mut unsigned = value.clone();
    unsigned.as_object_mut().unwrap().remove("proof");
    let canon = rdfc::canonicalize(
        &unsigned,
        &ContextStore::default(),
        RdfcHash::Sha256,
        rdfc::DEFAULT_HNDQ_CALL_LIMIT,
    )
    .unwrap();
    assert_eq!(
        canon,
        std::fs::read_to_string(vectors.join("test-vectors/obv3p0/document-canon.txt")).unwrap()
    );
}

/// W3C vc-di-ecdsa vectors: ecdsa-rdfc-2019 and ecdsa-jcs-2019 with P-256 and P-384 (P-384 RDFC runs
/// with SHA-384). The vectors' issuer is an https URL unrelated to the did:key, so only the proof check
/// is asserted, plus rejection of a tampered copy.
#[test]
fn w3c_ecdsa_vectors() {
    let Some(ecdsa) = support::shared_vectors("w3c_ecdsa_vectors", "vc-di-ecdsa") else {
        return;
    };
    let Some(contexts) = support::shared_vectors("w3c_ecdsa_vectors", "jsonld-contexts") else {
        return;
    };
    let extra = examples_context(&contexts);
    let ctx = Context {
        contexts: extra,
        ..Context::default()
    };
    let v = ecdsa.join("TestVectors");
    for (file, suite) in [
        (
            "ecdsa-rdfc-2019-p256/signedECDSAP256.json",
            "ecdsa-rdfc-2019",
        ),
        (
            "ecdsa-rdfc-2019-p384/signedECDSAP384.json",
            "ecdsa-rdfc-2019",
        ),
        (
            "ecdsa-jcs-2019-p256/signedJCSECDSAP256.json",
            "ecdsa-jcs-2019",
        ),
        (
            "ecdsa-jcs-2019-p384/signedJCSECDSAP384.json",
            "ecdsa-jcs-2019",
        ),
    ] {
        let text = std::fs::read_to_string(v.join(file)).unwrap();
        let report = verifier_core::verify(text.as_bytes(), &ctx, UnixTime(1_700_000_000));
        let proof = report
            .checks
            .iter()
            .find(|c| c.id == CheckId::Proof)
            .unwrap();
        assert_eq!(
            (proof.outcome, proof.code.as_str()),
            (Outcome::Passed, "proof.verified"),
            "{file}: {report:#?}"
        );
        assert_eq!(proof.datum("cryptosuite"), Some(suite));
        let tampered = text.replacen("2023", "2024", 1);
        let report = verifier_core::verify(tampered.as_bytes(), &ctx, UnixTime(1_700_000_000));
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.code.as_str() == "proof.signature_mismatch"),
            "{file}"
        );
        // An EdDSA suite claimed over an ECDSA key is refused as such.
        let confused = text.replace(
            suite,
            if suite.ends_with("jcs-2019") {
                "eddsa-jcs-2022"
            } else {
                "eddsa-rdfc-2022"
            },
        );
        let report = verifier_core::verify(confused.as_bytes(), &ctx, UnixTime(1_700_000_000));
        assert!(
            report
                .checks
                .iter()
                .any(|c| c.code.as_str() == "proof.key_type_mismatch"),
            "{file}: {report:#?}"
        );
    }
}
