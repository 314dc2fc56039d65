//! The real mainnet block 702861 (../shared/vectors/bitcoin-block, from rust-bitcoin's test data):
//! every transaction parses, the Merkle root and proof of work hold, inclusion proofs built for
//! several transactions (one with a 32-byte OP_RETURN output) verify, and each corrupted piece is
//! refused for its own reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use verifier_core::bitcoin::{self, BitcoinError, Header, MerkleBlock, Transaction, display_hex};

fn block() -> Option<(Vec<u8>, serde_json::Value)> {
    let dir = support::shared_vectors("bitcoin block 702861", "bitcoin-block")?;
    let raw = std::fs::read(dir.join(
        "mainnet_block_702861_000000000000000000000c835b2adcaedc20fdf6ee440009c249452c726dafae.raw",
    ))
    .unwrap();
    let info = serde_json::from_slice(&std::fs::read(dir.join("block_702861_info.json")).unwrap())
        .unwrap();
    Some((raw, info))
}

#[test]
fn block_parses_and_its_merkle_root_and_work_hold() {
    let Some((raw, info)) = block() else { return };
    let (header, txs) = bitcoin::parse_block(&raw).unwrap();
    assert_eq!(txs.len(), 2500);
    assert_eq!(
        display_hex(&header.hash),
        info["block_hash"].as_str().unwrap()
    );
    assert!(header.has_valid_pow());
    let txids: Vec<_> = txs.iter().map(|t| t.txid).collect();
    assert_eq!(bitcoin::merkle_root(&txids), Some(header.merkle_root));
    let op_returns = txs
        .iter()
        .flat_map(|t| &t.outputs)
        .filter(|o| o.op_return_32().is_some())
        .count();
    assert_eq!(op_returns, 1);
    // The SPV example transaction.
    let example = &info["spv_example"];
    let index = example["tx_index"].as_u64().unwrap() as usize;
    assert_eq!(
        display_hex(&txs[index].txid),
        example["txid_display_hex"].as_str().unwrap()
    );
}

#[test]
fn inclusion_proofs_verify_and_corruptions_are_refused() {
    let Some((raw, _)) = block() else { return };
    let (header, txs) = bitcoin::parse_block(&raw).unwrap();
    let txids: Vec<_> = txs.iter().map(|t| t.txid).collect();
    let op_return = txs
        .iter()
        .position(|t| t.outputs.iter().any(|o| o.op_return_32().is_some()))
        .unwrap() as u32;
    for matches in [
        vec![0u32],
        vec![op_return],
        vec![2499],
        vec![1, 1234, 2498],
        vec![op_return, 7],
    ] {
        let proof = MerkleBlock::build(&raw[..80], &txids, &matches).unwrap();
        let block = MerkleBlock::parse(&proof).unwrap();
        let found = block.extract().unwrap();
        let expected: Vec<_> = {
            let mut m = matches.clone();
            m.sort();
            m.iter().map(|i| (txids[*i as usize], *i)).collect()
        };
        assert_eq!(found, expected);
        assert_eq!(block.header, header);
    }

    let proof = MerkleBlock::build(&raw[..80], &txids, &[op_return]).unwrap();
    let refuse = |bytes: &[u8]| MerkleBlock::parse(bytes).and_then(|b| b.extract());
    // A header byte (the merkle root): the rebuilt root no longer matches.
    let mut bad = proof.clone();
    bad[40] ^= 1;
    assert_eq!(
        refuse(&bad),
        Err(BitcoinError::Invalid(
            "the block proof's root is not the header's merkle root"
        ))
    );
    // nBits changed: the header's proof of work fails (the hash no longer meets the target).
    let mut bad_header = raw[..80].to_vec();
    bad_header[72..76].copy_from_slice(&0x1700_0001u32.to_le_bytes());
    assert!(!Header::parse(&bad_header).unwrap().has_valid_pow());
    // A branch hash.
    let mut bad = proof.clone();
    let first_hash = 80 + 4 + 1;
    bad[first_hash + 5] ^= 1;
    assert_eq!(
        refuse(&bad),
        Err(BitcoinError::Invalid(
            "the block proof's root is not the header's merkle root"
        ))
    );
    // A flag bit: the tree is read differently and runs out of data or matches elsewhere.
    let mut bad = proof.clone();
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    assert!(
        refuse(&bad).is_err()
            || refuse(&bad).unwrap() != vec![(txids[op_return as usize], op_return)]
    );
    // Trailing bytes.
    let mut bad = proof.clone();
    bad.push(0);
    assert_eq!(refuse(&bad), Err(BitcoinError::TrailingData));
    // An impossible transaction count.
    let mut bad = proof.clone();
    bad[80..84].copy_from_slice(&0u32.to_le_bytes());
    assert_eq!(
        refuse(&bad),
        Err(BitcoinError::Invalid("impossible transaction count"))
    );
    // The transaction itself: one byte changed gives another txid.
    let start = raw.len() - 1000; // some transaction bytes; re-parse the real one instead
    let _ = start;
    let tx_raw = nth_tx(&raw, op_return as usize);
    let tx = Transaction::parse(&tx_raw).unwrap();
    assert_eq!(tx.txid, txids[op_return as usize]);
    // The anchored 32 bytes themselves (after the 22 6a 20 script prefix).
    let mut changed = tx_raw.clone();
    let script = changed
        .windows(3)
        .position(|w| w == [0x22, 0x6a, 0x20])
        .unwrap();
    changed[script + 3] ^= 1;
    assert_ne!(Transaction::parse(&changed).map(|t| t.txid), Ok(tx.txid));
    assert_eq!(
        Transaction::parse(&tx_raw[..tx_raw.len() - 1]).map(|t| t.txid),
        Err(BitcoinError::Truncated("lock time"))
    );
}

/// The raw bytes of transaction `n` of a serialized block.
fn nth_tx(raw: &[u8], n: usize) -> Vec<u8> {
    let mut rest = &raw[80 + 3..]; // 2500 transactions: CompactSize fd c4 09
    for _ in 0..n {
        let (_, used) = Transaction::parse_prefix(rest).unwrap();
        rest = &rest[used..];
    }
    let (_, used) = Transaction::parse_prefix(rest).unwrap();
    rest[..used].to_vec()
}

#[test]
fn duplicated_subtree_is_refused() {
    // CVE-2012-2459: with an odd number of transactions, duplicating the last one gives the same
    // root. A proof that presents the duplicate explicitly is refused.
    let header_base = |root: [u8; 32]| {
        let mut h = vec![0u8; 80];
        h[36..68].copy_from_slice(&root);
        h[72..76].copy_from_slice(&0x207f_ffffu32.to_le_bytes());
        h
    };
    let a = [1u8; 32];
    let b = [2u8; 32];
    let c = [3u8; 32];
    let root = bitcoin::merkle_root(&[a, b, c]).unwrap();
    assert_eq!(bitcoin::merkle_root(&[a, b, c, c]), Some(root));
    let honest = MerkleBlock::build(&header_base(root), &[a, b, c], &[2]).unwrap();
    assert_eq!(
        MerkleBlock::parse(&honest).unwrap().extract().unwrap(),
        vec![(c, 2)]
    );
    let forged = MerkleBlock::build(&header_base(root), &[a, b, c, c], &[3]).unwrap();
    assert_eq!(
        MerkleBlock::parse(&forged).unwrap().extract(),
        Err(BitcoinError::Invalid(
            "duplicated subtree in the block proof"
        ))
    );
}
