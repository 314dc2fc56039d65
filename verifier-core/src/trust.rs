//! An institution's trust configuration: `trust.json`, shipped next to the portal and read by the
//! CLI with `--trust`. It names the institution (branding the portal shows), the issuers it trusts
//! and its policy. Digital Credentials Consortium issuer registries (`registry.json`:
//! `{"meta": …, "registry": {"<DID>": {"name", "url", "location"}}}`) are read too, on their own or
//! listed under `registries` for the shell to fetch and [`TrustConfig::merge_registry`].
//!
//! ```json
//! {
//!   "name": "Université Exemple",
//!   "logo": "logo.svg",
//!   "colors": { "primary": "#1d3c6e", "accent": "#f2a900" },
//!   "languages": ["fr", "en"],
//!   "issuers": [ { "id": "did:web:diplomes.exemple.fr", "name": "Université Exemple", "url": "https://exemple.fr" } ],
//!   "registries": ["https://digitalcredentials.github.io/dcc-registry/registry.json"],
//!   "resources": { "https://exemple.fr/status/revocation.json": "status/revocation.json" },
//!   "policy": { "requireTrustedIssuer": false }
//! }
//! ```
//!
//! `resources` mirrors documents credentials point to (DID documents, status lists) next to the
//! portal: shells read the mirror instead of the original URL, which spares the issuer's server
//! and cross-origin (CORS) trouble. A mirror is no more trusted than the original: what it serves
//! is verified the same way.
//!
//! Every field is optional. Everything read here is shown to people or steers fetching, so it is
//! validated: colours must be `#rgb`/`#rrggbb` (they end up in CSS), URLs must be https (or
//! relative, for the logo and registries), strings are bounded.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use serde_json::{Map, Value};

use crate::context::{Checkpoint, Context, TrustedIssuer, TrustedKey};

/// Largest trust configuration or registry read (registries list a few hundred issuers).
pub const MAX_TRUST_BYTES: usize = 2 * 1024 * 1024;
/// Longest name or URL kept from a trust configuration.
const MAX_TEXT: usize = 2048;

/// A trusted issuer with what the portal shows about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuerEntry {
    /// The issuer id (DID or URL) as credentials name it.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its web site (https), if given.
    pub url: Option<String>,
    /// A key it signs with (`publicKeyMultibase`, a Multikey): trusted by key. With an `id`, the
    /// key is pinned: only that issuer's credentials signed with it are trusted; without, the
    /// id may be empty and any issuer whose proof verifies with this key is trusted.
    pub key: Option<String>,
}

/// The parsed trust configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustConfig {
    /// The institution hosting the verifier.
    pub name: Option<String>,
    /// Its logo: an https URL or a path relative to the trust file.
    pub logo: Option<String>,
    /// Brand colour (`#rrggbb`).
    pub primary_color: Option<String>,
    /// Accent colour (`#rrggbb`).
    pub accent_color: Option<String>,
    /// Interface languages offered, preferred first (BCP 47 tags such as `fr`, `en`).
    pub languages: Vec<String>,
    /// Trusted issuers.
    pub issuers: Vec<IssuerEntry>,
    /// Issuer registries (DCC format) to fetch and merge: https URLs or relative paths.
    pub registries: Vec<String>,
    /// Local mirrors: document URL → where to read it instead (a relative path or https URL).
    pub resources: Vec<(String, String)>,
    /// Fail credentials whose issuer is not trusted.
    pub require_trusted_issuer: bool,
    /// Fail credentials without a blockchain anchor.
    pub require_anchor: bool,
    /// Confirmations required above an anchor (default: the core's).
    pub min_confirmations: Option<u32>,
    /// Blockchain checkpoints added to the compiled ones.
    pub checkpoints: Vec<Checkpoint>,
    /// Esplora-compatible explorers by `chain:network` (`bitcoin:mainnet`, `bitcoin:testnet`,
    /// `bitcoin:regtest`), for anchors without offline evidence.
    pub explorers: Vec<(String, String)>,
    /// Test setting: resolve `did:web` and fetch documents on 127.0.0.1 / localhost over plain http.
    pub allow_http_loopback: bool,
    /// X.509 trust anchors (PEM text, one or more certificates each) for issuers that sign with
    /// a certificate chain (JWT `x5c`).
    pub x509_anchors: Vec<String>,
    /// Pathway documents the portal offers (stackable credentials): name → an https URL or a
    /// path relative to the trust file.
    pub pathways: Vec<(String, String)>,
}

