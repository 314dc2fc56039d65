//! The report as JSON: the shape shared by the CLI's `--json` output and the JavaScript API.
//!
//! ```json
//! { "verdict": "valid", "format": "vc2-json",
//!   "checks": [ { "id": "proof", "outcome": "passed", "code": "proof.verified", "message": "…", "data": { … } } ],
//!   "summary": { "achievementName": "…", … } }
//! ```

use alloc::string::String;
use serde_json::{Map, Value, json};

use crate::report::{Code, Report, Summary};

/// Converts a report to JSON; `message` supplies each check's human text (the core has none).
pub fn report_to_json(report: &Report, message: &dyn Fn(Code) -> &'static str) -> Value {
    let checks: Value = report
        .checks
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
        .collect();
    json!({
        "verdict": report.verdict.as_str(),
        "format": report.format.map(|f| f.as_str()),
        "checks": checks,
        "summary": report.summary.as_ref().map(summary_to_json),
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
