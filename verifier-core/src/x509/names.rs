//! Server names: matching a DNS name or IP address against a certificate's subjectAltName
//! (RFC 6125 §6.4, as the CA/B Forum and browsers apply it: no common-name fallback, a wildcard
//! only as the whole left-most label), and name constraints (RFC 5280 §4.2.1.10).

use alloc::string::String;
use alloc::vec::Vec;

/// The name a certificate is checked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerName {
    /// A DNS host name (lower-cased, no trailing dot).
    Dns(String),
    /// An IPv4 (4 bytes) or IPv6 (16 bytes) address.
    Ip(Vec<u8>),
}

impl ServerName {
    /// Reads `example.com`, `192.0.2.1` or `2001:db8::1`. `None` if it is neither a valid DNS
    /// name nor an address.
    pub fn parse(text: &str) -> Option<Self> {
        if let Ok(ip) = text.parse::<core::net::IpAddr>() {
            return Some(ServerName::Ip(match ip {
                core::net::IpAddr::V4(v4) => v4.octets().to_vec(),
                core::net::IpAddr::V6(v6) => v6.octets().to_vec(),
            }));
        }
        let name = text.strip_suffix('.').unwrap_or(text).to_ascii_lowercase();
        is_dns_name(&name, false).then_some(ServerName::Dns(name))
    }
}

/// A syntactically valid DNS name (RFC 1035 §2.3.1 letters, digits and hyphens, plus `_` as
/// seen in practice), 1–253 characters, labels 1–63, optionally with `*.` in front.
fn is_dns_name(name: &str, allow_wildcard: bool) -> bool {
    let name = match name.strip_prefix("*.") {
        Some(rest) if allow_wildcard => rest,
        _ => name,
    };
    !name.is_empty()
        && name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// A subjectAltName dNSName (or dNSName constraint): letters, digits and hyphens (RFC 1034
/// §3.5 preferred name syntax, as RFC 5280 §4.2.1.6 requires; no `_`), optionally `*.` first.
pub fn is_san_dns_name(name: &str) -> bool {
    is_dns_name(name, true) && !name.contains('_')
}

/// Whether a subjectAltName dNSName `pattern` covers `host` (lower-case). A wildcard `*.` stands
/// for exactly one whole, non-empty left-most label and needs at least two labels after it.
pub fn dns_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern
        .strip_suffix('.')
        .unwrap_or(pattern)
        .to_ascii_lowercase();
    if !is_dns_name(&pattern, true) {
        return false;
    }
    match pattern.strip_prefix("*.") {
        Some(suffix) => {
            suffix.contains('.')
                && host
                    .split_once('.')
                    .is_some_and(|(first, rest)| !first.is_empty() && rest == suffix)
        }
        None => pattern == host,
    }
}

/// RFC 5280 §4.2.1.10 dNSName constraint: `base` matches `name` if `name` is `base` or ends
/// with `.` + `base`; a base with a leading `.` matches only names below it. The empty base
/// matches everything.
pub fn dns_within(name: &str, base: &str) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let base = base.strip_suffix('.').unwrap_or(base).to_ascii_lowercase();
    if base.is_empty() {
        return true;
    }
    // A wildcard name is within a subtree if what it stands for is.
    let name = name.strip_prefix("*.").unwrap_or(&name);
    let below = |suffix: &str| {
        name.strip_suffix(suffix)
            .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
    };
    match base.strip_prefix('.') {
        Some(dotted) => below(dotted),
        None => name == base || below(&base),
    }
}

/// RFC 5280 §4.2.1.10 iPAddress constraint: `constraint` is address ‖ mask (8 or 32 bytes).
/// `None` if the constraint is malformed (wrong length, or a mask that is not a prefix).
pub fn ip_within(ip: &[u8], constraint: &[u8]) -> Option<bool> {
    let half = constraint.len() / 2;
    if (constraint.len() != 8 && constraint.len() != 32) || ip.len() > 16 {
        return None;
    }
    let (network, mask) = constraint.split_at(half);
    // The mask must be a contiguous prefix of ones.
    let mut seen_zero = false;
    for byte in mask {
        for bit in (0..8).rev() {
            let one = byte >> bit & 1 == 1;
            if one && seen_zero {
                return None;
            }
            seen_zero |= !one;
        }
    }
    if ip.len() != half {
        return Some(false); // IPv4 vs IPv6: not in this subtree
    }
    Some(
        ip.iter()
            .zip(network)
            .zip(mask)
            .all(|((a, n), m)| a & m == n & m),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(dns_matches("*.example.com", "www.example.com"));
        assert!(!dns_matches("*.example.com", "example.com"));
        assert!(!dns_matches("*.example.com", "a.b.example.com"));
        assert!(!dns_matches("*.com", "example.com"));
        assert!(!dns_matches("w*.example.com", "www.example.com"));
        assert!(dns_matches("Example.COM", "example.com"));
    }

    #[test]
    fn constraints() {
        assert!(dns_within("example.com", "example.com"));
        assert!(dns_within("a.example.com", "example.com"));
        assert!(!dns_within("badexample.com", "example.com"));
        assert!(!dns_within("example.com", ".example.com"));
        assert!(dns_within("a.example.com", ".example.com"));
        assert!(dns_within("anything", ""));
        assert_eq!(
            ip_within(&[10, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]),
            Some(true)
        );
        assert_eq!(
            ip_within(&[11, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 0, 0]),
            Some(false)
        );
        assert_eq!(
            ip_within(&[10, 1, 2, 3], &[10, 0, 0, 0, 255, 0, 255, 0]),
            None
        );
    }

    #[test]
    fn server_names() {
        assert_eq!(
            ServerName::parse("Example.com."),
            Some(ServerName::Dns("example.com".into()))
        );
        assert_eq!(
            ServerName::parse("192.0.2.1"),
            Some(ServerName::Ip(alloc::vec![192, 0, 2, 1]))
        );
        assert_eq!(ServerName::parse("not a name"), None);
    }
}
