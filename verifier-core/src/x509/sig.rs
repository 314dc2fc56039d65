//! Signature algorithms of X.509 certificates, verified with pure-Rust RustCrypto / dalek code
//! (no C, so it runs in WebAssembly).
//!
//! Accepted (the set rustls-webpki accepts, plus SHA-512 variants): RSA PKCS#1 v1.5 and RSASSA-PSS
//! with SHA-256/384/512 (RFC 4055; PSS with MGF1 over the same hash and a salt as long as the
//! hash, as RFC 8017 recommends and the CA/Browser Forum BRs §7.1.3.2 require), ECDSA over P-256 /
//! P-384 with SHA-256/384/512 (RFC 5758), Ed25519 (RFC 8410). SHA-1 signatures are recognised
//! and refused as weak (CA/B Forum BRs §7.1.3.2: SHA-1 is not allowed since 2016).

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use sha2::Digest as _;
use x509_parser::der_parser::oid::Oid;
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo};

/// A hash function named by a signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    /// SHA-1: recognised only to be refused.
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            // Never used to verify; SHA-1 algorithms are refused before hashing.
            Hash::Sha1 => Vec::new(),
            Hash::Sha256 => sha2::Sha256::digest(message).to_vec(),
            Hash::Sha384 => sha2::Sha384::digest(message).to_vec(),
            Hash::Sha512 => sha2::Sha512::digest(message).to_vec(),
        }
    }

    const fn name(self) -> &'static str {
        match self {
            Hash::Sha1 => "SHA1",
            Hash::Sha256 => "SHA256",
            Hash::Sha384 => "SHA384",
            Hash::Sha512 => "SHA512",
        }
    }

    fn from_oid(oid: &Oid<'_>) -> Option<Hash> {
        Some(match oid.to_id_string().as_str() {
            "1.3.14.3.2.26" => Hash::Sha1,
            "2.16.840.1.101.3.4.2.1" => Hash::Sha256,
            "2.16.840.1.101.3.4.2.2" => Hash::Sha384,
            "2.16.840.1.101.3.4.2.3" => Hash::Sha512,
            _ => return None,
        })
    }
}

/// A certificate's signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5.
    RsaPkcs1(Hash),
    /// RSASSA-PSS (MGF1 with the same hash, salt length = hash length).
    RsaPss(Hash),
    /// ECDSA (DER-encoded signature).
    Ecdsa(Hash),
    /// Ed25519 (PureEdDSA).
    Ed25519,
}

impl SignatureAlgorithm {
    /// A short display name such as `RSA-PSS-SHA256` or `ECDSA-SHA384`.
    pub fn name(self) -> String {
        match self {
            Self::RsaPkcs1(h) => ["RSA-", h.name()].concat(),
            Self::RsaPss(h) => ["RSA-PSS-", h.name()].concat(),
            Self::Ecdsa(h) => ["ECDSA-", h.name()].concat(),
            Self::Ed25519 => "Ed25519".to_string(),
        }
    }

    /// Whether it hashes with SHA-1.
    pub fn is_sha1(self) -> bool {
        matches!(
            self,
            Self::RsaPkcs1(Hash::Sha1) | Self::RsaPss(Hash::Sha1) | Self::Ecdsa(Hash::Sha1)
        )
    }

