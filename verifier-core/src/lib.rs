//! # verifier-core
//!
//! A sans-IO verifier for W3C Verifiable Credentials and Open Badges 3.0.
//!
//! Bytes, a [`Context`] (trust list, policy, limits, documents the shell already fetched) and
//! `now` go in; a [`Report`] comes out. The core never reads a clock, the network, files or
//! randomness, and never panics on input. [`needs`] tells a shell which external documents an
//! input refers to (DID documents, …) so it can fetch them its own way before calling [`verify`].
//!
//! | feature | what it adds |
//! |---|---|
//! | `std` (default) | `std::error::Error` conveniences; the logic is identical without it |
//! | `messages` | an English message for each [`Code`], for shells |
//! | `ecdsa` | ecdsa-rdfc-2019 / ecdsa-jcs-2019 with P-256 and P-384 keys (RustCrypto, no_std) |
//! | `rdfc` | eddsa-rdfc-2022 and Ed25519Signature2020 (JSON-LD, RDFC-1.0, embedded contexts; needs std) |
//! | `x509` | X.509 chains: parsing, path validation, CA/B Forum lifetime limits, x5c JWT issuers (needs std) |
//! | `wasm` | the JavaScript API (`verify`, `needs`), built with wasm-bindgen |
//!
//! Without default features the crate is `#![no_std]` + `alloc`.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs, clippy::indexing_slicing, clippy::as_conversions)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::as_conversions
    )
)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

pub mod anchor;
pub mod baked;
pub mod bitcoin;
pub mod blockcerts;
pub mod cbor;
pub mod context;
pub mod credential;
pub mod did;
pub mod gzip;
pub mod jcs;
pub mod json;
mod jwt;
pub mod keys;
#[cfg(feature = "messages")]
pub mod messages;
pub mod pathway;
pub mod proof;
#[cfg(feature = "rdfc")]
pub mod rdfc;
pub mod report;
pub mod status;
pub mod time;
pub mod trust;
#[cfg(feature = "wasm")]
pub mod wasm;
#[cfg(feature = "x509")]
pub mod x509;

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::Value;

pub use context::{Checkpoint, Context, Limits, Policy, TrustedIssuer, TrustedKey};
pub use report::{Check, CheckId, Code, Format, Link, Outcome, Report, Summary, Verdict};

pub use time::UnixTime;

use credential::JsonCredential;

/// An external document an input refers to, for the shell to fetch and put in [`Context::documents`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need {
    /// What it is.
    pub kind: NeedKind,
    /// Where to fetch it.
    pub url: String,
}

/// Kinds of external documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NeedKind {
    /// A DID document (`did:web`).
    DidDocument,
    /// The document at an https issuer URL that lists the issuer's keys.
    ControllerDocument,
    /// A status list credential (revocation, suspension).
    StatusList,
    /// A block explorer's answer about an anchoring transaction (Esplora `GET /tx/:txid`).
    AnchorTransaction,
}

impl NeedKind {
    /// Stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::DidDocument => "did-document",
            Self::ControllerDocument => "controller-document",
            Self::StatusList => "status-list",
            Self::AnchorTransaction => "anchor-transaction",
        }
    }
}

enum Parsed {
    Credential(JsonCredential),
    Jwt(jwt::JwtCredential),
}

impl Parsed {
    fn credential(&self) -> &JsonCredential {
        match self {
            Self::Credential(c) => c,
            Self::Jwt(j) => &j.credential,
        }
    }
}

/// Step 1: size, format detection and parsing; a baked badge (PNG, SVG) is opened first.
fn parse_input(input: &[u8], limits: &Limits) -> Result<(Parsed, Option<baked::Container>), Check> {
    let fail = |code| Check::failed(CheckId::Input, code);
    if input.len() > limits.max_input_bytes {
        return Err(fail(Code::LimitsInputSize)
            .with("size", input.len().to_string())
            .with("limit", limits.max_input_bytes.to_string()));
    }
    let image = if baked::is_png(input) {
        Some(baked::extract_png(input, limits.max_input_bytes))
    } else if input.trim_ascii_start().first() == Some(&b'<') && baked::is_svg(input) {
        Some(baked::extract_svg(input))
    } else {
        None
    };
    let within = |parsed: Parsed| {
        let doc = &parsed.credential().doc;
        if json::exceeds_values(doc.values(), doc.len(), limits.max_json_values) {
            Err(fail(Code::LimitsJsonValues).with("limit", limits.max_json_values.to_string()))
        } else {
            Ok(parsed)
        }
    };
    let Some(image) = image else {
        return parse_document(input).and_then(within).map(|p| (p, None));
    };
    let found = image.map_err(|e| match e {
        baked::BakeError::NotBaked => fail(Code::InputBakedNone),
        baked::BakeError::Malformed(reason) => fail(Code::InputBakedInvalid).with("reason", reason),
    })?;
    if found.generation == baked::Generation::Ob2 {
        return Err(
            Check::skipped(CheckId::Input, Code::InputFormatUnsupported).with("format", "ob2")
        );
    }
    parse_document(&found.payload)
        .and_then(within)
        .map(|p| (p, Some(found.container)))
}

