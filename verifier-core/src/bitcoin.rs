//! Bitcoin evidence, verified offline the way an SPV wallet does (Bitcoin Core
//! `primitives/transaction.h`, `primitives/block.h`, `merkleblock.cpp`, `pow.cpp`):
//!
//! - [`Transaction::parse`]: legacy and segwit (BIP 144) serialization; the txid is the double
//!   SHA-256 of the serialization *without* witness data. Every byte must be consumed.
//! - [`Header::parse`]: the 80-byte block header; its hash is the double SHA-256; proof of work
//!   means hash ≤ target, the target decoded from `nBits` (compact form; negative or overflowing
//!   targets are refused).
//! - [`MerkleBlock::parse`] + [`MerkleBlock::extract`]: a serialized `CMerkleBlock` (what
//!   `bitcoin-cli gettxoutproof` prints): header, total transaction count, hashes and flag bits of a
//!   partial Merkle tree, rebuilt depth-first. Refused: a tree whose two children are equal where
//!   the right one was given explicitly (CVE-2012-2459, the duplicated-subtree ambiguity), unused
//!   hashes or flag bits (other than the zero padding of the last byte), an impossible transaction
//!   count, and a root that is not the header's.
//!
//! Hashes are kept in internal byte order; explorers and RPC print them reversed ([`display_hex`]).

use alloc::string::String;
use alloc::vec::Vec;
use sha2::{Digest, Sha256};

/// A 32-byte hash in internal (little-endian) byte order.
pub type Hash = [u8; 32];

/// Why Bitcoin data was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BitcoinError {
    /// The bytes end early or a length is impossible (the reason).
    Truncated(&'static str),
    /// Bytes are left over after the structure.
    TrailingData,
    /// A structural rule is broken (the reason).
    Invalid(&'static str),
}

/// Double SHA-256.
pub fn sha256d(data: &[u8]) -> Hash {
    Sha256::digest(Sha256::digest(data)).into()
}

fn sha256d_pair(left: &Hash, right: &Hash) -> Hash {
    let mut both = [0u8; 64];
    let (l, r) = both.split_at_mut(32);
    l.copy_from_slice(left);
    r.copy_from_slice(right);
    sha256d(&both)
}

/// A hash as explorers and `bitcoin-cli` print it (byte-reversed hex).
pub fn display_hex(hash: &Hash) -> String {
    let mut reversed = *hash;
    reversed.reverse();
    hex(&reversed)
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from(
                *DIGITS.get(usize::from(nibble)).unwrap_or(&b'0'),
            ));
        }
    }
    out
}

/// Parses hex (either case); `None` for odd length or a non-hex digit.
pub fn from_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| {
        char::from(c)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    text.as_bytes()
        .chunks(2)
        .map(|pair| match pair {
            [hi, lo] => Some(digit(*hi)? << 4 | digit(*lo)?),
            _ => None,
        })
        .collect()
}

/// A cursor over bytes that never reads past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    const fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, at: 0 }
    }
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], BitcoinError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(BitcoinError::Truncated(what))?;
        let slice = self
            .bytes
            .get(self.at..end)
            .ok_or(BitcoinError::Truncated(what))?;
        self.at = end;
        Ok(slice)
    }
    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], BitcoinError> {
        self.take(N, what)?
            .try_into()
            .map_err(|_| BitcoinError::Truncated(what))
    }
    fn u32(&mut self, what: &'static str) -> Result<u32, BitcoinError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    /// Bitcoin's CompactSize, canonical encodings only.
    fn compact_size(&mut self, what: &'static str) -> Result<u64, BitcoinError> {
        let [first] = self.array::<1>(what)?;
        let (value, min) = match first {
            0xfd => (u64::from(u16::from_le_bytes(self.array(what)?)), 0xfd),
            0xfe => (u64::from(u32::from_le_bytes(self.array(what)?)), 0x1_0000),
            0xff => (u64::from_le_bytes(self.array(what)?), 0x1_0000_0000),
            n => return Ok(u64::from(n)),
        };
        if value < min {
            return Err(BitcoinError::Invalid("non-canonical CompactSize"));
        }
        Ok(value)
    }
    /// A count of items each at least `min_item` bytes long: bounded by what is left, so a
    /// forged count can never make the parser allocate or loop beyond the input.
    fn count(&mut self, min_item: usize, what: &'static str) -> Result<usize, BitcoinError> {
        let n =
            usize::try_from(self.compact_size(what)?).map_err(|_| BitcoinError::Truncated(what))?;
        if n.saturating_mul(min_item.max(1)) > self.remaining() {
            return Err(BitcoinError::Truncated(what));
        }
        Ok(n)
    }
    fn var_bytes(&mut self, what: &'static str) -> Result<&'a [u8], BitcoinError> {
        let n = self.count(1, what)?;
        self.take(n, what)
    }
    const fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.at)
    }
    fn position(&self) -> usize {
        self.at
    }
}