    /// Reads an AlgorithmIdentifier; `Err` names the algorithm that is not supported.
    pub fn from_identifier(alg: &AlgorithmIdentifier<'_>) -> Result<Self, String> {
        let oid = alg.algorithm.to_id_string();
        let no_params = alg.parameters.is_none();
        // RFC 4055 §5 / RFC 3279 §2.2.1: the parameters of the PKCS#1 v1.5 algorithms are NULL
        // (absent is tolerated, as most verifiers do).
        let null_or_absent = alg.parameters.as_ref().is_none_or(|p| {
            p.tag() == x509_parser::der_parser::asn1_rs::Tag::Null && p.data.is_empty()
        });
        let parsed = match oid.as_str() {
            "1.2.840.113549.1.1.5" if null_or_absent => Self::RsaPkcs1(Hash::Sha1),
            "1.2.840.113549.1.1.11" if null_or_absent => Self::RsaPkcs1(Hash::Sha256),
            "1.2.840.113549.1.1.12" if null_or_absent => Self::RsaPkcs1(Hash::Sha384),
            "1.2.840.113549.1.1.13" if null_or_absent => Self::RsaPkcs1(Hash::Sha512),
            "1.2.840.113549.1.1.10" => Self::RsaPss(pss_hash(alg)?),
            // RFC 5758 §3.2: ECDSA identifiers have no parameters.
            "1.2.840.10045.4.1" if no_params => Self::Ecdsa(Hash::Sha1),
            "1.2.840.10045.4.3.2" if no_params => Self::Ecdsa(Hash::Sha256),
            "1.2.840.10045.4.3.3" if no_params => Self::Ecdsa(Hash::Sha384),
            "1.2.840.10045.4.3.4" if no_params => Self::Ecdsa(Hash::Sha512),
            // RFC 8410 §3: absent parameters.
            "1.3.101.112" if no_params => Self::Ed25519,
            _ => return Err(oid),
        };
        Ok(parsed)
    }
}

/// RFC 4055 §3.1 RSASSA-PSS-params, restricted to the one consistent form in use: MGF1 with the
/// same hash, salt as long as the hash, trailer field 1.
fn pss_hash(alg: &AlgorithmIdentifier<'_>) -> Result<Hash, String> {
    let unsupported = || "RSASSA-PSS with these parameters".to_string();
    let Ok(x509_parser::signature_algorithm::SignatureAlgorithm::RSASSA_PSS(params)) =
        x509_parser::signature_algorithm::SignatureAlgorithm::try_from(alg)
    else {
        return Err(unsupported());
    };
    let hash = Hash::from_oid(params.hash_algorithm_oid()).ok_or_else(unsupported)?;
    let mgf = params.mask_gen_algorithm().map_err(|_| unsupported())?;
    let mgf_is_mgf1 = mgf.mgf.to_id_string() == "1.2.840.113549.1.1.8";
    let salt = match hash {
        Hash::Sha1 => 20,
        Hash::Sha256 => 32,
        Hash::Sha384 => 48,
        Hash::Sha512 => 64,
    };
    if !mgf_is_mgf1
        || Hash::from_oid(&mgf.hash) != Some(hash)
        || params.salt_length() != salt
        || params.trailer_field() != 1
    {
        return Err(unsupported());
    }
    Ok(hash)
}

/// A subject public key this module can verify with.
#[derive(Clone, Debug)]
pub enum CertKey {
    /// RSA (2048 to 8192 bits).
    Rsa(rsa::PublicKey),
    /// ECDSA P-256.
    P256(p256::ecdsa::VerifyingKey),
    /// ECDSA P-384.
    P384(p384::ecdsa::VerifyingKey),
    /// Ed25519.
    Ed25519(ed25519_dalek::VerifyingKey),
}

/// Why a key cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// An algorithm or curve this module does not verify with (its OID).
    Unsupported(String),
    /// RSA below 2048 bits (the CA/B Forum minimum, BRs §6.1.5).
    Weak(usize),
    /// The key is malformed.
    Malformed,
}

