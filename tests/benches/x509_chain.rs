//! Validating a 3-certificate chain (RSA-2048 root, P-256 issuing CA, P-256 TLS leaf), natively:
//! Verity from PEM (decode, parse, build, validate, name), Verity on certificates parsed once, and
//! rustls-webpki on the same chain in the same run (DER in, name checked too).
//!
//! It also writes the chain to `target/x509-bench/` (chain.pem, root.pem, meta.json) for the
//! WebAssembly benchmark (`tests/js/bench/wasm-bench.mjs`), so both measure the same certificates.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../tests/pki/mod.rs"]
mod pki;

use core::hint::black_box;
use criterion::{Criterion, criterion_group, criterion_main};
use rustls_pki_types::{CertificateDer, ServerName as PkiName, UnixTime as PkiTime};
use verifier_core::x509::{self, ChainOptions, Purpose, names::ServerName};
use verifier_core::{Limits, UnixTime, Verdict};

const HOST: &str = "www.example.edu";

fn der(pem: &str) -> Vec<u8> {
    let mut certs = x509::parse_certificates(pem.as_bytes(), &Limits::default()).unwrap();
    certs.swap_remove(0).der
}

fn bench(c: &mut Criterion) {
    let pki = pki::pki();
    let leaf = pki.leaf(pki::leaf_params(HOST));
    let chain = format!("{leaf}{}", pki.inter_pem);
    let limits = Limits::default();
    let now = UnixTime(pki::NOW);
    let anchors = pki.anchors();
    let mut options = ChainOptions::new(Purpose::Server);
    options.name = ServerName::parse(HOST);
    let report = x509::verify_chain(chain.as_bytes(), &anchors, &options, &limits, now);
    assert_eq!(report.verdict, Verdict::Valid, "{:?}", report.checks);

    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/x509-bench");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("chain.pem"), &chain).unwrap();
    std::fs::write(out.join("root.pem"), &pki.root_pem).unwrap();
    std::fs::write(
        out.join("meta.json"),
        format!(r#"{{"now": {}, "name": "{HOST}"}}"#, pki::NOW),
    )
    .unwrap();

    let mut group = c.benchmark_group("x509_chain");
    group.bench_function("verity_from_pem", |b| {
        b.iter(|| {
            x509::verify_chain(
                black_box(chain.as_bytes()),
                &anchors,
                &options,
                &limits,
                now,
            )
        })
    });
    // Issue 9's budget: a 100-certificate input is refused before any path building.
    let hundred = pki.inter_pem.repeat(100);
    group.bench_function("hostile_100_certificates", |b| {
        b.iter(|| {
            x509::verify_chain(
                black_box(hundred.as_bytes()),
                &anchors,
                &options,
                &limits,
                now,
            )
        })
    });
    let parsed = x509::parse_certificates(chain.as_bytes(), &limits).unwrap();
    group.bench_function("verity_parsed", |b| {
        b.iter(|| x509::verify_certificates(black_box(&parsed), &anchors, &options, &limits, now))
    });

    let (leaf_der, inter_der, root_der) = (der(&leaf), der(&pki.inter_pem), der(&pki.root_pem));
    let root = CertificateDer::from(root_der.as_slice());
    let trust = [webpki::anchor_from_trusted_cert(&root).unwrap()];
    let intermediates = [CertificateDer::from(inter_der.as_slice())];
    let time = PkiTime::since_unix_epoch(core::time::Duration::from_secs(
        u64::try_from(pki::NOW).unwrap(),
    ));
    let name = PkiName::try_from(HOST).unwrap();
    let webpki_validate = |leaf: &[u8]| {
        let leaf = CertificateDer::from(leaf);
        let ee = webpki::EndEntityCert::try_from(&leaf)?;
        ee.verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            &trust,
            &intermediates,
            time,
            webpki::KeyUsage::server_auth(),
            None,
            None,
        )?;
        ee.verify_is_valid_for_subject_name(&name)
    };
    webpki_validate(&leaf_der).unwrap();
    group.bench_function("rustls_webpki", |b| {
        b.iter(|| webpki_validate(black_box(&leaf_der)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
