//! An issuer's status lists (W3C Bitstring Status List v1.0): the private state file
//! (`status.json` in the status directory) that records which index each credential holds and
//! which bits are set, and the signed list credentials `verity status publish` writes for static
//! hosting.
//!
//! Indexes are drawn at random (not sequentially), as the specification recommends (§6.2 "Group
//! privacy"): a sequential index would reveal issuance order and let verifiers correlate holders.

use anyhow::{Context as _, Result, bail};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use verifier_core::status::{MIN_ENTRIES, encode_list};

use crate::issuance::{self, Issuer, Suite};
use crate::keyfile::KeyType;

/// The state file's name inside the status directory.
pub const STATE_FILE: &str = "status.json";
/// Lists are never filled beyond this share, so a random free index is always found quickly.
const MAX_FILL_PERCENT: u64 = 90;

/// Status purposes a list can serve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Purpose {
    /// Irreversible withdrawal.
    #[value(name = "revocation")]
    Revocation,
    /// Reversible hold.
    #[value(name = "suspension")]
    Suspension,
}

impl Purpose {
    /// The `statusPurpose` value.
    pub fn name(self) -> &'static str {
        match self {
            Self::Revocation => "revocation",
            Self::Suspension => "suspension",
        }
    }
    fn parse(s: &str) -> Option<Self> {
        match s {
            "revocation" => Some(Self::Revocation),
            "suspension" => Some(Self::Suspension),
            _ => None,
        }
    }
}

/// One list: where it is published, its length and the indexes whose bit is set.
#[derive(Clone, Debug)]
pub struct List {
    /// What the list says.
    pub purpose: Purpose,
    /// The URL the published list credential will be served at.
    pub url: String,
    /// Number of entries (bits).
    pub length: u64,
    /// Indexes whose bit is set (revoked / suspended).
    pub set: BTreeSet<u64>,
}

/// The whole state of a status directory.
#[derive(Clone, Debug)]
pub struct StatusState {
    dir: PathBuf,
    /// The lists, one per purpose.
    pub lists: Vec<List>,
    /// Credential id → purpose → index.
    pub credentials: BTreeMap<String, BTreeMap<Purpose, u64>>,
}

impl StatusState {
    /// A new status directory with one list per purpose at `base_url` + `<purpose>.json`.
    pub fn create(dir: &Path, base_url: &str, purposes: &[Purpose], length: u64) -> Result<Self> {
        if !base_url.starts_with("https://") || !base_url.ends_with('/') {
            bail!(
                "--base-url must be an https URL ending with '/', e.g. https://example.edu/status/"
            );
        }
        if length < MIN_ENTRIES || !length.is_multiple_of(8) {
            bail!(
                "--length must be a multiple of 8 and at least {MIN_ENTRIES} (the specification's minimum, for privacy)"
            );
        }
        if dir.join(STATE_FILE).exists() {
            bail!("{} already exists", dir.join(STATE_FILE).display());
        }
        let mut purposes = purposes.to_vec();
        purposes.sort();
        purposes.dedup();
        let state = Self {
            dir: dir.to_path_buf(),
            lists: purposes
                .into_iter()
                .map(|purpose| List {
                    purpose,
                    url: format!("{base_url}{}.json", purpose.name()),
                    length,
                    set: BTreeSet::new(),
                })
                .collect(),
            credentials: BTreeMap::new(),
        };
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        state.save()?;
        Ok(state)
    }

