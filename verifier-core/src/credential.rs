//! JSON credentials: recognising the data model, checking required structure, reading display fields.
//!
//! Sources: W3C VC Data Model 2.0 and 1.1; Open Badges 3.0 `AchievementCredential`,
//! `AchievementSubject`, `Achievement`, `Profile` (1EdTech OB 3.0 §B, required properties).

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::{Map, Value};

use crate::report::{Check, CheckId, Code, Format, Link, Summary};
use crate::time::{UnixTime, parse_datetime};

/// `@context[0]` of a VC Data Model 2.0 credential.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// `@context[0]` of a VC Data Model 1.1 credential.
pub const VC_V1_CONTEXT: &str = "https://www.w3.org/2018/credentials/v1";

/// A JSON object recognised as a Verifiable Credential.
#[derive(Debug)]
pub(crate) struct JsonCredential {
    pub(crate) format: Format,
    pub(crate) doc: Map<String, Value>,
}

impl JsonCredential {
    /// Recognises a VC by its first `@context` and its `VerifiableCredential` type.
    pub(crate) fn recognise(doc: Map<String, Value>) -> Result<Self, &'static str> {
        let first_context = match doc.get("@context") {
            Some(Value::Array(items)) => items.first().and_then(Value::as_str),
            Some(Value::String(s)) => Some(s.as_str()),
            _ => None,
        };
        let format = match first_context {
            Some(VC_V2_CONTEXT) => Format::VcJson2,
            Some(VC_V1_CONTEXT) => Format::VcJson11,
            _ => return Err("JSON without a W3C credentials @context"),
        };
        if !types(doc.get("type")).contains(&"VerifiableCredential") {
            return Err("JSON whose type does not include VerifiableCredential");
        }
        Ok(Self { format, doc })
    }

    pub(crate) fn is_open_badge(&self) -> bool {
        types(self.doc.get("type"))
            .iter()
            .any(|t| matches!(*t, "OpenBadgeCredential" | "AchievementCredential"))
    }

    /// The issuer's id (`issuer` as a string, or `issuer.id`).
    pub(crate) fn issuer_id(&self) -> Option<&str> {
        match self.doc.get("issuer")? {
            Value::String(s) => Some(s),
            Value::Object(o) => o.get("id")?.as_str(),
            _ => None,
        }
    }

    pub(crate) fn start_field(&self) -> &'static str {
        if self.format.is_v2() {
            "validFrom"
        } else {
            "issuanceDate"
        }
    }

    fn end_field(&self) -> &'static str {
        if self.format.is_v2() {
            "validUntil"
        } else {
            "expirationDate"
        }
    }

    /// The validity window, as far as it parses.
    pub(crate) fn validity(&self) -> (Option<UnixTime>, Option<UnixTime>) {
        let at = |f: &str| {
            self.doc
                .get(f)
                .and_then(Value::as_str)
                .and_then(UnixTime::parse)
        };
        (at(self.start_field()), at(self.end_field()))
    }
}

