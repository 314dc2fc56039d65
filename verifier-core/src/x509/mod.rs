//! X.509 certificates (feature `x509`): parsing PEM and DER with x509-parser, path building and
//! validation against trust anchors the caller gives (never implicit ones), the CA/Browser Forum
//! lifetime limits ([`policy`]), and an inventory of what a certificate is.
//!
//! Validation follows RFC 5280 §6 where browsers and rustls-webpki do, and is as strict as
//! rustls-webpki where they differ: signatures from the trust anchor down ([`sig`]); validity at
//! `now` for every certificate but the anchor; `basicConstraints` cA and `pathLenConstraint` for
//! issuers; `keyUsage` keyCertSign for issuers that carry one; `extendedKeyUsage`, when present,
//! must include the purpose asked (on issuers too); name constraints (dNSName, iPAddress,
//! directoryName; any other kind of constraint is refused if the certificate has such names); an
//! end-entity certificate that is a CA is refused; a critical extension that is not understood is
//! refused. The search is bounded: path depth ([`Limits::max_chain_depth`]), signature checks
//! ([`Limits::max_signature_checks`]) and certificates read ([`Limits::max_certificates`]).

pub mod names;
pub mod policy;
pub mod sig;

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use sha2::Digest as _;
use x509_parser::extensions::{GeneralName, ParsedExtension};
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::context::Limits;
use crate::report::{Check, CheckId, Code, Verdict};
use crate::time::UnixTime;
use names::ServerName;
use sig::{CertKey, KeyError, SignatureAlgorithm};

/// What a certificate is checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A TLS server (`id-kp-serverAuth`); the CA/B Forum lifetime limits apply to the leaf.
    Server,
    /// A TLS client (`id-kp-clientAuth`).
    Client,
    /// Signing credentials or documents (`id-kp-documentSigning`, RFC 9336, or
    /// `anyExtendedKeyUsage`); the leaf must have the digitalSignature key usage.
    Credential,
}

impl Purpose {
    /// `server`, `client` or `credential`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Server => "server",
            Self::Client => "client",
            Self::Credential => "credential",
        }
    }

    /// Reads the word [`Purpose::as_str`] gives.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "server" => Some(Self::Server),
            "client" => Some(Self::Client),
            "credential" => Some(Self::Credential),
            _ => None,
        }
    }
}

const EKU_SERVER: &str = "1.3.6.1.5.5.7.3.1";
const EKU_CLIENT: &str = "1.3.6.1.5.5.7.3.2";
const EKU_DOCUMENT_SIGNING: &str = "1.3.6.1.5.5.7.3.36";
const EKU_ANY: &str = "2.5.29.37.0";

/// Extensions this module acts on, as rustls-webpki: key usage, SAN, basic constraints, name
/// constraints, CRL distribution points, EKU. Any other critical extension makes the certificate
/// unusable (RFC 5280 §4.2); the key identifiers MUST be non-critical (§4.2.1.1, §4.2.1.2).
const UNDERSTOOD: &[&str] = &[
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.19",
    "2.5.29.30",
    "2.5.29.31",
    "2.5.29.37",
];

/// A distinguished name as RDNs of (attribute type OID, value), string values lower-cased.
type Rdns = Vec<Vec<(String, String)>>;

/// One name constraint subtree.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Subtree {
    Dns(String),
    Ip(Vec<u8>),
    Directory(Rdns),
    /// A kind this module does not evaluate (rfc822Name, URI, …): its name.
    Other(&'static str),
}

/// What a person reads about a certificate. Strings come from the certificate: render as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertInfo {
    /// Subject distinguished name (RFC 4514 style).
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number, hex with colons.
    pub serial: String,
    /// Start of validity.
    pub not_before: UnixTime,
    /// End of validity (inclusive).
    pub not_after: UnixTime,
    /// SHA-256 of the DER, hex with colons.
    pub fingerprint_sha256: String,
    /// e.g. `RSA 2048`, `P-256`, `Ed25519`.
    pub public_key: String,
    /// e.g. `RSA-SHA256`, `ECDSA-SHA384`, or the algorithm's OID if unsupported.
    pub signature_algorithm: String,
    /// subjectAltName entries as `DNS:…`, `IP:…`, `email:…`, `URI:…`.
    pub san: Vec<String>,
    /// basicConstraints cA.
    pub is_ca: bool,
    /// Subject and issuer are the same name.
    pub self_issued: bool,
    /// RSA modulus size, when RSA.
    pub rsa_bits: Option<usize>,
    /// The signature hashes with SHA-1.
    pub sha1_signature: bool,
}

/// A parsed certificate: the facts validation needs, owned.
#[derive(Clone, Debug)]
pub struct Certificate {
    /// The DER encoding.
    pub der: Vec<u8>,
    /// Display facts.
    pub info: CertInfo,
    tbs: Vec<u8>,
    signature: Vec<u8>,
    signature_algorithm: Result<SignatureAlgorithm, String>,
    key: Result<CertKey, KeyError>,
    subject_raw: Vec<u8>,
    issuer_raw: Vec<u8>,
    subject_rdns: Rdns,
    ca: Option<(bool, Option<u32>)>,
    key_usage: Option<u16>,
    eku: Option<Vec<String>>,
    san_dns: Vec<String>,
    san_ip: Vec<Vec<u8>>,
    san_other: Vec<&'static str>,
    permitted: Option<Vec<Subtree>>,
    excluded: Vec<Subtree>,
    unknown_critical: Option<String>,
    /// RFC 5280 / CA/B Forum profile violations that make the certificate unusable in any role.
    problems: Vec<String>,
    ski: Option<Vec<u8>>,
    has_aki: bool,
    bc_critical: bool,
    eku_critical: bool,
    has_name_constraints: bool,
    san_dirs: Vec<Rdns>,
    san_critical: bool,
    self_signed: bool,
    serial_problem: Option<String>,
}

/// Why input could not be read as certificates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// No certificate in the input.
    Empty,
    /// More certificates than [`Limits::max_certificates`].
    TooMany(usize),
    /// Certificate number `.0` (from 0) is malformed: `.1`.
    Malformed(usize, String),
}

impl core::fmt::Display for ParseError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::Empty => f.write_str("no certificate found (expected PEM or DER)"),
            Self::TooMany(limit) => write!(f, "more than {limit} certificates"),
            Self::Malformed(i, why) => write!(f, "certificate {} is malformed: {why}", i + 1),
        }
    }
}