/// One transaction output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Amount in satoshis.
    pub value: u64,
    /// The locking script.
    pub script: Vec<u8>,
}

impl Output {
    /// The 32 bytes an `OP_RETURN <32 bytes>` output carries (`6a 20 ‖ data`).
    pub fn op_return_32(&self) -> Option<Hash> {
        match self.script.as_slice() {
            [0x6a, 0x20, data @ ..] => data.try_into().ok(),
            _ => None,
        }
    }
}

/// A parsed transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    /// The txid (internal byte order).
    pub txid: Hash,
    /// Its outputs.
    pub outputs: Vec<Output>,
    /// Length of the serialization without witness data (a 64-byte transaction could pose as an
    /// inner Merkle node, CVE-2017-12842).
    pub stripped_len: usize,
}

impl Transaction {
    /// Parses a raw transaction (legacy or segwit); all bytes must be used.
    pub fn parse(raw: &[u8]) -> Result<Self, BitcoinError> {
        let (tx, used) = Self::parse_prefix(raw)?;
        if used != raw.len() {
            return Err(BitcoinError::TrailingData);
        }
        Ok(tx)
    }

    /// Parses the transaction at the start of `raw`; returns it and its length.
    pub fn parse_prefix(raw: &[u8]) -> Result<(Self, usize), BitcoinError> {
        let mut r = Reader::new(raw);
        let mut stripped = Vec::with_capacity(raw.len());
        stripped.extend_from_slice(r.take(4, "version")?);
        // BIP 144: marker 0x00 and flag 0x01 after the version mean witness data follows.
        let segwit = raw.get(4..6) == Some(&[0x00, 0x01]);
        if segwit {
            r.take(2, "segwit marker")?;
        }
        let body_start = r.position();
        let inputs = r.count(41, "input count")?;
        if inputs == 0 {
            return Err(BitcoinError::Invalid("a transaction without inputs"));
        }
        for _ in 0..inputs {
            r.take(36, "outpoint")?;
            r.var_bytes("input script")?;
            r.take(4, "sequence")?;
        }
        let count = r.count(9, "output count")?;
        let mut outputs = Vec::with_capacity(count);
        for _ in 0..count {
            let value = u64::from_le_bytes(r.array("output value")?);
            let script = r.var_bytes("output script")?.to_vec();
            outputs.push(Output { value, script });
        }
        stripped.extend_from_slice(raw.get(body_start..r.position()).unwrap_or_default());
        if segwit {
            for _ in 0..inputs {
                let items = r.count(1, "witness item count")?;
                for _ in 0..items {
                    r.var_bytes("witness item")?;
                }
            }
        }
        stripped.extend_from_slice(r.take(4, "lock time")?);
        Ok((
            Self {
                txid: sha256d(&stripped),
                outputs,
                stripped_len: stripped.len(),
            },
            r.position(),
        ))
    }
}

/// Parses a whole serialized block: its header and every transaction; all bytes must be used.
pub fn parse_block(raw: &[u8]) -> Result<(Header, Vec<Transaction>), BitcoinError> {
    let header = Header::parse(
        raw.get(..80)
            .ok_or(BitcoinError::Truncated("block header"))?,
    )?;
    let mut r = Reader::new(raw.get(80..).unwrap_or_default());
    let count = r.count(60, "transaction count")?;
    let mut txs = Vec::with_capacity(count);
    let mut rest = raw.get(80 + r.position()..).unwrap_or_default();
    for _ in 0..count {
        let (tx, used) = Transaction::parse_prefix(rest)?;
        txs.push(tx);
        rest = rest.get(used..).unwrap_or_default();
    }
    if !rest.is_empty() {
        return Err(BitcoinError::TrailingData);
    }
    Ok((header, txs))
}

/// An 80-byte block header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// The block hash (internal byte order).
    pub hash: Hash,
    /// The previous block's hash.
    pub prev: Hash,
    /// The Merkle root of the block's transactions.
    pub merkle_root: Hash,
    /// Block time (seconds since the epoch, as the miner stated it).
    pub time: u32,
    /// The compact target.
    pub bits: u32,
}

