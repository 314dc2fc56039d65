//! Pathways: independent, verifiable blocks that add up to a degree.
//!
//! A pathway document names a target achievement (an Open Badges 3.0 `Achievement`, awarded when
//! the pathway is complete) and its requirements. [`evaluate`] verifies each credential a learner
//! hands over in full (CLR 2.0 bundles are opened and each credential in them verified), makes
//! sure they all belong to the same learner, and says which requirement each block meets, what is
//! missing, and whether the pathway is complete.
//!
//! ```json
//! { "type": "VerityPathway", "version": 1,
//!   "id": "https://eng.example.edu/pathways/meng", "name": "Master of Engineering",
//!   "achievement": { "id": "https://eng.example.edu/achievements/meng", "type": ["Achievement"],
//!                    "achievementType": "Degree", "name": "Master of Engineering",
//!                    "description": "…", "criteria": { "narrative": "…" }, "creditsAvailable": 60 },
//!   "requirements": [
//!     { "id": "core", "name": "Core blocks", "allOf": ["https://eng.example.edu/blocks/statics", …] },
//!     { "id": "elective", "name": "One elective", "nOf": 1, "of": [{ "id": "…", "name": "…" }, …] },
//!     { "id": "credits", "name": "60 ECTS", "minCredits": 60 } ],
//!   "constraints": { "acceptExpired": false, "requireTrustedIssuer": false,
//!                    "issuers": ["did:web:eng.example.edu"] } }
//! ```
//!
//! Blocks are matched by the id of the achievement they award (`credentialSubject.achievement.id`).
//! Credits come from the credential (`credentialSubject.creditsEarned`), else from its achievement
//! (`creditsAvailable`), else from the pathway's own entry for that block (`creditsAvailable`).
//! A `minCredits` requirement without `of` counts every block the pathway names.
//!
//! The learner is the one who holds most of the valid blocks, unless the caller names them
//! ([`Claim`]s: a subject id or plaintext identifiers, which also unlock salted hashed identifiers,
//! `identityHash = "sha256$" + hex(SHA-256(value ‖ salt))`, OB 3.0 `IdentityObject`). Every other
//! credential is reported with why it does not count: not valid, another learner, an issuer the
//! pathway does not accept, not part of the pathway, or a duplicate.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::report::{Code, Report, Verdict};
use crate::{Context, UnixTime, credential};

/// The document `type`.
pub const PATHWAY_TYPE: &str = "VerityPathway";
/// The document version this build reads.
pub const PATHWAY_VERSION: u64 = 1;
/// Most requirements in one pathway.
pub const MAX_REQUIREMENTS: usize = 64;
/// Most blocks named by one pathway (all requirements together).
pub const MAX_BLOCKS: usize = 1024;
/// Most credentials evaluated against a pathway at once (bundles' contents included).
pub const MAX_CREDENTIALS: usize = 256;

/// A parsed pathway document.
#[derive(Clone, Debug, PartialEq)]
pub struct Pathway {
    /// Its id (a URI).
    pub id: String,
    /// Its name.
    pub name: String,
    /// The achievement awarded once the pathway is complete (an OB 3.0 `Achievement`).
    pub achievement: Map<String, Value>,
    /// What must be met, all of it.
    pub requirements: Vec<Requirement>,
    /// What a block must satisfy to count.
    pub constraints: Constraints,
}

/// One requirement of a pathway.
#[derive(Clone, Debug, PartialEq)]
pub struct Requirement {
    /// Its id, unique in the pathway.
    pub id: String,
    /// Its name for display.
    pub name: Option<String>,
    /// The rule.
    pub rule: Rule,
}

/// What a requirement asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// Every one of these blocks.
    AllOf(Vec<Block>),
    /// At least `n` different blocks among these.
    NOf {
        /// How many.
        n: usize,
        /// Among which.
        of: Vec<Block>,
    },
    /// At least this many credits from these blocks (empty: from any block of the pathway).
    MinCredits {
        /// The minimum total.
        credits: f64,
        /// Which blocks count.
        of: Vec<Block>,
    },
}

impl Rule {
    /// `allOf`, `nOf` or `minCredits`.
    pub const fn kind(&self) -> &'static str {
        match self {
            Self::AllOf(_) => "allOf",
            Self::NOf { .. } => "nOf",
            Self::MinCredits { .. } => "minCredits",
        }
    }

    fn blocks(&self) -> &[Block] {
        match self {
            Self::AllOf(of) | Self::NOf { of, .. } | Self::MinCredits { of, .. } => of,
        }
    }
}

