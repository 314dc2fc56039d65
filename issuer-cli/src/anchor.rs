//! Anchoring a batch of credentials on Bitcoin (`verity anchor`): the batch Merkle tree (rs_merkle
//! with Verity's domain-separated node hash, see `verifier_core::anchor`), the OP_RETURN output to
//! publish, and — once mined — the proof entries carrying the evidence. Also a local regtest
//! "miner" for tests and demos, which never touches a real network.

use anyhow::{Context as _, Result, bail};
use rs_merkle::{Hasher, MerkleTree};
use serde_json::{Map, Value, json};
use verifier_core::anchor::{PROOF_TYPE, leaf_data, leaf_hash, node_hash, root_from_path};
use verifier_core::bitcoin::{self, Hash, Header, MerkleBlock, display_hex, hex};

/// rs_merkle hashing with domain separation: leaves are given already hashed
/// (`SHA-256(0x00 ‖ d)`); nodes are `SHA-256(0x01 ‖ left ‖ right)`; an odd node is promoted.
#[derive(Clone, Debug)]
pub struct BatchHasher;

impl Hasher for BatchHasher {
    type Hash = Hash;
    fn hash(data: &[u8]) -> Hash {
        leaf_hash(data)
    }
    fn concat_and_hash(left: &Hash, right: Option<&Hash>) -> Hash {
        match right {
            Some(right) => node_hash(left, right),
            None => *left,
        }
    }
}

/// A batch's tree: the root and each credential's inclusion path.
#[derive(Debug)]
pub struct Batch {
    /// The Merkle root to publish.
    pub root: Hash,
    /// Per credential (in input order): its Merkle path, leaf to root.
    pub paths: Vec<Vec<Hash>>,
}

/// Builds the tree over `credentials` (signed, not yet anchored) and checks every path with the
/// verifier's own fold.
pub fn build(credentials: &[Map<String, Value>]) -> Result<Batch> {
    if credentials.is_empty() {
        bail!("no credentials to anchor");
    }
    let leaves: Vec<Hash> = credentials
        .iter()
        .map(|c| leaf_hash(&leaf_data(c)))
        .collect();
    let tree = MerkleTree::<BatchHasher>::from_leaves(&leaves);
    let root = tree.root().context("empty tree")?;
    let count = u64::try_from(leaves.len())?;
    let mut paths = Vec::with_capacity(leaves.len());
    for (i, leaf) in leaves.iter().enumerate() {
        let path = tree.proof(&[i]).proof_hashes().to_vec();
        if root_from_path(*leaf, u64::try_from(i)?, count, &path) != Some(root) {
            bail!("internal error: the Merkle path of credential {i} does not verify");
        }
        paths.push(path);
    }
    Ok(Batch { root, paths })
}

/// The output script to publish: `OP_RETURN <root>`.
pub fn op_return_script(root: &Hash) -> String {
    format!("6a20{}", hex(root))
}

/// The evidence of a mined anchor: the transaction, its block proof and later headers.
#[derive(Debug)]
pub struct Evidence {
    /// Raw transaction hex (`bitcoin-cli getrawtransaction TXID`).
    pub transaction: String,
    /// Serialized CMerkleBlock hex (`bitcoin-cli gettxoutproof '["TXID"]'`).
    pub block_proof: String,
    /// Later block headers (hex), in chain order.
    pub headers: Vec<String>,
}

/// Checks that the evidence anchors `root` with the verifier's own checks
/// (`verifier_core::anchor::check_evidence`: the transaction carries it in an OP_RETURN output, the
/// block proof includes the transaction) and that the later headers link. Returns the txid
/// (display hex).
pub fn check_evidence(root: &Hash, evidence: &Evidence) -> Result<String> {
    let (tx, block) = verifier_core::anchor::check_evidence(
        root,
        &evidence.transaction,
        &evidence.block_proof,
        None,
    )
    .map_err(|problem| match (problem.code, problem.txid) {
        (verifier_core::Code::AnchorRootNotInTransaction, Some(txid)) => anyhow::anyhow!(
            "the transaction {txid} has no OP_RETURN output carrying this batch's root {}",
            hex(root)
        ),
        (code, _) => anyhow::anyhow!(
            "{} ({}{})",
            verifier_core::messages::english(code),
            code.as_str(),
            problem.reason.map(|r| format!(": {r}")).unwrap_or_default()
        ),
    })?;
    let mut previous = block.header.hash;
    for (i, h) in evidence.headers.iter().enumerate() {
        let header = bitcoin::from_hex(h)
            .and_then(|raw| Header::parse(&raw).ok())
            .with_context(|| format!("header {} is not an 80-byte header in hex", i + 1))?;
        if header.prev != previous {
            bail!("header {} does not follow the previous one", i + 1);
        }
        previous = header.hash;
    }
    Ok(display_hex(&tx.txid))
}

/// The proof entry for one credential.
pub fn proof_entry(
    network: &str,
    root: &Hash,
    index: usize,
    count: usize,
    path: &[Hash],
    txid: &str,
    evidence: &Evidence,
) -> Value {
    json!({
        "type": PROOF_TYPE,
        "chain": "bitcoin",
        "network": network,
        "merkleRoot": hex(root),
        "leafIndex": index,
        "leafCount": count,
        "path": path.iter().map(|h| hex(h)).collect::<Vec<_>>(),
        "txid": txid,
        "transaction": evidence.transaction,
        "blockProof": evidence.block_proof,
        "headers": evidence.headers,
    })
}