fn hex_colons(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push_str(&format!("{b:02X}"));
    }
    out
}

fn rdns(name: &x509_parser::x509::X509Name<'_>) -> Rdns {
    name.iter()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let value = match atv.as_str() {
                        Ok(s) => s.trim().to_lowercase(),
                        Err(_) => hex_colons(atv.as_slice()),
                    };
                    (atv.attr_type().to_id_string(), value)
                })
                .collect()
        })
        .collect()
}

fn subtrees(list: Option<&Vec<x509_parser::extensions::GeneralSubtree<'_>>>) -> Vec<Subtree> {
    list.map(|l| l.iter().map(|s| subtree(&s.base)).collect())
        .unwrap_or_default()
}

fn subtree(name: &GeneralName<'_>) -> Subtree {
    match name {
        GeneralName::DNSName(d) => Subtree::Dns((*d).to_string()),
        GeneralName::IPAddress(ip) => Subtree::Ip(ip.to_vec()),
        GeneralName::DirectoryName(dn) => Subtree::Directory(rdns(dn)),
        GeneralName::RFC822Name(_) => Subtree::Other("rfc822Name"),
        GeneralName::URI(_) => Subtree::Other("uniformResourceIdentifier"),
        _ => Subtree::Other("otherName"),
    }
}

impl Certificate {
    /// Parses one DER certificate (no trailing data).
    pub fn from_der(der: &[u8]) -> Result<Self, String> {
        let (rest, cert) = X509Certificate::from_der(der).map_err(|e| e.to_string())?;
        if !rest.is_empty() {
            return Err("data after the certificate".into());
        }
        Self::from_parsed(&cert, der)
    }

