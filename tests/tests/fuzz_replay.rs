//! Replays every fuzz corpus and crash input (fuzz/corpus/<target>, fuzz/artifacts/<target>) through
//! the same property each fuzz target checks, as a normal test. Targets: fuzz/fuzz_targets/*.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use verifier_core::{Context, UnixTime};

/// The property of each fuzz target, by target name (kept identical to fuzz/fuzz_targets/<name>.rs).
fn check(target: &str, data: &[u8]) {
    let text = core::str::from_utf8(data).ok();
    match target {
        "verify" => {
            let report = verifier_core::verify(data, &Context::default(), UnixTime(1_780_000_000));
            assert!(!report.checks.is_empty());
        }
        "datetime" => {
            if let Some(t) = text.and_then(UnixTime::parse) {
                assert_eq!(UnixTime::parse(&t.to_rfc3339()), Some(t));
            }
        }
        "multikey" => {
            if let Some(s) = text {
                let _ = verifier_core::keys::decode_multikey(s);
            }
        }
        "jcs" => {
            if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
                let canonical = verifier_core::jcs::canonicalize(&value);
                let again: serde_json::Value =
                    serde_json::from_str(&canonical).expect("JCS output is JSON");
                assert_eq!(verifier_core::jcs::canonicalize(&again), canonical);
            }
        }
        "did_web" => {
            if let Some(url) = text.and_then(verifier_core::did::did_web_url) {
                assert!(url.starts_with("https://") && url.ends_with("/did.json"));
            }
        }
        "gunzip" => {
            use verifier_core::gzip::{gunzip, gzip};
            if let Ok(out) = gunzip(data, 1 << 20) {
                assert!(out.len() <= 1 << 20);
                assert_eq!(gunzip(&gzip(&out), 1 << 20), Ok(out));
            }
            if let Some(s) = text {
                let _ = verifier_core::status::decode_encoded_list(s, 1 << 20);
            }
        }
        "trust" => {
            if let Ok(config) = verifier_core::trust::TrustConfig::parse(data) {
                for color in [&config.primary_color, &config.accent_color]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        color.starts_with('#') && color[1..].bytes().all(|b| b.is_ascii_hexdigit())
                    );
                }
            }
        }
        "baked" => {
            use verifier_core::baked;
            let _ = baked::extract_png(data, 1 << 20);
            let _ = baked::extract_svg(data);
            if let Ok(png) = baked::bake_png(data, b"{\"a\":1}") {
                assert_eq!(
                    baked::extract_png(&png, 1 << 20).map(|b| b.payload),
                    Ok(b"{\"a\":1}".to_vec())
                );
            }
            if let Some(Ok(svg)) = text.map(|t| baked::bake_svg(t, "eyJ.e30.c2ln")) {
                assert_eq!(
                    baked::extract_svg(svg.as_bytes()).map(|b| b.payload),
                    Ok(b"eyJ.e30.c2ln".to_vec())
                );
            }
        }
        "bitcoin" => {
            use verifier_core::bitcoin::{Header, MerkleBlock, Transaction, parse_block};
            let _ = Transaction::parse(data);
            let _ = parse_block(data);
            if let Some(header) = data.get(..80) {
                let _ = Header::parse(header).map(|h| h.has_valid_pow());
            }
            if let Ok(block) = MerkleBlock::parse(data) {
                let _ = block.extract();
            }
        }
        "cbor" => {
            let _ = verifier_core::cbor::decode(data);
            if let Some(s) = text {
                let _ = verifier_core::blockcerts::decode_proof_value(s);
            }
        }
        "x509" => {
            use verifier_core::x509::{self, ChainOptions, Purpose, names::ServerName};
            let limits = verifier_core::Limits::default();
            let now = UnixTime(1_780_000_000);
            let mut options = ChainOptions::new(Purpose::Server);
            options.name = ServerName::parse("www.example.com");
            assert!(
                !x509::verify_chain(data, &[], &options, &limits, now)
                    .checks
                    .is_empty()
            );
            if let Ok(certs) = x509::parse_certificates(data, &limits) {
                for c in &certs {
                    let _ = (c.lifetime(now), c.public_key(), c.is_tls_server());
                }
                let anchor = &certs[certs.len() - 1..];
                assert!(
                    !x509::verify_certificates(&certs, anchor, &options, &limits, now)
                        .checks
                        .is_empty()
                );
            }
        }
        "pathway" => {
            use verifier_core::pathway::{Claim, Pathway, Submitted, evaluate};
            if let Some(text) = text {
                let _ = Claim::parse_learner(text);
            }
            if let Ok(pathway) = Pathway::parse(data, &verifier_core::Limits::default()) {
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
            }
        }
        "rdfc" => {
            use verifier_core::rdfc::{self, ContextStore, RdfcHash};
            if let Ok(doc) = serde_json::from_slice::<serde_json::Value>(data) {
                let store = ContextStore::new(Default::default());
                if let Ok(nquads) = rdfc::canonicalize(
                    &doc,
                    &store,
                    RdfcHash::Sha256,
                    rdfc::DEFAULT_HNDQ_CALL_LIMIT,
                ) {
                    assert!(nquads.is_empty() || nquads.ends_with(" .\n"));
                }
            }
            let quads: Result<Vec<oxrdf::Quad>, _> =
                oxttl::NQuadsParser::new().for_slice(data).collect();
            if let Ok(quads) = quads
                && let Ok(canonical) = rdfc::canonicalize_quads(
                    &quads,
                    RdfcHash::Sha256,
                    rdfc::DEFAULT_HNDQ_CALL_LIMIT,
                )
            {
                let again: Vec<oxrdf::Quad> = oxttl::NQuadsParser::new()
                    .for_slice(canonical.as_bytes())
                    .collect::<Result<_, _>>()
                    .expect("canonical N-Quads parse");
                let twice = rdfc::canonicalize_quads(
                    &again,
                    RdfcHash::Sha256,
                    rdfc::DEFAULT_HNDQ_CALL_LIMIT,
                )
                .expect("a canonical dataset canonicalizes");
                assert_eq!(twice, canonical);
            }
        }
        "jwt" => {
            use base64ct::{Base64UrlUnpadded, Encoding};
            const HEADER: &str = r#"{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}"#;
            const PAYLOAD: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","credentialSubject":{"id":"did:example:1"}}"#;
            let b64 = |b: &[u8]| Base64UrlUnpadded::encode_string(b);
            let signature = b64(&[0u8; 64]);
            for jws in [
                format!("{}.{}.{signature}", b64(HEADER.as_bytes()), b64(data)),
                format!("{}.{}.{signature}", b64(data), b64(PAYLOAD.as_bytes())),
            ] {
                let report = verifier_core::verify(
                    jws.as_bytes(),
                    &Context::default(),
                    UnixTime(1_780_000_000),
                );
                assert!(!report.checks.is_empty());
                assert_ne!(report.verdict, verifier_core::Verdict::Valid);
            }
        }
        other => panic!("fuzz/{other}: no replay property for this target — add one here"),
    }
}

#[test]
fn fuzz_corpora_and_crash_inputs_replay() {
    let fuzz = support::repo().join("fuzz");
    let targets: Vec<String> = std::fs::read_dir(fuzz.join("fuzz_targets"))
        .unwrap()
        .map(|e| {
            e.unwrap()
                .path()
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let mut replayed = 0;
    for target in &targets {
        for kind in ["corpus", "artifacts"] {
            let dir = fuzz.join(kind).join(target);
            if !dir.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let data = std::fs::read(&path).unwrap();
                let result = std::panic::catch_unwind(|| check(target, &data));
                assert!(
                    result.is_ok(),
                    "fuzz input {} fails its property",
                    display(&path)
                );
                replayed += 1;
            }
        }
    }
    eprintln!(
        "replayed {replayed} fuzz inputs over {} targets",
        targets.len()
    );
    assert!(
        targets.len() >= 5 && replayed >= targets.len(),
        "every target has a seed corpus"
    );
}

fn display(path: &Path) -> String {
    path.display().to_string()
}