/// Adds `entry` to the credential's proof set (a single proof becomes a set of two).
pub fn attach(credential: &mut Map<String, Value>, entry: Value) {
    let mut proofs = match credential.remove("proof") {
        Some(Value::Array(items)) => items,
        Some(one) => vec![one],
        None => Vec::new(),
    };
    proofs.retain(|p| p.get("type").and_then(Value::as_str) != Some(PROOF_TYPE));
    proofs.push(entry);
    credential.insert("proof".into(), Value::Array(proofs));
}

/// Bitcoin regtest's genesis header (`bitcoind -regtest`): version 1, time 1296688602,
/// bits 0x207fffff, nonce 2.
pub const REGTEST_GENESIS: &str = "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4adae5494dffff7f2002000000";

/// A transaction: one input spending `prevout` (or a coinbase with `script`), the given outputs.
fn transaction(prevout: Option<Hash>, script: &[u8], outputs: &[(u64, Vec<u8>)]) -> Vec<u8> {
    let mut tx = vec![1, 0, 0, 0, 1];
    match prevout {
        Some(txid) => {
            tx.extend_from_slice(&txid);
            tx.extend_from_slice(&0u32.to_le_bytes());
        }
        None => {
            tx.extend_from_slice(&[0; 32]);
            tx.extend_from_slice(&u32::MAX.to_le_bytes());
        }
    }
    tx.push(u8::try_from(script.len()).unwrap_or(0));
    tx.extend_from_slice(script);
    tx.extend_from_slice(&u32::MAX.to_le_bytes());
    tx.push(u8::try_from(outputs.len()).unwrap_or(0));
    for (value, script) in outputs {
        tx.extend_from_slice(&value.to_le_bytes());
        tx.push(u8::try_from(script.len()).unwrap_or(0));
        tx.extend_from_slice(script);
    }
    tx.extend_from_slice(&0u32.to_le_bytes());
    tx
}

/// Mines a header on `prev` with `merkle_root` at regtest difficulty.
fn mine(prev: &Hash, merkle_root: &Hash, time: u32) -> Vec<u8> {
    let mut header = Vec::with_capacity(80);
    header.extend_from_slice(&0x2000_0000u32.to_le_bytes());
    header.extend_from_slice(prev);
    header.extend_from_slice(merkle_root);
    header.extend_from_slice(&time.to_le_bytes());
    header.extend_from_slice(&0x207f_ffffu32.to_le_bytes());
    header.extend_from_slice(&0u32.to_le_bytes());
    for nonce in 0u32.. {
        header.truncate(76);
        header.extend_from_slice(&nonce.to_le_bytes());
        if Header::parse(&header).is_ok_and(|h| h.has_valid_pow()) {
            break;
        }
    }
    header
}

/// A private regtest chain on top of the regtest genesis: block 1 holds a transaction publishing
/// `root`, then `confirmations − 1` more blocks. For tests and demos only.
pub fn regtest(root: &Hash, confirmations: u32, time: u32) -> Result<Evidence> {
    let genesis = Header::parse(&bitcoin::from_hex(REGTEST_GENESIS).context("genesis")?)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let coinbase =
        |height: u8| transaction(None, &[0x01, height, 0x00], &[(5_000_000_000, vec![0x51])]);
    let coinbase1 = coinbase(1);
    let coinbase_txid = bitcoin::sha256d(&coinbase1);
    let anchor_tx = transaction(
        Some(coinbase_txid),
        &[],
        &[
            (4_999_990_000, vec![0x51]),
            (
                0,
                bitcoin::from_hex(&op_return_script(root)).context("script")?,
            ),
        ],
    );
    let txids = [coinbase_txid, bitcoin::sha256d(&anchor_tx)];
    let merkle_root = bitcoin::merkle_root(&txids).context("merkle root")?;
    let block1 = mine(&genesis.hash, &merkle_root, time);
    let block_proof =
        MerkleBlock::build(&block1, &txids, &[1]).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    let mut headers = Vec::new();
    let mut prev = bitcoin::sha256d(&block1);
    for height in 2..=confirmations {
        let cb = coinbase(u8::try_from(height).unwrap_or(u8::MAX));
        let header = mine(&prev, &bitcoin::sha256d(&cb), time + 600 * (height - 1));
        prev = bitcoin::sha256d(&header);
        headers.push(hex(&header));
    }
    Ok(Evidence {
        transaction: hex(&anchor_tx),
        block_proof: hex(&block_proof),
        headers,
    })
}

/// The regtest genesis as a checkpoint (`trust.json` `checkpoints` entry).
pub fn regtest_checkpoint() -> Result<Value> {
    let genesis = Header::parse(&bitcoin::from_hex(REGTEST_GENESIS).context("genesis")?)
        .map_err(|e| anyhow::anyhow!("{e:?}"))?;
    Ok(
        json!({"network": "regtest", "height": 0, "hash": display_hex(&genesis.hash), "bits": "207fffff"}),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn regtest_genesis_is_the_known_block() {
        let genesis = Header::parse(&bitcoin::from_hex(REGTEST_GENESIS).unwrap()).unwrap();
        assert_eq!(
            display_hex(&genesis.hash),
            "0f9188f13cb7b2c71f2a335e3a4fc328bf5beb436012afca590b1a11466e2206"
        );
        assert!(genesis.has_valid_pow());
    }

    #[test]
    fn batch_paths_verify_for_many_sizes() {
        for n in [1usize, 2, 3, 7, 16, 33] {
            let credentials: Vec<Map<String, Value>> = (0..n)
                .map(|i| {
                    json!({"id": format!("urn:x:{i}"), "proof": {"type": "DataIntegrityProof"}})
                        .as_object()
                        .unwrap()
                        .clone()
                })
                .collect();
            let batch = build(&credentials).unwrap();
            assert_eq!(batch.paths.len(), n);
        }
    }
}