/// A block a requirement names: an achievement, by id.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The achievement's id.
    pub achievement: String,
    /// Its name for display.
    pub name: Option<String>,
    /// Credits it carries when the credential says none.
    pub credits: Option<f64>,
}

/// What a block must satisfy to count, besides verifying.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Constraints {
    /// Count blocks past their `validUntil` (still authentic, not revoked). Default false.
    pub accept_expired: bool,
    /// Count only blocks whose issuer is on the verifier's trust list. Default false.
    pub require_trusted_issuer: bool,
    /// Count only blocks issued by these ids (empty: any issuer).
    pub issuers: Vec<String>,
}

/// Why a pathway document was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathwayError {
    /// Where in the document (`requirements[2].nOf`), empty for the whole.
    pub path: String,
    /// What is wrong.
    pub reason: String,
}

impl fmt::Display for PathwayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.reason)
        } else {
            write!(f, "{}: {}", self.path, self.reason)
        }
    }
}

impl core::error::Error for PathwayError {}

fn err(path: impl Into<String>, reason: impl Into<String>) -> PathwayError {
    PathwayError {
        path: path.into(),
        reason: reason.into(),
    }
}

fn text(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(ToString::to_string)
}

fn number(v: &Value, path: &str) -> Result<f64, PathwayError> {
    match v.as_f64() {
        Some(x) if x.is_finite() && x >= 0.0 => Ok(x),
        _ => Err(err(path, "expected a number of at least 0")),
    }
}

fn parse_blocks(v: Option<&Value>, path: &str) -> Result<Vec<Block>, PathwayError> {
    let Some(Value::Array(items)) = v else {
        return Err(err(path, "expected a list of achievement ids"));
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = alloc::format!("{path}[{i}]");
        let block = match item {
            Value::String(id) => Block {
                achievement: id.clone(),
                name: None,
                credits: None,
            },
            Value::Object(o) => Block {
                achievement: text(o.get("id")).ok_or_else(|| err(&at, "a block needs an id"))?,
                name: text(o.get("name")),
                credits: o
                    .get("creditsAvailable")
                    .map(|c| number(c, &alloc::format!("{at}.creditsAvailable")))
                    .transpose()?,
            },
            _ => return Err(err(at, "expected an achievement id or {\"id\": …}")),
        };
        if block.achievement.is_empty() {
            return Err(err(at, "empty achievement id"));
        }
        out.push(block);
    }
    Ok(out)
}