/// Parses a credential document (JSON; a JWS is recognised).
fn parse_document(input: &[u8]) -> Result<Parsed, Check> {
    let fail = |code| Check::failed(CheckId::Input, code);
    let trimmed = input
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(input)
        .trim_ascii();
    let Some(&first) = trimmed.first() else {
        return Err(fail(Code::InputEmpty));
    };
    if first == b'<' {
        return Err(fail(Code::InputUnrecognised));
    }
    if looks_like_jws(trimmed) {
        return jwt::parse(trimmed).map(Parsed::Jwt);
    }
    if first != b'{' {
        return Err(fail(Code::InputUnrecognised));
    }
    let value: Value = serde_json::from_slice(trimmed).map_err(|e| {
        // serde_json stops at 128 levels of nesting; report that as the limit it is.
        if alloc::format!("{e}").contains("recursion limit") {
            fail(Code::LimitsJsonDepth).with("limit", "128")
        } else {
            fail(Code::InputJsonInvalid)
                .with("line", e.line().to_string())
                .with("column", e.column().to_string())
        }
    })?;
    let Value::Object(doc) = value else {
        return Err(fail(Code::InputUnrecognised));
    };
    JsonCredential::recognise(doc)
        .map(Parsed::Credential)
        .map_err(|why| fail(Code::InputUnrecognised).with("reason", why))
}

fn looks_like_jws(s: &[u8]) -> bool {
    let b64url = |c: &u8| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_';
    s.starts_with(b"eyJ")
        && s.iter().filter(|c| **c == b'.').count() == 2
        && s.iter().all(|c| b64url(c) || *c == b'.')
}

/// Verifies one input.
///
/// Steps, in this order (each adds one or more [`Check`]s to the report):
/// 1. **input** — size limit, format detection, parsing;
/// 2. **structure** — required fields of the data model (VC 2.0 / 1.1, Open Badges 3.0);
/// 3. **issuer** — the proof's verification method resolves to a key of the issuer, allowed for assertions;
/// 4. **proof** — cryptosuite, purpose, and the signature over the canonical form;
/// 5. **validity** — `validFrom`/`validUntil` (1.1: `issuanceDate`/`expirationDate`) at `now`;
/// 6. **status** — revocation and suspension;
/// 7. **trust** — whether the issuer is on the caller's trust list;
/// 8. **contents** — for a bundle (CLR 2.0 `ClrCredential`), each credential it carries, verified
///    in full by these same steps; their reports are in [`Report::credentials`].
///
/// A step that cannot run is reported as skipped with the reason; it never counts as passed.
pub fn verify(input: &[u8], ctx: &Context, now: UnixTime) -> Report {
    verify_full(input, ctx, now, 0).into_report()
}

/// A verified input with the parsed credential, for the modules that read more of it (pathways).
pub(crate) struct Verified {
    pub(crate) report: Report,
    pub(crate) doc: Option<serde_json::Map<String, Value>>,
    pub(crate) nested: Vec<Verified>,
}

impl Verified {
    fn into_report(self) -> Report {
        let mut report = self.report;
        report.credentials = self.nested.into_iter().map(Verified::into_report).collect();
        report
    }
}

pub(crate) fn verify_full(input: &[u8], ctx: &Context, now: UnixTime, depth: u8) -> Verified {
    let (parsed, container) = match parse_input(input, &ctx.limits) {
        Ok(parsed) => parsed,
        Err(check) => {
            return Verified {
                report: Report::from_checks(None, alloc::vec![check], None),
                doc: None,
                nested: Vec::new(),
            };
        }
    };
    let cred = parsed.credential();
    let mut input_check =
        Check::passed(CheckId::Input, Code::InputParsed).with("format", cred.format.as_str());
    if let Some(container) = container {
        input_check = input_check.with("baked", container.as_str());
    }
    let mut checks = alloc::vec![input_check];
    credential::check_structure(cred, &mut checks);
    let verified_keys = match &parsed {
        Parsed::Credential(cred) => proof::check_proofs(cred, ctx, now, &mut checks),
        Parsed::Jwt(jwt) => {
            jwt::check(jwt, ctx, now, &mut checks);
            Vec::new()
        }
    };
    checks.extend(anchor::check_anchors(&cred.doc, ctx));
    checks.push(check_validity(cred, now));
    checks.extend(status::check_status(cred, ctx, now));
    checks.push(check_trust(cred, ctx, &verified_keys));
    let nested = check_contents(cred, ctx, now, depth, &mut checks);
    let summary = credential::summarize(cred);
    let report = Report::from_checks(Some(cred.format), checks, Some(summary));
    let doc = match parsed {
        Parsed::Credential(c) => c.doc,
        Parsed::Jwt(j) => j.credential.doc,
    };
    Verified {
        report,
        doc: Some(doc),
        nested,
    }
}

