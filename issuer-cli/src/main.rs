//! `verity`: issue, and verify in bulk, Open Badges 3.0 credentials.
//!
//! Exit codes: 0 success (every credential valid), 1 some credential not valid, 2 usage or I/O error.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

mod commands;

#[derive(Parser)]
#[command(
    name = "verity",
    version,
    about = "Issue and verify Open Badges 3.0 / W3C Verifiable Credentials"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create an issuer key (key.json, mode 0600) with its did:key, and a did:web document
    Keygen(KeygenArgs),
    /// Issue one signed credential per CSV row from a template
    Issue(IssueArgs),
    /// Verify credentials (JSON, JWT, baked PNG/SVG badges; directories of them)
    Verify(VerifyArgs),
    /// Revocation and suspension lists (W3C Bitstring Status List): create, revoke, suspend, reinstate, publish
    Status(StatusArgs),
    /// Bake a credential (JSON or JWT) into a badge image (PNG or SVG), Open Badges 3.0 style
    Bake(BakeArgs),
    /// Print the credential baked into a badge image (PNG or SVG)
    Unbake(UnbakeArgs),
    /// Anchor a batch on Bitcoin: prepare the OP_RETURN (--batch DIR), then attach the mined evidence
    Anchor(AnchorArgs),
    /// X.509 certificates: validate chains, inventory expiry and lifetime limits, create an institution CA
    Certs(CertsArgs),
    /// Stackable credentials: a learner's progress toward a degree made of blocks
    Pathway(PathwayArgs),
    /// CLR 2.0 (Comprehensive Learner Record): bundle a learner's credentials into one signed record
    Clr(ClrArgs),
}

/// Where verification gets its documents and trust from (shared by the commands that verify).
#[derive(Args, Debug)]
pub(crate) struct SourceArgs {
    /// JSON map from URLs the credentials refer to onto local files (paths relative to the map); used before the network
    #[arg(long, value_name = "MAP.json")]
    resources: Option<PathBuf>,
    /// Never fetch: documents not in --resources count as unavailable (checks that need them are skipped)
    #[arg(long)]
    offline: bool,
    /// Trust configuration (trust.json, or a Digital Credentials Consortium registry.json): trusted issuers and policy
    #[arg(long, value_name = "TRUST.json")]
    trust: Option<PathBuf>,
}

/// `verity pathway …`.
#[derive(Args, Debug)]
pub(crate) struct PathwayArgs {
    #[command(subcommand)]
    cmd: PathwayCmd,
}

