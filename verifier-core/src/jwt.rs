//! JWT credentials: a compact JWS (RFC 7515) whose payload is the credential.
//!
//! Two profiles are read:
//! - **VC-JOSE** (W3C "Securing Verifiable Credentials using JOSE and COSE", `typ: vc+jwt`): the
//!   payload *is* the credential; `iss`, `nbf`, `exp`, `jti`, `sub` are optional and, when present,
//!   must agree with it.
//! - **VC 1.1 JWT / Open Badges 3.0 JWT** (VC Data Model 1.1 §6.3.1, OB 3.0 §8.2): the credential is
//!   the `vc` claim, or the payload itself with the claims beside it; `iss` ↔ `issuer.id`,
//!   `jti` ↔ `id`, `nbf` ↔ `validFrom`/`issuanceDate`, `exp` ↔ `validUntil`/`expirationDate`,
//!   `sub` ↔ `credentialSubject.id`. A claim fills a missing field and must equal a present one.
//!
//! Header rules: `alg` is one of EdDSA (Ed25519), ES256, ES384, RS256, PS256 and must match the
//! key; `none` and HMAC (`HS*`) are refused outright (a verifier must never let the token choose
//! a keyless or shared-secret check); `crit` is refused (no extension is understood); `typ`, when
//! present, is one of `JWT`, `vc+jwt`, `vc+ld+jwt`. The key comes from `kid` (a DID URL, or `#…`
//! relative to the issuer) resolved like a Data Integrity verification method; a `jwk` header alone
//! is only a candidate (nothing shows it is the issuer's), and `x5c` needs certificate validation.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};

use crate::context::Context;
use crate::credential::JsonCredential;
use crate::keys::{PublicKey, RsaScheme};
use crate::report::{Check, CheckId, Code, Format};
use crate::time::UnixTime;

/// A parsed JWT credential: the header, the credential (claims folded in) and what was signed.
#[derive(Debug)]
pub(crate) struct JwtCredential {
    pub(crate) header: Map<String, Value>,
    pub(crate) credential: JsonCredential,
    signing_input: Vec<u8>,
    signature: Vec<u8>,
    /// Claims that disagree with the credential (claim, credential field).
    mismatches: Vec<(&'static str, &'static str)>,
}

/// The signature algorithms read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alg {
    EdDsa,
    Es256,
    Es384,
    Rs256,
    Ps256,
}

impl Alg {
    /// The key algorithm (as [`PublicKey::algorithm`] names it) the signature needs.
    const fn key_algorithm(self) -> &'static str {
        match self {
            Self::EdDsa => "Ed25519",
            Self::Es256 => "P-256",
            Self::Es384 => "P-384",
            Self::Rs256 | Self::Ps256 => "RSA",
        }
    }
    const fn name(self) -> &'static str {
        match self {
            Self::EdDsa => "EdDSA",
            Self::Es256 => "ES256",
            Self::Es384 => "ES384",
            Self::Rs256 => "RS256",
            Self::Ps256 => "PS256",
        }
    }
}

fn b64(part: &[u8]) -> Option<Vec<u8>> {
    Base64UrlUnpadded::decode_vec(core::str::from_utf8(part).ok()?).ok()
}

/// Parses a compact JWS credential; the error is the input check to report.
pub(crate) fn parse(input: &[u8]) -> Result<JwtCredential, Check> {
    let bad =
        |reason: &str| Check::failed(CheckId::Input, Code::JwtMalformed).with("reason", reason);
    let mut parts = input.split(|b| *b == b'.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("a compact JWS has three parts"));
    };
    let header = b64(h).ok_or_else(|| bad("the header is not base64url"))?;
    let Ok(Value::Object(header)) = serde_json::from_slice::<Value>(&header) else {
        return Err(bad("the header is not a JSON object"));
    };
    let payload = b64(p).ok_or_else(|| bad("the payload is not base64url"))?;
    let Ok(Value::Object(claims)) = serde_json::from_slice::<Value>(&payload) else {
        return Err(bad("the payload is not a JSON object"));
    };
    let signature = b64(s).ok_or_else(|| bad("the signature is not base64url"))?;
    let signing_input = input
        .get(..h.len() + 1 + p.len())
        .unwrap_or_default()
        .to_vec();
    let (doc, mismatches) = fold_claims(claims);
    let mut credential = JsonCredential::recognise(doc).map_err(|why| {
        Check::failed(CheckId::Input, Code::InputUnrecognised).with("reason", why)
    })?;
    credential.format = match credential.format {
        Format::VcJson11 | Format::VcJwt11 => Format::VcJwt11,
        _ => Format::VcJwt2,
    };
    Ok(JwtCredential {
        header,
        credential,
        signing_input,
        signature,
        mismatches,
    })
}

