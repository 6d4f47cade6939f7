// The encoder matching scripts/unpack.js (the loader's decoder): bytes to a string of ASCII
// characters, 7 for every 6 bytes (the 6 bytes read as a little-endian 48-bit number, written
// in base 120, most significant digit first), and DECODER, the wasm module that unpack.js
// decodes it with where it can. Used by scripts/single-file.mjs; tested with the decoder in
// tests/e2e/packing.test.mjs.
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
    let v = padded[o] + (padded[o + 1] * 2 ** 8) + (padded[o + 2] * 2 ** 16) + (padded[o + 3] * 2 ** 24) + (padded[o + 4] * 2 ** 32) + (padded[o + 5] * 2 ** 40);
    for (let j = 6; j >= 0; j--) { const r = v % 120; digits[j] = DIGITS[r]; v = (v - r) / 120; }
    parts[g] = digits.join('');
  }
  return parts.join('');
}

// Hand-written (wasm-as of this text; MVP features only, for Chromium 86 / Firefox 78). Memory:
// the digit of each ASCII code at 0–127, the text from 136, decoded in place from 128. Little
// endian, so that one i64.store writes a group's 6 bytes (its 2 extra bytes, still below the
// next group's text, are overwritten by the next group).
//   (module (memory (export "m") 0)
//    (func (export "d") (param $end i32) (local $in i32) (local $out i32)
//     (local.set $in (i32.const 136)) (local.set $out (i32.const 128))
//     (loop $group
//      local.get $out
//      (i64.load8_u (i32.load8_u offset=0 (local.get $in)))
//      i64.const 120 i64.mul (i64.load8_u (i32.load8_u offset=1 (local.get $in))) i64.add
//      ... the same for offsets 2 to 6 ...
//      i64.store
//      (local.set $out (i32.add (local.get $out) (i32.const 6)))
//      (br_if $group (i32.lt_u (local.tee $in (i32.add (local.get $in) (i32.const 7))) (local.get $end))))))
export const DECODER = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 1, 127, 0, 3, 2, 1, 0, 5, 3, 1, 0, 0, 7, 9, 2, 1, 109, 2, 0, 1, 100, 0, 0,
  10, 129, 1, 1, 127, 1, 2, 127, 65, 136, 1, 33, 1, 65, 128, 1, 33, 2, 3, 64, 32, 2,
  32, 1, 45, 0, 0, 49, 0, 0,
  66, 248, 0, 126, 32, 1, 45, 0, 1, 49, 0, 0, 124,
  66, 248, 0, 126, 32, 1, 45, 0, 2, 49, 0, 0, 124,
  66, 248, 0, 126, 32, 1, 45, 0, 3, 49, 0, 0, 124,
  66, 248, 0, 126, 32, 1, 45, 0, 4, 49, 0, 0, 124,
  66, 248, 0, 126, 32, 1, 45, 0, 5, 49, 0, 0, 124,
  66, 248, 0, 126, 32, 1, 45, 0, 6, 49, 0, 0, 124,
  55, 3, 0, 32, 2, 65, 6, 106, 33, 2, 32, 1, 65, 7, 106, 34, 1, 32, 0, 73, 13, 0, 11, 11,
]);
