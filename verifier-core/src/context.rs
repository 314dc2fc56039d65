//! What the caller supplies besides the input: trust, policy, limits and fetched documents.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

/// Bounds on the work done for one input. Exceeding one gives a `limits.*` failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input accepted. Default 10 MiB: a baked PNG badge with a large image and its
    /// credential stays well below; anything larger is not a credential someone hands over.
    pub max_input_bytes: usize,
    /// Largest fetched document (DID document, …) read. Default 1 MiB: DID documents are a few KB.
    pub max_document_bytes: usize,
    /// Most proofs checked on one credential. Default 8: real credentials carry one or two.
    pub max_proofs: usize,
    /// Most Hash N-Degree Quads calls in one RDF canonicalization. Default 1000
    /// ([`crate::rdfc::DEFAULT_HNDQ_CALL_LIMIT`]): every RDFC-1.0 evaluation test passes with 500,
    /// a credential needs a handful, and a poisoned graph stops in tens of milliseconds.
    pub max_rdfc_calls: usize,
    /// Largest decompressed status list. Default 16 MiB: 128 times the spec's minimum list of
    /// 16 KiB (131,072 entries), i.e. 134 million one-bit entries; a "gzip bomb" stops here.
    pub max_decompressed_bytes: usize,
    /// Most certificates read from one input. Default 32: real chains have 2 to 4 and bundles of
    /// intermediates a few dozen at most.
    pub max_certificates: usize,
    /// Most certificates in a certification path, the end entity included but not the trust
    /// anchor. Default 8: rustls-webpki allows 6 intermediates (`MAX_SUB_CA_COUNT`); the Web PKI
    /// uses 1 or 2.
    pub max_chain_depth: usize,
    /// Most signature checks while building one path. Default 100, rustls-webpki's budget: it
    /// bounds the work a bundle of cross-signed certificates can cause.
    pub max_signature_checks: usize,
    /// Most (name, subtree) comparisons while checking name constraints on one path. Default
    /// 250,000, rustls-webpki's budget: real constraints need tens, x509-limbo's `nc-dos` cases
    /// (4,096 subtrees against 2,048 names) need millions.
    pub max_name_constraint_checks: usize,
    /// Most credentials verified inside one bundle (a CLR 2.0 `ClrCredential`). Default 256: a
    /// complete transcript holds some 40 to 100 course and block credentials.
    pub max_nested_credentials: usize,
    /// Most JSON values (object members and array items, all levels) in one credential. Default
    /// 100,000: an Open Badge has a few hundred, a CLR of 256 credentials some 30,000; it bounds
    /// the JSON-LD and canonicalization work a flat but huge document could cause within the
    /// input size limit.
    pub max_json_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 10 * 1024 * 1024,
            max_document_bytes: 1024 * 1024,
            max_proofs: 8,
            max_rdfc_calls: 1000,
            max_decompressed_bytes: 16 * 1024 * 1024,
            max_certificates: 32,
            max_chain_depth: 8,
            max_signature_checks: 100,
            max_name_constraint_checks: 250_000,
            max_nested_credentials: 256,
            max_json_values: 100_000,
        }
    }
}

/// An issuer this verifier's operator trusts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedIssuer {
    /// The issuer id (a DID or URL) as it appears in credentials.
    pub id: String,
    /// The name to show for it.
    pub name: String,
}

/// A public key this verifier's operator trusts: credentials whose proof verifies with it (and
/// whose key check binds it to the credential's issuer) are from a trusted issuer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedKey {
    /// The key.
    pub key: crate::keys::PublicKey,
    /// The name to show for its holder.
    pub name: String,
    /// Only for this issuer id (a pinned key), if set.
    pub issuer: Option<String>,
}

/// Verification policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Fail credentials whose issuer is not in [`Context::trusted_issuers`].
    pub require_trusted_issuer: bool,
    /// Fail credentials that carry no blockchain anchor.
    pub require_anchor: bool,
    /// Blocks (the anchor's included) needed on top of an anchor that descends from a checkpoint.
    /// Default 6, Bitcoin's customary depth for a payment to count as settled.
    pub min_confirmations: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            require_trusted_issuer: false,
            require_anchor: false,
            min_confirmations: 6,
        }
    }
}

/// A block the verifier's operator knows is in the real chain of a network.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    /// `mainnet`, `testnet` or `regtest`.
    pub network: String,
    /// Its height.
    pub height: u32,
    /// Its hash (internal byte order).
    pub hash: [u8; 32],
    /// Its compact target: later headers may not be more than 4× easier.
    pub bits: u32,
}

/// Everything [`crate::verify`] may consult besides the input and `now`.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Issuers the operator trusts (shown by name; required under [`Policy::require_trusted_issuer`]).
    pub trusted_issuers: Vec<TrustedIssuer>,
    /// Keys the operator trusts, whoever the issuer is (or for one issuer: pinned).
    pub trusted_keys: Vec<TrustedKey>,
    /// Policy switches.
    pub policy: Policy,
    /// Work bounds.
    pub limits: Limits,
    /// External documents already fetched by the shell, by URL (see [`crate::needs`]).
    pub documents: BTreeMap<String, Vec<u8>>,
    /// Blockchain checkpoints in addition to the compiled ones (see [`crate::anchor`]).
    pub checkpoints: Vec<Checkpoint>,
    /// Esplora-compatible block explorers, by `chain:network` (e.g. `bitcoin:mainnet` →
    /// `https://blockstream.info/api`), for anchors that carry no offline evidence. Defaults:
    /// Blockstream's for Bitcoin mainnet and testnet; none for regtest.
    pub explorers: BTreeMap<String, String>,
    /// JSON-LD contexts the caller supplies in addition to the embedded ones, by URL
    /// (feature `rdfc`). Contexts are never fetched.
    pub contexts: BTreeMap<String, Vec<u8>>,
    /// X.509 trust anchors for issuers that sign with a certificate (a JWT's `x5c`, feature
    /// `x509`): each entry a PEM bundle or a DER certificate. Never implicit: empty means no
    /// certificate-bound issuer is confirmed.
    pub x509_anchors: Vec<Vec<u8>>,
}

impl Context {
    /// Adds a fetched document.
    pub fn with_document(mut self, url: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.documents.insert(url.into(), bytes.into());
        self
    }

    /// The document fetched for `url`, if any.
    pub fn document(&self, url: &str) -> Option<&[u8]> {
        self.documents.get(url).map(Vec::as_slice)
    }

    /// The explorer API base for `chain:network`.
    pub fn explorer(&self, chain: &str, network: &str) -> Option<String> {
        let key = alloc::format!("{chain}:{network}");
        self.explorers
            .get(&key)
            .cloned()
            .or_else(|| match key.as_str() {
                "bitcoin:mainnet" => Some("https://blockstream.info/api".into()),
                "bitcoin:testnet" => Some("https://blockstream.info/testnet/api".into()),
                _ => None,
            })
    }

    /// The trusted issuer with this id, if any.
    pub fn trusted_issuer(&self, id: &str) -> Option<&TrustedIssuer> {
        self.trusted_issuers.iter().find(|t| t.id == id)
    }
}
