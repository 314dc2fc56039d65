//! The verification report: a verdict and the ordered list of checks that led to it.
//!
//! Every check carries a stable machine [`Code`]. Codes are a public contract (CLI JSON, the JS
//! API, the portal's `data-check` attributes): a test freezes the full list, so renaming one is a
//! deliberate, visible change. Human wording lives in the shells (see the `messages` feature).

use alloc::string::String;
use alloc::vec::Vec;

/// The overall result, derived from the checks by [`Report::verdict`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every check that applies passed.
    Valid,
    /// A check failed: the credential is forged, tampered, malformed or not yet valid.
    Invalid,
    /// Authentic, but past its `validUntil` / `expirationDate`.
    Expired,
    /// Authentic, but revoked by its issuer.
    Revoked,
    /// Authentic, but suspended by its issuer.
    Suspended,
    /// A check that matters could not be run (a document is missing, a suite is unsupported).
    Indeterminate,
}

impl Verdict {
    /// The verdict's stable word, as used in JSON and `data-verdict`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Invalid => "invalid",
            Self::Expired => "expired",
            Self::Revoked => "revoked",
            Self::Suspended => "suspended",
            Self::Indeterminate => "indeterminate",
        }
    }
}

/// Which step of the pipeline a check belongs to, in the order [`crate::verify`] runs them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CheckId {
    /// 1. Input size, format detection, JSON parsing.
    Input,
    /// 2. Data-model structure (VC 1.1 / 2.0, Open Badges 3.0 required fields).
    Structure,
    /// 3. The proof's verification method: resolved, bound to the issuer, allowed for assertions.
    IssuerKey,
    /// 4. The proof itself (cryptosuite, purpose, signature).
    Proof,
    /// 4b. Blockchain anchors (Merkle inclusion, transaction, block, chain).
    Anchor,
    /// 5. Validity period at `now`.
    Validity,
    /// 6. Revocation / suspension status.
    Status,
    /// 7. Whether this verifier's trust list knows the issuer.
    Trust,
    /// 8. The credentials a bundle carries (a CLR 2.0 `ClrCredential`), each verified in full.
    Contents,
    /// X.509: the certification path from the certificate to a trust anchor.
    Chain,
    /// X.509: what the end-entity certificate may be used for, and for which name.
    Usage,
    /// X.509: the CA/Browser Forum lifetime limits and algorithm strength.
    Policy,
}

impl CheckId {
    /// The step's stable name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Input => "input",
            Self::Structure => "structure",
            Self::IssuerKey => "issuer",
            Self::Proof => "proof",
            Self::Anchor => "anchor",
            Self::Validity => "validity",
            Self::Status => "status",
            Self::Trust => "trust",
            Self::Contents => "contents",
            Self::Chain => "chain",
            Self::Usage => "usage",
            Self::Policy => "policy",
        }
    }
}

/// What became of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The check ran and succeeded.
    Passed,
    /// The check ran and failed.
    Failed,
    /// The check was not run; the code says why. Never counts as a pass.
    Skipped,
}

impl Outcome {
    /// `passed`, `failed` or `skipped`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::Failed => "failed",
            Self::Skipped => "skipped",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal, )*) => {
        /// A stable machine code for the result of one check.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code { $( $(#[$doc])* $variant, )* }

        impl Code {
            /// Every code, in declaration order (frozen by a test).
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The code's stable text, e.g. `proof.signature_mismatch`.
            pub const fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $text, )* }
            }

            /// Looks a code up by its text.
            pub fn from_str_code(s: &str) -> Option<Code> {
                match s { $( $text => Some(Code::$variant), )* _ => None }
            }
        }
    };
}

