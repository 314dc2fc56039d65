//! `verity certs`: validate X.509 chains, inventory certificates (expiry, CA/Browser Forum
//! lifetime limits), and create an institution CA and credential-signing certificates.

use anyhow::{Context as _, Result, bail};
use serde_json::{Value, json};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verifier_core::json::{cert_info_to_json, chain_report_to_json, lifetime_to_json};
use verifier_core::messages::english;
use verifier_core::x509::{self, Certificate, ChainOptions, names::ServerName};
use verifier_core::{Limits, Outcome, UnixTime, Verdict};
use verity::keyfile::IssuerKey;

use super::verify::printable;
use crate::{CertsArgs, CertsCmd, PurposeArg};

pub(crate) fn run(args: &CertsArgs) -> Result<ExitCode> {
    match &args.cmd {
        CertsCmd::Verify {
            json,
            at,
            trust,
            name,
            purpose,
            files,
        } => verify(*json, *at, trust, name.as_deref(), *purpose, files),
        CertsCmd::Check {
            paths,
            warn_days,
            json,
            at,
        } => check(paths, *warn_days, *json, *at),
        CertsCmd::Ca {
            out,
            name,
            days,
            force,
        } => ca(out, name, *days, *force),
        CertsCmd::Issue {
            ca,
            key,
            out,
            name,
            days,
            did,
        } => issue(ca, key, out, name.as_deref(), *days, did.as_deref()),
    }
}

/// Reads every certificate in a file (PEM with any number of blocks, or DER).
fn read_certs(path: &Path, limits: &Limits) -> Result<Vec<Certificate>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    x509::parse_certificates(&bytes, limits).map_err(|e| {
        anyhow::anyhow!(
            "{}: {}",
            path.display(),
            match e {
                x509::ParseError::Empty => "no certificate in it".to_string(),
                x509::ParseError::TooMany(n) => format!("more than {n} certificates"),
                x509::ParseError::Malformed(i, why) => format!("certificate {}: {why}", i + 1),
            }
        )
    })
}

fn verify(
    json: bool,
    at: Option<UnixTime>,
    trust: &Path,
    name: Option<&str>,
    purpose: PurposeArg,
    files: &[PathBuf],
) -> Result<ExitCode> {
    let now = super::now_or(at);
    let limits = Limits::default();
    let anchors = read_certs(trust, &limits)?;
    let mut certs = Vec::new();
    for file in files {
        certs.extend(read_certs(file, &limits)?);
    }
    let mut options = ChainOptions::new(purpose.into());
    if let Some(name) = name {
        options.name = Some(ServerName::parse(name).ok_or_else(|| {
            anyhow::anyhow!("--name {name:?} is neither a DNS name nor an IP address")
        })?);
    }
    let report = x509::verify_certificates(&certs, &anchors, &options, &limits, now);
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", chain_report_to_json(&report, &english))?;
    } else {
        let leaf = report.path.first();
        let mut line = report.verdict.as_str().to_uppercase();
        if let Some(leaf) = leaf {
            line.push_str(&format!(" — {}", printable(&leaf.subject)));
        }
        if report.anchored
            && let Some(anchor) = report.path.last()
        {
            line.push_str(&format!(
                ", {} certificates up to the trusted {}",
                report.path.len(),
                printable(&anchor.subject)
            ));
        }
        if let (Some(leaf), Some(life)) = (leaf, &report.lifetime) {
            line.push_str(&format!(
                "; expires {} ({} days left)",
                leaf.not_after.to_rfc3339(),
                life.days_left
            ));
        }
        writeln!(out, "{line}")?;
        for c in report
            .checks
            .iter()
            .filter(|c| c.outcome != Outcome::Passed)
        {
            let mark = if c.outcome == Outcome::Failed {
                "✗"
            } else {
                "–"
            };
            let data: Vec<String> = c
                .data
                .iter()
                .map(|(k, v)| format!("{k}={}", printable(v)))
                .collect();
            let data = if data.is_empty() {
                String::new()
            } else {
                format!(" [{}]", data.join(", "))
            };
            writeln!(
                out,
                "  {mark} {}: {}{data}",
                c.code.as_str(),
                english(c.code)
            )?;
        }
    }
    Ok(ExitCode::from(if report.verdict == Verdict::Valid {
        0
    } else {
        1
    }))
}

