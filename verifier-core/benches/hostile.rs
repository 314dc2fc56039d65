#![allow(clippy::expect_used, reason = "a benchmark on fixed inputs")]
//! Hostile inputs against the resource budgets: each must be refused quickly (target: under
//! 100 ms) with bounded memory. Compare with `verify/ob3_eddsa-rdfc-2022` (a real credential)
//! in the same run: `cargo bench -p verifier-core --features rdfc --bench hostile`.
use core::hint::black_box;
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use verifier_core::{Context, UnixTime, verify};

fn bench(c: &mut Criterion) {
    let ctx = Context::default();
    let now = UnixTime(1_800_000_000);
    let mut group = c.benchmark_group("hostile");
    group.sample_size(20);

    let big = vec![b' '; 50 * 1024 * 1024];
    group.bench_function("input_50MB", |b| {
        b.iter(|| verify(black_box(&big), &ctx, now))
    });

    let deep = format!(
        "{{\"@context\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    group.bench_function("nesting_10000", |b| {
        b.iter(|| verify(black_box(deep.as_bytes()), &ctx, now))
    });

    let mut flat: Value =
        serde_json::from_str(include_str!("../../portal/demo/valid.json")).expect("fixture");
    flat["credentialSubject"]["extra"] = json!(vec![0u8; 200_000]);
    let flat = flat.to_string();
    group.bench_function("json_values_200000", |b| {
        b.iter(|| verify(black_box(flat.as_bytes()), &ctx, now))
    });

    let mut anchored: Value =
        serde_json::from_str(include_str!("../../portal/demo/anchored.json")).expect("fixture");
    if let Some(anchor) = anchored["proof"]
        .as_array_mut()
        .and_then(|p| p.iter_mut().find(|p| p["type"] == "VerityAnchor2026"))
    {
        anchor["path"] = json!(vec!["00".repeat(32); 10_000]);
    }
    let long_path = anchored.to_string();
    group.bench_function("merkle_path_10000", |b| {
        b.iter(|| verify(black_box(long_path.as_bytes()), &ctx, now))
    });

    // A 32 MiB list (twice the 16 MiB limit), about 32 KiB compressed.
    let bomb = verifier_core::status::encode_list(&vec![0u8; 32 << 20]);
    group.bench_function("gzip_bomb_32MiB", |b| {
        b.iter(|| verifier_core::status::decode_encoded_list(black_box(&bomb), 16 << 20))
    });

    #[cfg(feature = "rdfc")]
    {
        use verifier_core::rdfc::{self, RdfcHash};
        let p = oxrdf::NamedNode::new("http://example.org/p").expect("iri");
        let nodes: Vec<oxrdf::BlankNode> = (0..10)
            .filter_map(|i| oxrdf::BlankNode::new(format!("b{i}")).ok())
            .collect();
        let quads: Vec<oxrdf::Quad> = nodes
            .iter()
            .flat_map(|a| nodes.iter().filter(move |b| *b != a).map(move |b| (a, b)))
            .map(|(a, b)| {
                oxrdf::Quad::new(
                    a.clone(),
                    p.clone(),
                    b.clone(),
                    oxrdf::GraphName::DefaultGraph,
                )
            })
            .collect();
        group.bench_function("rdfc_poison_graph", |b| {
            b.iter(|| {
                rdfc::canonicalize_quads(
                    black_box(&quads),
                    RdfcHash::Sha256,
                    rdfc::DEFAULT_HNDQ_CALL_LIMIT,
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
