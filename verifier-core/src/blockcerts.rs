//! Blockcerts v3 `MerkleProof2019` proofs (W3C CCG lds-merkle-proof-2019; Blockcerts'
//! jsonld-signatures-merkleproof2019 `computeLocalHash`, `ensureValidReceipt`):
//!
//! - `proofValue` = `z` + base58btc(CBOR): an array of `[key, value]` pairs — `0` merkleRoot,
//!   `1` targetHash, `2` anchors, `3` path — whose hashes are CBOR byte strings wrapping the CBOR
//!   encoding of the 32 bytes (or of their hex as a text string, as cert-issuer writes); the path is `[0|1, hash]` pairs (0 = sibling on the left), leaf to
//!   root; each anchor is `[[0, chain], [1, network], [2, txid]]` (chain 0 Bitcoin, 1 Ethereum,
//!   2 Polygon, −1 mock).
//! - `targetHash` = SHA-256 of the certificate's RDFC-1.0 canonical N-Quads (the proofs before this
//!   one kept, Blockcerts' fallback `@vocab` refusing unmapped fields); the path folds it to
//!   `merkleRoot` with plain SHA-256 over raw bytes (Blockcerts' tree: no domain separation).
//!
//! What this checks offline is that the certificate is the one in the batch (the "signature"). That
//! the batch root is in a transaction, and that the transaction was sent by the issuer's key listed
//! in its Blockcerts issuer profile, needs the chain: Blockcerts certificates carry no SPV evidence,
//! so the anchor is reported as needing an online lookup, and a mock-chain anchor as `anchor.mock`.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::bitcoin::{Hash, hex};
use crate::cbor::{self, Cbor};
use crate::context::Context;
use crate::report::{Check, CheckId, Code};
use crate::time::UnixTime;

/// The proof type.
pub const PROOF_TYPE: &str = "MerkleProof2019";

/// One anchor of a receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptAnchor {
    /// `bitcoin`, `ethereum`, `polygon` or `mocknet`.
    pub chain: &'static str,
    /// `mainnet`, `testnet`, `sepolia`, … or `mocknet`.
    pub network: String,
    /// The transaction id as explorers print it (hex).
    pub txid: String,
}

/// A decoded MerkleProof2019 receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The batch root.
    pub merkle_root: Hash,
    /// The certificate's hash.
    pub target_hash: Hash,
    /// Siblings from leaf to root: (`true` if the sibling is on the left, hash).
    pub path: Vec<(bool, Hash)>,
    /// Where the root was published.
    pub anchors: Vec<ReceiptAnchor>,
}

fn int(c: &Cbor) -> Option<i128> {
    match c {
        Cbor::Int(i) => Some(*i),
        _ => None,
    }
}

/// A byte string whose content is itself CBOR (Blockcerts' double wrapping): a byte string (the
/// lds-merkle-proof-2019 test vectors) or a text string of hex (what cert-issuer writes); else
/// the plain bytes.
fn wrapped_bytes(c: &Cbor) -> Option<Vec<u8>> {
    let Cbor::Bytes(outer) = c else { return None };
    match cbor::decode(outer) {
        Some(Cbor::Bytes(inner)) => Some(inner),
        Some(Cbor::Text(hex)) => crate::bitcoin::from_hex(&hex),
        _ => Some(outer.clone()),
    }
}

fn hash32(c: &Cbor) -> Option<Hash> {
    wrapped_bytes(c)?.try_into().ok()
}

