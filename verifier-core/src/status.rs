//! Revocation and suspension: W3C Bitstring Status List v1.0 and its predecessor StatusList2021.
//!
//! Bitstring Status List v1.0 (W3C Recommendation, 2025), §2.1 "BitstringStatusListEntry" and §3.2
//! "Validate Algorithm":
//! - the credential's `credentialStatus` entry names a `statusPurpose`, a `statusListIndex` (a
//!   base-10 string), the `statusListCredential` URL and optionally `statusSize` (default 1);
//! - the list credential must verify, have type `BitstringStatusListCredential`, and its subject
//!   (`BitstringStatusList`) must include the entry's purpose;
//! - `encodedList` is multibase base64url (`u`) of the GZIP-compressed bitstring, at least
//!   131,072 entries long; index 0 is the left-most bit (most significant bit of the first byte);
//! - the entry's status is the `statusSize` bits at `statusListIndex × statusSize`.
//!
//! StatusList2021 (W3C CCG report) is the same scheme with the types `StatusList2021Entry`,
//! `StatusList2021Credential`, `StatusList2021` and `encodedList` without the multibase prefix.
//!
//! What a verifier can only learn from a document it does not have is never guessed: a list that
//! was not supplied, does not verify, or is not the issuer's leaves the check *skipped* (verdict
//! `indeterminate`), never `valid` and never `invalid`. Only a malformed entry in the credential
//! itself fails it.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};

use crate::context::Context;
use crate::credential::{self, JsonCredential};
use crate::gzip::{self, GzipError};
use crate::proof;
use crate::report::{Check, CheckId, Code, Outcome};
use crate::time::UnixTime;

/// The smallest list the specifications allow, in entries (Bitstring Status List §2.2: 16 KiB of
/// bits, "for privacy"); StatusList2021 says the same.
pub const MIN_ENTRIES: u64 = 131_072;
/// Most status entries read from one credential (real ones carry one or two: revocation, suspension).
const MAX_ENTRIES: usize = 8;
/// Largest `statusSize` accepted: 2^16 statuses is more than any `statusMessage` list lists.
const MAX_STATUS_SIZE: u32 = 16;

/// The two status list generations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Bitstring,
    StatusList2021,
}

impl Kind {
    fn of_entry(ty: &str) -> Option<Self> {
        match ty {
            "BitstringStatusListEntry" => Some(Self::Bitstring),
            "StatusList2021Entry" => Some(Self::StatusList2021),
            _ => None,
        }
    }
    const fn list_credential_type(self) -> &'static str {
        match self {
            Self::Bitstring => "BitstringStatusListCredential",
            Self::StatusList2021 => "StatusList2021Credential",
        }
    }
    const fn list_type(self) -> &'static str {
        match self {
            Self::Bitstring => "BitstringStatusList",
            Self::StatusList2021 => "StatusList2021",
        }
    }
    /// Whether a list credential of these types serves an entry of this kind. A StatusList2021
    /// entry may point to a list re-published as its successor, a Bitstring Status List
    /// (Blockcerts does): same bits, same issuer signature, so it is read.
    fn accepts(self, credential_types: &[&str], subject_types: &[&str]) -> bool {
        let generations: &[Kind] = match self {
            Self::Bitstring => &[Self::Bitstring],
            Self::StatusList2021 => &[Self::StatusList2021, Self::Bitstring],
        };
        generations.iter().any(|k| {
            credential_types.contains(&k.list_credential_type())
                && subject_types.contains(&k.list_type())
        })
    }
}

/// One parsed `credentialStatus` entry.
#[derive(Debug)]
struct Entry<'a> {
    kind: Kind,
    purpose: &'a str,
    index: u64,
    list: &'a str,
    size: u32,
    messages: Option<&'a Vec<Value>>,
}

/// The `credentialStatus` entries (one object or an array).
fn entries(doc: &Map<String, Value>) -> Vec<&Value> {
    match doc.get("credentialStatus") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => alloc::vec![one],
    }
}

/// The status list URLs a credential refers to, for [`crate::needs`].
pub(crate) fn list_urls(doc: &Map<String, Value>) -> Vec<String> {
    entries(doc)
        .into_iter()
        .take(MAX_ENTRIES)
        .filter(|e| {
            credential::types(e.get("type"))
                .into_iter()
                .any(|t| Kind::of_entry(t).is_some())
        })
        .filter_map(|e| e.get("statusListCredential")?.as_str())
        .map(ToString::to_string)
        .collect()
}

