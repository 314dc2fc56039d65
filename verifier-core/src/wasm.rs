//! The JavaScript API (feature `wasm`).
//!
//! ```js
//! import init, { verify, needs } from "./verifier_core.js";
//! await init();
//! const report = verify(bytes, { documents: { "https://…/did.json": didDocText } });
//! report.verdict; // "valid" | "invalid" | "expired" | "revoked" | "suspended" | "indeterminate"
//! ```
//!
//! This shell reads the clock (`Date.now()`) only when `options.now` is absent; the core never does.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use js_sys::{Array, Date, JSON, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::{Context, TrustedIssuer, UnixTime};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type Verdict = "valid" | "invalid" | "expired" | "revoked" | "suspended" | "indeterminate";
export interface CheckResult {
  id: "input" | "structure" | "issuer" | "proof" | "anchor" | "validity" | "status" | "trust"
    | "chain" | "usage" | "policy";
  outcome: "passed" | "failed" | "skipped";
  /** Stable machine code, e.g. "proof.signature_mismatch". */
  code: string;
  /** English explanation of the code. */
  message: string;
  data: Record<string, string>;
}
export interface Summary {
  credentialId: string | null; credentialName: string | null; types: string[];
  achievementId: string | null; achievementName: string | null; achievementDescription: string | null;
  achievementCriteria: string | null; achievementImage: string | null;
  issuerId: string | null; issuerName: string | null; issuerUrl: string | null; issuerImage: string | null;
  recipient: string | null; validFrom: string | null; validUntil: string | null; awarded: string | null;
  achievementType: string | null; alignments: Link[]; results: string[]; evidence: Link[];
}
/** A named thing with an optional http(s) link. */
export interface Link { name: string; url: string | null; }
export interface Report {
  verdict: Verdict;
  format: string | null;
  checks: CheckResult[];
  summary: Summary | null;
  /** A bundle (CLR 2.0 ClrCredential) only: the report of each credential it carries. */
  credentials?: Report[];
}
/** A credential handed over for a pathway: a label of the caller's choosing and its bytes or text. */
export interface SubmittedCredential { name: string; bytes: Uint8Array | string; }
export interface PathwayOptions extends VerifyOptions {
  /** The learner, e.g. "emailAddress:alice@example.edu" or a subject id. Default: whoever holds most valid blocks. */
  learner?: string[];
}
export type Standing = "counted" | "bundle" | "not_valid" | "other_learner" | "issuer_not_accepted" | "not_in_pathway" | "duplicate";
export interface PathwayProgress {
  pathway: string; name: string; complete: boolean; learner: string | null; credits: number; truncated: boolean;
  requirements: { id: string; name: string | null; kind: "allOf" | "nOf" | "minCredits"; met: boolean;
    required: number; achieved: number; blocks: { id: string; name: string | null; earnedBy: string | null }[] }[];
  credentials: { file: string; standing: Standing; achievement: string | null; credits: number | null;
    meets: string[]; report: Report }[];
}
export interface VerifyOptions {
  /** The instant to verify at: an RFC 3339 string or milliseconds since the epoch. Default: now. */
  now?: string | number;
  /** Documents already fetched, by URL (see `needs`): text or bytes. */
  documents?: Record<string, string | Uint8Array>;
  /** Issuers to show as trusted. */
  trustedIssuers?: { id: string; name: string }[];
  /** Fail credentials whose issuer is not trusted. */
  requireTrustedIssuer?: boolean;
  /** A trust configuration (the text of a trust.json, or the parsed object): its issuers, policy
   *  and blockchain checkpoints apply (registries and resources are for the caller to fetch). */
  trust?: string | object;
}
export interface CertificateInfo {
  subject: string; issuer: string; serial: string; notBefore: string; notAfter: string;
  fingerprintSha256: string; publicKey: string; signatureAlgorithm: string; san: string[];
  isCa: boolean; selfIssued: boolean;
  /** In a chain report: whether this entry is the trust anchor the path ends at. */
  trustAnchor?: boolean;
}
/** A certificate's lifetime against the CA/Browser Forum schedule (ballot SC-081). */
export interface Lifetime { days: number; limitDays: number; limitSince: string | null; compliant: boolean; daysLeft: number; }
export interface ChainReport {
  verdict: Verdict;
  format: "x509";
  checks: CheckResult[];
  /** Leaf first; ends with the trust anchor when `anchored`. */
  path: CertificateInfo[];
  anchored: boolean;
  lifetime: Lifetime | null;
}
export interface ChainOptions {
  /** The instant to validate at: an RFC 3339 string or milliseconds since the epoch. Default: now. */
  now?: string | number;
  /** Trust anchors: PEM text (one or more certificates) or DER bytes. Nothing else is trusted. */
  trust?: string | Uint8Array;
  /** The DNS name or IP address the certificate must be for. */
  name?: string;
  /** Default "server". */
  purpose?: "server" | "client" | "credential";
  /** Apply the CA/Browser Forum lifetime limits to the leaf (default: for "server" only). */
  lifetimePolicy?: boolean;
}
export interface Need { kind: "did-document" | "controller-document" | "status-list" | "anchor-transaction"; url: string; }
"#;

