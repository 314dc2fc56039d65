//! JSON-LD → RDF → RDF Dataset Canonicalization (RDFC-1.0), offline and in "safe mode"
//! (feature `rdfc`).
//!
//! - JSON-LD 1.1 to RDF: `oxjsonld` (strict), with no base IRI and a document loader that only
//!   knows the contexts embedded in this crate ([`embedded`], from pinned npm packages) and those
//!   the caller supplies. Nothing is ever fetched.
//! - Safe mode (W3C Data Integrity §4.4 "Safe mode"; what jsonld.js `safe: true` enforces): a term
//!   the contexts do not define, an undefined type or a relative IRI would be *dropped* by expansion,
//!   letting unsigned data ride along with a valid signature. A second, lenient pass exposes such
//!   terms; a walk over the JSON names their path. Inline (object or null) contexts are rejected too:
//!   they can silently undefine terms.
//! - RDFC-1.0: `rdf-canon` with its Hash N-Degree Quads call limit, so a dataset-poisoning graph
//!   (RDFC-1.0 §4.4 "Dataset poisoning") is rejected in well under a second instead of running for
//!   minutes. oxrdf 0.3 terms from oxjsonld are mapped one by one onto rdf-canon's oxrdf 0.2.

mod embedded;

use alloc::borrow::ToOwned;
use alloc::collections::{BTreeMap, BTreeSet};
use alloc::format;
use alloc::string::{String, ToString};
use alloc::sync::Arc;
use alloc::vec::Vec;
use oxjsonld::{JsonLdLoadDocumentOptions, JsonLdParser, JsonLdRemoteDocument};
use serde_json::Value;

/// Default limit on Hash N-Degree Quads calls. All 64 RDFC-1.0 evaluation tests pass with half of
/// it and credentials need a handful; a poisoned graph (the suite's #test074, or ten mutually linked
/// blank nodes, `benches/hostile.rs`) is refused in tens of milliseconds (rdf-canon's own default,
/// 4000, took 140 ms on the latter).
pub const DEFAULT_HNDQ_CALL_LIMIT: usize = 1000;

/// The hash function RDFC-1.0 runs with (ecdsa-rdfc-2019 with P-384 uses SHA-384 throughout).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RdfcHash {
    /// SHA-256 (every suite but P-384 ECDSA).
    Sha256,
    /// SHA-384.
    Sha384,
}

/// Why a document could not be canonicalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RdfcError {
    /// A context that is neither embedded nor supplied by the caller (never fetched).
    UnknownContext(String),
    /// An inline (object or `null`) context at this JSON path.
    InlineContext(String),
    /// A term, type or IRI that expansion would drop (path, term).
    UndefinedTerm(String, String),
    /// The JSON-LD is invalid (message from the processor).
    InvalidJsonLd(String),
    /// RDFC-1.0 gave up: more Hash N-Degree Quads calls than the limit (dataset poisoning).
    Poisoned(usize),
    /// Canonicalization failed otherwise.
    Canonicalization(String),
}

/// Where the contexts come from: the embedded set plus documents supplied by the caller.
#[derive(Clone, Debug, Default)]
pub struct ContextStore {
    extra: Arc<BTreeMap<String, Vec<u8>>>,
}

impl ContextStore {
    /// The embedded contexts plus `extra` (URL → document), which take precedence.
    pub fn new(extra: BTreeMap<String, Vec<u8>>) -> Self {
        Self {
            extra: Arc::new(extra),
        }
    }

    fn get(&self, url: &str) -> Option<Vec<u8>> {
        self.extra.get(url).cloned().or_else(|| {
            embedded::CONTEXTS
                .iter()
                .find(|(u, _)| *u == url)
                .map(|(_, doc)| doc.as_bytes().to_vec())
        })
    }

    /// Whether `url` is available.
    pub fn knows(&self, url: &str) -> bool {
        self.extra.contains_key(url) || embedded::CONTEXTS.iter().any(|(u, _)| *u == url)
    }

    /// Every embedded context URL.
    pub fn embedded_urls() -> impl Iterator<Item = &'static str> {
        embedded::CONTEXTS.iter().map(|(u, _)| *u)
    }

    /// The embedded document for `url`.
    pub fn embedded(url: &str) -> Option<&'static str> {
        embedded::CONTEXTS
            .iter()
            .find(|(u, _)| *u == url)
            .map(|(_, d)| *d)
    }
}

