//! The report as JSON: the shape shared by the CLI's `--json` output and the JavaScript API.
//!
//! ```json
//! { "verdict": "valid", "format": "vc2-json",
//!   "checks": [ { "id": "proof", "outcome": "passed", "code": "proof.verified", "message": "…", "data": { … } } ],
//!   "summary": { "achievementName": "…", … } }
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use serde_json::{Map, Value, json};

use crate::report::{Check, Code, Report, Summary};

/// Whether `already` plus the values the `roots` hold (object members and array items, at every
/// level) is more than `limit`; stops counting as soon as it is.
pub fn exceeds_values<'a>(
    roots: impl IntoIterator<Item = &'a Value>,
    already: usize,
    limit: usize,
) -> bool {
    let mut stack: Vec<&Value> = roots.into_iter().collect();
    let mut count = already;
    if count > limit {
        return true;
    }
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                count = count.saturating_add(map.len());
                stack.extend(map.values());
            }
            Value::Array(items) => {
                count = count.saturating_add(items.len());
                stack.extend(items.iter());
            }
            _ => {}
        }
        if count > limit {
            return true;
        }
    }
    false
}

/// Converts a report to JSON; `message` supplies each check's human text (the core has none).
///
/// A bundle (CLR 2.0) also has `credentials`: the report of each credential it carries.
pub fn report_to_json(report: &Report, message: &dyn Fn(Code) -> &'static str) -> Value {
    let mut out = json!({
        "verdict": report.verdict.as_str(),
        "format": report.format.map(|f| f.as_str()),
        "checks": checks_to_json(&report.checks, message),
        "summary": report.summary.as_ref().map(summary_to_json),
    });
    if !report.credentials.is_empty()
        && let Some(o) = out.as_object_mut()
    {
        let nested = report
            .credentials
            .iter()
            .map(|r| report_to_json(r, message))
            .collect();
        o.insert("credentials".into(), Value::Array(nested));
    }
    out
}

/// A pathway evaluation:
///
/// ```json
/// { "pathway": "https://…", "name": "…", "complete": false, "learner": "…", "credits": 42,
///   "requirements": [ { "id": "core", "name": "…", "kind": "allOf", "met": false, "required": 3,
///       "achieved": 2, "blocks": [ { "id": "https://…", "name": "…", "earnedBy": "a.json" } ] } ],
///   "credentials": [ { "file": "a.json", "standing": "counted", "achievement": "https://…",
///       "credits": 10, "meets": ["core"], "report": { … } } ] }
/// ```
pub fn progress_to_json(
    progress: &crate::pathway::Progress,
    message: &dyn Fn(Code) -> &'static str,
) -> Value {
    let label = |i: &Option<usize>| {
        i.and_then(|i| progress.entries.get(i))
            .map(|e| e.label.clone())
    };
    let requirements: Vec<Value> = progress
        .requirements
        .iter()
        .map(|r| {
            let blocks: Vec<Value> = r
                .blocks
                .iter()
                .map(|(b, earned)| {
                    json!({ "id": b.achievement, "name": b.name, "earnedBy": label(earned) })
                })
                .collect();
            json!({
                "id": r.id, "name": r.name, "kind": r.kind, "met": r.met,
                "required": r.required, "achieved": r.achieved, "blocks": blocks,
            })
        })
        .collect();
    let entries: Vec<Value> = progress
        .entries
        .iter()
        .map(|e| {
            json!({
                "file": e.label,
                "standing": e.standing.as_str(),
                "achievement": e.achievement,
                "credits": e.credits,
                "meets": e.meets,
                "report": report_to_json(&e.report, message),
            })
        })
        .collect();
    json!({
        "pathway": progress.pathway,
        "name": progress.name,
        "complete": progress.complete,
        "learner": progress.learner,
        "credits": progress.credits,
        "truncated": progress.truncated,
        "requirements": requirements,
        "credentials": entries,
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
        "achievementType": s.achievement_type,
        "alignments": s.alignments.iter().map(link_to_json).collect::<Vec<_>>(),
        "results": s.results,
        "evidence": s.evidence.iter().map(link_to_json).collect::<Vec<_>>(),
    })
}

fn link_to_json(l: &crate::report::Link) -> Value {
    json!({ "name": l.name, "url": l.url })
}
