//! Building credentials from a template and a CSV row, and signing them.
//!
//! Template strings may contain `{{column}}` placeholders, filled from the row's column of that
//! name, and these built-ins: `{{issuer}}` (the issuer DID), `{{uuid}}` (a fresh random UUID),
//! `{{now}}` (the issuance time, RFC 3339) and `{{row}}` (the row number). A string that is only a
//! placeholder whose cell is empty removes the property (so optional columns may be left blank).

use anyhow::{Result, anyhow, bail};
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use verifier_core::{CheckId, Context, Outcome, UnixTime, proof};

use crate::keyfile::{IssuerKey, KeyType};

/// One placeholder substitution: where in the credential, from which columns.
#[derive(Debug, Clone)]
pub struct Filled {
    /// JSON path, dotted (`credentialSubject.name`).
    pub path: String,
    /// CSV columns used there.
    pub columns: Vec<String>,
}

/// Values available to placeholders for one credential.
#[derive(Debug)]
pub struct Row<'a> {
    /// 1-based data-row number (the header is row 0), for messages.
    pub number: usize,
    /// Column name → cell.
    pub cells: Vec<(&'a str, &'a str)>,
}

/// The issuance settings shared by a batch.
#[derive(Debug)]
pub struct Issuer<'k> {
    /// The signing key.
    pub key: &'k IssuerKey,
    /// The issuer DID (`did:key:…` or `did:web:…`).
    pub did: String,
    /// Issuance time.
    pub now: UnixTime,
    /// Certificate chain (DER, the signing certificate first) for a JWT's `x5c` header; empty:
    /// the key is named by `kid` instead.
    pub x5c: Vec<Vec<u8>>,
}

/// Names of the columns a template refers to (built-ins excluded).
pub fn template_columns(template: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk_strings(template, &mut |s| {
        for name in placeholders(s) {
            if !matches!(name, "issuer" | "uuid" | "now" | "row") {
                out.insert(name.to_owned());
            }
        }
    });
    out
}

fn walk_strings(value: &Value, f: &mut dyn FnMut(&str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|v| walk_strings(v, f)),
        Value::Object(map) => map.values().for_each(|v| walk_strings(v, f)),
        _ => {}
    }
}

fn placeholders(s: &str) -> impl Iterator<Item = &str> {
    s.split("{{")
        .skip(1)
        .filter_map(|part| part.split_once("}}").map(|(name, _)| name.trim()))
}

/// A fresh random `urn:uuid:` (UUID version 4).
pub fn uuid_urn() -> Result<String> {
    uuid_v4()
}

fn uuid_v4() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| anyhow!("no randomness from the OS: {e}"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    ))
}

struct Filler<'r> {
    row: &'r Row<'r>,
    issuer: &'r str,
    now: String,
    filled: Vec<Filled>,
}

impl Filler<'_> {
    fn cell(&self, name: &str) -> Result<String> {
        match name {
            "issuer" => Ok(self.issuer.to_owned()),
            "now" => Ok(self.now.clone()),
            "row" => Ok(self.row.number.to_string()),
            "uuid" => uuid_v4(),
            _ => self
                .row
                .cells
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.trim().to_owned())
                .ok_or_else(|| {
                    anyhow!("the template uses column '{name}', which the CSV does not have")
                }),
        }
    }

    /// Fills placeholders in place; returns false if the value should be removed.
    fn fill(&mut self, value: &mut Value, path: &str) -> Result<bool> {
        match value {
            Value::String(s) if s.contains("{{") => {
                let names: Vec<String> = placeholders(s).map(str::to_owned).collect();
                let mut out = s.clone();
                let mut all_empty = true;
                for name in &names {
                    let cell = self.cell(name)?;
                    all_empty &= cell.is_empty();
                    out = out.replacen(&format!("{{{{{name}}}}}", name = name), &cell, 1);
                    // Tolerate `{{ name }}` spacing too.
                    out = out.replacen(&format!("{{{{ {name} }}}}"), &cell, 1);
                }
                let columns = names
                    .into_iter()
                    .filter(|n| !matches!(n.as_str(), "issuer" | "uuid" | "now" | "row"))
                    .collect();
                self.filled.push(Filled {
                    path: path.to_owned(),
                    columns,
                });
                let only_placeholder = s.trim().starts_with("{{")
                    && s.trim().ends_with("}}")
                    && s.matches("{{").count() == 1;
                if only_placeholder && all_empty {
                    return Ok(false);
                }
                *s = out;
                Ok(true)
            }
            Value::Array(items) => {
                let mut kept = Vec::with_capacity(items.len());
                for (i, mut item) in core::mem::take(items).into_iter().enumerate() {
                    if self.fill(&mut item, &format!("{path}[{i}]"))? {
                        kept.push(item);
                    }
                }
                *items = kept;
                Ok(true)
            }
            Value::Object(map) => {
                let mut kept = Map::new();
                for (k, mut v) in core::mem::take(map) {
                    let child = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    if self.fill(&mut v, &child)? {
                        kept.insert(k, v);
                    }
                }
                *map = kept;
                Ok(true)
            }
            _ => Ok(true),
        }
    }
}

