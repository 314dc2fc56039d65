//! Mutation campaign: valid credentials (every proof form Verity issues: eddsa-rdfc-2022,
//! eddsa-jcs-2022, ecdsa-rdfc-2019, a VC-JOSE JWT, an anchored credential) are mutated thousands of
//! ways — every string, number and boolean changed, every property removed, a property added to
//! every object, array elements dropped, duplicated and swapped, bits flipped in signatures and in
//! anchor evidence — and each result is judged against an oracle that knows what is signed:
//!
//! - if the signed bytes (the canonical form of the document and the proof options) changed, the
//!   verdict must not be `valid` (a *false accept* otherwise);
//! - if only JSON formatting or key order changed (or an RDF set was merely reordered), the verdict
//!   must stay `valid` (a *false reject* otherwise).
//!
//! The counts are printed; both error counts must be zero.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use serde_json::{Map, Value, json};
use verifier_core::rdfc::{self, ContextStore, RdfcHash};
use verifier_core::{Context, UnixTime, Verdict};

const AT: UnixTime = UnixTime(1_780_000_000);

/// What a verifier must treat as signed, computed independently of the verification pipeline:
/// the canonical document — RDFC, or JCS with the `@context` of the proof options as the suite
/// prescribes (vc-di-eddsa §3.3.2: contexts appended after the proof's are not signed) — the
/// `@context` sequence (duplicates aside: the data model fixes its order), and the JCS of every
/// signature proof. Second, for an anchored credential, what the anchor commits to: the exact JSON
/// (JCS) without the anchor proofs. Anchor proofs themselves are evidence, not signed.
#[derive(PartialEq)]
struct Signed {
    signatures: String,
    anchor: Option<String>,
}

