//! Issuer keys: `did:key` (Ed25519 Multikey) and `did:web` (from a DID document the shell fetched).
//!
//! - did:key — <https://w3c-ccg.github.io/did-method-key/>: `did:key:z` + base58btc(0xed 0x01 ‖ key).
//! - did:web — <https://w3c-ccg.github.io/did-method-web/> §Read: `:` → `/`, `%3A` → `:`,
//!   `https://` prefix, `/.well-known` when there is no path, then `/did.json`.
//! - Verification relationships — DID Core §5.3: the method must be listed under `assertionMethod`.

use alloc::format;
use alloc::string::{String, ToString};
use ed25519_dalek::VerifyingKey;

use crate::keys::{PublicKey, decode_multikey};
use serde_json::Value;

use crate::context::Context;
use crate::report::Code;

/// Multicodec prefix of an Ed25519 public key (varint of 0xed).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];

/// A failure to obtain the issuer's key, with its code and one detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct KeyError {
    pub(crate) code: Code,
    pub(crate) detail: (&'static str, String),
}

impl KeyError {
    fn new(code: Code, key: &'static str, value: impl Into<String>) -> Self {
        Self {
            code,
            detail: (key, value.into()),
        }
    }
}

/// Decodes a `z…` base58btc multibase Ed25519 Multikey (`z6Mk…`) into a checked verifying key.
pub fn decode_ed25519_multikey(multibase: &str) -> Result<VerifyingKey, &'static str> {
    match decode_multikey(multibase)? {
        PublicKey::Ed25519(key) => Ok(key),
        #[cfg(feature = "ecdsa")]
        _ => Err("not an Ed25519 multikey (header is not 0xed01)"),
    }
}

/// Encodes an Ed25519 public key as a Multikey string (`z6Mk…`).
pub fn encode_ed25519_multikey(key: &[u8; 32]) -> String {
    let mut bytes = [0u8; 34];
    let (head, tail) = bytes.split_at_mut(2);
    head.copy_from_slice(&ED25519_PUB);
    tail.copy_from_slice(key);
    crate::keys::encode_base58btc(&bytes)
}

/// The URL where a `did:web` DID document lives, or `None` if `did` is not a valid did:web.
pub fn did_web_url(did: &str) -> Option<String> {
    let msi = did.strip_prefix("did:web:")?;
    if msi.is_empty() || msi.contains(['/', '?', '#']) {
        return None;
    }
    let mut parts = msi.split(':');
    let host = parts.next()?.replace("%3A", ":").replace("%3a", ":");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !host.starts_with(['.', '-', ':']);
    if !host_ok {
        return None;
    }
    let mut url = format!("https://{host}");
    let mut has_path = false;
    for segment in parts {
        if segment.is_empty() || segment == "." || segment == ".." {
            return None;
        }
        url.push('/');
        url.push_str(segment);
        has_path = true;
    }
    if !has_path {
        url.push_str("/.well-known");
    }
    url.push_str("/did.json");
    Some(url)
}