impl Pathway {
    /// Parses a pathway document (JSON), refusing anything ambiguous with a clear error.
    pub fn parse(bytes: &[u8], limits: &crate::Limits) -> Result<Self, PathwayError> {
        if bytes.len() > limits.max_document_bytes {
            return Err(err(
                "",
                alloc::format!(
                    "the document is larger than {} bytes",
                    limits.max_document_bytes
                ),
            ));
        }
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| err("", alloc::format!("not JSON: {e}")))?;
        let Value::Object(doc) = value else {
            return Err(err("", "expected a JSON object"));
        };
        if doc.get("type").and_then(Value::as_str) != Some(PATHWAY_TYPE) {
            return Err(err("type", alloc::format!("expected \"{PATHWAY_TYPE}\"")));
        }
        match doc.get("version").and_then(Value::as_u64) {
            Some(PATHWAY_VERSION) => {}
            Some(v) => {
                return Err(err(
                    "version",
                    alloc::format!(
                        "version {v} is not supported (this build reads {PATHWAY_VERSION})"
                    ),
                ));
            }
            None => return Err(err("version", "expected a version number")),
        }
        let id = text(doc.get("id")).ok_or_else(|| err("id", "required"))?;
        let Some(Value::Object(achievement)) = doc.get("achievement") else {
            return Err(err(
                "achievement",
                "an Open Badges 3.0 Achievement object is required",
            ));
        };
        for field in ["id", "name"] {
            if text(achievement.get(field)).is_none() {
                return Err(err(alloc::format!("achievement.{field}"), "required"));
            }
        }
        let name = text(doc.get("name"))
            .or_else(|| text(achievement.get("name")))
            .unwrap_or_default();
        let Some(Value::Array(items)) = doc.get("requirements") else {
            return Err(err("requirements", "expected a list"));
        };
        if items.is_empty() {
            return Err(err(
                "requirements",
                "a pathway needs at least one requirement",
            ));
        }
        if items.len() > MAX_REQUIREMENTS {
            return Err(err(
                "requirements",
                alloc::format!("more than {MAX_REQUIREMENTS}"),
            ));
        }
        let mut requirements: Vec<Requirement> = Vec::with_capacity(items.len());
        let mut total_blocks = 0usize;
        for (i, item) in items.iter().enumerate() {
            let at = alloc::format!("requirements[{i}]");
            let Value::Object(r) = item else {
                return Err(err(at, "expected an object"));
            };
            let rid =
                text(r.get("id")).ok_or_else(|| err(alloc::format!("{at}.id"), "required"))?;
            if requirements.iter().any(|q| q.id == rid) {
                return Err(err(alloc::format!("{at}.id"), "duplicate requirement id"));
            }
            let rules = ["allOf", "nOf", "minCredits"]
                .iter()
                .filter(|k| r.contains_key(**k))
                .count();
            if rules != 1 {
                return Err(err(
                    at,
                    "needs exactly one of allOf, nOf (with of), minCredits",
                ));
            }
            let rule = if r.contains_key("allOf") {
                let of = parse_blocks(r.get("allOf"), &alloc::format!("{at}.allOf"))?;
                if of.is_empty() {
                    return Err(err(alloc::format!("{at}.allOf"), "empty"));
                }
                Rule::AllOf(of)
            } else if let Some(n) = r.get("nOf") {
                let of = parse_blocks(r.get("of"), &alloc::format!("{at}.of"))?;
                let n = n
                    .as_u64()
                    .and_then(|n| usize::try_from(n).ok())
                    .filter(|n| *n >= 1 && *n <= of.len())
                    .ok_or_else(|| {
                        err(
                            alloc::format!("{at}.nOf"),
                            "expected a whole number from 1 to the length of of",
                        )
                    })?;
                Rule::NOf { n, of }
            } else {
                let credits = number(
                    r.get("minCredits").unwrap_or(&Value::Null),
                    &alloc::format!("{at}.minCredits"),
                )?;
                let of = match r.get("of") {
                    None => Vec::new(),
                    some => parse_blocks(some, &alloc::format!("{at}.of"))?,
                };
                Rule::MinCredits { credits, of }
            };
            total_blocks = total_blocks.saturating_add(rule.blocks().len());
            if total_blocks > MAX_BLOCKS {
                return Err(err(
                    "requirements",
                    alloc::format!("more than {MAX_BLOCKS} blocks"),
                ));
            }
            requirements.push(Requirement {
                id: rid,
                name: text(r.get("name")),
                rule,
            });
        }
        let constraints = match doc.get("constraints") {
            None => Constraints::default(),
            Some(Value::Object(c)) => {
                let flag = |k: &str| match c.get(k) {
                    None => Ok(false),
                    Some(Value::Bool(b)) => Ok(*b),
                    Some(_) => Err(err(
                        alloc::format!("constraints.{k}"),
                        "expected true or false",
                    )),
                };
                let issuers = match c.get("issuers") {
                    None => Vec::new(),
                    Some(Value::Array(items)) => items
                        .iter()
                        .map(|i| {
                            i.as_str()
                                .map(ToString::to_string)
                                .ok_or_else(|| err("constraints.issuers", "expected issuer ids"))
                        })
                        .collect::<Result<_, _>>()?,
                    Some(_) => return Err(err("constraints.issuers", "expected a list")),
                };
                Constraints {
                    accept_expired: flag("acceptExpired")?,
                    require_trusted_issuer: flag("requireTrustedIssuer")?,
                    issuers,
                }
            }
            Some(_) => return Err(err("constraints", "expected an object")),
        };
        Ok(Self {
            id,
            name,
            achievement: achievement.clone(),
            requirements,
            constraints,
        })
    }

    /// Whether the pathway names this achievement in any requirement.
    fn names(&self, achievement: &str) -> Option<&Block> {
        self.requirements
            .iter()
            .flat_map(|r| r.rule.blocks())
            .find(|b| b.achievement == achievement)
    }
}