/// Files under `paths` that hold certificates: files as given, directories walked for
/// .pem/.crt/.cer/.der.
fn cert_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in
                std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))?
            {
                let p = entry?.path();
                if p.is_dir() {
                    found.extend(cert_files(&[p])?);
                } else if p.extension().is_some_and(|e| {
                    ["pem", "crt", "cer", "der"]
                        .iter()
                        .any(|x| e.eq_ignore_ascii_case(x))
                }) {
                    found.push(p);
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

/// A certificate's standing in the inventory.
fn status(cert: &Certificate, now: UnixTime, warn_days: i64) -> &'static str {
    let life = cert.lifetime(now);
    if now.0 > cert.info.not_after.0 {
        "expired"
    } else if now.0 < cert.info.not_before.0 {
        "not_yet_valid"
    } else if cert.is_tls_server() && !life.compliant {
        "non_compliant"
    } else if life.days_left < warn_days {
        "expiring"
    } else {
        "ok"
    }
}

fn check(paths: &[PathBuf], warn_days: i64, json: bool, at: Option<UnixTime>) -> Result<ExitCode> {
    let now = super::now_or(at);
    let limits = Limits::default();
    let files = cert_files(paths)?;
    if files.is_empty() {
        bail!("no certificate files found");
    }
    let mut out = std::io::stdout().lock();
    let (mut all_ok, mut io_error) = (true, false);
    if !json {
        writeln!(
            out,
            "{:<14} {:>5}  {:<20}  {:<16}  {:<40}  ISSUER / SERIAL / FILE",
            "STATUS", "DAYS", "NOT AFTER", "LIFETIME", "SUBJECT"
        )?;
    }
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: reading {}: {e}", file.display());
                io_error = true;
                continue;
            }
        };
        if matches!(
            x509::parse_certificates(&bytes, &limits),
            Err(x509::ParseError::Empty)
        ) {
            // A key or CSR beside the certificates: not part of the inventory.
            eprintln!("note: {} holds no certificate", file.display());
            continue;
        }
        let certs = match read_certs(file, &limits) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("error: {e:#}");
                io_error = true;
                continue;
            }
        };
        for (i, cert) in certs.iter().enumerate() {
            let st = status(cert, now, warn_days);
            all_ok &= st == "ok";
            let life = cert.lifetime(now);
            let policy = if cert.is_tls_server() {
                format!(
                    "{} d / {} {}",
                    life.days,
                    life.limit_days,
                    if life.compliant { "ok" } else { "EXCEEDS" }
                )
            } else if cert.info.is_ca {
                "CA".to_string()
            } else {
                format!("{} d (not TLS)", life.days)
            };
            if json {
                let mut v = cert_info_to_json(&cert.info);
                if let Value::Object(m) = &mut v {
                    m.insert("file".into(), json!(file.display().to_string()));
                    m.insert("index".into(), json!(i));
                    m.insert("status".into(), json!(st));
                    m.insert("tlsServer".into(), json!(cert.is_tls_server()));
                    m.insert("lifetime".into(), lifetime_to_json(&life));
                }
                writeln!(out, "{v}")?;
            } else {
                writeln!(
                    out,
                    "{:<14} {:>5}  {:<20}  {:<16}  {:<40}  {} / {} / {}",
                    st.to_uppercase(),
                    life.days_left,
                    cert.info.not_after.to_rfc3339(),
                    policy,
                    printable(&cert.info.subject),
                    printable(&cert.info.issuer),
                    cert.info.serial,
                    file.display()
                )?;
            }
        }
    }
    Ok(ExitCode::from(if io_error {
        2
    } else if all_ok {
        0
    } else {
        1
    }))
}

fn offset(t: UnixTime) -> Result<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp(t.0).context("time out of range")
}

/// Writes `text` to a new file with mode 0600 (private keys).
fn write_private(path: &Path, text: &str, overwrite: bool) -> Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true)
    } else {
        options.create_new(true)
    };
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(text.as_bytes())?;
    Ok(())
}

fn ca(out: &Path, name: &str, days: u32, force: bool) -> Result<ExitCode> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let now = super::now_or(None);
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params.distinguished_name.push(DnType::CommonName, name);
    params
        .distinguished_name
        .push(DnType::OrganizationName, name);
    // One level of issuing certificates below the institution's CA (RFC 5280 §4.2.1.9).
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.not_before = offset(now)?;
    // The validity period includes notAfter (RFC 5280 §4.1.2.5): `days` days exactly.
    params.not_after = offset(UnixTime(now.0 + i64::from(days) * 86_400 - 1))?;
    let cert = params.self_signed(&key)?;
    write_private(&out.join("ca.key.pem"), &key.serialize_pem(), force)?;
    std::fs::write(out.join("ca.pem"), cert.pem())?;
    println!(
        "wrote {} (the trust anchor to give verifiers) and {} (keep it private)",
        out.join("ca.pem").display(),
        out.join("ca.key.pem").display()
    );
    Ok(ExitCode::SUCCESS)
}

fn issue(
    ca_dir: &Path,
    key_path: &Path,
    out: &Path,
    name: Option<&str>,
    days: u32,
    did: Option<&str>,
) -> Result<ExitCode> {
    use rcgen::{
        CertificateParams, DnType, ExtendedKeyUsagePurpose, Issuer, KeyPair, KeyUsagePurpose,
        SanType, SubjectPublicKeyInfo,
    };
    let ca_pem = std::fs::read_to_string(ca_dir.join("ca.pem"))
        .with_context(|| format!("reading {}", ca_dir.join("ca.pem").display()))?;
    let ca_key = KeyPair::from_pem(
        &std::fs::read_to_string(ca_dir.join("ca.key.pem"))
            .with_context(|| format!("reading {}", ca_dir.join("ca.key.pem").display()))?,
    )?;
    let issuer = Issuer::from_ca_cert_pem(&ca_pem, ca_key)?;
    let key = IssuerKey::load(key_path)?;
    let did = did.map(str::to_string).unwrap_or_else(|| key.default_did());
    let now = super::now_or(None);
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params
        .distinguished_name
        .push(DnType::CommonName, name.unwrap_or(&did));
    // The credential issuer's id as a URI name: what binds credentials issued as `did` to
    // this certificate.
    params.subject_alt_names = vec![SanType::URI(did.as_str().try_into()?)];
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    // id-kp-documentSigning (RFC 9336).
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::Other(vec![
        1, 3, 6, 1, 5, 5, 7, 3, 36,
    ])];
    params.use_authority_key_identifier_extension = true;
    params.not_before = offset(now)?;
    // The validity period includes notAfter (RFC 5280 §4.1.2.5): `days` days exactly.
    params.not_after = offset(UnixTime(now.0 + i64::from(days) * 86_400 - 1))?;
    let spki = SubjectPublicKeyInfo::from_der(&key.spki_der())?;
    let cert = params.signed_by(&spki, &issuer)?;
    // The chain a JWT's x5c carries: the signing certificate, then the CA.
    std::fs::write(out, format!("{}{}", cert.pem(), ca_pem))
        .with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote {} (certificate for {did}, then the CA): issue with `verity issue --format jwt --x5c {}`",
        out.display(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