/// Why a trust configuration was refused: the JSON path and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustError {
    /// Where (`/issuers/2/id`).
    pub path: String,
    /// What is wrong.
    pub reason: &'static str,
}

impl core::fmt::Display for TrustError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

fn error(path: impl Into<String>, reason: &'static str) -> TrustError {
    TrustError {
        path: path.into(),
        reason,
    }
}

fn text(map: &Map<String, Value>, key: &str, path: &str) -> Result<Option<String>, TrustError> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.len() <= MAX_TEXT && !s.trim().is_empty() => {
            Ok(Some(s.trim().to_string()))
        }
        Some(Value::String(_)) => Err(error(
            alloc::format!("{path}/{key}"),
            "empty or longer than 2048 characters",
        )),
        Some(_) => Err(error(alloc::format!("{path}/{key}"), "not a string")),
    }
}

/// An https URL, or (when `relative_ok`) a relative path without a scheme.
fn url_ok(url: &str, relative_ok: bool) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://")
        || (relative_ok
            && !lower.contains(':')
            && !lower.starts_with("//")
            && !lower.contains(['\\', '"', '\'', '<', '>', ' ']))
}

fn color(value: Option<String>, path: &str) -> Result<Option<String>, TrustError> {
    match value {
        None => Ok(None),
        Some(c) => {
            let hex = c.strip_prefix('#').unwrap_or_default();
            if matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(Some(c))
            } else {
                Err(error(path, "not a #rgb or #rrggbb colour"))
            }
        }
    }
}