/// One way a credential names its subject (OB 3.0 `AchievementSubject` `id` and `identifier`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// `credentialSubject.id` (a DID or URI).
    Id(String),
    /// An identifier in plain text (`identityType`, `identityHash`).
    Plain {
        /// `emailAddress`, `studentId`, …
        kind: String,
        /// The value.
        value: String,
    },
    /// A hashed identifier: `sha256$…` over the value and the salt.
    Hashed {
        /// `emailAddress`, `studentId`, …
        kind: String,
        /// The lower-case hex SHA-256.
        hash: String,
        /// The salt appended before hashing.
        salt: String,
    },
}

impl Claim {
    /// Reads a learner given on a command line or in a form: `emailAddress:alice@example.edu`
    /// (an identifier type, a colon, the value) or a subject id (`did:…`, `urn:…`, `https://…`).
    pub fn parse_learner(s: &str) -> Option<Self> {
        let s = s.trim();
        if s.starts_with("did:") || s.starts_with("urn:") || s.starts_with("https://") {
            return Some(Self::Id(s.into()));
        }
        let (kind, value) = s.split_once(':')?;
        (!kind.is_empty() && !value.is_empty()).then(|| Self::Plain {
            kind: kind.into(),
            value: value.into(),
        })
    }

    fn plain_matches(kind: &str, a: &str, b: &str) -> bool {
        if kind == "emailAddress" {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    }

    fn hash_matches(value: &str, hash: &str, salt: &str) -> bool {
        let digest = Sha256::new()
            .chain_update(value.as_bytes())
            .chain_update(salt.as_bytes())
            .finalize();
        let hex: String = digest.iter().map(|b| alloc::format!("{b:02x}")).collect();
        hex == hash
    }

    /// Whether the two claims name the same learner.
    pub fn matches(&self, other: &Claim) -> bool {
        match (self, other) {
            (Self::Id(a), Self::Id(b)) => a == b,
            (Self::Plain { kind: k, value: a }, Self::Plain { kind: l, value: b }) => {
                k == l && Self::plain_matches(k, a, b)
            }
            (
                Self::Plain { kind, value },
                Self::Hashed {
                    kind: k,
                    hash,
                    salt,
                    ..
                },
            )
            | (
                Self::Hashed {
                    kind: k,
                    hash,
                    salt,
                    ..
                },
                Self::Plain { kind, value },
            ) => kind == k && Self::hash_matches(value, hash, salt),
            (
                Self::Hashed {
                    kind: k,
                    hash: a,
                    salt: s,
                },
                Self::Hashed {
                    kind: l,
                    hash: b,
                    salt: t,
                },
            ) => k == l && s == t && a == b,
            _ => false,
        }
    }
}

/// The subject claims of a credential document (`credentialSubject.id`, `identifier`).
pub fn subject_claims(doc: &Map<String, Value>) -> Vec<Claim> {
    let subject = match doc.get("credentialSubject") {
        Some(Value::Array(items)) => items.first().and_then(Value::as_object),
        Some(v) => v.as_object(),
        None => None,
    };
    let Some(subject) = subject else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(id) = text(subject.get("id")) {
        out.push(Claim::Id(id));
    }
    let identifiers: Vec<&Value> = match subject.get("identifier") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => alloc::vec![v],
        None => Vec::new(),
    };
    for i in identifiers.into_iter().filter_map(Value::as_object) {
        let (Some(kind), Some(value)) = (text(i.get("identityType")), text(i.get("identityHash")))
        else {
            continue;
        };
        if i.get("hashed").and_then(Value::as_bool) == Some(true) {
            // Only SHA-256 can be matched; an MD5 identifier is not a claim this verifier uses.
            if let Some(hash) = value.strip_prefix("sha256$") {
                out.push(Claim::Hashed {
                    kind,
                    hash: hash.to_ascii_lowercase(),
                    salt: text(i.get("salt")).unwrap_or_default(),
                });
            }
        } else {
            out.push(Claim::Plain { kind, value });
        }
    }
    out
}

fn same_learner(a: &[Claim], b: &[Claim]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.matches(y)))
}

/// A credential handed over for a pathway, by a label the caller chooses (a file name).
#[derive(Clone, Copy, Debug)]
pub struct Submitted<'a> {
    /// How the caller refers to it.
    pub label: &'a str,
    /// Its bytes (JSON, JWT, a baked image, or a CLR bundle).
    pub bytes: &'a [u8],
}

