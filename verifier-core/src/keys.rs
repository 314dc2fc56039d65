//! Public keys in Multikey form (W3C Controlled Identifiers §2.2.2 "Multikey"): `z` + base58btc of
//! a multicodec header and the raw key. Ed25519 (`0xed 0x01`, 32 bytes, `z6Mk…`), and with feature
//! `ecdsa` P-256 (`0x80 0x24`, 33-byte compressed point, `zDn…`) and P-384 (`0x81 0x24`, 49 bytes, `z82…`).

use ed25519_dalek::VerifyingKey;

/// Multicodec varint of `ed25519-pub` (0xed).
const ED25519_PUB: [u8; 2] = [0xed, 0x01];
/// Multicodec varint of `p256-pub` (0x1200).
#[cfg(feature = "ecdsa")]
const P256_PUB: [u8; 2] = [0x80, 0x24];
/// Multicodec varint of `p384-pub` (0x1201).
#[cfg(feature = "ecdsa")]
const P384_PUB: [u8; 2] = [0x81, 0x24];

/// `z` + base58btc(`bytes`): the multibase form of keys and proof values.
pub fn encode_base58btc(bytes: &[u8]) -> alloc::string::String {
    let mut out = alloc::string::String::from("z");
    out.push_str(&bs58::encode(bytes).into_string());
    out
}

/// A verification key of one of the supported algorithms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicKey {
    /// Ed25519 (checked: on the curve, not of small order).
    Ed25519(VerifyingKey),
    /// ECDSA over P-256.
    #[cfg(feature = "ecdsa")]
    P256(p256::ecdsa::VerifyingKey),
    /// ECDSA over P-384.
    #[cfg(feature = "ecdsa")]
    P384(p384::ecdsa::VerifyingKey),
    /// RSA, 2048 to 8192 bits (JWT `RS256`, `PS256`).
    #[cfg(feature = "rsa")]
    Rsa(rsa::PublicKey),
}

/// How an RSA signature is padded (JWT `RS256` or `PS256`); other keys ignore it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RsaScheme {
    /// RSASSA-PKCS1-v1_5.
    Pkcs1v15,
    /// RSASSA-PSS, the salt as long as the hash (RFC 7518 §3.5).
    Pss,
}

impl PublicKey {
    /// Verifies `signature` over `message`: Ed25519 strictly (`verify_strict`: S < L, no
    /// small-order keys); ECDSA P-256 with SHA-256 and P-384 with SHA-384, signatures as r ‖ s
    /// (IEEE P1363); RSA with SHA-256 and `rsa`. `Err` says why the signature cannot be one of
    /// this key; `Ok(false)` is a signature that does not match.
    #[cfg_attr(not(feature = "rsa"), allow(unused_variables))]
    pub fn verify(
        &self,
        message: &[u8],
        signature: &[u8],
        rsa: RsaScheme,
    ) -> Result<bool, &'static str> {
        match self {
            Self::Ed25519(k) => {
                let bytes = <[u8; 64]>::try_from(signature)
                    .map_err(|_| "an Ed25519 signature is 64 bytes")?;
                Ok(
                    k.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes))
                        .is_ok(),
                )
            }
            #[cfg(feature = "ecdsa")]
            Self::P256(k) => {
                use p256::ecdsa::signature::Verifier as _;
                let sig = p256::ecdsa::Signature::from_slice(signature)
                    .map_err(|_| "a P-256 signature is 64 bytes (r ‖ s)")?;
                Ok(k.verify(message, &sig).is_ok())
            }
            #[cfg(feature = "ecdsa")]
            Self::P384(k) => {
                use p384::ecdsa::signature::Verifier as _;
                let sig = p384::ecdsa::Signature::from_slice(signature)
                    .map_err(|_| "a P-384 signature is 96 bytes (r ‖ s)")?;
                Ok(k.verify(message, &sig).is_ok())
            }
            #[cfg(feature = "rsa")]
            Self::Rsa(k) => {
                use rsa::signature::Verifier as _;
                let malformed = "not an RSA signature of this key's size";
                Ok(match rsa {
                    RsaScheme::Pkcs1v15 => {
                        let sig =
                            rsa::pkcs1v15::Signature::try_from(signature).map_err(|_| malformed)?;
                        rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(k.clone())
                            .verify(message, &sig)
                            .is_ok()
                    }
                    RsaScheme::Pss => {
                        let sig =
                            rsa::pss::Signature::try_from(signature).map_err(|_| malformed)?;
                        rsa::pss::VerifyingKey::<sha2::Sha256>::new_with_salt_len(k.clone(), 32)
                            .verify(message, &sig)
                            .is_ok()
                    }
                })
            }
        }
    }

    /// Whether this is a P-384 key (whose suites hash with SHA-384).
    pub const fn is_p384(&self) -> bool {
        match self {
            #[cfg(feature = "ecdsa")]
            Self::P384(_) => true,
            _ => false,
        }
    }

    /// The algorithm's name, for reports.
    pub const fn algorithm(&self) -> &'static str {
        match self {
            Self::Ed25519(_) => "Ed25519",
            #[cfg(feature = "ecdsa")]
            Self::P256(_) => "P-256",
            #[cfg(feature = "ecdsa")]
            Self::P384(_) => "P-384",
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => "RSA",
        }
    }
}