    fn from_parsed(cert: &X509Certificate<'_>, der: &[u8]) -> Result<Self, String> {
        let tbs = &cert.tbs_certificate;
        if cert.signature_algorithm != tbs.signature {
            return Err("signatureAlgorithm differs from the signature field of tbsCertificate (RFC 5280 §4.1.1.2)".into());
        }
        let mut c = Certificate {
            der: der.to_vec(),
            info: CertInfo {
                subject: tbs.subject.to_string(),
                issuer: tbs.issuer.to_string(),
                serial: hex_colons(tbs.raw_serial()),
                not_before: UnixTime(tbs.validity.not_before.timestamp()),
                not_after: UnixTime(tbs.validity.not_after.timestamp()),
                fingerprint_sha256: hex_colons(&sha2::Sha256::digest(der)),
                public_key: String::new(),
                signature_algorithm: String::new(),
                san: Vec::new(),
                is_ca: false,
                self_issued: tbs.subject.as_raw() == tbs.issuer.as_raw(),
                rsa_bits: None,
                sha1_signature: false,
            },
            tbs: tbs.as_ref().to_vec(),
            signature: cert.signature_value.data.to_vec(),
            signature_algorithm: SignatureAlgorithm::from_identifier(&cert.signature_algorithm),
            key: CertKey::from_spki(&tbs.subject_pki),
            subject_raw: tbs.subject.as_raw().to_vec(),
            issuer_raw: tbs.issuer.as_raw().to_vec(),
            subject_rdns: rdns(&tbs.subject),
            ca: None,
            key_usage: None,
            eku: None,
            san_dns: Vec::new(),
            san_ip: Vec::new(),
            san_other: Vec::new(),
            permitted: None,
            excluded: Vec::new(),
            unknown_critical: None,
            problems: Vec::new(),
            ski: None,
            has_aki: false,
            bc_critical: false,
            eku_critical: false,
            has_name_constraints: false,
            san_dirs: Vec::new(),
            san_critical: false,
            self_signed: false,
            serial_problem: None,
        };
        // RFC 5280 §4.1.2.2: a positive integer of at most 20 octets. Not asked of trust
        // anchors: Starfield Root Certificate Authority - G2, in every root store, has serial 0.
        let serial = tbs.raw_serial();
        if serial.len() > 20 + usize::from(serial.first() == Some(&0)) {
            c.serial_problem =
                Some("serial number longer than 20 octets (RFC 5280 §4.1.2.2)".into());
        }
        if serial.first().is_some_and(|b| b & 0x80 != 0) || serial.iter().all(|b| *b == 0) {
            c.serial_problem = Some("serial number not positive (RFC 5280 §4.1.2.2)".into());
        }
        let mut seen = Vec::new();
        let mut aki_key_id: Option<Vec<u8>> = None;
        let mut san_critical = None;
        c.info.signature_algorithm = match &c.signature_algorithm {
            Ok(alg) => alg.name(),
            Err(oid) => oid.clone(),
        };
        c.info.sha1_signature = c.signature_algorithm.as_ref().is_ok_and(|a| a.is_sha1());
        c.info.public_key = match (&tbs.subject_pki.parsed(), &c.key) {
            (_, Ok(CertKey::P256(_))) => "P-256".into(),
            (_, Ok(CertKey::P384(_))) => "P-384".into(),
            (_, Ok(CertKey::Ed25519(_))) => "Ed25519".into(),
            (Ok(x509_parser::public_key::PublicKey::RSA(k)), _) => {
                let bits = sig::modulus_bits(k.modulus);
                c.info.rsa_bits = Some(bits);
                format!("RSA {bits}")
            }
            _ => tbs.subject_pki.algorithm.algorithm.to_id_string(),
        };
        for ext in tbs.extensions() {
            let oid = ext.oid.to_id_string();
            if seen.contains(&oid) {
                // RFC 5280 §4.2: "A certificate MUST NOT include more than one instance of a
                // particular extension."
                c.problems.push(format!("extension {oid} appears twice"));
            }
            seen.push(oid.clone());
            if ext.critical && !UNDERSTOOD.contains(&oid.as_str()) && c.unknown_critical.is_none() {
                c.unknown_critical = Some(oid.clone());
            }
            match ext.parsed_extension() {
                ParsedExtension::ParseError { error } => {
                    return Err(format!("extension {oid}: {error}"));
                }
                ParsedExtension::BasicConstraints(bc) => {
                    c.ca = Some((bc.ca, bc.path_len_constraint));
                    c.info.is_ca = bc.ca;
                    c.bc_critical = ext.critical;
                }
                ParsedExtension::SubjectKeyIdentifier(id) => c.ski = Some(id.0.to_vec()),
                ParsedExtension::AuthorityKeyIdentifier(aki) => {
                    c.has_aki = true;
                    // RFC 5280 §4.2.1.1: keyIdentifier MUST be present in conforming CAs'
                    // certificates; a self-signed one's names its own key (CA/B BRs
                    // §7.1.2.1.3: and nothing else).
                    match &aki.key_identifier {
                        None => c
                            .problems
                            .push("authorityKeyIdentifier without keyIdentifier".into()),
                        Some(id) => aki_key_id = Some(id.0.to_vec()),
                    }
                    if c.info.self_issued
                        && (aki.authority_cert_issuer.is_some()
                            || aki.authority_cert_serial.is_some())
                    {
                        c.problems.push(
                            "self-issued certificate whose authorityKeyIdentifier names an issuer or serial"
                                .into(),
                        );
                    }
                }
                ParsedExtension::KeyUsage(ku) => c.key_usage = Some(ku.flags),
                ParsedExtension::ExtendedKeyUsage(eku) => {
                    let mut list = Vec::new();
                    let known = [
                        (eku.any, EKU_ANY),
                        (eku.server_auth, EKU_SERVER),
                        (eku.client_auth, EKU_CLIENT),
                        (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
                        (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
                        (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
                        (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
                    ];
                    list.extend(
                        known
                            .iter()
                            .filter(|(on, _)| *on)
                            .map(|(_, o)| (*o).to_string()),
                    );
                    list.extend(eku.other.iter().map(|o| o.to_id_string()));
                    c.eku = Some(list);
                }
                ParsedExtension::SubjectAlternativeName(san) => {
                    san_critical = Some(ext.critical);
                    if san.general_names.is_empty() {
                        c.problems.push("empty subjectAltName".into());
                    }
                    for name in &san.general_names {
                        match name {
                            GeneralName::DNSName(d) => {
                                // RFC 5280 §4.2.1.6: the preferred name syntax of RFC 1034.
                                if !names::is_san_dns_name(d) {
                                    c.problems.push(format!(
                                        "subjectAltName dNSName {d:?} is not a host name"
                                    ));
                                }
                                c.san_dns.push((*d).to_string());
                                c.info.san.push(format!("DNS:{d}"));
                            }
                            GeneralName::IPAddress(ip) => {
                                c.san_ip.push(ip.to_vec());
                                c.info.san.push(format!("IP:{}", show_ip(ip)));
                            }
                            GeneralName::RFC822Name(e) => {
                                c.san_other.push("rfc822Name");
                                c.info.san.push(format!("email:{e}"));
                            }
                            GeneralName::URI(u) => {
                                c.san_other.push("uniformResourceIdentifier");
                                c.info.san.push(format!("URI:{u}"));
                            }
                            GeneralName::DirectoryName(dn) => {
                                c.san_dirs.push(rdns(dn));
                                c.info.san.push(format!("DirName:{dn}"));
                            }
                            _ => c.san_other.push("otherName"),
                        }
                    }
                }
                ParsedExtension::NameConstraints(nc) => {
                    c.has_name_constraints = true;
                    c.permitted = nc.permitted_subtrees.as_ref().map(|p| subtrees(Some(p)));
                    c.excluded = subtrees(nc.excluded_subtrees.as_ref());
                    // RFC 5280 §4.2.1.10: critical, and at least one of the two present.
                    if !ext.critical {
                        c.problems.push("nameConstraints not critical".into());
                    }
                    if c.permitted.as_ref().is_none_or(Vec::is_empty) && c.excluded.is_empty() {
                        c.problems.push("nameConstraints with no subtree".into());
                    }
                    let mut trees = c.permitted.iter().flatten().chain(&c.excluded);
                    if let Some(Subtree::Dns(bad)) = trees
                        .find(|t| matches!(t, Subtree::Dns(d) if !d.is_empty() && !names::is_san_dns_name(d)))
                    {
                        c.problems.push(format!("dNSName constraint {bad:?} is not a host name"));
                    }
                }
                _ => {}
            }
            if matches!(ext.parsed_extension(), ParsedExtension::ExtendedKeyUsage(_)) {
                c.eku_critical = ext.critical;
            }
        }
        let subject_empty = c.subject_rdns.is_empty();
        match san_critical {
            // RFC 5280 §4.2.1.6: with an empty subject the SAN is the identity and MUST be critical.
            Some(false) if subject_empty => c
                .problems
                .push("empty subject and a non-critical subjectAltName".into()),
            None if subject_empty => c
                .problems
                .push("empty subject and no subjectAltName".into()),
            _ => {}
        }
        c.san_critical = san_critical.unwrap_or(false);
        if c.info.self_issued
            && let Ok(key) = &c.key
        {
            c.self_signed = c
                .signature_algorithm
                .as_ref()
                .is_ok_and(|alg| key.verify(*alg, &c.tbs, &c.signature) == Ok(true));
        }
        if c.self_signed && aki_key_id.is_some() && c.ski.is_some() && aki_key_id != c.ski {
            c.problems.push("self-signed certificate whose authorityKeyIdentifier is not its subjectKeyIdentifier".into());
        }
        Ok(c)
    }

    /// Lifetime against the TLS server certificate schedule, and days left at `now`.
    pub fn lifetime(&self, now: UnixTime) -> Lifetime {
        let nb = self.info.not_before.0;
        let days = policy::lifetime_days(nb, self.info.not_after.0);
        let limit = policy::max_validity_days(nb);
        Lifetime {
            days,
            limit_days: limit,
            limit_since: policy::limit_since(nb).map(UnixTime),
            compliant: days <= i64::from(limit),
            days_left: self
                .info
                .not_after
                .0
                .saturating_sub(now.0)
                .div_euclid(policy::DAY),
        }
    }

    /// The subject key as a [`crate::keys::PublicKey`] (to verify what the certificate's holder
    /// signed), if it is of a supported kind.
    pub fn public_key(&self) -> Option<crate::keys::PublicKey> {
        use crate::keys::PublicKey;
        match self.key.as_ref().ok()? {
            CertKey::Rsa(k) => Some(PublicKey::Rsa(k.clone())),
            CertKey::P256(k) => Some(PublicKey::P256(*k)),
            CertKey::P384(k) => Some(PublicKey::P384(*k)),
            CertKey::Ed25519(k) => {
                // The weak-key screen Multikeys get (small-order points).
                (!k.is_weak()).then_some(PublicKey::Ed25519(*k))
            }
        }
    }

    /// An end-entity certificate for TLS servers (not a CA; extendedKeyUsage with serverAuth):
    /// the kind the CA/Browser Forum lifetime limits apply to.
    pub fn is_tls_server(&self) -> bool {
        !self.info.is_ca
            && self
                .eku
                .as_ref()
                .is_some_and(|l| l.iter().any(|o| o == EKU_SERVER))
    }

    fn has_eku(&self, purpose: Purpose) -> Result<(), &'static str> {
        let Some(list) = &self.eku else {
            return Ok(()); // absent: any purpose (RFC 5280 §4.2.1.12)
        };
        if list.is_empty() {
            return Err("an empty extendedKeyUsage");
        }
        let ok = match purpose {
            Purpose::Server => list.iter().any(|o| o == EKU_SERVER),
            Purpose::Client => list.iter().any(|o| o == EKU_CLIENT),
            Purpose::Credential => list
                .iter()
                .any(|o| o == EKU_DOCUMENT_SIGNING || o == EKU_ANY),
        };
        if ok {
            Ok(())
        } else {
            Err("extendedKeyUsage does not include the purpose")
        }
    }
}

fn show_ip(ip: &[u8]) -> String {
    if let Ok(v4) = <[u8; 4]>::try_from(ip) {
        return core::net::Ipv4Addr::from(v4).to_string();
    }
    if let Ok(v6) = <[u8; 16]>::try_from(ip) {
        return core::net::Ipv6Addr::from(v6).to_string();
    }
    hex_colons(ip)
}

/// A certificate's lifetime against the CA/B Forum schedule ([`policy`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lifetime {
    /// Validity period in BR days.
    pub days: i64,
    /// The maximum for a TLS server certificate issued at its notBefore.
    pub limit_days: u32,
    /// When that maximum took effect.
    pub limit_since: Option<UnixTime>,
    /// `days <= limit_days`.
    pub compliant: bool,
    /// Whole days from `now` to notAfter (negative once expired).
    pub days_left: i64,
}

/// Reads every certificate in `input`: PEM (any number of `CERTIFICATE` blocks, other blocks and
/// text around them ignored) or DER (one or several certificates back to back).
pub fn parse_certificates(input: &[u8], limits: &Limits) -> Result<Vec<Certificate>, ParseError> {
    let mut out = Vec::new();
    let is_pem = input.windows(11).any(|w| w == b"-----BEGIN ");
    if is_pem {
        for (i, block) in x509_parser::pem::Pem::iter_from_buffer(input).enumerate() {
            let block = block.map_err(|e| {
                ParseError::Malformed(out.len(), format!("PEM block {}: {e}", i + 1))
            })?;
            if block.label != "CERTIFICATE" {
                continue;
            }
            if out.len() >= limits.max_certificates {
                return Err(ParseError::TooMany(limits.max_certificates));
            }
            let cert = Certificate::from_der(&block.contents)
                .map_err(|e| ParseError::Malformed(out.len(), e))?;
            out.push(cert);
        }
    } else {
        let mut rest = input;
        while !rest.is_empty() {
            if out.len() >= limits.max_certificates {
                return Err(ParseError::TooMany(limits.max_certificates));
            }
            let (after, cert) = X509Certificate::from_der(rest)
                .map_err(|e| ParseError::Malformed(out.len(), e.to_string()))?;
            let len = rest.len() - after.len();
            let der = rest.get(..len).unwrap_or_default();
            out.push(
                Certificate::from_parsed(&cert, der)
                    .map_err(|e| ParseError::Malformed(out.len(), e))?,
            );
            rest = after;
        }
    }
    if out.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(out)
}

/// What to validate a chain for.
#[derive(Clone, Debug)]
pub struct ChainOptions {
    /// The purpose the leaf must serve.
    pub purpose: Purpose,
    /// The host name or IP address the leaf must be for (TLS); `None`: not checked.
    pub name: Option<ServerName>,
    /// Apply the CA/B Forum lifetime limits to the leaf (meaningful for publicly trusted TLS
    /// server certificates; default: only for [`Purpose::Server`]).
    pub lifetime_policy: bool,
}

impl ChainOptions {
    /// Options for `purpose`, no name, lifetime policy for servers.
    pub fn new(purpose: Purpose) -> Self {
        Self {
            purpose,
            name: None,
            lifetime_policy: purpose == Purpose::Server,
        }
    }
}

/// The result of [`verify_chain`]: the same verdict and checks as a credential report, plus the
/// certificates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// The overall verdict.
    pub verdict: Verdict,
    /// Every check, in order.
    pub checks: Vec<Check>,
    /// The validated path, leaf first, ending with the trust anchor; when no path was found,
    /// the leaf alone (or nothing if the input could not be read).
    pub path: Vec<CertInfo>,
    /// Whether the last entry of `path` is a trust anchor.
    pub anchored: bool,
    /// The leaf's lifetime against the TLS schedule.
    pub lifetime: Option<Lifetime>,
}

/// Why a candidate path failed; the order is the preference for reporting (most telling first).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum PathError {
    Budget(Code, usize),
    Profile(usize, String),
    Depth(usize),
    Signature(usize, String),
    Algorithm(usize, String),
    WeakKey(usize, String),
    NameConstraints(usize, String),
    Critical(usize, String),
    NotCa(usize, String),
    PathLen(usize),
    Usage(usize, String),
    NotYetValid(usize),
    Expired(usize),
    UnknownIssuer,
}

