use anyhow::{Context as _, Result};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verifier_core::trust::TrustConfig;
use verifier_core::{
    CheckId, Code, Context, Limits, Outcome, Report, Verdict, json::report_to_json,
    messages::english,
};
use verity::fetch::Fetcher;

use crate::VerifyArgs;

/// Reads `--trust` (a Verity trust.json or a DCC registry) and merges the registries it lists
/// (relative paths are relative to the trust file).
fn load_trust(path: &Path, fetcher: &mut Fetcher) -> Result<TrustConfig> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let mut trust =
        TrustConfig::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    fetcher.allow_http_loopback(trust.allow_http_loopback);
    let base = path.parent().unwrap_or(Path::new("."));
    for (url, target) in &trust.resources {
        if target.starts_with("https://") {
            fetcher.add_mirror(url, target);
        } else {
            fetcher.add_resource(url, base.join(target));
        }
    }
    for registry in trust.registries.clone() {
        let bytes = if registry.starts_with("https://") {
            fetcher.get(&registry)
        } else {
            std::fs::read(base.join(&registry)).map_err(Into::into)
        }
        .with_context(|| format!("reading the issuer registry {registry}"))?;
        trust
            .merge_registry(&bytes)
            .map_err(|e| anyhow::anyhow!("issuer registry {registry}: {e}"))?;
    }
    Ok(trust)
}

/// Expands directories into their credential files (.json, .jwt, .png, .svg; sorted), keeping files as given.
pub(crate) fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("reading {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.extension()
                        .is_some_and(|e| ["json", "jwt", "png", "svg"].iter().any(|x| e == *x))
                        && p.file_name()
                            .is_some_and(|n| n != "manifest.json" && n != "anchor.json")
                })
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// Where the documents credentials refer to come from (`--resources`, `--offline`, the
/// network), the trust configuration, and what was fetched already: a batch shares its issuer
/// and lists, so each document is fetched once per run.
pub(crate) struct Documents {
    fetcher: Fetcher,
    trust: Option<TrustConfig>,
    fetched: BTreeMap<String, Option<Vec<u8>>>,
    limits: Limits,
}

impl Documents {
    pub(crate) fn new(source: &crate::SourceArgs) -> Result<Self> {
        let (offline, trust) = (source.offline, source.trust.as_deref());
        let resources = source
            .resources
            .as_deref()
            .map(Fetcher::load_resources)
            .transpose()?
            .unwrap_or_default();
        let limits = Limits::default();
        let mut fetcher = Fetcher::new(resources, offline, limits.max_document_bytes);
        let trust = trust
            .map(|path| load_trust(path, &mut fetcher))
            .transpose()?;
        Ok(Self {
            fetcher,
            trust,
            fetched: BTreeMap::new(),
            limits,
        })
    }

    /// A context for verifying these inputs: the trust configuration and every document they
    /// need (fetched, or unavailable with a warning on stderr).
    pub(crate) fn context(&mut self, inputs: &[&[u8]]) -> Context {
        let mut ctx = Context {
            limits: self.limits.clone(),
            ..Context::default()
        };
        if let Some(trust) = &self.trust {
            trust.apply(&mut ctx);
        }
        // A status list names its issuer's key document only once it is fetched: a few rounds.
        for _ in 0..3 {
            let mut new = false;
            let needs: Vec<verifier_core::Need> = inputs
                .iter()
                .flat_map(|bytes| verifier_core::needs_with(bytes, &ctx))
                .collect();
            for need in needs {
                if ctx.documents.contains_key(&need.url) {
                    continue;
                }
                let fetcher = &mut self.fetcher;
                let doc = self.fetched.entry(need.url.clone()).or_insert_with(|| {
                    fetcher
                        .get(&need.url)
                        .map_err(|e| {
                            eprintln!("warning: {} ({}): {e:#}", need.url, need.kind.as_str());
                        })
                        .ok()
                });
                if let Some(doc) = doc {
                    ctx.documents.insert(need.url, doc.clone());
                    new = true;
                }
            }
            if !new {
                break;
            }
        }
        ctx
    }
}