const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// Checks the JSON before any JSON-LD processing: contexts must be strings (URLs) that are known;
/// keyword-like keys must be keywords; `@direction` is not supported (oxjsonld would drop it).
fn check_json(value: &Value, path: &mut String, store: &ContextStore) -> Result<(), RdfcError> {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let len = path.len();
                path.push('/');
                path.push_str(key);
                if key == "@context" {
                    let urls: Vec<&Value> = match child {
                        Value::Array(items) => items.iter().collect(),
                        other => alloc::vec![other],
                    };
                    for url in urls {
                        match url.as_str() {
                            Some(u) if store.knows(u) => {}
                            Some(u) => return Err(RdfcError::UnknownContext(u.to_owned())),
                            None => return Err(RdfcError::InlineContext(path.clone())),
                        }
                    }
                } else if (key.starts_with('@') && !KEYWORDS.contains(&key.as_str()))
                    || key == "@direction"
                {
                    // Not a keyword (or @direction, which this processor would drop): never signed.
                    return Err(RdfcError::UndefinedTerm(path.clone(), key.clone()));
                } else {
                    check_json(child, path, store)?;
                }
                path.truncate(len);
            }
            Ok(())
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("/{i}"));
                check_json(item, path, store)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn parse(bytes: &[u8], store: &ContextStore, lenient: bool) -> Result<Vec<oxrdf::Quad>, RdfcError> {
    let store = store.clone(); // shares the caller's documents (Arc)
    let loader = move |url: &str, _: &JsonLdLoadDocumentOptions| {
        store
            .get(url)
            .map(|document| JsonLdRemoteDocument {
                document,
                document_url: url.to_owned(),
            })
            .ok_or_else(|| format!("context not available offline: {url}").into())
    };
    let mut parser = JsonLdParser::new();
    if lenient {
        parser = parser.lenient();
    }
    parser
        .for_slice(bytes)
        .with_load_document_callback(loader)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| RdfcError::InvalidJsonLd(e.to_string()))
}

/// What the lenient pass emitted that strict processing would drop.
fn dropped_terms(quads: &[oxrdf::Quad]) -> BTreeSet<String> {
    use oxrdf::{NamedNode, NamedOrBlankNode, Term};
    let bad = |iri: &str| NamedNode::new(iri).is_err();
    let mut out = BTreeSet::new();
    for q in quads {
        if let NamedOrBlankNode::NamedNode(s) = &q.subject
            && bad(s.as_str())
        {
            out.insert(s.as_str().to_owned());
        }
        if bad(q.predicate.as_str()) {
            out.insert(q.predicate.as_str().to_owned());
        }
        match &q.object {
            Term::NamedNode(o) if bad(o.as_str()) => {
                out.insert(o.as_str().to_owned());
            }
            Term::Literal(l) => {
                if bad(l.datatype().as_str()) {
                    out.insert(l.datatype().as_str().to_owned());
                }
                if let Some(lang) = l.language()
                    && oxrdf::Literal::new_language_tagged_literal(l.value(), lang).is_err()
                {
                    out.insert(lang.to_owned());
                }
            }
            _ => {}
        }
    }
    out
}

/// The JSON path where `term` appears (as a key, a type, or a value), for the report.
fn locate(value: &Value, term: &str, path: &mut String) -> bool {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                if key == "@context" {
                    continue;
                }
                let len = path.len();
                path.push('/');
                path.push_str(key);
                if key == term || child.as_str() == Some(term) {
                    return true;
                }
                if locate(child, term, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("/{i}"));
                if item.as_str() == Some(term) || locate(item, term, path) {
                    return true;
                }
                path.truncate(len);
            }
            false
        }
        _ => false,
    }
}

/// Canonical N-Quads of a JSON-LD document, in safe mode.
pub fn canonicalize(
    doc: &Value,
    store: &ContextStore,
    hash: RdfcHash,
    hndq_call_limit: usize,
) -> Result<String, RdfcError> {
    check_json(doc, &mut String::new(), store)?;
    let bytes = serde_json::to_vec(doc).map_err(|e| RdfcError::InvalidJsonLd(e.to_string()))?;
    let quads = parse(&bytes, store, false)?;
    let lenient = parse(&bytes, store, true)?;
    if let Some(term) = dropped_terms(&lenient).into_iter().next() {
        let mut path = String::new();
        let path = if locate(doc, &term, &mut path) {
            path
        } else {
            "/".to_string()
        };
        return Err(RdfcError::UndefinedTerm(path, term));
    }
    if lenient.len() != quads.len() {
        return Err(RdfcError::UndefinedTerm(
            "/".into(),
            "(data dropped during expansion)".into(),
        ));
    }
    canonicalize_quads(&quads, hash, hndq_call_limit)
}

/// The vocabulary Blockcerts appends to catch terms no context defines.
const BLOCKCERTS_FALLBACK: &str = "http://fallback.org/";

/// The first context URL (anywhere in `value`) that is neither embedded nor supplied.
fn unknown_context(value: &Value, store: &ContextStore) -> Option<String> {
    match value {
        Value::Object(map) => map.iter().find_map(|(key, child)| {
            if key == "@context" {
                let urls: Vec<&Value> = match child {
                    Value::Array(items) => items.iter().collect(),
                    other => alloc::vec![other],
                };
                urls.into_iter().find_map(|u| match u {
                    Value::String(url) if !store.knows(url) => Some(url.clone()),
                    Value::Object(_) => unknown_context(u, store),
                    _ => None,
                })
            } else {
                unknown_context(child, store)
            }
        }),
        Value::Array(items) => items.iter().find_map(|i| unknown_context(i, store)),
        _ => None,
    }
}

