//! X.509 chains generated with rcgen, one per check of `verifier_core::x509`, and JWT
//! credentials bound to a certificate (`x5c`), including the attacks the issue names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pki;

use base64ct::{Base64, Base64UrlUnpadded, Encoding};
use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DnType, ExtendedKeyUsagePurpose,
    GeneralSubtree, IsCa, Issuer, KeyPair, KeyUsagePurpose, NameConstraints, SanType,
};
use serde_json::json;
use verifier_core::x509::{self, ChainOptions, ChainReport, Purpose, names::ServerName};
use verifier_core::{Context, Limits, Outcome, UnixTime, Verdict};

use pki::*;

fn failed(report: &ChainReport) -> Vec<&'static str> {
    report
        .checks
        .iter()
        .filter(|c| c.outcome == Outcome::Failed)
        .map(|c| c.code.as_str())
        .collect()
}

#[test]
fn a_valid_three_certificate_chain_in_any_order() {
    let pki = pki();
    let leaf = pki.leaf(leaf_params("www.example.edu"));
    let report = pki.server(&leaf, "www.example.edu");
    assert_eq!(report.verdict, Verdict::Valid, "{:?}", report.checks);
    assert_eq!(report.path.len(), 3);
    assert!(report.anchored);
    assert_eq!(report.path[0].public_key, "P-256");
    assert_eq!(report.path[2].public_key, "RSA 2048");
    assert_eq!(report.path[1].signature_algorithm, "RSA-SHA256");
    let life = report.lifetime.unwrap();
    assert_eq!(
        (life.days, life.limit_days, life.compliant),
        (90, 200, true)
    );
    assert_eq!(life.days_left, 79);
    // The bundle in another order, the root included: the same path.
    let shuffled = format!("{}{}{leaf}", pki.root_pem, pki.inter_pem);
    let mut options = ChainOptions::new(Purpose::Server);
    options.name = ServerName::parse("www.example.edu");
    let report = pki.check(&shuffled, &options);
    assert_eq!(report.verdict, Verdict::Valid, "{:?}", report.checks);
    assert_eq!(report.path[0].subject, "CN=www.example.edu");
}

#[test]
fn each_check_fails_on_its_own() {
    let pki = pki();
    let case = |params: CertificateParams, host: &str| {
        let leaf = pki.leaf(params);
        pki.server(&leaf, host)
    };
    // Wrong host; wildcard rules.
    assert_eq!(
        failed(&case(leaf_params("www.example.edu"), "mail.example.edu")),
        ["x509.name_mismatch"]
    );
    assert_eq!(
        case(leaf_params("*.example.edu"), "mail.example.edu").verdict,
        Verdict::Valid
    );
    assert_eq!(
        failed(&case(leaf_params("*.example.edu"), "a.b.example.edu")),
        ["x509.name_mismatch"]
    );
    // Expired: authentic but past, so `expired`, not `invalid`.
    let mut p = leaf_params("www.example.edu");
    p.not_before = at(NOW - 100 * DAY);
    p.not_after = at(NOW - DAY);
    let r = case(p, "www.example.edu");
    assert_eq!(
        (r.verdict, failed(&r)),
        (Verdict::Expired, vec!["x509.expired"])
    );
    let mut p = leaf_params("www.example.edu");
    p.not_before = at(NOW + DAY);
    p.not_after = at(NOW + 50 * DAY);
    assert_eq!(failed(&case(p, "www.example.edu")), ["x509.not_yet_valid"]);
    // Issued after 2026-03-15 for 398 days: over the 200-day limit.
    let mut p = leaf_params("www.example.edu");
    p.not_after = at(NOW - 10 * DAY + 398 * DAY - 1);
    let r = case(p, "www.example.edu");
    assert_eq!(failed(&r), ["x509.lifetime_exceeds_policy"]);
    let life = r.lifetime.unwrap();
    assert_eq!((life.days, life.limit_days), (398, 200));
    // A client certificate is not a server certificate.
    let mut p = leaf_params("www.example.edu");
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    assert_eq!(failed(&case(p, "www.example.edu")), ["x509.eku_mismatch"]);
    // A critical extension nobody understands.
    let mut p = leaf_params("www.example.edu");
    let mut ext =
        CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 55555, 1], vec![0x05, 0x00]);
    ext.set_criticality(true);
    p.custom_extensions = vec![ext];
    assert_eq!(
        failed(&case(p, "www.example.edu")),
        ["x509.unknown_critical_extension"]
    );
    // A CA certificate as the end entity.
    let mut p = leaf_params("www.example.edu");
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    assert!(failed(&case(p, "www.example.edu")).contains(&"x509.leaf_is_ca"));
}