/// The seconds-since-epoch claim `name` as an RFC 3339 date-time.
fn time_claim(claims: &Map<String, Value>, name: &str) -> Option<String> {
    claims
        .get(name)?
        .as_i64()
        .filter(|t| (0..=253_402_300_799).contains(t))
        .map(|t| UnixTime(t).to_rfc3339())
}

/// The credential with the registered claims folded in, and the claims that disagree with it.
fn fold_claims(
    mut claims: Map<String, Value>,
) -> (Map<String, Value>, Vec<(&'static str, &'static str)>) {
    let mut doc = match claims.remove("vc") {
        Some(Value::Object(vc)) => vc,
        Some(other) => {
            claims.insert("vc".into(), other);
            claims.clone()
        }
        None => claims.clone(),
    };
    let v1 = doc
        .get("@context")
        .and_then(|c| c.get(0).or(Some(c)))
        .and_then(Value::as_str)
        == Some(crate::credential::VC_V1_CONTEXT);
    let (start, end) = if v1 {
        ("issuanceDate", "expirationDate")
    } else {
        ("validFrom", "validUntil")
    };
    let mut mismatches = Vec::new();
    let string = |v: &Value| v.as_str().map(ToString::to_string);
    let mut fold = |claim: &'static str,
                    field: &'static str,
                    value: Option<String>,
                    doc: &mut Map<String, Value>| {
        let Some(value) = value else { return };
        let target = if field == "credentialSubject.id" {
            match doc.get_mut("credentialSubject") {
                Some(Value::Object(subject)) => subject,
                _ => return,
            }
        } else {
            &mut *doc
        };
        let key = field.rsplit('.').next().unwrap_or(field);
        match target.get(key) {
            None => {
                target.insert(key.into(), Value::String(value));
            }
            Some(existing) => {
                let same = match claim {
                    // Times: compare instants, not spellings (fractions, offsets).
                    "nbf" | "exp" => existing
                        .as_str()
                        .and_then(UnixTime::parse)
                        .zip(UnixTime::parse(&value))
                        .is_some_and(|(a, b)| a == b),
                    "iss" => {
                        let id = match existing {
                            Value::Object(o) => o.get("id").and_then(Value::as_str),
                            other => other.as_str(),
                        };
                        id == Some(value.as_str())
                    }
                    _ => existing.as_str() == Some(value.as_str()),
                };
                if !same {
                    mismatches.push((claim, field));
                }
            }
        }
    };
    fold(
        "iss",
        "issuer",
        claims.get("iss").and_then(string),
        &mut doc,
    );
    fold("jti", "id", claims.get("jti").and_then(string), &mut doc);
    fold("nbf", start, time_claim(&claims, "nbf"), &mut doc);
    fold("exp", end, time_claim(&claims, "exp"), &mut doc);
    fold(
        "sub",
        "credentialSubject.id",
        claims.get("sub").and_then(string),
        &mut doc,
    );
    (doc, mismatches)
}

/// Checks the header, resolves the key and verifies the signature; pushes an issuer-key and a
/// proof check (and a failed check per disagreeing claim).
pub(crate) fn check(jwt: &JwtCredential, ctx: &Context, now: UnixTime, checks: &mut Vec<Check>) {
    for (claim, field) in &jwt.mismatches {
        checks.push(
            Check::failed(CheckId::Structure, Code::JwtClaimMismatch)
                .with("claim", *claim)
                .with("path", *field),
        );
    }
    let header = &jwt.header;
    let alg = match header.get("alg").and_then(Value::as_str) {
        Some("EdDSA" | "Ed25519") => Ok(Alg::EdDsa),
        Some("ES256") => Ok(Alg::Es256),
        Some("ES384") => Ok(Alg::Es384),
        Some("RS256") => Ok(Alg::Rs256),
        Some("PS256") => Ok(Alg::Ps256),
        Some(a) if a.eq_ignore_ascii_case("none") || a.starts_with("HS") => {
            Err(Check::failed(CheckId::Proof, Code::JwtAlgForbidden).with("alg", a))
        }
        Some(a) => {
            Err(Check::skipped(CheckId::Proof, Code::ProofUnsupportedSuite).with("suite", a))
        }
        None => Err(Check::failed(CheckId::Proof, Code::JwtHeaderInvalid).with("reason", "no alg")),
    };
    let header_problem = if let Some(crit) = header.get("crit") {
        Some(
            Check::failed(CheckId::Proof, Code::JwtHeaderInvalid)
                .with("reason", format!("crit {crit} is not understood")),
        )
    } else {
        match header.get("typ").map(|t| t.as_str()) {
            None
            | Some(Some(
                "JWT" | "vc+jwt" | "vc+ld+jwt" | "application/vc+jwt" | "application/vc+ld+jwt",
            )) => None,
            Some(_) => Some(
                Check::failed(CheckId::Proof, Code::JwtHeaderInvalid)
                    .with("reason", "unexpected typ"),
            ),
        }
    };
    let issuer = jwt.credential.issuer_id();
    let (key_check, key) = resolve(header, issuer, ctx, signing_time(jwt, now));
    let proof_check = match (alg, header_problem, key) {
        (Err(check), _, _) | (_, Some(check), _) => check,
        (Ok(_), None, None) => Check::skipped(CheckId::Proof, Code::ProofNoKey),
        (Ok(alg), None, Some(key)) => {
            let check = verify_signature(alg, &key, &jwt.signing_input, &jwt.signature);
            if key_check.outcome == crate::report::Outcome::Passed {
                check
            } else {
                check.with("key", "unconfirmed")
            }
        }
    };
    checks.push(key_check);
    checks.push(proof_check);
}