/// Why a credential counts or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// It meets one or more requirements.
    Counted,
    /// A bundle (CLR): its credentials are listed after it, each with its own standing.
    Bundle,
    /// It does not verify (its verdict says how).
    NotValid,
    /// It belongs to another learner, or names no learner that links it to this one.
    OtherLearner,
    /// Its issuer is not one the pathway accepts.
    IssuerNotAccepted,
    /// The pathway does not name its achievement.
    NotInPathway,
    /// Another credential already counts for the same achievement.
    Duplicate,
}

impl Standing {
    /// Stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Counted => "counted",
            Self::Bundle => "bundle",
            Self::NotValid => "not_valid",
            Self::OtherLearner => "other_learner",
            Self::IssuerNotAccepted => "issuer_not_accepted",
            Self::NotInPathway => "not_in_pathway",
            Self::Duplicate => "duplicate",
        }
    }
}

/// One credential, verified, with its standing in the pathway.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The caller's label; a bundle's credentials get `label#index`.
    pub label: String,
    /// Its full verification report.
    pub report: Report,
    /// The achievement it awards.
    pub achievement: Option<String>,
    /// The credits it carries.
    pub credits: Option<f64>,
    /// Whether and why it counts.
    pub standing: Standing,
    /// The requirements it helps meet.
    pub meets: Vec<String>,
}

/// Where one requirement stands.
#[derive(Clone, Debug, PartialEq)]
pub struct RequirementProgress {
    /// The requirement's id.
    pub id: String,
    /// Its name.
    pub name: Option<String>,
    /// `allOf`, `nOf` or `minCredits`.
    pub kind: &'static str,
    /// Whether it is met.
    pub met: bool,
    /// How much is required: blocks, or credits.
    pub required: f64,
    /// How much the learner has.
    pub achieved: f64,
    /// The blocks it names, each with the entry (index into [`Progress::entries`]) that earns it.
    pub blocks: Vec<(Block, Option<usize>)>,
}

/// The result of [`evaluate`].
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// The pathway's id.
    pub pathway: String,
    /// The pathway's name.
    pub name: String,
    /// Every requirement is met.
    pub complete: bool,
    /// The learner, for display (a name, an identifier or an id from their credentials).
    pub learner: Option<String>,
    /// The learner's subject as the counted blocks name it (`id`, `identifier`), for issuing the
    /// degree to the same subject.
    pub subject: Map<String, Value>,
    /// Total credits of the counted blocks.
    pub credits: f64,
    /// Each requirement, in the pathway's order.
    pub requirements: Vec<RequirementProgress>,
    /// Each credential handed over (bundles followed by their contents).
    pub entries: Vec<Entry>,
    /// Something made the evaluation stop short (more than [`MAX_CREDENTIALS`]).
    pub truncated: bool,
}

struct Candidate {
    entry: Entry,
    claims: Vec<Claim>,
    issuer: Option<String>,
    trusted: bool,
    subject: Map<String, Value>,
}

fn subject_of(doc: &Map<String, Value>) -> Option<&Map<String, Value>> {
    match doc.get("credentialSubject") {
        Some(Value::Array(items)) => items.first(),
        other => other,
    }
    .and_then(Value::as_object)
}

fn credits_of(doc: &Map<String, Value>) -> Option<f64> {
    let subject = subject_of(doc)?;
    let credits = |v: Option<&Value>| {
        v.and_then(Value::as_f64)
            .filter(|c| c.is_finite() && *c >= 0.0)
    };
    credits(subject.get("creditsEarned")).or_else(|| {
        credits(
            subject
                .get("achievement")
                .and_then(|a| a.get("creditsAvailable")),
        )
    })
}

fn candidate(label: String, verified: crate::Verified) -> (Candidate, Vec<crate::Verified>) {
    let crate::Verified {
        report,
        doc,
        nested,
    } = verified;
    let doc = doc.unwrap_or_default();
    let summary = report.summary.as_ref();
    let achievement = summary.and_then(|s| s.achievement_id.clone());
    let issuer = summary.and_then(|s| s.issuer_id.clone());
    let bundle = credential::types(doc.get("type")).contains(&"ClrCredential");
    let trusted = report
        .checks
        .iter()
        .any(|c| c.code == Code::TrustTrustedIssuer);
    let mut subject = Map::new();
    if let Some(s) = subject_of(&doc) {
        for k in ["id", "identifier", "name"] {
            if let Some(v) = s.get(k) {
                subject.insert(k.into(), v.clone());
            }
        }
    }
    let candidate = Candidate {
        claims: subject_claims(&doc),
        entry: Entry {
            label,
            report,
            achievement,
            credits: credits_of(&doc),
            standing: if bundle {
                Standing::Bundle
            } else {
                Standing::NotValid
            },
            meets: Vec::new(),
        },
        issuer,
        trusted,
        subject,
    };
    (candidate, nested)
}

