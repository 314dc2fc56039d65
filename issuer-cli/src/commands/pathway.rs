//! `verity pathway check` and `verity issue --pathway`: stackable credentials.

use anyhow::{Context as _, Result, bail};
use serde_json::{Map, Value, json};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use verifier_core::json::progress_to_json;
use verifier_core::messages::english;
use verifier_core::pathway::{Claim, Pathway, Progress, Standing, Submitted, evaluate};
use verifier_core::{Limits, UnixTime};
use verity::issuance::{Issuer, Suite};
use verity::keyfile::{IssuerKey, KeyType};

use super::verify::{Documents, expand, printable};
use crate::{IssueArgs, PathwayArgs, PathwayCmd};

pub(crate) fn load_pathway(path: &Path) -> Result<Pathway> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Pathway::parse(&bytes, &Limits::default())
        .map_err(|e| anyhow::anyhow!("{}: not a usable pathway: {e}", path.display()))
}

fn parse_learners(given: &[String]) -> Result<Vec<Claim>> {
    given
        .iter()
        .map(|s| {
            Claim::parse_learner(s).with_context(|| {
                format!("--learner '{s}': expected TYPE:VALUE (emailAddress:alice@example.edu) or a subject id (did:…)")
            })
        })
        .collect()
}

/// Reads files and evaluates them, each labelled by its path.
fn evaluate_files(
    pathway: &Pathway,
    files: &[PathBuf],
    learner: &[Claim],
    documents: &mut Documents,
    now: UnixTime,
) -> Result<Progress> {
    let mut inputs = Vec::with_capacity(files.len());
    for file in files {
        let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        inputs.push((file.display().to_string(), bytes));
    }
    let all: Vec<&[u8]> = inputs.iter().map(|(_, b)| b.as_slice()).collect();
    let ctx = documents.context(&all);
    let submitted: Vec<Submitted<'_>> = inputs
        .iter()
        .map(|(label, bytes)| Submitted { label, bytes })
        .collect();
    Ok(evaluate(pathway, &submitted, learner, &ctx, now))
}

pub(crate) fn run(args: &PathwayArgs) -> Result<ExitCode> {
    match &args.cmd {
        PathwayCmd::Check {
            pathway,
            learner,
            json,
            at,
            source,
            files,
        } => {
            let pathway = load_pathway(pathway)?;
            let learner = parse_learners(learner)?;
            let mut documents = Documents::new(source)?;
            let files = expand(files)?;
            let progress = evaluate_files(
                &pathway,
                &files,
                &learner,
                &mut documents,
                super::now_or(*at),
            )?;
            let mut out = std::io::stdout().lock();
            if *json {
                writeln!(out, "{}", progress_to_json(&progress, &english))?;
            } else {
                print_progress(&mut out, &progress)?;
            }
            Ok(ExitCode::from(if progress.complete { 0 } else { 1 }))
        }
    }
}

fn credits(x: f64) -> String {
    // serde_json's shortest round-trip form (ryu), without core's larger float formatting.
    let s = serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string());
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

fn standing_text(s: Standing) -> &'static str {
    match s {
        Standing::Counted => "counts",
        Standing::Bundle => "bundle",
        Standing::NotValid => "does not count: not valid",
        Standing::OtherLearner => "does not count: another learner's",
        Standing::IssuerNotAccepted => "does not count: issuer not accepted by the pathway",
        Standing::NotInPathway => "does not count: not part of this pathway",
        Standing::Duplicate => "does not count: duplicate",
    }
}

/// The requirement lines and what is missing, as a person reads them.
pub(crate) fn missing_lines(progress: &Progress) -> Vec<String> {
    progress
        .requirements
        .iter()
        .filter(|r| !r.met)
        .map(|r| {
            let name = r.name.as_deref().unwrap_or(&r.id);
            let missing: Vec<String> = r
                .blocks
                .iter()
                .filter(|(_, e)| e.is_none())
                .map(|(b, _)| printable(b.name.as_deref().unwrap_or(&b.achievement)))
                .collect();
            match r.kind {
                "minCredits" => format!(
                    "{}: {} of {} credits",
                    printable(name),
                    credits(r.achieved),
                    credits(r.required)
                ),
                "nOf" => format!(
                    "{}: {} more of {}",
                    printable(name),
                    credits(r.required - r.achieved),
                    missing.join(", ")
                ),
                _ => format!("{}: missing {}", printable(name), missing.join(", ")),
            }
        })
        .collect()
}