/// Canonical N-Quads the way Blockcerts v3 hashes a certificate (MerkleProof2019 `targetHash`,
/// jsonld-signatures-merkleproof2019 `computeLocalHash`): inline contexts are allowed, and instead
/// of safe mode `{"@vocab": "http://fallback.org/"}` is appended to `@context` (unless a context
/// object already sets `@vocab`); any term that ends up under that vocabulary is an "unmapped field"
/// and refused. Contexts are still never fetched. SHA-256 throughout.
pub fn canonicalize_blockcerts(
    doc: &Value,
    store: &ContextStore,
    hndq_call_limit: usize,
) -> Result<String, RdfcError> {
    if let Some(url) = unknown_context(doc, store) {
        return Err(RdfcError::UnknownContext(url));
    }
    let mut doc = doc.clone();
    if let Some(map) = doc.as_object_mut() {
        let mut contexts: Vec<Value> = match map.remove("@context") {
            Some(Value::Array(items)) => items,
            Some(other) => alloc::vec![other],
            None => Vec::new(),
        };
        if !contexts.iter().any(|c| c.get("@vocab").is_some()) {
            contexts.push(serde_json::json!({ "@vocab": BLOCKCERTS_FALLBACK }));
        }
        map.insert("@context".into(), Value::Array(contexts));
    }
    let bytes = serde_json::to_vec(&doc).map_err(|e| RdfcError::InvalidJsonLd(e.to_string()))?;
    let quads = parse(&bytes, store, false)?;
    for q in &quads {
        let iris = [
            Some(q.predicate.as_str()),
            match &q.subject {
                oxrdf::NamedOrBlankNode::NamedNode(n) => Some(n.as_str()),
                _ => None,
            },
            match &q.object {
                oxrdf::Term::NamedNode(n) => Some(n.as_str()),
                oxrdf::Term::Literal(l) => Some(l.datatype().as_str()),
                _ => None,
            },
        ];
        if let Some(iri) = iris
            .into_iter()
            .flatten()
            .find(|i| i.starts_with(BLOCKCERTS_FALLBACK))
        {
            let term = iri.trim_start_matches(BLOCKCERTS_FALLBACK).to_string();
            let mut path = String::new();
            let path = if locate(&doc, &term, &mut path) {
                path
            } else {
                "/".into()
            };
            return Err(RdfcError::UndefinedTerm(path, term));
        }
    }
    canonicalize_quads(&quads, RdfcHash::Sha256, hndq_call_limit)
}

/// RDFC-1.0 over quads (no JSON-LD step), with the poisoning limit.
pub fn canonicalize_quads(
    quads: &[oxrdf::Quad],
    hash: RdfcHash,
    hndq_call_limit: usize,
) -> Result<String, RdfcError> {
    let dataset: oxrdf02::Dataset = quads.iter().map(to_canon_quad).collect();
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(hndq_call_limit),
    };
    let result = match hash {
        RdfcHash::Sha256 => rdf_canon::canonicalize_with::<sha2_010::Sha256>(&dataset, &options),
        RdfcHash::Sha384 => rdf_canon::canonicalize_with::<sha2_010::Sha384>(&dataset, &options),
    };
    result.map_err(|e| match e {
        rdf_canon::CanonicalizationError::HndqCallLimitExceeded(n) => RdfcError::Poisoned(n),
        other => RdfcError::Canonicalization(other.to_string()),
    })
}

/// Maps an oxrdf 0.3 quad onto rdf-canon's oxrdf 0.2 (terms were validated by oxjsonld).
pub fn to_canon_quad(q: &oxrdf::Quad) -> oxrdf02::Quad {
    use oxrdf::{GraphName, NamedOrBlankNode, Term};
    use oxrdf02 as o2;
    let node = |n: &oxrdf::NamedNode| o2::NamedNode::new_unchecked(n.as_str());
    let blank = |b: &oxrdf::BlankNode| o2::BlankNode::new_unchecked(b.as_str());
    let subject: o2::Subject = match &q.subject {
        NamedOrBlankNode::NamedNode(n) => node(n).into(),
        NamedOrBlankNode::BlankNode(b) => blank(b).into(),
    };
    let object: o2::Term = match &q.object {
        Term::NamedNode(n) => node(n).into(),
        Term::BlankNode(b) => blank(b).into(),
        Term::Literal(l) => match l.language() {
            Some(lang) => {
                o2::Literal::new_language_tagged_literal_unchecked(l.value(), lang).into()
            }
            None => o2::Literal::new_typed_literal(
                l.value(),
                o2::NamedNode::new_unchecked(l.datatype().as_str()),
            )
            .into(),
        },
    };
    let graph = match &q.graph_name {
        GraphName::DefaultGraph => o2::GraphName::DefaultGraph,
        GraphName::NamedNode(n) => node(n).into(),
        GraphName::BlankNode(b) => blank(b).into(),
    };
    o2::Quad::new(subject, node(&q.predicate), object, graph)
}
