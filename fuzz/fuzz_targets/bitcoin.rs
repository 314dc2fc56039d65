//! Bitcoin evidence parsing (transaction, header, CMerkleBlock, whole block): never panics; a
//! block proof that extracts has a root equal to its header's.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::bitcoin::{Header, MerkleBlock, Transaction, parse_block};

fuzz_target!(|data: &[u8]| {
    let _ = Transaction::parse(data);
    let _ = parse_block(data);
    if data.len() >= 80 {
        let _ = Header::parse(&data[..80]).map(|h| h.has_valid_pow());
    }
    if let Ok(block) = MerkleBlock::parse(data) {
        let _ = block.extract();
    }
});