impl CertKey {
    /// Reads a SubjectPublicKeyInfo.
    pub fn from_spki(spki: &SubjectPublicKeyInfo<'_>) -> Result<Self, KeyError> {
        let key = spki.subject_public_key.data.as_ref();
        match spki.algorithm.algorithm.to_id_string().as_str() {
            "1.2.840.113549.1.1.1" => {
                let Ok(x509_parser::public_key::PublicKey::RSA(rsa_key)) = spki.parsed() else {
                    return Err(KeyError::Malformed);
                };
                let bits = modulus_bits(rsa_key.modulus);
                if bits < 2048 {
                    return Err(KeyError::Weak(bits));
                }
                if !bits.is_multiple_of(8) {
                    // CA/B BRs §6.1.5: "the modulus size, when encoded, MUST be divisible by 8".
                    return Err(KeyError::Unsupported(format!(
                        "RSA {bits} (not a multiple of 8 bits)"
                    )));
                }
                let big = |bytes: &[u8]| -> Result<rsa::BoxedUint, KeyError> {
                    let bits =
                        u32::try_from(bytes.len().max(1) * 8).map_err(|_| KeyError::Malformed)?;
                    rsa::BoxedUint::from_be_slice(bytes, bits).map_err(|_| KeyError::Malformed)
                };
                rsa::PublicKey::new_with_size_limits(
                    big(rsa_key.modulus)?,
                    big(rsa_key.exponent)?,
                    2048..=8192,
                )
                .map(CertKey::Rsa)
                .map_err(|_| KeyError::Malformed)
            }
            "1.2.840.10045.2.1" => {
                let curve = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.as_oid().ok())
                    .map(|o| o.to_id_string())
                    .ok_or(KeyError::Malformed)?;
                match curve.as_str() {
                    "1.2.840.10045.3.1.7" => p256::ecdsa::VerifyingKey::from_sec1_bytes(key)
                        .map(CertKey::P256)
                        .map_err(|_| KeyError::Malformed),
                    "1.3.132.0.34" => p384::ecdsa::VerifyingKey::from_sec1_bytes(key)
                        .map(CertKey::P384)
                        .map_err(|_| KeyError::Malformed),
                    _ => Err(KeyError::Unsupported(curve)),
                }
            }
            "1.3.101.112" => {
                let raw: &[u8; 32] = key.try_into().map_err(|_| KeyError::Malformed)?;
                ed25519_dalek::VerifyingKey::from_bytes(raw)
                    .map(CertKey::Ed25519)
                    .map_err(|_| KeyError::Malformed)
            }
            other => Err(KeyError::Unsupported(other.to_string())),
        }
    }

    /// Verifies `signature` over `message` with `alg`. `Ok(false)`: it does not match (also when
    /// `alg` is not this key's kind); `Err`: the algorithm is refused (the reason).
    pub fn verify(
        &self,
        alg: SignatureAlgorithm,
        message: &[u8],
        signature: &[u8],
    ) -> Result<bool, &'static str> {
        use p256::ecdsa::signature::Verifier as _;
        use p256::ecdsa::signature::hazmat::PrehashVerifier as _;
        if alg.is_sha1() {
            return Err("SHA-1 signatures are refused");
        }
        match (self, alg) {
            (CertKey::Rsa(k), SignatureAlgorithm::RsaPkcs1(h)) => {
                let Ok(sig) = rsa::pkcs1v15::Signature::try_from(signature) else {
                    return Ok(false);
                };
                let k = k.clone();
                Ok(match h {
                    Hash::Sha256 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(k)
                        .verify(message, &sig)
                        .is_ok(),
                    Hash::Sha384 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha384>::new(k)
                        .verify(message, &sig)
                        .is_ok(),
                    Hash::Sha512 => rsa::pkcs1v15::VerifyingKey::<sha2::Sha512>::new(k)
                        .verify(message, &sig)
                        .is_ok(),
                    Hash::Sha1 => false,
                })
            }
            (CertKey::Rsa(k), SignatureAlgorithm::RsaPss(h)) => {
                let Ok(sig) = rsa::pss::Signature::try_from(signature) else {
                    return Ok(false);
                };
                let k = k.clone();
                Ok(match h {
                    Hash::Sha256 => {
                        rsa::pss::VerifyingKey::<sha2::Sha256>::new_with_salt_len(k, 32)
                            .verify(message, &sig)
                            .is_ok()
                    }
                    Hash::Sha384 => {
                        rsa::pss::VerifyingKey::<sha2::Sha384>::new_with_salt_len(k, 48)
                            .verify(message, &sig)
                            .is_ok()
                    }
                    Hash::Sha512 => {
                        rsa::pss::VerifyingKey::<sha2::Sha512>::new_with_salt_len(k, 64)
                            .verify(message, &sig)
                            .is_ok()
                    }
                    Hash::Sha1 => false,
                })
            }
            (CertKey::P256(k), SignatureAlgorithm::Ecdsa(h)) => {
                let Some(raw) = der_ecdsa_to_raw(signature, 32) else {
                    return Ok(false);
                };
                let Ok(sig) = p256::ecdsa::Signature::from_slice(&raw) else {
                    return Ok(false);
                };
                Ok(k.verify_prehash(&h.digest(message), &sig).is_ok())
            }
            (CertKey::P384(k), SignatureAlgorithm::Ecdsa(h)) => {
                let Some(raw) = der_ecdsa_to_raw(signature, 48) else {
                    return Ok(false);
                };
                let Ok(sig) = p384::ecdsa::Signature::from_slice(&raw) else {
                    return Ok(false);
                };
                Ok(k.verify_prehash(&h.digest(message), &sig).is_ok())
            }
            (CertKey::Ed25519(k), SignatureAlgorithm::Ed25519) => {
                let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
                    return Ok(false);
                };
                Ok(
                    k.verify(message, &ed25519_dalek::Signature::from_bytes(&bytes))
                        .is_ok(),
                )
            }
            // A signature of another algorithm than the issuer's key cannot be this key's: it
            // does not verify (an impostor issuer of the same name is the usual cause).
            _ => Ok(false),
        }
    }
}

