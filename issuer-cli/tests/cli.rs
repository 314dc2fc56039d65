//! The `verity` binary end to end: keygen → issue from CSV → verify, exit codes, JSON output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const TEMPLATE: &str = r#"{
  "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
  "type": ["VerifiableCredential", "OpenBadgeCredential"],
  "name": "Welding Level 2",
  "issuer": {"type": ["Profile"], "name": "Lycée Technique", "url": "https://lycee.example"},
  "validUntil": "{{valid_until}}",
  "credentialSubject": {
    "id": "{{subject}}", "type": ["AchievementSubject"], "name": "{{first}} {{last}}",
    "achievement": {"id": "https://lycee.example/achievements/weld-2", "type": ["Achievement"], "name": "Welding Level 2",
      "description": "MIG and TIG welding of steel.", "criteria": {"narrative": "Practical exam, grade {{grade}}."}}
  }
}"#;

struct Setup {
    _tmp: tempfile::TempDir,
    dir: PathBuf,
}

/// `verity issue --key KEY --template TEMPLATE --recipients students.csv --out OUT EXTRA...` in the setup's directory.
fn issue(s: &Setup, key: &str, template: &str, out: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "issue",
        "--key",
        key,
        "--template",
        template,
        "--recipients",
        "students.csv",
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    verity(&args, &s.dir)
}

fn setup(csv: &str) -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    std::fs::write(dir.join("badge.json"), TEMPLATE).unwrap();
    std::fs::write(dir.join("students.csv"), csv).unwrap();
    let out = verity(
        &["keygen", "--out", "keys", "--did-web", "lycee.example"],
        &dir,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    Setup { _tmp: tmp, dir }
}

const GOOD_CSV: &str = "first,last,subject,grade,valid_until\n\
    Marie,Curie,did:example:marie,A,\n\
    Pierre,Curie,did:example:pierre,B,2030-01-01T00:00:00Z\n\
    \"Ève\",\"D'Arc, Jeanne\",mailto:eve@example.org,A+,\n";

