//! Decodes the wasm payload of the single file: ASCII base-120 text (scripts/pack.mjs) to
//! bytes, then raw LZMA1 (as `xz --format=raw --lzma1=…` writes it) to the app's wasm.
//! Written for this project from the LZMA format's description: a binary range coder with
//! adaptive 11-bit probabilities, a 12-state machine, literal, match and four "rep" coders.
//! The whole output is the dictionary (the wasm is decoded into one buffer of known size).
//!
//! The loader (scripts/single-file.mjs) places the text, the LZMA bytes and the output in
//! this module's memory (grown by the loader) and calls, with byte offsets:
//!   unpack(text, groups, dst)                    7 digits → 6 bytes, `groups` times
//!   init(input, in_len, out, size, lc, lp, pb)   0, or -1 for a bad stream start
//!   run(limit)                                   decodes until at least `limit` bytes are out
//!                                                (or all): the count, or -1 if the data is
//!                                                corrupt or truncated; call again for more
//!   adler32(data, len)                           the output's checksum (raw LZMA has none), which
//!                                                the loader compares with the build's
//! Every step either writes a byte or fails, so bad data never loops. Out-of-range offsets
//! trap (a RuntimeError in the loader), as does any other bug.
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

// Offsets into one array of probabilities. A length coder (LEN, REP_LEN): choice, choice 2,
// low (16 × 8 at +2), mid (16 × 8 at +130), high (256 at +258).
const IS_MATCH: usize = 0;
const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
const POS_SLOT: usize = 432;
const SPEC_POS: usize = 688;
const ALIGN: usize = 803;
const LEN: usize = 819;
const REP_LEN: usize = 1333;
const LITERAL: usize = 1847;
/// lc + lp ≤ 4, as xz allows.
const PROBS: usize = LITERAL + (0x300 << 4);

struct Decoder {
    input: &'static [u8],
    out: &'static mut [u8],
    probs: [u16; PROBS],
    range: u32,
    code: u32,
    ip: usize,
    state: usize,
    reps: [usize; 4],
    pos: usize,
    lc: u32,
    lp_mask: usize,
    pb_mask: usize,
}

static mut DECODER: Decoder = Decoder {
    input: &[],
    out: &mut [],
    probs: [0; PROBS],
    range: 0,
    code: 0,
    ip: 0,
    state: 0,
    reps: [0; 4],
    pos: 0,
    lc: 0,
    lp_mask: 0,
    pb_mask: 0,
};

/// The digit of each ASCII character in scripts/pack.mjs's alphabet: U+0001–U+007E but LF,
/// CR, ESC, '"', '<' and '\', in order.
const fn digits() -> [u8; 128] {
    let mut table = [0u8; 128];
    let (mut c, mut d) = (1, 0u8);
    while c < 127 {
        if c != 10 && c != 13 && c != 27 && c != 34 && c != 60 && c != 92 {
            table[c] = d;
            d += 1;
        }
        c += 1;
    }
    table
}
static DIGITS: [u8; 128] = digits();

/// # Safety
/// The offsets are the loader's, inside this module's memory (see the module's header).
#[no_mangle]
pub unsafe extern "C" fn unpack(text: *const u8, groups: usize, dst: *mut u8) {
    let text = core::slice::from_raw_parts(text, groups * 7);
    let dst = core::slice::from_raw_parts_mut(dst, groups * 6);
    for (digits, bytes) in text.chunks_exact(7).zip(dst.chunks_exact_mut(6)) {
        let mut v = 0u64;
        for &c in digits {
            v = v * 120 + DIGITS[(c & 127) as usize] as u64;
        }
        bytes.copy_from_slice(&v.to_be_bytes()[2..]);
    }
}

/// # Safety
/// The offsets are the loader's, inside this module's memory (see the module's header).
#[no_mangle]
pub unsafe extern "C" fn init(
    input: *const u8,
    in_len: usize,
    out: *mut u8,
    size: usize,
    lc: u32,
    lp: u32,
    pb: u32,
) -> i32 {
    let d = &mut *core::ptr::addr_of_mut!(DECODER);
    if lc > 8 || lp > 4 || pb > 4 || lc + lp > 4 || in_len < 5 {
        return -1;
    }
    d.input = core::slice::from_raw_parts(input, in_len);
    d.out = core::slice::from_raw_parts_mut(out, size);
    d.probs.fill(1024);
    d.range = u32::MAX;
    d.code = u32::from_be_bytes([d.input[1], d.input[2], d.input[3], d.input[4]]);
    d.ip = 5;
    d.state = 0;
    d.reps = [0; 4];
    d.pos = 0;
    d.lc = lc;
    d.lp_mask = (1 << lp) - 1;
    d.pb_mask = (1 << pb) - 1;
    if d.input[0] != 0 || d.code == u32::MAX {
        return -1;
    }
    0
}