impl TrustConfig {
    /// Parses a Verity `trust.json`, or a DCC issuer registry on its own.
    pub fn parse(bytes: &[u8]) -> Result<Self, TrustError> {
        if bytes.len() > MAX_TRUST_BYTES {
            return Err(error("", "larger than 2 MiB"));
        }
        let Ok(Value::Object(root)) = serde_json::from_slice::<Value>(bytes) else {
            return Err(error("", "not a JSON object"));
        };
        let mut config = Self::default();
        if registry_entries(&root).is_some() {
            config.merge_registry(bytes)?;
            return Ok(config);
        }
        for key in root.keys() {
            if !matches!(
                key.as_str(),
                "name"
                    | "logo"
                    | "colors"
                    | "languages"
                    | "issuers"
                    | "registries"
                    | "resources"
                    | "checkpoints"
                    | "explorers"
                    | "policy"
                    | "allowHttpLoopback"
                    | "x509Anchors"
                    | "pathways"
                    | "$comment"
            ) {
                return Err(error(alloc::format!("/{key}"), "unknown field"));
            }
        }
        config.name = text(&root, "name", "")?;
        config.logo = text(&root, "logo", "")?;
        if let Some(logo) = &config.logo
            && !url_ok(logo, true)
        {
            return Err(error("/logo", "must be an https URL or a relative path"));
        }
        match root.get("colors") {
            None => {}
            Some(Value::Object(colors)) => {
                config.primary_color =
                    color(text(colors, "primary", "/colors")?, "/colors/primary")?;
                config.accent_color = color(text(colors, "accent", "/colors")?, "/colors/accent")?;
            }
            Some(_) => return Err(error("/colors", "not an object")),
        }
        config.languages = strings(&root, "languages")?;
        for (i, lang) in config.languages.iter().enumerate() {
            let ok = (2..=35).contains(&lang.len())
                && lang.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !ok {
                return Err(error(
                    alloc::format!("/languages/{i}"),
                    "not a language tag",
                ));
            }
        }
        config.registries = strings(&root, "registries")?;
        for (i, url) in config.registries.iter().enumerate() {
            if !url_ok(url, true) {
                return Err(error(
                    alloc::format!("/registries/{i}"),
                    "must be an https URL or a relative path",
                ));
            }
        }
        config.resources = string_map(&root, "resources", |url, target| {
            url.starts_with("https://") && url_ok(target, true)
        })
        .map_err(|path| {
            error(
                path,
                "must map an https URL to a relative path or https URL",
            )
        })?;
        config.explorers = string_map(&root, "explorers", |key, url| {
            matches!(
                key,
                "bitcoin:mainnet" | "bitcoin:testnet" | "bitcoin:regtest"
            ) && url_ok(url, false)
        })
        .map_err(|path| {
            error(
                path,
                "must map bitcoin:mainnet, bitcoin:testnet or bitcoin:regtest to an https URL",
            )
        })?;
        config.pathways = string_map(&root, "pathways", |name, url| {
            !name.trim().is_empty() && url_ok(url, true)
        })
        .map_err(|path| {
            error(
                path,
                "must map a pathway's name to an https URL or a relative path",
            )
        })?;
        match root.get("x509Anchors") {
            None => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    match item.as_str() {
                        Some(pem) if pem.contains("-----BEGIN CERTIFICATE-----") => {
                            config.x509_anchors.push(pem.into());
                        }
                        _ => {
                            return Err(error(
                                alloc::format!("/x509Anchors/{i}"),
                                "not PEM text with a certificate",
                            ));
                        }
                    }
                }
            }
            Some(_) => return Err(error("/x509Anchors", "not an array")),
        }
        match root.get("checkpoints") {
            None => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let path = alloc::format!("/checkpoints/{i}");
                    config.checkpoints.push(checkpoint(item).ok_or_else(|| {
                        error(path, "needs network (mainnet, testnet, regtest), height, hash (64 hex digits) and bits")
                    })?);
                }
            }
            Some(_) => return Err(error("/checkpoints", "not an array")),
        }
        match root.get("issuers") {
            None => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let path = alloc::format!("/issuers/{i}");
                    let Value::Object(item) = item else {
                        return Err(error(path, "not an object"));
                    };
                    config.issuers.push(issuer_entry(item, &path)?);
                }
            }
            Some(_) => return Err(error("/issuers", "not an array")),
        }
        match root.get("policy") {
            None => {}
            Some(Value::Object(policy)) => {
                for (key, value) in policy {
                    match (key.as_str(), value) {
                        ("requireTrustedIssuer", Value::Bool(b)) => {
                            config.require_trusted_issuer = *b
                        }
                        ("requireAnchor", Value::Bool(b)) => config.require_anchor = *b,
                        ("minConfirmations", n)
                            if n.as_u64().is_some_and(|n| (1..=10_000).contains(&n)) =>
                        {
                            config.min_confirmations =
                                n.as_u64().and_then(|n| u32::try_from(n).ok());
                        }
                        ("requireTrustedIssuer" | "requireAnchor", _) => {
                            return Err(error(
                                alloc::format!("/policy/{key}"),
                                "not true or false",
                            ));
                        }
                        ("minConfirmations", _) => {
                            return Err(error(
                                "/policy/minConfirmations",
                                "not an integer from 1 to 10000",
                            ));
                        }
                        _ => return Err(error(alloc::format!("/policy/{key}"), "unknown policy")),
                    }
                }
            }
            Some(_) => return Err(error("/policy", "not an object")),
        }
        config.allow_http_loopback = match root.get("allowHttpLoopback") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(error("/allowHttpLoopback", "not true or false")),
        };
        Ok(config)
    }

    /// Adds the issuers of a DCC issuer registry (`registry.json`). Issuers already listed keep
    /// the name the institution gave them.
    pub fn merge_registry(&mut self, bytes: &[u8]) -> Result<(), TrustError> {
        if bytes.len() > MAX_TRUST_BYTES {
            return Err(error("", "larger than 2 MiB"));
        }
        let Ok(Value::Object(root)) = serde_json::from_slice::<Value>(bytes) else {
            return Err(error("", "not a JSON object"));
        };
        let (key, entries) =
            registry_entries(&root).ok_or_else(|| error("/registry", "not an issuer registry"))?;
        for (id, entry) in entries {
            let path = alloc::format!("/{key}/{id}");
            let Value::Object(entry) = entry else {
                return Err(error(path, "not an object"));
            };
            let mut with_id = entry.clone();
            with_id.insert("id".into(), Value::String(id.clone()));
            let issuer = issuer_entry(&with_id, &path)?;
            if !self
                .issuers
                .iter()
                .any(|i| !i.id.is_empty() && i.id == issuer.id)
            {
                self.issuers.push(issuer);
            }
        }
        Ok(())
    }

    /// Puts the trusted issuers and the policy into a verification context.
    pub fn apply(&self, ctx: &mut Context) {
        for i in &self.issuers {
            match i.key.as_deref().map(crate::keys::decode_multikey) {
                // Checked when parsed.
                Some(Ok(key)) => ctx.trusted_keys.push(TrustedKey {
                    key,
                    name: i.name.clone(),
                    issuer: (!i.id.is_empty()).then(|| i.id.clone()),
                }),
                Some(Err(_)) => {}
                None => ctx.trusted_issuers.push(TrustedIssuer {
                    id: i.id.clone(),
                    name: i.name.clone(),
                }),
            }
        }
        ctx.policy.require_trusted_issuer |= self.require_trusted_issuer;
        ctx.policy.require_anchor |= self.require_anchor;
        if let Some(n) = self.min_confirmations {
            ctx.policy.min_confirmations = n;
        }
        ctx.checkpoints.extend(self.checkpoints.iter().cloned());
        ctx.explorers.extend(self.explorers.iter().cloned());
        ctx.x509_anchors
            .extend(self.x509_anchors.iter().map(|pem| pem.as_bytes().to_vec()));
    }

    /// Where to read `url` instead, if mirrored.
    pub fn resource(&self, url: &str) -> Option<&str> {
        self.resources
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, t)| t.as_str())
    }

    /// The entry for `issuer`, if trusted.
    pub fn issuer(&self, issuer: &str) -> Option<&IssuerEntry> {
        self.issuers
            .iter()
            .find(|i| !i.id.is_empty() && i.id == issuer)
    }
}

