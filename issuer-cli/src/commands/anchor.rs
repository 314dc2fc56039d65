use anyhow::{Context as _, Result, bail};
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verifier_core::bitcoin::{self, hex};
use verity::anchor::{self, Evidence};

use crate::{AnchorArgs, AnchorCmd};

const MANIFEST: &str = "anchor.json";

/// The batch's credential files (`.json`, sorted; not the manifests).
fn batch_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name()
                    .is_some_and(|n| n != "manifest.json" && n != MANIFEST)
        })
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("{} has no credential (.json) files", dir.display());
    }
    Ok(files)
}

fn read_credential(path: &Path) -> Result<Map<String, Value>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    match serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))? {
        Value::Object(map) => Ok(map),
        _ => bail!("{} is not a JSON credential", path.display()),
    }
}

fn read_hex_file(path: &Path) -> Result<String> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let text: String = text.split_whitespace().collect();
    if bitcoin::from_hex(&text).is_none() {
        bail!("{} does not hold hex", path.display());
    }
    Ok(text)
}

pub(crate) fn run(args: &AnchorArgs) -> Result<ExitCode> {
    match &args.cmd {
        None => {
            let batch = args.batch.as_deref().context("--batch DIR is required")?;
            prepare(batch, args.network.name())
        }
        Some(AnchorCmd::Attach {
            batch,
            tx,
            block_proof,
            headers,
        }) => attach(batch, tx, block_proof, headers.as_deref()),
        Some(AnchorCmd::Regtest {
            batch,
            out,
            confirmations,
            at,
        }) => regtest(batch, out, *confirmations, *at),
    }
}

/// The batch's files, their credentials and its tree (the network is the manifest's, once read).
fn read_batch(dir: &Path) -> Result<Loaded> {
    let files = batch_files(dir)?;
    let credentials = files
        .iter()
        .map(|f| read_credential(f))
        .collect::<Result<Vec<_>>>()?;
    let batch = anchor::build(&credentials)?;
    Ok(Loaded {
        files,
        credentials,
        batch,
        network: String::new(),
    })
}

fn prepare(dir: &Path, network: &str) -> Result<ExitCode> {
    let Loaded { files, batch, .. } = read_batch(dir)?;
    let manifest = json!({
        "version": 1,
        "network": network,
        "merkleRoot": hex(&batch.root),
        "opReturn": anchor::op_return_script(&batch.root),
        "leafCount": files.len(),
        "credentials": files.iter().enumerate().map(|(i, f)| json!({
            "file": f.file_name().map(|n| n.to_string_lossy().into_owned()),
            "leafIndex": i,
        })).collect::<Vec<_>>(),
    });
    std::fs::write(
        dir.join(MANIFEST),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )
    .with_context(|| format!("writing {}", dir.join(MANIFEST).display()))?;
    let root = hex(&batch.root);
    println!("{root}");
    eprintln!(
        "batch of {} credential(s), Merkle root {root} (recorded in {})\n\
         publish it on Bitcoin {network} as an output of value 0 with script {}, e.g.\n  \
         bitcoin-cli -named send outputs='[{{\"data\":\"{root}\"}}]'\n\
         once mined: verity anchor attach --batch {} --tx TX.hex --block-proof PROOF.hex [--headers HEADERS.txt]\n  \
         (TX.hex from bitcoin-cli getrawtransaction TXID, PROOF.hex from bitcoin-cli gettxoutproof '[\"TXID\"]')",
        files.len(),
        dir.join(MANIFEST).display(),
        anchor::op_return_script(&batch.root),
        dir.display(),
    );
    Ok(ExitCode::SUCCESS)
}

/// A prepared batch: its files, credentials, tree and network.
struct Loaded {
    files: Vec<PathBuf>,
    credentials: Vec<Map<String, Value>>,
    batch: anchor::Batch,
    network: String,
}

/// The prepared batch, after checking it still hashes to the root in its manifest.
fn load_batch(dir: &Path) -> Result<Loaded> {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join(MANIFEST)).with_context(|| {
            format!(
                "reading {} (run `verity anchor --batch {}` first)",
                dir.join(MANIFEST).display(),
                dir.display()
            )
        })?,
    )?;
    let mut loaded = read_batch(dir)?;
    if manifest["merkleRoot"].as_str() != Some(hex(&loaded.batch.root).as_str()) {
        bail!(
            "the credentials in {} no longer hash to the root in {MANIFEST}: they changed since `verity anchor`",
            dir.display()
        );
    }
    loaded.network = manifest["network"]
        .as_str()
        .unwrap_or("mainnet")
        .to_string();
    Ok(loaded)
}

fn attach(dir: &Path, tx: &Path, block_proof: &Path, headers: Option<&Path>) -> Result<ExitCode> {
    let Loaded {
        files,
        credentials,
        batch,
        network,
    } = load_batch(dir)?;
    let headers = match headers {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("reading {}", path.display()))?
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };
    let evidence = Evidence {
        transaction: read_hex_file(tx)?,
        block_proof: read_hex_file(block_proof)?,
        headers,
    };
    let txid = anchor::check_evidence(&batch.root, &evidence)?;
    let count = files.len();
    for (i, (file, mut credential)) in files.iter().zip(credentials).enumerate() {
        let path = batch.paths.get(i).context("path")?;
        anchor::attach(
            &mut credential,
            anchor::proof_entry(&network, &batch.root, i, count, path, &txid, &evidence),
        );
        let tmp = file.with_extension("json.partial");
        std::fs::write(
            &tmp,
            serde_json::to_string_pretty(&Value::Object(credential))? + "\n",
        )
        .with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, file).with_context(|| format!("writing {}", file.display()))?;
    }
    eprintln!("anchored {count} credential(s) in transaction {txid} ({network})");
    Ok(ExitCode::SUCCESS)
}

fn regtest(
    dir: &Path,
    out: &Path,
    confirmations: u32,
    at: Option<verifier_core::UnixTime>,
) -> Result<ExitCode> {
    let Loaded { batch, network, .. } = load_batch(dir)?;
    if network != "regtest" {
        bail!(
            "this batch is for {network}; regtest evidence is only for batches prepared with --network regtest"
        );
    }
    if confirmations == 0 {
        bail!("--confirmations must be at least 1");
    }
    let time = u32::try_from(super::now_or(at).0).unwrap_or(u32::MAX);
    let evidence = anchor::regtest(&batch.root, confirmations, time)?;
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    std::fs::write(out.join("tx.hex"), format!("{}\n", evidence.transaction))?;
    std::fs::write(
        out.join("block-proof.hex"),
        format!("{}\n", evidence.block_proof),
    )?;
    std::fs::write(out.join("headers.txt"), evidence.headers.join("\n") + "\n")?;
    std::fs::write(
        out.join("checkpoint.json"),
        serde_json::to_string_pretty(&anchor::regtest_checkpoint()?)? + "\n",
    )?;
    eprintln!(
        "mined a private regtest chain ({confirmations} block(s)) anchoring {}: {}/tx.hex, block-proof.hex, headers.txt; \
         trust its genesis with checkpoint.json (trust.json \"checkpoints\")",
        hex(&batch.root),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