codes! {
    /// The input was read and recognised as a credential.
    InputParsed = "input.parsed",
    /// The input is empty (or only white space).
    InputEmpty = "input.empty",
    /// The input is larger than `Limits::max_input_bytes`.
    LimitsInputSize = "limits.input_size",
    /// The JSON nests deeper than the parser's depth limit.
    LimitsJsonDepth = "limits.json_depth",
    /// The credential holds more JSON values than `Limits::max_json_values` (data: `limit`).
    LimitsJsonValues = "limits.json_values",
    /// The input looks like JSON but is not well-formed.
    InputJsonInvalid = "input.json_invalid",
    /// The input is a known format this build cannot verify yet (data: `format`).
    InputFormatUnsupported = "input.format_unsupported",
    /// The input is not a recognised credential format.
    InputUnrecognised = "input.unrecognised",
    /// The image (PNG, SVG) has no credential baked in.
    InputBakedNone = "input.baked_none",
    /// The image or the credential baked in it is malformed (data: `reason`).
    InputBakedInvalid = "input.baked_invalid",

    /// The data-model structure is complete.
    StructureValid = "structure.valid",
    /// A required field is missing (data: `path`).
    StructureMissingField = "structure.missing_field",
    /// A field has the wrong type or value (data: `path`, `expected`).
    StructureInvalidValue = "structure.invalid_value",

    /// The input looks like a JWT but is not a well-formed compact JWS (data: `reason`).
    JwtMalformed = "jwt.malformed",
    /// A JWT claim disagrees with the credential (data: `claim`, `path`).
    JwtClaimMismatch = "jwt.claim_mismatch",
    /// The JWT's `alg` is `none` or an HMAC: never accepted (data: `alg`).
    JwtAlgForbidden = "jwt.alg_forbidden",
    /// The JWT header is not acceptable: no `alg`, `crit` extensions, an unexpected `typ`, no key reference (data: `reason`).
    JwtHeaderInvalid = "jwt.header_invalid",

    /// The verification method was resolved to a key of the issuer allowed for assertions.
    IssuerKeyResolved = "issuer.key_resolved",
    /// The verification method's DID is not the credential's issuer.
    IssuerVmNotIssuer = "issuer.vm_not_issuer",
    /// The verification method is not found in the issuer's DID document.
    IssuerVmNotFound = "issuer.vm_not_found",
    /// The verification method is not listed under `assertionMethod`.
    IssuerVmNotAssertion = "issuer.vm_not_assertion",
    /// The key is only the one the credential carries itself (a JWT `jwk` header): nothing shows it is the issuer's.
    IssuerKeyEmbedded = "issuer.key_embedded",
    /// The JWT's signing certificate chain (`x5c`) was not validated against trust anchors (data: `reason`).
    IssuerX5cUnverified = "issuer.x5c_unverified",
    /// The DID or verification method URL is malformed.
    IssuerDidInvalid = "issuer.did_invalid",
    /// The DID method is not supported by this verifier.
    IssuerDidUnsupported = "issuer.did_unsupported",
    /// The public key is malformed, of the wrong type, or weak.
    IssuerKeyInvalid = "issuer.key_invalid",
    /// The issuer's DID document was not supplied (data: `url`).
    IssuerDocumentMissing = "issuer.document_missing",
    /// The supplied DID document is malformed or is not the issuer's.
    IssuerDocumentInvalid = "issuer.document_invalid",

    /// The signature verifies over the canonical document and proof options.
    ProofVerified = "proof.verified",
    /// The credential carries no proof.
    ProofMissing = "proof.missing",
    /// The proof is missing fields or has malformed values (data: `field`).
    ProofMalformed = "proof.malformed",
    /// The proof type or cryptosuite is not supported (data: `suite`).
    ProofUnsupportedSuite = "proof.unsupported_suite",
    /// `proofPurpose` is not `assertionMethod`.
    ProofPurposeMismatch = "proof.purpose_mismatch",
    /// The proof's `@context` is not a prefix of the document's.
    ProofContextMismatch = "proof.context_mismatch",
    /// The proof's `expires` date has passed.
    ProofExpired = "proof.expired",
    /// The signature does not match: the credential was altered or signed by another key.
    ProofSignatureMismatch = "proof.signature_mismatch",
    /// The key's algorithm does not match the proof suite (data: `suite`, `key`).
    ProofKeyTypeMismatch = "proof.key_type_mismatch",
    /// The proof was not checked because the issuer's key could not be resolved.
    ProofNoKey = "proof.no_key",
    /// The credential names a JSON-LD context that is not embedded nor supplied (data: `url`); never fetched.
    ContextUnknown = "context.unknown",
    /// A term, type or IRI is not defined by the contexts and would be dropped from what is signed (data: `path`, `term`).
    JsonldUndefinedTerm = "jsonld.undefined_term",
    /// An inline (object or null) `@context`, which can undefine terms (data: `path`).
    JsonldInlineContext = "jsonld.inline_context",
    /// The JSON-LD is invalid (data: `reason`).
    JsonldInvalid = "jsonld.invalid",
    /// RDF canonicalization exceeded its work limit: a dataset-poisoning graph (data: `limit`).
    LimitsRdfcPoison = "limits.rdfc_poison",

    /// An anchor's Merkle path is longer than any real batch needs (data: `length`, `limit`).
    LimitsMerklePath = "limits.merkle_path",
    /// The anchor holds: the credential is in the batch whose root a Bitcoin transaction carries, in
    /// a block of the real chain (data: `network`, `txid`, `block`, `time`, `height`, `confirmations`).
    AnchorVerified = "anchor.verified",
    /// No offline evidence, but the block explorer reports the transaction confirmed with the batch
    /// root in an OP_RETURN output (data: `explorer`, `txid`, `height`, `time`, `sender`). This trusts the explorer.
    AnchorConfirmedOnline = "anchor.confirmed_online",
    /// The block explorer's answer could not be used (data: `url`, `reason`).
    AnchorLookupFailed = "anchor.lookup_failed",
    /// Policy requires an anchor and the credential has none.
    AnchorMissing = "anchor.missing",
    /// The anchor proof is missing fields or has malformed values (data: `field`, `reason`).
    AnchorMalformed = "anchor.malformed",
    /// The Merkle path does not lead from this credential to the anchored root: not in the batch.
    AnchorMerkleMismatch = "anchor.merkle_mismatch",
    /// The anchor is on a mock chain (test issuance): it proves nothing.
    AnchorMock = "anchor.mock",
    /// The anchor is on a chain this verifier does not check (data: `chain`, `network`).
    AnchorUnsupportedChain = "anchor.unsupported_chain",
    /// The credential carries no offline evidence for its anchor; an online lookup is needed (data: `txid`).
    AnchorEvidenceMissing = "anchor.evidence_missing",
    /// The anchoring transaction is malformed (data: `reason`).
    AnchorTransactionInvalid = "anchor.transaction_invalid",
    /// The transaction has no OP_RETURN output carrying the batch root (data: `txid`).
    AnchorRootNotInTransaction = "anchor.root_not_in_transaction",
    /// The block proof is malformed or inconsistent (data: `reason`).
    AnchorBlockProofInvalid = "anchor.block_proof_invalid",
    /// The block proof does not include the transaction.
    AnchorTransactionNotInBlock = "anchor.transaction_not_in_block",
    /// A header does not meet its target, or is easier than the chain allows (data: `header`).
    AnchorProofOfWorkInvalid = "anchor.pow_invalid",
    /// The supplied headers do not link up (data: `reason`).
    AnchorHeadersInvalid = "anchor.headers_invalid",
    /// The block is not known to be in the real chain: no checkpoint connects to it (data: `block`).
    AnchorHeaderUnknown = "anchor.header_unknown",
    /// Too few blocks on top of the anchor yet (data: `confirmations`, `required`).
    AnchorUnconfirmed = "anchor.unconfirmed",

    /// `now` lies within the validity period.
    ValidityCurrent = "validity.current",
    /// The credential's validity period ended (data: `validUntil`).
    ValidityExpired = "validity.expired",
    /// The credential's validity period has not started (data: `validFrom`).
    ValidityNotYetValid = "validity.not_yet_valid",

    /// The credential has no `credentialStatus`: it cannot be revoked.
    StatusNone = "status.none",
    /// The credential has a status entry of a type this build cannot check (data: `type`).
    StatusUnsupported = "status.unsupported",
    /// The status list says the credential is neither revoked nor suspended (data: `purpose`, `index`, `list`).
    StatusActive = "status.active",
    /// The issuer revoked the credential (data: `index`, `list`).
    StatusRevoked = "status.revoked",
    /// The issuer suspended the credential (data: `index`, `list`).
    StatusSuspended = "status.suspended",
    /// A `message` status entry: the issuer's status value and its message (data: `status`, `message`).
    StatusMessage = "status.message",
    /// A `refresh` status entry: it says where to refresh the credential, not whether it is revoked.
    StatusRefresh = "status.refresh",
    /// The credential's status entry is malformed (data: `field`, `reason`).
    StatusEntryInvalid = "status.entry_invalid",
    /// The status list was not supplied / could not be fetched (data: `list`).
    StatusListMissing = "status.list_missing",
    /// The status list is malformed, of the wrong purpose or too short, or the index lies outside it (data: `list`, `reason`).
    StatusListInvalid = "status.list_invalid",
    /// The status list's own proof does not verify (data: `list`, `cause`).
    StatusListUnverified = "status.list_unverified",
    /// The status list is issued by someone other than the credential's issuer, and not by a trusted issuer (data: `list`, `listIssuer`).
    StatusListIssuerMismatch = "status.list_issuer_mismatch",
    /// The status list is outside its own validity period (data: `list`, `validUntil` or `validFrom`).
    StatusListExpired = "status.list_expired",
    /// The status list decompresses to more than `Limits::max_decompressed_bytes` (data: `list`, `limit`).
    LimitsDecompressedSize = "limits.decompressed_size",

    /// The issuer is on this verifier's trust list (data: `name`).
    TrustTrustedIssuer = "trust.trusted_issuer",
    /// The issuer is not on this verifier's trust list.
    TrustUnknownIssuer = "trust.unknown_issuer",
    /// This verifier has no trust list, so it cannot say whether it knows the issuer.
    TrustNotConfigured = "trust.not_configured",
    /// Policy requires a trusted issuer and this one is not trusted.
    TrustUntrustedIssuer = "trust.untrusted_issuer",

    /// A credential the bundle carries verifies (data: `index`, `id`, `name`); its full report is in `credentials`.
    ContentsCredentialValid = "contents.credential_valid",
    /// A credential the bundle carries is not valid (data: `index`, `verdict`, `cause`); its full report is in `credentials`.
    ContentsCredentialNotValid = "contents.credential_not_valid",
    /// The bundle carries more credentials than `Limits::max_nested_credentials`, or a bundle inside a bundle (data: `limit` or `reason`).
    LimitsNestedCredentials = "limits.nested_credentials",

    /// The input was read as X.509 certificates (data: `certificates`).
    X509Parsed = "x509.parsed",
    /// The input holds no certificate.
    X509None = "x509.none",
    /// A certificate is malformed (data: `index`, `reason`).
    X509Malformed = "x509.malformed",
    /// More certificates than `Limits::max_certificates` (data: `limit`).
    LimitsCertificates = "limits.certificates",
    /// `now` lies within the certificate's validity (data: `notAfter`, `daysLeft`).
    X509Current = "x509.current",
    /// A certificate has expired (data: `subject` or `depth`, `notAfter`).
    X509Expired = "x509.expired",
    /// A certificate is not valid yet (data: `subject` or `depth`, `notBefore`).
    X509NotYetValid = "x509.not_yet_valid",
    /// The end-entity certificate may be used for the purpose asked (data: `purpose`).
    X509UsageValid = "x509.usage_valid",
    /// The extended key usage does not allow the purpose asked (data: `purpose` or `depth`, `reason`).
    X509EkuMismatch = "x509.eku_mismatch",
    /// The key usage does not allow the purpose (data: `reason`).
    X509KeyUsageInvalid = "x509.key_usage_invalid",
    /// The end-entity certificate is a CA certificate.
    X509LeafIsCa = "x509.leaf_is_ca",
    /// A critical extension this verifier does not understand (data: `oid`).
    X509UnknownCriticalExtension = "x509.unknown_critical_extension",
    /// The certificate is for the name asked (data: `name`).
    X509NameMatched = "x509.name_matched",
    /// The certificate is not for the name asked (data: `name`).
    X509NameMismatch = "x509.name_mismatch",
    /// No host name was given, so the certificate was not checked for one.
    X509NameNotChecked = "x509.name_not_checked",
    /// A path to a trust anchor was found and every check on it passed (data: `length`, `anchor`).
    X509ChainValid = "x509.chain_valid",
    /// No trust anchors were given: the chain cannot be validated.
    X509NoTrustAnchors = "x509.no_trust_anchors",
    /// No path leads to a trust anchor (data: `issuer`).
    X509UnknownIssuer = "x509.unknown_issuer",
    /// A signature in the chain does not verify (data: `depth`, `subject`).
    X509SignatureInvalid = "x509.signature_invalid",
    /// A signature or key algorithm this verifier does not accept (data: `depth`, `algorithm`).
    X509UnsupportedAlgorithm = "x509.unsupported_algorithm",
    /// An issuing certificate is not a CA, or may not sign certificates (data: `depth`, `reason`).
    X509NotCa = "x509.not_ca",
    /// An issuer's pathLenConstraint is exceeded (data: `depth`).
    X509PathLenExceeded = "x509.path_len_exceeded",
    /// A name is outside an issuer's name constraints (data: `depth`, `reason`).
    X509NameConstraintsViolated = "x509.name_constraints_violated",
    /// A certificate breaks the RFC 5280 profile, or for TLS servers the CA/B Forum's (data: `depth`, `reason`).
    X509ProfileViolation = "x509.profile_violation",
    /// Name constraints needed more comparisons than `Limits::max_name_constraint_checks` (data: `limit`).
    LimitsNameConstraints = "limits.name_constraints",
    /// The path would be deeper than `Limits::max_chain_depth` (data: `limit`).
    LimitsChainDepth = "limits.chain_depth",
    /// Path building needed more signature checks than `Limits::max_signature_checks` (data: `limit`).
    LimitsSignatureChecks = "limits.signature_checks",
    /// The leaf's lifetime is within the CA/B Forum limit for its issuance date (data: `lifetimeDays`, `limitDays`, `limitSince`).
    X509LifetimeCompliant = "x509.lifetime_compliant",
    /// The leaf's lifetime exceeds the CA/B Forum limit for its issuance date (data: `lifetimeDays`, `limitDays`, `limitSince`).
    X509LifetimeExceedsPolicy = "x509.lifetime_exceeds_policy",
    /// The certificate is signed with SHA-1 (data: `algorithm`).
    X509WeakSignature = "x509.weak_signature",
    /// The key is too weak: RSA below 2048 bits (data: `key`).
    X509WeakKey = "x509.weak_key",
    /// A TLS server certificate without subjectAltName (browsers ignore the common name).
    X509SanMissing = "x509.san_missing",
}