/// The indexes (into `members`) of the largest group of candidates linked by a shared claim;
/// ties go to the group seen first.
fn largest_group(cands: &[Candidate], members: &[usize]) -> Vec<usize> {
    let mut group: Vec<usize> = (0..members.len()).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while let Some(&up) = group.get(i) {
            if up == i {
                break;
            }
            i = up;
        }
        i
    }
    for a in 0..members.len() {
        for b in (a + 1)..members.len() {
            let (Some(ca), Some(cb)) = (
                members.get(a).and_then(|&i| cands.get(i)),
                members.get(b).and_then(|&i| cands.get(i)),
            ) else {
                continue;
            };
            if same_learner(&ca.claims, &cb.claims) {
                let (ra, rb) = (root(&mut group, a), root(&mut group, b));
                let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
                if let Some(slot) = group.get_mut(hi) {
                    *slot = lo;
                }
            }
        }
    }
    let roots: Vec<usize> = (0..members.len()).map(|i| root(&mut group, i)).collect();
    let mut best: Option<(usize, usize)> = None; // (size, root)
    for &r in &roots {
        let size = roots.iter().filter(|&&x| x == r).count();
        if best.is_none_or(|(s, b)| size > s || (size == s && r < b)) {
            best = Some((size, r));
        }
    }
    let Some((_, best)) = best else {
        return Vec::new();
    };
    roots
        .iter()
        .zip(members)
        .filter(|(r, _)| **r == best)
        .map(|(_, &m)| m)
        .collect()
}

