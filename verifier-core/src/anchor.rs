//! Blockchain anchors: a batch of credentials is hashed into a Merkle tree whose root an issuer
//! publishes on Bitcoin (an `OP_RETURN` output); each credential carries its inclusion path and,
//! ideally, the evidence to check the anchor offline: the raw transaction, the block's partial
//! Merkle tree (`gettxoutproof`) and later block headers.
//!
//! The proof entry, next to the credential's signature in its `proof` set:
//!
//! ```json
//! { "type": "VerityAnchor2026", "chain": "bitcoin", "network": "mainnet",
//!   "merkleRoot": "<hex>", "leafIndex": 3, "leafCount": 30000, "path": ["<hex>", …],
//!   "txid": "<display hex>", "transaction": "<raw tx hex>", "blockProof": "<CMerkleBlock hex>",
//!   "headers": ["<80-byte header hex>", …] }
//! ```
//!
//! **Batch tree** (RFC 9162 §2.1.1 style domain separation, so an inner node can never pass as a
//! leaf): leaf = SHA-256(0x00 ‖ d), node = SHA-256(0x01 ‖ left ‖ right), an odd node at the end of a
//! level is promoted unchanged; d = SHA-256(JCS(credential)), the credential with its `proof` set
//! reduced to the proofs that are not anchors (always as an array). Directions come from the index
//! and the leaf count, never from the proof, and the path must have exactly the length they imply.
//!
//! **Which blocks count**: a header is accepted when it is, or descends from, a checkpoint (the
//! compiled ones, extended by [`Context::checkpoints`]) through the supplied headers — each linked
//! to the previous, each meeting its target, none easier than the checkpoint's by more than the 4×
//! a retarget allows — with at least [`Policy::min_confirmations`] blocks on top; or when a
//! checkpoint descends from it through the supplied headers (then it is buried under that
//! checkpoint's work). Proof of work on a lone header proves little: anyone can mine a
//! low-difficulty header.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::bitcoin::{self, Hash, Header, MerkleBlock, Transaction};
use crate::context::{Checkpoint, Context};
use crate::report::{Check, CheckId, Code};
use crate::time::UnixTime;

/// The proof `type` of an anchor.
pub const PROOF_TYPE: &str = "VerityAnchor2026";
/// Longest Merkle path read (`limits.merkle_path`): 64 levels is 2⁶⁴ credentials, more than any
/// batch; a longer path is an attack on the verifier's time, not a credential.
const MAX_PATH: usize = 64;
/// Most extra headers read (a year of blocks is ~52,560).
const MAX_HEADERS: usize = 60_000;

/// Checkpoints compiled in: (network, height, block hash in display hex, nBits).
/// Mainnet: the genesis block, and block 702861 (its raw block is a public test vector whose
/// proof of work and Merkle root are verified by the tests). Regtest has none: every regtest chain
/// is private, so its checkpoints can only come from the caller.
const CHECKPOINTS: &[(&str, u32, &str, u32)] = &[
    (
        "mainnet",
        0,
        "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f",
        0x1d00_ffff,
    ),
    (
        "mainnet",
        702_861,
        "000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae",
        0x170e_d0eb,
    ),
    (
        "testnet",
        0,
        "000000000933ea01ad0ee984209779baaec3ced90fa3f408719526f8d77f4943",
        0x1d00_ffff,
    ),
];

/// A checkpoint from display hex.
fn compiled(network: &str) -> impl Iterator<Item = Checkpoint> + '_ {
    CHECKPOINTS
        .iter()
        .filter(move |(n, ..)| *n == network)
        .filter_map(|(n, height, hash, bits)| {
            let mut h: Hash = bitcoin::from_hex(hash)?.try_into().ok()?;
            h.reverse();
            Some(Checkpoint {
                network: (*n).to_string(),
                height: *height,
                hash: h,
                bits: *bits,
            })
        })
}

/// SHA-256(0x00 ‖ data).
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0x00]);
    h.update(data);
    h.finalize().into()
}

/// SHA-256(0x01 ‖ left ‖ right).
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0x01]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Whether a proof entry is an anchor.
fn is_anchor(proof: &Value) -> bool {
    proof.get("type").and_then(Value::as_str) == Some(PROOF_TYPE)
}