impl Code {
    /// Whether a *skipped* check with this code leaves the verdict undecided.
    ///
    /// `status.none` (nothing to check) and the informational trust codes do not;
    /// a proof that could not be checked does.
    pub const fn skip_blocks_verdict(self) -> bool {
        !matches!(
            self,
            Code::StatusNone
                | Code::StatusRefresh
                | Code::X509NameNotChecked
                | Code::TrustUnknownIssuer
                | Code::TrustNotConfigured
        )
    }
}

/// One entry of a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// Which step produced it.
    pub id: CheckId,
    /// Passed, failed or skipped.
    pub outcome: Outcome,
    /// The stable code saying why.
    pub code: Code,
    /// Machine-readable details (`path`, `url`, dates, …), in insertion order.
    pub data: Vec<(&'static str, String)>,
}

impl Check {
    pub(crate) fn new(id: CheckId, outcome: Outcome, code: Code) -> Self {
        Self {
            id,
            outcome,
            code,
            data: Vec::new(),
        }
    }
    pub(crate) fn passed(id: CheckId, code: Code) -> Self {
        Self::new(id, Outcome::Passed, code)
    }
    pub(crate) fn failed(id: CheckId, code: Code) -> Self {
        Self::new(id, Outcome::Failed, code)
    }
    pub(crate) fn skipped(id: CheckId, code: Code) -> Self {
        Self::new(id, Outcome::Skipped, code)
    }
    pub(crate) fn with(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.data.push((key, value.into()));
        self
    }
    /// The value recorded under `key`, if any.
    pub fn datum(&self, key: &str) -> Option<&str> {
        self.data
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The kind of input that was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A JSON credential, W3C VC Data Model 2.0.
    VcJson2,
    /// A JSON credential, W3C VC Data Model 1.1.
    VcJson11,
    /// A JWT (compact JWS) whose credential follows VC Data Model 2.0 (VC-JOSE, OB 3.0 JWT).
    VcJwt2,
    /// A JWT whose credential follows VC Data Model 1.1 (its `vc` claim).
    VcJwt11,
}

impl Format {
    /// Stable name of the format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::VcJson2 => "vc2-json",
            Self::VcJson11 => "vc1.1-json",
            Self::VcJwt2 => "vc2-jwt",
            Self::VcJwt11 => "vc1.1-jwt",
        }
    }

    /// Whether the credential follows VC Data Model 2.0.
    pub const fn is_v2(self) -> bool {
        matches!(self, Self::VcJson2 | Self::VcJwt2)
    }
}

