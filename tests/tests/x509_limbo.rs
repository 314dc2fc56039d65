//! x509-limbo (the subset in ../shared/vectors/x509-limbo; skipped when absent): every test case
//! is run through `verifier_core::x509::verify_chain` and, as an oracle, rustls-webpki on the same
//! inputs. Each case ends as pass, skip (a feature Verity does not implement, with the reason) or
//! a known divergence listed with its reason in `tests/x509-limbo-divergences.json` (reviewed).
//! The test fails on any other disagreement with the suite, and always on a false accept (Verity
//! valid where the suite expects a failure) that is not listed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::collections::BTreeMap;

use serde_json::Value;
use verifier_core::x509::{self, ChainOptions, Purpose, names::ServerName};
use verifier_core::{Limits, UnixTime, Verdict};

/// When a case gives no validation time (its certificates are valid 1970–2969).
const DEFAULT_TIME: &str = "2026-12-03T00:00:00Z";

/// Features whose cases are skipped, and why.
const UNSUPPORTED: &[(&str, &str)] = &[
    (
        "has-crl",
        "CRLs are not checked: Verity validates paths, revocation of TLS certificates is left to OCSP/CRL tooling",
    ),
    (
        "has-policy-constraints",
        "certificate policies are not processed (as rustls-webpki)",
    ),
];

/// The DER inside one PEM block (decoded here, not by the code under test).
fn pem_to_der(pem: &str) -> Vec<u8> {
    use base64ct::{Base64, Encoding};
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    Base64::decode_vec(body.trim()).unwrap()
}

struct Case<'a> {
    id: &'a str,
    purpose: Purpose,
    name: Option<ServerName>,
    now: UnixTime,
    anchors: Vec<Vec<u8>>,
    chain_pem: String,
    intermediates: Vec<Vec<u8>>,
    peer: Vec<u8>,
    max_depth: Option<usize>,
}