/// Verifies every credential handed over and evaluates them against the pathway.
///
/// `learner` names the learner (see [`Claim::parse_learner`]); empty: the learner is the one who
/// holds most of the pathway's valid blocks.
pub fn evaluate(
    pathway: &Pathway,
    submitted: &[Submitted<'_>],
    learner: &[Claim],
    ctx: &Context,
    now: UnixTime,
) -> Progress {
    let mut cands: Vec<Candidate> = Vec::new();
    let mut truncated = false;
    'inputs: for s in submitted {
        if cands.len() >= MAX_CREDENTIALS {
            truncated = true;
            break;
        }
        let (c, nested) = candidate(s.label.into(), crate::verify_full(s.bytes, ctx, now, 0));
        cands.push(c);
        for (i, n) in nested.into_iter().enumerate() {
            if cands.len() >= MAX_CREDENTIALS {
                truncated = true;
                break 'inputs;
            }
            cands.push(candidate(alloc::format!("{}#{i}", s.label), n).0);
        }
    }

    let c = &pathway.constraints;
    let usable = |k: &Candidate| {
        k.entry.standing != Standing::Bundle
            && match k.entry.report.verdict {
                Verdict::Valid => true,
                Verdict::Expired => c.accept_expired,
                _ => false,
            }
    };
    // The learner: as named, widened by the claims of the credentials that match; otherwise the
    // largest group of valid pathway blocks linked by shared claims.
    let mut claims: Vec<Claim> = learner.to_vec();
    let mut members: Vec<usize> = Vec::new();
    let relevant: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            cands.get(i).is_some_and(|k| {
                // A block that names no subject cannot be shown to be anyone's (an Open Badge
                // always names one: its structure check requires it).
                usable(k)
                    && !k.claims.is_empty()
                    && k.entry
                        .achievement
                        .as_deref()
                        .is_some_and(|a| pathway.names(a).is_some())
            })
        })
        .collect();
    let widen = |claims: &mut Vec<Claim>, with: &[Claim]| {
        for c in with {
            if !claims.contains(c) {
                claims.push(c.clone());
            }
        }
    };
    if claims.is_empty() {
        members = largest_group(&cands, &relevant);
        for &m in &members {
            if let Some(k) = cands.get(m) {
                widen(&mut claims, &k.claims);
            }
        }
    }
    loop {
        let before = members.len();
        for &i in &relevant {
            if members.contains(&i) {
                continue;
            }
            if let Some(k) = cands.get(i).filter(|k| same_learner(&k.claims, &claims)) {
                widen(&mut claims, &k.claims);
                members.push(i);
            }
        }
        if members.len() == before {
            break;
        }
    }

    let mut counted: Vec<(String, usize)> = Vec::new(); // achievement → entry
    for (i, k) in cands.iter_mut().enumerate() {
        if k.entry.standing == Standing::Bundle {
            continue;
        }
        let achievement = k.entry.achievement.clone().unwrap_or_default();
        let issuer_ok = (c.issuers.is_empty()
            || k.issuer.as_ref().is_some_and(|x| c.issuers.contains(x)))
            && (!c.require_trusted_issuer || k.trusted);
        k.entry.standing = if !usable(k) {
            Standing::NotValid
        } else if pathway.names(&achievement).is_none() {
            Standing::NotInPathway
        } else if !members.contains(&i) && !same_learner(&k.claims, &claims) {
            Standing::OtherLearner
        } else if !issuer_ok {
            Standing::IssuerNotAccepted
        } else if counted.iter().any(|(a, _)| *a == achievement) {
            Standing::Duplicate
        } else {
            counted.push((achievement, i));
            Standing::Counted
        };
    }

    let earned = |achievement: &str| {
        counted
            .iter()
            .find(|(a, _)| a == achievement)
            .map(|(_, i)| *i)
    };
    let credits_at = |i: usize, block: Option<&Block>| {
        cands
            .get(i)
            .and_then(|k| k.entry.credits)
            .or_else(|| block.and_then(|b| b.credits))
            .unwrap_or(0.0)
    };
    let mut requirements = Vec::with_capacity(pathway.requirements.len());
    let mut meets: Vec<(usize, String)> = Vec::new();
    for r in &pathway.requirements {
        let (required, achieved, blocks) = match &r.rule {
            Rule::AllOf(of) | Rule::NOf { of, .. } => {
                let blocks: Vec<(Block, Option<usize>)> = of
                    .iter()
                    .map(|b| (b.clone(), earned(&b.achievement)))
                    .collect();
                let have = blocks.iter().filter(|(_, e)| e.is_some()).count();
                let required = match &r.rule {
                    Rule::NOf { n, .. } => *n,
                    _ => of.len(),
                };
                (usize_f64(required), usize_f64(have), blocks)
            }
            Rule::MinCredits { credits, of } => {
                let blocks: Vec<(Block, Option<usize>)> = if of.is_empty() {
                    counted
                        .iter()
                        .map(|(a, i)| {
                            let block = pathway.names(a).cloned().unwrap_or(Block {
                                achievement: a.clone(),
                                name: None,
                                credits: None,
                            });
                            (block, Some(*i))
                        })
                        .collect()
                } else {
                    of.iter()
                        .map(|b| (b.clone(), earned(&b.achievement)))
                        .collect()
                };
                let have: f64 = blocks
                    .iter()
                    .filter_map(|(b, e)| e.map(|i| credits_at(i, Some(b))))
                    .sum();
                (*credits, have, blocks)
            }
        };
        for (_, e) in &blocks {
            if let Some(i) = e {
                meets.push((*i, r.id.clone()));
            }
        }
        requirements.push(RequirementProgress {
            id: r.id.clone(),
            name: r.name.clone(),
            kind: r.rule.kind(),
            met: achieved + 1e-9 >= required,
            required,
            achieved,
            blocks,
        });
    }
    let credits = counted
        .iter()
        .map(|(a, i)| credits_at(*i, pathway.names(a)))
        .sum();
    for (i, id) in meets {
        if let Some(k) = cands.get_mut(i) {
            k.entry.meets.push(id);
        }
    }
    let first = counted.first().and_then(|(_, i)| cands.get(*i));
    let learner_name = first.and_then(|k| k.entry.report.summary.as_ref()?.recipient.clone());
    let subject = first.map(|k| k.subject.clone()).unwrap_or_default();
    Progress {
        pathway: pathway.id.clone(),
        name: pathway.name.clone(),
        complete: !truncated && requirements.iter().all(|r| r.met),
        learner: learner_name,
        subject,
        credits,
        requirements,
        entries: cands.into_iter().map(|k| k.entry).collect(),
        truncated,
    }
}

fn usize_f64(n: usize) -> f64 {
    // Counts here are bounded by MAX_BLOCKS, far below 2^53.
    u32::try_from(n).map_or(f64::MAX, f64::from)
}
