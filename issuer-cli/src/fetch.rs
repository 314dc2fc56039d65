//! Fetching what credentials point to (DID documents, status lists, issuer registries): first
//! from a local `--resources` map, then over https with a timeout and a size limit, never when
//! `--offline`.

use anyhow::{Context as _, Result, bail};
use core::time::Duration;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// How documents are obtained.
#[derive(Debug)]
pub struct Fetcher {
    resources: BTreeMap<String, PathBuf>,
    mirrors: BTreeMap<String, String>,
    offline: bool,
    allow_http_loopback: bool,
    max_bytes: usize,
    agent: ureq::Agent,
    loopback_agent: ureq::Agent,
}

impl Fetcher {
    /// A fetcher reading `resources` first; `offline` forbids the network; `max_bytes` bounds
    /// every document. Requests time out after 10 s in total.
    pub fn new(resources: BTreeMap<String, PathBuf>, offline: bool, max_bytes: usize) -> Self {
        let agent = |https_only: bool, redirects: u32| {
            ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(10)))
                .max_redirects(redirects)
                .https_only(https_only)
                .http_status_as_error(false)
                .user_agent(concat!("verity/", env!("CARGO_PKG_VERSION")))
                .build()
                .new_agent()
        };
        Self {
            resources,
            mirrors: BTreeMap::new(),
            offline,
            allow_http_loopback: false,
            max_bytes,
            agent: agent(true, 3),
            // Plain http to this machine only, and no redirects away from it.
            loopback_agent: agent(false, 0),
        }
    }

    /// Lets `https://127.0.0.1…`, `https://localhost…` and `https://[::1]…` be fetched over plain
    /// http (a test setting from `trust.json`: a local server needs no certificate).
    pub fn allow_http_loopback(&mut self, allow: bool) {
        self.allow_http_loopback = allow;
    }

    /// Reads `url` from a local file (unless `--resources` already maps it).
    pub fn add_resource(&mut self, url: &str, path: PathBuf) {
        self.resources.entry(url.to_string()).or_insert(path);
    }

    /// Fetches `mirror` whenever `url` is asked for.
    pub fn add_mirror(&mut self, url: &str, mirror: &str) {
        self.mirrors.insert(url.to_string(), mirror.to_string());
    }

    /// Reads `--resources` (a JSON map URL → path, paths relative to the map).
    pub fn load_resources(map: &Path) -> Result<BTreeMap<String, PathBuf>> {
        let text =
            std::fs::read_to_string(map).with_context(|| format!("reading {}", map.display()))?;
        let value: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", map.display()))?;
        let base = map.parent().unwrap_or(Path::new("."));
        let Value::Object(entries) = value else {
            bail!("{} must be a JSON object of URL → file", map.display())
        };
        entries
            .into_iter()
            .map(|(url, path)| match path {
                Value::String(p) => Ok((url, base.join(p))),
                _ => bail!("{}: the value for {url} must be a file path", map.display()),
            })
            .collect()
    }

    /// The document at `url`; the error says why in words.
    pub fn get(&self, url: &str) -> Result<Vec<u8>> {
        if let Some(path) = self.resources.get(url) {
            return std::fs::read(path)
                .with_context(|| format!("reading {} (resource for {url})", path.display()));
        }
        if self.offline {
            bail!("not in --resources, and --offline forbids fetching it");
        }
        let url = self.mirrors.get(url).map_or(url, String::as_str);
        let target = self.network_url(url)?;
        let agent = if target.starts_with("http://") {
            &self.loopback_agent
        } else {
            &self.agent
        };
        let response = agent
            .get(&target)
            .call()
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        let status = response.status();
        if !status.is_success() {
            bail!("the server answered {status}");
        }
        let mut body = Vec::new();
        response
            .into_body()
            .into_reader()
            .take(u64::try_from(self.max_bytes).unwrap_or(u64::MAX) + 1)
            .read_to_end(&mut body)
            .context("reading the response")?;
        if body.len() > self.max_bytes {
            bail!("the document is larger than {} bytes", self.max_bytes);
        }
        Ok(body)
    }

    fn network_url(&self, url: &str) -> Result<String> {
        let Some(rest) = url.strip_prefix("https://") else {
            bail!("only https documents are fetched");
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        let hostname = host
            .rsplit_once(':')
            .filter(|(h, port)| !h.is_empty() && port.bytes().all(|b| b.is_ascii_digit()))
            .map_or(host, |(h, _)| h);
        let loopback = matches!(hostname, "127.0.0.1" | "localhost" | "[::1]");
        Ok(if loopback && self.allow_http_loopback {
            format!("http://{rest}")
        } else {
            url.to_string()
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn loopback_http_only_when_allowed() {
        let mut f = Fetcher::new(BTreeMap::new(), false, 10);
        assert_eq!(
            f.network_url("https://127.0.0.1:8080/x").unwrap(),
            "https://127.0.0.1:8080/x"
        );
        f.allow_http_loopback(true);
        assert_eq!(
            f.network_url("https://127.0.0.1:8080/x").unwrap(),
            "http://127.0.0.1:8080/x"
        );
        assert_eq!(
            f.network_url("https://localhost/.well-known/did.json")
                .unwrap(),
            "http://localhost/.well-known/did.json"
        );
        assert_eq!(
            f.network_url("https://127.0.0.1.evil.example/x").unwrap(),
            "https://127.0.0.1.evil.example/x"
        );
        assert!(f.network_url("http://example.org/").is_err());
    }
}
