//! Where the time of an eddsa-rdfc-2022 verification goes:
//! `cargo run --release -p verifier-core --features rdfc --example rdfc_profile`.
#![allow(clippy::expect_used, reason = "a measurement tool on a fixed fixture")]
use std::time::Instant;
use verifier_core::rdfc::{self, ContextStore, RdfcHash};

fn main() {
    let text = include_str!("../benches/fixtures/ob-eddsa-rdfc-2022.json");
    let mut doc: serde_json::Value = serde_json::from_str(text).expect("fixture");
    doc.as_object_mut().expect("object").remove("proof");
    let store = ContextStore::default();
    let n = 50;
    let t = Instant::now();
    for _ in 0..n {
        rdfc::canonicalize(
            &doc,
            &store,
            RdfcHash::Sha256,
            rdfc::DEFAULT_HNDQ_CALL_LIMIT,
        )
        .expect("canonical");
    }
    println!(
        "canonicalize(document), safe mode: {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / f64::from(n)
    );
    let bytes = serde_json::to_vec(&doc).expect("json");
    let t = Instant::now();
    for _ in 0..n {
        let quads: Vec<_> = oxjsonld::JsonLdParser::new()
            .for_slice(&bytes)
            .with_load_document_callback(|url, _| {
                ContextStore::embedded(url)
                    .map(|d| oxjsonld::JsonLdRemoteDocument {
                        document: d.as_bytes().to_vec(),
                        document_url: url.into(),
                    })
                    .ok_or_else(|| "missing".into())
            })
            .collect::<Result<_, _>>()
            .expect("quads");
        core::hint::black_box(quads);
    }
    println!(
        "one JSON-LD to RDF pass: {:.2} ms",
        t.elapsed().as_secs_f64() * 1000.0 / f64::from(n)
    );
    let quads: Vec<oxrdf::Quad> = oxjsonld::JsonLdParser::new()
        .for_slice(&bytes)
        .with_load_document_callback(|url, _| {
            ContextStore::embedded(url)
                .map(|d| oxjsonld::JsonLdRemoteDocument {
                    document: d.as_bytes().to_vec(),
                    document_url: url.into(),
                })
                .ok_or_else(|| "missing".into())
        })
        .collect::<Result<_, _>>()
        .expect("quads");
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n {
        core::hint::black_box(
            rdfc::canonicalize_quads(&quads, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT)
                .expect("canonical"),
        );
    }
    println!(
        "RDFC-1.0 of its {} quads alone: {:.1} µs",
        quads.len(),
        t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
    );
}
