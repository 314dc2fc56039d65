//! Data Integrity proofs.
//!
//! `eddsa-jcs-2022` — W3C Data Integrity EdDSA Cryptosuites v1.0, §3.3 "eddsa-jcs-2022":
//! 1. `proofOptions` = the proof without `proofValue`; `unsecuredDocument` = the document without `proof`.
//! 2. If `proofOptions.@context` exists, the document's `@context` must start with it (same order);
//!    the unsecured document then takes `proofOptions.@context` (§3.3.2 Verify Proof step 4).
//! 3. `hashData = SHA-256(JCS(proofOptions)) ‖ SHA-256(JCS(unsecuredDocument))` (§3.3.4 Hashing).
//! 4. Ed25519 (RFC 8032) over `hashData`, strictly: S < L and no small-order keys (`verify_strict`).

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256, Sha384};

use crate::context::Context;
use crate::credential::JsonCredential;
use crate::did;
use crate::jcs;
use crate::keys::{PublicKey, RsaScheme};
use crate::report::{Check, CheckId, Code, Outcome};
use crate::time::{UnixTime, parse_datetime};

/// Proof suites this build verifies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Suite {
    /// DataIntegrityProof, cryptosuite eddsa-jcs-2022.
    EddsaJcs2022,
    /// DataIntegrityProof, cryptosuite eddsa-rdfc-2022 (feature `rdfc`).
    EddsaRdfc2022,
    /// Ed25519Signature2020 (VC 1.1 era; feature `rdfc`).
    Ed25519Signature2020,
    /// DataIntegrityProof, cryptosuite ecdsa-rdfc-2019, P-256 or P-384 (features `ecdsa`, `rdfc`).
    EcdsaRdfc2019,
    /// DataIntegrityProof, cryptosuite ecdsa-jcs-2019, P-256 or P-384 (feature `ecdsa`).
    EcdsaJcs2019,
}

impl Suite {
    const fn name(self) -> &'static str {
        match self {
            Self::EddsaJcs2022 => "eddsa-jcs-2022",
            Self::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Self::Ed25519Signature2020 => "Ed25519Signature2020",
            Self::EcdsaRdfc2019 => "ecdsa-rdfc-2019",
            Self::EcdsaJcs2019 => "ecdsa-jcs-2019",
        }
    }
    const fn is_jcs(self) -> bool {
        matches!(self, Self::EddsaJcs2022 | Self::EcdsaJcs2019)
    }
    const fn available(self) -> bool {
        match self {
            Self::EddsaJcs2022 => true,
            Self::EddsaRdfc2022 | Self::Ed25519Signature2020 => cfg!(feature = "rdfc"),
            Self::EcdsaRdfc2019 => cfg!(all(feature = "rdfc", feature = "ecdsa")),
            Self::EcdsaJcs2019 => cfg!(feature = "ecdsa"),
        }
    }
}

/// Every entry of a credential's `proof` (one object or a set).
pub(crate) fn all_proofs(doc: &Map<String, Value>) -> Vec<&Value> {
    match doc.get("proof") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => alloc::vec![other],
        None => Vec::new(),
    }
}

/// The signatures of a credential: its proofs other than blockchain anchors ([`crate::anchor`]).
pub(crate) fn proofs(doc: &Map<String, Value>) -> Vec<&Value> {
    all_proofs(doc)
        .into_iter()
        .filter(|p| p.get("type").and_then(Value::as_str) != Some(crate::anchor::PROOF_TYPE))
        .collect()
}

