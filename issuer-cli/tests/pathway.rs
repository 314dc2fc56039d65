//! Stackable credentials end to end with the `verity` binary: the engineering-school scenario of
//! scripts/pathway-scenario.sh (a 5-block pathway; learners with every block, some, a revoked,
//! an expired, another learner's and a forged block), `verity pathway check`, `verity issue
//! --pathway` (a degree only for the complete learner) and `verity clr bundle`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ISSUED_AT: &str = "2026-01-15T09:00:00Z";
const CHECKED_AT: &str = "2026-06-01T00:00:00Z";

fn verity(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_verity"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run verity")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn scenario() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/pathway-scenario.sh");
    let out = Command::new("bash")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_verity"))
        .arg(&dir)
        .arg(ISSUED_AT)
        .output()
        .expect("run the scenario script");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (tmp, dir)
}

fn check(dir: &Path, files: &[&str], extra: &[&str]) -> (i32, Value) {
    let mut args = vec![
        "pathway",
        "check",
        "--pathway",
        "pathway.json",
        "--resources",
        "resources.json",
        "--at",
        CHECKED_AT,
        "--json",
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(files);
    let out = verity(&args, dir);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    (code(&out), json)
}

/// file name (without folder) → standing
fn standings(progress: &Value) -> Vec<(String, String)> {
    progress["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let file = c["file"].as_str().unwrap();
            let name = file.rsplit(['/', '\\']).next().unwrap().to_string();
            (name, c["standing"].as_str().unwrap().to_string())
        })
        .collect()
}

fn requirement<'a>(progress: &'a Value, id: &str) -> &'a Value {
    progress["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap()
}

