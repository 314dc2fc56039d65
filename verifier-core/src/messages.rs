//! English text for each [`Code`], for the shells (CLI, JS API). The verification logic never uses it.

use crate::report::Code;

/// A one-sentence English explanation of `code`.
pub const fn english(code: Code) -> &'static str {
    match code {
        Code::InputParsed => "The input was read as a JSON credential.",
        Code::InputEmpty => "The input is empty.",
        Code::LimitsInputSize => "The input is larger than this verifier accepts.",
        Code::LimitsJsonDepth => "The JSON is nested too deeply to be a credential.",
        Code::LimitsJsonValues => {
            "The JSON has far more fields than any credential; it was not read."
        }
        Code::InputJsonInvalid => "The input is not well-formed JSON.",
        Code::InputFormatUnsupported => {
            "This kind of input is recognised but cannot be verified by this version."
        }
        Code::InputUnrecognised => "The input is not a recognised credential.",
        Code::StructureValid => {
            "All required fields of the credential are present and well-formed."
        }
        Code::StructureMissingField => "A required field is missing.",
        Code::StructureInvalidValue => "A field has a value of the wrong kind.",
        Code::IssuerKeyResolved => {
            "The signing key belongs to the issuer and may sign credentials."
        }
        Code::IssuerVmNotIssuer => {
            "The credential was signed with a key that does not belong to its issuer."
        }
        Code::IssuerVmNotFound => "The signing key is not listed in the issuer's DID document.",
        Code::IssuerVmNotAssertion => "The issuer has not authorised this key to sign credentials.",
        Code::IssuerDidInvalid => "The issuer's identifier or key reference is malformed.",
        Code::IssuerDidUnsupported => {
            "The issuer uses a kind of identifier this verifier cannot resolve."
        }
        Code::IssuerKeyInvalid => "The issuer's public key is malformed or unsafe.",
        Code::IssuerDocumentMissing => "The issuer's DID document could not be obtained.",
        Code::IssuerDocumentInvalid => {
            "The issuer's DID document is malformed or belongs to someone else."
        }
        Code::ProofVerified => {
            "The digital signature is valid: the credential has not been altered."
        }
        Code::ProofMissing => "The credential has no digital signature.",
        Code::ProofMalformed => "The digital signature is malformed.",
        Code::ProofUnsupportedSuite => {
            "The signature uses a method this verifier does not support."
        }
        Code::ProofPurposeMismatch => "The signature was not made for issuing credentials.",
        Code::ProofContextMismatch => "The signature's context does not match the credential's.",
        Code::ProofExpired => "The signature itself has expired.",
        Code::ProofSignatureMismatch => {
            "The digital signature does not match: the credential was altered or not signed by this key."
        }
        Code::ProofKeyTypeMismatch => {
            "The signature's method does not fit the type of the issuer's key."
        }
        Code::ProofNoKey => {
            "The signature could not be checked because the issuer's key is unavailable."
        }
        Code::ContextUnknown => {
            "The credential uses a vocabulary (JSON-LD context) this verifier does not have; it is never downloaded."
        }
        Code::JsonldUndefinedTerm => {
            "The credential contains a field its vocabulary does not define, so the signature would not cover it."
        }
        Code::JsonldInlineContext => {
            "The credential redefines its vocabulary inline, which this verifier does not accept."
        }
        Code::JsonldInvalid => "The credential is not valid JSON-LD.",
        Code::LimitsRdfcPoison => {
            "The credential's data is built to make canonicalization take too long; it was rejected."
        }
        Code::LimitsMerklePath => {
            "The anchor's Merkle path is far longer than any real batch needs; it was not read."
        }
        Code::AnchorVerified => {
            "The credential is anchored in a Bitcoin block: it existed, unchanged, when that block was mined."
        }
        Code::AnchorConfirmedOnline => {
            "A block explorer reports the anchoring transaction confirmed on the blockchain (checked online, trusting that explorer)."
        }
        Code::AnchorLookupFailed => {
            "The block explorer's answer about the anchor could not be used."
        }
        Code::AnchorMissing => {
            "This verifier requires a blockchain anchor, and the credential has none."
        }
        Code::AnchorMalformed => "The credential's blockchain anchor is malformed.",
        Code::AnchorMerkleMismatch => {
            "The credential is not part of the batch its anchor claims: it was altered or the anchor was copied from another credential."
        }
        Code::AnchorMock => "The anchor is on a test (mock) chain: it proves nothing.",
        Code::AnchorUnsupportedChain => {
            "The anchor is on a blockchain this verifier does not check."
        }
        Code::AnchorEvidenceMissing => {
            "The credential does not carry the evidence to check its anchor offline; an online lookup is needed."
        }
        Code::AnchorTransactionInvalid => "The anchoring transaction is malformed.",
        Code::AnchorRootNotInTransaction => {
            "The anchoring transaction does not carry this batch's fingerprint."
        }
        Code::AnchorBlockProofInvalid => {
            "The proof that the transaction is in a block is malformed."
        }
        Code::AnchorTransactionNotInBlock => {
            "The block proof does not include the anchoring transaction."
        }
        Code::AnchorProofOfWorkInvalid => {
            "A block header does not carry the proof of work the Bitcoin network requires."
        }
        Code::AnchorHeadersInvalid => "The block headers supplied with the anchor do not link up.",
        Code::AnchorHeaderUnknown => {
            "The anchor's block could not be tied to the real Bitcoin chain: no known checkpoint connects to it."
        }
        Code::AnchorUnconfirmed => {
            "Too few blocks have been mined on top of the anchor's block yet."
        }
        Code::ValidityCurrent => "The credential is within its validity period.",
        Code::ValidityExpired => "The credential has expired.",
        Code::ValidityNotYetValid => "The credential is not valid yet.",
        Code::StatusNone => "The credential has no revocation status to check.",
        Code::StatusUnsupported => {
            "The credential's revocation status uses a method this verifier cannot check yet."
        }
        Code::InputBakedNone => "This image has no credential baked into it.",
        Code::InputBakedInvalid => {
            "The image is damaged, or the credential baked into it is malformed."
        }
        Code::JwtMalformed => "The input looks like a JWT but is not a well-formed one.",
        Code::JwtClaimMismatch => {
            "A JWT claim contradicts the credential it carries (e.g. a different issuer or date)."
        }
        Code::JwtAlgForbidden => {
            "The JWT asks for no signature or a shared-secret (HMAC) check, which is never accepted."
        }
        Code::JwtHeaderInvalid => "The JWT header is not acceptable.",
        Code::IssuerKeyEmbedded => {
            "The signing key comes only from the credential itself, so nothing shows it belongs to the issuer."
        }
        Code::IssuerX5cUnverified => {
            "The credential's signing certificate chain was not validated."
        }
        Code::StatusActive => {
            "The issuer's status list shows the credential is not revoked or suspended."
        }
        Code::StatusRevoked => "The issuer has revoked this credential.",
        Code::StatusSuspended => "The issuer has suspended this credential.",
        Code::StatusMessage => "The issuer's status list gives this credential a status message.",
        Code::StatusRefresh => {
            "The credential says where to refresh it; this says nothing about revocation."
        }
        Code::StatusEntryInvalid => "The credential's revocation status entry is malformed.",
        Code::StatusListMissing => {
            "The issuer's status list could not be obtained, so revocation could not be checked."
        }
        Code::StatusListInvalid => {
            "The issuer's status list is malformed or does not cover this credential, so revocation could not be checked."
        }
        Code::StatusListUnverified => {
            "The status list's own signature does not verify, so it was not trusted."
        }
        Code::StatusListIssuerMismatch => {
            "The status list was not published by the credential's issuer, so it was not trusted."
        }
        Code::StatusListExpired => {
            "The status list is outside its validity period, so it says nothing about today."
        }
        Code::LimitsDecompressedSize => {
            "The status list expands to more data than this verifier accepts; it was not read."
        }
        Code::TrustTrustedIssuer => "The issuer is on this verifier's list of trusted issuers.",
        Code::TrustUnknownIssuer => "The issuer is not on this verifier's list of trusted issuers.",
        Code::TrustNotConfigured => {
            "This verifier has no list of trusted issuers; check who the issuer is yourself."
        }
        Code::ContentsCredentialValid => "A credential carried in this bundle verifies.",
        Code::ContentsCredentialNotValid => "A credential carried in this bundle is not valid.",
        Code::LimitsNestedCredentials => {
            "The bundle carries more credentials than this verifier checks, or a bundle inside a bundle."
        }
        Code::TrustUntrustedIssuer => {
            "This verifier only accepts trusted issuers, and this issuer is not one."
        }
        Code::X509Parsed => "The input was read as X.509 certificates.",
        Code::X509None => "The input holds no certificate.",
        Code::X509Malformed => "A certificate is malformed.",
        Code::LimitsCertificates => "The input holds more certificates than this verifier reads.",
        Code::X509Current => "The certificate is within its validity period.",
        Code::X509Expired => "A certificate has expired.",
        Code::X509NotYetValid => "A certificate is not valid yet.",
        Code::X509UsageValid => "The certificate may be used for this purpose.",
        Code::X509EkuMismatch => {
            "The certificate is not allowed for this purpose (extended key usage)."
        }
        Code::X509KeyUsageInvalid => "The certificate's key usage does not allow signing.",
        Code::X509LeafIsCa => "The end-entity certificate is a CA certificate.",
        Code::X509UnknownCriticalExtension => {
            "A certificate has a critical extension this verifier does not understand."
        }
        Code::X509NameMatched => "The certificate is for the name asked.",
        Code::X509NameMismatch => "The certificate is not for the name asked.",
        Code::X509NameNotChecked => {
            "No host name was given, so the certificate was not checked for one."
        }
        Code::X509ChainValid => {
            "The chain leads to a trusted root and every signature in it is valid."
        }
        Code::X509NoTrustAnchors => {
            "No trusted roots were given, so the chain could not be validated."
        }
        Code::X509UnknownIssuer => "The chain does not lead to any trusted root.",
        Code::X509SignatureInvalid => "A signature in the chain is not valid.",
        Code::X509UnsupportedAlgorithm => {
            "A certificate uses a signature or key algorithm this verifier does not accept."
        }
        Code::X509NotCa => "A certificate in the chain signs others without being allowed to.",
        Code::X509PathLenExceeded => "The chain is longer than an issuer allows.",
        Code::X509NameConstraintsViolated => {
            "A name is outside what an issuer is allowed to certify."
        }
        Code::X509ProfileViolation => {
            "A certificate breaks the rules certificates must follow (RFC 5280, CA/Browser Forum)."
        }
        Code::LimitsNameConstraints => {
            "Checking the chain's name constraints needed more work than this verifier allows."
        }
        Code::LimitsChainDepth => "The chain is longer than this verifier follows.",
        Code::LimitsSignatureChecks => {
            "Building the chain needed more signature checks than this verifier allows."
        }
        Code::X509LifetimeCompliant => {
            "The certificate's lifetime is within the CA/Browser Forum limit for its issuance date."
        }
        Code::X509LifetimeExceedsPolicy => {
            "The certificate's lifetime exceeds the CA/Browser Forum limit for its issuance date."
        }
        Code::X509WeakSignature => "The certificate is signed with SHA-1, which is no longer safe.",
        Code::X509WeakKey => "The certificate's key is too weak (RSA below 2048 bits).",
        Code::X509SanMissing => {
            "The certificate has no subjectAltName; browsers will not accept it for any host."
        }
    }
}