/// # Safety
/// The offsets are the loader's, inside this module's memory (see the module's header).
#[no_mangle]
pub unsafe extern "C" fn run(limit: usize) -> i32 {
    let d = &mut *core::ptr::addr_of_mut!(DECODER);
    match d.run(limit) {
        Some(p) => p as i32,
        None => -1,
    }
}

/// # Safety
/// The offsets are the loader's, inside this module's memory (see the module's header).
#[no_mangle]
pub unsafe extern "C" fn adler32(data: *const u8, len: usize) -> u32 {
    let data = core::slice::from_raw_parts(data, len);
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes: the most that cannot overflow b before the modulo.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    (b << 16) | a
}

/// The range coder's state, in locals while decoding.
struct Rc<'a> {
    input: &'a [u8],
    range: u32,
    code: u32,
    ip: usize,
}

impl Rc<'_> {
    #[inline(always)]
    fn normalize(&mut self) -> Option<()> {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | *self.input.get(self.ip)? as u32;
            self.ip += 1;
        }
        Some(())
    }

    /// One bit with the probability `prob` (of a 0, in 2048ths), which adapts to it. Written
    /// without branches (a mask instead), as literal bits are close to unpredictable.
    #[inline(always)]
    fn bit(&mut self, prob: &mut u16) -> Option<u32> {
        let p = *prob as u32;
        let bound = (self.range >> 11) * p;
        let bit = (self.code >= bound) as u32;
        let mask = bit.wrapping_neg();
        self.range = (bound & !mask) | (self.range.wrapping_sub(bound) & mask);
        self.code -= bound & mask;
        // 1: p -= p >> 5; 0: p += (2048 - p) >> 5, which is p -= (p - 2017) >> 5 (arithmetic).
        let t = p as i32 - (2017 & !mask) as i32;
        *prob = (p as i32 - (t >> 5)) as u16;
        self.normalize()?;
        Some(bit)
    }

    /// `bits` bits, most significant first, from the tree at probs[1..1 << bits].
    #[inline(always)]
    fn tree(&mut self, probs: &mut [u16], bits: u32) -> Option<usize> {
        let mut s = 1;
        for _ in 0..bits {
            s = (s << 1) | self.bit(&mut probs[s])? as usize;
        }
        Some(s - (1 << bits))
    }

    /// `bits` bits, least significant first, from the tree at probs[1..1 << bits].
    #[inline(always)]
    fn reverse(&mut self, probs: &mut [u16], bits: u32) -> Option<usize> {
        let (mut s, mut v) = (1, 0);
        for i in 0..bits {
            let b = self.bit(&mut probs[s])? as usize;
            s = (s << 1) | b;
            v |= b << i;
        }
        Some(v)
    }

    #[inline(always)]
    fn direct(&mut self, bits: u32) -> Option<usize> {
        let mut v = 0;
        for _ in 0..bits {
            self.range >>= 1;
            let bit = if self.code >= self.range {
                self.code -= self.range;
                1
            } else {
                0
            };
            v = (v << 1) | bit;
            self.normalize()?;
        }
        Some(v)
    }

    #[inline(always)]
    fn length(&mut self, probs: &mut [u16], pos_state: usize) -> Option<usize> {
        if self.bit(&mut probs[0])? == 0 {
            return self.tree(&mut probs[2 + (pos_state << 3)..][..8], 3);
        }
        if self.bit(&mut probs[1])? == 0 {
            return Some(8 + self.tree(&mut probs[130 + (pos_state << 3)..][..8], 3)?);
        }
        Some(16 + self.tree(&mut probs[258..][..256], 8)?)
    }
}