/// The verification method `kid` names (`#…` is relative to the issuer).
fn kid_vm(header: &Map<String, Value>, issuer: Option<&str>) -> Option<String> {
    let kid = header.get("kid")?.as_str()?;
    Some(match kid.strip_prefix('#') {
        Some(_) => format!("{}{kid}", issuer.unwrap_or_default()),
        None => kid.to_string(),
    })
}

/// The documents needed to resolve the signing key (for [`crate::needs`]).
pub(crate) fn needed_documents(jwt: &JwtCredential) -> Vec<String> {
    kid_vm(&jwt.header, jwt.credential.issuer_id())
        .and_then(|vm| crate::did::document_url_for_vm(&vm))
        .into_iter()
        .collect()
}

/// When the credential was signed, as far as it says (its validFrom / issuanceDate, never later
/// than `now`): an `x5c` chain is validated at that instant, so a diploma sealed with a
/// certificate that has since expired still verifies, and one sealed after it expired does not.
#[cfg_attr(not(feature = "x509"), allow(dead_code))]
fn signing_time(jwt: &JwtCredential, now: UnixTime) -> UnixTime {
    jwt.credential
        .doc
        .get(jwt.credential.start_field())
        .and_then(Value::as_str)
        .and_then(UnixTime::parse)
        .map_or(now, |t| t.min(now))
}

/// The issuer-key check and the key to test the signature with.
#[cfg_attr(not(feature = "x509"), allow(unused_variables))]
fn resolve(
    header: &Map<String, Value>,
    issuer: Option<&str>,
    ctx: &Context,
    signed_at: UnixTime,
) -> (Check, Option<PublicKey>) {
    #[cfg(feature = "x509")]
    if let Some(x5c) = header.get("x5c") {
        return x5c_key(x5c, issuer, ctx, signed_at);
    }
    let embedded = match header.get("jwk") {
        Some(Value::Object(jwk)) => Some(crate::keys::from_jwk(jwk)),
        Some(_) => Some(Err("jwk is not an object")),
        None => None,
    };
    if let Some(Err(why)) = &embedded {
        return (
            Check::failed(CheckId::IssuerKey, Code::IssuerKeyInvalid).with("reason", *why),
            None,
        );
    }
    let embedded = embedded.and_then(Result::ok);
    // `#key-1` is relative to the issuer (OB 3.0 examples); a bare DID names its only key.
    if let Some(vm) = kid_vm(header, issuer) {
        let (check, key) = crate::proof::resolve_key(&vm, issuer, ctx);
        if let (Some(resolved), Some(embedded)) = (&key, &embedded)
            && resolved != embedded
        {
            return (
                Check::failed(CheckId::IssuerKey, Code::IssuerKeyInvalid)
                    .with("reason", "the jwk header is not the key kid names"),
                None,
            );
        }
        return (check, key.or(embedded));
    }
    if header.contains_key("x5c") {
        return (
            Check::skipped(CheckId::IssuerKey, Code::IssuerX5cUnverified).with(
                "reason",
                "certificate chains are not validated by this version",
            ),
            embedded,
        );
    }
    match embedded {
        Some(key) => (
            Check::skipped(CheckId::IssuerKey, Code::IssuerKeyEmbedded),
            Some(key),
        ),
        None => (
            Check::failed(CheckId::IssuerKey, Code::JwtHeaderInvalid)
                .with("reason", "neither kid nor jwk"),
            None,
        ),
    }
}

