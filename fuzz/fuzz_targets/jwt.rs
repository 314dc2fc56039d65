//! JWT credentials: the input as a compact JWS's payload (with a fixed EdDSA header) and as its
//! header (with a fixed payload). Verification never panics and always yields checks.
#![no_main]
use base64ct::{Base64UrlUnpadded, Encoding};
use libfuzzer_sys::fuzz_target;
use verifier_core::{Context, UnixTime, verify};

const HEADER: &str = r#"{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"}"#;
const PAYLOAD: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK","credentialSubject":{"id":"did:example:1"}}"#;

fuzz_target!(|data: &[u8]| {
    let b64 = |b: &[u8]| Base64UrlUnpadded::encode_string(b);
    let signature = b64(&[0u8; 64]);
    for jws in [
        format!("{}.{}.{signature}", b64(HEADER.as_bytes()), b64(data)),
        format!("{}.{}.{signature}", b64(data), b64(PAYLOAD.as_bytes())),
    ] {
        let report = verify(jws.as_bytes(), &Context::default(), UnixTime(1_780_000_000));
        assert!(!report.checks.is_empty());
        assert_ne!(
            report.verdict,
            verifier_core::Verdict::Valid,
            "a zero signature never verifies"
        );
    }
});