/// Checks every status entry of `cred`; one check per entry (or one `status.none`).
pub(crate) fn check_status(cred: &JsonCredential, ctx: &Context, now: UnixTime) -> Vec<Check> {
    let all = entries(&cred.doc);
    if all.is_empty() {
        return alloc::vec![Check::skipped(CheckId::Status, Code::StatusNone)];
    }
    if all.len() > MAX_ENTRIES {
        return alloc::vec![entry_invalid(
            "credentialStatus",
            "more than 8 status entries"
        )];
    }
    all.into_iter()
        .map(|entry| match parse_entry(entry) {
            Ok(entry) => check_entry(&entry, cred, ctx, now),
            Err(check) => check,
        })
        .collect()
}

fn entry_invalid(field: &str, reason: &str) -> Check {
    Check::failed(CheckId::Status, Code::StatusEntryInvalid)
        .with("field", field)
        .with("reason", reason)
}

fn parse_entry(value: &Value) -> Result<Entry<'_>, Check> {
    let Some(map) = value.as_object() else {
        return Err(entry_invalid("credentialStatus", "not an object"));
    };
    let types = credential::types(map.get("type"));
    let Some(kind) = types.iter().find_map(|t| Kind::of_entry(t)) else {
        let ty = types.first().copied().unwrap_or("(none)");
        return Err(Check::skipped(CheckId::Status, Code::StatusUnsupported).with("type", ty));
    };
    let purpose = map
        .get("statusPurpose")
        .and_then(Value::as_str)
        .ok_or_else(|| entry_invalid("statusPurpose", "missing or not a string"))?;
    let index = match map.get("statusListIndex") {
        // The specifications say a base-10 string; some issuers (and a 1EdTech fixture) write a number.
        Some(Value::String(s)) => parse_decimal(s),
        Some(Value::Number(n)) => n.as_u64(),
        _ => None,
    }
    .ok_or_else(|| entry_invalid("statusListIndex", "not a non-negative integer"))?;
    let list = map
        .get("statusListCredential")
        .and_then(Value::as_str)
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .ok_or_else(|| entry_invalid("statusListCredential", "missing or not an http(s) URL"))?;
    let size = match map.get("statusSize") {
        None => 1,
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=MAX_STATUS_SIZE).contains(n))
            .ok_or_else(|| entry_invalid("statusSize", "not an integer from 1 to 16"))?,
        Some(_) => return Err(entry_invalid("statusSize", "not a number")),
    };
    let messages = map.get("statusMessage").and_then(Value::as_array);
    Ok(Entry {
        kind,
        purpose,
        index,
        list,
        size,
        messages,
    })
}

/// A base-10 integer of at most 19 digits (so it fits in a u64), no sign.
fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn check_entry(entry: &Entry<'_>, cred: &JsonCredential, ctx: &Context, now: UnixTime) -> Check {
    let with_entry = |check: Check| {
        check
            .with("purpose", entry.purpose)
            .with("index", entry.index.to_string())
            .with("list", entry.list)
    };
    match entry.purpose {
        "refresh" => return with_entry(Check::skipped(CheckId::Status, Code::StatusRefresh)),
        "revocation" | "suspension" | "message" => {}
        // A purpose this verifier cannot interpret: its bit would mean nothing certain.
        _ => {
            return with_entry(
                Check::skipped(CheckId::Status, Code::StatusUnsupported)
                    .with("type", kind_name(entry.kind)),
            );
        }
    }
    let bits = match read_list(entry, cred, ctx, now) {
        Ok(bits) => bits,
        Err(check) => return with_entry(check),
    };
    let Some(status) = status_at(&bits, entry.index, entry.size) else {
        let entries = entry_count(&bits, entry.size);
        return with_entry(
            Check::skipped(CheckId::Status, Code::StatusListInvalid).with(
                "reason",
                format!("index outside the list of {entries} entries"),
            ),
        );
    };
    let check = match (entry.purpose, status) {
        ("message", _) => {
            let check = Check::passed(CheckId::Status, Code::StatusMessage)
                .with("status", format!("0x{status:x}"));
            match message_for(entry.messages, status) {
                Some(message) => check.with("message", message),
                None => check,
            }
        }
        (_, 0) => Check::passed(CheckId::Status, Code::StatusActive),
        ("suspension", _) => Check::failed(CheckId::Status, Code::StatusSuspended),
        _ => Check::failed(CheckId::Status, Code::StatusRevoked),
    };
    with_entry(check)
}

const fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Bitstring => "BitstringStatusListEntry",
        Kind::StatusList2021 => "StatusList2021Entry",
    }
}

/// Obtains the list credential, checks it and returns the decompressed bitstring.
fn read_list(
    entry: &Entry<'_>,
    cred: &JsonCredential,
    ctx: &Context,
    now: UnixTime,
) -> Result<Vec<u8>, Check> {
    let skipped = |code| Check::skipped(CheckId::Status, code);
    let invalid = |reason: &str| skipped(Code::StatusListInvalid).with("reason", reason);
    let bytes = ctx
        .document(entry.list)
        .ok_or_else(|| skipped(Code::StatusListMissing))?;
    if bytes.len() > ctx.limits.max_document_bytes {
        return Err(invalid("larger than the document size limit"));
    }
    let Ok(Value::Object(doc)) = serde_json::from_slice::<Value>(bytes) else {
        return Err(invalid("not a JSON object"));
    };
    let list = JsonCredential::recognise(doc).map_err(invalid)?;
    let subject = match list.doc.get("credentialSubject") {
        Some(Value::Object(s)) => s,
        _ => return Err(invalid("credentialSubject is not an object")),
    };
    if !entry.kind.accepts(
        &credential::types(list.doc.get("type")),
        &credential::types(subject.get("type")),
    ) {
        return Err(invalid(&format!(
            "not a {} of a {}",
            entry.kind.list_credential_type(),
            entry.kind.list_type()
        )));
    }
    // The list's own proof, checked exactly as a credential's (issuer key, suite, signature).
    let mut proof_checks = Vec::new();
    proof::check_proofs(&list, ctx, now, &mut proof_checks);
    if let Some(bad) = proof_checks.iter().find(|c| c.outcome != Outcome::Passed) {
        return Err(skipped(Code::StatusListUnverified).with("cause", bad.code.as_str()));
    }
    let list_issuer = list.issuer_id().unwrap_or_default();
    if Some(list_issuer) != cred.issuer_id() && ctx.trusted_issuer(list_issuer).is_none() {
        return Err(skipped(Code::StatusListIssuerMismatch).with("listIssuer", list_issuer));
    }
    let (from, until) = list.validity();
    if let Some(until) = until.filter(|u| now > *u) {
        return Err(skipped(Code::StatusListExpired).with("validUntil", until.to_rfc3339()));
    }
    if let Some(from) = from.filter(|f| now < *f) {
        return Err(skipped(Code::StatusListExpired).with("validFrom", from.to_rfc3339()));
    }
    let purposes = match subject.get("statusPurpose") {
        Some(Value::String(p)) => alloc::vec![p.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    // StatusList2021 lists in the wild (Blockcerts') omit the purpose; the entry, signed by the
    // issuer, names the list, so only a list that states another purpose is refused there.
    let unstated_2021 = purposes.is_empty() && entry.kind == Kind::StatusList2021;
    if !purposes.contains(&entry.purpose) && !unstated_2021 {
        return Err(invalid("the list is for another status purpose"));
    }
    let encoded = subject
        .get("encodedList")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("encodedList missing"))?;
    let bits = decode_list(encoded, ctx.limits.max_decompressed_bytes).map_err(|e| match e {
        ListError::TooLarge => skipped(Code::LimitsDecompressedSize)
            .with("limit", ctx.limits.max_decompressed_bytes.to_string()),
        ListError::Invalid(reason) => invalid(reason),
    })?;
    if entry_count(&bits, entry.size) < MIN_ENTRIES {
        return Err(invalid("shorter than the 131,072-entry minimum"));
    }
    Ok(bits)
}

/// Why an `encodedList` could not be decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ListError {
    TooLarge,
    Invalid(&'static str),
}

/// Decodes `encodedList`: base64url of GZIP data, with the multibase `u` prefix (Bitstring Status
/// List) or without it (StatusList2021, and lists such as Blockcerts' that are typed Bitstring but
/// written the older way). GZIP data always encodes as `H4s…`, so the two forms cannot be confused.
fn decode_list(encoded: &str, limit: usize) -> Result<Vec<u8>, ListError> {
    let body = encoded
        .strip_prefix('u')
        .filter(|b| b.starts_with("H4s"))
        .unwrap_or(encoded);
    // A compressed list larger than the decompression limit cannot be honest either.
    if body.len() / 4 * 3 > limit {
        return Err(ListError::TooLarge);
    }
    let compressed = Base64UrlUnpadded::decode_vec(body.trim_end_matches('='))
        .map_err(|_| ListError::Invalid("encodedList is not base64url"))?;
    gzip::gunzip(&compressed, limit).map_err(|e| match e {
        GzipError::TooLarge => ListError::TooLarge,
        GzipError::Header(_) => ListError::Invalid("encodedList is not GZIP data"),
        GzipError::Deflate | GzipError::Trailer => {
            ListError::Invalid("encodedList is corrupt (GZIP)")
        }
    })
}

/// How many `size`-bit entries a bitstring holds.
fn entry_count(bits: &[u8], size: u32) -> u64 {
    u64::try_from(bits.len())
        .unwrap_or(u64::MAX)
        .saturating_mul(8)
        / u64::from(size)
}

/// The `size` bits at `index × size`, most significant first; `None` outside the list.
fn status_at(bits: &[u8], index: u64, size: u32) -> Option<u64> {
    let start = index.checked_mul(u64::from(size))?;
    let end = start.checked_add(u64::from(size))?;
    if end > u64::try_from(bits.len()).ok()?.checked_mul(8)? {
        return None;
    }
    let mut value = 0u64;
    for position in start..end {
        let byte = bits.get(usize::try_from(position / 8).ok()?)?;
        let bit = (byte >> (7 - position % 8)) & 1;
        value = (value << 1) | u64::from(bit);
    }
    Some(value)
}

/// The `message` of the `statusMessage` entry whose `status` (hex, `0x…`) equals `status`.
fn message_for(messages: Option<&Vec<Value>>, status: u64) -> Option<String> {
    messages?.iter().find_map(|m| {
        let hex = m.get("status")?.as_str()?.strip_prefix("0x")?;
        (u64::from_str_radix(hex, 16).ok()? == status)
            .then(|| m.get("message")?.as_str().map(ToString::to_string))?
    })
}

/// Encodes a bitstring as a Bitstring Status List `encodedList` (`u` + base64url(GZIP(bits))),
/// for issuers.
pub fn encode_list(bits: &[u8]) -> String {
    let mut out = String::from("u");
    out.push_str(&Base64UrlUnpadded::encode_string(&gzip::gzip(bits)));
    out
}

/// Decodes an `encodedList` (`u…`, or without the prefix) into its bitstring, for issuers
/// updating a list. `limit` bounds the decompressed size.
pub fn decode_encoded_list(encoded: &str, limit: usize) -> Result<Vec<u8>, &'static str> {
    decode_list(encoded, limit).map_err(|e| match e {
        ListError::TooLarge => "the list decompresses beyond the limit",
        ListError::Invalid(reason) => reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_order_is_most_significant_first() {
        let bits = [0b1000_0000, 0b0000_0001];
        assert_eq!(status_at(&bits, 0, 1), Some(1));
        assert_eq!(status_at(&bits, 1, 1), Some(0));
        assert_eq!(status_at(&bits, 15, 1), Some(1));
        assert_eq!(status_at(&bits, 16, 1), None);
        assert_eq!(status_at(&bits, 7, 2), Some(1)); // bits 14..16 = 0b01
        assert_eq!(status_at(&bits, 0, 4), Some(0b1000));
        assert_eq!(status_at(&bits, u64::MAX, 2), None);
    }

    #[test]
    fn spec_example_list_is_all_zero() {
        // Bitstring Status List v1.0 §2.2 example: 16 KiB of zero bits.
        let bits = decode_encoded_list(
            "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
            1 << 24,
        )
        .unwrap();
        assert_eq!(bits.len(), 16 * 1024);
        assert!(bits.iter().all(|b| *b == 0));
    }

    #[test]
    fn encode_decode_round_trip() {
        let mut bits = alloc::vec![0u8; 16 * 1024];
        bits[5] = 0b0010_0000; // index 42
        let encoded = encode_list(&bits);
        assert!(encoded.starts_with("uH4sI"));
        let back = decode_encoded_list(&encoded, 1 << 24).unwrap();
        assert_eq!(status_at(&back, 42, 1), Some(1));
        assert_eq!(status_at(&back, 41, 1), Some(0));
        assert_eq!(
            decode_encoded_list(&encoded, 1000),
            Err("the list decompresses beyond the limit")
        );
    }

    #[test]
    fn decimal_indexes() {
        assert_eq!(parse_decimal("94567"), Some(94567));
        assert_eq!(parse_decimal("0"), Some(0));
        for bad in ["", "-1", "+1", "1e3", " 1", "99999999999999999999"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }
}
