//! GZIP (RFC 1952) around raw DEFLATE (`miniz_oxide`), with a hard output limit.
//!
//! Status lists are GZIP-compressed bitstrings. `miniz_oxide` does DEFLATE; the GZIP member around
//! it is a 10-byte header (`1f 8b 08 FLG MTIME(4) XFL OS`), optional fields announced by FLG, and an
//! 8-byte trailer (CRC-32 and size mod 2³², little-endian), RFC 1952 §2.3.

use alloc::vec::Vec;
use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_with_limit};

/// Why a GZIP member could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GzipError {
    /// Not a GZIP member (bad magic, method, flags or truncated header).
    Header(&'static str),
    /// The DEFLATE data is corrupt or truncated.
    Deflate,
    /// Decompressing would exceed the limit (a "gzip bomb", or simply too large).
    TooLarge,
    /// The CRC-32 or length in the trailer does not match the data.
    Trailer,
}

const FHCRC: u8 = 0x02;
const FEXTRA: u8 = 0x04;
const FNAME: u8 = 0x08;
const FCOMMENT: u8 = 0x10;

/// Decompresses one GZIP member, refusing to produce more than `limit` bytes.
pub fn gunzip(data: &[u8], limit: usize) -> Result<Vec<u8>, GzipError> {
    let header = |why| GzipError::Header(why);
    let [0x1f, 0x8b, method, flags, _, _, _, _, _, _, rest @ ..] = data else {
        return Err(header("not GZIP data"));
    };
    if *method != 8 {
        return Err(header("compression method is not DEFLATE"));
    }
    if flags & 0xe0 != 0 {
        return Err(header("reserved flag bits set"));
    }
    let mut rest = rest;
    if flags & FEXTRA != 0 {
        let [lo, hi, after @ ..] = rest else {
            return Err(header("truncated extra field"));
        };
        let len = usize::from(u16::from_le_bytes([*lo, *hi]));
        rest = after.get(len..).ok_or(header("truncated extra field"))?;
    }
    for flag in [FNAME, FCOMMENT] {
        if flags & flag != 0 {
            let end = rest
                .iter()
                .position(|b| *b == 0)
                .ok_or(header("unterminated name or comment"))?;
            rest = rest.get(end + 1..).unwrap_or_default();
        }
    }
    if flags & FHCRC != 0 {
        rest = rest.get(2..).ok_or(header("truncated header CRC"))?;
    }
    let split = rest
        .len()
        .checked_sub(8)
        .ok_or(header("truncated member"))?;
    let (body, trailer) = rest.split_at(split);
    let out = decompress_to_vec_with_limit(body, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => GzipError::TooLarge,
        _ => GzipError::Deflate,
    })?;
    let word = |at: usize| {
        trailer
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes)
    };
    let size_ok = Some(size_mod_2_32(out.len())) == word(4);
    if word(0) != Some(crc32(&out)) || !size_ok {
        return Err(GzipError::Trailer);
    }
    Ok(out)
}

/// Compresses `data` into one GZIP member (no name, no timestamp: the output depends on `data` only).
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() / 64 + 32);
    // MTIME 0, XFL 0, OS 255 ("unknown").
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(data, 9));
    out.extend_from_slice(&crc32(data).to_le_bytes());
    out.extend_from_slice(&size_mod_2_32(data.len()).to_le_bytes());
    out
}

/// ISIZE: the length modulo 2³².
fn size_mod_2_32(len: usize) -> u32 {
    let wide = u64::try_from(len).unwrap_or(u64::MAX);
    u32::try_from(wide & 0xffff_ffff).unwrap_or_default()
}

/// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), RFC 1952 §8.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut n = 0;
        while n < 256 {
            #[allow(clippy::as_conversions)] // n < 256, lossless
            let mut c = n as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            #[allow(clippy::indexing_slicing)] // n < 256
            {
                table[n] = c;
            }
            n += 1;
        }
        table
    };
    let mut crc = !0u32;
    for byte in data {
        let slot = usize::from((crc.to_le_bytes()[0]) ^ byte);
        crc = TABLE.get(slot).copied().unwrap_or_default() ^ (crc >> 8);
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn round_trip_and_limits() {
        let data: Vec<u8> = (0..40_000u32).map(|i| (i % 7 == 0).into()).collect();
        let packed = gzip(&data);
        assert_eq!(gunzip(&packed, data.len()), Ok(data.clone()));
        assert_eq!(gunzip(&packed, data.len() - 1), Err(GzipError::TooLarge));
        let mut corrupt = packed.clone();
        let last = corrupt.len() - 5;
        corrupt[last] ^= 1; // size field
        assert_eq!(gunzip(&corrupt, usize::MAX), Err(GzipError::Trailer));
        assert!(matches!(gunzip(b"\x1f\x8b", 10), Err(GzipError::Header(_))));
        assert!(matches!(
            gunzip(b"PK\x03\x04", 10),
            Err(GzipError::Header(_))
        ));
    }

    #[test]
    fn optional_header_fields() {
        let plain = gzip(b"hello");
        let mut named = plain[..10].to_vec();
        named[3] = FNAME | FEXTRA | FCOMMENT | FHCRC;
        named.extend_from_slice(&[3, 0, b'x', b'y', b'z']); // FEXTRA
        named.extend_from_slice(b"list.bin\0"); // FNAME
        named.extend_from_slice(b"comment\0"); // FCOMMENT
        named.extend_from_slice(&[0, 0]); // FHCRC (not checked)
        named.extend_from_slice(&plain[10..]);
        assert_eq!(gunzip(&named, 100), Ok(b"hello".to_vec()));
    }
}