/// What a person reads first: names, dates and images pulled out of the credential.
///
/// These are untrusted strings from the credential; shells must render them as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(missing_docs)] // field names say it all
pub struct Summary {
    pub credential_id: Option<String>,
    pub credential_name: Option<String>,
    pub types: Vec<String>,
    pub achievement_id: Option<String>,
    pub achievement_name: Option<String>,
    pub achievement_description: Option<String>,
    pub achievement_criteria: Option<String>,
    pub achievement_image: Option<String>,
    pub issuer_id: Option<String>,
    pub issuer_name: Option<String>,
    pub issuer_url: Option<String>,
    pub issuer_image: Option<String>,
    pub recipient: Option<String>,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub awarded: Option<String>,
    /// `achievement.achievementType` (`Degree`, `Certificate`, `Competency`, …).
    pub achievement_type: Option<String>,
    /// `achievement.alignment`: the frameworks and skills it is aligned with.
    pub alignments: Vec<Link>,
    /// `credentialSubject.result`: each result as text (its value or status, or achieved level).
    pub results: Vec<String>,
    /// `evidence`: what the award is based on.
    pub evidence: Vec<Link>,
}

/// A named thing with an optional link (alignments, evidence).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    /// Its name (or its link when unnamed).
    pub name: String,
    /// An http(s) URL, if any.
    pub url: Option<String>,
}