fn s(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn each_learner_gets_the_right_progress() {
    let (_tmp, dir) = scenario();

    let (exit, p) = check(&dir, &["evidence/alice"], &[]);
    assert_eq!((exit, &p["complete"]), (0, &Value::Bool(true)), "{p:#}");
    assert_eq!(p["learner"], "Alice Martin");
    assert_eq!(p["credits"], 24.0);
    assert_eq!(
        standings(&p),
        s(&[
            ("cad.json", "counted"),
            ("robotics.json", "counted"),
            ("statics.json", "counted"),
            ("thermo.json", "counted")
        ])
    );
    assert!(
        ["core", "elective", "credits"]
            .iter()
            .all(|r| requirement(&p, r)["met"] == true)
    );

    let (exit, p) = check(&dir, &["evidence/bruno"], &[]);
    assert_eq!((exit, &p["complete"]), (1, &Value::Bool(false)));
    let core = requirement(&p, "core");
    assert_eq!(
        (core["achieved"].as_f64(), core["required"].as_f64()),
        (Some(2.0), Some(3.0))
    );
    let missing: Vec<&str> = core["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["earnedBy"].is_null())
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert_eq!(missing, ["Computer-Aided Design"]);
    assert_eq!(requirement(&p, "credits")["achieved"], 12.0);

    // A revoked elective block does not count: its report says revoked.
    let (exit, p) = check(&dir, &["evidence/chloe"], &[]);
    assert_eq!(exit, 1);
    let energy = p["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["file"].as_str().unwrap().ends_with("energy.json"))
        .unwrap();
    assert_eq!(energy["standing"], "not_valid");
    assert_eq!(energy["report"]["verdict"], "revoked");
    assert_eq!(requirement(&p, "elective")["met"], false);
    assert_eq!(requirement(&p, "core")["met"], true);

    // An expired one neither (the pathway does not accept expired blocks).
    let (exit, p) = check(&dir, &["evidence/david"], &[]);
    assert_eq!(exit, 1);
    assert!(standings(&p).contains(&("robotics.json".into(), "not_valid".into())));
    let robotics = &p["credentials"].as_array().unwrap()[1];
    assert_eq!(robotics["report"]["verdict"], "expired");

    // Frank's CAD block in Emma's folder is reported as another learner's, not counted.
    let (exit, p) = check(&dir, &["evidence/emma"], &[]);
    assert_eq!(exit, 1);
    assert_eq!(p["learner"], "Emma Laurent");
    assert_eq!(
        standings(&p),
        s(&[
            ("cad.json", "other_learner"),
            ("robotics.json", "counted"),
            ("statics.json", "counted"),
            ("thermo.json", "counted")
        ])
    );
    // Naming the learner decides whose blocks count.
    let (_, p) = check(
        &dir,
        &["evidence/emma"],
        &["--learner", "did:example:learner:frank"],
    );
    assert_eq!(
        standings(&p),
        s(&[
            ("cad.json", "counted"),
            ("robotics.json", "other_learner"),
            ("statics.json", "other_learner"),
            ("thermo.json", "other_learner")
        ])
    );

    // A forged block fails its signature.
    let (exit, p) = check(&dir, &["evidence/gaspard"], &[]);
    assert_eq!(exit, 1);
    let cad = &p["credentials"].as_array().unwrap()[0];
    assert_eq!(cad["standing"], "not_valid");
    assert_eq!(cad["report"]["verdict"], "invalid");
    assert!(
        cad["report"]["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "proof.signature_mismatch")
    );

    // Duplicates: the same block twice counts once.
    let (exit, p) = check(&dir, &["evidence/alice", "evidence/alice/cad.json"], &[]);
    assert_eq!(exit, 0);
    assert_eq!(standings(&p).last().unwrap().1, "duplicate");
    assert_eq!(p["credits"], 24.0);

    // Human output names what is missing.
    let out = verity(
        &[
            "pathway",
            "check",
            "--pathway",
            "pathway.json",
            "--resources",
            "resources.json",
            "--at",
            CHECKED_AT,
            "evidence/bruno",
        ],
        &dir,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("INCOMPLETE"), "{text}");
    assert!(text.contains("Computer-Aided Design — missing"), "{text}");
}

#[test]
fn the_degree_is_issued_only_to_the_complete_learner() {
    let (_tmp, dir) = scenario();
    let out = verity(
        &[
            "issue",
            "--key",
            "key/key.json",
            "--pathway",
            "pathway.json",
            "--evidence",
            "evidence",
            "--out",
            "degrees",
            "--resources",
            "resources.json",
            "--at",
            CHECKED_AT,
            "--issuer-name",
            "Verity Demo University",
        ],
        &dir,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(code(&out), 1, "some learners are incomplete: {stderr}");
    for learner in ["bruno", "chloe", "david", "emma", "gaspard"] {
        assert!(
            stderr.contains(&format!("{learner} (")) && stderr.contains("not issued"),
            "{learner}: {stderr}"
        );
    }
    assert!(stderr.contains("status.revoked") && stderr.contains("proof.signature_mismatch"));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("degrees/manifest.json")).unwrap())
            .unwrap();
    let manifest = manifest.as_array().unwrap();
    assert_eq!(manifest.len(), 1, "{manifest:?}");
    assert_eq!(manifest[0]["learner"], "alice");
    assert_eq!(manifest[0]["recipient"], "did:example:learner:alice");

    let degree: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("degrees/credential-00001.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        degree["credentialSubject"]["achievement"]["id"],
        "https://demo.verity.example/achievements/meng-mechanical"
    );
    assert_eq!(degree["credentialSubject"]["creditsEarned"], 24.0);
    // Its evidence is Alice's four blocks, by credential id.
    let mut evidence: Vec<String> = degree["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    let mut blocks: Vec<String> = ["cad", "robotics", "statics", "thermo"]
        .iter()
        .map(|b| {
            let text =
                std::fs::read_to_string(dir.join(format!("evidence/alice/{b}.json"))).unwrap();
            let v: Value = serde_json::from_str(&text).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect();
    evidence.sort();
    blocks.sort();
    assert_eq!(evidence, blocks);
    let out = verity(
        &[
            "verify",
            "--at",
            CHECKED_AT,
            "--json",
            "degrees/credential-00001.json",
        ],
        &dir,
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));

    // Nothing is issued when nobody is complete.
    std::fs::remove_dir_all(dir.join("evidence/alice")).unwrap();
    let out = verity(
        &[
            "issue",
            "--key",
            "key/key.json",
            "--pathway",
            "pathway.json",
            "--evidence",
            "evidence",
            "--out",
            "none",
            "--resources",
            "resources.json",
            "--at",
            CHECKED_AT,
        ],
        &dir,
    );
    assert_eq!(code(&out), 1);
    assert!(!dir.join("none").exists());
}

#[test]
fn a_clr_bundles_one_learner_and_each_credential_in_it_is_verified() {
    let (_tmp, dir) = scenario();
    let out = verity(
        &[
            "clr",
            "bundle",
            "--key",
            "key/key.json",
            "--out",
            "alice-clr.json",
            "--at",
            CHECKED_AT,
            "--resources",
            "resources.json",
            "--issuer-name",
            "Verity Demo University",
            "evidence/alice",
        ],
        &dir,
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let out = verity(
        &[
            "verify",
            "--json",
            "--at",
            CHECKED_AT,
            "--resources",
            "resources.json",
            "alice-clr.json",
        ],
        &dir,
    );
    assert_eq!(code(&out), 0);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "valid");
    let nested = report["credentials"].as_array().unwrap();
    assert_eq!(nested.len(), 4);
    assert!(nested.iter().all(|r| r["verdict"] == "valid"));
    let contents: Vec<&Value> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["id"] == "contents")
        .collect();
    assert_eq!(contents.len(), 4);
    assert!(
        contents
            .iter()
            .all(|c| c["code"] == "contents.credential_valid")
    );

    // The CLR alone completes the pathway.
    let (exit, p) = check(&dir, &["alice-clr.json"], &[]);
    assert_eq!(exit, 0, "{p:#}");
    let st = standings(&p);
    assert_eq!(st[0].1, "bundle");
    assert_eq!(st.iter().filter(|(_, s)| s == "counted").count(), 4);
    assert!(st[1].0.starts_with("alice-clr.json#"));

    // Editing a credential inside the bundle breaks both its own proof and the bundle's.
    let text = std::fs::read_to_string(dir.join("alice-clr.json")).unwrap();
    let forged = text.replacen("\"Robotics\"", "\"Advanced Robotics\"", 1);
    assert_ne!(text, forged);
    std::fs::write(dir.join("forged-clr.json"), forged).unwrap();
    let out = verity(
        &[
            "verify",
            "--json",
            "--at",
            CHECKED_AT,
            "--resources",
            "resources.json",
            "forged-clr.json",
        ],
        &dir,
    );
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["verdict"], "invalid");
    let codes: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "failed")
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"proof.signature_mismatch"), "{codes:?}");
    assert!(
        codes.contains(&"contents.credential_not_valid"),
        "{codes:?}"
    );

    // A CLR holds one learner: Emma's folder has Frank's block.
    let out = verity(
        &[
            "clr",
            "bundle",
            "--key",
            "key/key.json",
            "--out",
            "emma-clr.json",
            "--at",
            CHECKED_AT,
            "--resources",
            "resources.json",
            "evidence/emma",
        ],
        &dir,
    );
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not the learner"));
    // And only credentials that verify.
    let out = verity(
        &[
            "clr",
            "bundle",
            "--key",
            "key/key.json",
            "--out",
            "g-clr.json",
            "--at",
            CHECKED_AT,
            "--resources",
            "resources.json",
            "evidence/gaspard",
        ],
        &dir,
    );
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("proof.signature_mismatch"));
}