/// Resolves `vm` (a DID URL) to the issuer's Ed25519 key, checking that it belongs to `issuer`
/// and is allowed for `assertionMethod`.
pub(crate) fn resolve_assertion_key(
    vm: &str,
    issuer: &str,
    ctx: &Context,
) -> Result<PublicKey, KeyError> {
    // A fragment-less did:key (seen in the wild) names the DID's one key.
    let (controller, fragment) = vm.split_once('#').unwrap_or((vm, ""));
    if controller != issuer {
        return Err(KeyError::new(
            Code::IssuerVmNotIssuer,
            "verificationMethod",
            vm,
        ));
    }
    if let Some(msi) = controller.strip_prefix("did:key:") {
        // A did:key document has exactly one verification method, `#<msi>`, in every relationship.
        if !fragment.is_empty() && fragment != msi {
            return Err(KeyError::new(
                Code::IssuerVmNotFound,
                "verificationMethod",
                vm,
            ));
        }
        return decode_multikey(msi)
            .map_err(|why| KeyError::new(Code::IssuerKeyInvalid, "reason", why));
    }
    if fragment.is_empty() {
        return Err(KeyError::new(
            Code::IssuerDidInvalid,
            "verificationMethod",
            vm,
        ));
    }
    if let Some(encoded) = controller.strip_prefix("did:jwk:") {
        return resolve_did_jwk(encoded, fragment);
    }
    if controller.starts_with("did:web:") {
        let url = did_web_url(controller)
            .ok_or_else(|| KeyError::new(Code::IssuerDidInvalid, "did", controller))?;
        return resolve_in_document(controller, &url, vm, ctx);
    }
    if controller.starts_with("did:") {
        let method = controller.split(':').nth(1).unwrap_or_default();
        return Err(KeyError::new(Code::IssuerDidUnsupported, "method", method));
    }
    if controller.starts_with("https://") {
        // An issuer identified by an https URL publishes its keys in a controller document at that
        // URL (W3C Controlled Identifiers §2; Open Badges 3.0 issuer profiles).
        return resolve_in_document(controller, controller, vm, ctx);
    }
    Err(KeyError::new(
        Code::IssuerDidInvalid,
        "verificationMethod",
        vm,
    ))
}

/// did:jwk (did-jwk specification, 2023): the method-specific id is base64url(UTF-8 JSON JWK); the
/// document has one verification method, `#0`, in every relationship unless the JWK says
/// `"use": "enc"` (then it is for key agreement only, never for assertions).
fn resolve_did_jwk(encoded: &str, fragment: &str) -> Result<PublicKey, KeyError> {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let invalid = |why: &'static str| KeyError::new(Code::IssuerDidInvalid, "reason", why);
    if fragment != "0" {
        return Err(KeyError::new(Code::IssuerVmNotFound, "fragment", fragment));
    }
    if encoded.len() > 1024 {
        return Err(invalid("did:jwk too long"));
    }
    let json =
        Base64UrlUnpadded::decode_vec(encoded).map_err(|_| invalid("did:jwk is not base64url"))?;
    let Ok(Value::Object(jwk)) = serde_json::from_slice::<Value>(&json) else {
        return Err(invalid("did:jwk does not hold a JSON JWK"));
    };
    if jwk.get("use").and_then(Value::as_str) == Some("enc") {
        return Err(KeyError::new(Code::IssuerVmNotAssertion, "use", "enc"));
    }
    crate::keys::from_jwk(&jwk).map_err(|why| KeyError::new(Code::IssuerKeyInvalid, "reason", why))
}

/// The key a verification method URL carries in its fragment (`…#z6Mk…`), as some issuers write
/// it. Only a *candidate*: it is not the issuer's until the issuer's own document lists it.
pub(crate) fn fragment_key(vm: &str) -> Option<PublicKey> {
    let (_, fragment) = vm.split_once('#')?;
    decode_multikey(fragment).ok()
}

/// The documents (by URL) needed to resolve `verification_method`.
pub(crate) fn document_url_for_vm(verification_method: &str) -> Option<String> {
    let controller = verification_method.split('#').next()?;
    if controller.starts_with("https://") {
        return Some(controller.to_string());
    }
    did_web_url(controller)
}

