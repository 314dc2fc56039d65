//! A test PKI built with rcgen: an RSA-2048 root (a fixed key: ring cannot generate RSA), a P-256
//! issuing CA and P-256 leaves. Shared by `x509_chains.rs` and `benches/x509_chain.rs`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use verifier_core::x509::{self, ChainOptions, ChainReport, Purpose, names::ServerName};
use verifier_core::{Limits, UnixTime};

/// 2026-06-01T00:00:00Z: after SC-081's first step (200 days).
pub(crate) const NOW: i64 = 1_780_272_000;
pub(crate) const DAY: i64 = 86_400;

pub(crate) fn at(t: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(t).unwrap()
}

pub(crate) fn rsa_root_key() -> KeyPair {
    let pem = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/x509/rsa2048-test-root.key.pem"),
    )
    .unwrap();
    KeyPair::from_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap()
}

pub(crate) fn p256() -> KeyPair {
    KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).unwrap()
}

pub(crate) fn ca_params(name: &str, path_len: Option<u8>) -> CertificateParams {
    let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
    p.distinguished_name.push(DnType::CommonName, name);
    p.is_ca = IsCa::Ca(match path_len {
        Some(n) => BasicConstraints::Constrained(n),
        None => BasicConstraints::Unconstrained,
    });
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p.not_before = at(NOW - 1000 * DAY);
    p.not_after = at(NOW + 3000 * DAY);
    p.use_authority_key_identifier_extension = true;
    p
}

pub(crate) fn leaf_params(host: &str) -> CertificateParams {
    let mut p = CertificateParams::new(vec![host.to_string()]).unwrap();
    p.distinguished_name.push(DnType::CommonName, host);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    p.not_before = at(NOW - 10 * DAY);
    p.not_after = at(NOW - 10 * DAY + 90 * DAY - 1);
    p.use_authority_key_identifier_extension = true;
    p
}

/// A root (RSA-2048), an intermediate (P-256) and what a test makes of the leaf.
pub(crate) struct Pki {
    pub(crate) root_pem: String,
    pub(crate) inter_pem: String,
    pub(crate) inter: Issuer<'static, KeyPair>,
}

pub(crate) fn pki_with(inter: CertificateParams) -> Pki {
    pki_rooted("Test Root R1", rsa_root_key(), inter)
}

/// Another institution's PKI with the same names but its own root key.
pub(crate) fn impostor() -> Pki {
    pki_rooted(
        "Test Root R1",
        p256(),
        ca_params("Test Issuing CA", Some(0)),
    )
}

pub(crate) fn pki_rooted(root_name: &str, root_key: KeyPair, inter: CertificateParams) -> Pki {
    let root_params = ca_params(root_name, None);
    let root = root_params.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::new(root_params, root_key);
    let inter_key = p256();
    let inter_cert = inter.signed_by(&inter_key, &root_issuer).unwrap();
    Pki {
        root_pem: root.pem(),
        inter_pem: inter_cert.pem(),
        inter: Issuer::new(inter, inter_key),
    }
}

pub(crate) fn pki() -> Pki {
    pki_with(ca_params("Test Issuing CA", Some(0)))
}

impl Pki {
    pub(crate) fn leaf(&self, params: CertificateParams) -> String {
        params.signed_by(&p256(), &self.inter).unwrap().pem()
    }
    pub(crate) fn anchors(&self) -> Vec<x509::Certificate> {
        x509::parse_certificates(self.root_pem.as_bytes(), &Limits::default()).unwrap()
    }
    pub(crate) fn check(&self, chain: &str, options: &ChainOptions) -> ChainReport {
        x509::verify_chain(
            chain.as_bytes(),
            &self.anchors(),
            options,
            &Limits::default(),
            UnixTime(NOW),
        )
    }
    pub(crate) fn server(&self, leaf: &str, host: &str) -> ChainReport {
        let mut options = ChainOptions::new(Purpose::Server);
        options.name = ServerName::parse(host);
        self.check(&format!("{leaf}{}", self.inter_pem), &options)
    }
}
