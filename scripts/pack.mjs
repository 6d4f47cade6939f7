// The encoder matching scripts/unpack.js (the loader's decoder): bytes to a string of ASCII
// characters, 7 for every 6 bytes. Used by scripts/single-file.mjs; tested with the decoder
// in tests/e2e/packing.test.mjs.
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