/// Verifies every proof on `cred`; pushes an issuer-key check and a proof check for each.
/// Checks every proof; returns the keys that verified a proof and are the issuer's.
pub(crate) fn check_proofs(
    cred: &JsonCredential,
    ctx: &Context,
    now: UnixTime,
    checks: &mut Vec<Check>,
) -> Vec<PublicKey> {
    let mut verified = Vec::new();
    let all = proofs(&cred.doc);
    if all.is_empty() {
        checks.push(Check::skipped(CheckId::IssuerKey, Code::ProofNoKey));
        checks.push(Check::failed(CheckId::Proof, Code::ProofMissing));
        return verified;
    }
    if all.len() > ctx.limits.max_proofs {
        checks.push(
            Check::failed(CheckId::Proof, Code::ProofMalformed)
                .with("field", "proof")
                .with("reason", "too many proofs"),
        );
        return verified;
    }
    for (index, proof) in all.into_iter().enumerate() {
        if let Some(merkle) = proof.as_object().filter(|p| {
            p.get("type").and_then(Value::as_str) == Some(crate::blockcerts::PROOF_TYPE)
        }) {
            checks.extend(crate::blockcerts::check(&cred.doc, index, merkle, ctx));
            continue;
        }
        let (key_check, proof_check, key) = check_one(cred, proof, ctx, now);
        if key_check.outcome == Outcome::Passed && proof_check.code == Code::ProofVerified {
            verified.extend(key);
        }
        checks.push(key_check.with("proof", index.to_string()));
        checks.push(proof_check.with("proof", index.to_string()));
    }
    verified
}

fn malformed(field: &str, reason: &str) -> Check {
    Check::failed(CheckId::Proof, Code::ProofMalformed)
        .with("field", field)
        .with("reason", reason)
}

fn check_one(
    cred: &JsonCredential,
    proof: &Value,
    ctx: &Context,
    now: UnixTime,
) -> (Check, Check, Option<PublicKey>) {
    let no_key = || Check::skipped(CheckId::IssuerKey, Code::ProofNoKey);
    let Some(proof) = proof.as_object() else {
        return (no_key(), malformed("proof", "not an object"), None);
    };
    let vm = proof.get("verificationMethod").and_then(Value::as_str);
    // Resolve the key first: the report says whose key it is even when the proof is of a suite we skip.
    let (key_check, key) = match vm {
        None => (no_key(), None),
        Some(vm) => resolve_key(vm, cred.issuer_id(), ctx),
    };
    let proof_check = match (suite(proof), vm, &key) {
        (Err(unsupported_or_malformed), _, _) => unsupported_or_malformed,
        (Ok(_), None, _) => malformed("verificationMethod", "missing"),
        (Ok(_), Some(_), None) => Check::skipped(CheckId::Proof, Code::ProofNoKey),
        (Ok(_), Some(_), Some(key)) => {
            let check = verify_proof(&cred.doc, proof, key, ctx, now);
            if key_check.outcome == Outcome::Passed {
                check
            } else {
                // The signature was tested with a key the issuer has not (yet) been shown to own.
                check.with("key", "unconfirmed")
            }
        }
    };
    (key_check, proof_check, key)
}

/// The issuer-key check and, when the key could be obtained, the key (even if it is not the issuer's,
/// so that the report can still say whether the signature itself holds).
pub(crate) fn resolve_key(
    vm: &str,
    issuer: Option<&str>,
    ctx: &Context,
) -> (Check, Option<PublicKey>) {
    let bound_to = issuer.unwrap_or_default();
    match did::resolve_assertion_key(vm, bound_to, ctx) {
        Ok(key) => (
            Check::passed(CheckId::IssuerKey, Code::IssuerKeyResolved)
                .with("verificationMethod", vm),
            Some(key),
        ),
        Err(err) => {
            let outcome_skip = matches!(
                err.code,
                Code::IssuerDocumentMissing | Code::IssuerDidUnsupported
            );
            let check = if outcome_skip {
                Check::skipped(CheckId::IssuerKey, err.code)
            } else {
                Check::failed(CheckId::IssuerKey, err.code)
            };
            let check = check.with(err.detail.0, err.detail.1);
            // Not the issuer's key: still obtain it (ignoring the binding) to test the signature.
            // Document not available: a key written in the method's fragment (`…#z6Mk…`) is a
            // candidate to test the signature with; the issuer check stays skipped either way.
            let key = match err.code {
                Code::IssuerVmNotIssuer => {
                    let controller = vm.split('#').next().unwrap_or_default();
                    did::resolve_assertion_key(vm, controller, ctx).ok()
                }
                Code::IssuerDocumentMissing => did::fragment_key(vm),
                _ => None,
            };
            (check, key)
        }
    }
}

