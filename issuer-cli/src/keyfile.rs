//! The issuer key file (`key.json`, mode 0600) and DID documents.

use anyhow::{Context as _, Result, bail};
use ed25519_dalek::SigningKey;
use serde_json::{Value, json};
use std::path::Path;
use verifier_core::did;
use zeroize::Zeroizing;

/// Multicodec varint of `ed25519-priv` (0x1300), the header of `secretKeyMultibase`.
const ED25519_PRIV: [u8; 2] = [0x80, 0x26];

/// An issuer's signing key and the DIDs it answers to.
pub struct IssuerKey {
    signing: SigningKey,
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
    pub fn generate(did_web: Option<String>) -> Result<Self> {
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut())
            .map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))?;
        Ok(Self {
            signing: SigningKey::from_bytes(&seed),
            did_web,
        })
    }

    /// A key from a fixed seed (tests and reproducible demos only).
    pub fn from_seed(seed: [u8; 32], did_web: Option<String>) -> Self {
        Self {
            signing: SigningKey::from_bytes(&seed),
            did_web,
        }
    }

    /// The signing key.
    pub fn signing_key(&self) -> &SigningKey {
        &self.signing
    }

    /// `z6Mk…`
    pub fn multikey(&self) -> String {
        did::encode_ed25519_multikey(self.signing.verifying_key().as_bytes())
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
        secret.extend_from_slice(&ED25519_PRIV);
        secret.extend_from_slice(self.signing.as_bytes());
        let value = json!({
            "type": "Ed25519",
            "didKey": self.did_key(),
            "didWeb": self.did_web,
            "publicKeyMultibase": self.multikey(),
            "secretKeyMultibase": format!("z{}", bs58::encode(secret.as_slice()).into_string()),
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
        let seed: [u8; 32] = bytes
            .strip_prefix(&ED25519_PRIV)
            .and_then(|s| s.try_into().ok())
            .context("secretKeyMultibase is not an Ed25519 secret key")?;
        let key = Self::from_seed(seed, value["didWeb"].as_str().map(str::to_owned));
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
