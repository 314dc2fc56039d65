use anyhow::{Context as _, Result, bail};
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;
use verity::keyfile::IssuerKey;
use verity::status::{Purpose, StatusState};

use crate::{StatusArgs, StatusCmd};

pub(crate) fn run(args: &StatusArgs) -> Result<ExitCode> {
    match &args.cmd {
        StatusCmd::Create {
            dir,
            base_url,
            purpose,
            length,
        } => {
            let purposes = if purpose.is_empty() {
                vec![Purpose::Revocation, Purpose::Suspension]
            } else {
                purpose.clone()
            };
            let state = StatusState::create(dir, base_url, &purposes, *length)?;
            for list in &state.lists {
                eprintln!(
                    "{} list: {} entries, to be served at {}",
                    list.purpose.name(),
                    list.length,
                    list.url
                );
            }
        }
        StatusCmd::Revoke { dir, credentials } => {
            change(dir, credentials, Purpose::Revocation, true, "revoked")?;
        }
        StatusCmd::Suspend { dir, credentials } => {
            change(dir, credentials, Purpose::Suspension, true, "suspended")?;
        }
        StatusCmd::Reinstate { dir, credentials } => {
            change(dir, credentials, Purpose::Suspension, false, "reinstated")?;
        }
        StatusCmd::Publish {
            dir,
            key,
            out,
            did,
            at,
            valid_until,
        } => {
            let state = StatusState::load(dir)?;
            let key = IssuerKey::load(key)?;
            let did = did.clone().unwrap_or_else(|| key.default_did());
            key.verification_method(&did)?;
            let issuer = verity::issuance::Issuer {
                key: &key,
                did,
                now: super::now_or(*at),
                x5c: Vec::new(),
            };
            let lists = state.publish(&issuer, valid_until.map(|t| t.to_rfc3339()))?;
            std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
            for (name, list) in lists {
                let path = out.join(&name);
                let tmp = out.join(format!(".{name}.{}", std::process::id()));
                std::fs::write(&tmp, serde_json::to_string_pretty(&list)? + "\n")
                    .with_context(|| format!("writing {}", tmp.display()))?;
                std::fs::rename(&tmp, &path)
                    .with_context(|| format!("writing {}", path.display()))?;
                eprintln!(
                    "wrote {} (serve it at {})",
                    path.display(),
                    list["id"].as_str().unwrap_or_default()
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A credential named by its id, or by a credential file (whose `id` is read).
fn credential_id(arg: &str) -> Result<String> {
    let path = Path::new(arg);
    if !path.is_file() {
        return Ok(arg.to_string());
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {arg}"))?;
    let value: Value = serde_json::from_str(&text).with_context(|| format!("{arg} is not JSON"))?;
    value["id"]
        .as_str()
        .map(str::to_string)
        .with_context(|| format!("{arg} has no credential id"))
}

/// Sets or clears the bit of every credential, then saves once: all or nothing.
fn change(
    dir: &Path,
    credentials: &[String],
    purpose: Purpose,
    value: bool,
    verb: &str,
) -> Result<()> {
    let mut state = StatusState::load(dir)?;
    let mut changed = Vec::new();
    for arg in credentials {
        let id = credential_id(arg)?;
        if state.set(&id, purpose, value)? {
            changed.push(id);
        } else {
            eprintln!("{id}: already {verb}");
        }
    }
    if changed.is_empty() {
        bail!("nothing changed");
    }
    state.save()?;
    for id in &changed {
        eprintln!("{id}: {verb}");
    }
    eprintln!("run `verity status publish` and upload the lists for verifiers to see it");
    Ok(())
}