/// The credentials a CLR 2.0 `ClrCredential` carries (`credentialSubject.verifiableCredential`):
/// JSON credentials, compact JWTs, or `EnvelopedVerifiableCredential`s holding a JWT.
fn nested_inputs(cred: &JsonCredential) -> Vec<Result<Vec<u8>, &'static str>> {
    if !credential::types(cred.doc.get("type")).contains(&"ClrCredential") {
        return Vec::new();
    }
    let subject = match cred.doc.get("credentialSubject") {
        Some(Value::Array(items)) => items.first(),
        other => other,
    };
    let items = match subject.and_then(|s| s.get("verifiableCredential")) {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(item) => alloc::vec![item],
        None => Vec::new(),
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::String(jwt) => Ok(jwt.as_bytes().to_vec()),
            Value::Object(o)
                if credential::types(o.get("type")).contains(&"EnvelopedVerifiableCredential") =>
            {
                o.get("id")
                    .and_then(Value::as_str)
                    .and_then(|id| id.strip_prefix("data:application/vc+jwt,"))
                    .map(|jwt| jwt.as_bytes().to_vec())
                    .ok_or("an EnvelopedVerifiableCredential whose id is not a data:application/vc+jwt URL")
            }
            Value::Object(_) => serde_json::to_vec(item).map_err(|_| "unserializable"),
            _ => Err("neither a credential object nor a JWT"),
        })
        .collect()
}

fn check_contents(
    cred: &JsonCredential,
    ctx: &Context,
    now: UnixTime,
    depth: u8,
    checks: &mut Vec<Check>,
) -> Vec<Verified> {
    let inputs = nested_inputs(cred);
    if inputs.is_empty() {
        return Vec::new();
    }
    if depth > 0 {
        checks.push(
            Check::failed(CheckId::Contents, Code::LimitsNestedCredentials)
                .with("reason", "a bundle inside a bundle"),
        );
        return Vec::new();
    }
    if inputs.len() > ctx.limits.max_nested_credentials {
        checks.push(
            Check::failed(CheckId::Contents, Code::LimitsNestedCredentials)
                .with("count", inputs.len().to_string())
                .with("limit", ctx.limits.max_nested_credentials.to_string()),
        );
        return Vec::new();
    }
    let mut nested = Vec::with_capacity(inputs.len());
    for (index, input) in inputs.into_iter().enumerate() {
        let verified = match input {
            Ok(bytes) => verify_full(&bytes, ctx, now, depth + 1),
            Err(reason) => Verified {
                report: Report::from_checks(
                    None,
                    alloc::vec![
                        Check::failed(CheckId::Input, Code::InputUnrecognised)
                            .with("reason", reason)
                    ],
                    None,
                ),
                doc: None,
                nested: Vec::new(),
            },
        };
        let report = &verified.report;
        let check = if report.verdict == Verdict::Valid {
            let summary = report.summary.as_ref();
            let mut c = Check::passed(CheckId::Contents, Code::ContentsCredentialValid)
                .with("index", index.to_string());
            if let Some(id) = summary.and_then(|s| s.credential_id.clone()) {
                c = c.with("id", id);
            }
            if let Some(name) = summary.and_then(|s| {
                s.achievement_name
                    .clone()
                    .or_else(|| s.credential_name.clone())
            }) {
                c = c.with("name", name);
            }
            c
        } else {
            let mut c = Check::failed(CheckId::Contents, Code::ContentsCredentialNotValid)
                .with("index", index.to_string())
                .with("verdict", report.verdict.as_str());
            let cause = report.first_failure().or_else(|| {
                report
                    .checks
                    .iter()
                    .find(|k| k.outcome == Outcome::Skipped && k.code.skip_blocks_verdict())
            });
            if let Some(cause) = cause {
                c = c.with("cause", cause.code.as_str());
            }
            c
        };
        checks.push(check);
        nested.push(verified);
    }
    nested
}

/// Lists the external documents [`verify`] would consult for this input, in a stable order.
///
/// Unparseable input needs nothing (verifying it reports why). Documents that are only known
/// once another is fetched (the key document of a status list's issuer) are listed by
/// [`needs_with`]; shells call it again after each round of fetching until nothing new is listed.
pub fn needs(input: &[u8], limits: &Limits) -> Vec<Need> {
    let ctx = Context {
        limits: limits.clone(),
        ..Context::default()
    };
    needs_with(input, &ctx)
}