#[wasm_bindgen]
extern "C" {
    /// `VerifyOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "VerifyOptions")]
    pub type VerifyOptions;
    /// `Report` in TypeScript.
    #[wasm_bindgen(typescript_type = "Report")]
    pub type JsReport;
    /// `ChainOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "ChainOptions")]
    pub type ChainOptions;
    /// `ChainReport` in TypeScript.
    #[wasm_bindgen(typescript_type = "ChainReport")]
    pub type JsChainReport;
    /// `SubmittedCredential[]` in TypeScript.
    #[wasm_bindgen(typescript_type = "SubmittedCredential[]")]
    pub type JsSubmitted;
    /// `PathwayOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "PathwayOptions")]
    pub type PathwayOptions;
    /// `PathwayProgress` in TypeScript.
    #[wasm_bindgen(typescript_type = "PathwayProgress")]
    pub type JsProgress;
    /// `Need[]` in TypeScript.
    #[wasm_bindgen(typescript_type = "Need[]")]
    pub type JsNeeds;
}

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn err(msg: &str) -> JsValue {
    js_sys::TypeError::new(msg).into()
}

#[expect(
    clippy::as_conversions,
    reason = "JS numbers are f64; whole seconds fit i64"
)]
fn read_now(options: &JsValue) -> Result<UnixTime, JsValue> {
    match get(options, "now") {
        None => Ok(UnixTime((Date::now() / 1000.0).floor() as i64)),
        Some(v) => {
            if let Some(ms) = v.as_f64() {
                return if ms.is_finite() {
                    Ok(UnixTime((ms / 1000.0).floor() as i64))
                } else {
                    Err(err("options.now is not finite"))
                };
            }
            let s = v
                .as_string()
                .ok_or_else(|| err("options.now must be an RFC 3339 string or a number"))?;
            UnixTime::parse(&s).ok_or_else(|| err("options.now is not an RFC 3339 date-time"))
        }
    }
}

fn read_context(options: &JsValue) -> Result<Context, JsValue> {
    let mut ctx = Context::default();
    if let Some(docs) = get(options, "documents") {
        let entries = Object::entries(
            docs.dyn_ref::<Object>()
                .ok_or_else(|| err("options.documents must be an object"))?,
        );
        for entry in entries.iter() {
            let pair = Array::from(&entry);
            let url = pair.get(0).as_string().unwrap_or_default();
            let value = pair.get(1);
            let bytes: Vec<u8> = if let Some(text) = value.as_string() {
                text.into_bytes()
            } else if let Some(array) = value.dyn_ref::<Uint8Array>() {
                array.to_vec()
            } else {
                return Err(err(
                    "options.documents values must be strings or Uint8Arrays",
                ));
            };
            ctx.documents.insert(url, bytes);
        }
    }
    if let Some(list) = get(options, "trustedIssuers") {
        let list = list
            .dyn_into::<Array>()
            .map_err(|_| err("options.trustedIssuers must be an array"))?;
        for item in list.iter() {
            let field = |k| get(&item, k).and_then(|v| v.as_string());
            let id = field("id").ok_or_else(|| err("each trusted issuer needs an id"))?;
            let name = field("name").unwrap_or_else(|| id.clone());
            ctx.trusted_issuers.push(TrustedIssuer { id, name });
        }
    }
    ctx.policy.require_trusted_issuer = get(options, "requireTrustedIssuer")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if let Some(trust) = get(options, "trust") {
        let text = match trust.as_string() {
            Some(text) => text,
            None => {
                String::from(JSON::stringify(&trust).map_err(|_| err("options.trust is not JSON"))?)
            }
        };
        let config = crate::trust::TrustConfig::parse(text.as_bytes())
            .map_err(|e| err(&alloc::format!("options.trust: {e}")))?;
        config.apply(&mut ctx);
    }
    Ok(ctx)
}