#[derive(Subcommand, Debug)]
pub(crate) enum PathwayCmd {
    /// Verify a learner's credentials (and CLR bundles) against a pathway and print the progress (exit 0 complete, 1 incomplete, 2 usage or I/O error)
    Check {
        /// The pathway document (JSON, "type": "VerityPathway")
        #[arg(long, value_name = "PATHWAY.json")]
        pathway: PathBuf,
        /// The learner: emailAddress:alice@example.edu (an identifier type and value; also matches salted hashed identifiers) or a subject id (did:…); default: whoever holds most of the valid blocks
        #[arg(long, value_name = "TYPE:VALUE")]
        learner: Vec<String>,
        /// Print the progress as one JSON object
        #[arg(long)]
        json: bool,
        /// Verify as of this instant (RFC 3339) instead of now
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        at: Option<verifier_core::UnixTime>,
        #[command(flatten)]
        source: SourceArgs,
        /// The learner's credentials (JSON, JWT, baked badges, CLR bundles) or directories of them
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// `verity clr …`.
#[derive(Args, Debug)]
pub(crate) struct ClrArgs {
    #[command(subcommand)]
    cmd: ClrCmd,
}

#[derive(Subcommand, Debug)]
pub(crate) enum ClrCmd {
    /// Bundle one learner's credentials (each must verify) into a signed ClrCredential
    Bundle {
        /// Issuer key file written by `verity keygen` (Ed25519)
        #[arg(long)]
        key: PathBuf,
        /// Where to write the CLR (JSON)
        #[arg(long)]
        out: PathBuf,
        /// Issue as this DID (default: the key's did:web if it has one, else its did:key)
        #[arg(long)]
        did: Option<String>,
        /// The issuing institution's name (the CLR issuer profile's name)
        #[arg(long)]
        issuer_name: Option<String>,
        /// The record's name
        #[arg(long, default_value = "Comprehensive Learner Record")]
        name: String,
        /// Proof suite: eddsa-jcs-2022 by default, since the CLR 2.0 JSON-LD context is not published in a package any verifier can embed (an eddsa-rdfc-2022 CLR verifies only where that context is supplied)
        #[arg(long, value_enum, default_value = "eddsa-jcs-2022")]
        suite: verity::issuance::Suite,
        /// Signing time (RFC 3339) instead of the clock
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        at: Option<verifier_core::UnixTime>,
        #[command(flatten)]
        source: SourceArgs,
        /// The learner's credentials (JSON or JWT files, or directories of them)
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// `verity certs …`.
#[derive(Args, Debug)]
pub(crate) struct CertsArgs {
    #[command(subcommand)]
    cmd: CertsCmd,
}

/// What a certificate chain is validated for.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum PurposeArg {
    /// A TLS server (serverAuth); the CA/Browser Forum lifetime limits apply
    Server,
    /// A TLS client (clientAuth)
    Client,
    /// Signing credentials (documentSigning or anyExtendedKeyUsage, digitalSignature)
    Credential,
}

impl From<PurposeArg> for verifier_core::x509::Purpose {
    fn from(p: PurposeArg) -> Self {
        match p {
            PurposeArg::Server => Self::Server,
            PurposeArg::Client => Self::Client,
            PurposeArg::Credential => Self::Credential,
        }
    }
}

#[derive(Subcommand, Debug)]
pub(crate) enum CertsCmd {
    /// Validate a certificate chain against trust anchors (exit 0 valid, 1 not valid, 2 usage or I/O error)
    Verify {
        /// Print the report as JSON (verdict, checks, path, lifetime)
        #[arg(long)]
        json: bool,
        /// Validate as of this instant (RFC 3339) instead of now
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        at: Option<verifier_core::UnixTime>,
        /// Trust anchors (PEM with one or more certificates, or DER): nothing else is trusted
        #[arg(long, value_name = "ROOTS.pem")]
        trust: PathBuf,
        /// The DNS name or IP address the certificate must be for
        #[arg(long, value_name = "DNS")]
        name: Option<String>,
        /// What the certificate is for
        #[arg(long, value_enum, default_value = "server")]
        purpose: PurposeArg,
        /// The chain: PEM or DER files, the end-entity certificate first or in any order
        #[arg(required = true, value_name = "CHAIN.pem")]
        files: Vec<PathBuf>,
    },
    /// Inventory certificates: expiry, days left, CA/Browser Forum lifetime limits (exit 0 all fine, 1 some expiring, expired or non-compliant, 2 error)
    Check {
        /// Certificate files (PEM, DER, .crt, .cer) or directories (searched recursively)
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Count a certificate as expiring when fewer days than this are left
        #[arg(long, default_value_t = 30)]
        warn_days: i64,
        /// One JSON object per certificate, one per line
        #[arg(long)]
        json: bool,
        /// As of this instant (RFC 3339) instead of now
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        at: Option<verifier_core::UnixTime>,
    },
    /// Create an institution CA (ECDSA P-256): DIR/ca.pem (the trust anchor) and DIR/ca.key.pem (mode 0600)
    Ca {
        /// Directory to write ca.pem and ca.key.pem into
        #[arg(long)]
        out: PathBuf,
        /// The institution's name (subject CN and O)
        #[arg(long)]
        name: String,
        /// Validity in days
        #[arg(long, default_value_t = 3650)]
        days: u32,
        /// Replace an existing ca.key.pem
        #[arg(long)]
        force: bool,
    },
    /// Certify an issuer key (key.json) for signing credentials: writes its certificate followed by the CA's
    Issue {
        /// The CA directory (`verity certs ca --out`)
        #[arg(long)]
        ca: PathBuf,
        /// Issuer key file written by `verity keygen`
        #[arg(long)]
        key: PathBuf,
        /// Where to write the chain (PEM)
        #[arg(long)]
        out: PathBuf,
        /// Subject common name (default: the DID)
        #[arg(long)]
        name: Option<String>,
        /// Validity in days
        #[arg(long, default_value_t = 365)]
        days: u32,
        /// The DID credentials are issued as, put in the certificate as a URI name (default: the key's did:web, else its did:key)
        #[arg(long)]
        did: Option<String>,
    },
}

/// `verity anchor`.
#[derive(Args, Debug)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct AnchorArgs {
    #[command(subcommand)]
    cmd: Option<AnchorCmd>,
    /// The batch: a directory of signed credentials (`verity issue --out`); writes DIR/anchor.json
    #[arg(long)]
    batch: Option<PathBuf>,
    /// The Bitcoin network the root will be published on
    #[arg(long, value_enum, default_value = "mainnet")]
    network: Network,
}

/// Bitcoin networks.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(crate) enum Network {
    /// Bitcoin mainnet.
    Mainnet,
    /// Bitcoin testnet.
    Testnet,
    /// A private regtest chain (tests and demos).
    Regtest,
}

impl Network {
    fn name(self) -> &'static str {
        match self {
            Self::Mainnet => "mainnet",
            Self::Testnet => "testnet",
            Self::Regtest => "regtest",
        }
    }
}

