//! CBOR and MerkleProof2019 proof values: never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = verifier_core::cbor::decode(data);
    if let Ok(text) = core::str::from_utf8(data) {
        let _ = verifier_core::blockcerts::decode_proof_value(text);
    }
});
