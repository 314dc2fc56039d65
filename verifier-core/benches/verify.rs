//! Verification of a typical Open Badges 3.0 credential (the portal's demo badge) with eddsa-jcs-2022
//! and eddsa-rdfc-2022, against a bare Ed25519 verify_strict of a 64-byte message (the floor any
//! implementation pays) in the same run. Fixtures: scripts/make-demo.sh.
use core::hint::black_box;
use criterion::{Criterion, criterion_group, criterion_main};
use ed25519_dalek::{Signer, SigningKey};
use verifier_core::{Context, UnixTime, Verdict, verify};

fn bench(c: &mut Criterion) {
    let ctx = Context::default();
    let now = UnixTime(1_800_000_000);
    let mut group = c.benchmark_group("verify");
    let mut fixtures = vec![(
        "eddsa-jcs-2022",
        include_str!("fixtures/ob-eddsa-jcs-2022.json"),
    )];
    if cfg!(feature = "rdfc") {
        fixtures.push((
            "eddsa-rdfc-2022",
            include_str!("fixtures/ob-eddsa-rdfc-2022.json"),
        ));
    }
    for (suite, credential) in fixtures {
        assert_eq!(
            verify(credential.as_bytes(), &ctx, now).verdict,
            Verdict::Valid,
            "{suite}"
        );
        group.bench_function(format!("ob3_{suite}"), |b| {
            b.iter(|| verify(black_box(credential.as_bytes()), &ctx, now))
        });
    }
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
