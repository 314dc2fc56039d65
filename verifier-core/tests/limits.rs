//! Resource budgets (`Limits`): each hostile input is refused with its own `limits.*` code
//! (timings are measured by `benches/hostile.rs`, not here). Natively and in WebAssembly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::{Value, json};
use verifier_core::{Code, Context, Limits, Outcome, UnixTime, verify};
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: UnixTime = UnixTime(1_780_000_000);

fn first_problem(bytes: &[u8], ctx: &Context) -> Code {
    let report = verify(bytes, ctx, NOW);
    report
        .checks
        .iter()
        .find(|c| c.outcome != Outcome::Passed && c.code.as_str().starts_with("limits."))
        .map(|c| c.code)
        .unwrap_or_else(|| panic!("no limits.* check: {report:#?}"))
}

#[wasm_bindgen_test(unsupported = test)]
fn fifty_megabytes() {
    let input = vec![b' '; 50 * 1024 * 1024];
    assert_eq!(
        first_problem(&input, &Context::default()),
        Code::LimitsInputSize
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn ten_thousand_levels_of_nesting() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let input = format!("{{\"@context\": {deep}}}");
    assert_eq!(
        first_problem(input.as_bytes(), &Context::default()),
        Code::LimitsJsonDepth
    );
}

/// A flat but huge credential: 200,000 values, within the input size limit (about 2.5 MB).
#[wasm_bindgen_test(unsupported = test)]
fn two_hundred_thousand_values() {
    let mut doc: Value =
        serde_json::from_str(include_str!("../../portal/demo/valid.json")).unwrap();
    doc["credentialSubject"]["extra"] = json!(vec![0u8; 200_000]);
    let input = doc.to_string();
    assert!(input.len() < Limits::default().max_input_bytes);
    assert_eq!(
        first_problem(input.as_bytes(), &Context::default()),
        Code::LimitsJsonValues
    );
    // Right at the limit is read (and then fails on what it is, not on its size).
    let ctx = Context {
        limits: Limits {
            max_json_values: 300_000,
            ..Limits::default()
        },
        ..Context::default()
    };
    let report = verify(input.as_bytes(), &ctx, NOW);
    assert!(
        report
            .checks
            .iter()
            .all(|c| c.code != Code::LimitsJsonValues)
    );
    // A baked badge and a JWT are held to the same limit.
    let jwt_payload = {
        use base64ct::Encoding as _;
        base64ct::Base64UrlUnpadded::encode_string(input.as_bytes())
    };
    let jwt = format!("eyJhbGciOiJFZERTQSJ9.{jwt_payload}.c2ln");
    assert_eq!(
        first_problem(jwt.as_bytes(), &Context::default()),
        Code::LimitsJsonValues
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn ten_thousand_link_merkle_path() {
    let mut doc: Value =
        serde_json::from_str(include_str!("../../portal/demo/anchored.json")).unwrap();
    let anchor = doc["proof"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["type"] == "VerityAnchor2026")
        .unwrap();
    anchor["path"] = json!(vec!["00".repeat(32); 10_000]);
    let report = verify(doc.to_string().as_bytes(), &Context::default(), NOW);
    let check = report
        .checks
        .iter()
        .find(|c| c.code == Code::LimitsMerklePath)
        .expect("limits.merkle_path");
    assert_eq!(
        (check.datum("length"), check.datum("limit")),
        (Some("10000"), Some("64"))
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn decompression_bomb() {
    // 4 MiB of zero bits compress to about 4 KiB; with a 1 MiB limit the list is a bomb.
    let encoded = verifier_core::status::encode_list(&vec![0u8; 4 << 20]);
    assert!(encoded.len() < 16 * 1024);
    assert_eq!(
        verifier_core::status::decode_encoded_list(&encoded, 1 << 20),
        Err("the list decompresses beyond the limit")
    );
    // The whole pipeline (a signed list, `limits.decompressed_size`) is in tests/status.rs; the
    // default limit is what the hostile benchmark feeds a 32 MiB bomb to.
    assert_eq!(Limits::default().max_decompressed_bytes, 16 << 20);
}

/// A dataset-poisoning graph (RDFC-1.0 §4.4): ten blank nodes, each linked to every other with the
/// same predicate, so every node looks alike and Hash N-Degree Quads explodes.
#[cfg(feature = "rdfc")]
#[wasm_bindgen_test(unsupported = test)]
fn poison_graph() {
    use verifier_core::rdfc::{self, RdfcError, RdfcHash};
    let p = oxrdf::NamedNode::new("http://example.org/p").unwrap();
    let nodes: Vec<oxrdf::BlankNode> = (0..10)
        .map(|i| oxrdf::BlankNode::new(format!("b{i}")).unwrap())
        .collect();
    let mut quads = Vec::new();
    for a in &nodes {
        for b in &nodes {
            if a != b {
                quads.push(oxrdf::Quad::new(
                    a.clone(),
                    p.clone(),
                    b.clone(),
                    oxrdf::GraphName::DefaultGraph,
                ));
            }
        }
    }
    let result = rdfc::canonicalize_quads(&quads, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT);
    assert!(matches!(result, Err(RdfcError::Poisoned(_))), "{result:?}");
}