/// The object `root[key]` of string values (each at most 2048 characters) whose entries all pass
/// `ok(name, value)`; the error is the JSON path of the first that does not (or of the object).
fn string_map(
    root: &Map<String, Value>,
    key: &str,
    ok: impl Fn(&str, &str) -> bool,
) -> Result<Vec<(String, String)>, String> {
    match root.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(name, value)| match value.as_str() {
                Some(v) if v.len() <= MAX_TEXT && ok(name, v) => Ok((name.clone(), v.to_string())),
                _ => Err(alloc::format!("/{key}/{name}")),
            })
            .collect(),
        Some(_) => Err(alloc::format!("/{key}")),
    }
}

/// `{"network", "height", "hash" (display hex), "bits" (hex string or number)}`.
fn checkpoint(item: &Value) -> Option<Checkpoint> {
    let network = item.get("network")?.as_str()?;
    if !matches!(network, "mainnet" | "testnet" | "regtest") {
        return None;
    }
    let height = u32::try_from(item.get("height")?.as_u64()?).ok()?;
    let mut hash: [u8; 32] = crate::bitcoin::from_hex(item.get("hash")?.as_str()?)?
        .try_into()
        .ok()?;
    hash.reverse();
    let bits = match item.get("bits")? {
        Value::String(s) => u32::from_str_radix(s.trim_start_matches("0x"), 16).ok()?,
        other => u32::try_from(other.as_u64()?).ok()?,
    };
    crate::bitcoin::target_from_bits(bits)?;
    Some(Checkpoint {
        network: network.into(),
        height,
        hash,
        bits,
    })
}

/// The DCC registry map: `registry` in published files, `entries` in the TypeScript form.
fn registry_entries(root: &Map<String, Value>) -> Option<(&'static str, &Map<String, Value>)> {
    ["registry", "entries"]
        .into_iter()
        .find_map(|key| Some((key, root.get(key)?.as_object()?)))
}

fn strings(root: &Map<String, Value>, key: &str) -> Result<Vec<String>, TrustError> {
    match root.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| match v {
                Value::String(s) if !s.is_empty() && s.len() <= MAX_TEXT => Ok(s.clone()),
                _ => Err(error(
                    alloc::format!("/{key}/{i}"),
                    "not a non-empty string",
                )),
            })
            .collect(),
        Some(_) => Err(error(alloc::format!("/{key}"), "not an array")),
    }
}

