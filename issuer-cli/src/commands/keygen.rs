use anyhow::{Context as _, Result, bail};
use std::process::ExitCode;
use verity::keyfile::{IssuerKey, parse_did_web};

use crate::KeygenArgs;

pub(crate) fn run(args: &KeygenArgs) -> Result<ExitCode> {
    let did_web = args.did_web.as_deref().map(parse_did_web).transpose()?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let key = IssuerKey::generate(args.key_type, did_web)?;
    let key_path = args.out.join("key.json");
    if key_path.exists() && !args.force {
        bail!("{} exists; use --force to replace it", key_path.display());
    }
    key.save(&key_path, args.force)?;
    eprintln!("wrote {} (secret, mode 0600)", key_path.display());
    println!("{}", key.did_key());
    if let (Some(doc), Some(did)) = (key.did_web_document(), key.did_web.as_deref()) {
        let path = args.out.join("did.json");
        std::fs::write(&path, serde_json::to_string_pretty(&doc)? + "\n")
            .with_context(|| format!("writing {}", path.display()))?;
        let url = verifier_core::did::did_web_url(did).unwrap_or_default();
        eprintln!("wrote {}: publish it at {url}", path.display());
        println!("{did}");
    }
    Ok(ExitCode::SUCCESS)
}