pub(crate) fn run(args: &VerifyArgs) -> Result<ExitCode> {
    let now = super::now_or(args.at);
    let mut documents = Documents::new(&args.source)?;
    let files = expand(&args.files)?;
    let mut stdout = std::io::stdout().lock();
    let (mut all_valid, mut io_error) = (true, false);
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: reading {}: {e}", file.display());
                io_error = true;
                continue;
            }
        };
        let ctx = documents.context(&[&bytes]);
        let report = verifier_core::verify(&bytes, &ctx, now);
        all_valid &= report.verdict == Verdict::Valid;
        if args.json {
            let mut line = serde_json::Map::new();
            line.insert("file".into(), Value::String(file.display().to_string()));
            if let Value::Object(fields) = report_to_json(&report, &english) {
                line.extend(fields);
            }
            writeln!(stdout, "{}", Value::Object(line))?;
        } else {
            print_human(&mut stdout, file, &report)?;
        }
    }
    Ok(ExitCode::from(if io_error {
        2
    } else if all_valid {
        0
    } else {
        1
    }))
}

/// Credential text made safe for a terminal: control characters (escape sequences) and bidi
/// overrides ("Trojan Source") are shown escaped instead of being interpreted.
pub(crate) fn printable(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            let dangerous =
                c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            let shown: Vec<char> = if dangerous {
                c.escape_unicode().collect()
            } else {
                vec![c]
            };
            shown
        })
        .collect()
}

pub(crate) fn print_human(
    out: &mut impl std::io::Write,
    file: &Path,
    report: &Report,
) -> Result<()> {
    let mut line = format!(
        "{}: {}",
        file.display(),
        report.verdict.as_str().to_uppercase()
    );
    if let Some(s) = &report.summary {
        if let Some(name) = s.achievement_name.as_ref().or(s.credential_name.as_ref()) {
            line.push_str(&format!(" — {}", printable(name)));
        }
        let trust = report.checks.iter().find(|c| c.id == CheckId::Trust);
        match trust.map(|c| (c.code, c.datum("name"))) {
            Some((Code::TrustTrustedIssuer, Some(name))) => {
                line.push_str(&format!(", issued by {} (trusted)", printable(name)));
            }
            Some((Code::TrustUnknownIssuer | Code::TrustUntrustedIssuer, _)) => {
                let claimed = s.issuer_name.as_deref().unwrap_or("(no name)");
                line.push_str(&format!(
                    ", issued by an issuer NOT on the trust list, calling itself “{}”,",
                    printable(claimed)
                ));
            }
            _ => {
                if let Some(issuer) = s.issuer_name.as_ref().or(s.issuer_id.as_ref()) {
                    line.push_str(&format!(", issued by {}", printable(issuer)));
                }
            }
        }
        if let Some(recipient) = &s.recipient {
            line.push_str(&format!(" to {}", printable(recipient)));
        }
    }
    writeln!(out, "{line}")?;
    if !report.credentials.is_empty() {
        let valid = report
            .credentials
            .iter()
            .filter(|r| r.verdict == Verdict::Valid)
            .count();
        writeln!(
            out,
            "  contents: {valid} of {} bundled credentials valid",
            report.credentials.len()
        )?;
    }
    for check in report
        .checks
        .iter()
        .filter(|c| c.outcome != Outcome::Passed)
    {
        let mark = if check.outcome == Outcome::Failed {
            "✗"
        } else {
            "–"
        };
        let data: Vec<String> = check
            .data
            .iter()
            .map(|(k, v)| format!("{k}={}", printable(v)))
            .collect();
        let data = if data.is_empty() {
            String::new()
        } else {
            format!(" [{}]", data.join(", "))
        };
        writeln!(
            out,
            "  {mark} {}: {}{data}",
            check.code.as_str(),
            english(check.code)
        )?;
    }
    Ok(())
}