#[test]
fn issuers_must_be_cas_within_their_constraints() {
    // An intermediate that is not a CA.
    let mut not_ca = ca_params("Not a CA", None);
    not_ca.is_ca = IsCa::ExplicitNoCa;
    let pki = pki_with(not_ca);
    let leaf = pki.leaf(leaf_params("www.example.edu"));
    assert_eq!(
        failed(&pki.server(&leaf, "www.example.edu")),
        ["x509.not_ca"]
    );
    // keyUsage without keyCertSign.
    let mut no_sign = ca_params("No keyCertSign", None);
    no_sign.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    let pki = pki_with(no_sign);
    let leaf = pki.leaf(leaf_params("www.example.edu"));
    assert_eq!(
        failed(&pki.server(&leaf, "www.example.edu")),
        ["x509.not_ca"]
    );
    // Name constraints: permitted example.edu only.
    let mut constrained = ca_params("Constrained CA", None);
    constrained.name_constraints = Some(NameConstraints {
        permitted_subtrees: vec![GeneralSubtree::DnsName("example.edu".into())],
        excluded_subtrees: vec![GeneralSubtree::DnsName("secret.example.edu".into())],
    });
    let pki = pki_with(constrained);
    let ok = pki.leaf(leaf_params("www.example.edu"));
    assert_eq!(pki.server(&ok, "www.example.edu").verdict, Verdict::Valid);
    for host in [
        "www.example.org",
        "secret.example.edu",
        "a.secret.example.edu",
    ] {
        let leaf = pki.leaf(leaf_params(host));
        assert_eq!(
            failed(&pki.server(&leaf, host)),
            ["x509.name_constraints_violated"],
            "{host}"
        );
    }
    // A wildcard that could stand for an excluded name (CVE-2025-61727).
    let leaf = pki.leaf(leaf_params("*.example.edu"));
    assert_eq!(
        failed(&pki.server(&leaf, "www.example.edu")),
        ["x509.name_constraints_violated"]
    );
    // pathLenConstraint 0 on the intermediate, and a second intermediate below it.
    let pki = self::pki();
    let second_key = p256();
    let second_params = ca_params("Second level", None);
    let second = second_params
        .clone()
        .signed_by(&second_key, &pki.inter)
        .unwrap();
    let second_issuer = Issuer::new(second_params, second_key);
    let leaf = leaf_params("www.example.edu")
        .signed_by(&p256(), &second_issuer)
        .unwrap();
    let chain = format!("{}{}{}", leaf.pem(), second.pem(), pki.inter_pem);
    let mut options = ChainOptions::new(Purpose::Server);
    options.name = ServerName::parse("www.example.edu");
    assert_eq!(
        failed(&pki.check(&chain, &options)),
        ["x509.path_len_exceeded"]
    );
}

#[test]
fn signatures_anchors_and_budgets() {
    let pki = pki();
    let leaf = pki.leaf(leaf_params("www.example.edu"));
    // One bit of the signature flipped.
    let mut der = x509::parse_certificates(leaf.as_bytes(), &Limits::default()).unwrap()[0]
        .der
        .clone();
    let last = der.len() - 1;
    der[last] ^= 1;
    let inter_der = x509::parse_certificates(pki.inter_pem.as_bytes(), &Limits::default()).unwrap()
        [0]
    .der
    .clone();
    let mut bundle = der.clone();
    bundle.extend_from_slice(&inter_der);
    let mut options = ChainOptions::new(Purpose::Server);
    options.name = ServerName::parse("www.example.edu");
    let r = x509::verify_chain(
        &bundle,
        &pki.anchors(),
        &options,
        &Limits::default(),
        UnixTime(NOW),
    );
    assert_eq!(failed(&r), ["x509.signature_invalid"]);
    // Missing intermediate.
    assert_eq!(failed(&pki.check(&leaf, &options)), ["x509.unknown_issuer"]);
    // Another root of the same name: its key does not verify the intermediate.
    let other = impostor();
    let r = x509::verify_chain(
        format!("{leaf}{}", pki.inter_pem).as_bytes(),
        &other.anchors(),
        &options,
        &Limits::default(),
        UnixTime(NOW),
    );
    assert_eq!(failed(&r), ["x509.signature_invalid"]);
    // No anchors at all: not validated, so not valid either.
    let r = x509::verify_chain(
        leaf.as_bytes(),
        &[],
        &options,
        &Limits::default(),
        UnixTime(NOW),
    );
    assert_eq!(r.verdict, Verdict::Indeterminate);
    // 100 certificates: refused before any path building.
    let hundred = pki.inter_pem.repeat(100);
    let r = x509::verify_chain(
        hundred.as_bytes(),
        &pki.anchors(),
        &options,
        &Limits::default(),
        UnixTime(NOW),
    );
    assert_eq!(failed(&r), ["limits.certificates"]);
    // Ten intermediates in a line: deeper than max_chain_depth (8).
    let mut chain = Vec::new();
    let top_key = p256();
    let top_params = ca_params("Level 0", None);
    let root_cert = top_params.self_signed(&top_key).unwrap();
    let mut issuer = Issuer::new(top_params, top_key);
    for level in 1..=10 {
        let key = p256();
        let params = ca_params(&format!("Level {level}"), None);
        chain.push(params.signed_by(&key, &issuer).unwrap().pem());
        issuer = Issuer::new(params, key);
    }
    chain.push(
        leaf_params("www.example.edu")
            .signed_by(&p256(), &issuer)
            .unwrap()
            .pem(),
    );
    chain.reverse();
    let anchors = x509::parse_certificates(root_cert.pem().as_bytes(), &Limits::default()).unwrap();
    let r = x509::verify_chain(
        chain.concat().as_bytes(),
        &anchors,
        &options,
        &Limits::default(),
        UnixTime(NOW),
    );
    assert_eq!(failed(&r), ["limits.chain_depth"]);
    let generous = Limits {
        max_chain_depth: 12,
        ..Limits::default()
    };
    let r = x509::verify_chain(
        chain.concat().as_bytes(),
        &anchors,
        &options,
        &generous,
        UnixTime(NOW),
    );
    assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.checks);
}