#[derive(Subcommand, Debug)]
pub(crate) enum AnchorCmd {
    /// Embed the mined transaction and its block proof in every credential of the batch
    Attach {
        /// The batch directory (with anchor.json)
        #[arg(long)]
        batch: PathBuf,
        /// Raw transaction hex file (bitcoin-cli getrawtransaction TXID)
        #[arg(long, value_name = "TX.hex")]
        tx: PathBuf,
        /// Block proof hex file: a serialized CMerkleBlock (bitcoin-cli gettxoutproof '["TXID"]')
        #[arg(long, value_name = "PROOF.hex")]
        block_proof: PathBuf,
        /// Later block headers (hex, one per line, in chain order) as confirmations
        #[arg(long, value_name = "HEADERS.txt")]
        headers: Option<PathBuf>,
    },
    /// Tests and demos: mine a private regtest chain publishing the batch root (writes tx.hex, block-proof.hex, headers.txt, checkpoint.json)
    Regtest {
        /// The batch directory (prepared with --network regtest)
        #[arg(long)]
        batch: PathBuf,
        /// Where to write the evidence files
        #[arg(long)]
        out: PathBuf,
        /// Blocks in the chain, the anchoring one included
        #[arg(long, default_value_t = 6)]
        confirmations: u32,
        /// Block time (RFC 3339) instead of the clock
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        at: Option<verifier_core::UnixTime>,
    },
}

/// Options of `verity bake`.
#[derive(Args, Debug)]
pub(crate) struct BakeArgs {
    /// The credential: a JSON file or a compact JWS
    #[arg(long)]
    credential: PathBuf,
    /// The badge image, PNG or SVG (an earlier baked credential in it is replaced)
    #[arg(long)]
    image: PathBuf,
    /// Where to write the baked image
    #[arg(long)]
    out: PathBuf,
}

/// Options of `verity unbake`.
#[derive(Args, Debug)]
pub(crate) struct UnbakeArgs {
    /// A baked badge image (PNG or SVG)
    #[arg(value_name = "IMAGE")]
    image: PathBuf,
}

/// `verity status …`.
#[derive(Args, Debug)]
pub(crate) struct StatusArgs {
    #[command(subcommand)]
    cmd: StatusCmd,
}

#[derive(Subcommand, Debug)]
pub(crate) enum StatusCmd {
    /// Create a status directory (private state: status.json) with one list per purpose
    Create {
        /// Status directory to create (keep it private: it maps credentials to their indexes)
        #[arg(long)]
        dir: PathBuf,
        /// Where the published lists will be served, ending with '/': lists are <base>revocation.json and <base>suspension.json
        #[arg(long, value_name = "URL")]
        base_url: String,
        /// Purposes (repeatable; default: revocation and suspension)
        #[arg(long, value_enum)]
        purpose: Vec<verity::status::Purpose>,
        /// Entries per list (at least the specification's 131072)
        #[arg(long, default_value_t = 131_072)]
        length: u64,
    },
    /// Revoke credentials (by id or credential file); irreversible
    Revoke {
        /// Status directory
        #[arg(long)]
        dir: PathBuf,
        /// Credential ids or credential files
        #[arg(required = true, value_name = "CREDENTIAL")]
        credentials: Vec<String>,
    },
    /// Suspend credentials (by id or credential file)
    Suspend {
        /// Status directory
        #[arg(long)]
        dir: PathBuf,
        /// Credential ids or credential files
        #[arg(required = true, value_name = "CREDENTIAL")]
        credentials: Vec<String>,
    },
    /// Lift the suspension of credentials (by id or credential file)
    Reinstate {
        /// Status directory
        #[arg(long)]
        dir: PathBuf,
        /// Credential ids or credential files
        #[arg(required = true, value_name = "CREDENTIAL")]
        credentials: Vec<String>,
    },
    /// Sign the lists with the issuer key and write them for static hosting
    Publish {
        /// Status directory
        #[arg(long)]
        dir: PathBuf,
        /// Issuer key file (the key that issued the credentials)
        #[arg(long)]
        key: PathBuf,
        /// Directory to write the list credentials into (upload its files to the lists' URLs)
        #[arg(long)]
        out: PathBuf,
        /// Issue as this DID (default: the key's did:web if it has one, else its did:key)
        #[arg(long)]
        did: Option<String>,
        /// Signing time (RFC 3339) instead of the clock
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        at: Option<verifier_core::UnixTime>,
        /// Lists expire at this time (RFC 3339), so a stale copy stops counting; publish again before
        #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
        valid_until: Option<verifier_core::UnixTime>,
    },
}