fn issuer_entry(item: &Map<String, Value>, path: &str) -> Result<IssuerEntry, TrustError> {
    let key = text(item, "publicKeyMultibase", path)?;
    if let Some(key) = &key
        && crate::keys::decode_multikey(key).is_err()
    {
        return Err(error(
            alloc::format!("{path}/publicKeyMultibase"),
            "not a Multikey public key",
        ));
    }
    let id = match text(item, "id", path)? {
        Some(id) => id,
        None if key.is_some() => String::new(),
        None => {
            return Err(error(
                alloc::format!("{path}/id"),
                "missing (an issuer needs an id, a publicKeyMultibase, or both)",
            ));
        }
    };
    if !(id.is_empty() || id.starts_with("did:") || id.starts_with("https://")) {
        return Err(error(alloc::format!("{path}/id"), "not a DID or https URL"));
    }
    let name = text(item, "name", path)?
        .or_else(|| (!id.is_empty()).then(|| id.clone()))
        .or_else(|| key.clone())
        .unwrap_or_default();
    let url = text(item, "url", path)?;
    if let Some(url) = &url
        && !url_ok(url, false)
    {
        return Err(error(alloc::format!("{path}/url"), "not an https URL"));
    }
    Ok(IssuerEntry { id, name, url, key })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_configuration() {
        let config = TrustConfig::parse(
            r##"{"name": "Université Exemple", "logo": "brand/logo.svg",
            "colors": {"primary": "#1d3c6e", "accent": "#FA0"}, "languages": ["fr", "en"],
            "issuers": [{"id": "did:web:exemple.fr", "name": "Université Exemple", "url": "https://exemple.fr"},
                        {"id": "did:key:z6Mk"}],
            "registries": ["dcc.json"], "policy": {"requireTrustedIssuer": true},
            "resources": {"https://exemple.fr/status/1.json": "status/1.json"}}"##
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(config.name.as_deref(), Some("Université Exemple"));
        assert_eq!(config.accent_color.as_deref(), Some("#FA0"));
        assert_eq!(config.issuers[1].name, "did:key:z6Mk");
        assert_eq!(
            config.resource("https://exemple.fr/status/1.json"),
            Some("status/1.json")
        );
        assert!(config.require_trusted_issuer && !config.allow_http_loopback);
        let mut ctx = Context::default();
        config.apply(&mut ctx);
        assert_eq!(ctx.trusted_issuers.len(), 2);
        assert!(ctx.policy.require_trusted_issuer);
    }

    #[test]
    fn dcc_registry_alone_or_merged() {
        let registry = br#"{"meta": {"created": "2020-12-02T02:32:16+0000"},
            "registry": {"did:key:z6MkA": {"name": "Example University", "location": "Cambridge, MA", "url": "https://example.edu"},
                         "did:web:exemple.fr": {"name": "Other name"}}}"#;
        let alone = TrustConfig::parse(registry).unwrap();
        assert_eq!(alone.issuers.len(), 2);
        assert_eq!(
            alone.issuer("did:key:z6MkA").unwrap().url.as_deref(),
            Some("https://example.edu")
        );
        let mut config =
            TrustConfig::parse(br#"{"issuers": [{"id": "did:web:exemple.fr", "name": "Ours"}]}"#)
                .unwrap();
        config.merge_registry(registry).unwrap();
        assert_eq!(config.issuers.len(), 2);
        assert_eq!(config.issuer("did:web:exemple.fr").unwrap().name, "Ours");
    }

    #[test]
    fn hostile_values_are_refused_with_their_path() {
        let cases: [(&[u8], &str); 9] = [
            (
                br#"{"resources": {"http://x/a": "a.json"}}"#,
                "/resources/http://x/a",
            ),
            (
                br#"{"colors": {"primary": "red;background:url(x)"}}"#,
                "/colors/primary",
            ),
            (br#"{"logo": "javascript:alert(1)"}"#, "/logo"),
            (br#"{"logo": "//evil.example/x.png"}"#, "/logo"),
            (
                br#"{"issuers": [{"id": "did:web:x", "url": "http://x"}]}"#,
                "/issuers/0/url",
            ),
            (br#"{"issuers": [{"name": "no id"}]}"#, "/issuers/0/id"),
            (br#"{"languages": ["fr<script>"]}"#, "/languages/0"),
            (br#"{"polcy": {}}"#, "/polcy"),
            (
                br#"{"policy": {"requireAnchors": true}}"#,
                "/policy/requireAnchors",
            ),
        ];
        for (bytes, path) in cases {
            assert_eq!(TrustConfig::parse(bytes).unwrap_err().path, path);
        }
        assert!(TrustConfig::parse(b"[]").is_err());
    }
}