/// The result of [`crate::verify`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The overall verdict (see [`Report::verdict`] for how it is derived).
    pub verdict: Verdict,
    /// The recognised input format, if any.
    pub format: Option<Format>,
    /// Every check, in pipeline order.
    pub checks: Vec<Check>,
    /// Display fields, when the input was a credential.
    pub summary: Option<Summary>,
    /// The reports of the credentials a bundle carries (CLR 2.0), in its order; empty otherwise.
    pub credentials: Vec<Report>,
}

impl Report {
    pub(crate) fn from_checks(
        format: Option<Format>,
        checks: Vec<Check>,
        summary: Option<Summary>,
    ) -> Self {
        let verdict = Self::verdict(&checks);
        Self {
            verdict,
            format,
            checks,
            summary,
            credentials: Vec::new(),
        }
    }

    /// Derives the verdict from checks, most serious first:
    /// 1. any failure other than expiry/revocation → `invalid` (so a tampered, expired credential is `invalid`);
    /// 2. a skipped check that matters → `indeterminate`;
    /// 3. then `revoked`, `suspended`, `expired` (in that order); otherwise `valid`.
    pub fn verdict(checks: &[Check]) -> Verdict {
        let failed = |c: Code| {
            checks
                .iter()
                .any(|k| k.outcome == Outcome::Failed && k.code == c)
        };
        let state_codes = [
            Code::ValidityExpired,
            Code::X509Expired,
            Code::StatusRevoked,
            Code::StatusSuspended,
        ];
        if checks.is_empty() {
            return Verdict::Indeterminate;
        }
        if checks
            .iter()
            .any(|k| k.outcome == Outcome::Failed && !state_codes.contains(&k.code))
        {
            return Verdict::Invalid;
        }
        if checks
            .iter()
            .any(|k| k.outcome == Outcome::Skipped && k.code.skip_blocks_verdict())
        {
            return Verdict::Indeterminate;
        }
        if failed(Code::StatusRevoked) {
            return Verdict::Revoked;
        }
        if failed(Code::StatusSuspended) {
            return Verdict::Suspended;
        }
        if failed(Code::ValidityExpired) || failed(Code::X509Expired) {
            return Verdict::Expired;
        }
        Verdict::Valid
    }

    /// The first failed check, the headline reason for a non-valid verdict.
    pub fn first_failure(&self) -> Option<&Check> {
        self.checks.iter().find(|c| c.outcome == Outcome::Failed)
    }
}