#[test]
fn keygen_writes_a_private_key_file_and_a_did_web_document() {
    let s = setup(GOOD_CSV);
    let key = s.dir.join("keys/key.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let doc: Value =
        serde_json::from_slice(&std::fs::read(s.dir.join("keys/did.json")).unwrap()).unwrap();
    assert_eq!(doc["id"], "did:web:lycee.example");
    assert_eq!(doc["assertionMethod"][0], "did:web:lycee.example#key-1");
    // A second keygen into the same directory refuses to overwrite the key.
    let again = verity(&["keygen", "--out", "keys"], &s.dir);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
}

#[test]
fn issue_then_verify_round_trip_and_tamper() {
    let s = setup(GOOD_CSV);
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "issued",
        &["--at", "2026-02-01T08:00:00Z"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let files: Vec<_> = (1..=3)
        .map(|i| format!("issued/credential-{i:05}.json"))
        .collect();
    for f in &files {
        assert!(s.dir.join(f).exists(), "{f}");
    }
    let first: Value =
        serde_json::from_slice(&std::fs::read(s.dir.join(&files[0])).unwrap()).unwrap();
    assert_eq!(first["credentialSubject"]["name"], "Marie Curie");
    assert!(
        first.get("validUntil").is_none(),
        "an empty cell removes a placeholder-only field"
    );
    assert_eq!(first["issuer"]["id"], "did:web:lycee.example");
    assert_eq!(first["validFrom"], "2026-02-01T08:00:00Z");
    assert!(first["id"].as_str().unwrap().starts_with("urn:uuid:"));
    let third: Value =
        serde_json::from_slice(&std::fs::read(s.dir.join(&files[2])).unwrap()).unwrap();
    assert_eq!(third["credentialSubject"]["name"], "Ève D'Arc, Jeanne");

    // Offline verification: the did:web document comes from --resources.
    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json"}"#,
    )
    .unwrap();
    let verify = verity(
        &[
            "verify",
            "--json",
            "--at",
            "2026-03-01T00:00:00Z",
            "--resources",
            "resources.json",
            "issued",
        ],
        &s.dir,
    );
    assert_eq!(
        code(&verify),
        0,
        "{}\n{}",
        String::from_utf8_lossy(&verify.stdout),
        stderr(&verify)
    );
    let lines: Vec<Value> = String::from_utf8(verify.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "the manifest is not verified as a credential"
    );
    for line in &lines {
        assert_eq!(line["verdict"], "valid", "{line}");
        assert!(
            line["file"]
                .as_str()
                .unwrap()
                .starts_with("issued/credential-")
        );
        for check in line["checks"].as_array().unwrap() {
            for field in ["id", "outcome", "code", "message"] {
                assert!(check[field].is_string(), "{field} in {check}");
            }
        }
    }

    // Without the DID document the issuer key cannot be resolved: indeterminate, exit 1.
    let offline = verity(
        &[
            "verify",
            "--json",
            "--offline",
            "issued/credential-00001.json",
        ],
        &s.dir,
    );
    assert_eq!(code(&offline), 1);
    let report: Value = serde_json::from_slice(&offline.stdout).unwrap();
    assert_eq!(report["verdict"], "indeterminate");

    // Tampering with any signed field makes it invalid, and the exit code says so.
    let tampered = std::fs::read_to_string(s.dir.join(&files[0]))
        .unwrap()
        .replace("Marie Curie", "Marie Curie-Sklodowska");
    std::fs::write(s.dir.join("tampered.json"), tampered).unwrap();
    let out = verity(
        &[
            "verify",
            "--resources",
            "resources.json",
            "--at",
            "2026-03-01T00:00:00Z",
            "tampered.json",
            &files[1],
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 1);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("tampered.json: INVALID"), "{text}");
    assert!(text.contains("proof.signature_mismatch"), "{text}");
    assert!(text.contains("credential-00002.json: VALID"), "{text}");

    // Expiry: the second credential's validUntil is 2030.
    let later = verity(
        &[
            "verify",
            "--json",
            "--resources",
            "resources.json",
            "--at",
            "2031-01-01T00:00:00Z",
            &files[1],
        ],
        &s.dir,
    );
    assert_eq!(code(&later), 1);
    assert_eq!(
        serde_json::from_slice::<Value>(&later.stdout).unwrap()["verdict"],
        "expired"
    );
}

#[test]
fn issuing_as_did_key() {
    let s = setup(GOOD_CSV);
    let did_key = String::from_utf8(verity(&["keygen", "--out", "k2"], &s.dir).stdout)
        .unwrap()
        .trim()
        .to_string();
    assert!(did_key.starts_with("did:key:z6Mk"));
    let out = issue(&s, "k2/key.json", "badge.json", "o", &["-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        out.stderr.is_empty(),
        "--quiet prints nothing: {}",
        stderr(&out)
    );
    let verify = verity(&["verify", "o"], &s.dir);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    // Asking to issue as a DID the key is not published under is refused.
    let wrong = verity(
        &[
            "issue",
            "--key",
            "k2/key.json",
            "--did",
            "did:web:lycee.example",
            "--template",
            "badge.json",
            "--recipients",
            "students.csv",
            "--out",
            "o2",
        ],
        &s.dir,
    );
    assert_eq!(code(&wrong), 2);
    assert!(!s.dir.join("o2").exists());
}

#[test]
fn a_bad_row_names_row_and_column_and_writes_nothing() {
    let s = setup(
        "first,last,subject,grade,valid_until\nMarie,Curie,did:example:marie,A,\nBad,Row,did:example:bad,C,31/12/2030\n",
    );
    let out = issue(&s, "keys/key.json", "badge.json", "issued", &[]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("row 2"), "{err}");
    assert!(err.contains("valid_until"), "{err}");
    assert!(err.contains("validUntil"), "{err}");
    assert!(!s.dir.join("issued").exists(), "nothing half-written");
    let leftovers: Vec<_> = std::fs::read_dir(&s.dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_missing_column_and_an_empty_required_cell_are_explained() {
    let s = setup("first,last,subject,grade\nMarie,Curie,did:example:marie,A\n");
    let out = issue(&s, "keys/key.json", "badge.json", "issued", &[]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("valid_until"), "{}", stderr(&out));

    let s = setup("first,last,subject,grade,valid_until\nMarie,Curie,,A,\n");
    let out = issue(&s, "keys/key.json", "badge.json", "issued", &[]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("row 1") && err.contains("credentialSubject.id") && err.contains("'subject'"),
        "{err}"
    );
}

#[test]
fn an_existing_non_empty_output_directory_is_refused() {
    let s = setup(GOOD_CSV);
    std::fs::create_dir(s.dir.join("issued")).unwrap();
    std::fs::write(s.dir.join("issued/keep.txt"), "mine").unwrap();
    let out = issue(&s, "keys/key.json", "badge.json", "issued", &[]);
    assert_eq!(code(&out), 2);
    assert_eq!(std::fs::read_dir(s.dir.join("issued")).unwrap().count(), 1);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(code(&verity(&["verify"], tmp.path())), 2);
    assert_eq!(
        code(&verity(
            &["verify", "--at", "yesterday", "x.json"],
            tmp.path()
        )),
        2
    );
    assert_eq!(code(&verity(&["frobnicate"], tmp.path())), 2);
    assert_eq!(
        code(&verity(&["verify", "does-not-exist.json"], tmp.path())),
        2
    );
    assert_eq!(code(&verity(&["--help"], tmp.path())), 0);
    std::fs::write(tmp.path().join("junk.json"), "{ not json").unwrap();
    let out = verity(&["verify", "--json", "junk.json"], tmp.path());
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["checks"][0]["code"], "input.json_invalid");
}

#[test]
fn terminal_output_escapes_control_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"name":"evil\u001b[2J\u202etxt","issuer":"did:example:x","credentialSubject":{"id":"did:example:y"}}"#;
    std::fs::write(tmp.path().join("h.json"), hostile).unwrap();
    let out = verity(&["verify", "h.json"], tmp.path());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("\\u{1b}"), "{text}");
}