/// The anchor proofs of a credential.
pub(crate) fn anchors(doc: &Map<String, Value>) -> Vec<&Value> {
    crate::proof::all_proofs(doc)
        .into_iter()
        .filter(|p| is_anchor(p))
        .collect()
}

/// d = SHA-256(JCS(credential with `proof` = its non-anchor proofs, as an array)): what a batch
/// tree's leaf commits to, for issuers and verifiers alike.
pub fn leaf_data(doc: &Map<String, Value>) -> Hash {
    let mut doc = doc.clone();
    let kept: Vec<Value> = crate::proof::all_proofs(&doc)
        .into_iter()
        .filter(|p| !is_anchor(p))
        .cloned()
        .collect();
    doc.remove("proof");
    if !kept.is_empty() {
        doc.insert("proof".into(), Value::Array(kept));
    }
    Sha256::digest(crate::jcs::canonicalize(&Value::Object(doc)).as_bytes()).into()
}

/// Folds `path` from the leaf at `index` of `count` leaves up to the root; `None` when the path
/// does not have exactly the length the position implies.
pub fn root_from_path(leaf: Hash, index: u64, count: u64, path: &[Hash]) -> Option<Hash> {
    if count == 0 || index >= count {
        return None;
    }
    let (mut hash, mut index, mut width) = (leaf, index, count);
    let mut siblings = path.iter();
    while width > 1 {
        let promoted = index == width - 1 && width % 2 == 1;
        if !promoted {
            let sibling = siblings.next()?;
            hash = if index % 2 == 0 {
                node_hash(&hash, sibling)
            } else {
                node_hash(sibling, &hash)
            };
        }
        index /= 2;
        width = width.div_ceil(2);
    }
    siblings.next().is_none().then_some(hash)
}

fn hash_field(map: &Map<String, Value>, key: &str) -> Option<Hash> {
    bitcoin::from_hex(map.get(key)?.as_str()?)?.try_into().ok()
}

/// The anchor checks of a credential (none when it has no anchor).
pub(crate) fn check_anchors(doc: &Map<String, Value>, ctx: &Context) -> Vec<Check> {
    let all = anchors(doc);
    if all.is_empty() {
        return if ctx.policy.require_anchor {
            alloc::vec![Check::failed(CheckId::Anchor, Code::AnchorMissing)]
        } else {
            Vec::new()
        };
    }
    let leaf = leaf_hash(&leaf_data(doc));
    all.into_iter()
        .take(ctx.limits.max_proofs)
        .map(|proof| match proof.as_object() {
            Some(anchor) => check_one(anchor, leaf, ctx),
            None => malformed("proof", "not an object"),
        })
        .collect()
}

fn malformed(field: &str, reason: &str) -> Check {
    Check::failed(CheckId::Anchor, Code::AnchorMalformed)
        .with("field", field)
        .with("reason", reason)
}

fn check_one(anchor: &Map<String, Value>, leaf: Hash, ctx: &Context) -> Check {
    let Some(root) = hash_field(anchor, "merkleRoot") else {
        return malformed("merkleRoot", "missing or not 32 bytes of hex");
    };
    let (Some(index), Some(count)) = (
        anchor.get("leafIndex").and_then(Value::as_u64),
        anchor.get("leafCount").and_then(Value::as_u64),
    ) else {
        return malformed("leafIndex", "leafIndex and leafCount must be integers");
    };
    let path: Option<Vec<Hash>> = match anchor.get("path") {
        Some(Value::Array(items)) if items.len() > MAX_PATH => {
            return Check::failed(CheckId::Anchor, Code::LimitsMerklePath)
                .with("length", items.len().to_string())
                .with("limit", MAX_PATH.to_string());
        }
        Some(Value::Array(items)) => items
            .iter()
            .map(|h| bitcoin::from_hex(h.as_str()?)?.try_into().ok())
            .collect(),
        _ => None,
    };
    let Some(path) = path else {
        return malformed("path", "not an array of 32-byte hashes in hex");
    };
    if root_from_path(leaf, index, count, &path) != Some(root) {
        return Check::failed(CheckId::Anchor, Code::AnchorMerkleMismatch)
            .with("leafIndex", index.to_string());
    }
    let network = anchor
        .get("network")
        .and_then(Value::as_str)
        .unwrap_or_default();
    match anchor.get("chain").and_then(Value::as_str) {
        Some("bitcoin") if matches!(network, "mainnet" | "testnet" | "regtest") => {
            check_bitcoin(anchor, root, network, ctx)
        }
        Some("mocknet") => Check::skipped(CheckId::Anchor, Code::AnchorMock),
        Some(other) => Check::skipped(CheckId::Anchor, Code::AnchorUnsupportedChain)
            .with("chain", other)
            .with("network", network),
        None => malformed("chain", "missing"),
    }
}