fn signed_form(doc: &Value) -> Option<Signed> {
    let map = doc.as_object()?;
    let all: Vec<&Value> = match map.get("proof")? {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    let anchored = all.iter().any(|p| p["type"] == "VerityAnchor2026");
    let proofs: Vec<&Value> = all
        .into_iter()
        .filter(|p| p["type"] != "VerityAnchor2026")
        .collect();
    if proofs.is_empty() {
        return None;
    }
    let mut unsecured = map.clone();
    unsecured.remove("proof");
    let anchor = anchored.then(|| {
        let mut committed = map.clone();
        committed.insert(
            "proof".into(),
            Value::Array(proofs.iter().map(|p| (*p).clone()).collect()),
        );
        verifier_core::jcs::canonicalize(&Value::Object(committed))
    });
    let rdfc = proofs.iter().any(|p| {
        p["cryptosuite"]
            .as_str()
            .is_some_and(|c| c.contains("rdfc"))
    });
    // JCS suites sign the proof's @context, which the document's must start with (same order).
    let as_list = |v: Option<&Value>| match v {
        Some(Value::Array(items)) => items.clone(),
        Some(other) => vec![other.clone()],
        None => Vec::new(),
    };
    if !rdfc
        && let Some(context) = proofs.iter().find_map(|p| p.get("@context"))
        && !as_list(map.get("@context")).starts_with(&as_list(Some(context)))
    {
        return None;
    }
    let document = if rdfc {
        rdfc::canonicalize(
            &Value::Object(unsecured),
            &ContextStore::default(),
            RdfcHash::Sha256,
            rdfc::DEFAULT_HNDQ_CALL_LIMIT,
        )
        .ok()?
    } else {
        if let Some(context) = proofs.iter().find_map(|p| p.get("@context")) {
            unsecured.insert("@context".into(), context.clone());
        }
        verifier_core::jcs::canonicalize(&Value::Object(unsecured))
    };
    // RDFC: the @context sequence, duplicates aside (the data model fixes its order).
    let mut contexts: Vec<Value> = Vec::new();
    for c in as_list(Some(map.get("@context")?)) {
        if rdfc && !contexts.contains(&c) {
            contexts.push(c);
        }
    }
    let proofs: Vec<String> = proofs
        .iter()
        .map(|p| verifier_core::jcs::canonicalize(p))
        .collect();
    Some(Signed {
        signatures: format!(
            "{document}\n{}\n{}",
            verifier_core::jcs::canonicalize(&Value::Array(contexts)),
            proofs.join("\n")
        ),
        anchor,
    })
}

/// Whether `mutated` changes what is signed (or what a still-present anchor commits to).
fn changes_signed(original: &Signed, mutated: &Value) -> bool {
    match signed_form(mutated) {
        None => true,
        Some(m) => {
            m.signatures != original.signatures
                || (m.anchor.is_some() && m.anchor != original.anchor)
        }
    }
}

/// Every path (as JSON pointer segments) to a value in `v`, outside anchor proofs.
fn paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        Value::Object(map) => {
            if map.get("type").and_then(Value::as_str) == Some("VerityAnchor2026") {
                return;
            }
            for (k, child) in map {
                at.push(k.clone());
                paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                at.push(i.to_string());
                paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, seg| match v {
        Value::Object(map) => map.get_mut(seg),
        Value::Array(items) => items.get_mut(seg.parse::<usize>().ok()?),
        _ => None,
    })
}

/// Semantic mutations of a JSON credential: (label, mutated document).
fn mutations(doc: &Value) -> Vec<(String, Value)> {
    let mut all = Vec::new();
    paths(doc, &mut Vec::new(), &mut all);
    let mut out = Vec::new();
    for path in all.iter().filter(|p| !p.is_empty()) {
        let label = path.join("/");
        let mut m = doc.clone();
        let target = get_mut(&mut m, path).unwrap();
        let changed = match target {
            Value::String(s) => {
                s.push('x');
                true
            }
            Value::Number(n) => {
                *target = json!(n.as_f64().unwrap_or(0.0) + 1.0);
                true
            }
            Value::Bool(b) => {
                *b = !*b;
                true
            }
            _ => false,
        };
        if changed {
            out.push((format!("change {label}"), m));
        }
        // Remove the property or array element.
        let mut m = doc.clone();
        let (last, parent) = path.split_last().unwrap();
        match get_mut(&mut m, parent).unwrap() {
            Value::Object(map) => {
                map.remove(last);
            }
            Value::Array(items) => {
                items.remove(last.parse::<usize>().unwrap());
            }
            _ => unreachable!(),
        }
        out.push((format!("remove {label}"), m));
        // Duplicate an array element.
        let mut m = doc.clone();
        if let Value::Array(items) = get_mut(&mut m, parent).unwrap() {
            let i = last.parse::<usize>().unwrap();
            items.insert(i, items[i].clone());
            out.push((format!("duplicate {label}"), m));
        }
    }
    for path in &all {
        // A property added to every object (but anchors): undefined in the contexts, or defined.
        let mut m = doc.clone();
        if let Value::Object(map) = get_mut(&mut m, path).unwrap()
            && map.get("type").and_then(Value::as_str) != Some("VerityAnchor2026")
        {
            map.insert("mutantUndefined".into(), json!("x"));
            out.push((format!("add undefined term at /{}", path.join("/")), m));
            let mut m2 = doc.clone();
            if let Value::Object(map) = get_mut(&mut m2, path).unwrap()
                && !map.contains_key("description")
            {
                map.insert("description".into(), json!("An added claim"));
                out.push((format!("add description at /{}", path.join("/")), m2));
            }
        }
        // Swap the first two elements of every array.
        let mut m = doc.clone();
        if let Value::Array(items) = get_mut(&mut m, path).unwrap()
            && items.len() > 1
            && items[0] != items[1]
        {
            items.swap(0, 1);
            out.push((format!("swap /{}", path.join("/")), m));
        }
    }
    out
}

/// Key order shuffled (deterministically) in every object, and three serializations.
fn reformat(doc: &Value, seed: u64) -> Vec<(String, String)> {
    fn shuffle(v: &Value, seed: &mut u64) -> Value {
        match v {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                for i in (1..entries.len()).rev() {
                    *seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    entries.swap(i, (*seed >> 33) as usize % (i + 1));
                }
                let mut out = Map::new();
                for (k, v) in entries {
                    out.insert(k.clone(), shuffle(v, seed));
                }
                Value::Object(out)
            }
            Value::Array(items) => Value::Array(items.iter().map(|i| shuffle(i, seed)).collect()),
            other => other.clone(),
        }
    }
    let mut seed = seed;
    let shuffled = shuffle(doc, &mut seed);
    vec![
        ("compact, keys shuffled".into(), shuffled.to_string()),
        (
            "pretty, keys shuffled".into(),
            serde_json::to_string_pretty(&shuffled).unwrap(),
        ),
        (
            "leading and trailing white space".into(),
            format!(" \n\t{}\r\n ", doc),
        ),
    ]
}