#[test]
fn malformed_pathways_are_refused_with_the_place_and_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("cred.json"), "{}").unwrap();
    for (doc, expected) in [
        ("[]", "expected a JSON object"),
        (
            r#"{"type":"VerityPathway","version":2}"#,
            "version 2 is not supported",
        ),
        (
            r#"{"type":"VerityPathway","version":1,"id":"urn:p","achievement":{"id":"urn:a","name":"A"},"requirements":[{"id":"r","nOf":3,"of":["urn:x"]}]}"#,
            "requirements[0].nOf",
        ),
        (
            r#"{"type":"VerityPathway","version":1,"id":"urn:p","achievement":{"id":"urn:a","name":"A"},"requirements":[{"id":"r","allOf":["urn:x"],"minCredits":3}]}"#,
            "exactly one of",
        ),
    ] {
        std::fs::write(dir.join("p.json"), doc).unwrap();
        let out = verity(
            &[
                "pathway",
                "check",
                "--pathway",
                "p.json",
                "--offline",
                "cred.json",
            ],
            dir,
        );
        assert_eq!(code(&out), 2);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{doc}: {stderr}");
    }
}

/// OB 3.0 hashed identifiers: `sha256$` + hex(SHA-256(email ‖ salt)), a new salt per credential,
/// so two credentials cannot be linked by comparing them; naming the learner's email can.
#[test]
fn hashed_identifiers_link_only_when_the_learner_is_named() {
    use sha2::{Digest, Sha256};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = verity(&["keygen", "--out", "key"], dir);
    assert_eq!(code(&out), 0);
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../portal/demo-src/block-template.json"),
    )
    .unwrap()
    .replace(
        r#""id": "{{learner_id}}","#,
        r#""identifier": [{ "type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
            "identityHash": "{{hash}}", "salt": "{{salt}}" }],"#,
    );
    std::fs::write(dir.join("template.json"), template).unwrap();
    let mut csv = String::from("name,code,block,valid_until,hash,salt\n");
    for (i, (code, block)) in [
        ("statics", "Statics and Strength of Materials"),
        ("thermo", "Thermodynamics"),
        ("cad", "Computer-Aided Design"),
        ("robotics", "Robotics"),
    ]
    .iter()
    .enumerate()
    {
        let salt = format!("salt-{i}-{code}");
        let hash: String = Sha256::digest(format!("alice@example.edu{salt}"))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        csv.push_str(&format!(
            "Alice Martin,{code},{block},,sha256${hash},{salt}\n"
        ));
    }
    std::fs::write(dir.join("blocks.csv"), csv).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../portal/demo-src/pathway.json"),
        dir.join("pathway.json"),
    )
    .unwrap();
    let out = verity(
        &[
            "issue",
            "-q",
            "--key",
            "key/key.json",
            "--template",
            "template.json",
            "--recipients",
            "blocks.csv",
            "--out",
            "blocks",
            "--at",
            ISSUED_AT,
        ],
        dir,
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let run = |extra: &[&str]| {
        let mut args = vec![
            "pathway",
            "check",
            "--pathway",
            "pathway.json",
            "--offline",
            "--at",
            CHECKED_AT,
            "--json",
        ];
        args.extend_from_slice(extra);
        args.push("blocks");
        let out = verity(&args, dir);
        (
            code(&out),
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        )
    };
    let (exit, p) = run(&[]);
    assert_eq!(exit, 1, "unlinkable without the plaintext: {p:#}");
    let counted = standings(&p).iter().filter(|(_, s)| s == "counted").count();
    assert_eq!(counted, 1);
    let (exit, p) = run(&["--learner", "emailAddress:Alice@Example.edu"]);
    assert_eq!(
        exit, 1,
        "e-mail case differs: the hash is over the exact value"
    );
    assert_eq!(
        standings(&p).iter().filter(|(_, s)| s == "counted").count(),
        0
    );
    let (exit, p) = run(&["--learner", "emailAddress:alice@example.edu"]);
    assert_eq!(exit, 0, "{p:#}");
    assert!(standings(&p).iter().all(|(_, s)| s == "counted"));
    let (exit, _) = run(&["--learner", "emailAddress:bob@example.edu"]);
    assert_eq!(exit, 1);
}

