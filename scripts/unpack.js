// Decodes the wasm payload that scripts/single-file.mjs writes into the loader as one string
// of ASCII characters: every 6 bytes as 7 digits in base 120 (the digits most significant
// first, the bytes the number's little-endian bytes), the digits being the characters
// U+0001–U+007E except LF, CR, ESC, '"', '<' and '\' (so the string is a plain "..." literal,
// safe in an inline <script>, and the same in every ASCII-compatible page charset). 7
// characters for 6 bytes: 17 % over the bytes, where base64 adds 33 %. 120^7 > 2^48, and a
// 48-bit value is exact in a double. `length` is the byte count (the last group is padded
// with zeros).
// `decoder` (`decoderLength` bytes), when given, is scripts/pack.mjs's DECODER packed the same
// way: a 167-byte wasm module that decodes the text, got natively with TextEncoder.encodeInto,
// 3–4x faster than the loop below, which in a cold page runs in the JS interpreter with its
// 48-bit values as heap numbers. The loop stays for browsers without wasm or encodeInto, and
// for a page whose CSP forbids compiling wasm. ES5 on purpose.
function fazhiUnpack(text, length, decoder, decoderLength) {
  var digit = new Uint8Array(128), d = 0, c, i, j, v, at = 0, n = text.length;
  for (c = 1; c < 127; c++) if (c !== 10 && c !== 13 && c !== 27 && c !== 34 && c !== 60 && c !== 92) digit[c] = d++;
  if (decoder) {
    try {
      var wasm = new WebAssembly.Instance(new WebAssembly.Module(fazhiUnpack(decoder, decoderLength))).exports;
      // Its memory: the digit table at 0, the bytes out from 128, the text in from 136.
      wasm.m.grow((n + 136 >> 16) + 1);
      var mem = new Uint8Array(wasm.m.buffer);
      mem.set(digit);
      new TextEncoder().encodeInto(text, mem.subarray(136));
      wasm.d(136 + n);
      return mem.subarray(128, 128 + length);
    } catch (e) {} // no wasm, no encodeInto, or a CSP against wasm: the loop below
  }
  var out = new Uint8Array(Math.ceil(length / 6) * 6);
  for (i = 0; i < n; i += 7) {
    // Two halves of 24 bits: v = hi * 2^24 + lo, split without leaving integer range.
    v = 0;
    for (j = 0; j < 7; j++) v = v * 120 + digit[text.charCodeAt(i + j)];
    var lo = v % 16777216, hi = (v - lo) / 16777216;
    // A Uint8Array keeps the low 8 bits of what is stored.
    out[at] = lo; out[at + 1] = lo >>> 8; out[at + 2] = lo >>> 16;
    out[at + 3] = hi; out[at + 4] = hi >>> 8; out[at + 5] = hi >>> 16;
    at += 6;
  }
  return out.subarray(0, length);
}