    /// Reads `dir/status.json`.
    pub fn load(dir: &Path) -> Result<Self> {
        let path = dir.join(STATE_FILE);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading {} (create it with `verity status create`)",
                path.display()
            )
        })?;
        let value: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        let bad = |what: &str| anyhow::anyhow!("{}: {what}", path.display());
        if value["version"] != 1 {
            return Err(bad("unknown version (expected 1)"));
        }
        let mut lists = Vec::new();
        for list in value["lists"].as_array().ok_or_else(|| bad("no lists"))? {
            let purpose = list["purpose"]
                .as_str()
                .and_then(Purpose::parse)
                .ok_or_else(|| bad("a list has an unknown purpose"))?;
            let length = list["length"]
                .as_u64()
                .ok_or_else(|| bad("a list has no length"))?;
            let set = list["set"]
                .as_array()
                .ok_or_else(|| bad("a list has no set"))?
                .iter()
                .map(|i| i.as_u64().filter(|i| *i < length))
                .collect::<Option<BTreeSet<u64>>>()
                .ok_or_else(|| bad("a set index is not an index of the list"))?;
            let url = list["url"]
                .as_str()
                .ok_or_else(|| bad("a list has no url"))?
                .to_string();
            lists.push(List {
                purpose,
                url,
                length,
                set,
            });
        }
        let mut credentials = BTreeMap::new();
        for (id, indexes) in value["credentials"]
            .as_object()
            .ok_or_else(|| bad("no credentials map"))?
        {
            let mut map = BTreeMap::new();
            for (purpose, index) in indexes
                .as_object()
                .ok_or_else(|| bad("bad credential entry"))?
            {
                let purpose = Purpose::parse(purpose).ok_or_else(|| bad("bad purpose"))?;
                map.insert(purpose, index.as_u64().ok_or_else(|| bad("bad index"))?);
            }
            credentials.insert(id.clone(), map);
        }
        Ok(Self {
            dir: dir.to_path_buf(),
            lists,
            credentials,
        })
    }

    /// Writes the state (to a temporary file renamed into place).
    pub fn save(&self) -> Result<()> {
        let lists: Vec<Value> = self
            .lists
            .iter()
            .map(|l| json!({"purpose": l.purpose.name(), "url": l.url, "length": l.length, "set": l.set}))
            .collect();
        let credentials: Map<String, Value> = self
            .credentials
            .iter()
            .map(|(id, m)| {
                let m: Map<String, Value> = m
                    .iter()
                    .map(|(p, i)| (p.name().to_string(), json!(i)))
                    .collect();
                (id.clone(), Value::Object(m))
            })
            .collect();
        let text = serde_json::to_string_pretty(
            &json!({"version": 1, "lists": lists, "credentials": credentials}),
        )? + "\n";
        let path = self.dir.join(STATE_FILE);
        let tmp = self
            .dir
            .join(format!(".{STATE_FILE}.{}", std::process::id()));
        std::fs::write(&tmp, text).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).with_context(|| format!("writing {}", path.display()))
    }

    fn used(&self, purpose: Purpose) -> BTreeSet<u64> {
        self.credentials
            .values()
            .filter_map(|m| m.get(&purpose).copied())
            .collect()
    }

    /// Gives `credential_id` a random free index in every list; returns its `credentialStatus`.
    pub fn assign(&mut self, credential_id: &str) -> Result<Value> {
        if self.credentials.contains_key(credential_id) {
            bail!("credential {credential_id} already has status entries");
        }
        let mut indexes = BTreeMap::new();
        let mut entries = Vec::new();
        for list in &self.lists {
            let used = self.used(list.purpose);
            let used_count = u64::try_from(used.len()).unwrap_or(u64::MAX);
            if used_count * 100 >= list.length * MAX_FILL_PERCENT {
                bail!(
                    "the {} list is {MAX_FILL_PERCENT}% allocated; create a new status directory (a new list) for further credentials",
                    list.purpose.name()
                );
            }
            let index = loop {
                let mut bytes = [0u8; 8];
                getrandom::fill(&mut bytes)
                    .map_err(|e| anyhow::anyhow!("no randomness from the OS: {e}"))?;
                // length ≤ 2^40 in practice, so the modulo bias is below 2^-24.
                let candidate = u64::from_le_bytes(bytes) % list.length;
                if !used.contains(&candidate) {
                    break candidate;
                }
            };
            indexes.insert(list.purpose, index);
            entries.push(json!({
                "id": format!("{}#{index}", list.url),
                "type": "BitstringStatusListEntry",
                "statusPurpose": list.purpose.name(),
                "statusListIndex": index.to_string(),
                "statusListCredential": list.url,
            }));
        }
        self.credentials.insert(credential_id.to_string(), indexes);
        Ok(match entries.len() {
            1 => entries.remove(0),
            _ => Value::Array(entries),
        })
    }

    /// Sets (or clears) the `purpose` bit of `credential_id`; returns whether it changed.
    pub fn set(&mut self, credential_id: &str, purpose: Purpose, value: bool) -> Result<bool> {
        let index = *self
            .credentials
            .get(credential_id)
            .with_context(|| {
                format!("no status entry was issued for {credential_id} from this directory")
            })?
            .get(&purpose)
            .with_context(|| format!("{credential_id} has no {} entry", purpose.name()))?;
        let list = self
            .lists
            .iter_mut()
            .find(|l| l.purpose == purpose)
            .with_context(|| format!("this directory has no {} list", purpose.name()))?;
        if !value && purpose == Purpose::Revocation && list.set.contains(&index) {
            bail!("{credential_id} is revoked, and revocation cannot be undone");
        }
        Ok(if value {
            list.set.insert(index)
        } else {
            list.set.remove(&index)
        })
    }

    /// Whether `credential_id` currently has its `purpose` bit set.
    pub fn is_set(&self, credential_id: &str, purpose: Purpose) -> bool {
        let index = self
            .credentials
            .get(credential_id)
            .and_then(|m| m.get(&purpose));
        let list = self.lists.iter().find(|l| l.purpose == purpose);
        matches!((index, list), (Some(i), Some(l)) if l.set.contains(i))
    }

    /// The signed list credentials, with the file name each must be served under (the last
    /// segment of its URL).
    pub fn publish(
        &self,
        issuer: &Issuer<'_>,
        valid_until: Option<String>,
    ) -> Result<Vec<(String, Value)>> {
        let suite = match issuer.key.key_type() {
            KeyType::Ed25519 => Suite::EddsaRdfc2022,
            KeyType::P256 => Suite::EcdsaRdfc2019,
        };
        self.lists
            .iter()
            .map(|list| {
                let length = usize::try_from(list.length / 8).context("list too long")?;
                let mut bits = vec![0u8; length];
                for index in &list.set {
                    let byte = usize::try_from(index / 8).context("index")?;
                    if let Some(b) = bits.get_mut(byte) {
                        *b |= 0x80 >> (index % 8);
                    }
                }
                let mut credential = json!({
                    "@context": [verifier_core::credential::VC_V2_CONTEXT],
                    "id": list.url,
                    "type": ["VerifiableCredential", "BitstringStatusListCredential"],
                    "issuer": issuer.did,
                    "validFrom": issuer.now.to_rfc3339(),
                    "credentialSubject": {
                        "id": format!("{}#list", list.url),
                        "type": "BitstringStatusList",
                        "statusPurpose": list.purpose.name(),
                        "encodedList": encode_list(&bits),
                    }
                });
                if let Some(until) = &valid_until {
                    credential["validUntil"] = json!(until);
                }
                let signed = issuance::sign(&credential, issuer, suite)?;
                let name = list
                    .url
                    .rsplit('/')
                    .next()
                    .filter(|n| !n.is_empty())
                    .context("list URL ends with '/'")?
                    .to_string();
                Ok((name, signed))
            })
            .collect()
    }
}