fn to_js(value: &serde_json::Value) -> Result<JsValue, JsValue> {
    JSON::parse(&value.to_string())
}

/// Verifies a credential (JSON bytes) and returns the report.
///
/// Throws a `TypeError` only for malformed `options`; every problem with the credential itself is
/// reported in the result.
#[wasm_bindgen(js_name = verify)]
pub fn verify_js(bytes: &[u8], options: Option<VerifyOptions>) -> Result<JsReport, JsValue> {
    let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
    let now = read_now(&options)?;
    let ctx = read_context(&options)?;
    let report = crate::verify(bytes, &ctx, now);
    let json = crate::json::report_to_json(&report, &crate::messages::english);
    Ok(to_js(&json)?.unchecked_into())
}

/// Lists the documents (by URL) the credential refers to, for the caller to fetch and pass back
/// in `options.documents`. With the documents fetched so far in `options.documents`, it also lists
/// what those refer to (a status list's issuer document): call it again until nothing new appears.
#[wasm_bindgen(js_name = needs)]
pub fn needs_js(bytes: &[u8], options: Option<VerifyOptions>) -> Result<JsNeeds, JsValue> {
    let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
    let ctx = read_context(&options)?;
    let needs: Vec<serde_json::Value> = crate::needs_with(bytes, &ctx)
        .into_iter()
        .map(|n| serde_json::json!({ "kind": n.kind.as_str(), "url": n.url }))
        .collect();
    Ok(to_js(&serde_json::Value::Array(needs))?.unchecked_into())
}

/// Validates an X.509 certificate chain (PEM or DER bytes; the end-entity certificate first or
/// the bundle in any order) against the trust anchors in `options.trust` (feature `x509`).
///
/// Throws a `TypeError` only for malformed `options` (including unreadable trust anchors); every
/// problem with the chain itself is reported in the result.
#[cfg(feature = "x509")]
#[wasm_bindgen(js_name = verifyCertificates)]
pub fn verify_certificates_js(
    bytes: &[u8],
    options: Option<ChainOptions>,
) -> Result<JsChainReport, JsValue> {
    use crate::x509;
    let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
    let now = read_now(&options)?;
    let limits = crate::Limits::default();
    let anchors = match get(&options, "trust") {
        None => Vec::new(),
        Some(v) => {
            let bytes = match v.as_string() {
                Some(text) => text.into_bytes(),
                None => v
                    .dyn_ref::<Uint8Array>()
                    .map(Uint8Array::to_vec)
                    .ok_or_else(|| err("options.trust must be PEM text or DER bytes"))?,
            };
            x509::parse_certificates(&bytes, &limits)
                .map_err(|e| err(&alloc::format!("options.trust: {e}")))?
        }
    };
    let purpose = match get(&options, "purpose").and_then(|v| v.as_string()) {
        None => x509::Purpose::Server,
        Some(p) => x509::Purpose::parse(&p)
            .ok_or_else(|| err("options.purpose must be server, client or credential"))?,
    };
    let mut chain_options = x509::ChainOptions::new(purpose);
    if let Some(name) = get(&options, "name").and_then(|v| v.as_string()) {
        chain_options.name = Some(
            x509::names::ServerName::parse(&name)
                .ok_or_else(|| err("options.name is neither a DNS name nor an IP address"))?,
        );
    }
    if let Some(on) = get(&options, "lifetimePolicy").and_then(|v| v.as_bool()) {
        chain_options.lifetime_policy = on;
    }
    let report = x509::verify_chain(bytes, &anchors, &chain_options, &limits, now);
    let json = crate::json::chain_report_to_json(&report, &crate::messages::english);
    Ok(to_js(&json)?.unchecked_into())
}