// ---- JWT credentials bound to a certificate (x5c) ----

struct Sealer {
    key: KeyPair,
    chain: Vec<Vec<u8>>,
}

fn sealer(pki: &Pki, configure: impl FnOnce(&mut CertificateParams)) -> Sealer {
    let key = KeyPair::generate_for(&rcgen::PKCS_ED25519).unwrap();
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name
        .push(DnType::CommonName, "Example University registrar");
    p.subject_alt_names = vec![SanType::URI(
        "https://example.edu/issuer".try_into().unwrap(),
    )];
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::Other(vec![
        1, 3, 6, 1, 5, 5, 7, 3, 36,
    ])];
    p.not_before = at(NOW - 30 * DAY);
    p.not_after = at(NOW + 300 * DAY);
    p.use_authority_key_identifier_extension = true;
    configure(&mut p);
    let cert = p.signed_by(&key, &pki.inter).unwrap();
    let inter = x509::parse_certificates(pki.inter_pem.as_bytes(), &Limits::default()).unwrap();
    Sealer {
        key,
        chain: vec![cert.der().to_vec(), inter[0].der.clone()],
    }
}

fn jwt(sealer: &Sealer, x5c: serde_json::Value, issuer: &str) -> String {
    use rcgen::SigningKey as _;
    let header = json!({"alg": "EdDSA", "typ": "vc+jwt", "x5c": x5c});
    let payload = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:5a1f3c2e-0000-4000-8000-000000000001",
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2026-05-15T00:00:00Z",
        "credentialSubject": {"id": "did:example:learner", "degree": "MSc"}
    });
    let input = format!(
        "{}.{}",
        Base64UrlUnpadded::encode_string(header.to_string().as_bytes()),
        Base64UrlUnpadded::encode_string(payload.to_string().as_bytes())
    );
    let sig = sealer.key.sign(input.as_bytes()).unwrap();
    format!("{input}.{}", Base64UrlUnpadded::encode_string(&sig))
}

fn x5c_of(sealer: &Sealer) -> serde_json::Value {
    sealer
        .chain
        .iter()
        .map(|d| Base64::encode_string(d))
        .collect()
}

fn verify_jwt(token: &str, pki: &Pki) -> verifier_core::Report {
    let ctx = Context {
        x509_anchors: vec![pki.root_pem.as_bytes().to_vec()],
        ..Context::default()
    };
    verifier_core::verify(token.as_bytes(), &ctx, UnixTime(NOW))
}

fn issuer_check(report: &verifier_core::Report) -> (&'static str, Outcome) {
    let c = report
        .checks
        .iter()
        .find(|c| c.id == verifier_core::CheckId::IssuerKey)
        .unwrap();
    (c.code.as_str(), c.outcome)
}