fn check_bitcoin(anchor: &Map<String, Value>, root: Hash, network: &str, ctx: &Context) -> Check {
    let failed = |code| Check::failed(CheckId::Anchor, code).with("network", network);
    let (Some(tx_hex), Some(proof_hex)) = (
        anchor.get("transaction").and_then(Value::as_str),
        anchor.get("blockProof").and_then(Value::as_str),
    ) else {
        return match anchor.get("txid").and_then(Value::as_str) {
            Some(txid) => check_online("bitcoin", network, txid, &root, ctx),
            None => Check::skipped(CheckId::Anchor, Code::AnchorEvidenceMissing)
                .with("network", network),
        };
    };
    let claimed = anchor.get("txid").and_then(Value::as_str);
    let (tx, block) = match check_evidence(&root, tx_hex, proof_hex, claimed) {
        Ok(found) => found,
        Err(problem) => {
            let mut check = failed(problem.code);
            if let Some(reason) = problem.reason {
                check = check.with("reason", reason);
            }
            if let Some(txid) = problem.txid {
                check = check.with("txid", txid);
            }
            return check;
        }
    };
    let mut chain = alloc::vec![block.header];
    if let Some(headers) = anchor.get("headers") {
        let Some(items) = headers.as_array().filter(|h| h.len() <= MAX_HEADERS) else {
            return malformed("headers", "not an array of at most 60000 headers");
        };
        for item in items {
            let Some(header) = item
                .as_str()
                .and_then(bitcoin::from_hex)
                .and_then(|raw| Header::parse(&raw).ok())
            else {
                return malformed("headers", "not 80-byte headers in hex");
            };
            chain.push(header);
        }
    }
    let position = (
        anchor
            .get("leafIndex")
            .and_then(Value::as_u64)
            .unwrap_or_default(),
        anchor
            .get("leafCount")
            .and_then(Value::as_u64)
            .unwrap_or_default(),
        anchor
            .get("path")
            .and_then(Value::as_array)
            .map_or(0, Vec::len),
    );
    match accept(&chain, network, ctx) {
        Ok((height, confirmations)) => {
            let mut check = Check::passed(CheckId::Anchor, Code::AnchorVerified)
                .with("chain", "bitcoin")
                .with("network", network)
                .with("txid", bitcoin::display_hex(&tx.txid))
                .with("block", bitcoin::display_hex(&block.header.hash))
                .with("time", UnixTime(i64::from(block.header.time)).to_rfc3339())
                .with("confirmations", confirmations.to_string())
                .with("merkleRoot", bitcoin::hex(&root))
                .with("leafIndex", position.0.to_string())
                .with("leafCount", position.1.to_string())
                .with("pathLength", position.2.to_string());
            if let Some(height) = height {
                check = check.with("height", height.to_string());
            }
            check
        }
        Err(check) => check
            .with("network", network)
            .with("block", bitcoin::display_hex(&block.header.hash)),
    }
}

/// The explorer URL for a transaction, when one is configured and the txid is well-formed.
pub(crate) fn lookup_url(chain: &str, network: &str, txid: &str, ctx: &Context) -> Option<String> {
    let hex = txid.len() == 64 && txid.bytes().all(|b| b.is_ascii_hexdigit());
    let base = ctx.explorer(chain, network)?;
    hex.then(|| {
        alloc::format!(
            "{}/tx/{}",
            base.trim_end_matches('/'),
            txid.to_ascii_lowercase()
        )
    })
}