/// The size in bits of a big-endian unsigned integer (leading zero bytes ignored).
pub fn modulus_bits(modulus: &[u8]) -> usize {
    let trimmed = match modulus.iter().position(|b| *b != 0) {
        Some(first) => modulus.get(first..).unwrap_or_default(),
        None => return 0,
    };
    let top = trimmed.first().map_or(0, |b| 8 - b.leading_zeros());
    (trimmed.len() - 1) * 8 + usize::try_from(top).unwrap_or(8)
}

/// `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 5480 §2.2, RFC 3279 §2.2.3) in
/// strict DER, to the fixed-width `r ‖ s` the ECDSA crates take. `None` if it is not that.
pub fn der_ecdsa_to_raw(der: &[u8], width: usize) -> Option<Vec<u8>> {
    // Short-form lengths only: r and s are at most 49 bytes each, so the whole is < 128.
    let (&tag, rest) = der.split_first()?;
    let (&len, body) = rest.split_first()?;
    if tag != 0x30 || usize::from(len) != body.len() || len >= 0x80 {
        return None;
    }
    let mut out = Vec::with_capacity(width * 2);
    let mut body = body;
    for _ in 0..2 {
        let (&tag, rest) = body.split_first()?;
        let (&len, rest) = rest.split_first()?;
        let len = usize::from(len);
        if tag != 0x02 || len == 0 || len >= 0x80 || rest.len() < len {
            return None;
        }
        let (int, after) = rest.split_at(len);
        // Minimal encoding: no superfluous leading zero; positive.
        match int {
            [0x00] => return None, // zero is never a valid r or s
            [0x00, next, ..] if next & 0x80 == 0 => return None,
            [first, ..] if first & 0x80 != 0 => return None,
            _ => {}
        }
        let int = int.strip_prefix(&[0x00]).unwrap_or(int);
        if int.len() > width {
            return None;
        }
        out.extend(core::iter::repeat_n(0u8, width - int.len()));
        out.extend_from_slice(int);
        body = after;
    }
    body.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_signature_strictness() {
        // r = 1, s = 2
        assert_eq!(
            der_ecdsa_to_raw(&[0x30, 6, 2, 1, 1, 2, 1, 2], 2),
            Some(alloc::vec![0, 1, 0, 2])
        );
        // non-minimal leading zero
        assert_eq!(der_ecdsa_to_raw(&[0x30, 7, 2, 2, 0, 1, 2, 1, 2], 2), None);
        // negative
        assert_eq!(der_ecdsa_to_raw(&[0x30, 6, 2, 1, 0x81, 2, 1, 2], 2), None);
        // trailing data
        assert_eq!(der_ecdsa_to_raw(&[0x30, 7, 2, 1, 1, 2, 1, 2, 0], 2), None);
        // too wide
        assert_eq!(der_ecdsa_to_raw(&[0x30, 7, 2, 2, 1, 1, 2, 1, 2], 1), None);
        assert_eq!(der_ecdsa_to_raw(&[], 32), None);
    }
}