/// Checks that the proof is of a suite this build verifies.
fn suite(proof: &Map<String, Value>) -> Result<Suite, Check> {
    let ty = proof.get("type").and_then(Value::as_str);
    let cryptosuite = proof.get("cryptosuite").and_then(Value::as_str);
    let unsupported = |name: &str| {
        Check::skipped(CheckId::Proof, Code::ProofUnsupportedSuite).with("suite", name)
    };
    let suite = match (ty, cryptosuite) {
        (Some("DataIntegrityProof"), Some("eddsa-jcs-2022")) => Suite::EddsaJcs2022,
        (Some("DataIntegrityProof"), Some("eddsa-rdfc-2022")) => Suite::EddsaRdfc2022,
        (Some("DataIntegrityProof"), Some("ecdsa-rdfc-2019")) => Suite::EcdsaRdfc2019,
        (Some("DataIntegrityProof"), Some("ecdsa-jcs-2019")) => Suite::EcdsaJcs2019,
        (Some("DataIntegrityProof"), Some(other)) => return Err(unsupported(other)),
        (Some("DataIntegrityProof"), None) => return Err(malformed("cryptosuite", "missing")),
        (Some("Ed25519Signature2020"), _) => Suite::Ed25519Signature2020,
        (Some(other), _) => return Err(unsupported(other)),
        (None, _) => return Err(malformed("type", "missing")),
    };
    if suite.available() {
        Ok(suite)
    } else {
        Err(unsupported(suite.name()))
    }
}

fn verify_proof(
    doc: &Map<String, Value>,
    proof: &Map<String, Value>,
    key: &PublicKey,
    ctx: &Context,
    now: UnixTime,
) -> Check {
    let suite = match suite(proof) {
        Ok(suite) => suite,
        Err(check) => return check,
    };
    match proof.get("proofPurpose").and_then(Value::as_str) {
        Some("assertionMethod") => {}
        Some(other) => {
            return Check::failed(CheckId::Proof, Code::ProofPurposeMismatch)
                .with("proofPurpose", other);
        }
        None => return malformed("proofPurpose", "missing"),
    }
    for field in ["created", "expires"] {
        match proof.get(field) {
            None => {}
            Some(Value::String(s)) if parse_datetime(s).is_some() => {}
            Some(_) => return malformed(field, "not an XML Schema dateTime"),
        }
    }
    if let Some(expires) = proof
        .get("expires")
        .and_then(Value::as_str)
        .and_then(UnixTime::parse)
        && now > expires
    {
        return Check::failed(CheckId::Proof, Code::ProofExpired)
            .with("expires", expires.to_rfc3339());
    }
    let signature = match proof.get("proofValue") {
        Some(Value::String(v)) => match decode_proof_value(v) {
            Ok(sig) => sig,
            Err(why) => return malformed("proofValue", why),
        },
        Some(_) => return malformed("proofValue", "not a string"),
        None => return malformed("proofValue", "missing"),
    };

    // P-384 ECDSA hashes (and canonicalizes) with SHA-384; everything else with SHA-256.
    let sha384 = key.is_p384();
    let hash_data = if suite.is_jcs() {
        let proof_context = proof.get("@context");
        if let Some(proof_context) = proof_context
            && !context_starts_with(doc.get("@context"), proof_context)
        {
            return Check::failed(CheckId::Proof, Code::ProofContextMismatch);
        }
        // proofOptions = proof − proofValue; unsecuredDocument = document − proof, @context from the proof.
        if sha384 {
            hash_views::<Sha384>(proof, doc, proof_context)
        } else {
            hash_views::<Sha256>(proof, doc, proof_context)
        }
    } else {
        match rdfc_hash_data(doc, proof, ctx, sha384) {
            Ok(hash) => hash,
            Err(check) => return check,
        }
    };
    let key_fits = match suite {
        Suite::EddsaJcs2022 | Suite::EddsaRdfc2022 | Suite::Ed25519Signature2020 => {
            matches!(key, PublicKey::Ed25519(_))
        }
        Suite::EcdsaJcs2019 | Suite::EcdsaRdfc2019 => {
            matches!(key.algorithm(), "P-256" | "P-384")
        }
    };
    if !key_fits {
        return Check::failed(CheckId::Proof, Code::ProofKeyTypeMismatch)
            .with("suite", suite.name())
            .with("key", key.algorithm());
    }
    let verified = match key.verify(&hash_data, &signature, RsaScheme::Pkcs1v15) {
        Ok(verified) => verified,
        Err(why) => return malformed("proofValue", why),
    };
    if verified {
        Check::passed(CheckId::Proof, Code::ProofVerified).with("cryptosuite", suite.name())
    } else {
        Check::failed(CheckId::Proof, Code::ProofSignatureMismatch)
    }
}