#[test]
fn suites_and_fields_the_contexts_do_not_define() {
    let s = setup(GOOD_CSV);
    let jcs = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "jcs",
        &["--suite", "eddsa-jcs-2022", "-q"],
    );
    assert_eq!(code(&jcs), 0, "{}", stderr(&jcs));
    let first: Value =
        serde_json::from_slice(&std::fs::read(s.dir.join("jcs/credential-00001.json")).unwrap())
            .unwrap();
    assert_eq!(first["proof"]["cryptosuite"], "eddsa-jcs-2022");
    let rdfc = issue(&s, "keys/key.json", "badge.json", "rdfc", &["-q"]);
    assert_eq!(code(&rdfc), 0, "{}", stderr(&rdfc));
    let first: Value =
        serde_json::from_slice(&std::fs::read(s.dir.join("rdfc/credential-00001.json")).unwrap())
            .unwrap();
    assert_eq!(
        first["proof"]["cryptosuite"], "eddsa-rdfc-2022",
        "RDFC is the default for Open Badges"
    );
    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json"}"#,
    )
    .unwrap();
    let verify = verity(
        &["verify", "--resources", "resources.json", "jcs", "rdfc"],
        &s.dir,
    );
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );

    // A VC 1.1 template (no @vocab) with a field its contexts do not define: refused, not left unsigned.
    let v1 = TEMPLATE
        .replace(
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/2018/credentials/v1",
        )
        .replace(
            "\"name\": \"Welding Level 2\",\n  \"issuer\"",
            "\"name\": \"Welding Level 2\",\n  \"undefinedField\": \"x\",\n  \"issuer\"",
        );
    std::fs::write(s.dir.join("v1.json"), v1).unwrap();
    let out = issue(&s, "keys/key.json", "v1.json", "v1", &[]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("'undefinedField' at /undefinedField is not defined"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn p256_keys_issue_ecdsa_rdfc_2019() {
    let s = setup(GOOD_CSV);
    let out = verity(
        &[
            "keygen",
            "--type",
            "p256",
            "--out",
            "p256",
            "--did-web",
            "ecdsa.lycee.example",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let did_key = String::from_utf8(out.stdout).unwrap();
    assert!(did_key.starts_with("did:key:zDn"), "{did_key}");
    let out = verity(
        &[
            "issue",
            "--key",
            "p256/key.json",
            "--did",
            did_key.lines().next().unwrap(),
            "--template",
            "badge.json",
            "--recipients",
            "students.csv",
            "--out",
            "issued",
            "-q",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let first: Value =
        serde_json::from_slice(&std::fs::read(s.dir.join("issued/credential-00001.json")).unwrap())
            .unwrap();
    assert_eq!(first["proof"]["cryptosuite"], "ecdsa-rdfc-2019");
    let verify = verity(&["verify", "--json", "issued"], &s.dir);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    // An Ed25519 suite with a P-256 key is refused up front.
    let wrong = verity(
        &[
            "issue",
            "--key",
            "p256/key.json",
            "--suite",
            "eddsa-rdfc-2022",
            "--template",
            "badge.json",
            "--recipients",
            "students.csv",
            "--out",
            "wrong",
        ],
        &s.dir,
    );
    assert_eq!(code(&wrong), 2);
    assert!(
        stderr(&wrong).contains("keygen --type"),
        "{}",
        stderr(&wrong)
    );
}

fn verdicts(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["verdict"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn status_lists_revoke_suspend_reinstate_publish() {
    let s = setup(GOOD_CSV);
    let run = |args: &[&str]| {
        let out = verity(args, &s.dir);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        out
    };
    run(&[
        "status",
        "create",
        "--dir",
        "status",
        "--base-url",
        "https://lycee.example/status/",
    ]);
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "issued",
        &[
            "-q",
            "--status-list",
            "status",
            "--at",
            "2026-01-15T00:00:00Z",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let state: Value =
        serde_json::from_str(&std::fs::read_to_string(s.dir.join("status/status.json")).unwrap())
            .unwrap();
    let credentials = state["credentials"].as_object().unwrap();
    assert_eq!(credentials.len(), 3);
    let first: Value = serde_json::from_str(
        &std::fs::read_to_string(s.dir.join("issued/credential-00001.json")).unwrap(),
    )
    .unwrap();
    let entries = first["credentialStatus"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    let recorded = &credentials[first["id"].as_str().unwrap()];
    assert_eq!(
        entries[0]["statusListIndex"],
        recorded["revocation"].to_string()
    );
    assert_eq!(
        entries[1]["statusListCredential"],
        "https://lycee.example/status/suspension.json"
    );

    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json",
            "https://lycee.example/status/revocation.json": "public/revocation.json",
            "https://lycee.example/status/suspension.json": "public/suspension.json"}"#,
    )
    .unwrap();
    let at = "2026-03-01T00:00:00Z";
    let verify = || {
        verity(
            &[
                "verify",
                "--json",
                "--offline",
                "--resources",
                "resources.json",
                "--at",
                at,
                "issued",
            ],
            &s.dir,
        )
    };
    let publish = || {
        run(&[
            "status",
            "publish",
            "--dir",
            "status",
            "--key",
            "keys/key.json",
            "--out",
            "public",
            "--at",
            at,
        ])
    };

    // Before the lists are published, revocation cannot be checked: never "valid".
    assert_eq!(verdicts(&verify()), ["indeterminate"; 3]);
    publish();
    let out = verify();
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(verdicts(&out), ["valid"; 3]);

    let second_id = std::fs::read_to_string(s.dir.join("issued/credential-00002.json")).unwrap();
    let second_id = serde_json::from_str::<Value>(&second_id).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    run(&[
        "status",
        "revoke",
        "--dir",
        "status",
        "issued/credential-00001.json",
    ]);
    run(&["status", "suspend", "--dir", "status", &second_id]);
    // Not visible until published: the verifier reads the published lists.
    assert_eq!(verdicts(&verify()), ["valid"; 3]);
    publish();
    let out = verify();
    assert_eq!(code(&out), 1);
    assert_eq!(verdicts(&out), ["revoked", "suspended", "valid"]);

    run(&["status", "reinstate", "--dir", "status", &second_id]);
    publish();
    assert_eq!(verdicts(&verify()), ["revoked", "valid", "valid"]);

    // Revoking twice changes nothing (exit 2); an unknown credential is an error naming it.
    let again = verity(
        &[
            "status",
            "revoke",
            "--dir",
            "status",
            "issued/credential-00001.json",
        ],
        &s.dir,
    );
    assert_eq!(code(&again), 2);
    assert!(
        stderr(&again).contains("already revoked"),
        "{}",
        stderr(&again)
    );
    let unknown = verity(
        &["status", "suspend", "--dir", "status", "urn:uuid:nope"],
        &s.dir,
    );
    assert_eq!(code(&unknown), 2);
    assert!(
        stderr(&unknown).contains("urn:uuid:nope"),
        "{}",
        stderr(&unknown)
    );
    // The lists are too short to be private.
    let short = verity(
        &[
            "status",
            "create",
            "--dir",
            "s2",
            "--base-url",
            "https://lycee.example/s2/",
            "--length",
            "1024",
        ],
        &s.dir,
    );
    assert_eq!(code(&short), 2);
}

type Routes = std::sync::Arc<std::sync::Mutex<std::collections::BTreeMap<String, (u16, Vec<u8>)>>>;

/// An HTTP/1.1 server on 127.0.0.1 answering from a path → (status, body) table, a thread per
/// connection; status 0 means "never answer" (a hung server). Returns its port.
fn serve(routes: Routes) -> u16 {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let routes = routes.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                if reader.read_line(&mut request).is_err() {
                    return;
                }
                let mut line = String::new();
                while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                    line.clear();
                }
                let path = request.split(' ').nth(1).unwrap_or("/").to_string();
                let found = routes.lock().unwrap().get(&path).cloned();
                let (status, body) = found.unwrap_or((404, b"not found".to_vec()));
                if status == 0 {
                    std::thread::sleep(core::time::Duration::from_secs(30));
                    return;
                }
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&body);
            });
        }
    });
    port
}

#[test]
fn did_web_resolution_over_loopback_http() {
    let s = setup(GOOD_CSV);
    // The server runs first: its port is part of the DIDs.
    let table = Routes::default();
    let port = serve(table.clone());
    let paths = ["good", "missing", "wrong-id", "huge", "hung"];
    let mut routes = table.lock().unwrap();
    for name in paths {
        let domain = format!("127.0.0.1%3A{port}:{name}");
        let out = verity(&["keygen", "--out", name, "--did-web", &domain], &s.dir);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let out = issue(
            &s,
            &format!("{name}/key.json"),
            "badge.json",
            &format!("issued-{name}"),
            &["-q", "--at", "2026-01-15T00:00:00Z"],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let doc = std::fs::read(s.dir.join(name).join("did.json")).unwrap();
        let route = format!("/{name}/did.json");
        match name {
            "good" => routes.insert(route, (200, doc)),
            "wrong-id" => {
                let text = String::from_utf8(doc)
                    .unwrap()
                    .replace("wrong-id", "someone-else");
                routes.insert(route, (200, text.into_bytes()))
            }
            "huge" => routes.insert(route, (200, vec![b' '; 10 * 1024 * 1024])),
            "hung" => routes.insert(route, (0, Vec::new())),
            _ => None,
        };
    }
    drop(routes);
    std::fs::write(s.dir.join("trust.json"), r#"{"allowHttpLoopback": true}"#).unwrap();
    let verify = |name: &str, trust: bool| {
        let dir = format!("issued-{name}/credential-00001.json");
        let mut args = vec!["verify", "--json", "--at", "2026-03-01T00:00:00Z"];
        if trust {
            args.extend(["--trust", "trust.json"]);
        }
        args.push(&dir);
        let out = verity(&args, &s.dir);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        (report, stderr(&out))
    };
    let (good, _) = verify("good", true);
    assert_eq!(good["verdict"], "valid", "{good}");
    // Without the test setting, plain http is never used: the https fetch fails.
    let (strict, warning) = verify("good", false);
    assert_eq!(strict["verdict"], "indeterminate");
    assert!(warning.contains("did-document"), "{warning}");
    let (missing, warning) = verify("missing", true);
    assert_eq!(missing["verdict"], "indeterminate");
    assert!(warning.contains("404"), "{warning}");
    let (wrong, _) = verify("wrong-id", true);
    assert_eq!(wrong["verdict"], "invalid");
    assert!(
        wrong["checks"]
            .to_string()
            .contains("issuer.document_invalid"),
        "{wrong}"
    );
    let (huge, warning) = verify("huge", true);
    assert_eq!(huge["verdict"], "indeterminate");
    assert!(warning.contains("larger than 1048576 bytes"), "{warning}");
    // A server that never answers is given up on (10 s), not waited for.
    let started = std::time::Instant::now();
    let (hung, warning) = verify("hung", true);
    assert_eq!(hung["verdict"], "indeterminate");
    assert!(warning.contains("did-document"), "{warning}");
    assert!(started.elapsed() < core::time::Duration::from_secs(25));
}

#[test]
fn bake_and_unbake_png_and_svg() {
    let s = setup(GOOD_CSV);
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "issued",
        &["-q", "--at", "2026-01-15T00:00:00Z"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let images = Path::new(env!("CARGO_MANIFEST_DIR")).join("../portal/demo-src");
    let credential = std::fs::read_to_string(s.dir.join("issued/credential-00001.json")).unwrap();
    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json"}"#,
    )
    .unwrap();
    for ext in ["png", "svg"] {
        let image = images.join(format!("badge.{ext}"));
        let baked = format!("baked.{ext}");
        let out = verity(
            &[
                "bake",
                "--credential",
                "issued/credential-00001.json",
                "--image",
                image.to_str().unwrap(),
                "--out",
                &baked,
            ],
            &s.dir,
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let unbaked = verity(&["unbake", &baked], &s.dir);
        assert_eq!(code(&unbaked), 0, "{}", stderr(&unbaked));
        assert_eq!(
            String::from_utf8(unbaked.stdout).unwrap().trim(),
            credential.trim()
        );
        let verify = verity(
            &[
                "verify",
                "--json",
                "--offline",
                "--resources",
                "resources.json",
                "--at",
                "2026-03-01T00:00:00Z",
                &baked,
            ],
            &s.dir,
        );
        assert_eq!(
            code(&verify),
            0,
            "{}",
            String::from_utf8_lossy(&verify.stdout)
        );
        let report: Value = serde_json::from_slice(&verify.stdout).unwrap();
        assert_eq!(report["checks"][0]["data"]["baked"], ext);
        // Baking into an already baked image replaces the credential (one credential, not two).
        let again = verity(
            &[
                "bake",
                "--credential",
                "issued/credential-00002.json",
                "--image",
                &baked,
                "--out",
                &baked,
            ],
            &s.dir,
        );
        assert_eq!(code(&again), 0, "{}", stderr(&again));
        let second = std::fs::read_to_string(s.dir.join("issued/credential-00002.json")).unwrap();
        let unbaked = verity(&["unbake", &baked], &s.dir);
        assert_eq!(
            String::from_utf8(unbaked.stdout).unwrap().trim(),
            second.trim()
        );
    }
    // Not an image, or an image without a credential: a clear error, exit 2.
    let plain = verity(
        &["unbake", images.join("badge.png").to_str().unwrap()],
        &s.dir,
    );
    assert_eq!(code(&plain), 2);
    assert!(
        stderr(&plain).contains("no credential baked in"),
        "{}",
        stderr(&plain)
    );
    let junk = verity(
        &[
            "bake",
            "--credential",
            "students.csv",
            "--image",
            images.join("badge.png").to_str().unwrap(),
            "--out",
            "x.png",
        ],
        &s.dir,
    );
    assert_eq!(code(&junk), 2);
    assert!(stderr(&junk).contains("neither a JSON credential nor a compact JWS"));
}

#[test]
fn issue_as_jwt_ed25519_and_p256() {
    let s = setup(GOOD_CSV);
    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json"}"#,
    )
    .unwrap();
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "jwt",
        &["-q", "--format", "jwt", "--at", "2026-01-15T00:00:00Z"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let token = std::fs::read_to_string(s.dir.join("jwt/credential-00001.jwt")).unwrap();
    assert!(token.starts_with("eyJ") && token.trim().split('.').count() == 3);
    let verify = verity(
        &[
            "verify",
            "--json",
            "--offline",
            "--resources",
            "resources.json",
            "--at",
            "2026-03-01T00:00:00Z",
            "jwt",
        ],
        &s.dir,
    );
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    let reports: Vec<Value> = String::from_utf8(verify.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 3);
    for report in &reports {
        assert_eq!(report["format"], "vc2-jwt");
        let proof = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == "proof.verified")
            .unwrap();
        assert_eq!(proof["data"]["cryptosuite"], "jose EdDSA");
    }
    // The second row expires in 2030: exp carries it.
    let later = verity(
        &[
            "verify",
            "--json",
            "--offline",
            "--resources",
            "resources.json",
            "--at",
            "2031-01-01T00:00:00Z",
            "jwt/credential-00002.jwt",
        ],
        &s.dir,
    );
    assert_eq!(
        serde_json::from_slice::<Value>(&later.stdout).unwrap()["verdict"],
        "expired"
    );

    let out = verity(&["keygen", "--out", "p256", "--type", "p256"], &s.dir);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = issue(
        &s,
        "p256/key.json",
        "badge.json",
        "jwt-p256",
        &["-q", "--format", "jwt", "--at", "2026-01-15T00:00:00Z"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let verify = verity(
        &[
            "verify",
            "--json",
            "--offline",
            "--at",
            "2026-03-01T00:00:00Z",
            "jwt-p256/credential-00001.jwt",
        ],
        &s.dir,
    );
    let report: Value = serde_json::from_slice(&verify.stdout).unwrap();
    assert_eq!(report["verdict"], "valid", "{report}");
    assert!(report["checks"].to_string().contains("jose ES256"));
}

#[test]
fn issue_anchor_on_regtest_attach_verify() {
    let s = setup(GOOD_CSV);
    let at = ["--at", "2026-01-15T00:00:00Z"];
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "batch",
        &["-q", at[0], at[1]],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let run = |args: &[&str]| {
        let out = verity(args, &s.dir);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        out
    };
    let prepared = run(&["anchor", "--batch", "batch", "--network", "regtest"]);
    let root = String::from_utf8(prepared.stdout.clone())
        .unwrap()
        .trim()
        .to_string();
    assert_eq!(root.len(), 64);
    assert!(stderr(&prepared).contains(&format!("6a20{root}")));
    run(&[
        "anchor", "regtest", "--batch", "batch", "--out", "chain", at[0], at[1],
    ]);
    run(&[
        "anchor",
        "attach",
        "--batch",
        "batch",
        "--tx",
        "chain/tx.hex",
        "--block-proof",
        "chain/block-proof.hex",
        "--headers",
        "chain/headers.txt",
    ]);
    let checkpoint = std::fs::read_to_string(s.dir.join("chain/checkpoint.json")).unwrap();
    std::fs::write(
        s.dir.join("trust.json"),
        format!(r#"{{"checkpoints": [{checkpoint}]}}"#),
    )
    .unwrap();
    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json"}"#,
    )
    .unwrap();
    let verify = |files: &[&str], trust: bool| {
        let mut args = vec![
            "verify",
            "--json",
            "--offline",
            "--resources",
            "resources.json",
            "--at",
            "2026-03-01T00:00:00Z",
        ];
        if trust {
            args.extend(["--trust", "trust.json"]);
        }
        args.extend_from_slice(files);
        let out = verity(&args, &s.dir);
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let reports = verify(&["batch"], true);
    assert_eq!(reports.len(), 3);
    for report in &reports {
        assert_eq!(report["verdict"], "valid", "{report}");
        let anchor = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "anchor")
            .unwrap();
        assert_eq!(anchor["code"], "anchor.verified");
        assert_eq!(anchor["data"]["network"], "regtest");
        assert_eq!(anchor["data"]["height"], "1");
        assert_eq!(anchor["data"]["confirmations"], "6");
        assert_eq!(anchor["data"]["merkleRoot"], root);
    }
    // Without a checkpoint the block cannot be tied to any chain.
    let unknown = verify(&["batch/credential-00001.json"], false);
    assert_eq!(unknown[0]["verdict"], "indeterminate");
    assert!(
        unknown[0]["checks"]
            .to_string()
            .contains("anchor.header_unknown")
    );

    // A credential moved into another batch's anchor, or altered: not in the anchored batch.
    let text = std::fs::read_to_string(s.dir.join("batch/credential-00001.json")).unwrap();
    std::fs::write(
        s.dir.join("altered.json"),
        text.replace("Marie Curie", "Marie Curie-Sklodowska"),
    )
    .unwrap();
    let altered = verify(&["altered.json"], true);
    assert_eq!(altered[0]["verdict"], "invalid");
    let checks = altered[0]["checks"].to_string();
    assert!(
        checks.contains("anchor.merkle_mismatch") && checks.contains("proof.signature_mismatch"),
        "{checks}"
    );
    // The evidence stripped: an online lookup would be needed.
    let mut stripped: Value = serde_json::from_str(&text).unwrap();
    for proof in stripped["proof"].as_array_mut().unwrap() {
        if let Some(p) = proof
            .as_object_mut()
            .filter(|p| p["type"] == "VerityAnchor2026")
        {
            p.remove("transaction");
            p.remove("blockProof");
        }
    }
    std::fs::write(s.dir.join("stripped.json"), stripped.to_string()).unwrap();
    let report = &verify(&["stripped.json"], true)[0];
    assert_eq!(report["verdict"], "indeterminate");
    assert!(
        report["checks"]
            .to_string()
            .contains("anchor.evidence_missing")
    );

    // Too few confirmations: attach a 2-block chain to a copy of the batch.
    std::fs::create_dir(s.dir.join("young")).unwrap();
    // Two of the three credentials: another batch, another root.
    for f in ["credential-00001.json", "credential-00002.json"] {
        let mut c: Value =
            serde_json::from_str(&std::fs::read_to_string(s.dir.join("batch").join(f)).unwrap())
                .unwrap();
        let proofs = c["proof"].as_array().unwrap().clone();
        c["proof"] = proofs[0].clone();
        std::fs::write(
            s.dir.join("young").join(f),
            serde_json::to_string_pretty(&c).unwrap(),
        )
        .unwrap();
    }
    run(&["anchor", "--batch", "young", "--network", "regtest"]);
    run(&[
        "anchor",
        "regtest",
        "--batch",
        "young",
        "--out",
        "young-chain",
        "--confirmations",
        "2",
        at[0],
        at[1],
    ]);
    run(&[
        "anchor",
        "attach",
        "--batch",
        "young",
        "--tx",
        "young-chain/tx.hex",
        "--block-proof",
        "young-chain/block-proof.hex",
        "--headers",
        "young-chain/headers.txt",
    ]);
    let young = verify(&["young/credential-00002.json"], true);
    assert_eq!(young[0]["verdict"], "indeterminate");
    assert!(
        young[0]["checks"]
            .to_string()
            .contains("anchor.unconfirmed")
    );
    // Evidence for another batch is refused at attach time.
    let wrong = verity(
        &[
            "anchor",
            "attach",
            "--batch",
            "batch",
            "--tx",
            "young-chain/tx.hex",
            "--block-proof",
            "young-chain/block-proof.hex",
        ],
        &s.dir,
    );
    assert_eq!(code(&wrong), 2);
    assert!(
        stderr(&wrong).contains("no OP_RETURN output carrying this batch's root"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn anchor_without_evidence_is_looked_up_on_the_configured_explorer() {
    let s = setup(GOOD_CSV);
    let run = |args: &[&str]| {
        let out = verity(args, &s.dir);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        out
    };
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "batch",
        &["-q", "--at", "2026-01-15T00:00:00Z"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let root =
        String::from_utf8(run(&["anchor", "--batch", "batch", "--network", "regtest"]).stdout)
            .unwrap()
            .trim()
            .to_string();
    run(&[
        "anchor",
        "regtest",
        "--batch",
        "batch",
        "--out",
        "chain",
        "--at",
        "2026-01-15T00:00:00Z",
    ]);
    run(&[
        "anchor",
        "attach",
        "--batch",
        "batch",
        "--tx",
        "chain/tx.hex",
        "--block-proof",
        "chain/block-proof.hex",
        "--headers",
        "chain/headers.txt",
    ]);
    // The credential as a wallet might keep it: the txid, but not the evidence.
    let mut credential: Value = serde_json::from_str(
        &std::fs::read_to_string(s.dir.join("batch/credential-00001.json")).unwrap(),
    )
    .unwrap();
    let anchor = credential["proof"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["type"] == "VerityAnchor2026")
        .unwrap();
    let txid = anchor["txid"].as_str().unwrap().to_string();
    for field in ["transaction", "blockProof", "headers"] {
        anchor.as_object_mut().unwrap().remove(field);
    }
    std::fs::write(s.dir.join("lean.json"), credential.to_string()).unwrap();

    let table = Routes::default();
    let port = serve(table.clone());
    let answer = serde_json::json!({"txid": txid, "vin": [{"prevout": {"scriptpubkey_address": "bcrt1qexample"}}],
        "vout": [{"scriptpubkey": "51", "value": 1}, {"scriptpubkey": format!("6a20{root}"), "value": 0}],
        "status": {"confirmed": true, "block_height": 1, "block_time": 1_768_435_200}});
    table.lock().unwrap().insert(
        format!("/api/tx/{txid}"),
        (200, answer.to_string().into_bytes()),
    );
    std::fs::write(
        s.dir.join("trust.json"),
        format!(r#"{{"allowHttpLoopback": true, "explorers": {{"bitcoin:regtest": "https://127.0.0.1:{port}/api"}}}}"#),
    )
    .unwrap();
    std::fs::write(
        s.dir.join("resources.json"),
        r#"{"https://lycee.example/.well-known/did.json": "keys/did.json"}"#,
    )
    .unwrap();
    let verify = |trust: bool| {
        let mut args = vec![
            "verify",
            "--json",
            "--resources",
            "resources.json",
            "--at",
            "2026-03-01T00:00:00Z",
        ];
        if trust {
            args.extend(["--trust", "trust.json"]);
        } else {
            args.push("--offline");
        }
        args.push("lean.json");
        let out = verity(&args, &s.dir);
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let online = verify(true);
    assert_eq!(online["verdict"], "valid", "{online}");
    let anchor = online["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "anchor")
        .unwrap();
    assert_eq!(anchor["code"], "anchor.confirmed_online");
    assert_eq!(anchor["data"]["sender"], "bcrt1qexample");
    // Offline, the same credential is indeterminate: nothing was looked up.
    let offline = verify(false);
    assert_eq!(offline["verdict"], "indeterminate");
    assert!(
        offline["checks"]
            .to_string()
            .contains("anchor.evidence_missing")
    );
}

#[test]
fn certs_ca_issue_verify_check_and_x5c_jwt_credentials() {
    let s = setup(GOOD_CSV);
    let json_of = |out: &Output| -> Value { serde_json::from_slice(&out.stdout).unwrap() };
    let out = verity(
        &["certs", "ca", "--out", "ca", "--name", "Lycée Technique CA"],
        &s.dir,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = verity(&["certs", "ca", "--out", "ca", "--name", "again"], &s.dir);
    assert_eq!(
        code(&out),
        2,
        "an existing CA key is never overwritten without --force"
    );
    let out = verity(
        &[
            "certs",
            "issue",
            "--ca",
            "ca",
            "--key",
            "keys/key.json",
            "--out",
            "chain.pem",
            "--name",
            "Lycée Technique registrar",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // The chain validates for credential signing, not for a TLS server.
    let out = verity(
        &[
            "certs",
            "verify",
            "--json",
            "--trust",
            "ca/ca.pem",
            "--purpose",
            "credential",
            "chain.pem",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let report = json_of(&out);
    assert_eq!(report["verdict"], "valid");
    assert_eq!(report["path"].as_array().unwrap().len(), 2);
    assert_eq!(report["path"][1]["trustAnchor"], true);
    assert_eq!(report["path"][0]["san"][0], "URI:did:web:lycee.example");
    let out = verity(
        &[
            "certs",
            "verify",
            "--json",
            "--trust",
            "ca/ca.pem",
            "chain.pem",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 1);
    let codes: Vec<String> = json_of(&out)["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "failed")
        .map(|c| c["code"].as_str().unwrap().to_string())
        .collect();
    assert!(
        codes.contains(&"x509.eku_mismatch".to_string()),
        "{codes:?}"
    );
    // Another institution's CA is not a trust anchor for it.
    assert_eq!(
        code(&verity(
            &["certs", "ca", "--out", "other", "--name", "Other CA"],
            &s.dir
        )),
        0
    );
    let out = verity(
        &[
            "certs",
            "verify",
            "--json",
            "--trust",
            "other/ca.pem",
            "--purpose",
            "credential",
            "chain.pem",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("x509.unknown_issuer"));
    let out = verity(
        &["certs", "verify", "--trust", "ca/ca.pem", "missing.pem"],
        &s.dir,
    );
    assert_eq!(code(&out), 2);

    // Inventory: exit 1 when something expires within --warn-days, or has expired.
    let out = verity(&["certs", "check", "--json", "chain.pem", "ca"], &s.dir);
    assert_eq!(
        code(&out),
        0,
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    let rows: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        rows.len(),
        3,
        "the leaf and the CA in chain.pem, and ca/ca.pem"
    );
    assert!(rows.iter().all(|r| r["status"] == "ok"));
    assert_eq!(rows[0]["lifetime"]["days"], 365);
    let out = verity(
        &["certs", "check", "--warn-days", "400", "chain.pem"],
        &s.dir,
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("EXPIRING"));
    let out = verity(
        &[
            "certs",
            "check",
            "--at",
            "2040-01-01T00:00:00Z",
            "chain.pem",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("EXPIRED"));

    // JWT credentials carrying the chain: confirmed only by a verifier that trusts the CA.
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "jwts",
        &["--format", "jwt", "--x5c", "chain.pem", "-q"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ca_pem = std::fs::read_to_string(s.dir.join("ca/ca.pem")).unwrap();
    std::fs::write(
        s.dir.join("trust.json"),
        serde_json::json!({ "x509Anchors": [ca_pem] }).to_string(),
    )
    .unwrap();
    let out = verity(
        &[
            "verify",
            "--json",
            "--offline",
            "--trust",
            "trust.json",
            "jwts",
        ],
        &s.dir,
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(code(&out), 0, "{text}");
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let issuer_check = first["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "issuer")
        .unwrap();
    assert_eq!(issuer_check["code"], "issuer.key_resolved");
    assert_eq!(issuer_check["data"]["x5c"], "CN=Lycée Technique registrar");
    let out = verity(&["verify", "--json", "--offline", "jwts"], &s.dir);
    assert_eq!(
        code(&out),
        1,
        "without the CA as trust anchor the key is not confirmed"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("issuer.x5c_unverified"));
    std::fs::write(
        s.dir.join("other-trust.json"),
        serde_json::json!({ "x509Anchors": [std::fs::read_to_string(s.dir.join("other/ca.pem")).unwrap()] })
            .to_string(),
    )
    .unwrap();
    let out = verity(
        &[
            "verify",
            "--json",
            "--offline",
            "--trust",
            "other-trust.json",
            "jwts",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stdout).contains("x509.unknown_issuer"));

    // A chain that certifies another key is refused at issuance.
    assert_eq!(code(&verity(&["keygen", "--out", "keys2"], &s.dir)), 0);
    let out = verity(
        &[
            "certs",
            "issue",
            "--ca",
            "ca",
            "--key",
            "keys2/key.json",
            "--out",
            "chain2.pem",
        ],
        &s.dir,
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "jwts2",
        &["--format", "jwt", "--x5c", "chain2.pem"],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("does not certify this key"),
        "{}",
        stderr(&out)
    );
    // And --x5c needs the JWT form.
    let out = issue(
        &s,
        "keys/key.json",
        "badge.json",
        "jwts3",
        &["--x5c", "chain.pem"],
    );
    assert_eq!(code(&out), 2);
}
