//! RDF canonicalization input: JSON-LD documents (safe mode, embedded contexts) and N-Quads
//! datasets. Never a panic or a hang (the poisoning limit stops runaway work); a canonical form
//! canonicalizes to itself.
#![no_main]
use libfuzzer_sys::fuzz_target;
use verifier_core::rdfc::{self, ContextStore, RdfcHash};

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = serde_json::from_slice::<serde_json::Value>(data) {
        let store = ContextStore::new(Default::default());
        if let Ok(nquads) = rdfc::canonicalize(
            &doc,
            &store,
            RdfcHash::Sha256,
            rdfc::DEFAULT_HNDQ_CALL_LIMIT,
        ) {
            assert!(nquads.is_empty() || nquads.ends_with(" .\n"));
        }
    }
    let quads: Result<Vec<oxrdf::Quad>, _> = oxttl::NQuadsParser::new().for_slice(data).collect();
    if let Ok(quads) = quads {
        if let Ok(canonical) =
            rdfc::canonicalize_quads(&quads, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT)
        {
            let again: Vec<oxrdf::Quad> = oxttl::NQuadsParser::new()
                .for_slice(canonical.as_bytes())
                .collect::<Result<_, _>>()
                .expect("canonical N-Quads parse");
            let twice =
                rdfc::canonicalize_quads(&again, RdfcHash::Sha256, rdfc::DEFAULT_HNDQ_CALL_LIMIT)
                    .expect("a canonical dataset canonicalizes");
            assert_eq!(twice, canonical);
        }
    }
});
