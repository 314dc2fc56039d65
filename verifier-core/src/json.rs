//! The report as JSON: the shape shared by the CLI's `--json` output and the JavaScript API.
//!
//! ```json
//! { "verdict": "valid", "format": "vc2-json",
//!   "checks": [ { "id": "proof", "outcome": "passed", "code": "proof.verified", "message": "…", "data": { … } } ],
//!   "summary": { "achievementName": "…", … } }
//! ```

use alloc::string::String;
use serde_json::{Map, Value, json};

use crate::report::{Check, Code, Report, Summary};

/// Converts a report to JSON; `message` supplies each check's human text (the core has none).
pub fn report_to_json(report: &Report, message: &dyn Fn(Code) -> &'static str) -> Value {
    json!({
        "verdict": report.verdict.as_str(),
        "format": report.format.map(|f| f.as_str()),
        "checks": checks_to_json(&report.checks, message),
        "summary": report.summary.as_ref().map(summary_to_json),
    })
}

/// The `checks` array of a report.
pub fn checks_to_json(checks: &[Check], message: &dyn Fn(Code) -> &'static str) -> Value {
    checks
        .iter()
        .map(|c| {
            let data: Map<String, Value> = c
                .data
                .iter()
                .map(|(k, v)| ((*k).into(), Value::String(v.clone())))
                .collect();
            json!({
                "id": c.id.as_str(),
                "outcome": c.outcome.as_str(),
                "code": c.code.as_str(),
                "message": message(c.code),
                "data": data,
            })
        })
        .collect()
}

/// An X.509 chain report: `verdict` and `checks` as for credentials, then the certification
/// `path` (leaf first; the last entry is the trust anchor when `anchored`) and the leaf's
/// `lifetime` against the CA/Browser Forum schedule.
#[cfg(feature = "x509")]
pub fn chain_report_to_json(
    report: &crate::x509::ChainReport,
    message: &dyn Fn(Code) -> &'static str,
) -> Value {
    let last = report.path.len().saturating_sub(1);
    let path: Value = report
        .path
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut v = cert_info_to_json(c);
            if let Some(m) = v.as_object_mut() {
                m.insert(
                    "trustAnchor".into(),
                    Value::Bool(report.anchored && i == last),
                );
            }
            v
        })
        .collect();
    json!({
        "verdict": report.verdict.as_str(),
        "format": "x509",
        "checks": checks_to_json(&report.checks, message),
        "path": path,
        "anchored": report.anchored,
        "lifetime": report.lifetime.as_ref().map(lifetime_to_json),
    })
}

/// One certificate's display facts.
#[cfg(feature = "x509")]
pub fn cert_info_to_json(c: &crate::x509::CertInfo) -> Value {
    json!({
        "subject": c.subject,
        "issuer": c.issuer,
        "serial": c.serial,
        "notBefore": c.not_before.to_rfc3339(),
        "notAfter": c.not_after.to_rfc3339(),
        "fingerprintSha256": c.fingerprint_sha256,
        "publicKey": c.public_key,
        "signatureAlgorithm": c.signature_algorithm,
        "san": c.san,
        "isCa": c.is_ca,
        "selfIssued": c.self_issued,
    })
}

/// A lifetime against the CA/Browser Forum schedule.
#[cfg(feature = "x509")]
pub fn lifetime_to_json(l: &crate::x509::Lifetime) -> Value {
    json!({
        "days": l.days,
        "limitDays": l.limit_days,
        "limitSince": l.limit_since.map(|t| t.to_rfc3339()),
        "compliant": l.compliant,
        "daysLeft": l.days_left,
    })
}

fn summary_to_json(s: &Summary) -> Value {
    json!({
        "credentialId": s.credential_id,
        "credentialName": s.credential_name,
        "types": s.types,
        "achievementId": s.achievement_id,
        "achievementName": s.achievement_name,
        "achievementDescription": s.achievement_description,
        "achievementCriteria": s.achievement_criteria,
        "achievementImage": s.achievement_image,
        "issuerId": s.issuer_id,
        "issuerName": s.issuer_name,
        "issuerUrl": s.issuer_url,
        "issuerImage": s.issuer_image,
        "recipient": s.recipient,
        "validFrom": s.valid_from,
        "validUntil": s.valid_until,
        "awarded": s.awarded,
    })
}