/// Options of `verity keygen`.
#[derive(Args, Debug)]
pub(crate) struct KeygenArgs {
    /// Directory to write key.json (and did.json) into; created if missing
    #[arg(long)]
    out: PathBuf,
    /// Also publish the key under this did:web (e.g. example.edu or example.edu:issuers:cs): writes did.json
    #[arg(long, value_name = "DOMAIN")]
    did_web: Option<String>,
    /// Replace an existing key.json
    #[arg(long)]
    force: bool,
    /// Key algorithm: ed25519 (eddsa-* suites) or p256 (ecdsa-rdfc-2019)
    #[arg(long = "type", value_enum, default_value = "ed25519")]
    key_type: verity::keyfile::KeyType,
}

/// Options of `verity issue`.
#[derive(Args, Debug)]
pub(crate) struct IssueArgs {
    /// Issuer key file written by `verity keygen`
    #[arg(long)]
    key: PathBuf,
    /// Credential template (JSON) with {{column}} placeholders
    #[arg(long, required_unless_present = "pathway", conflicts_with = "pathway")]
    template: Option<PathBuf>,
    /// CSV file with a header row; one credential per data row
    #[arg(long, required_unless_present = "pathway", conflicts_with = "pathway")]
    recipients: Option<PathBuf>,
    /// Issue the pathway's degree (instead of --template/--recipients) to each learner of --evidence whose blocks fully verify against it
    #[arg(long, value_name = "PATHWAY.json", requires = "evidence")]
    pathway: Option<PathBuf>,
    /// With --pathway: one entry per learner, a directory of their credentials or a single file (a CLR bundle); learners with missing blocks are listed and get nothing
    #[arg(long, value_name = "DIR", requires = "pathway")]
    evidence: Option<PathBuf>,
    /// With --pathway: the issuer profile's name in the degree credential
    #[arg(long, requires = "pathway")]
    issuer_name: Option<String>,
    #[command(flatten)]
    source: SourceArgs,
    /// Directory for the signed credentials (must not exist or be empty)
    #[arg(long)]
    out: PathBuf,
    /// Issue as this DID (default: the key's did:web if it has one, else its did:key)
    #[arg(long)]
    did: Option<String>,
    /// Proof suite (default: eddsa-rdfc-2022, what most Open Badges 3.0 verifiers expect; ecdsa-rdfc-2019 for a P-256 key)
    #[arg(long, value_enum)]
    suite: Option<verity::issuance::Suite>,
    /// Issuance time (RFC 3339) instead of the clock
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    at: Option<verifier_core::UnixTime>,
    /// Output form: json (an embedded Data Integrity proof) or jwt (a VC-JOSE JWT, EdDSA or ES256; written as .jwt files)
    #[arg(long, value_enum, default_value = "json")]
    format: verity::issuance::OutputFormat,
    /// Certificate chain (PEM, the signing certificate first; `verity certs issue`) to carry in each JWT's x5c header instead of a kid (needs --format jwt)
    #[arg(long, value_name = "CHAIN.pem")]
    x5c: Option<PathBuf>,
    /// Status directory (`verity status create`): give each credential random revocation/suspension indexes
    #[arg(long, value_name = "DIR")]
    status_list: Option<PathBuf>,
    /// No progress bar or summary
    #[arg(long, short)]
    quiet: bool,
}

/// Options of `verity verify`.
#[derive(Args, Debug)]
pub(crate) struct VerifyArgs {
    /// Print one JSON report per input, one per line
    #[arg(long)]
    json: bool,
    /// Verify as of this instant (RFC 3339) instead of now
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    at: Option<verifier_core::UnixTime>,
    #[command(flatten)]
    source: SourceArgs,
    /// Credential files (JSON, JWT, baked PNG/SVG badges), or directories whose .json, .jwt, .png and .svg files are all verified
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

fn parse_time(s: &str) -> Result<verifier_core::UnixTime, String> {
    verifier_core::UnixTime::parse(s)
        .ok_or_else(|| format!("'{s}' is not an RFC 3339 date-time such as 2026-01-31T12:00:00Z"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.cmd {
        Cmd::Keygen(args) => commands::keygen::run(&args),
        Cmd::Issue(args) => commands::issue::run(&args),
        Cmd::Verify(args) => commands::verify::run(&args),
        Cmd::Status(args) => commands::status::run(&args),
        Cmd::Bake(args) => commands::bake::bake(&args),
        Cmd::Unbake(args) => commands::bake::unbake(&args),
        Cmd::Anchor(args) => commands::anchor::run(&args),
        Cmd::Certs(args) => commands::certs::run(&args),
        Cmd::Pathway(args) => commands::pathway::run(&args),
        Cmd::Clr(args) => commands::clr::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