/// `H(RDFC(proofConfig)) ‖ H(RDFC(document))` (vc-di-eddsa §3.2.4, Ed25519Signature2020,
/// vc-di-ecdsa §3.2.4 where P-384 uses SHA-384 for RDFC and H): proofConfig = proof − proofValue
/// with the document's `@context`; document = credential − proof.
#[cfg(not(feature = "rdfc"))]
fn rdfc_hash_data(
    _: &Map<String, Value>,
    _: &Map<String, Value>,
    _: &Context,
    _: bool,
) -> Result<Vec<u8>, Check> {
    // Unreachable: RDFC suites are not `available()` without the feature.
    Err(Check::skipped(CheckId::Proof, Code::ProofUnsupportedSuite))
}

#[cfg(feature = "rdfc")]
fn rdfc_hash_data(
    doc: &Map<String, Value>,
    proof: &Map<String, Value>,
    ctx: &Context,
    sha384: bool,
) -> Result<Vec<u8>, Check> {
    use crate::rdfc::{ContextStore, RdfcError};
    let store = ContextStore::new(ctx.contexts.clone());
    let fail = |code| Check::failed(CheckId::Proof, code);
    rdfc_hash(proof, doc, &store, sha384, ctx.limits.max_rdfc_calls).map_err(|e| match e {
        RdfcError::UnknownContext(url) => {
            Check::skipped(CheckId::Proof, Code::ContextUnknown).with("url", url)
        }
        RdfcError::InlineContext(path) => fail(Code::JsonldInlineContext).with("path", path),
        RdfcError::UndefinedTerm(path, term) => fail(Code::JsonldUndefinedTerm)
            .with("path", path)
            .with("term", term),
        RdfcError::InvalidJsonLd(reason) | RdfcError::Canonicalization(reason) => {
            fail(Code::JsonldInvalid).with("reason", reason)
        }
        RdfcError::Poisoned(limit) => fail(Code::LimitsRdfcPoison).with("limit", limit.to_string()),
    })
}

/// `H(RDFC(proofConfig)) ‖ H(RDFC(document))` for the RDFC suites, shared by verifiers and signers:
/// proofConfig = `proof` without `proofValue`, with the document's `@context`; document = `doc`
/// without `proof`. H and RDFC's own hash are SHA-384 when `sha384` (P-384 ECDSA), else SHA-256.
#[cfg(feature = "rdfc")]
pub fn rdfc_hash(
    proof: &Map<String, Value>,
    doc: &Map<String, Value>,
    store: &crate::rdfc::ContextStore,
    sha384: bool,
    hndq_call_limit: usize,
) -> Result<Vec<u8>, crate::rdfc::RdfcError> {
    use crate::rdfc::{self, RdfcHash};
    let mut config = proof.clone();
    config.remove("proofValue");
    if let Some(context) = doc.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    let mut unsecured = doc.clone();
    unsecured.remove("proof");
    let hash = if sha384 {
        RdfcHash::Sha384
    } else {
        RdfcHash::Sha256
    };
    let config = rdfc::canonicalize(&Value::Object(config), store, hash, hndq_call_limit)?;
    let document = rdfc::canonicalize(&Value::Object(unsecured), store, hash, hndq_call_limit)?;
    let mut out = Vec::with_capacity(96);
    if sha384 {
        out.extend_from_slice(&Sha384::digest(config.as_bytes()));
        out.extend_from_slice(&Sha384::digest(document.as_bytes()));
    } else {
        out.extend_from_slice(&Sha256::digest(config.as_bytes()));
        out.extend_from_slice(&Sha256::digest(document.as_bytes()));
    }
    Ok(out)
}

