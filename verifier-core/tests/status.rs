//! Revocation and suspension with Bitstring Status List v1.0 and StatusList2021 (natively and in
//! WebAssembly): lists built and signed here, read back through the whole pipeline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use ed25519_dalek::SigningKey;
use serde_json::{Value, json};
use verifier_core::{
    Check, Code, Context, Limits, NeedKind, Outcome, Report, TrustedIssuer, UnixTime, Verdict,
    needs, needs_with, status, verify,
};
use wasm_bindgen_test::wasm_bindgen_test;

const NOW: UnixTime = UnixTime(1_780_000_000); // 2026-05-28T20:26:40Z
const REVOCATION: &str = "https://example.edu/status/revocation";
const SUSPENSION: &str = "https://example.edu/status/suspension";

fn entry(purpose: &str, index: u64, list: &str) -> Value {
    json!({"id": format!("{list}#{index}"), "type": "BitstringStatusListEntry", "statusPurpose": purpose,
        "statusListIndex": index.to_string(), "statusListCredential": list})
}

fn credential(status: Value) -> String {
    let mut unsigned = common::badge_template();
    unsigned["credentialStatus"] = status;
    common::signed_badge(&unsigned)
}

/// A bitstring of `entries` × `size` bits with the given (index, value) statuses.
fn bits(entries: usize, size: u32, set: &[(u64, u64)]) -> Vec<u8> {
    let mut bits = vec![0u8; entries * size as usize / 8];
    for (index, value) in set {
        for k in 0..size {
            if value >> (size - 1 - k) & 1 == 1 {
                let position = (index * u64::from(size) + u64::from(k)) as usize;
                bits[position / 8] |= 0x80 >> (position % 8);
            }
        }
    }
    bits
}

fn list_unsigned(url: &str, purpose: Value, encoded: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": common::did_key(),
        "validFrom": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": format!("{url}#list"), "type": "BitstringStatusList",
            "statusPurpose": purpose, "encodedList": encoded}
    })
}

fn sign(unsigned: &Value, key: &SigningKey) -> String {
    let did = unsigned["issuer"].as_str().unwrap().to_string();
    let vm = format!("{did}#{}", did.trim_start_matches("did:key:"));
    common::sign_with(unsigned, key, &vm).to_string()
}

/// A signed revocation/suspension list (131,072 entries) with `set` indexes set.
fn list(url: &str, purpose: &str, set: &[u64]) -> String {
    let statuses: Vec<(u64, u64)> = set.iter().map(|i| (*i, 1)).collect();
    let encoded = status::encode_list(&bits(131_072, 1, &statuses));
    sign(
        &list_unsigned(url, json!(purpose), &encoded),
        &common::key(),
    )
}

fn with_lists(lists: &[(&str, String)]) -> Context {
    let mut ctx = Context::default();
    for (url, list) in lists {
        ctx = ctx.with_document(*url, list.clone());
    }
    ctx
}

fn status_checks(report: &Report) -> Vec<&Check> {
    report
        .checks
        .iter()
        .filter(|c| c.id == verifier_core::CheckId::Status)
        .collect()
}

fn only_status(report: &Report) -> (&'static str, Outcome) {
    let checks = status_checks(report);
    assert_eq!(checks.len(), 1, "{report:#?}");
    (checks[0].code.as_str(), checks[0].outcome)
}