#[derive(Default, Debug)]
struct Tally {
    tried: usize,
    signed_changed: usize,
    false_accepts: Vec<String>,
    false_rejects: Vec<String>,
}

fn judge(tally: &mut Tally, name: &str, label: &str, bytes: &[u8], changed: bool, ctx: &Context) {
    let report = verifier_core::verify(bytes, ctx, AT);
    tally.tried += 1;
    if changed {
        tally.signed_changed += 1;
        if report.verdict == Verdict::Valid {
            tally.false_accepts.push(format!("{name}: {label}"));
        }
    } else if report.verdict != Verdict::Valid {
        let codes: Vec<&str> = report
            .checks
            .iter()
            .filter(|c| c.outcome != verifier_core::Outcome::Passed)
            .map(|c| c.code.as_str())
            .collect();
        tally
            .false_rejects
            .push(format!("{name}: {label} → {:?} {codes:?}", report.verdict));
    }
}

fn campaign_json(tally: &mut Tally, name: &str, text: &str, ctx: &Context) {
    let doc: Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        verifier_core::verify(text.as_bytes(), ctx, AT).verdict,
        Verdict::Valid,
        "{name} must start valid"
    );
    let original = signed_form(&doc).expect("signed form");
    for (label, mutated) in mutations(&doc) {
        let changed = changes_signed(&original, &mutated);
        judge(
            tally,
            name,
            &label,
            mutated.to_string().as_bytes(),
            changed,
            ctx,
        );
    }
    for (i, (label, text)) in reformat(&doc, 7).into_iter().enumerate() {
        judge(
            tally,
            name,
            &format!("{label} #{i}"),
            text.as_bytes(),
            false,
            ctx,
        );
    }
    // Bit flips in every signature.
    let proofs: Vec<(usize, String)> = match &doc["proof"] {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, p["proofValue"].as_str()?.to_string())))
            .collect(),
        p => p["proofValue"]
            .as_str()
            .map(|v| vec![(usize::MAX, v.to_string())])
            .unwrap_or_default(),
    };
    for (index, value) in proofs {
        let raw = bs58::decode(&value[1..]).into_vec().unwrap();
        for bit in (0..raw.len() * 8).step_by(3) {
            let mut flipped = raw.clone();
            flipped[bit / 8] ^= 1 << (bit % 8);
            let mut m = doc.clone();
            let slot = if index == usize::MAX {
                &mut m["proof"]
            } else {
                &mut m["proof"][index]
            };
            slot["proofValue"] = json!(format!("z{}", bs58::encode(&flipped).into_string()));
            judge(
                tally,
                name,
                &format!("flip signature bit {bit}"),
                m.to_string().as_bytes(),
                true,
                ctx,
            );
        }
    }
}

/// Anchor evidence: flipped bits in the Merkle path, the transaction and the block proof.
fn campaign_anchor(tally: &mut Tally, name: &str, text: &str, ctx: &Context) {
    let doc: Value = serde_json::from_str(text).unwrap();
    let index = doc["proof"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["type"] == "VerityAnchor2026")
        .unwrap();
    for field in ["merkleRoot", "transaction", "blockProof"] {
        let hex = doc["proof"][index][field].as_str().unwrap().to_string();
        for pos in (0..hex.len()).step_by((hex.len() / 40).max(1)) {
            let mut chars: Vec<char> = hex.chars().collect();
            chars[pos] = if chars[pos] == '0' { '1' } else { '0' };
            let mut m = doc.clone();
            m["proof"][index][field] = json!(chars.into_iter().collect::<String>());
            judge(
                tally,
                name,
                &format!("anchor {field} digit {pos}"),
                m.to_string().as_bytes(),
                true,
                ctx,
            );
        }
    }
}