/// Builds the unsigned credential for one row; returns it with the record of what came from where.
pub fn build(template: &Value, row: &Row<'_>, issuer: &Issuer<'_>) -> Result<(Value, Vec<Filled>)> {
    let mut filler = Filler {
        row,
        issuer: &issuer.did,
        now: issuer.now.to_rfc3339(),
        filled: Vec::new(),
    };
    let mut credential = template.clone();
    filler.fill(&mut credential, "")?;
    let Some(doc) = credential.as_object_mut() else {
        bail!("the template is not a JSON object")
    };
    doc.remove("proof");
    if !doc.contains_key("id") {
        doc.insert("id".into(), Value::String(uuid_v4()?));
    }
    match doc.get_mut("issuer") {
        None => {
            doc.insert(
                "issuer".into(),
                json!({ "id": issuer.did, "type": ["Profile"] }),
            );
        }
        Some(Value::Object(profile)) => match profile.get("id").and_then(Value::as_str) {
            None => {
                profile.insert("id".into(), Value::String(issuer.did.clone()));
            }
            Some(id) if id != issuer.did => bail!(
                "the template's issuer.id is {id}, but the key issues as {}",
                issuer.did
            ),
            Some(_) => {}
        },
        Some(Value::String(id)) if *id != issuer.did => bail!(
            "the template's issuer is {id}, but the key issues as {}",
            issuer.did
        ),
        Some(_) => {}
    }
    let v2 = doc
        .get("@context")
        .and_then(|c| c.get(0))
        .and_then(Value::as_str)
        == Some(verifier_core::credential::VC_V2_CONTEXT);
    let start = if v2 { "validFrom" } else { "issuanceDate" };
    if !doc.contains_key(start) {
        doc.insert(start.into(), Value::String(issuer.now.to_rfc3339()));
    }
    Ok((credential, filler.filled))
}

/// How `verity issue` secures credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// JSON with an embedded Data Integrity proof (`--suite`).
    #[value(name = "json")]
    Json,
    /// A compact JWS (VC-JOSE `vc+jwt`).
    #[value(name = "jwt")]
    Jwt,
}

/// The proof suites `verity issue` signs with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Suite {
    /// DataIntegrityProof eddsa-rdfc-2022 (RDF canonicalization): what most Open Badges 3.0 verifiers expect.
    #[value(name = "eddsa-rdfc-2022")]
    EddsaRdfc2022,
    /// DataIntegrityProof eddsa-jcs-2022 (JSON canonicalization).
    #[value(name = "eddsa-jcs-2022")]
    EddsaJcs2022,
    /// DataIntegrityProof ecdsa-rdfc-2019 with a P-256 key.
    #[value(name = "ecdsa-rdfc-2019")]
    EcdsaRdfc2019,
}

impl Suite {
    /// The `cryptosuite` value.
    pub fn name(self) -> &'static str {
        match self {
            Self::EddsaRdfc2022 => "eddsa-rdfc-2022",
            Self::EddsaJcs2022 => "eddsa-jcs-2022",
            Self::EcdsaRdfc2019 => "ecdsa-rdfc-2019",
        }
    }

    /// The key algorithm the suite signs with.
    pub fn key_type(self) -> KeyType {
        match self {
            Self::EddsaRdfc2022 | Self::EddsaJcs2022 => KeyType::Ed25519,
            Self::EcdsaRdfc2019 => KeyType::P256,
        }
    }
}