fn print_progress(out: &mut impl std::io::Write, p: &Progress) -> Result<()> {
    let met = p.requirements.iter().filter(|r| r.met).count();
    writeln!(
        out,
        "{}: {} — {met} of {} requirements met, {} credits",
        printable(&p.name),
        if p.complete { "COMPLETE" } else { "INCOMPLETE" },
        p.requirements.len(),
        credits(p.credits)
    )?;
    if let Some(learner) = &p.learner {
        writeln!(out, "learner: {}", printable(learner))?;
    }
    for r in &p.requirements {
        let mark = if r.met { "✓" } else { "✗" };
        let amount = if r.kind == "minCredits" {
            format!("{} / {} credits", credits(r.achieved), credits(r.required))
        } else {
            format!("{} / {}", credits(r.achieved), credits(r.required))
        };
        writeln!(
            out,
            "  {mark} {} ({amount})",
            printable(r.name.as_deref().unwrap_or(&r.id))
        )?;
        for (b, earned) in &r.blocks {
            let name = printable(b.name.as_deref().unwrap_or(&b.achievement));
            match earned.and_then(|i| p.entries.get(i)) {
                Some(e) => writeln!(out, "      ✓ {name} — {}", printable(&e.label))?,
                None => writeln!(out, "      · {name} — missing")?,
            }
        }
    }
    writeln!(out, "credentials:")?;
    for e in &p.entries {
        let mut line = format!("  {}: {}", printable(&e.label), standing_text(e.standing));
        if e.standing == Standing::NotValid {
            line.push_str(&format!(" ({})", e.report.verdict.as_str()));
            if let Some(c) = e.report.first_failure() {
                line.push_str(&format!(", {}", c.code.as_str()));
            }
        }
        if !e.meets.is_empty() {
            line.push_str(&format!(" → {}", e.meets.join(", ")));
        }
        writeln!(out, "{line}")?;
    }
    if p.truncated {
        writeln!(
            out,
            "(stopped after {} credentials)",
            verifier_core::pathway::MAX_CREDENTIALS
        )?;
    }
    Ok(())
}

/// One learner's evidence: a directory of credentials or a single file (a CLR bundle).
fn learners(dir: &Path) -> Result<Vec<(String, Vec<PathBuf>)>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_dir()
                || p.extension()
                    .is_some_and(|e| ["json", "jwt", "png", "svg"].iter().any(|x| e == *x))
        })
        .collect();
    entries.sort();
    let mut out = Vec::new();
    for entry in entries {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let files = expand(core::slice::from_ref(&entry))?;
        out.push((name, files));
    }
    Ok(out)
}