/// An anchor without offline evidence, checked against the block explorer's answer (an
/// Esplora `GET /tx/:txid` JSON document the shell fetched): the transaction must be the one named,
/// carry `OP_RETURN <root>`, and be confirmed. This trusts the explorer, and says so.
pub(crate) fn check_online(
    chain: &str,
    network: &str,
    txid: &str,
    root: &Hash,
    ctx: &Context,
) -> Check {
    let base = |c: Check| {
        c.with("chain", chain)
            .with("network", network)
            .with("txid", txid)
    };
    let Some(url) = lookup_url(chain, network, txid, ctx) else {
        return base(Check::skipped(CheckId::Anchor, Code::AnchorEvidenceMissing));
    };
    let Some(bytes) = ctx.document(&url) else {
        return base(Check::skipped(CheckId::Anchor, Code::AnchorEvidenceMissing)).with("url", url);
    };
    let failed_lookup = |reason: &str| {
        base(Check::skipped(CheckId::Anchor, Code::AnchorLookupFailed))
            .with("url", url.clone())
            .with("reason", reason)
    };
    let Ok(Value::Object(tx)) = serde_json::from_slice::<Value>(bytes) else {
        return failed_lookup("not a JSON object");
    };
    if !tx
        .get("txid")
        .and_then(Value::as_str)
        .is_some_and(|t| t.eq_ignore_ascii_case(txid))
    {
        return failed_lookup("the answer is about another transaction");
    }
    let script = alloc::format!("6a20{}", bitcoin::hex(root));
    let carries_root = tx
        .get("vout")
        .and_then(Value::as_array)
        .is_some_and(|outs| {
            outs.iter()
                .any(|o| o.get("scriptpubkey").and_then(Value::as_str) == Some(script.as_str()))
        });
    if !carries_root {
        return base(Check::failed(
            CheckId::Anchor,
            Code::AnchorRootNotInTransaction,
        ))
        .with("url", url);
    }
    let status = tx.get("status");
    if status
        .and_then(|s| s.get("confirmed"))
        .and_then(Value::as_bool)
        != Some(true)
    {
        return base(Check::skipped(CheckId::Anchor, Code::AnchorUnconfirmed)).with("url", url);
    }
    let mut check =
        base(Check::passed(CheckId::Anchor, Code::AnchorConfirmedOnline)).with("explorer", url);
    if let Some(height) = status
        .and_then(|s| s.get("block_height"))
        .and_then(Value::as_u64)
    {
        check = check.with("height", height.to_string());
    }
    if let Some(time) = status
        .and_then(|s| s.get("block_time"))
        .and_then(Value::as_i64)
    {
        check = check.with("time", UnixTime(time).to_rfc3339());
    }
    if let Some(sender) = tx
        .get("vin")
        .and_then(|v| v.get(0))
        .and_then(|v| v.pointer("/prevout/scriptpubkey_address"))
        .and_then(Value::as_str)
    {
        check = check.with("sender", sender);
    }
    check.with("merkleRoot", bitcoin::hex(root))
}

/// Explorer URLs the anchors of `doc` (Verity's without evidence, Blockcerts' Bitcoin anchors)
/// need, for [`crate::needs`].
pub(crate) fn lookup_urls(doc: &Map<String, Value>, ctx: &Context) -> Vec<String> {
    let mut out = Vec::new();
    for proof in crate::proof::all_proofs(doc) {
        let ty = proof.get("type").and_then(Value::as_str);
        if ty == Some(PROOF_TYPE) {
            let has_evidence =
                proof.get("transaction").is_some() && proof.get("blockProof").is_some();
            if let (false, Some(network), Some(txid)) = (
                has_evidence,
                proof.get("network").and_then(Value::as_str),
                proof.get("txid").and_then(Value::as_str),
            ) && let Some(url) = lookup_url("bitcoin", network, txid, ctx)
            {
                out.push(url);
            }
        } else if ty == Some(crate::blockcerts::PROOF_TYPE)
            && let Some(receipt) = proof
                .get("proofValue")
                .and_then(Value::as_str)
                .and_then(|v| crate::blockcerts::decode_proof_value(v).ok())
        {
            for anchor in receipt.anchors.iter().filter(|a| a.chain == "bitcoin") {
                if let Some(url) = lookup_url("bitcoin", &anchor.network, &anchor.txid, ctx) {
                    out.push(url);
                }
            }
        }
    }
    out
}

/// Why a Bitcoin anchor's evidence does not hold: the code, and a reason or the txid when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceProblem {
    /// The `anchor.*` code.
    pub code: Code,
    /// What exactly is wrong, when there is more to say.
    pub reason: Option<&'static str>,
    /// The transaction's txid (display hex), once parsed.
    pub txid: Option<String>,
}