/// Secures `unsigned` as a JWT (W3C VC-JOSE-COSE, `typ: vc+jwt`; EdDSA for Ed25519 keys, ES256 for
/// P-256): the payload is the credential, with the registered claims Open Badges 3.0 JWT verifiers
/// also expect (`iss`, `jti`, `sub`, `nbf`, and `exp` when the credential expires), all equal to
/// the credential's own fields.
pub fn sign_jwt(unsigned: &Value, issuer: &Issuer<'_>) -> Result<String> {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let alg = match issuer.key.key_type() {
        KeyType::Ed25519 => "EdDSA",
        KeyType::P256 => "ES256",
    };
    let header = if issuer.x5c.is_empty() {
        json!({"alg": alg, "typ": "vc+jwt", "kid": issuer.key.verification_method(&issuer.did)?})
    } else {
        use base64ct::Base64;
        let chain: Vec<String> = issuer
            .x5c
            .iter()
            .map(|d| Base64::encode_string(d))
            .collect();
        json!({"alg": alg, "typ": "vc+jwt", "x5c": chain})
    };
    let mut payload = unsigned.clone();
    let Some(claims) = payload.as_object_mut() else {
        bail!("the credential is not a JSON object")
    };
    claims.remove("proof");
    claims.insert("iss".into(), Value::String(issuer.did.clone()));
    if let Some(id) = unsigned.get("id").and_then(Value::as_str) {
        claims.insert("jti".into(), Value::String(id.into()));
    }
    if let Some(sub) = unsigned
        .pointer("/credentialSubject/id")
        .and_then(Value::as_str)
    {
        claims.insert("sub".into(), Value::String(sub.into()));
    }
    let seconds = |field: &str| {
        unsigned
            .get(field)
            .and_then(Value::as_str)
            .and_then(UnixTime::parse)
            .map(|t| t.0)
    };
    if let Some(nbf) = seconds("validFrom").or_else(|| seconds("issuanceDate")) {
        claims.insert("nbf".into(), json!(nbf));
    }
    if let Some(exp) = seconds("validUntil").or_else(|| seconds("expirationDate")) {
        claims.insert("exp".into(), json!(exp));
    }
    let input = format!(
        "{}.{}",
        Base64UrlUnpadded::encode_string(header.to_string().as_bytes()),
        Base64UrlUnpadded::encode_string(serde_json::to_string(&payload)?.as_bytes())
    );
    let signature = issuer.key.sign(input.as_bytes());
    Ok(format!(
        "{input}.{}",
        Base64UrlUnpadded::encode_string(&signature)
    ))
}

/// Signs `unsigned` (W3C vc-di-eddsa §3.2 / §3.3):
/// - eddsa-jcs-2022: the proof options carry the document's `@context`; the signature covers
///   `SHA-256(JCS(options)) ‖ SHA-256(JCS(document))`;
/// - eddsa-rdfc-2022: `SHA-256(RDFC(options + document @context)) ‖ SHA-256(RDFC(document))`, with
///   the same embedded contexts and safe mode the verifier uses, so a template field that its
///   contexts do not define is refused here rather than silently left unsigned.
pub fn sign(unsigned: &Value, issuer: &Issuer<'_>, suite: Suite) -> Result<Value> {
    if issuer.key.key_type() != suite.key_type() {
        bail!(
            "{} signs with {:?} keys, and this key is {:?} (see verity keygen --type)",
            suite.name(),
            suite.key_type(),
            issuer.key.key_type()
        );
    }
    let vm = issuer.key.verification_method(&issuer.did)?;
    let mut options = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": suite.name(),
        "created": issuer.now.to_rfc3339(),
        "verificationMethod": vm,
        "proofPurpose": "assertionMethod",
    });
    // VC 1.1 contexts do not define DataIntegrityProof: add the Data Integrity context, as
    // jsonld-signatures does (VC 2.0's context already includes it).
    let mut unsigned = unsigned.clone();
    if let Some(Value::Array(contexts)) = unsigned.get_mut("@context") {
        let di = Value::from("https://w3id.org/security/data-integrity/v2");
        let v1 = contexts.first().and_then(Value::as_str)
            == Some("https://www.w3.org/2018/credentials/v1");
        if v1 && !contexts.contains(&di) {
            contexts.push(di);
        }
    }
    let unsigned = &unsigned;
    let Some(document) = unsigned.as_object() else {
        bail!("the credential is not a JSON object")
    };
    let hash = match suite {
        Suite::EddsaJcs2022 => {
            if let Some(context) = unsigned.get("@context") {
                options["@context"] = context.clone();
            }
            let Some(options_map) = options.as_object() else {
                bail!("proof options are not an object")
            };
            proof::hash_data(options_map, document).to_vec()
        }
        Suite::EddsaRdfc2022 | Suite::EcdsaRdfc2019 => {
            let Some(options_map) = options.as_object() else {
                bail!("proof options are not an object")
            };
            let store = verifier_core::rdfc::ContextStore::default();
            proof::rdfc_hash(
                options_map,
                document,
                &store,
                false,
                verifier_core::rdfc::DEFAULT_HNDQ_CALL_LIMIT,
            )
            .map_err(explain_rdfc_error)?
        }
    };
    let signature = issuer.key.sign(&hash);
    options["proofValue"] = Value::String(proof::encode_proof_value(&signature));
    let mut signed = unsigned.clone();
    signed["proof"] = options;
    Ok(signed)
}

