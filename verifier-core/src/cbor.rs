//! A small CBOR (RFC 8949) reader for the values MerkleProof2019 proof values use: unsigned and
//! negative integers, byte and text strings, arrays and maps (definite lengths only), with depth
//! and size bounds. Tags, floats and indefinite lengths are refused: they never occur there.

use alloc::string::String;
use alloc::vec::Vec;

/// A decoded CBOR value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cbor {
    /// An integer (major types 0 and 1).
    Int(i128),
    /// A byte string.
    Bytes(Vec<u8>),
    /// A text string.
    Text(String),
    /// An array.
    Array(Vec<Cbor>),
    /// A map, in order.
    Map(Vec<(Cbor, Cbor)>),
}

const MAX_DEPTH: usize = 16;

/// Decodes exactly one CBOR value filling `bytes`; `None` if malformed, unsupported or trailing.
pub fn decode(bytes: &[u8]) -> Option<Cbor> {
    let mut at = 0;
    let value = item(bytes, &mut at, 0)?;
    (at == bytes.len()).then_some(value)
}

fn take<'a>(bytes: &'a [u8], at: &mut usize, n: usize) -> Option<&'a [u8]> {
    let end = at.checked_add(n)?;
    let slice = bytes.get(*at..end)?;
    *at = end;
    Some(slice)
}

fn argument(bytes: &[u8], at: &mut usize, info: u8) -> Option<u64> {
    let n = match info {
        0..=23 => return Some(u64::from(info)),
        24 => 1,
        25 => 2,
        26 => 4,
        27 => 8,
        _ => return None, // reserved or indefinite length
    };
    let raw = take(bytes, at, n)?;
    Some(raw.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b)))
}

fn item(bytes: &[u8], at: &mut usize, depth: usize) -> Option<Cbor> {
    if depth > MAX_DEPTH {
        return None;
    }
    let head = *bytes.get(*at)?;
    *at += 1;
    let (major, info) = (head >> 5, head & 0x1f);
    let arg = argument(bytes, at, info)?;
    // Every element takes at least one byte: a count beyond what is left is a lie.
    let remaining = u64::try_from(bytes.len().saturating_sub(*at)).ok()?;
    match major {
        0 => Some(Cbor::Int(i128::from(arg))),
        1 => Some(Cbor::Int(-1 - i128::from(arg))),
        2 | 3 => {
            if arg > remaining {
                return None;
            }
            let data = take(bytes, at, usize::try_from(arg).ok()?)?.to_vec();
            if major == 2 {
                Some(Cbor::Bytes(data))
            } else {
                String::from_utf8(data).ok().map(Cbor::Text)
            }
        }
        4 => {
            if arg > remaining {
                return None;
            }
            (0..arg)
                .map(|_| item(bytes, at, depth + 1))
                .collect::<Option<Vec<_>>>()
                .map(Cbor::Array)
        }
        5 => {
            if arg.saturating_mul(2) > remaining {
                return None;
            }
            (0..arg)
                .map(|_| Some((item(bytes, at, depth + 1)?, item(bytes, at, depth + 1)?)))
                .collect::<Option<Vec<_>>>()
                .map(Cbor::Map)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc8949_examples() {
        assert_eq!(decode(&[0x00]), Some(Cbor::Int(0)));
        assert_eq!(decode(&[0x18, 0x64]), Some(Cbor::Int(100)));
        assert_eq!(decode(&[0x38, 0x63]), Some(Cbor::Int(-100)));
        assert_eq!(decode(&[0x20]), Some(Cbor::Int(-1)));
        assert_eq!(
            decode(&[0x44, 1, 2, 3, 4]),
            Some(Cbor::Bytes(alloc::vec![1, 2, 3, 4]))
        );
        assert_eq!(decode(&[0x62, b'I', b'E']), Some(Cbor::Text("IE".into())));
        assert_eq!(
            decode(&[0x83, 0x01, 0x82, 0x02, 0x03, 0x82, 0x04, 0x05]),
            Some(Cbor::Array(alloc::vec![
                Cbor::Int(1),
                Cbor::Array(alloc::vec![Cbor::Int(2), Cbor::Int(3)]),
                Cbor::Array(alloc::vec![Cbor::Int(4), Cbor::Int(5)]),
            ]))
        );
        // Truncated, trailing, indefinite, tags, lying counts.
        for bad in [
            &[0x44, 1][..],
            &[0x00, 0x00],
            &[0x9f, 0xff],
            &[0xc0, 0x00],
            &[0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
        ] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
        let deep = [0x81u8; 40];
        assert_eq!(decode(&deep), None);
    }
}