/// The offline evidence of a Bitcoin anchor, read and cross-checked (for verifiers and for
/// `verity anchor attach` alike): the transaction parses (and is not 64 bytes long,
/// CVE-2017-12842), is the one `claimed_txid` names if any, and carries `OP_RETURN <root>`; the
/// block proof parses, meets its target, and includes the transaction. Whether the block belongs to
/// the real chain is decided separately, against checkpoints.
pub fn check_evidence(
    root: &Hash,
    transaction_hex: &str,
    block_proof_hex: &str,
    claimed_txid: Option<&str>,
) -> Result<(Transaction, MerkleBlock), EvidenceProblem> {
    let problem = |code, reason| EvidenceProblem {
        code,
        reason,
        txid: None,
    };
    let Some(tx) = bitcoin::from_hex(transaction_hex).and_then(|raw| Transaction::parse(&raw).ok())
    else {
        return Err(problem(Code::AnchorTransactionInvalid, None));
    };
    if tx.stripped_len == 64 {
        // CVE-2017-12842: a 64-byte transaction can be made to look like an inner Merkle node.
        return Err(problem(
            Code::AnchorTransactionInvalid,
            Some("64-byte transaction"),
        ));
    }
    let txid = bitcoin::display_hex(&tx.txid);
    if claimed_txid.is_some_and(|claimed| claimed != txid) {
        return Err(problem(
            Code::AnchorTransactionInvalid,
            Some("txid does not match the transaction"),
        ));
    }
    if !tx.outputs.iter().any(|o| o.op_return_32() == Some(*root)) {
        return Err(EvidenceProblem {
            txid: Some(txid),
            ..problem(Code::AnchorRootNotInTransaction, None)
        });
    }
    let Some(Ok(block)) = bitcoin::from_hex(block_proof_hex).map(|raw| MerkleBlock::parse(&raw))
    else {
        return Err(problem(
            Code::AnchorBlockProofInvalid,
            Some("not a serialized CMerkleBlock"),
        ));
    };
    if !block.header.has_valid_pow() {
        return Err(problem(Code::AnchorProofOfWorkInvalid, None));
    }
    match block.extract() {
        Ok(matches) if matches.iter().any(|(id, _)| *id == tx.txid) => Ok((tx, block)),
        Ok(_) => Err(problem(Code::AnchorTransactionNotInBlock, None)),
        Err(bitcoin::BitcoinError::Invalid(reason)) => {
            Err(problem(Code::AnchorBlockProofInvalid, Some(reason)))
        }
        Err(_) => Err(problem(Code::AnchorBlockProofInvalid, Some("truncated"))),
    }
}

/// Decides whether `chain` (the anchor block's header, then the supplied headers) is part of the
/// real chain of `network`; returns the anchor block's height when known and its confirmations.
fn accept(chain: &[Header], network: &str, ctx: &Context) -> Result<(Option<u32>, u64), Check> {
    let checkpoints: Vec<Checkpoint> = compiled(network)
        .chain(
            ctx.checkpoints
                .iter()
                .filter(|c| c.network == network)
                .cloned(),
        )
        .collect();
    for pair in chain.windows(2) {
        if let [before, after] = pair
            && after.prev != before.hash
        {
            return Err(Check::failed(CheckId::Anchor, Code::AnchorHeadersInvalid)
                .with("reason", "the supplied headers do not form a chain"));
        }
    }
    if let Some(bad) = chain.iter().find(|h| !h.has_valid_pow()) {
        return Err(
            Check::failed(CheckId::Anchor, Code::AnchorProofOfWorkInvalid)
                .with("header", bitcoin::display_hex(&bad.hash)),
        );
    }
    let confirmations = u64::try_from(chain.len()).unwrap_or(u64::MAX);
    // A checkpoint is the anchor block or one of its descendants: buried under that checkpoint.
    for (depth, header) in chain.iter().enumerate() {
        if let Some(cp) = checkpoints.iter().find(|c| c.hash == header.hash) {
            let depth = u32::try_from(depth).unwrap_or(u32::MAX);
            return Ok((cp.height.checked_sub(depth), confirmations));
        }
    }
    // The anchor block descends from a checkpoint: enough blocks on top, none too easy.
    let Some(cp) = chain
        .first()
        .and_then(|first| checkpoints.iter().find(|c| c.hash == first.prev))
    else {
        return Err(Check::skipped(CheckId::Anchor, Code::AnchorHeaderUnknown));
    };
    let floor = bitcoin::target_from_bits(cp.bits).map(|t| times_four(&t));
    if let Some(floor) = floor
        && let Some(easy) = chain.iter().find(|h| h.target().is_none_or(|t| t > floor))
    {
        return Err(
            Check::failed(CheckId::Anchor, Code::AnchorProofOfWorkInvalid)
                .with("header", bitcoin::display_hex(&easy.hash))
                .with("reason", "easier than the checkpoint's difficulty allows"),
        );
    }
    if confirmations < u64::from(ctx.policy.min_confirmations) {
        return Err(Check::skipped(CheckId::Anchor, Code::AnchorUnconfirmed)
            .with("confirmations", confirmations.to_string())
            .with("required", ctx.policy.min_confirmations.to_string()));
    }
    Ok((cp.height.checked_add(1), confirmations))
}