fn case<'a>(t: &'a Value) -> Result<Case<'a>, String> {
    let id = t["id"].as_str().unwrap();
    let purpose = match t["validation_kind"].as_str() {
        Some("SERVER") => Purpose::Server,
        Some("CLIENT") => Purpose::Client,
        other => return Err(format!("validation kind {other:?}")),
    };
    let name = match &t["expected_peer_name"] {
        Value::Null => None,
        n => match (n["kind"].as_str(), n["value"].as_str()) {
            (Some("DNS" | "IP"), Some(v)) => Some(
                ServerName::parse(v)
                    .ok_or_else(|| format!("expected peer name {v:?} is not a name"))?,
            ),
            (kind, _) => return Err(format!("peer name kind {kind:?}")),
        },
    };
    if !t["expected_peer_names"]
        .as_array()
        .is_none_or(Vec::is_empty)
    {
        return Err("several expected peer names (client identities)".into());
    }
    let eku: Vec<&str> = t["extended_key_usage"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    match (purpose, eku.as_slice()) {
        (_, []) | (Purpose::Server, ["serverAuth"]) | (Purpose::Client, ["clientAuth"]) => {}
        (_, other) => {
            return Err(format!(
                "extended key usage {other:?} with this validation kind"
            ));
        }
    }
    if t["key_usage"].as_array().is_some_and(|k| !k.is_empty()) {
        return Err("a required key usage (not a Verity option for TLS purposes)".into());
    }
    let now = t["validation_time"]
        .as_str()
        .unwrap_or(DEFAULT_TIME)
        .replace("+00:00", "Z");
    let anchors = t["trusted_certs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| pem_to_der(p.as_str().unwrap()))
        .collect();
    let peer_pem = t["peer_certificate"].as_str().unwrap();
    let mut chain_pem = peer_pem.to_string();
    let mut intermediates = Vec::new();
    for p in t["untrusted_intermediates"].as_array().unwrap() {
        chain_pem.push_str(p.as_str().unwrap());
        intermediates.push(pem_to_der(p.as_str().unwrap()));
    }
    Ok(Case {
        id,
        purpose,
        name,
        now: UnixTime::parse(&now).unwrap(),
        anchors,
        chain_pem,
        intermediates,
        peer: pem_to_der(peer_pem),
        max_depth: t["max_chain_depth"].as_u64().map(|d| d as usize),
    })
}

fn verity(c: &Case<'_>) -> (bool, String) {
    let limits = Limits::default();
    // An anchor Verity cannot read is no anchor.
    let anchors: Vec<_> = c
        .anchors
        .iter()
        .filter_map(|d| x509::Certificate::from_der(d).ok())
        .collect();
    let mut options = ChainOptions::new(c.purpose);
    options.name = c.name.clone();
    options.lifetime_policy = false; // RFC 5280 cases, not Web PKI issuance rules
    let mut limits = limits;
    if let Some(depth) = c.max_depth {
        // limbo's max_chain_depth counts intermediates; Verity's depth counts the leaf too.
        limits.max_chain_depth = depth + 1;
    }
    let report = x509::verify_chain(c.chain_pem.as_bytes(), &anchors, &options, &limits, c.now);
    let why = report
        .checks
        .iter()
        .filter(|k| k.outcome != verifier_core::Outcome::Passed)
        .map(|k| match k.datum("reason") {
            Some(r) => format!("{} [{r}]", k.code.as_str()),
            None => k.code.as_str().to_string(),
        })
        .collect::<Vec<_>>()
        .join(",");
    // The Web PKI SAN requirement is a policy finding; limbo's name cases are judged by the
    // name check itself.
    let ok = report.verdict == Verdict::Valid
        || (report.verdict == Verdict::Invalid
            && report.checks.iter().all(|k| {
                k.outcome == verifier_core::Outcome::Passed
                    || k.code == verifier_core::Code::X509SanMissing
            }));
    (ok, why)
}

fn webpki(c: &Case<'_>) -> Result<(), String> {
    use rustls_pki_types::{CertificateDer, ServerName as PkiName, UnixTime as PkiTime};
    let anchor_ders: Vec<CertificateDer<'_>> = c
        .anchors
        .iter()
        .map(|d| CertificateDer::from(d.as_slice()))
        .collect();
    let anchors = anchor_ders
        .iter()
        .map(|d| webpki::anchor_from_trusted_cert(d).map_err(|e| format!("anchor: {e:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let intermediates: Vec<CertificateDer<'_>> = c
        .intermediates
        .iter()
        .map(|d| CertificateDer::from(d.as_slice()))
        .collect();
    let peer = CertificateDer::from(c.peer.as_slice());
    let ee = webpki::EndEntityCert::try_from(&peer).map_err(|e| format!("{e:?}"))?;
    let time = PkiTime::since_unix_epoch(core::time::Duration::from_secs(c.now.0.max(0) as u64));
    let usage = match c.purpose {
        Purpose::Client => webpki::KeyUsage::client_auth(),
        _ => webpki::KeyUsage::server_auth(),
    };
    ee.verify_for_usage(
        webpki::ALL_VERIFICATION_ALGS,
        &anchors,
        &intermediates,
        time,
        usage,
        None,
        None,
    )
    .map_err(|e| format!("{e:?}"))?;
    if let Some(name) = &c.name {
        let name = match name {
            ServerName::Dns(d) => PkiName::try_from(d.as_str())
                .map_err(|e| format!("{e:?}"))?
                .to_owned(),
            ServerName::Ip(ip) => {
                let addr: core::net::IpAddr = match ip.len() {
                    4 => <[u8; 4]>::try_from(ip.as_slice()).unwrap().into(),
                    _ => <[u8; 16]>::try_from(ip.as_slice()).unwrap().into(),
                };
                PkiName::IpAddress(addr.into())
            }
        };
        ee.verify_is_valid_for_subject_name(&name)
            .map_err(|e| format!("{e:?}"))?;
    }
    Ok(())
}

#[test]
fn x509_limbo_subset() {
    let Some(dir) = support::shared_vectors("x509_limbo_subset", "x509-limbo") else {
        return;
    };
    let suite: Value =
        serde_json::from_slice(&std::fs::read(dir.join("limbo-subset.json")).unwrap()).unwrap();
    let divergences: BTreeMap<String, String> = serde_json::from_slice(
        &std::fs::read(support::repo().join("tests/x509-limbo-divergences.json")).unwrap(),
    )
    .unwrap();

    let (mut pass, mut skip, mut known, mut conflicts) = (0, 0, 0, 0);
    let (mut webpki_agrees, mut webpki_ran) = (0, 0);
    let mut verity_vs_webpki = Vec::new();
    let mut failures = Vec::new();
    let mut false_accepts = Vec::new();
    for t in suite["testcases"].as_array().unwrap() {
        let id = t["id"].as_str().unwrap();
        let expect_ok = t["expected_result"] == "SUCCESS";
        let features: Vec<&str> = t["features"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        if let Some((_, why)) = UNSUPPORTED.iter().find(|(f, _)| features.contains(f)) {
            eprintln!("skip {id}: {why}");
            skip += 1;
            continue;
        }
        let c = match case(t) {
            Ok(c) => c,
            Err(why) => {
                eprintln!("skip {id}: {why}");
                skip += 1;
                continue;
            }
        };
        let (ok, why) = verity(&c);
        let oracle = webpki(&c);
        webpki_ran += 1;
        if oracle.is_ok() == expect_ok {
            webpki_agrees += 1;
        }
        if ok != oracle.is_ok() {
            verity_vs_webpki.push(format!("{}: verity {ok} ({why}), webpki {oracle:?}", c.id));
        }
        if ok == expect_ok {
            pass += 1;
            assert!(
                !divergences.contains_key(id),
                "{id} passes now: remove it from tests/x509-limbo-divergences.json"
            );
        } else if divergences.contains_key(id) {
            known += 1;
        } else if t["conflicts_with"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
        {
            // The suite holds both sides of a profile choice (RFC 5280 vs the CA/B Forum /
            // webpki profile); Verity meets the other side.
            eprintln!("conflict {id}: Verity follows {}", t["conflicts_with"]);
            conflicts += 1;
        } else {
            if ok {
                false_accepts.push(id.to_string());
            }
            failures.push(format!(
                "{id}: expected {}, Verity says {} ({why}); webpki {:?}",
                if expect_ok { "SUCCESS" } else { "FAILURE" },
                if ok { "valid" } else { "not valid" },
                oracle
            ));
        }
    }
    eprintln!(
        "x509-limbo subset: {pass} pass, {skip} skipped, {known} known divergences, \
         {conflicts} on the other side of a conflicting pair; \
         rustls-webpki agrees with the suite on {webpki_agrees} of {webpki_ran}; \
         Verity and webpki differ on {}",
        verity_vs_webpki.len()
    );
    for d in &verity_vs_webpki {
        eprintln!("  differs: {d}");
    }
    assert!(
        failures.is_empty(),
        "{} unexpected results ({} false accepts: {false_accepts:?}):\n{}",
        failures.len(),
        false_accepts.len(),
        failures.join("\n")
    );
    assert!(pass > 150, "only {pass} cases passed");
}