#[wasm_bindgen_test(unsupported = test)]
fn revoked_suspended_and_active() {
    let revocation = list(REVOCATION, "revocation", &[7, 94_567]);
    let suspension = list(SUSPENSION, "suspension", &[8]);
    let ctx = with_lists(&[(REVOCATION, revocation), (SUSPENSION, suspension)]);

    let revoked = verify(
        credential(entry("revocation", 94_567, REVOCATION)).as_bytes(),
        &ctx,
        NOW,
    );
    assert_eq!(revoked.verdict, Verdict::Revoked, "{revoked:#?}");
    let check = status_checks(&revoked)[0];
    assert_eq!(
        (check.code, check.outcome),
        (Code::StatusRevoked, Outcome::Failed)
    );
    assert_eq!(check.datum("index"), Some("94567"));
    assert_eq!(check.datum("list"), Some(REVOCATION));

    let active = verify(
        credential(entry("revocation", 94_566, REVOCATION)).as_bytes(),
        &ctx,
        NOW,
    );
    assert_eq!(active.verdict, Verdict::Valid, "{active:#?}");
    assert_eq!(only_status(&active), ("status.active", Outcome::Passed));

    // Both purposes on one credential: each entry is reported.
    let both = json!([
        entry("revocation", 8, REVOCATION),
        entry("suspension", 8, SUSPENSION)
    ]);
    let suspended = verify(credential(both).as_bytes(), &ctx, NOW);
    assert_eq!(suspended.verdict, Verdict::Suspended, "{suspended:#?}");
    let codes: Vec<_> = status_checks(&suspended)
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, ["status.active", "status.suspended"]);

    let both = json!([
        entry("revocation", 7, REVOCATION),
        entry("suspension", 8, SUSPENSION)
    ]);
    assert_eq!(
        verify(credential(both).as_bytes(), &ctx, NOW).verdict,
        Verdict::Revoked
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn revoked_wins_over_expired_but_not_over_tampering() {
    let ctx = with_lists(&[(REVOCATION, list(REVOCATION, "revocation", &[3]))]);
    let mut unsigned = common::badge_template();
    unsigned["credentialStatus"] = entry("revocation", 3, REVOCATION);
    unsigned["validUntil"] = json!("2026-03-01T00:00:00Z");
    let expired_and_revoked = common::signed_badge(&unsigned);
    assert_eq!(
        verify(expired_and_revoked.as_bytes(), &ctx, NOW).verdict,
        Verdict::Revoked
    );
    let tampered = expired_and_revoked.replace("Ada Lovelace", "Eve");
    assert_eq!(
        verify(tampered.as_bytes(), &ctx, NOW).verdict,
        Verdict::Invalid
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn missing_list_is_indeterminate_and_listed_as_a_need() {
    let credential = credential(entry("revocation", 3, REVOCATION));
    let report = verify(credential.as_bytes(), &Context::default(), NOW);
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(
        only_status(&report),
        ("status.list_missing", Outcome::Skipped)
    );
    let needs = needs(credential.as_bytes(), &Limits::default());
    assert_eq!(needs.len(), 1);
    assert_eq!(
        (needs[0].kind, needs[0].url.as_str()),
        (NeedKind::StatusList, REVOCATION)
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn list_must_verify_and_be_the_issuers() {
    let credential = credential(entry("revocation", 3, REVOCATION));
    let run = |list: String, ctx: Context| {
        let ctx = ctx.with_document(REVOCATION, list);
        verify(credential.as_bytes(), &ctx, NOW)
    };

    // A list altered after signing (bit 3 cleared by an attacker who wants it back) does not count.
    let honest: Value = serde_json::from_str(&list(REVOCATION, "revocation", &[3])).unwrap();
    let mut forged = honest.clone();
    forged["credentialSubject"]["encodedList"] = json!(status::encode_list(&bits(131_072, 1, &[])));
    let report = run(forged.to_string(), Context::default());
    assert_eq!(report.verdict, Verdict::Indeterminate);
    assert_eq!(
        only_status(&report),
        ("status.list_unverified", Outcome::Skipped)
    );
    assert_eq!(
        status_checks(&report)[0].datum("cause"),
        Some("proof.signature_mismatch")
    );

    // An unsigned list does not count either.
    let mut unsigned = honest.clone();
    unsigned.as_object_mut().unwrap().remove("proof");
    let report = run(unsigned.to_string(), Context::default());
    assert_eq!(
        only_status(&report),
        ("status.list_unverified", Outcome::Skipped)
    );

    // A list signed by someone else is not the issuer's word…
    let other = SigningKey::from_bytes(&[0x22; 32]);
    let other_did = format!(
        "did:key:{}",
        verifier_core::did::encode_ed25519_multikey(other.verifying_key().as_bytes())
    );
    let mut foreign = list_unsigned(
        REVOCATION,
        json!("revocation"),
        &status::encode_list(&bits(131_072, 1, &[])),
    );
    foreign["issuer"] = json!(other_did);
    let foreign = sign(&foreign, &other);
    let report = run(foreign.clone(), Context::default());
    assert_eq!(
        only_status(&report),
        ("status.list_issuer_mismatch", Outcome::Skipped)
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);
    // …unless this verifier trusts that list issuer.
    let trusting = Context {
        trusted_issuers: vec![TrustedIssuer {
            id: other_did,
            name: "Status service".into(),
        }],
        ..Context::default()
    };
    assert_eq!(
        only_status(&run(foreign, trusting)),
        ("status.active", Outcome::Passed)
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn malformed_lists_are_not_trusted() {
    let credential = credential(entry("revocation", 3, REVOCATION));
    let report_with = |list: &str, ctx: Context| {
        verify(
            credential.as_bytes(),
            &ctx.with_document(REVOCATION, list),
            NOW,
        )
    };
    let reason = |report: &Report| status_checks(report)[0].datum("reason").map(String::from);
    let cases: Vec<(String, &str)> = vec![
        (
            list(REVOCATION, "suspension", &[3]),
            "the list is for another status purpose",
        ),
        (
            sign(
                &list_unsigned(
                    REVOCATION,
                    json!("revocation"),
                    &status::encode_list(&bits(8192, 1, &[(3, 1)])),
                ),
                &common::key(),
            ),
            "shorter than the 131,072-entry minimum",
        ),
        (
            sign(
                &list_unsigned(REVOCATION, json!("revocation"), "uQUJDRA"),
                &common::key(),
            ),
            "encodedList is not GZIP data",
        ),
        ("[1, 2]".into(), "not a JSON object"),
    ];
    for (list, expected) in cases {
        let report = report_with(&list, Context::default());
        assert_eq!(
            only_status(&report),
            ("status.list_invalid", Outcome::Skipped),
            "{expected}"
        );
        assert_eq!(reason(&report).as_deref(), Some(expected));
        assert_eq!(report.verdict, Verdict::Indeterminate);
    }

    // An index beyond the list.
    let far = credential_with_index(200_000);
    let report = verify(
        far.as_bytes(),
        &with_lists(&[(REVOCATION, list(REVOCATION, "revocation", &[]))]),
        NOW,
    );
    assert_eq!(
        only_status(&report),
        ("status.list_invalid", Outcome::Skipped)
    );
    assert_eq!(
        reason(&report).as_deref(),
        Some("index outside the list of 131072 entries")
    );

    // An expired list says nothing about today.
    let mut stale = list_unsigned(
        REVOCATION,
        json!("revocation"),
        &status::encode_list(&bits(131_072, 1, &[])),
    );
    stale["validUntil"] = json!("2026-02-01T00:00:00Z");
    let report = report_with(&sign(&stale, &common::key()), Context::default());
    assert_eq!(
        only_status(&report),
        ("status.list_expired", Outcome::Skipped)
    );
}

fn credential_with_index(index: u64) -> String {
    credential(entry("revocation", index, REVOCATION))
}

#[wasm_bindgen_test(unsupported = test)]
fn gzip_bomb_stops_at_the_limit() {
    // 1 MiB of zero bits compresses to about 1 KiB; with a 256 KiB limit it is a bomb.
    let encoded = status::encode_list(&vec![0u8; 1 << 20]);
    assert!(encoded.len() < 4096);
    let bomb = sign(
        &list_unsigned(REVOCATION, json!("revocation"), &encoded),
        &common::key(),
    );
    let ctx = Context {
        limits: Limits {
            max_decompressed_bytes: 256 * 1024,
            ..Limits::default()
        },
        ..Context::default()
    }
    .with_document(REVOCATION, bomb);
    let report = verify(credential_with_index(3).as_bytes(), &ctx, NOW);
    assert_eq!(
        only_status(&report),
        ("limits.decompressed_size", Outcome::Skipped)
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);
}

#[wasm_bindgen_test(unsupported = test)]
fn malformed_entries_fail_the_credential() {
    let cases = [
        (
            json!({"type": "BitstringStatusListEntry", "statusListIndex": "3", "statusListCredential": REVOCATION}),
            "statusPurpose",
        ),
        (
            json!({"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "-3", "statusListCredential": REVOCATION}),
            "statusListIndex",
        ),
        (
            json!({"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "3", "statusListCredential": "ftp://x"}),
            "statusListCredential",
        ),
        (
            json!({"type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "3", "statusListCredential": REVOCATION, "statusSize": 0}),
            "statusSize",
        ),
    ];
    for (status, field) in cases {
        let report = verify(credential(status).as_bytes(), &Context::default(), NOW);
        assert_eq!(
            only_status(&report),
            ("status.entry_invalid", Outcome::Failed),
            "{field}"
        );
        assert_eq!(status_checks(&report)[0].datum("field"), Some(field));
        assert_eq!(report.verdict, Verdict::Invalid);
    }
    // A purpose this verifier cannot interpret is not checkable either.
    let odd = json!({"type": "BitstringStatusListEntry", "statusPurpose": "audit", "statusListIndex": "3", "statusListCredential": REVOCATION});
    let report = verify(credential(odd).as_bytes(), &Context::default(), NOW);
    assert_eq!(
        only_status(&report),
        ("status.unsupported", Outcome::Skipped)
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);
    // Another status method is reported as not checkable, never as valid.
    let other = json!({"type": "1EdTechRevocationList", "id": "https://example.edu/revocations"});
    let report = verify(credential(other).as_bytes(), &Context::default(), NOW);
    assert_eq!(
        only_status(&report),
        ("status.unsupported", Outcome::Skipped)
    );
    assert_eq!(report.verdict, Verdict::Indeterminate);
}

#[wasm_bindgen_test(unsupported = test)]
fn message_and_refresh_purposes() {
    let url = "https://example.edu/status/messages";
    let encoded = status::encode_list(&bits(131_072, 2, &[(10, 0b10)]));
    let list = sign(
        &list_unsigned(url, json!(["message"]), &encoded),
        &common::key(),
    );
    let mut message = entry("message", 10, url);
    message["statusSize"] = json!(2);
    message["statusMessage"] = json!([{"status": "0x0", "message": "pending"}, {"status": "0x1", "message": "accepted"},
        {"status": "0x2", "message": "under review"}, {"status": "0x3", "message": "withdrawn"}]);
    let refresh = json!({"type": "BitstringStatusListEntry", "statusPurpose": "refresh", "statusListIndex": "1",
        "statusListCredential": "https://example.edu/status/refresh"});
    let report = verify(
        credential(json!([message, refresh])).as_bytes(),
        &with_lists(&[(url, list)]),
        NOW,
    );
    let checks = status_checks(&report);
    assert_eq!(
        (checks[0].code, checks[0].outcome),
        (Code::StatusMessage, Outcome::Passed)
    );
    assert_eq!(checks[0].datum("status"), Some("0x2"));
    assert_eq!(checks[0].datum("message"), Some("under review"));
    assert_eq!(
        (checks[1].code, checks[1].outcome),
        (Code::StatusRefresh, Outcome::Skipped)
    );
    assert_eq!(report.verdict, Verdict::Valid, "{report:#?}");
}

#[wasm_bindgen_test(unsupported = test)]
fn status_list_2021() {
    let url = "https://example.edu/status/2021";
    let encoded = status::encode_list(&bits(131_072, 1, &[(42, 1)]));
    let mut unsigned = list_unsigned(url, json!("revocation"), encoded.trim_start_matches('u'));
    unsigned["@context"] = json!([
        "https://www.w3.org/2018/credentials/v1",
        "https://w3id.org/vc/status-list/2021/v1"
    ]);
    unsigned["type"] = json!(["VerifiableCredential", "StatusList2021Credential"]);
    unsigned["credentialSubject"]["type"] = json!("StatusList2021");
    unsigned["issuanceDate"] = unsigned["validFrom"].take();
    unsigned.as_object_mut().unwrap().remove("validFrom");
    let ctx = with_lists(&[(url, sign(&unsigned, &common::key()))]);
    let entry = |index: u64| {
        json!({"id": format!("{url}#{index}"), "type": "StatusList2021Entry",
        "statusPurpose": "revocation", "statusListIndex": index.to_string(), "statusListCredential": url})
    };
    assert_eq!(
        verify(credential(entry(42)).as_bytes(), &ctx, NOW).verdict,
        Verdict::Revoked
    );
    assert_eq!(
        verify(credential(entry(41)).as_bytes(), &ctx, NOW).verdict,
        Verdict::Valid
    );
}

#[wasm_bindgen_test(unsupported = test)]
fn needs_follow_the_list_to_its_issuers_document() {
    let list_url = "https://status.example.org/lists/1";
    let mut unsigned = list_unsigned(
        list_url,
        json!("revocation"),
        &status::encode_list(&bits(131_072, 1, &[])),
    );
    unsigned["issuer"] = json!("did:web:status.example.org");
    let list = common::sign_with(
        &unsigned,
        &common::key(),
        "did:web:status.example.org#key-1",
    )
    .to_string();
    let credential = credential(entry("revocation", 3, list_url));
    let first = needs(credential.as_bytes(), &Limits::default());
    assert_eq!(
        first.iter().map(|n| n.url.as_str()).collect::<Vec<_>>(),
        [list_url]
    );
    let ctx = Context::default().with_document(list_url, list);
    let second = needs_with(credential.as_bytes(), &ctx);
    let urls: Vec<_> = second.iter().map(|n| (n.kind, n.url.as_str())).collect();
    assert_eq!(
        urls,
        [
            (NeedKind::StatusList, list_url),
            (
                NeedKind::DidDocument,
                "https://status.example.org/.well-known/did.json"
            )
        ]
    );
}