/// A big-endian 256-bit number times four, saturating.
fn times_four(target: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for (o, t) in out.iter_mut().zip(target.iter()).rev() {
        let v = (u16::from(*t) << 2) | carry;
        *o = v.to_le_bytes()[0];
        carry = v >> 8;
    }
    if carry != 0 { [0xff; 32] } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One level up in the reference tree: pairs hashed, an odd last node promoted.
    fn next_level(level: &[Hash]) -> Vec<Hash> {
        level
            .chunks(2)
            .map(|c| match c {
                [l, r] => node_hash(l, r),
                [l] => *l,
                _ => [0; 32],
            })
            .collect()
    }

    /// The reference tree's root.
    fn root(leaves: &[Hash]) -> Hash {
        let mut level = leaves.to_vec();
        while level.len() > 1 {
            level = next_level(&level);
        }
        level[0]
    }

    /// The reference tree's sibling list for `index`, leaf to root.
    fn path(leaves: &[Hash], mut index: usize) -> Vec<Hash> {
        let mut out = Vec::new();
        let mut level = leaves.to_vec();
        while level.len() > 1 {
            if let Some(sibling) = level.get(index ^ 1) {
                out.push(*sibling);
            }
            level = next_level(&level);
            index /= 2;
        }
        out
    }

    #[test]
    fn every_position_of_trees_up_to_33_leaves() {
        for count in 1..=33u64 {
            let leaves: Vec<Hash> = (0..count).map(|i| leaf_hash(&i.to_le_bytes())).collect();
            let r = root(&leaves);
            for index in 0..count {
                let p = path(&leaves, index as usize);
                assert_eq!(
                    root_from_path(leaves[index as usize], index, count, &p),
                    Some(r),
                    "{count}/{index}"
                );
                // Wrong length, another position, an index beyond the tree.
                let mut longer = p.clone();
                longer.push([7; 32]);
                assert_eq!(
                    root_from_path(leaves[index as usize], index, count, &longer),
                    None
                );
                if !p.is_empty() {
                    assert_eq!(
                        root_from_path(leaves[index as usize], index, count, &p[1..]),
                        None
                    );
                }
                assert_eq!(
                    root_from_path(leaves[index as usize], count, count, &p),
                    None
                );
                if count > 1 {
                    let other = (index + 1) % count;
                    assert_ne!(
                        root_from_path(leaves[index as usize], other, count, &p),
                        Some(r)
                    );
                }
            }
        }
    }

    #[test]
    fn an_inner_node_is_not_a_leaf() {
        // Without domain separation, the hash of two children concatenated would be both an inner
        // node and the "leaf" of a credential whose digest is those 64 bytes.
        let leaves: Vec<Hash> = (0..2u8).map(|i| leaf_hash(&[i])).collect();
        let inner = node_hash(&leaves[0], &leaves[1]);
        assert_ne!(leaf_hash(&[leaves[0], leaves[1]].concat()), inner);
    }

    #[test]
    fn times_four_saturates() {
        let mut t = [0u8; 32];
        t[31] = 0x40;
        assert_eq!(times_four(&t)[30..], [1, 0]);
        assert_eq!(times_four(&[0xff; 32]), [0xff; 32]);
    }
}