impl Header {
    /// Parses exactly 80 bytes.
    pub fn parse(bytes: &[u8]) -> Result<Self, BitcoinError> {
        if bytes.len() != 80 {
            return Err(BitcoinError::Invalid("a block header is 80 bytes"));
        }
        let mut r = Reader::new(bytes);
        r.take(4, "version")?;
        let prev = r.array("previous block")?;
        let merkle_root = r.array("merkle root")?;
        let time = r.u32("time")?;
        let bits = r.u32("bits")?;
        Ok(Self {
            hash: sha256d(bytes),
            prev,
            merkle_root,
            time,
            bits,
        })
    }

    /// The target (big-endian), or `None` for a negative, zero or overflowing compact form.
    pub fn target(&self) -> Option<[u8; 32]> {
        target_from_bits(self.bits)
    }

    /// Whether the header's hash meets its own target.
    pub fn has_valid_pow(&self) -> bool {
        let Some(target) = self.target() else {
            return false;
        };
        let mut hash_be = self.hash;
        hash_be.reverse();
        hash_be <= target
    }

    /// The expected number of hashes to find this block: 2²⁵⁶ / (target + 1), as a float
    /// (enough to compare accumulated work).
    pub fn work(&self) -> f64 {
        let Some(target) = self.target() else {
            return 0.0;
        };
        let mut t = 0.0f64;
        for byte in target {
            t = t * 256.0 + f64::from(byte);
        }
        // 2^256 ≈ 1.157920892373162e77
        1.157_920_892_373_162e77 / (t + 1.0)
    }
}

/// Decodes `nBits` (Bitcoin Core `arith_uint256::SetCompact`): a 3-byte mantissa scaled by 256^(size−3).
/// `None` for a negative, zero or overflowing target.
pub fn target_from_bits(bits: u32) -> Option<[u8; 32]> {
    let size = bits >> 24;
    let mut word = bits & 0x007f_ffff;
    if bits & 0x0080_0000 != 0 && word != 0 {
        return None; // negative
    }
    let mut target = [0u8; 32];
    if size <= 3 {
        word >>= 8 * (3 - size);
        target.get_mut(28..)?.copy_from_slice(&word.to_be_bytes());
    } else {
        let shift = usize::try_from(size - 3).ok()?;
        let [_, b2, b1, b0] = word.to_be_bytes();
        for (from_right, byte) in [(shift + 2, b2), (shift + 1, b1), (shift, b0)] {
            match 31usize.checked_sub(from_right) {
                Some(index) => *target.get_mut(index)? = byte,
                None if byte != 0 => return None, // overflow
                None => {}
            }
        }
    }
    (target != [0; 32]).then_some(target)
}

/// A serialized `CMerkleBlock`: a header and a partial Merkle tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MerkleBlock {
    /// The block header.
    pub header: Header,
    /// Transactions in the block.
    pub total: u32,
    hashes: Vec<Hash>,
    flags: Vec<u8>,
}

/// Bitcoin Core's bound on transactions per block: MAX_BLOCK_WEIGHT / MIN_TRANSACTION_WEIGHT.
const MAX_BLOCK_TXS: u32 = 4_000_000 / 240;

impl MerkleBlock {
    /// Parses a serialized `CMerkleBlock`; all bytes must be used.
    pub fn parse(bytes: &[u8]) -> Result<Self, BitcoinError> {
        let mut r = Reader::new(bytes);
        let header = Header::parse(r.take(80, "block header")?)?;
        let total = r.u32("transaction count")?;
        let count = r.count(32, "hash count")?;
        let mut hashes = Vec::with_capacity(count);
        for _ in 0..count {
            hashes.push(r.array("hash")?);
        }
        let flags = r.var_bytes("flag bytes")?.to_vec();
        if r.remaining() != 0 {
            return Err(BitcoinError::TrailingData);
        }
        Ok(Self {
            header,
            total,
            hashes,
            flags,
        })
    }