/// Verifies a learner's credentials (badges, JWTs, baked images, CLR bundles) and evaluates them
/// against a pathway document (its JSON text or bytes). Fetch what each credential `needs` first
/// and pass it in `options.documents`.
///
/// Throws a `TypeError` for malformed `options` and for a pathway document that is not usable
/// (with the place and the reason); problems with the credentials are reported in the result.
#[wasm_bindgen(js_name = evaluatePathway)]
pub fn evaluate_pathway_js(
    pathway: JsValue,
    credentials: JsSubmitted,
    options: Option<PathwayOptions>,
) -> Result<JsProgress, JsValue> {
    use crate::pathway::{self, Claim, Pathway, Submitted};
    let bytes_of = |v: &JsValue, what: &str| -> Result<Vec<u8>, JsValue> {
        if let Some(text) = v.as_string() {
            Ok(text.into_bytes())
        } else if let Some(array) = v.dyn_ref::<Uint8Array>() {
            Ok(array.to_vec())
        } else {
            Err(err(&alloc::format!(
                "{what} must be a string or a Uint8Array"
            )))
        }
    };
    let options: JsValue = options.map(Into::into).unwrap_or(JsValue::UNDEFINED);
    let now = read_now(&options)?;
    let ctx = read_context(&options)?;
    let doc = bytes_of(&pathway, "the pathway")?;
    let pathway = Pathway::parse(&doc, &ctx.limits)
        .map_err(|e| err(&alloc::format!("the pathway is not usable: {e}")))?;
    let learner = match get(&options, "learner") {
        None => Vec::new(),
        Some(list) => list
            .dyn_into::<Array>()
            .map_err(|_| err("options.learner must be an array of strings"))?
            .iter()
            .map(|v| {
                v.as_string()
                    .and_then(|s| Claim::parse_learner(&s))
                    .ok_or_else(|| err("options.learner: expected TYPE:VALUE or a subject id"))
            })
            .collect::<Result<Vec<_>, _>>()?,
    };
    let list: JsValue = credentials.into();
    let list = list
        .dyn_into::<Array>()
        .map_err(|_| err("credentials must be an array of {name, bytes}"))?;
    let mut inputs = Vec::new();
    for item in list.iter() {
        let name = get(&item, "name")
            .and_then(|v| v.as_string())
            .ok_or_else(|| err("each credential needs a name"))?;
        let bytes = bytes_of(&get(&item, "bytes").unwrap_or(JsValue::UNDEFINED), "bytes")?;
        inputs.push((name, bytes));
    }
    let submitted: Vec<Submitted<'_>> = inputs
        .iter()
        .map(|(label, bytes)| Submitted { label, bytes })
        .collect();
    let progress = pathway::evaluate(&pathway, &submitted, &learner, &ctx, now);
    let json = crate::json::progress_to_json(&progress, &crate::messages::english);
    Ok(to_js(&json)?.unchecked_into())
}

/// The library version.
#[wasm_bindgen(js_name = version)]
pub fn version_js() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// A bare Ed25519 `verify_strict`, exported only by the `bench` feature: the cost floor that
/// credential verification is measured against.
#[cfg(feature = "bench")]
#[wasm_bindgen(js_name = ed25519VerifyStrict)]
pub fn ed25519_verify_strict(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(pk), Ok(sig)) = (
        <[u8; 32]>::try_from(public_key),
        <[u8; 64]>::try_from(signature),
    ) else {
        return false;
    };
    ed25519_dalek::VerifyingKey::from_bytes(&pk).is_ok_and(|key| {
        key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&sig))
            .is_ok()
    })
}