/// Like [`needs`], also listing what the documents already in `ctx` refer to (a status list's
/// issuer documents). Documents already in `ctx.documents` are still listed; shells skip them.
pub fn needs_with(input: &[u8], ctx: &Context) -> Vec<Need> {
    let Ok((parsed, _)) = parse_input(input, &ctx.limits) else {
        return Vec::new();
    };
    let cred = parsed.credential();
    let mut out: Vec<Need> = Vec::new();
    let mut push = |url: String, kind: NeedKind| {
        if !out.iter().any(|n| n.url == url) {
            out.push(Need { kind, url });
        }
    };
    // Key documents: a did:web DID document or an https issuer's controller document.
    let key_document = |url: String, push: &mut dyn FnMut(String, NeedKind)| {
        let kind = if url.ends_with("/did.json") {
            NeedKind::DidDocument
        } else {
            NeedKind::ControllerDocument
        };
        push(url, kind);
    };
    let key_urls = match &parsed {
        Parsed::Credential(cred) => {
            let mut urls = proof::needed_documents(&cred.doc);
            // A Blockcerts issuer's profile (https) lists the addresses it anchors from.
            let blockcerts = proof::all_proofs(&cred.doc)
                .iter()
                .any(|p| p.get("type").and_then(Value::as_str) == Some(blockcerts::PROOF_TYPE));
            if let Some(issuer) = cred
                .issuer_id()
                .filter(|i| blockcerts && i.starts_with("https://"))
            {
                urls.push(issuer.to_string());
            }
            urls
        }
        Parsed::Jwt(jwt) => jwt::needed_documents(jwt),
    };
    for url in key_urls {
        key_document(url, &mut push);
    }
    for url in anchor::lookup_urls(&cred.doc, ctx) {
        push(url, NeedKind::AnchorTransaction);
    }
    for bytes in nested_inputs(cred).into_iter().flatten() {
        let Ok((inner, _)) = parse_input(&bytes, &ctx.limits) else {
            continue;
        };
        if !nested_inputs(inner.credential()).is_empty() {
            continue; // a bundle inside a bundle is not verified
        }
        for need in needs_with(&bytes, ctx) {
            push(need.url, need.kind);
        }
    }
    for url in status::list_urls(&cred.doc) {
        let list = ctx
            .document(&url)
            .filter(|b| b.len() <= ctx.limits.max_document_bytes)
            .and_then(|b| serde_json::from_slice::<Value>(b).ok());
        push(url, NeedKind::StatusList);
        if let Some(Value::Object(list)) = list {
            for url in proof::needed_documents(&list) {
                key_document(url, &mut push);
            }
        }
    }
    out
}

fn check_validity(cred: &JsonCredential, now: UnixTime) -> Check {
    let (from, until) = cred.validity();
    if let Some(until) = until.filter(|u| now > *u) {
        return Check::failed(CheckId::Validity, Code::ValidityExpired)
            .with("validUntil", until.to_rfc3339());
    }
    if let Some(from) = from.filter(|f| now < *f) {
        return Check::failed(CheckId::Validity, Code::ValidityNotYetValid)
            .with("validFrom", from.to_rfc3339());
    }
    let mut check =
        Check::passed(CheckId::Validity, Code::ValidityCurrent).with("now", now.to_rfc3339());
    if let Some(until) = until {
        check = check.with("validUntil", until.to_rfc3339());
    }
    check
}

/// Whether the issuer is trusted: by id, or by a trusted key that verified one of its proofs
/// (`verified_keys`: keys bound to the issuer whose proof verified).
fn check_trust(cred: &JsonCredential, ctx: &Context, verified_keys: &[keys::PublicKey]) -> Check {
    let issuer = cred.issuer_id().unwrap_or_default();
    let by_key = ctx.trusted_keys.iter().find(|t| {
        verified_keys.contains(&t.key) && t.issuer.as_deref().is_none_or(|i| i == issuer)
    });
    if let Some(trusted) = by_key {
        return Check::passed(CheckId::Trust, Code::TrustTrustedIssuer)
            .with("name", trusted.name.clone())
            .with("by", "key");
    }
    let configured = !ctx.trusted_issuers.is_empty() || !ctx.trusted_keys.is_empty();
    match ctx.trusted_issuer(issuer) {
        Some(trusted) => Check::passed(CheckId::Trust, Code::TrustTrustedIssuer)
            .with("name", trusted.name.clone()),
        None if !configured && !ctx.policy.require_trusted_issuer => {
            Check::skipped(CheckId::Trust, Code::TrustNotConfigured).with("issuer", issuer)
        }
        None if ctx.policy.require_trusted_issuer => {
            Check::failed(CheckId::Trust, Code::TrustUntrustedIssuer).with("issuer", issuer)
        }
        None => Check::skipped(CheckId::Trust, Code::TrustUnknownIssuer).with("issuer", issuer),
    }
}