    /// Rebuilds the partial Merkle tree; returns the matched transactions (txid, index in the
    /// block) once the tree is well-formed and its root is the header's.
    pub fn extract(&self) -> Result<Vec<(Hash, u32)>, BitcoinError> {
        let invalid = BitcoinError::Invalid;
        if self.total == 0 || self.total > MAX_BLOCK_TXS {
            return Err(invalid("impossible transaction count"));
        }
        if u32::try_from(self.hashes.len()).map_or(true, |n| n > self.total) {
            return Err(invalid("more hashes than transactions"));
        }
        if self.flags.len().saturating_mul(8) < self.hashes.len() {
            return Err(invalid("fewer flag bits than hashes"));
        }
        let mut height = 0;
        while width(self.total, height) > 1 {
            height += 1;
        }
        let mut walk = Walk {
            block: self,
            bits_used: 0,
            hashes_used: 0,
            matches: Vec::new(),
        };
        let root = walk.traverse(height, 0)?;
        // Every hash used; every flag bit used except the zero padding of the last byte.
        if walk.hashes_used != self.hashes.len() {
            return Err(invalid("unused hashes in the block proof"));
        }
        if walk.bits_used.div_ceil(8) != self.flags.len() {
            return Err(invalid("unused flag bytes in the block proof"));
        }
        for bit in walk.bits_used..self.flags.len() * 8 {
            if flag(&self.flags, bit) {
                return Err(invalid("unused flag bits set in the block proof"));
            }
        }
        if root != self.header.merkle_root {
            return Err(invalid(
                "the block proof's root is not the header's merkle root",
            ));
        }
        Ok(walk.matches)
    }

    /// Builds the `CMerkleBlock` proving `matches` (indexes into `txids`) in a block (Bitcoin Core
    /// `CPartialMerkleTree` construction), for issuers' tooling and tests.
    pub fn build(
        header_bytes: &[u8],
        txids: &[Hash],
        matches: &[u32],
    ) -> Result<Vec<u8>, BitcoinError> {
        Header::parse(header_bytes)?; // 80 bytes, or refuse
        let total = u32::try_from(txids.len())
            .map_err(|_| BitcoinError::Invalid("too many transactions"))?;
        if total == 0 {
            return Err(BitcoinError::Invalid("no transactions"));
        }
        let mut height = 0;
        while width(total, height) > 1 {
            height += 1;
        }
        let mut builder = Builder {
            txids,
            matches,
            total,
            bits: Vec::new(),
            hashes: Vec::new(),
        };
        builder.traverse(height, 0);
        let mut out = Vec::with_capacity(
            80 + 4 + 9 + 32 * builder.hashes.len() + 9 + builder.bits.len() / 8 + 1,
        );
        out.extend_from_slice(header_bytes);
        out.extend_from_slice(&total.to_le_bytes());
        push_compact_size(&mut out, builder.hashes.len());
        for h in &builder.hashes {
            out.extend_from_slice(h);
        }
        let mut flag_bytes = alloc::vec![0u8; builder.bits.len().div_ceil(8)];
        for (i, bit) in builder.bits.iter().enumerate() {
            if *bit && let Some(b) = flag_bytes.get_mut(i / 8) {
                *b |= 1 << (i % 8);
            }
        }
        push_compact_size(&mut out, flag_bytes.len());
        out.extend_from_slice(&flag_bytes);
        Ok(out)
    }
}

fn push_compact_size(out: &mut Vec<u8>, n: usize) {
    match u64::try_from(n).unwrap_or(u64::MAX) {
        n @ 0..=0xfc => out.push(u8::try_from(n).unwrap_or_default()),
        n @ 0xfd..=0xffff => {
            out.push(0xfd);
            out.extend_from_slice(&u16::try_from(n).unwrap_or_default().to_le_bytes());
        }
        n @ 0x1_0000..=0xffff_ffff => {
            out.push(0xfe);
            out.extend_from_slice(&u32::try_from(n).unwrap_or_default().to_le_bytes());
        }
        n => {
            out.push(0xff);
            out.extend_from_slice(&n.to_le_bytes());
        }
    }
}

/// Nodes at `height` above the leaves of a tree of `total` leaves.
fn width(total: u32, height: u32) -> u32 {
    if height >= 32 {
        return 1;
    }
    // (total + 2^height - 1) >> height, computed in u64 so it cannot overflow.
    let wide = (u64::from(total) + (1u64 << height) - 1) >> height;
    u32::try_from(wide).unwrap_or(u32::MAX)
}

fn flag(flags: &[u8], bit: usize) -> bool {
    flags.get(bit / 8).is_some_and(|b| b >> (bit % 8) & 1 == 1)
}

struct Walk<'a> {
    block: &'a MerkleBlock,
    bits_used: usize,
    hashes_used: usize,
    matches: Vec<(Hash, u32)>,
}

