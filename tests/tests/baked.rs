//! Baked badges made by others (the 1EdTech validator's samples in ../shared/vectors) open in
//! Verity, and badges baked by `verity bake` open there too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::Value;
use verifier_core::baked::{Container, Generation, extract_png, extract_svg};
use verifier_core::{Context, UnixTime};

#[test]
fn one_edtech_baked_samples() {
    let Some(dir) = support::shared_vectors("one_edtech_baked_samples", "1edtech-validator") else {
        return;
    };
    let ob30 = dir.join("ob30");
    let simple: Value =
        serde_json::from_slice(&std::fs::read(ob30.join("simple.json")).unwrap()).unwrap();
    let at = UnixTime::parse("2024-06-01T00:00:00Z").unwrap();
    for (file, container) in [
        ("simple-json.png", Container::Png),
        ("simple-json.svg", Container::Svg),
    ] {
        let bytes = std::fs::read(ob30.join(file)).unwrap();
        let found = if container == Container::Png {
            extract_png(&bytes, 1 << 24)
        } else {
            extract_svg(&bytes)
        }
        .unwrap();
        assert_eq!(found.generation, Generation::Ob3);
        let credential: Value = serde_json::from_slice(&found.payload).unwrap();
        assert_eq!(credential["id"], simple["id"], "{file}");
        // Through the whole pipeline: the input check says where the credential came from.
        let report = verifier_core::verify(&bytes, &Context::default(), at);
        let input = &report.checks[0];
        assert_eq!(input.code.as_str(), "input.parsed", "{file}: {report:#?}");
        assert_eq!(input.datum("baked"), Some(container.as_str()));
        assert!(report.summary.is_some());
    }
    for file in ["simple-jwt.png", "simple-jwt.svg"] {
        let bytes = std::fs::read(ob30.join(file)).unwrap();
        let found = if file.ends_with(".png") {
            extract_png(&bytes, 1 << 24)
        } else {
            extract_svg(&bytes)
        }
        .unwrap();
        let jws = String::from_utf8(found.payload).unwrap();
        assert!(
            jws.starts_with("eyJ") && jws.split('.').count() == 3,
            "{file}: {jws}"
        );
        // Opened and read as a JWT credential.
        let report = verifier_core::verify(&bytes, &Context::default(), at);
        assert_eq!(report.checks[0].code.as_str(), "input.parsed", "{file}");
        assert_eq!(report.checks[0].datum("format"), Some("vc2-jwt"));
        assert_eq!(
            report.checks[0].datum("baked"),
            Some(&file[file.len() - 3..])
        );
    }
    // Open Badges 2.0 baking is recognised and reported as not verifiable here, never as valid.
    let ob2 = std::fs::read(dir.join("ob20/simple-badge.png")).unwrap();
    assert_eq!(
        extract_png(&ob2, 1 << 24).unwrap().generation,
        Generation::Ob2
    );
    let report = verifier_core::verify(&ob2, &Context::default(), at);
    assert_eq!(report.checks[0].datum("format"), Some("ob2"));
    assert_eq!(report.verdict, verifier_core::Verdict::Indeterminate);
}