/// Finds `vm` in the controller's document (a did:web DID document, or the document at an https
/// issuer URL): listed by the controller, under `assertionMethod`, with an Ed25519 Multikey.
fn resolve_in_document(
    did: &str,
    url: &str,
    vm: &str,
    ctx: &Context,
) -> Result<PublicKey, KeyError> {
    let bytes = ctx
        .document(url)
        .ok_or_else(|| KeyError::new(Code::IssuerDocumentMissing, "url", url))?;
    let invalid = |why: &str| KeyError::new(Code::IssuerDocumentInvalid, "reason", why);
    if bytes.len() > ctx.limits.max_document_bytes {
        return Err(invalid("document larger than the size limit"));
    }
    let doc: Value = serde_json::from_slice(bytes).map_err(|_| invalid("not JSON"))?;
    if doc.get("id").and_then(Value::as_str) != Some(did) {
        return Err(invalid("document id is not the issuer"));
    }
    let absolute = |id: &str| {
        if id.starts_with('#') {
            format!("{did}{id}")
        } else {
            id.to_string()
        }
    };
    let refers_to_vm = |entry: &Value| match entry {
        Value::String(s) => absolute(s) == vm,
        Value::Object(o) => o
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(|id| absolute(id) == vm),
        _ => false,
    };
    let assertion = doc.get("assertionMethod").and_then(Value::as_array);
    let method = doc
        .get("verificationMethod")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(assertion.into_iter().flatten().filter(|e| e.is_object()))
        .find(|m| refers_to_vm(m))
        .ok_or_else(|| KeyError::new(Code::IssuerVmNotFound, "verificationMethod", vm))?;
    if !assertion.is_some_and(|a| a.iter().any(refers_to_vm)) {
        return Err(KeyError::new(
            Code::IssuerVmNotAssertion,
            "verificationMethod",
            vm,
        ));
    }
    if method.get("controller").and_then(Value::as_str) != Some(did) {
        return Err(invalid("verification method controller is not the DID"));
    }
    let ty = method.get("type").and_then(Value::as_str);
    if !matches!(ty, Some("Multikey" | "Ed25519VerificationKey2020")) {
        return Err(KeyError::new(
            Code::IssuerKeyInvalid,
            "type",
            ty.unwrap_or("(none)"),
        ));
    }
    let multibase = method
        .get("publicKeyMultibase")
        .and_then(Value::as_str)
        .ok_or_else(|| KeyError::new(Code::IssuerKeyInvalid, "reason", "no publicKeyMultibase"))?;
    let key = decode_multikey(multibase)
        .map_err(|why| KeyError::new(Code::IssuerKeyInvalid, "reason", why))?;
    // Ed25519VerificationKey2020 is, by its name, only ever an Ed25519 key.
    if ty == Some("Ed25519VerificationKey2020") && !matches!(key, PublicKey::Ed25519(_)) {
        return Err(KeyError::new(
            Code::IssuerKeyInvalid,
            "type",
            "Ed25519VerificationKey2020 with a non-Ed25519 key",
        ));
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_web_urls() {
        assert_eq!(
            did_web_url("did:web:w3c-ccg.github.io").as_deref(),
            Some("https://w3c-ccg.github.io/.well-known/did.json")
        );
        assert_eq!(
            did_web_url("did:web:w3c-ccg.github.io:user:alice").as_deref(),
            Some("https://w3c-ccg.github.io/user/alice/did.json")
        );
        assert_eq!(
            did_web_url("did:web:example.com%3A3000:user:alice").as_deref(),
            Some("https://example.com:3000/user/alice/did.json")
        );
        for bad in [
            "did:web:",
            "did:web:a/b",
            "did:web:example.com:..:x",
            "did:web:.evil",
            "did:key:z6Mk",
            "did:web:ex ample.com",
        ] {
            assert_eq!(did_web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn multikey_round_trip_and_rejections() {
        let vector = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
        let key = decode_ed25519_multikey(vector).expect("W3C vector key");
        assert_eq!(encode_ed25519_multikey(key.as_bytes()), vector);
        // The identity point (small order) is rejected.
        let mut weak = [0u8; 32];
        weak[0] = 1;
        assert_eq!(
            decode_ed25519_multikey(&encode_ed25519_multikey(&weak)),
            Err("weak (small-order) Ed25519 key")
        );
        assert!(decode_ed25519_multikey("u7QE").is_err());
        assert!(decode_ed25519_multikey("z").is_err());
        assert!(
            decode_ed25519_multikey("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169").is_err()
        ); // P-256
    }
}