/// The `type` value as a list of strings (a single string counts as a list of one).
pub(crate) fn types(value: Option<&Value>) -> Vec<&str> {
    match value {
        Some(Value::String(s)) => alloc::vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn is_open_badge_context(url: &str) -> bool {
    // ^https://purl\.imsglobal\.org/spec/ob/v3p0/context(-3\.\d\.\d)*\.json$ (OB 3.0 data model).
    let Some(rest) = url.strip_prefix("https://purl.imsglobal.org/spec/ob/v3p0/context") else {
        return false;
    };
    let Some(mut version) = rest.strip_suffix(".json") else {
        return false;
    };
    while let Some(after) = version.strip_prefix("-3.") {
        let b = after.as_bytes();
        let ok = b.len() >= 3
            && b.first().is_some_and(u8::is_ascii_digit)
            && b.get(1) == Some(&b'.')
            && b.get(2).is_some_and(u8::is_ascii_digit);
        if !ok {
            return false;
        }
        version = after.get(3..).unwrap_or_default();
    }
    version.is_empty()
}

fn is_uri(s: &str) -> bool {
    // An absolute URI: scheme ":" rest (RFC 3986 §3.1), no white space.
    match s.split_once(':') {
        Some((scheme, rest)) => {
            scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !rest.is_empty()
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}

/// Collects structure failures with JSON paths.
struct Shape<'c> {
    failures: &'c mut Vec<Check>,
}

impl Shape<'_> {
    fn missing(&mut self, path: &str) {
        self.failures.push(
            Check::failed(CheckId::Structure, Code::StructureMissingField).with("path", path),
        );
    }
    fn invalid(&mut self, path: &str, expected: &str) {
        self.failures.push(
            Check::failed(CheckId::Structure, Code::StructureInvalidValue)
                .with("path", path)
                .with("expected", expected),
        );
    }
    /// A required field that must be an object.
    fn object<'v>(
        &mut self,
        parent: &'v Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<&'v Map<String, Value>> {
        match parent.get(key) {
            None | Some(Value::Null) => {
                self.missing(path);
                None
            }
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                self.invalid(path, "an object");
                None
            }
        }
    }
    fn string(&mut self, parent: &Map<String, Value>, key: &str, path: &str) {
        match parent.get(key) {
            None | Some(Value::Null) => self.missing(path),
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            Some(Value::Object(o)) if o.contains_key("@value") || o.contains_key("@language") => {} // language map value
            Some(_) => self.invalid(path, "a non-empty string"),
        }
    }
    fn uri(&mut self, parent: &Map<String, Value>, key: &str, path: &str) {
        match parent.get(key) {
            None | Some(Value::Null) => self.missing(path),
            Some(Value::String(s)) if is_uri(s) => {}
            Some(_) => self.invalid(path, "an absolute URI"),
        }
    }
    fn has_type(&mut self, parent: &Map<String, Value>, path: &str, wanted: &[&str]) {
        let found = types(parent.get("type"));
        if parent.get("type").is_none() {
            self.missing(path);
        } else if !wanted.iter().any(|w| found.contains(w)) {
            self.invalid(path, wanted.first().copied().unwrap_or_default());
        }
    }
    fn date(
        &mut self,
        parent: &Map<String, Value>,
        key: &str,
        required: bool,
        zone_required: bool,
    ) {
        match parent.get(key) {
            None if !required => {}
            None | Some(Value::Null) => self.missing(key),
            Some(Value::String(s)) => match parse_datetime(s) {
                Some((_, zoned)) if zoned || !zone_required => {}
                _ => self.invalid(
                    key,
                    "an XML Schema dateTime with a time zone, e.g. 2024-05-01T00:00:00Z",
                ),
            },
            Some(_) => self.invalid(key, "a date-time string"),
        }
    }
}

/// Checks the data-model structure; pushes one `structure.valid` or one failure per problem.
pub(crate) fn check_structure(cred: &JsonCredential, checks: &mut Vec<Check>) {
    let mut failures = Vec::new();
    let mut shape = Shape {
        failures: &mut failures,
    };
    let doc = &cred.doc;
    let v2 = cred.format.is_v2();
    let ob = cred.is_open_badge();

    if let Some(id) = doc.get("id") {
        if !id.as_str().is_some_and(is_uri) {
            shape.invalid("id", "an absolute URI");
        }
    } else if ob {
        shape.missing("id");
    }
    shape.date(doc, cred.start_field(), !v2 || ob, v2);
    shape.date(doc, cred.end_field(), false, v2);

    match doc.get("issuer") {
        None | Some(Value::Null) => shape.missing("issuer"),
        Some(Value::String(_)) if ob => {
            shape.invalid("issuer", "an issuer Profile object with id, type and name")
        }
        Some(Value::String(s)) if !is_uri(s) => shape.invalid("issuer", "an absolute URI"),
        Some(Value::String(_)) => {}
        Some(Value::Object(issuer)) => {
            shape.uri(issuer, "id", "issuer.id");
            if ob {
                shape.has_type(issuer, "issuer.type", &["Profile"]);
                shape.string(issuer, "name", "issuer.name");
            }
        }
        Some(_) => shape.invalid("issuer", "a URI or an object with an id"),
    }

    if ob {
        let contexts: Vec<&str> = match doc.get("@context") {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if !contexts.iter().any(|c| is_open_badge_context(c)) {
            shape.invalid("@context", "the Open Badges 3.0 context");
        }
        if !v2 {
            shape.string(doc, "name", "name");
        }
        if let Some(subject) = shape.object(doc, "credentialSubject", "credentialSubject") {
            shape.has_type(subject, "credentialSubject.type", &["AchievementSubject"]);
            if !subject.contains_key("id") && !subject.contains_key("identifier") {
                shape.missing("credentialSubject.id");
            }
            if let Some(achievement) =
                shape.object(subject, "achievement", "credentialSubject.achievement")
            {
                let p = "credentialSubject.achievement";
                shape.uri(achievement, "id", &alloc::format!("{p}.id"));
                shape.has_type(achievement, &alloc::format!("{p}.type"), &["Achievement"]);
                shape.string(achievement, "name", &alloc::format!("{p}.name"));
                shape.string(
                    achievement,
                    "description",
                    &alloc::format!("{p}.description"),
                );
                shape.object(achievement, "criteria", &alloc::format!("{p}.criteria"));
            }
        }
    } else {
        match doc.get("credentialSubject") {
            Some(Value::Object(_)) => {}
            Some(Value::Array(items))
                if !items.is_empty() && items.iter().all(Value::is_object) => {}
            None | Some(Value::Null) => shape.missing("credentialSubject"),
            Some(_) => shape.invalid("credentialSubject", "an object or a list of objects"),
        }
    }

    if failures.is_empty() {
        checks.push(
            Check::passed(CheckId::Structure, Code::StructureValid).with(
                "model",
                if ob {
                    "OpenBadgeCredential"
                } else {
                    "VerifiableCredential"
                },
            ),
        );
    } else {
        checks.append(&mut failures);
    }
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        // A language map or value object: take the first value.
        Value::Object(o) => o
            .get("@value")
            .or_else(|| o.values().next())
            .and_then(|v| v.as_str())
            .map(ToString::to_string),
        Value::Array(items) => items.iter().find_map(|v| text(Some(v))),
        _ => None,
    }
}

fn image(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => text(o.get("id")),
        _ => None,
    }
}