/// The pathway's issuer constraints: a block from an issuer it does not accept does not count.
#[test]
fn issuer_constraints_decide_which_blocks_count() {
    let (_tmp, dir) = scenario();
    let pathway: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("pathway.json")).unwrap()).unwrap();
    let did = String::from_utf8(verity(&["keygen", "--out", "other"], &dir).stdout)
        .unwrap()
        .trim()
        .to_string();
    let block: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("evidence/alice/cad.json")).unwrap(),
    )
    .unwrap();
    let issuer = block["issuer"]["id"].as_str().unwrap().to_string();
    let with = |constraints: Value, name: &str| {
        let mut p = pathway.clone();
        p["constraints"] = constraints;
        std::fs::write(dir.join(name), p.to_string()).unwrap();
    };
    let run = |pathway: &str, extra: &[&str]| {
        let mut args = vec![
            "pathway",
            "check",
            "--pathway",
            pathway,
            "--resources",
            "resources.json",
            "--at",
            CHECKED_AT,
            "--json",
        ];
        args.extend_from_slice(extra);
        args.push("evidence/alice");
        let out = verity(&args, &dir);
        (
            code(&out),
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        )
    };
    with(serde_json::json!({ "issuers": [did] }), "other-issuer.json");
    let (exit, p) = run("other-issuer.json", &[]);
    assert_eq!(exit, 1);
    assert!(
        standings(&p)
            .iter()
            .all(|(_, s)| s == "issuer_not_accepted"),
        "{p:#}"
    );
    with(
        serde_json::json!({ "issuers": [issuer] }),
        "our-issuer.json",
    );
    assert_eq!(run("our-issuer.json", &[]).0, 0);

    with(
        serde_json::json!({ "requireTrustedIssuer": true }),
        "trusted.json",
    );
    let (exit, p) = run("trusted.json", &[]);
    assert_eq!(exit, 1, "no trust list: no block is from a trusted issuer");
    assert!(
        standings(&p)
            .iter()
            .all(|(_, s)| s == "issuer_not_accepted")
    );
    let trust = serde_json::json!({
        "issuers": [{ "id": issuer, "name": "Verity Demo University" }],
        "resources": {
            "https://demo.verity.example/status/revocation.json": "lists/revocation.json",
            "https://demo.verity.example/status/suspension.json": "lists/suspension.json"
        }
    });
    std::fs::write(dir.join("trust.json"), trust.to_string()).unwrap();
    let (exit, p) = run("trusted.json", &["--trust", "trust.json"]);
    assert_eq!(exit, 0, "{p:#}");
}
