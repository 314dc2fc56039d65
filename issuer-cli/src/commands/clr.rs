//! `verity clr bundle`: one learner's credentials in a signed CLR 2.0 `ClrCredential`.

use anyhow::{Context as _, Result, bail};
use serde_json::{Value, json};
use std::process::ExitCode;
use verifier_core::pathway::{Claim, subject_claims};
use verifier_core::{Verdict, json::report_to_json, messages::english};
use verity::issuance::Issuer;
use verity::keyfile::IssuerKey;

use super::verify::{Documents, expand, printable};
use crate::{ClrArgs, ClrCmd};

/// The CLR 2.0 context (1EdTech); not embedded in the verifier (no package publishes it).
const CLR_CONTEXT: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

pub(crate) fn run(args: &ClrArgs) -> Result<ExitCode> {
    let ClrCmd::Bundle {
        key,
        out,
        did,
        issuer_name,
        name,
        suite,
        at,
        source,
        files,
    } = &args.cmd;
    let key = IssuerKey::load(key)?;
    let did = did.clone().unwrap_or_else(|| key.default_did());
    key.verification_method(&did)?;
    let now = super::now_or(*at);
    let issuer = Issuer {
        key: &key,
        did,
        now,
        x5c: Vec::new(),
    };
    let mut documents = Documents::new(source)?;
    let files = expand(files)?;
    let mut credentials = Vec::with_capacity(files.len());
    let mut achievements: Vec<Value> = Vec::new();
    let mut learner: Vec<Claim> = Vec::new();
    let mut subject: Option<serde_json::Map<String, Value>> = None;
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        let ctx = documents.context(&[&bytes]);
        let report = verifier_core::verify(&bytes, &ctx, now);
        if report.verdict != Verdict::Valid {
            let why = report
                .first_failure()
                .map(|c| c.code.as_str())
                .unwrap_or("a check could not be run");
            bail!(
                "{}: {} ({why}); a CLR bundles only credentials that verify",
                file.display(),
                report.verdict.as_str()
            );
        }
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim();
        let (item, doc) = if text.starts_with('{') {
            let doc: Value = serde_json::from_str(text)
                .with_context(|| format!("{} is not JSON", file.display()))?;
            (doc.clone(), doc)
        } else if text.starts_with("eyJ") {
            let item = json!({
                "@context": verifier_core::credential::VC_V2_CONTEXT,
                "id": format!("data:application/vc+jwt,{text}"),
                "type": "EnvelopedVerifiableCredential",
            });
            (item, jwt_payload(text)?)
        } else {
            bail!(
                "{}: a CLR bundles JSON credentials and JWTs (unbake badges first)",
                file.display()
            );
        };
        let Value::Object(doc) = doc else {
            bail!("{}: not a credential object", file.display());
        };
        let claims = subject_claims(&doc);
        if learner.is_empty() {
            learner = claims;
            let s = doc
                .get("credentialSubject")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            subject = Some(
                s.into_iter()
                    .filter(|(k, _)| matches!(k.as_str(), "id" | "identifier" | "name"))
                    .collect(),
            );
        } else if !claims.iter().any(|c| learner.iter().any(|l| l.matches(c))) {
            bail!(
                "{}: its subject is not the learner of {} (a CLR holds one learner's credentials)",
                file.display(),
                files[0].display()
            );
        }
        if let Some(a) = doc
            .get("credentialSubject")
            .and_then(|s| s.get("achievement"))
            && !achievements.contains(a)
        {
            achievements.push(a.clone());
        }
        credentials.push(item);
        eprintln!(
            "{}: valid, bundled{}",
            file.display(),
            report
                .summary
                .as_ref()
                .and_then(|s| s.achievement_name.as_deref())
                .map(|n| format!(" ({})", printable(n)))
                .unwrap_or_default()
        );
    }
    let mut subject = subject.unwrap_or_default();
    if !subject.contains_key("id") && !subject.contains_key("identifier") {
        bail!("the credentials name no subject id or identifier for the learner");
    }
    subject.insert("type".into(), json!(["ClrSubject"]));
    subject.insert("verifiableCredential".into(), Value::Array(credentials));
    subject.insert("achievement".into(), Value::Array(achievements));
    let mut profile = json!({ "id": issuer.did, "type": ["Profile"] });
    if let Some(n) = issuer_name {
        profile["name"] = Value::String(n.clone());
    }
    let unsigned = json!({
        "@context": [verifier_core::credential::VC_V2_CONTEXT, CLR_CONTEXT, OB_CONTEXT],
        "id": verity::issuance::uuid_urn()?,
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": name,
        "issuer": profile,
        "validFrom": now.to_rfc3339(),
        "credentialSubject": subject,
    });
    let signed = verity::issuance::sign(&unsigned, &issuer, *suite)?;
    let text = serde_json::to_string_pretty(&signed)? + "\n";
    verity::issuance::self_check_signed(text.as_bytes(), &issuer).context("the CLR just signed")?;
    // The contents are verified again inside the bundle, as a verifier will.
    let ctx = documents.context(&[text.as_bytes()]);
    let report = verifier_core::verify(text.as_bytes(), &ctx, now);
    if report.verdict != Verdict::Valid {
        bail!(
            "the CLR does not verify as a whole: {}",
            report_to_json(&report, &english)
        );
    }
    std::fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "bundled {} credential(s) into {} as {}",
        files.len(),
        out.display(),
        issuer.did
    );
    Ok(ExitCode::SUCCESS)
}

/// The credential in a VC-JOSE JWT's payload (VC 2.0: the payload; VC 1.1: its `vc` claim).
fn jwt_payload(jws: &str) -> Result<Value> {
    use base64ct::Encoding as _;
    let payload = jws.split('.').nth(1).context("not a compact JWS")?;
    let bytes = base64ct::Base64UrlUnpadded::decode_vec(payload)
        .map_err(|_| anyhow::anyhow!("the JWT payload is not base64url"))?;
    let value: Value = serde_json::from_slice(&bytes).context("the JWT payload is not JSON")?;
    Ok(value.get("vc").cloned().unwrap_or(value))
}
