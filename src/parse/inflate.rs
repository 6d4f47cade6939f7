//! DEFLATE (RFC 1951) decompression for the entries of a .docx, with a hard limit on the
//! output so a ZIP bomb stops early. Small on purpose: a crate (miniz_oxide, flate2) adds
//! tens of KB to the wasm, and the browser's DecompressionStream('deflate-raw') needs
//! Chromium 103 / Firefox 113 (toolchain.md) and an async detour through streams.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The data is not a valid DEFLATE stream.
    Corrupt,
    /// The output would exceed the limit.
    TooLarge,
}

struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    bit: u32,
    bits: u32,
}

impl Bits<'_> {
    fn need(&mut self, n: u32) -> Result<(), InflateError> {
        while self.bits < n {
            let byte = *self.data.get(self.pos).ok_or(InflateError::Corrupt)?;
            self.pos += 1;
            self.bit |= (byte as u32) << self.bits;
            self.bits += 8;
        }
        Ok(())
    }
    fn take(&mut self, n: u32) -> Result<u32, InflateError> {
        if n == 0 {
            return Ok(0);
        }
        self.need(n)?;
        let v = self.bit & ((1u32 << n) - 1);
        self.bit >>= n;
        self.bits -= n;
        Ok(v)
    }
    fn align(&mut self) {
        self.bit = 0;
        self.bits = 0;
    }
}

/// A canonical Huffman code: symbol counts per length and symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[l as usize] += 1;
        }
        counts[0] = 0;
        let mut offs = [0u16; 16];
        for i in 1..16 {
            offs[i] = offs[i - 1] + counts[i - 1];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (s, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[offs[l as usize] as usize] = s as u16;
                offs[l as usize] += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    fn decode(&self, b: &mut Bits) -> Result<u16, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= b.take(1)? as i32;
            let count = self.counts[len] as i32;
            if code - count < first {
                return self
                    .symbols
                    .get((index + (code - first)) as usize)
                    .copied()
                    .ok_or(InflateError::Corrupt);
            }
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        Err(InflateError::Corrupt)
    }
}

const LEN_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// Inflates a raw DEFLATE stream; fails once the output passes `limit` bytes.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let mut out: Vec<u8> = Vec::with_capacity(data.len().saturating_mul(4).min(limit));
    let mut b = Bits {
        data,
        pos: 0,
        bit: 0,
        bits: 0,
    };
    loop {
        let last = b.take(1)?;
        match b.take(2)? {
            0 => {
                b.align();
                let p = b.pos;
                let header = data.get(p..p + 4).ok_or(InflateError::Corrupt)?;
                let len = u16::from_le_bytes([header[0], header[1]]) as usize;
                let nlen = u16::from_le_bytes([header[2], header[3]]) as usize;
                if len != !nlen & 0xFFFF {
                    return Err(InflateError::Corrupt);
                }
                let block = data.get(p + 4..p + 4 + len).ok_or(InflateError::Corrupt)?;
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                out.extend_from_slice(block);
                b.pos = p + 4 + len;
            }
            1 => {
                let mut lengths = [0u8; 288];
                for (i, l) in lengths.iter_mut().enumerate() {
                    *l = match i {
                        0..=143 => 8,
                        144..=255 => 9,
                        256..=279 => 7,
                        _ => 8,
                    };
                }
                let lit = Huffman::new(&lengths)?;
                let dist = Huffman::new(&[5u8; 30])?;
                codes(&mut b, &mut out, &lit, &dist, limit)?;
            }
            2 => {
                let hlit = b.take(5)? as usize + 257;
                let hdist = b.take(5)? as usize + 1;
                let hclen = b.take(4)? as usize + 4;
                const ORDER: [usize; 19] = [
                    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
                ];
                let mut cl = [0u8; 19];
                for &o in ORDER.iter().take(hclen) {
                    cl[o] = b.take(3)? as u8;
                }
                let clh = Huffman::new(&cl)?;
                let mut lengths = vec![0u8; hlit + hdist];
                let mut i = 0;
                while i < hlit + hdist {
                    let sym = clh.decode(&mut b)?;
                    let (value, repeat) = match sym {
                        0..=15 => (sym as u8, 1),
                        16 => {
                            let prev = *lengths
                                .get(i.checked_sub(1).ok_or(InflateError::Corrupt)?)
                                .ok_or(InflateError::Corrupt)?;
                            (prev, 3 + b.take(2)? as usize)
                        }
                        17 => (0, 3 + b.take(3)? as usize),
                        _ => (0, 11 + b.take(7)? as usize),
                    };
                    if i + repeat > hlit + hdist {
                        return Err(InflateError::Corrupt);
                    }
                    lengths[i..i + repeat].fill(value);
                    i += repeat;
                }
                let lit = Huffman::new(&lengths[..hlit])?;
                let dist = Huffman::new(&lengths[hlit..])?;
                codes(&mut b, &mut out, &lit, &dist, limit)?;
            }
            _ => return Err(InflateError::Corrupt),
        }
        if last == 1 {
            return Ok(out);
        }
    }
}

fn codes(
    b: &mut Bits,
    out: &mut Vec<u8>,
    lit: &Huffman,
    dist: &Huffman,
    limit: usize,
) -> Result<(), InflateError> {
    loop {
        let sym = lit.decode(b)? as usize;
        match sym {
            0..=255 => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                out.push(sym as u8);
            }
            256 => return Ok(()),
            _ => {
                let s = sym - 257;
                let len = *LEN_BASE.get(s).ok_or(InflateError::Corrupt)? as usize
                    + b.take(LEN_EXTRA[s] as u32)? as usize;
                let d = dist.decode(b)? as usize;
                let distance = *DIST_BASE.get(d).ok_or(InflateError::Corrupt)? as usize
                    + b.take(DIST_EXTRA[d] as u32)? as usize;
                if distance > out.len() {
                    return Err(InflateError::Corrupt);
                }
                if out.len() + len > limit {
                    return Err(InflateError::TooLarge);
                }
                let start = out.len() - distance;
                for k in 0..len {
                    let byte = out[start + k];
                    out.push(byte);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    // Streams made by Python's zlib (raw deflate, wbits=-15): fixed Huffman, dynamic
    // Huffman with back-references, and level 0 (stored).
    #[test]
    fn inflates_fixed_dynamic_and_stored_blocks() {
        assert_eq!(
            inflate(&hex(FIXED), 1 << 20).unwrap(),
            b"hello hello hello hello"
        );
        let text = "一是加强学习。二是完善制度。".repeat(40);
        assert_eq!(inflate(&hex(DYNAMIC), 1 << 20).unwrap(), text.as_bytes());
        assert_eq!(inflate(&hex(STORED), 1 << 20).unwrap(), b"abc");
    }

    #[test]
    fn a_bomb_stops_at_the_limit_and_garbage_is_refused() {
        // 1 MB of zeros, compressed to about 1 KB.
        assert_eq!(inflate(&hex(ZEROS), 1000), Err(InflateError::TooLarge));
        assert_eq!(inflate(&hex(ZEROS), 2 << 20).unwrap().len(), 1 << 20);
        assert!(inflate(b"\xff\xff\xff\xff", 1000).is_err());
        assert!(inflate(b"", 1000).is_err());
    }

    const FIXED: &str = include_str!("testdata/inflate_fixed.hex");
    const DYNAMIC: &str = include_str!("testdata/inflate_dynamic.hex");
    const STORED: &str = include_str!("testdata/inflate_stored.hex");
    const ZEROS: &str = include_str!("testdata/inflate_zeros.hex");
}