/// The degree credential for a learner who completed the pathway, the blocks as its evidence.
fn degree(
    pathway: &Pathway,
    progress: &Progress,
    issuer: &Issuer<'_>,
    name: Option<&str>,
) -> Result<Value> {
    let mut subject = Map::new();
    subject.insert("type".into(), json!(["AchievementSubject"]));
    subject.extend(progress.subject.clone()); // id, identifier, name as the blocks have them
    if !subject.contains_key("id") && !subject.contains_key("identifier") {
        bail!("the learner's blocks name no subject id or identifier to issue the degree to");
    }
    subject.insert(
        "achievement".into(),
        Value::Object(pathway.achievement.clone()),
    );
    if progress.credits > 0.0 {
        subject.insert("creditsEarned".into(), json!(progress.credits));
    }
    let evidence: Vec<Value> = progress
        .entries
        .iter()
        .filter(|e| e.standing == Standing::Counted)
        .map(|e| {
            let s = e.report.summary.as_ref();
            let mut ev = json!({
                "type": ["Evidence"],
                "name": s.and_then(|s| s.achievement_name.clone()),
                "description": format!("Block credential for {}, verified when the degree was issued", e.achievement.as_deref().unwrap_or("")),
                "genre": "Credential",
            });
            if let Some(id) = s.and_then(|s| s.credential_id.clone()) {
                ev["id"] = Value::String(id);
            }
            ev
        })
        .collect();
    let mut profile = json!({ "id": issuer.did, "type": ["Profile"] });
    if let Some(name) = name {
        profile["name"] = Value::String(name.to_string());
    }
    Ok(json!({
        "@context": [
            verifier_core::credential::VC_V2_CONTEXT,
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": verity::issuance::uuid_urn()?,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": pathway.achievement.get("name").cloned().unwrap_or(Value::Null),
        "issuer": profile,
        "validFrom": issuer.now.to_rfc3339(),
        "credentialSubject": subject,
        "evidence": evidence,
    }))
}

/// `verity issue --pathway P --evidence DIR`: a degree for each learner whose blocks are all there.
/// Exit 0 when every learner got one, 1 when some did not (they are listed), 2 on errors.
pub(crate) fn issue(args: &IssueArgs, pathway_path: &Path, evidence: &Path) -> Result<ExitCode> {
    let pathway = load_pathway(pathway_path)?;
    let key = IssuerKey::load(&args.key)?;
    let did = args.did.clone().unwrap_or_else(|| key.default_did());
    key.verification_method(&did)?;
    let suite = args.suite.unwrap_or(match key.key_type() {
        KeyType::Ed25519 => Suite::EddsaRdfc2022,
        KeyType::P256 => Suite::EcdsaRdfc2019,
    });
    if args.format != verity::issuance::OutputFormat::Json
        || args.x5c.is_some()
        || args.status_list.is_some()
    {
        bail!(
            "--pathway issues JSON credentials with an embedded proof; --format jwt, --x5c and --status-list do not apply"
        );
    }
    let now = super::now_or(args.at);
    let issuer = Issuer {
        key: &key,
        did,
        now,
        x5c: Vec::new(),
    };
    let mut documents = Documents::new(&args.source)?;
    let mut issued = Vec::new();
    let mut incomplete = 0usize;
    for (learner, files) in learners(evidence)? {
        if files.is_empty() {
            eprintln!("{learner}: no credentials");
            incomplete += 1;
            continue;
        }
        let progress = evaluate_files(&pathway, &files, &[], &mut documents, now)?;
        let who = progress
            .learner
            .as_deref()
            .map(printable)
            .unwrap_or_else(|| learner.clone());
        if !progress.complete {
            incomplete += 1;
            eprintln!("{learner} ({who}): not issued, the pathway is incomplete");
            for line in missing_lines(&progress) {
                eprintln!("    {line}");
            }
            for e in progress
                .entries
                .iter()
                .filter(|e| !matches!(e.standing, Standing::Counted | Standing::Bundle))
            {
                let why = e
                    .report
                    .first_failure()
                    .map(|c| c.code.as_str())
                    .unwrap_or("");
                eprintln!("    {}: {} {why}", printable(&e.label), e.standing.as_str());
            }
            continue;
        }
        let unsigned = degree(&pathway, &progress, &issuer, args.issuer_name.as_deref())
            .with_context(|| learner.clone())?;
        let signed = verity::issuance::sign(&unsigned, &issuer, suite)?;
        let text = serde_json::to_string_pretty(&signed)? + "\n";
        verity::issuance::self_check_signed(text.as_bytes(), &issuer)
            .with_context(|| format!("{learner}: the degree credential"))?;
        if !args.quiet {
            eprintln!("{learner} ({who}): complete, degree issued");
        }
        issued.push(super::issue::Secured {
            credential: signed,
            text,
            extension: "json",
            learner: Some(learner),
        });
    }
    if issued.is_empty() {
        eprintln!("no learner completed the pathway: nothing issued");
    } else {
        super::issue::write_all(&args.out, &issued)?;
        if !args.quiet {
            eprintln!(
                "issued {} degree credential(s) as {} into {}",
                issued.len(),
                issuer.did,
                args.out.display()
            );
        }
    }
    Ok(ExitCode::from(if incomplete == 0 { 0 } else { 1 }))
}