/// `SHA-256(JCS(proofOptions)) ‖ SHA-256(JCS(document))`, for signers: `proof_options` is the
/// proof without `proofValue`, `document` the credential without `proof`.
pub fn hash_data(proof_options: &Map<String, Value>, document: &Map<String, Value>) -> [u8; 64] {
    let mut out = [0u8; 64];
    let hash = hash_views::<Sha256>(proof_options, document, None);
    if let Some(bytes) = hash.get(..64) {
        out.copy_from_slice(bytes);
    }
    out
}

/// A hash fed by the canonical serialiser directly, with no intermediate string.
struct HashWriter<D>(D);

impl<D: Digest> core::fmt::Write for HashWriter<D> {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

/// `hashData` over views of the proof and document: neither is copied.
fn hash_views<D: Digest>(
    proof: &Map<String, Value>,
    doc: &Map<String, Value>,
    context: Option<&Value>,
) -> Vec<u8> {
    let mut options = HashWriter(D::new());
    jcs::write_object_view(&mut options, proof, Some("proofValue"), None);
    let mut document = HashWriter(D::new());
    jcs::write_object_view(
        &mut document,
        doc,
        Some("proof"),
        context.map(|c| ("@context", c)),
    );
    let mut out = Vec::with_capacity(96);
    out.extend_from_slice(&options.0.finalize());
    out.extend_from_slice(&document.0.finalize());
    out
}

fn as_list(context: Option<&Value>) -> Vec<&Value> {
    match context {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(other) => alloc::vec![other],
        None => Vec::new(),
    }
}

fn context_starts_with(document: Option<&Value>, prefix: &Value) -> bool {
    let doc = as_list(document);
    let prefix = as_list(Some(prefix));
    prefix.len() <= doc.len() && doc.iter().zip(&prefix).all(|(a, b)| a == b)
}

fn decode_proof_value(value: &str) -> Result<Vec<u8>, &'static str> {
    let encoded = value
        .strip_prefix('z')
        .ok_or("not base58btc multibase (no 'z' prefix)")?;
    if encoded.len() > 200 {
        return Err("too long for a signature");
    }
    bs58::decode(encoded)
        .into_vec()
        .map_err(|_| "invalid base58btc")
}

/// Encodes a signature as a `proofValue` (base58btc multibase).
pub fn encode_proof_value(signature: &[u8]) -> String {
    crate::keys::encode_base58btc(signature)
}

/// The DID documents needed to check the proofs (did:web verification methods).
pub(crate) fn needed_documents(doc: &Map<String, Value>) -> Vec<String> {
    proofs(doc)
        .into_iter()
        .filter_map(|p| p.get("verificationMethod")?.as_str())
        .filter_map(did::document_url_for_vm)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_prefix() {
        let doc: Value = serde_json::json!(["a", "b", "c"]);
        assert!(context_starts_with(
            Some(&doc),
            &serde_json::json!(["a", "b"])
        ));
        assert!(context_starts_with(Some(&doc), &serde_json::json!("a")));
        assert!(!context_starts_with(
            Some(&doc),
            &serde_json::json!(["b", "a"])
        ));
        assert!(!context_starts_with(
            Some(&doc),
            &serde_json::json!(["a", "b", "c", "d"])
        ));
        assert!(!context_starts_with(None, &serde_json::json!(["a"])));
    }

    #[test]
    fn proof_value_decoding() {
        let sig = decode_proof_value(
            "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX",
        );
        assert_eq!(sig.map(|s| s.len()), Ok(64));
        assert_eq!(
            decode_proof_value("u2Hn").err(),
            Some("not base58btc multibase (no 'z' prefix)")
        );
        assert_eq!(decode_proof_value("z0OIl").err(), Some("invalid base58btc"));
        assert_eq!(
            decode_proof_value(&"z".repeat(300)).err(),
            Some("too long for a signature")
        );
    }
}