/// The signing key from an `x5c` header (RFC 7515 §4.1.6: base64 DER certificates, the signing
/// one first), once the chain validates for credential signing against the context's X.509
/// trust anchors at `at`. A leaf naming URIs must name the credential's issuer among them.
#[cfg(feature = "x509")]
fn x5c_key(
    x5c: &Value,
    issuer: Option<&str>,
    ctx: &Context,
    at: UnixTime,
) -> (Check, Option<PublicKey>) {
    use crate::x509::{self, ChainOptions, Purpose};
    let invalid = |reason: &str| {
        (
            Check::failed(CheckId::IssuerKey, Code::IssuerKeyInvalid).with("reason", reason),
            None,
        )
    };
    let Some(items) = x5c.as_array().filter(|a| !a.is_empty()) else {
        return invalid("x5c is not a non-empty array");
    };
    if items.len() > ctx.limits.max_certificates {
        return (
            Check::failed(CheckId::IssuerKey, Code::LimitsCertificates)
                .with("limit", ctx.limits.max_certificates.to_string()),
            None,
        );
    }
    let mut certs = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let der = item
            .as_str()
            .and_then(|b64| base64ct::Base64::decode_vec(b64).ok());
        match der.map(|d| x509::Certificate::from_der(&d)) {
            Some(Ok(cert)) => certs.push(cert),
            Some(Err(why)) => {
                return (
                    Check::failed(CheckId::IssuerKey, Code::X509Malformed)
                        .with("index", i.to_string())
                        .with("reason", why),
                    None,
                );
            }
            None => return invalid("an x5c entry is not base64 DER"),
        }
    }
    let Some(leaf) = certs.first() else {
        return invalid("x5c is empty");
    };
    let key = leaf.public_key();
    let mut anchors = Vec::new();
    for bundle in &ctx.x509_anchors {
        anchors.extend(x509::parse_certificates(bundle, &ctx.limits).unwrap_or_default());
    }
    if anchors.is_empty() {
        return (
            Check::skipped(CheckId::IssuerKey, Code::IssuerX5cUnverified)
                .with("reason", "no X.509 trust anchors are configured")
                .with("subject", leaf.info.subject.clone()),
            key,
        );
    }
    let mut options = ChainOptions::new(Purpose::Credential);
    options.lifetime_policy = false;
    // The leaf must come first: the chain is validated from it, not from a guess.
    let report = x509::verify_certificates(&certs, &anchors, &options, &ctx.limits, at);
    if report.path.first().map(|p| &p.fingerprint_sha256) != Some(&leaf.info.fingerprint_sha256) {
        return invalid("the first x5c certificate is not the end-entity certificate");
    }
    if let Some(failure) = report
        .checks
        .iter()
        .find(|c| c.outcome != crate::report::Outcome::Passed && c.code.skip_blocks_verdict())
    {
        // A certificate outside its validity when the credential was sealed makes the seal
        // invalid, not the credential "expired".
        let code = match failure.code {
            Code::X509Expired | Code::X509NotYetValid => Code::IssuerKeyInvalid,
            code => code,
        };
        let mut check = Check::new(CheckId::IssuerKey, failure.outcome, code)
            .with("x509", failure.code.as_str())
            .with("at", at.to_rfc3339());
        check.data.extend(failure.data.iter().cloned());
        return (check, None);
    }
    let uris: Vec<&str> = leaf
        .info
        .san
        .iter()
        .filter_map(|n| n.strip_prefix("URI:"))
        .collect();
    if !uris.is_empty() && !issuer.is_some_and(|i| uris.contains(&i)) {
        return (
            Check::failed(CheckId::IssuerKey, Code::IssuerVmNotIssuer)
                .with(
                    "reason",
                    "the x5c certificate names other URIs than the issuer",
                )
                .with("subject", leaf.info.subject.clone()),
            None,
        );
    }
    let anchor = report
        .path
        .last()
        .map(|a| a.subject.clone())
        .unwrap_or_default();
    (
        Check::passed(CheckId::IssuerKey, Code::IssuerKeyResolved)
            .with("x5c", leaf.info.subject.clone())
            .with("anchor", anchor)
            .with("at", at.to_rfc3339()),
        key,
    )
}

fn verify_signature(alg: Alg, key: &PublicKey, input: &[u8], signature: &[u8]) -> Check {
    let malformed = |reason: &str| {
        Check::failed(CheckId::Proof, Code::ProofMalformed)
            .with("field", "signature")
            .with("reason", reason)
    };
    if key.algorithm() != alg.key_algorithm() {
        return Check::failed(CheckId::Proof, Code::ProofKeyTypeMismatch)
            .with("suite", alg.name())
            .with("key", key.algorithm());
    }
    let scheme = if alg == Alg::Ps256 {
        RsaScheme::Pss
    } else {
        RsaScheme::Pkcs1v15
    };
    let verified = match key.verify(input, signature, scheme) {
        Ok(verified) => verified,
        Err(why) => return malformed(why),
    };
    if verified {
        Check::passed(CheckId::Proof, Code::ProofVerified)
            .with("cryptosuite", format!("jose {}", alg.name()))
    } else {
        Check::failed(CheckId::Proof, Code::ProofSignatureMismatch)
    }
}