/// Key/value pairs: `[[k, v], …]` (or a CBOR map).
fn pairs(c: &Cbor) -> Option<Vec<(i128, &Cbor)>> {
    match c {
        Cbor::Array(items) => items
            .iter()
            .map(|pair| match pair {
                Cbor::Array(kv) => match kv.as_slice() {
                    [k, v] => Some((int(k)?, v)),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
        Cbor::Map(entries) => entries.iter().map(|(k, v)| Some((int(k)?, v))).collect(),
        _ => None,
    }
}

fn chain_network(chain: i128, network: i128) -> Option<(&'static str, String)> {
    let named = |n: &str| Some(n.to_string());
    let (chain, network) = match (chain, network) {
        (0, 1) => ("bitcoin", named("mainnet")),
        (0, 3) => ("bitcoin", named("testnet")),
        (1, 1) => ("ethereum", named("mainnet")),
        (1, 3) => ("ethereum", named("ropsten")),
        (1, 4) => ("ethereum", named("rinkeby")),
        (1, 5) => ("ethereum", named("goerli")),
        (1, 11_155_111) => ("ethereum", named("sepolia")),
        (2, 137) => ("polygon", named("mainnet")),
        (2, 80_001) => ("polygon", named("mumbai")),
        (-1, _) => ("mocknet", named("mocknet")),
        _ => return None,
    };
    Some((chain, network?))
}

/// Decodes a `proofValue`; the error says what is wrong.
pub fn decode_proof_value(value: &str) -> Result<Receipt, &'static str> {
    let encoded = value
        .strip_prefix('z')
        .ok_or("not base58btc multibase ('z')")?;
    if encoded.len() > 16 * 1024 {
        return Err("proofValue too long");
    }
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|_| "invalid base58btc")?;
    let root = cbor::decode(&bytes).ok_or("not CBOR")?;
    let fields = pairs(&root).ok_or("not an array of [key, value] pairs")?;
    let field = |k: i128| fields.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
    let merkle_root = field(0)
        .and_then(hash32)
        .ok_or("merkleRoot missing or not 32 bytes")?;
    let target_hash = field(1)
        .and_then(hash32)
        .ok_or("targetHash missing or not 32 bytes")?;
    let path = match field(3) {
        None => Vec::new(),
        Some(Cbor::Array(items)) => items
            .iter()
            .map(|step| match step {
                Cbor::Array(kv) => match kv.as_slice() {
                    [side, h] => Some((int(side)? == 0, hash32(h)?)),
                    _ => None,
                },
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .ok_or("path steps are not [0|1, hash] pairs")?,
        Some(_) => return Err("path is not an array"),
    };
    let anchors = match field(2) {
        Some(Cbor::Array(items)) => items
            .iter()
            .map(|anchor| {
                let kv = pairs(anchor)?;
                let get = |k: i128| kv.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
                let (chain, network) = chain_network(int(get(0)?)?, int(get(1)?)?)?;
                let txid = hex(&wrapped_bytes(get(2)?)?);
                Some(ReceiptAnchor {
                    chain,
                    network,
                    txid,
                })
            })
            .collect::<Option<Vec<_>>>()
            .ok_or("anchors are not [[0, chain], [1, network], [2, txid]]")?,
        _ => return Err("anchors missing"),
    };
    Ok(Receipt {
        merkle_root,
        target_hash,
        path,
        anchors,
    })
}

/// Blockcerts' fold: SHA-256(left ‖ right) over raw bytes.
pub fn fold(target: Hash, path: &[(bool, Hash)]) -> Hash {
    path.iter().fold(target, |h, (left, sibling)| {
        let mut hasher = Sha256::new();
        if *left {
            hasher.update(sibling);
            hasher.update(h);
        } else {
            hasher.update(h);
            hasher.update(sibling);
        }
        hasher.finalize().into()
    })
}

/// Checks the MerkleProof2019 proof at `index` of `doc`'s proof set: the issuer-key check, the
/// proof check, and one check per anchor.
pub(crate) fn check(
    doc: &Map<String, Value>,
    index: usize,
    proof: &Map<String, Value>,
    ctx: &Context,
) -> Vec<Check> {
    let issuer = match doc.get("issuer") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str).unwrap_or_default(),
        _ => "",
    };
    let proof_index = index.to_string();
    let malformed = |reason: &str| {
        Check::failed(CheckId::Proof, Code::ProofMalformed)
            .with("field", "proofValue")
            .with("reason", reason)
            .with("proof", index.to_string())
    };
    let unchecked_key =
        || Check::skipped(CheckId::IssuerKey, Code::ProofNoKey).with("proof", proof_index.clone());
    let Some(value) = proof.get("proofValue").and_then(Value::as_str) else {
        return alloc::vec![unchecked_key(), malformed("missing")];
    };
    let receipt = match decode_proof_value(value) {
        Ok(r) => r,
        Err(why) => return alloc::vec![unchecked_key(), malformed(why)],
    };
    let proof_check = target_check(doc, index, &receipt, ctx);
    let mut anchors = Vec::new();
    for anchor in &receipt.anchors {
        anchors.push(match anchor.chain {
            "mocknet" => Check::skipped(CheckId::Anchor, Code::AnchorMock),
            // Blockcerts carries no SPV evidence: the explorer's answer, when the shell fetched it.
            "bitcoin" => crate::anchor::check_online(
                anchor.chain,
                &anchor.network,
                &anchor.txid,
                &receipt.merkle_root,
                ctx,
            ),
            _ => Check::skipped(CheckId::Anchor, Code::AnchorEvidenceMissing)
                .with("chain", anchor.chain)
                .with("network", anchor.network.clone())
                .with("txid", anchor.txid.clone())
                .with("merkleRoot", hex(&receipt.merkle_root)),
        });
    }
    // The issuer's key is the address that sent the anchoring transaction: it must be listed in
    // the issuer's Blockcerts profile, valid when the block was mined.
    let sent = anchors
        .iter()
        .find(|c| c.code == Code::AnchorConfirmedOnline)
        .and_then(|c| {
            Some((
                c.datum("sender")?,
                c.datum("time").and_then(UnixTime::parse),
            ))
        });
    let key_check = issuer_key(issuer, sent, ctx).with("proof", proof_index);
    let mut out = alloc::vec![key_check, proof_check];
    out.extend(anchors);
    out
}

/// The Blockcerts issuer profile (`publicKey`: `[{"id": "ecdsa-koblitz-pubkey:<address>",
/// "created", "expires"?, "revoked"?}]`) must list the sending address, valid at the block time.
fn issuer_key(issuer: &str, sent: Option<(&str, Option<UnixTime>)>, ctx: &Context) -> Check {
    if !issuer.starts_with("https://") {
        let method = issuer.split(':').nth(1).unwrap_or("(none)");
        return Check::skipped(CheckId::IssuerKey, Code::IssuerDidUnsupported)
            .with("method", method);
    }
    let Some(bytes) = ctx.document(issuer) else {
        return Check::skipped(CheckId::IssuerKey, Code::IssuerDocumentMissing).with("url", issuer);
    };
    let Some((address, time)) = sent else {
        // Without the explorer's answer there is no sender to look for.
        return Check::skipped(CheckId::IssuerKey, Code::ProofNoKey);
    };
    let Ok(Value::Object(profile)) = serde_json::from_slice::<Value>(bytes) else {
        return Check::failed(CheckId::IssuerKey, Code::IssuerDocumentInvalid)
            .with("reason", "not JSON");
    };
    if profile.get("id").and_then(Value::as_str) != Some(issuer) {
        return Check::failed(CheckId::IssuerKey, Code::IssuerDocumentInvalid)
            .with("reason", "document id is not the issuer");
    }
    let id = alloc::format!("ecdsa-koblitz-pubkey:{address}");
    let Some(key) = profile
        .get("publicKey")
        .and_then(Value::as_array)
        .and_then(|keys| {
            keys.iter()
                .find(|k| k.get("id").and_then(Value::as_str) == Some(id.as_str()))
        })
    else {
        return Check::failed(CheckId::IssuerKey, Code::IssuerVmNotFound).with("address", address);
    };
    let at = |field: &str| {
        key.get(field)
            .and_then(Value::as_str)
            .and_then(UnixTime::parse)
    };
    if let Some(time) = time {
        let before_created = at("created").is_some_and(|c| time < c);
        let after_end = [at("expires"), at("revoked")]
            .into_iter()
            .flatten()
            .any(|end| time >= end);
        if before_created || after_end {
            return Check::failed(CheckId::IssuerKey, Code::IssuerKeyInvalid)
                .with(
                    "reason",
                    "the address was not valid for the issuer when the block was mined",
                )
                .with("address", address);
        }
    }
    Check::passed(CheckId::IssuerKey, Code::IssuerKeyResolved).with("address", address)
}

#[cfg(feature = "rdfc")]
fn target_check(doc: &Map<String, Value>, index: usize, receipt: &Receipt, ctx: &Context) -> Check {
    use crate::rdfc::{ContextStore, RdfcError};
    // The certificate as it was when this proof was made: the proofs before it kept.
    let mut certificate = doc.clone();
    let earlier: Vec<Value> = crate::proof::all_proofs(doc)
        .into_iter()
        .take(index)
        .cloned()
        .collect();
    certificate.remove("proof");
    match earlier.len() {
        0 => {}
        1 => {
            certificate.insert(
                "proof".into(),
                earlier.into_iter().next().unwrap_or_default(),
            );
        }
        _ => {
            certificate.insert("proof".into(), Value::Array(earlier));
        }
    }
    let store = ContextStore::new(ctx.contexts.clone());
    let canonical = match crate::rdfc::canonicalize_blockcerts(
        &Value::Object(certificate),
        &store,
        ctx.limits.max_rdfc_calls,
    ) {
        Ok(c) => c,
        Err(RdfcError::UnknownContext(url)) => {
            return Check::skipped(CheckId::Proof, Code::ContextUnknown).with("url", url);
        }
        Err(RdfcError::UndefinedTerm(path, term)) => {
            return Check::failed(CheckId::Proof, Code::JsonldUndefinedTerm)
                .with("path", path)
                .with("term", term);
        }
        Err(RdfcError::Poisoned(n)) => {
            return Check::failed(CheckId::Proof, Code::LimitsRdfcPoison)
                .with("limit", n.to_string());
        }
        Err(other) => {
            return Check::failed(CheckId::Proof, Code::JsonldInvalid)
                .with("reason", alloc::format!("{other:?}"));
        }
    };
    let local: Hash = Sha256::digest(canonical.as_bytes()).into();
    let index_data = index.to_string();
    if local != receipt.target_hash {
        return Check::failed(CheckId::Proof, Code::ProofSignatureMismatch)
            .with(
                "reason",
                "the certificate's hash is not the receipt's targetHash",
            )
            .with("proof", index_data);
    }
    if fold(local, &receipt.path) != receipt.merkle_root {
        return Check::failed(CheckId::Proof, Code::ProofSignatureMismatch)
            .with(
                "reason",
                "the Merkle path does not lead to the receipt's merkleRoot",
            )
            .with("proof", index_data);
    }
    Check::passed(CheckId::Proof, Code::ProofVerified)
        .with("cryptosuite", PROOF_TYPE)
        .with("proof", index_data)
}

#[cfg(not(feature = "rdfc"))]
fn target_check(_: &Map<String, Value>, index: usize, _: &Receipt, _: &Context) -> Check {
    Check::skipped(CheckId::Proof, Code::ProofUnsupportedSuite)
        .with("suite", PROOF_TYPE)
        .with("proof", index.to_string())
}