fn campaign_jwt(tally: &mut Tally, name: &str, token: &str, ctx: &Context) {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let token = token.trim();
    assert_eq!(
        verifier_core::verify(token.as_bytes(), ctx, AT).verdict,
        Verdict::Valid
    );
    let parts: Vec<&str> = token.split('.').collect();
    let payload: Value =
        serde_json::from_slice(&Base64UrlUnpadded::decode_vec(parts[1]).unwrap()).unwrap();
    for (label, mutated) in mutations(&payload) {
        let encoded = Base64UrlUnpadded::encode_string(mutated.to_string().as_bytes());
        let forged = format!("{}.{encoded}.{}", parts[0], parts[2]);
        judge(tally, name, &label, forged.as_bytes(), true, ctx);
    }
    let signature = Base64UrlUnpadded::decode_vec(parts[2]).unwrap();
    for bit in (0..signature.len() * 8).step_by(3) {
        let mut flipped = signature.clone();
        flipped[bit / 8] ^= 1 << (bit % 8);
        let forged = format!(
            "{}.{}.{}",
            parts[0],
            parts[1],
            Base64UrlUnpadded::encode_string(&flipped)
        );
        judge(
            tally,
            name,
            &format!("flip signature bit {bit}"),
            forged.as_bytes(),
            true,
            ctx,
        );
    }
}

#[test]
fn mutation_campaign() {
    let repo = support::repo();
    let read = |p: &str| std::fs::read_to_string(repo.join(p)).unwrap();
    let trust =
        verifier_core::trust::TrustConfig::parse(read("portal/trust.json").as_bytes()).unwrap();
    let mut ctx = Context::default();
    trust.apply(&mut ctx);
    let mut tally = Tally::default();
    campaign_json(
        &mut tally,
        "eddsa-rdfc-2022",
        &read("portal/demo/valid.json"),
        &ctx,
    );
    campaign_json(
        &mut tally,
        "eddsa-jcs-2022",
        &read("verifier-core/benches/fixtures/ob-eddsa-jcs-2022.json"),
        &Context::default(),
    );
    campaign_json(
        &mut tally,
        "anchored",
        &read("portal/demo/anchored.json"),
        &ctx,
    );
    campaign_anchor(
        &mut tally,
        "anchored",
        &read("portal/demo/anchored.json"),
        &ctx,
    );
    campaign_jwt(&mut tally, "vc+jwt", &read("portal/demo/valid.jwt"), &ctx);
    // ECDSA P-256, issued here.
    let key = verity::keyfile::IssuerKey::generate(verity::keyfile::KeyType::P256, None).unwrap();
    let issuer = verity::issuance::Issuer {
        key: &key,
        did: key.did_key(),
        now: UnixTime(1_768_467_600),
        x5c: Vec::new(),
    };
    let template: Value = serde_json::from_str(&read("portal/demo-src/template.json")).unwrap();
    let row = verity::issuance::Row {
        number: 1,
        cells: vec![
            ("name", "Grace"),
            ("learner_id", "did:example:g"),
            ("code", "c"),
            ("achievement", "A"),
            ("description", "D"),
            ("criteria", "C"),
            ("valid_until", ""),
            ("skill", "S"),
            ("skill_url", "https://skills.example/s"),
            ("grade", "A"),
            ("evidence", "E"),
            ("evidence_url", "https://evidence.example/e"),
        ],
    };
    let (unsigned, _) = verity::issuance::build(&template, &row, &issuer).unwrap();
    let signed =
        verity::issuance::sign(&unsigned, &issuer, verity::issuance::Suite::EcdsaRdfc2019).unwrap();
    campaign_json(
        &mut tally,
        "ecdsa-rdfc-2019",
        &signed.to_string(),
        &Context::default(),
    );

    eprintln!(
        "mutation campaign: {} mutations tried, {} changed what is signed; false accepts: {}, false rejects: {}",
        tally.tried,
        tally.signed_changed,
        tally.false_accepts.len(),
        tally.false_rejects.len()
    );
    assert!(tally.tried > 1000, "{}", tally.tried);
    assert!(
        tally.false_accepts.is_empty(),
        "false accepts:\n{}",
        tally.false_accepts.join("\n")
    );
    assert!(
        tally.false_rejects.is_empty(),
        "false rejects:\n{}",
        tally.false_rejects.join("\n")
    );
}
