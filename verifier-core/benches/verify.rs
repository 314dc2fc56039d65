//! eddsa-jcs-2022 verification of a typical Open Badges 3.0 credential, against a bare Ed25519
//! `verify_strict` of a 64-byte message (the floor any implementation pays) in the same run.
use core::hint::black_box;
use criterion::{Criterion, criterion_group, criterion_main};
use ed25519_dalek::{Signer, SigningKey};
use verifier_core::{Context, UnixTime, Verdict, verify};

#[path = "../tests/common/mod.rs"]
mod common;

fn bench(c: &mut Criterion) {
    let credential = common::signed_badge(&common::badge_template());
    let ctx = Context::default();
    let now = UnixTime(1_800_000_000);
    assert_eq!(
        verify(credential.as_bytes(), &ctx, now).verdict,
        Verdict::Valid
    );
    let mut group = c.benchmark_group("eddsa-jcs-2022");
    group.bench_function("verify_credential", |b| {
        b.iter(|| verify(black_box(credential.as_bytes()), &ctx, now))
    });
    let key = SigningKey::from_bytes(&[7; 32]);
    let msg = [42u8; 64];
    let sig = key.sign(&msg);
    let vk = key.verifying_key();
    group.bench_function("bare_ed25519_verify_strict", |b| {
        b.iter(|| vk.verify_strict(black_box(&msg), black_box(&sig)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