fn list(value: Option<&Value>) -> Vec<&Map<String, Value>> {
    match value {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(o)) => alloc::vec![o],
        _ => Vec::new(),
    }
}

/// At most this many alignments, results and evidence items are summarized.
const MAX_LISTED: usize = 32;

fn links(value: Option<&Value>, name_keys: &[&str], url_keys: &[&str]) -> Vec<Link> {
    list(value)
        .into_iter()
        .filter_map(|o| {
            let url = url_keys
                .iter()
                .find_map(|k| text(o.get(*k)))
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            let name = name_keys
                .iter()
                .find_map(|k| text(o.get(*k)))
                .or_else(|| url.clone())?;
            Some(Link { name, url })
        })
        .take(MAX_LISTED)
        .collect()
}

/// Pulls out the fields a person reads first.
pub(crate) fn summarize(cred: &JsonCredential) -> Summary {
    let doc = &cred.doc;
    let issuer = doc.get("issuer").and_then(Value::as_object);
    let subject = match doc.get("credentialSubject") {
        Some(Value::Array(items)) => items.first().and_then(Value::as_object),
        Some(v) => v.as_object(),
        None => None,
    };
    let achievement = subject
        .and_then(|s| s.get("achievement"))
        .and_then(Value::as_object);
    let criteria = achievement
        .and_then(|a| a.get("criteria"))
        .and_then(Value::as_object);
    let recipient = subject.and_then(|s| {
        text(s.get("name")).or_else(|| {
            let identifier = match s.get("identifier") {
                Some(Value::Array(items)) => items.first().and_then(Value::as_object),
                Some(v) => v.as_object(),
                None => None,
            };
            identifier
                .filter(|i| i.get("hashed").and_then(Value::as_bool) != Some(true))
                .and_then(|i| text(i.get("identityHash")))
                .or_else(|| text(s.get("id")))
        })
    });
    Summary {
        credential_id: text(doc.get("id")),
        credential_name: text(doc.get("name")),
        types: types(doc.get("type"))
            .into_iter()
            .map(ToString::to_string)
            .collect(),
        achievement_id: achievement.and_then(|a| text(a.get("id"))),
        achievement_name: achievement.and_then(|a| text(a.get("name"))),
        achievement_description: achievement.and_then(|a| text(a.get("description"))),
        achievement_criteria: criteria
            .and_then(|c| text(c.get("narrative")).or_else(|| text(c.get("id")))),
        achievement_image: achievement
            .and_then(|a| image(a.get("image")))
            .or_else(|| image(doc.get("image"))),
        issuer_id: cred.issuer_id().map(ToString::to_string),
        issuer_name: issuer.and_then(|i| text(i.get("name"))),
        issuer_url: issuer.and_then(|i| text(i.get("url"))),
        issuer_image: issuer.and_then(|i| image(i.get("image"))),
        recipient,
        valid_from: text(doc.get(cred.start_field())),
        valid_until: text(doc.get(cred.end_field())),
        awarded: text(doc.get("awardedDate")),
        achievement_type: achievement.and_then(|a| text(a.get("achievementType"))),
        alignments: links(
            achievement.and_then(|a| a.get("alignment")),
            &["targetName"],
            &["targetUrl"],
        ),
        results: subject
            .map(|s| {
                list(s.get("result"))
                    .into_iter()
                    .filter_map(|r| {
                        text(r.get("value"))
                            .or_else(|| text(r.get("achievedLevel")))
                            .or_else(|| text(r.get("status")))
                    })
                    .take(MAX_LISTED)
                    .collect()
            })
            .unwrap_or_default(),
        evidence: links(
            doc.get("evidence"),
            &["name", "narrative", "description"],
            &["id"],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_badge_context_pattern() {
        for ok in ["context.json", "context-3.0.3.json", "context-3.0.1.json"] {
            assert!(
                is_open_badge_context(&alloc::format!(
                    "https://purl.imsglobal.org/spec/ob/v3p0/{ok}"
                )),
                "{ok}"
            );
        }
        for bad in [
            "context-3.0.json",
            "context-4.0.0.json",
            "context-3.0.3.jsonx",
            "contextx.json",
            "context-3.a.1.json",
        ] {
            assert!(
                !is_open_badge_context(&alloc::format!(
                    "https://purl.imsglobal.org/spec/ob/v3p0/{bad}"
                )),
                "{bad}"
            );
        }
    }

    #[test]
    fn uris() {
        assert!(is_uri("urn:uuid:1234"));
        assert!(is_uri("did:key:z6Mk"));
        assert!(is_uri("https://example.edu/a"));
        assert!(!is_uri("not a uri"));
        assert!(!is_uri("1http://x"));
        assert!(!is_uri("https:"));
    }
}
