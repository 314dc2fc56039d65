//! The issuer key file (`key.json`, mode 0600) and DID documents.

use anyhow::{Context as _, Result, bail};
use ed25519_dalek::SigningKey;
use serde_json::{Value, json};
use std::path::Path;
use verifier_core::did;
use verifier_core::keys::encode_base58btc;
use zeroize::Zeroizing;

/// Multicodec varint of `ed25519-priv` (0x1300), the header of an Ed25519 `secretKeyMultibase`.
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];
/// Multicodec varint of `p256-priv` (0x1306).
const P256_PRIV: [u8; 2] = [0x86, 0x26];
/// Multicodec varint of `p256-pub` (0x1200), the header of a P-256 Multikey.
const P256_PUB: [u8; 2] = [0x80, 0x24];

/// Key algorithms `verity keygen` makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum KeyType {
    /// Ed25519: eddsa-rdfc-2022 and eddsa-jcs-2022.
    #[value(name = "ed25519")]
    Ed25519,
    /// ECDSA P-256: ecdsa-rdfc-2019.
    #[value(name = "p256")]
    P256,
}

enum Secret {
    Ed25519(SigningKey),
    P256(p256::ecdsa::SigningKey),
}

/// An issuer's signing key and the DIDs it answers to.
pub struct IssuerKey {
    secret: Secret,
    /// The `did:web` DID this key is published under, if any.
    pub did_web: Option<String>,
}

impl core::fmt::Debug for IssuerKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("IssuerKey")
            .field("did_key", &self.did_key())
            .field("did_web", &self.did_web)
            .finish_non_exhaustive()
    }
}