struct Search<'a> {
    leaf: &'a Certificate,
    pool: Vec<&'a Certificate>,
    anchors: &'a [Certificate],
    options: &'a ChainOptions,
    now: i64,
    signatures_left: usize,
    comparisons_left: usize,
    comparisons_limit: usize,
    max_depth: usize,
}

impl<'a> Search<'a> {
    /// Extends `path` (leaf first, its last element the certificate whose issuer is sought)
    /// until a trust anchor signs it. Returns the anchor.
    fn extend(&mut self, path: &mut Vec<&'a Certificate>) -> Result<&'a Certificate, PathError> {
        let Some(&current) = path.last() else {
            return Err(PathError::UnknownIssuer);
        };
        let mut best = PathError::UnknownIssuer;
        let anchors = self.anchors;
        for anchor in anchors
            .iter()
            .filter(|a| a.subject_raw == current.issuer_raw)
        {
            let attempt = self
                .issuer_ok(path, anchor, true)
                .and_then(|()| self.signed_by(path, anchor));
            match attempt {
                Ok(()) => return Ok(anchor),
                Err(e @ PathError::Budget(..)) => return Err(e),
                Err(e) => best = best.min(e),
            }
        }
        let candidates: Vec<&'a Certificate> = self
            .pool
            .iter()
            .copied()
            .filter(|c| c.subject_raw == current.issuer_raw && !path.iter().any(|p| p.der == c.der))
            .collect();
        // Self-issued intermediates (key rollover) do not count (RFC 5280 §6.1, x509-limbo
        // `max-chain-depth-1-self-issued`); they cannot repeat, so the path stays bounded.
        let depth = path.iter().filter(|c| !c.info.self_issued).count();
        if !candidates.is_empty() && depth >= self.max_depth {
            // Another candidate path may be shorter: not an abort, just this branch.
            return Err(best.min(PathError::Depth(self.max_depth)));
        }
        for candidate in candidates {
            let attempt = self
                .issuer_ok(path, candidate, false)
                .and_then(|()| self.signed_by(path, candidate));
            match attempt {
                Ok(()) => {
                    path.push(candidate);
                    match self.extend(path) {
                        Ok(anchor) => return Ok(anchor),
                        Err(e @ PathError::Budget(..)) => return Err(e),
                        Err(e) => best = best.min(e),
                    }
                    path.pop();
                }
                Err(e @ PathError::Budget(..)) => return Err(e),
                Err(e) => best = best.min(e),
            }
        }
        Err(best)
    }

    /// Checks `issuer` may issue the last certificate of `path` (not its signature).
    fn issuer_ok(
        &mut self,
        path: &[&'a Certificate],
        issuer: &Certificate,
        anchor: bool,
    ) -> Result<(), PathError> {
        let at = path.len();
        // Trust anchors are checked like any issuer: x509-limbo expects an expired root, or one
        // with an unknown critical extension, to be refused (rustls-webpki only reads their
        // name, key and name constraints).
        if issuer.info.not_after.0 < self.now {
            return Err(PathError::Expired(at));
        }
        if issuer.info.not_before.0 > self.now {
            return Err(PathError::NotYetValid(at));
        }
        if let Some(oid) = &issuer.unknown_critical {
            return Err(PathError::Critical(at, oid.clone()));
        }
        let role = if anchor { Role::Anchor } else { Role::Issuer };
        if let Some(reason) = profile_problem(issuer, role, self.options.purpose) {
            return Err(PathError::Profile(at, reason));
        }
        issuer
            .has_eku(self.options.purpose)
            .map_err(|e| PathError::Usage(at, e.into()))?;
        match issuer.ca {
            Some((true, path_len)) => {
                // Intermediates below this issuer that are not self-issued (RFC 5280 §6.1.4 (l)).
                let below = path.iter().skip(1).filter(|c| !c.info.self_issued).count();
                if path_len.is_some_and(|n| usize::try_from(n).is_ok_and(|n| below > n)) {
                    return Err(PathError::PathLen(at));
                }
            }
            _ => return Err(PathError::NotCa(at, "no basicConstraints with cA".into())),
        }
        if issuer.key_usage.is_some_and(|ku| ku & 0x0020 == 0) {
            // keyCertSign is bit 5 of KeyUsage (x509-parser numbers flags from bit 0 =
            // digitalSignature).
            return Err(PathError::NotCa(at, "keyUsage without keyCertSign".into()));
        }
        name_constraints(issuer, path, &mut self.comparisons_left).map_err(|e| match e {
            NcError::Budget => {
                PathError::Budget(Code::LimitsNameConstraints, self.comparisons_limit)
            }
            NcError::Violation(reason) => PathError::NameConstraints(at, reason),
        })
    }

    /// Verifies the signature of the last certificate of `path` with `issuer`'s key.
    fn signed_by(
        &mut self,
        path: &[&'a Certificate],
        issuer: &Certificate,
    ) -> Result<(), PathError> {
        let at = path.len().saturating_sub(1);
        let Some(subject) = path.last() else {
            return Err(PathError::UnknownIssuer);
        };
        if self.signatures_left == 0 {
            return Err(PathError::Budget(Code::LimitsSignatureChecks, 0));
        }
        self.signatures_left -= 1;
        let alg = subject
            .signature_algorithm
            .clone()
            .map_err(|oid| PathError::Algorithm(at, oid))?;
        let key = match &issuer.key {
            Ok(k) => k,
            Err(KeyError::Weak(bits)) => {
                return Err(PathError::WeakKey(at + 1, format!("RSA {bits}")));
            }
            Err(KeyError::Unsupported(oid)) => {
                return Err(PathError::Algorithm(at + 1, oid.clone()));
            }
            Err(KeyError::Malformed) => {
                return Err(PathError::WeakKey(at + 1, "malformed key".into()));
            }
        };
        match key.verify(alg, &subject.tbs, &subject.signature) {
            Ok(true) => Ok(()),
            Ok(false) => Err(PathError::Signature(at, subject.info.subject.clone())),
            Err(reason) => Err(PathError::Algorithm(at, reason.into())),
        }
    }
}

enum NcError {
    Budget,
    Violation(String),
}

/// Whether every certificate of `path` (below `issuer`) satisfies `issuer`'s name constraints.
/// Each (name, subtree) comparison spends one unit of `budget` (a root with thousands of
/// subtrees against a leaf with thousands of names is x509-limbo's `nc-dos` case).
fn name_constraints(
    issuer: &Certificate,
    path: &[&Certificate],
    budget: &mut usize,
) -> Result<(), NcError> {
    if issuer.permitted.is_none() && issuer.excluded.is_empty() {
        return Ok(());
    }
    let violation =
        |name: &Subtree, what: &str| NcError::Violation(format!("{} {what}", show_name(name)));
    for (i, cert) in path.iter().enumerate() {
        // RFC 5280 §6.1.3 (b): self-issued intermediates are exempt, the leaf never is.
        if i > 0 && cert.info.self_issued {
            continue;
        }
        let mut names: Vec<Subtree> = cert
            .san_dns
            .iter()
            .map(|d| Subtree::Dns(d.clone()))
            .collect();
        names.extend(cert.san_ip.iter().map(|ip| Subtree::Ip(ip.clone())));
        if !cert.subject_rdns.is_empty() {
            names.push(Subtree::Directory(cert.subject_rdns.clone()));
        }
        names.extend(cert.san_dirs.iter().map(|d| Subtree::Directory(d.clone())));
        names.extend(cert.san_other.iter().map(|k| Subtree::Other(k)));
        for name in &names {
            let same_kind = |tree: &Subtree| match (name, tree) {
                (Subtree::Other(a), Subtree::Other(b)) => a == b,
                _ => core::mem::discriminant(tree) == core::mem::discriminant(name),
            };
            for tree in issuer.excluded.iter().filter(|t| same_kind(t)) {
                *budget = budget.checked_sub(1).ok_or(NcError::Budget)?;
                let hit = match (name, tree) {
                    // A wildcard stands for every name one label below: it is excluded if any
                    // of them could be (CVE-2025-61727).
                    (Subtree::Dns(n), Subtree::Dns(b)) => {
                        names::dns_within(n, b)
                            || n.strip_prefix("*.").is_some_and(|base| {
                                names::dns_within(b, base) && !b.eq_ignore_ascii_case(base)
                            })
                    }
                    (Subtree::Ip(n), Subtree::Ip(b)) => names::ip_within(n, b)
                        .ok_or_else(|| violation(name, "meets a malformed excluded subtree"))?,
                    (Subtree::Directory(n), Subtree::Directory(b)) => n.starts_with(b),
                    _ => {
                        return Err(violation(
                            name,
                            "cannot be checked against an excluded subtree",
                        ));
                    }
                };
                if hit {
                    return Err(violation(name, "is excluded"));
                }
            }
            if let Some(permitted) = &issuer.permitted {
                let mut relevant = permitted.iter().filter(|t| same_kind(t)).peekable();
                if relevant.peek().is_none() {
                    continue; // no constraint of this kind
                }
                let mut ok = false;
                for tree in relevant {
                    *budget = budget.checked_sub(1).ok_or(NcError::Budget)?;
                    ok |= match (name, tree) {
                        (Subtree::Dns(n), Subtree::Dns(b)) => names::dns_within(n, b),
                        (Subtree::Ip(n), Subtree::Ip(b)) => {
                            names::ip_within(n, b).ok_or_else(|| {
                                violation(name, "meets a malformed permitted subtree")
                            })?
                        }
                        (Subtree::Directory(n), Subtree::Directory(b)) => n.starts_with(b),
                        _ => {
                            return Err(violation(
                                name,
                                "cannot be checked against a permitted subtree",
                            ));
                        }
                    };
                }
                if !ok {
                    return Err(violation(name, "is outside the permitted subtrees"));
                }
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Leaf,
    Issuer,
    Anchor,
}

/// The first RFC 5280 or (for TLS servers) CA/B Forum profile rule `cert` breaks in `role`.
fn profile_problem(cert: &Certificate, role: Role, purpose: Purpose) -> Option<String> {
    if let Some(p) = cert.problems.first() {
        return Some(p.clone());
    }
    let web_pki = purpose == Purpose::Server;
    if let Some(p) = cert
        .serial_problem
        .as_ref()
        .filter(|_| role != Role::Anchor)
    {
        return Some(p.clone());
    }
    if role != Role::Anchor && !cert.self_signed && !cert.has_aki {
        // RFC 5280 §4.2.1.1: MUST be included in all certificates but self-signed ones (a
        // trust anchor is taken as given).
        return Some("no authorityKeyIdentifier (RFC 5280 §4.2.1.1)".into());
    }
    match role {
        Role::Issuer | Role::Anchor => {
            if cert.ca.is_some_and(|(ca, _)| ca) && !cert.bc_critical {
                return Some(
                    "basicConstraints of a CA certificate not critical (RFC 5280 §4.2.1.9)".into(),
                );
            }
            if cert.ski.is_none() {
                return Some(
                    "CA certificate without subjectKeyIdentifier (RFC 5280 §4.2.1.2)".into(),
                );
            }
            if cert.subject_rdns.is_empty() {
                return Some("CA certificate with an empty subject (RFC 5280 §4.1.2.6)".into());
            }
            if web_pki && role == Role::Anchor && cert.self_signed && cert.eku.is_some() {
                return Some("root certificate with extendedKeyUsage (CA/B BRs §7.1.2.1.2)".into());
            }
        }
        Role::Leaf => {
            if cert.has_name_constraints {
                return Some(
                    "nameConstraints in an end-entity certificate (RFC 5280 §4.2.1.10)".into(),
                );
            }
            if cert.key_usage.is_some_and(|ku| ku & 0x0020 != 0)
                && !cert.ca.is_some_and(|(ca, _)| ca)
            {
                return Some("keyCertSign without basicConstraints cA (RFC 5280 §4.2.1.3)".into());
            }
            if web_pki {
                // CA/B BRs §7.1.2.7.10: present, not critical, no anyExtendedKeyUsage.
                match &cert.eku {
                    None => return Some("no extendedKeyUsage (CA/B BRs §7.1.2.7.10)".into()),
                    Some(list) if list.iter().any(|o| o == EKU_ANY) => {
                        return Some(
                            "anyExtendedKeyUsage in a server certificate (CA/B BRs §7.1.2.7.10)"
                                .into(),
                        );
                    }
                    Some(_) if cert.eku_critical => {
                        return Some("critical extendedKeyUsage (CA/B BRs §7.1.2.7.10)".into());
                    }
                    Some(_) => {}
                }
                if cert.san_critical && !cert.subject_rdns.is_empty() {
                    return Some(
                        "critical subjectAltName with a non-empty subject (CA/B BRs §7.1.2.7.12)"
                            .into(),
                    );
                }
                // CA/B BRs §7.1.4.3 (a commonName must copy a SAN entry) is not enforced: browsers
                // ignore the commonName, and x509-limbo's own RFC 5280 cases carry one outside
                // the SAN (tests/x509-limbo-divergences.json).
            }
        }
    }
    None
}

fn show_name(name: &Subtree) -> String {
    match name {
        Subtree::Dns(d) => format!("DNS:{d}"),
        Subtree::Ip(ip) => format!("IP:{}", show_ip(ip)),
        Subtree::Directory(_) => "the subject name".into(),
        Subtree::Other(kind) => (*kind).to_string(),
    }
}

/// Picks the end-entity certificate of a bundle given in any order: the one no other
/// certificate of the bundle names as its issuer; the first certificate if that is ambiguous.
fn pick_leaf(certs: &[Certificate]) -> usize {
    let issues_none = |i: usize, c: &Certificate| {
        !certs
            .iter()
            .enumerate()
            .any(|(j, o)| j != i && o.issuer_raw == c.subject_raw && !o.info.self_issued)
    };
    let candidates: Vec<usize> = certs
        .iter()
        .enumerate()
        .filter(|(i, c)| issues_none(*i, c))
        .map(|(i, _)| i)
        .collect();
    match candidates.as_slice() {
        [only] => *only,
        _ => 0,
    }
}

/// Validates the chain in `input` (PEM or DER; the end-entity certificate first or the bundle in
/// any order) against `anchors`, for `options`, at `now`.
pub fn verify_chain(
    input: &[u8],
    anchors: &[Certificate],
    options: &ChainOptions,
    limits: &Limits,
    now: UnixTime,
) -> ChainReport {
    let mut checks = Vec::new();
    let finish = |checks: Vec<Check>,
                  path: Vec<CertInfo>,
                  anchored: bool,
                  lifetime: Option<Lifetime>| ChainReport {
        verdict: verdict(&checks),
        checks,
        path,
        anchored,
        lifetime,
    };
    if input.len() > limits.max_input_bytes {
        checks.push(
            Check::failed(CheckId::Input, Code::LimitsInputSize)
                .with("limit", limits.max_input_bytes.to_string()),
        );
        return finish(checks, Vec::new(), false, None);
    }
    match parse_certificates(input, limits) {
        Ok(certs) => verify_certificates(&certs, anchors, options, limits, now),
        Err(e) => {
            checks.push(parse_failure(&e));
            finish(checks, Vec::new(), false, None)
        }
    }
}

/// Validates already parsed certificates (the end entity first, or in any order) against
/// `anchors`: what [`verify_chain`] does after reading its input. For shells that read several
/// files.
pub fn verify_certificates(
    certs: &[Certificate],
    anchors: &[Certificate],
    options: &ChainOptions,
    limits: &Limits,
    now: UnixTime,
) -> ChainReport {
    let mut checks = Vec::new();
    let finish = |checks: Vec<Check>,
                  path: Vec<CertInfo>,
                  anchored: bool,
                  lifetime: Option<Lifetime>| ChainReport {
        verdict: verdict(&checks),
        checks,
        path,
        anchored,
        lifetime,
    };
    if certs.is_empty() {
        checks.push(Check::failed(CheckId::Input, Code::X509None));
        return finish(checks, Vec::new(), false, None);
    }
    if certs.len() > limits.max_certificates {
        checks.push(parse_failure(&ParseError::TooMany(limits.max_certificates)));
        return finish(checks, Vec::new(), false, None);
    }
    checks.push(
        Check::passed(CheckId::Input, Code::X509Parsed)
            .with("certificates", certs.len().to_string()),
    );
    let leaf_index = pick_leaf(certs);
    let Some(leaf) = certs.get(leaf_index) else {
        return finish(checks, Vec::new(), false, None);
    };
    let lifetime = leaf.lifetime(now);

    // The leaf's own properties.
    leaf_checks(leaf, options, now, &lifetime, &mut checks);

    // The path.
    let mut path_info = alloc::vec![leaf.info.clone()];
    let mut anchored = false;
    if anchors.is_empty() {
        checks.push(Check::skipped(CheckId::Chain, Code::X509NoTrustAnchors));
    } else {
        let mut search = Search {
            leaf,
            pool: certs
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != leaf_index)
                .map(|(_, c)| c)
                .collect(),
            anchors,
            options,
            now: now.0,
            signatures_left: limits.max_signature_checks,
            comparisons_left: limits.max_name_constraint_checks,
            comparisons_limit: limits.max_name_constraint_checks,
            max_depth: limits.max_chain_depth,
        };
        let mut path = alloc::vec![search.leaf];
        match search.extend(&mut path) {
            Ok(anchor) => {
                path_info = path.iter().map(|c| c.info.clone()).collect();
                path_info.push(anchor.info.clone());
                anchored = true;
                checks.push(
                    Check::passed(CheckId::Chain, Code::X509ChainValid)
                        .with("length", path_info.len().to_string())
                        .with("anchor", anchor.info.subject.clone()),
                );
            }
            Err(e) => checks.push(path_failure(e, &path_info)),
        }
    }
    finish(checks, path_info, anchored, Some(lifetime))
}

fn parse_failure(e: &ParseError) -> Check {
    match e {
        ParseError::Empty => Check::failed(CheckId::Input, Code::X509None),
        ParseError::TooMany(limit) => {
            Check::failed(CheckId::Input, Code::LimitsCertificates).with("limit", limit.to_string())
        }
        ParseError::Malformed(index, reason) => Check::failed(CheckId::Input, Code::X509Malformed)
            .with("index", index.to_string())
            .with("reason", reason.clone()),
    }
}

fn leaf_checks(
    leaf: &Certificate,
    options: &ChainOptions,
    now: UnixTime,
    lifetime: &Lifetime,
    checks: &mut Vec<Check>,
) {
    let at = |c: Check| c.with("subject", leaf.info.subject.clone());
    // Validity.
    checks.push(if now.0 > leaf.info.not_after.0 {
        at(Check::failed(CheckId::Validity, Code::X509Expired))
            .with("notAfter", leaf.info.not_after.to_rfc3339())
    } else if now.0 < leaf.info.not_before.0 {
        at(Check::failed(CheckId::Validity, Code::X509NotYetValid))
            .with("notBefore", leaf.info.not_before.to_rfc3339())
    } else {
        Check::passed(CheckId::Validity, Code::X509Current)
            .with("notAfter", leaf.info.not_after.to_rfc3339())
            .with("daysLeft", lifetime.days_left.to_string())
    });
    // Usage.
    let mut usage_ok = true;
    if let Some(oid) = &leaf.unknown_critical {
        checks.push(
            at(Check::failed(
                CheckId::Usage,
                Code::X509UnknownCriticalExtension,
            ))
            .with("oid", oid.clone()),
        );
        usage_ok = false;
    }
    if leaf.ca.is_some_and(|(ca, _)| ca) {
        checks.push(at(Check::failed(CheckId::Usage, Code::X509LeafIsCa)));
        usage_ok = false;
    }
    if let Some(reason) = profile_problem(leaf, Role::Leaf, options.purpose) {
        checks.push(
            at(Check::failed(CheckId::Usage, Code::X509ProfileViolation))
                .with("depth", "0")
                .with("reason", reason),
        );
        usage_ok = false;
    }
    match &leaf.key {
        Ok(_) | Err(KeyError::Weak(_)) => {} // weak keys: the policy check below
        Err(KeyError::Unsupported(what)) => {
            checks.push(
                at(Check::failed(
                    CheckId::Usage,
                    Code::X509UnsupportedAlgorithm,
                ))
                .with("depth", "0")
                .with("algorithm", what.clone()),
            );
            usage_ok = false;
        }
        Err(KeyError::Malformed) => {
            checks.push(
                at(Check::failed(CheckId::Usage, Code::X509Malformed))
                    .with("index", "0")
                    .with("reason", "the public key is malformed"),
            );
            usage_ok = false;
        }
    }
    if let Err(reason) = leaf.has_eku(options.purpose) {
        checks.push(
            at(Check::failed(CheckId::Usage, Code::X509EkuMismatch))
                .with("purpose", options.purpose.as_str())
                .with("reason", reason),
        );
        usage_ok = false;
    }
    if options.purpose == Purpose::Credential && leaf.key_usage.is_none_or(|ku| ku & 0x0001 == 0) {
        checks.push(
            at(Check::failed(CheckId::Usage, Code::X509KeyUsageInvalid)).with(
                "reason",
                "a credential-signing certificate needs the digitalSignature key usage",
            ),
        );
        usage_ok = false;
    }
    if usage_ok {
        checks.push(
            Check::passed(CheckId::Usage, Code::X509UsageValid)
                .with("purpose", options.purpose.as_str()),
        );
    }
    // Name.
    match &options.name {
        Some(name) => {
            let matched = match name {
                ServerName::Dns(host) => leaf.san_dns.iter().any(|p| names::dns_matches(p, host)),
                ServerName::Ip(ip) => leaf.san_ip.iter().any(|a| a == ip),
            };
            let shown = match name {
                ServerName::Dns(h) => h.clone(),
                ServerName::Ip(ip) => show_ip(ip),
            };
            checks.push(if matched {
                Check::passed(CheckId::Usage, Code::X509NameMatched).with("name", shown)
            } else {
                at(Check::failed(CheckId::Usage, Code::X509NameMismatch)).with("name", shown)
            });
        }
        None if options.purpose == Purpose::Server => {
            checks.push(Check::skipped(CheckId::Usage, Code::X509NameNotChecked));
        }
        None => {}
    }
    // Policy.
    if options.lifetime_policy {
        let check = if lifetime.compliant {
            Check::passed(CheckId::Policy, Code::X509LifetimeCompliant)
        } else {
            at(Check::failed(
                CheckId::Policy,
                Code::X509LifetimeExceedsPolicy,
            ))
        };
        let mut check = check
            .with("lifetimeDays", lifetime.days.to_string())
            .with("limitDays", lifetime.limit_days.to_string());
        if let Some(since) = lifetime.limit_since {
            check = check.with("limitSince", since.to_rfc3339());
        }
        checks.push(check);
    }
    if let Some(bits) = leaf.info.rsa_bits.filter(|b| *b < 2048) {
        checks.push(
            at(Check::failed(CheckId::Policy, Code::X509WeakKey))
                .with("key", format!("RSA {bits}")),
        );
    }
    if leaf.info.sha1_signature {
        checks.push(
            at(Check::failed(CheckId::Policy, Code::X509WeakSignature))
                .with("algorithm", leaf.info.signature_algorithm.clone()),
        );
    }
    if leaf.info.san.is_empty() && options.purpose == Purpose::Server {
        checks.push(at(Check::failed(CheckId::Policy, Code::X509SanMissing)));
    }
}

fn path_failure(e: PathError, path: &[CertInfo]) -> Check {
    match e {
        PathError::Profile(i, reason) => Check::failed(CheckId::Chain, Code::X509ProfileViolation)
            .with("depth", i.to_string())
            .with("reason", reason),
        PathError::Depth(limit) => {
            Check::failed(CheckId::Chain, Code::LimitsChainDepth).with("limit", limit.to_string())
        }
        PathError::Budget(code, limit) => {
            Check::failed(CheckId::Chain, code).with("limit", limit.to_string())
        }
        PathError::Signature(i, s) => Check::failed(CheckId::Chain, Code::X509SignatureInvalid)
            .with("depth", i.to_string())
            .with("subject", s),
        PathError::Algorithm(i, alg) => {
            Check::failed(CheckId::Chain, Code::X509UnsupportedAlgorithm)
                .with("depth", i.to_string())
                .with("algorithm", alg)
        }
        PathError::WeakKey(i, key) => Check::failed(CheckId::Chain, Code::X509WeakKey)
            .with("depth", i.to_string())
            .with("key", key),
        PathError::NameConstraints(i, reason) => {
            Check::failed(CheckId::Chain, Code::X509NameConstraintsViolated)
                .with("depth", i.to_string())
                .with("reason", reason)
        }
        PathError::Critical(i, oid) => {
            Check::failed(CheckId::Chain, Code::X509UnknownCriticalExtension)
                .with("depth", i.to_string())
                .with("oid", oid)
        }
        PathError::NotCa(i, reason) => Check::failed(CheckId::Chain, Code::X509NotCa)
            .with("depth", i.to_string())
            .with("reason", reason),
        PathError::PathLen(i) => {
            Check::failed(CheckId::Chain, Code::X509PathLenExceeded).with("depth", i.to_string())
        }
        PathError::Usage(i, reason) => Check::failed(CheckId::Chain, Code::X509EkuMismatch)
            .with("depth", i.to_string())
            .with("reason", reason),
        PathError::NotYetValid(i) => {
            Check::failed(CheckId::Chain, Code::X509NotYetValid).with("depth", i.to_string())
        }
        PathError::Expired(i) => {
            Check::failed(CheckId::Chain, Code::X509Expired).with("depth", i.to_string())
        }
        PathError::UnknownIssuer => Check::failed(CheckId::Chain, Code::X509UnknownIssuer).with(
            "issuer",
            path.last().map(|c| c.issuer.clone()).unwrap_or_default(),
        ),
    }
}

fn verdict(checks: &[Check]) -> Verdict {
    crate::report::Report::verdict(checks)
}