fn explain_rdfc_error(e: verifier_core::rdfc::RdfcError) -> anyhow::Error {
    use verifier_core::rdfc::RdfcError;
    match e {
        RdfcError::UnknownContext(url) => {
            anyhow!("the template uses the JSON-LD context {url}, which Verity does not embed")
        }
        RdfcError::InlineContext(path) => {
            anyhow!("inline @context at {path}: use published context URLs only")
        }
        RdfcError::UndefinedTerm(path, term) => {
            anyhow!(
                "'{term}' at {path} is not defined by the template's @context, so it could not be signed"
            )
        }
        RdfcError::InvalidJsonLd(why) | RdfcError::Canonicalization(why) => {
            anyhow!("invalid JSON-LD: {why}")
        }
        RdfcError::Poisoned(limit) => anyhow!("RDF canonicalization exceeded {limit} steps"),
    }
}

/// Verifies a freshly signed credential with the core and explains any failure in terms of the
/// template and CSV (row and column), so a bad row never yields a credential that fails later.
pub fn self_check(
    signed: &Value,
    filled: &[Filled],
    row: &Row<'_>,
    issuer: &Issuer<'_>,
) -> Result<()> {
    self_check_bytes(&serde_json::to_vec(signed)?, filled, row, issuer)
}

/// Verifies what `issuer` just secured, with its own documents: the did:web document it
/// publishes, and for a certificate-bound issuer its own chain's root.
fn own_report(bytes: &[u8], issuer: &Issuer<'_>) -> Result<verifier_core::Report> {
    let mut ctx = Context::default();
    ctx.x509_anchors.extend(issuer.x5c.last().cloned());
    if let Some(doc) = issuer.key.did_web_document()
        && let Some(url) = verifier_core::did::did_web_url(&issuer.did)
    {
        ctx.documents.insert(url, serde_json::to_vec(&doc)?);
    }
    Ok(verifier_core::verify(bytes, &ctx, issuer.now))
}

/// The failures that mean the issuer produced something broken: input, structure, key, proof.
fn issuance_failures(
    report: &verifier_core::Report,
) -> impl Iterator<Item = &verifier_core::Check> {
    report.checks.iter().filter(|c| {
        c.outcome == Outcome::Failed
            && matches!(
                c.id,
                CheckId::Input | CheckId::Structure | CheckId::IssuerKey | CheckId::Proof
            )
    })
}

fn describe(c: &verifier_core::Check) -> String {
    let mut msg = format!(
        "{} ({})",
        verifier_core::messages::english(c.code),
        c.code.as_str()
    );
    if let Some(path) = c.datum("path").filter(|p| !p.is_empty()) {
        msg.push_str(&format!(" at {path}"));
    }
    if let Some(expected) = c.datum("expected") {
        msg.push_str(&format!(": expected {expected}"));
    }
    msg
}

/// Verifies a credential just signed by `issuer` (a pathway's degree, a CLR): the input,
/// structure, key and proof checks must pass, and the proof must have been verified.
pub fn self_check_signed(bytes: &[u8], issuer: &Issuer<'_>) -> Result<()> {
    let report = own_report(bytes, issuer)?;
    let problems: Vec<String> = issuance_failures(&report).map(describe).collect();
    if !problems.is_empty() {
        bail!("does not verify: {}", problems.join("; "));
    }
    if !report
        .checks
        .iter()
        .any(|c| c.code == verifier_core::Code::ProofVerified)
    {
        bail!("its proof was not verified");
    }
    Ok(())
}

/// [`self_check`] of a secured credential in any form the core reads (JSON, JWT), naming the
/// CSV columns behind any problem.
pub fn self_check_bytes(
    bytes: &[u8],
    filled: &[Filled],
    row: &Row<'_>,
    issuer: &Issuer<'_>,
) -> Result<()> {
    let report = own_report(bytes, issuer)?;
    let problems: Vec<String> = issuance_failures(&report)
        .map(|c| {
            let path = c.datum("path").unwrap_or_default();
            let columns: Vec<&str> = filled
                .iter()
                .filter(|f| {
                    !path.is_empty() && (f.path == path || f.path.starts_with(&format!("{path}.")))
                })
                .flat_map(|f| f.columns.iter().map(String::as_str))
                .collect();
            let mut msg = describe(c);
            if !columns.is_empty() {
                msg.push_str(&format!(" — check column '{}'", columns.join("', '")));
            }
            msg
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        bail!("row {}: {}", row.number, problems.join("; "))
    }
}