impl IssuerKey {
    /// A fresh key from the operating system's random generator.
    pub fn generate(key_type: KeyType, did_web: Option<String>) -> Result<Self> {
        loop {
            let mut seed = Zeroizing::new([0u8; 32]);
            getrandom::fill(seed.as_mut())
                .map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))?;
            let secret = match key_type {
                KeyType::Ed25519 => Secret::Ed25519(SigningKey::from_bytes(&seed)),
                // A 32-byte string is a valid P-256 scalar unless it is 0 or ≥ n (odds ~2^-32): draw again.
                KeyType::P256 => match p256::ecdsa::SigningKey::from_slice(seed.as_ref()) {
                    Ok(key) => Secret::P256(key),
                    Err(_) => continue,
                },
            };
            return Ok(Self { secret, did_web });
        }
    }

    /// An Ed25519 key from a fixed seed (tests and reproducible demos only).
    pub fn from_seed(seed: [u8; 32], did_web: Option<String>) -> Self {
        Self {
            secret: Secret::Ed25519(SigningKey::from_bytes(&seed)),
            did_web,
        }
    }

    /// The key's algorithm.
    pub fn key_type(&self) -> KeyType {
        match self.secret {
            Secret::Ed25519(_) => KeyType::Ed25519,
            Secret::P256(_) => KeyType::P256,
        }
    }

    /// Signs `message`: Ed25519 (RFC 8032), or ECDSA P-256 with SHA-256 (RFC 6979 nonces), as
    /// the 64-byte IEEE P1363 r ‖ s.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        match &self.secret {
            Secret::Ed25519(key) => ed25519_dalek::Signer::sign(key, message)
                .to_bytes()
                .to_vec(),
            Secret::P256(key) => {
                let signature: p256::ecdsa::Signature =
                    p256::ecdsa::signature::Signer::sign(key, message);
                signature.to_bytes().to_vec()
            }
        }
    }

    /// `z6Mk…` (Ed25519) or `zDn…` (P-256).
    pub fn multikey(&self) -> String {
        match &self.secret {
            Secret::Ed25519(key) => did::encode_ed25519_multikey(key.verifying_key().as_bytes()),
            Secret::P256(key) => {
                let point = key.verifying_key().to_sec1_point(true);
                let mut bytes = P256_PUB.to_vec();
                bytes.extend_from_slice(point.as_bytes());
                encode_base58btc(&bytes)
            }
        }
    }

    /// The public key as an X.509 SubjectPublicKeyInfo (DER), for `verity certs issue`:
    /// RFC 8410 §4 for Ed25519, RFC 5480 §2 (uncompressed point) for P-256.
    pub fn spki_der(&self) -> Vec<u8> {
        match &self.secret {
            Secret::Ed25519(key) => {
                let mut der = vec![
                    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
                ];
                der.extend_from_slice(key.verifying_key().as_bytes());
                der
            }
            Secret::P256(key) => {
                let mut der = vec![
                    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
                    0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
                ];
                der.extend_from_slice(key.verifying_key().to_sec1_point(false).as_bytes());
                der
            }
        }
    }

    /// `did:key:z6Mk…`
    pub fn did_key(&self) -> String {
        format!("did:key:{}", self.multikey())
    }

    /// The verification method to sign with when issuing as `issuer_did`.
    pub fn verification_method(&self, issuer_did: &str) -> Result<String> {
        if issuer_did == self.did_key() {
            Ok(format!("{}#{}", issuer_did, self.multikey()))
        } else if Some(issuer_did) == self.did_web.as_deref() {
            Ok(format!("{issuer_did}#key-1"))
        } else {
            bail!(
                "this key is not published under {issuer_did} (it is {}{})",
                self.did_key(),
                self.did_web
                    .as_deref()
                    .map(|w| format!(" and {w}"))
                    .unwrap_or_default()
            )
        }
    }

    /// The DID credentials are issued under by default: did:web when published there, else did:key.
    pub fn default_did(&self) -> String {
        self.did_web.clone().unwrap_or_else(|| self.did_key())
    }

    /// The `did:web` DID document to publish at the URL `verifier_core::did::did_web_url` gives.
    pub fn did_web_document(&self) -> Option<Value> {
        let did = self.did_web.as_deref()?;
        let vm = format!("{did}#key-1");
        Some(json!({
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
            "id": did,
            "verificationMethod": [{ "id": vm, "type": "Multikey", "controller": did, "publicKeyMultibase": self.multikey() }],
            "assertionMethod": [vm],
            "authentication": [vm],
        }))
    }

    fn to_json(&self) -> Zeroizing<String> {
        let mut secret = Zeroizing::new(Vec::with_capacity(34));
        let key_type = match &self.secret {
            Secret::Ed25519(key) => {
                secret.extend_from_slice(&ED25519_PRIV);
                secret.extend_from_slice(key.as_bytes());
                "Ed25519"
            }
            Secret::P256(key) => {
                secret.extend_from_slice(&P256_PRIV);
                secret.extend_from_slice(&key.to_bytes());
                "P-256"
            }
        };
        let value = json!({
            "type": key_type,
            "didKey": self.did_key(),
            "didWeb": self.did_web,
            "publicKeyMultibase": self.multikey(),
            "secretKeyMultibase": encode_base58btc(&secret),
        });
        Zeroizing::new(serde_json::to_string_pretty(&value).unwrap_or_default() + "\n")
    }

    /// Writes `key.json` with mode 0600 (created with that mode: never readable by others, even briefly).
    pub fn save(&self, path: &Path, overwrite: bool) -> Result<()> {
        use std::io::Write as _;
        let mut options = std::fs::OpenOptions::new();
        options.write(true);
        if overwrite {
            options.create(true).truncate(true)
        } else {
            options.create_new(true)
        };
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options
            .open(path)
            .with_context(|| format!("creating {}", path.display()))?;
        file.write_all(self.to_json().as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(())
    }

    /// Reads a `key.json` written by [`IssuerKey::save`].
    pub fn load(path: &Path) -> Result<Self> {
        let text = Zeroizing::new(
            std::fs::read_to_string(path)
                .with_context(|| format!("reading key file {}", path.display()))?,
        );
        let value: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        let encoded = value["secretKeyMultibase"]
            .as_str()
            .context("key file has no secretKeyMultibase")?;
        let bytes = Zeroizing::new(
            bs58::decode(
                encoded
                    .strip_prefix('z')
                    .context("secretKeyMultibase is not base58btc multibase")?,
            )
            .into_vec()
            .context("secretKeyMultibase is not valid base58")?,
        );
        let did_web = value["didWeb"].as_str().map(str::to_owned);
        let key = if let Some(raw) = bytes.strip_prefix(&ED25519_PRIV) {
            let seed: [u8; 32] = raw
                .try_into()
                .ok()
                .context("an Ed25519 secret key is 32 bytes")?;
            Self::from_seed(seed, did_web)
        } else if let Some(raw) = bytes.strip_prefix(&P256_PRIV) {
            let key = p256::ecdsa::SigningKey::from_slice(raw)
                .ok()
                .context("not a P-256 secret key")?;
            Self {
                secret: Secret::P256(key),
                did_web,
            }
        } else {
            bail!("secretKeyMultibase is neither an Ed25519 nor a P-256 secret key");
        };
        if let Some(stored) = value["publicKeyMultibase"].as_str()
            && stored != key.multikey()
        {
            bail!("key file is inconsistent: publicKeyMultibase does not match the secret key");
        }
        Ok(key)
    }
}

/// Checks a `did:web` DID given on the command line (`example.edu` is taken as `did:web:example.edu`).
pub fn parse_did_web(arg: &str) -> Result<String> {
    let did = if arg.starts_with("did:web:") {
        arg.to_owned()
    } else {
        format!("did:web:{arg}")
    };
    if did::did_web_url(&did).is_none() {
        bail!(
            "{arg} is not a valid did:web identifier (e.g. example.edu or example.edu:issuers:science)"
        );
    }
    Ok(did)
}