impl Decoder {
    fn run(&mut self, limit: usize) -> Option<usize> {
        let limit = limit.min(self.out.len());
        let mut rc = Rc {
            input: self.input,
            range: self.range,
            code: self.code,
            ip: self.ip,
        };
        let out = &mut *self.out;
        let probs = &mut self.probs;
        let (mut st, mut p) = (self.state, self.pos);
        let [mut rep0, mut rep1, mut rep2, mut rep3] = self.reps;
        let result = loop {
            if p >= limit {
                break Some(p);
            }
            let pos_state = p & self.pb_mask;
            if rc.bit(&mut probs[IS_MATCH + (st << 4) + pos_state])? == 0 {
                // A literal: its coder chosen by the previous byte's top lc bits and the
                // position's low lp bits.
                let prev = if p > 0 { out[p - 1] as usize } else { 0 };
                let coder = ((p & self.lp_mask) << self.lc) + (prev >> (8 - self.lc));
                let probs = &mut probs[LITERAL + 0x300 * coder..][..0x300];
                let mut s = 1usize;
                if st >= 7 {
                    // After a match: the byte at rep0 guides the coder until the first
                    // differing bit.
                    let mut m = out[p - rep0 - 1] as usize;
                    while s < 0x100 {
                        let mb = (m >> 7) & 1;
                        m <<= 1;
                        let bit = rc.bit(&mut probs[((1 + mb) << 8) + s])? as usize;
                        s = (s << 1) | bit;
                        if mb != bit {
                            break;
                        }
                    }
                }
                while s < 0x100 {
                    s = (s << 1) | rc.bit(&mut probs[s])? as usize;
                }
                out[p] = s as u8;
                p += 1;
                st = if st < 4 {
                    0
                } else if st < 10 {
                    st - 3
                } else {
                    st - 6
                };
                continue;
            }
            let len;
            if rc.bit(&mut probs[IS_REP + st])? == 0 {
                // A match with a new distance.
                rep3 = rep2;
                rep2 = rep1;
                rep1 = rep0;
                len = rc.length(&mut probs[LEN..REP_LEN], pos_state)?;
                st = if st < 7 { 7 } else { 10 };
                let slot = rc.tree(&mut probs[POS_SLOT + (len.min(3) << 6)..][..64], 6)?;
                rep0 = if slot < 4 {
                    slot
                } else {
                    let bits = (slot as u32 >> 1) - 1;
                    let base = (2 | (slot & 1)) << bits;
                    if slot < 14 {
                        base + rc
                            .reverse(&mut probs[SPEC_POS + base - slot - 1..][..1 << bits], bits)?
                    } else {
                        let high = rc.direct(bits - 4)?;
                        base + (high << 4) + rc.reverse(&mut probs[ALIGN - 1..][..16], 4)?
                    }
                };
            } else if rc.bit(&mut probs[IS_REP_G0 + st])? == 0 {
                if rc.bit(&mut probs[IS_REP0_LONG + (st << 4) + pos_state])? == 0 {
                    // One byte from rep0.
                    if rep0 >= p {
                        break None;
                    }
                    st = if st < 7 { 9 } else { 11 };
                    out[p] = out[p - rep0 - 1];
                    p += 1;
                    continue;
                }
                len = rc.length(&mut probs[REP_LEN..LITERAL], pos_state)?;
                st = if st < 7 { 8 } else { 11 };
            } else {
                let dist;
                if rc.bit(&mut probs[IS_REP_G1 + st])? == 0 {
                    dist = rep1;
                } else {
                    if rc.bit(&mut probs[IS_REP_G2 + st])? == 0 {
                        dist = rep2;
                    } else {
                        dist = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = dist;
                len = rc.length(&mut probs[REP_LEN..LITERAL], pos_state)?;
                st = if st < 7 { 8 } else { 11 };
            }
            // A distance before the start (the end marker's 2^32 - 1 among them: the loader
            // knows the size and stops there) or a copy past the end is corrupt.
            let len = len + 2;
            if rep0 >= p || len > out.len() - p {
                break None;
            }
            let from = p - rep0 - 1;
            if rep0 + 1 >= len {
                out.copy_within(from..from + len, p);
            } else {
                for i in 0..len {
                    out[p + i] = out[from + i];
                }
            }
            p += len;
        };
        self.range = rc.range;
        self.code = rc.code;
        self.ip = rc.ip;
        self.state = st;
        self.pos = p;
        self.reps = [rep0, rep1, rep2, rep3];
        result
    }
}