#[test]
fn x5c_jwt_credentials_and_attacks() {
    let pki = pki();
    let good = sealer(&pki, |_| {});
    let token = jwt(&good, x5c_of(&good), "https://example.edu/issuer");
    let report = verify_jwt(&token, &pki);
    assert_eq!(report.verdict, Verdict::Valid, "{:?}", report.checks);
    let key_check = report
        .checks
        .iter()
        .find(|c| c.code.as_str() == "issuer.key_resolved")
        .unwrap();
    assert_eq!(
        key_check.datum("x5c"),
        Some("CN=Example University registrar")
    );
    assert_eq!(key_check.datum("anchor"), Some("CN=Test Root R1"));

    // Without trust anchors the chain proves nothing: not valid.
    let bare = verifier_core::verify(token.as_bytes(), &Context::default(), UnixTime(NOW));
    assert_eq!(bare.verdict, Verdict::Indeterminate);
    assert_eq!(
        issuer_check(&bare),
        ("issuer.x5c_unverified", Outcome::Skipped)
    );

    // A certificate without the digitalSignature key usage.
    let no_ds = sealer(&pki, |p| {
        p.key_usages = vec![KeyUsagePurpose::KeyEncipherment]
    });
    let r = verify_jwt(
        &jwt(&no_ds, x5c_of(&no_ds), "https://example.edu/issuer"),
        &pki,
    );
    assert_eq!(
        issuer_check(&r),
        ("x509.key_usage_invalid", Outcome::Failed)
    );
    assert_eq!(r.verdict, Verdict::Invalid);

    // A chain to a root the verifier does not trust.
    let rogue_pki = impostor();
    let rogue = sealer(&rogue_pki, |_| {});
    let r = verify_jwt(
        &jwt(&rogue, x5c_of(&rogue), "https://example.edu/issuer"),
        &pki,
    );
    assert_eq!(
        issuer_check(&r),
        ("x509.signature_invalid", Outcome::Failed)
    );
    let mut foreign = ca_params("Elsewhere CA", Some(0));
    foreign
        .distinguished_name
        .push(DnType::OrganizationName, "Elsewhere");
    let elsewhere = sealer(&pki_rooted("Elsewhere Root", p256(), foreign), |_| {});
    let r = verify_jwt(
        &jwt(&elsewhere, x5c_of(&elsewhere), "https://example.edu/issuer"),
        &pki,
    );
    assert_eq!(issuer_check(&r), ("x509.unknown_issuer", Outcome::Failed));

    // The good chain, but the token signed by another key (chain swapped in).
    let r = verify_jwt(
        &jwt(&rogue, x5c_of(&good), "https://example.edu/issuer"),
        &pki,
    );
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(
        r.checks
            .iter()
            .any(|c| c.code.as_str() == "proof.signature_mismatch")
    );

    // A certificate naming another issuer.
    let r = verify_jwt(
        &jwt(&good, x5c_of(&good), "https://evil.example/issuer"),
        &pki,
    );
    assert_eq!(issuer_check(&r), ("issuer.vm_not_issuer", Outcome::Failed));

    // The intermediate first: the leaf must come first.
    let reversed: serde_json::Value = good
        .chain
        .iter()
        .rev()
        .map(|d| Base64::encode_string(d))
        .collect();
    let r = verify_jwt(&jwt(&good, reversed, "https://example.edu/issuer"), &pki);
    assert_eq!(r.verdict, Verdict::Invalid);

    // Malformed x5c values.
    for bad in [
        json!("MIIB"),
        json!([]),
        json!(["not base64!"]),
        json!([Base64::encode_string(b"not DER")]),
    ] {
        let r = verify_jwt(&jwt(&good, bad.clone(), "https://example.edu/issuer"), &pki);
        assert_eq!(r.verdict, Verdict::Invalid, "{bad}");
    }

    // Sealed while the certificate was valid; verified after it expired: still valid, because
    // the chain is validated at the credential's issuance.
    let expired_later = sealer(&pki, |p| p.not_after = at(NOW - DAY));
    let r = verify_jwt(
        &jwt(
            &expired_later,
            x5c_of(&expired_later),
            "https://example.edu/issuer",
        ),
        &pki,
    );
    assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.checks);
    // Sealed after the certificate expired: refused.
    let expired_before = sealer(&pki, |p| {
        p.not_before = at(NOW - 300 * DAY);
        p.not_after = at(NOW - 60 * DAY);
    });
    let r = verify_jwt(
        &jwt(
            &expired_before,
            x5c_of(&expired_before),
            "https://example.edu/issuer",
        ),
        &pki,
    );
    assert_eq!(issuer_check(&r), ("issuer.key_invalid", Outcome::Failed));
    assert_eq!(
        r.verdict,
        Verdict::Invalid,
        "not `expired`: the seal itself was never valid"
    );
}