/// Decodes a `z…` Multikey.
pub fn decode_multikey(multibase: &str) -> Result<PublicKey, &'static str> {
    let encoded = multibase
        .strip_prefix('z')
        .ok_or("not base58btc multibase (no 'z' prefix)")?;
    if encoded.len() > 80 {
        return Err("too long for a public key");
    }
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|_| "invalid base58btc")?;
    if let Some(raw) = bytes.strip_prefix(&ED25519_PUB) {
        let raw: &[u8; 32] = raw.try_into().map_err(|_| "an Ed25519 key is 32 bytes")?;
        let key = VerifyingKey::from_bytes(raw).map_err(|_| "not a point on Ed25519")?;
        if key.is_weak() {
            return Err("weak (small-order) Ed25519 key");
        }
        return Ok(PublicKey::Ed25519(key));
    }
    #[cfg(feature = "ecdsa")]
    {
        if let Some(raw) = bytes.strip_prefix(&P256_PUB) {
            if raw.len() != 33 {
                return Err("a P-256 Multikey is a 33-byte compressed point");
            }
            return p256::ecdsa::VerifyingKey::from_sec1_bytes(raw)
                .map(PublicKey::P256)
                .map_err(|_| "not a point on P-256");
        }
        if let Some(raw) = bytes.strip_prefix(&P384_PUB) {
            if raw.len() != 49 {
                return Err("a P-384 Multikey is a 49-byte compressed point");
            }
            return p384::ecdsa::VerifyingKey::from_sec1_bytes(raw)
                .map(PublicKey::P384)
                .map_err(|_| "not a point on P-384");
        }
    }
    Err("unsupported key type (multicodec header)")
}

/// Reads a public JWK (RFC 7517): `OKP`/`Ed25519` (RFC 8037), and with feature `ecdsa` `EC`
/// `P-256`/`P-384` (RFC 7518 §6.2: `x`, `y` base64url, each the field size). Private members
/// (`d`) are refused: a public document carrying a private key is a leak, not a key.
pub fn from_jwk(
    jwk: &serde_json::Map<alloc::string::String, serde_json::Value>,
) -> Result<PublicKey, &'static str> {
    use base64ct::{Base64UrlUnpadded, Encoding};
    let field = |name: &str| jwk.get(name).and_then(serde_json::Value::as_str);
    #[cfg_attr(not(feature = "ecdsa"), allow(unused_variables))]
    let coordinate = |name: &str, len: usize| -> Result<alloc::vec::Vec<u8>, &'static str> {
        let text = field(name).ok_or("JWK coordinate missing")?;
        if text.len() > 100 {
            return Err("JWK coordinate too long");
        }
        let bytes =
            Base64UrlUnpadded::decode_vec(text).map_err(|_| "JWK coordinate is not base64url")?;
        if bytes.len() == len {
            Ok(bytes)
        } else {
            Err("JWK coordinate has the wrong length")
        }
    };
    if jwk.contains_key("d") {
        return Err("the JWK contains a private key");
    }
    match (field("kty"), field("crv")) {
        (Some("OKP"), Some("Ed25519")) => {
            let x = coordinate("x", 32)?;
            let raw: &[u8; 32] = x
                .as_slice()
                .try_into()
                .map_err(|_| "an Ed25519 key is 32 bytes")?;
            let key = VerifyingKey::from_bytes(raw).map_err(|_| "not a point on Ed25519")?;
            if key.is_weak() {
                return Err("weak (small-order) Ed25519 key");
            }
            Ok(PublicKey::Ed25519(key))
        }
        #[cfg(feature = "ecdsa")]
        (Some("EC"), Some(curve @ ("P-256" | "P-384"))) => {
            let len = if curve == "P-256" { 32 } else { 48 };
            let mut point = alloc::vec![0x04];
            point.extend(coordinate("x", len)?);
            point.extend(coordinate("y", len)?);
            if curve == "P-256" {
                p256::ecdsa::VerifyingKey::from_sec1_bytes(&point)
                    .map(PublicKey::P256)
                    .map_err(|_| "not a point on P-256")
            } else {
                p384::ecdsa::VerifyingKey::from_sec1_bytes(&point)
                    .map(PublicKey::P384)
                    .map_err(|_| "not a point on P-384")
            }
        }
        #[cfg(feature = "rsa")]
        (Some("RSA"), _) => {
            let big = |name: &str| -> Result<rsa::BoxedUint, &'static str> {
                let text = field(name).ok_or("RSA JWK member missing")?;
                if text.len() > 1400 {
                    return Err("RSA JWK member too long (over 8192 bits)");
                }
                let bytes = Base64UrlUnpadded::decode_vec(text)
                    .map_err(|_| "RSA JWK member is not base64url")?;
                let bits =
                    u32::try_from(bytes.len().max(1) * 8).map_err(|_| "RSA JWK member too long")?;
                rsa::BoxedUint::from_be_slice(&bytes, bits)
                    .map_err(|_| "RSA JWK member is not an integer")
            };
            rsa::PublicKey::new_with_size_limits(big("n")?, big("e")?, 2048..=8192)
                .map(PublicKey::Rsa)
                .map_err(|_| "not an acceptable RSA key (2048 to 8192 bits, valid exponent)")
        }
        _ => Err("unsupported JWK key type or curve"),
    }
}
