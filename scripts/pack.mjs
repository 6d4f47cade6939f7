// The encoders matching the loader's decoders, used by scripts/single-file.mjs and tested
// with the decoders in tests/e2e/packing.test.mjs: raw LZMA1 by xz (decoded by unlzma/), and
// bytes to a string of ASCII characters, 7 for every 6 bytes (decoded by scripts/unpack.js
// and unlzma/'s `unpack`).
import { execFileSync } from 'node:child_process';

export const DIGITS = (() => {
  const out = [];
  for (let c = 1; c < 127; c++) if (![10, 13, 27, 34, 60, 92].includes(c)) out.push(String.fromCharCode(c));
  if (out.length !== 120) throw new Error('pack: the alphabet must have 120 characters');
  return out;
})();

export function pack(bytes) {
  const groups = Math.ceil(bytes.length / 6);
  const padded = new Uint8Array(groups * 6);
  padded.set(bytes);
  const parts = new Array(groups);
  const digits = new Array(7);
  for (let g = 0; g < groups; g++) {
    const o = g * 6;
    let v = (padded[o] * 2 ** 40) + (padded[o + 1] * 2 ** 32) + (padded[o + 2] * 2 ** 24) + (padded[o + 3] * 2 ** 16) + (padded[o + 4] * 2 ** 8) + padded[o + 5];
    for (let j = 6; j >= 0; j--) { const r = v % 120; digits[j] = DIGITS[r]; v = (v - r) / 120; }
    parts[g] = digits.join('');
  }
  return parts.join('');
}

// Raw LZMA1 by xz. lc=4 lp=0 pb=0 measured best on the app's wasm (a byte's coder chosen by
// the whole previous byte's top half; wasm has no 2- or 4-byte alignment to exploit):
// 296.6 KB where xz's default lc=3 lp=0 pb=2 gives 297.8 KB and zopfli's gzip 360 KB.
export const LZMA_PROPS = { lc: 4, lp: 0, pb: 0 };
export function lzmaCompress(bytes, { lc, lp, pb } = LZMA_PROPS) {
  try {
    return execFileSync('xz', ['--format=raw', `--lzma1=preset=9e,lc=${lc},lp=${lp},pb=${pb}`, '--stdout'],
      { input: bytes, maxBuffer: 1 << 28 });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('xz is missing (Debian package xz-utils): run scripts/setup.sh');
    throw e;
  }
}
export function adler32(bytes) {
  let a = 1, b = 0;
  for (let i = 0; i < bytes.length; i += 5552) {
    for (let j = i, end = Math.min(i + 5552, bytes.length); j < end; j++) { a += bytes[j]; b += a; }
    a %= 65521; b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
