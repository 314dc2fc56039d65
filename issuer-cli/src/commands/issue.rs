use anyhow::{Context as _, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verity::issuance::{self, Issuer, OutputFormat, Row, Suite};
use verity::keyfile::{IssuerKey, KeyType};
use verity::status::StatusState;

use crate::IssueArgs;

pub(crate) fn run(args: &IssueArgs) -> Result<ExitCode> {
    let (template_path, recipients) = match (&args.template, &args.recipients, &args.pathway) {
        (_, _, Some(pathway)) => {
            let evidence = args
                .evidence
                .as_deref()
                .context("--pathway needs --evidence")?;
            return super::pathway::issue(args, pathway, evidence);
        }
        (Some(t), Some(r), None) => (t, r),
        _ => bail!("issue needs --template and --recipients (or --pathway and --evidence)"),
    };
    let key = IssuerKey::load(&args.key)?;
    let template_text = std::fs::read_to_string(template_path)
        .with_context(|| format!("reading {}", template_path.display()))?;
    let template: Value = serde_json::from_str(&template_text)
        .with_context(|| format!("{} is not valid JSON", template_path.display()))?;
    let did = args.did.clone().unwrap_or_else(|| key.default_did());
    key.verification_method(&did)?;
    let suite = args.suite.unwrap_or(match key.key_type() {
        KeyType::Ed25519 => Suite::EddsaRdfc2022,
        KeyType::P256 => Suite::EcdsaRdfc2019,
    });
    let x5c = match &args.x5c {
        None => Vec::new(),
        Some(path) => {
            if args.format != OutputFormat::Jwt {
                bail!("--x5c needs --format jwt (a certificate chain travels in the JWT header)");
            }
            load_x5c(path, &key)?
        }
    };
    let issuer = Issuer {
        key: &key,
        did,
        now: super::now_or(args.at),
        x5c,
    };

    let mut status = args
        .status_list
        .as_deref()
        .map(StatusState::load)
        .transpose()?;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::Headers)
        .from_path(recipients)
        .with_context(|| format!("reading {}", recipients.display()))?;
    let headers = reader
        .headers()
        .with_context(|| format!("reading the header of {}", recipients.display()))?
        .clone();
    let missing: Vec<String> = issuance::template_columns(&template)
        .into_iter()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        bail!(
            "the template uses column(s) {} that {} does not have (its columns: {})",
            missing.join(", "),
            recipients.display(),
            headers.iter().collect::<Vec<_>>().join(", ")
        );
    }
    let records: Vec<csv::StringRecord> = reader
        .records()
        .enumerate()
        .map(|(i, r)| {
            r.with_context(|| format!("{}: row {} (line {})", recipients.display(), i + 1, i + 2))
        })
        .collect::<Result<_>>()?;
    if records.is_empty() {
        bail!("{} has no data rows", recipients.display());
    }

    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(records.len() as u64)
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} signing {pos}/{len} [{bar:30}] {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    // Build, sign and self-check everything in memory first: a bad row stops the run before any file is written.
    let mut issued = Vec::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        let row = Row {
            number: i + 1,
            cells: headers.iter().zip(record.iter()).collect(),
        };
        let context = || {
            format!(
                "{}: row {} (line {})",
                recipients.display(),
                row.number,
                row.number + 1
            )
        };
        let (mut unsigned, filled) =
            issuance::build(&template, &row, &issuer).with_context(context)?;
        if let Some(state) = status.as_mut() {
            attach_status(&mut unsigned, state).with_context(context)?;
        }
        let secured = match args.format {
            OutputFormat::Json => {
                let signed = issuance::sign(&unsigned, &issuer, suite).with_context(context)?;
                Secured {
                    text: serde_json::to_string_pretty(&signed)? + "\n",
                    credential: signed,
                    extension: "json",
                    learner: None,
                }
            }
            OutputFormat::Jwt => Secured {
                text: issuance::sign_jwt(&unsigned, &issuer).with_context(context)? + "\n",
                credential: unsigned,
                extension: "jwt",
                learner: None,
            },
        };
        issuance::self_check_bytes(secured.text.trim().as_bytes(), &filled, &row, &issuer)
            .with_context(|| recipients.display().to_string())?;
        issued.push(secured);
        bar.inc(1);
    }
    bar.finish_and_clear();
    write_all(&args.out, &issued)?;
    if let Some(state) = &status {
        state.save().context(
            "the credentials were written, but their status indexes could not be recorded",
        )?;
    }
    if !args.quiet {
        eprintln!(
            "issued {} credential(s) as {} into {}",
            issued.len(),
            issuer.did,
            args.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One issued credential: its file text and extension, and the credential itself (for the manifest).
pub(crate) struct Secured {
    pub(crate) credential: Value,
    pub(crate) text: String,
    pub(crate) extension: &'static str,
    /// For a pathway's degree: the learner's entry in the evidence directory.
    pub(crate) learner: Option<String>,
}

/// Gives the credential random indexes in the status lists (`credentialStatus`). VC 1.1
/// credentials also get the status vocabulary's context, which VC 1.1's context lacks.
fn attach_status(unsigned: &mut Value, state: &mut StatusState) -> Result<()> {
    if unsigned.get("credentialStatus").is_some() {
        bail!("the template already has a credentialStatus; remove it to use --status-list");
    }
    let id = unsigned["id"]
        .as_str()
        .context("the credential has no id")?
        .to_string();
    let entries = state.assign(&id)?;
    if let Some(Value::Array(contexts)) = unsigned.get_mut("@context") {
        let v1 = contexts.first().and_then(Value::as_str)
            == Some(verifier_core::credential::VC_V1_CONTEXT);
        let status_context = Value::from("https://www.w3.org/ns/credentials/status/v1");
        if v1 && !contexts.contains(&status_context) {
            contexts.push(status_context);
        }
    }
    unsigned["credentialStatus"] = entries;
    Ok(())
}

/// Writes the credentials and a manifest into a staging directory, then renames it into place,
/// so `out` either holds the whole batch or is left as it was.
pub(crate) fn write_all(out: &Path, issued: &[Secured]) -> Result<()> {
    if out.exists()
        && std::fs::read_dir(out)
            .with_context(|| format!("reading {}", out.display()))?
            .next()
            .is_some()
    {
        bail!("{} is not empty; choose a new directory", out.display());
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = out
        .file_name()
        .context("--out needs a directory name")?
        .to_string_lossy();
    let staging: PathBuf = parent.join(format!(".{name}.partial-{}", std::process::id()));
    let result = (|| -> Result<()> {
        std::fs::create_dir(&staging).with_context(|| format!("creating {}", staging.display()))?;
        let mut manifest = Vec::with_capacity(issued.len());
        for (i, secured) in issued.iter().enumerate() {
            let credential = &secured.credential;
            let file = format!("credential-{:05}.{}", i + 1, secured.extension);
            std::fs::write(staging.join(&file), &secured.text)
                .with_context(|| format!("writing {file}"))?;
            let mut entry = json!({ "row": i + 1, "file": file, "id": credential["id"],
                "recipient": credential["credentialSubject"]["id"] });
            if let Some(learner) = &secured.learner {
                entry["learner"] = Value::String(learner.clone());
            }
            manifest.push(entry);
        }
        std::fs::write(
            staging.join("manifest.json"),
            serde_json::to_string_pretty(&manifest)? + "\n",
        )?;
        if out.exists() {
            std::fs::remove_dir(out)
                .with_context(|| format!("replacing empty {}", out.display()))?;
        }
        std::fs::rename(&staging, out)
            .with_context(|| format!("moving the batch into {}", out.display()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Reads the chain for `--x5c` (PEM, the signing certificate first) and checks that its first
/// certificate certifies `key`.
fn load_x5c(path: &std::path::Path, key: &verity::keyfile::IssuerKey) -> Result<Vec<Vec<u8>>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let certs = verifier_core::x509::parse_certificates(&bytes, &verifier_core::Limits::default())
        .map_err(|e| anyhow::anyhow!("{}: not a certificate chain ({e:?})", path.display()))?;
    let ours = verifier_core::keys::decode_multikey(&key.multikey())
        .map_err(|e| anyhow::anyhow!("the issuer key: {e}"))?;
    if certs.first().and_then(|c| c.public_key()) != Some(ours) {
        bail!(
            "{}: its first certificate does not certify this key (make it with `verity certs issue --key`)",
            path.display()
        );
    }
    Ok(certs.into_iter().map(|c| c.der).collect())
}