impl Walk<'_> {
    fn traverse(&mut self, height: u32, pos: u32) -> Result<Hash, BitcoinError> {
        let flags = &self.block.flags;
        if self.bits_used >= flags.len() * 8 {
            return Err(BitcoinError::Invalid(
                "the block proof runs out of flag bits",
            ));
        }
        let parent_of_match = flag(flags, self.bits_used);
        self.bits_used += 1;
        if height == 0 || !parent_of_match {
            let hash = *self
                .block
                .hashes
                .get(self.hashes_used)
                .ok_or(BitcoinError::Invalid("the block proof runs out of hashes"))?;
            self.hashes_used += 1;
            if height == 0 && parent_of_match {
                self.matches.push((hash, pos));
            }
            return Ok(hash);
        }
        let left = self.traverse(height - 1, pos * 2)?;
        let right = if pos * 2 + 1 < width(self.block.total, height - 1) {
            let right = self.traverse(height - 1, pos * 2 + 1)?;
            if right == left {
                // CVE-2012-2459: two equal children given explicitly make two different
                // transaction lists hash to the same root.
                return Err(BitcoinError::Invalid(
                    "duplicated subtree in the block proof",
                ));
            }
            right
        } else {
            left
        };
        Ok(sha256d_pair(&left, &right))
    }
}

struct Builder<'a> {
    txids: &'a [Hash],
    matches: &'a [u32],
    total: u32,
    bits: Vec<bool>,
    hashes: Vec<Hash>,
}

impl Builder<'_> {
    fn hash(&self, height: u32, pos: u32) -> Hash {
        if height == 0 {
            return usize::try_from(pos)
                .ok()
                .and_then(|p| self.txids.get(p))
                .copied()
                .unwrap_or_default();
        }
        let left = self.hash(height - 1, pos * 2);
        let right = if pos * 2 + 1 < width(self.total, height - 1) {
            self.hash(height - 1, pos * 2 + 1)
        } else {
            left
        };
        sha256d_pair(&left, &right)
    }
    fn traverse(&mut self, height: u32, pos: u32) {
        let first = u64::from(pos) << height;
        let last = (u64::from(pos) + 1) << height;
        let parent_of_match = self
            .matches
            .iter()
            .any(|m| (first..last).contains(&u64::from(*m)));
        self.bits.push(parent_of_match);
        if height == 0 || !parent_of_match {
            let h = self.hash(height, pos);
            self.hashes.push(h);
        } else {
            self.traverse(height - 1, pos * 2);
            if pos * 2 + 1 < width(self.total, height - 1) {
                self.traverse(height - 1, pos * 2 + 1);
            }
        }
    }
}

/// The Merkle root of a block's transactions (Bitcoin's rule: an odd last node is paired with
/// itself), for tests and issuers' tooling.
pub fn merkle_root(txids: &[Hash]) -> Option<Hash> {
    let mut level: Vec<Hash> = txids.to_vec();
    if level.is_empty() {
        return None;
    }
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [l, r] => sha256d_pair(l, r),
                [l] => sha256d_pair(l, l),
                _ => [0; 32],
            })
            .collect();
    }
    level.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_targets() {
        // The genesis block's nBits.
        let t = target_from_bits(0x1d00_ffff).unwrap();
        assert_eq!(
            hex(&t),
            "00000000ffff0000000000000000000000000000000000000000000000000000"
        );
        // Regtest's.
        let t = target_from_bits(0x207f_ffff).unwrap();
        assert_eq!(&hex(&t)[..8], "7fffff00");
        assert_eq!(target_from_bits(0x0180_0000), None, "negative");
        assert_eq!(target_from_bits(0x2300_0001), None, "overflow");
        assert_eq!(target_from_bits(0x1d00_0000), None, "zero");
    }

    #[test]
    fn hex_round_trip() {
        assert_eq!(from_hex("00ffA0"), Some(alloc::vec![0, 255, 160]));
        assert_eq!(from_hex("0"), None);
        assert_eq!(from_hex("zz"), None);
        assert_eq!(hex(&[0, 255, 160]), "00ffa0");
    }

    #[test]
    fn compact_size_is_canonical_and_bounded() {
        assert_eq!(
            Reader::new(&[0xfd, 0x10, 0x00]).compact_size("x"),
            Err(BitcoinError::Invalid("non-canonical CompactSize"))
        );
        assert_eq!(Reader::new(&[0xfd, 0xfd, 0x00]).compact_size("x"), Ok(0xfd));
        // A count claiming more items than bytes left is refused before any allocation.
        assert_eq!(
            Reader::new(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]).count(32, "n"),
            Err(BitcoinError::Truncated("n"))
        );
    }
}
