// Decodes the wasm payload that scripts/single-file.mjs writes into the loader as one string
// of ASCII characters: every 6 bytes as 7 digits in base 120, most significant first, the
// digits being the characters U+0001–U+007E except LF, CR, ESC, '"', '<' and '\' (so the
// string is a plain "..." literal, safe in an inline <script>, and the same in every
// ASCII-compatible page charset). 7 characters for 6 bytes: 17 % over the bytes, where
// base64 adds 33 %. 120^7 > 2^48, and a 48-bit value is exact in a double. ES5 on purpose.
// `length` is the byte count (the last group is padded with zeros).
function fazhiUnpack(text, length) {
  var digit = new Uint8Array(128), d = 0, c, i, j, v, at = 0;
  for (c = 1; c < 127; c++) if (c !== 10 && c !== 13 && c !== 27 && c !== 34 && c !== 60 && c !== 92) digit[c] = d++;
  var out = new Uint8Array(Math.ceil(length / 6) * 6);
  for (i = 0; i < text.length; i += 7) {
    // Two halves of 24 bits: v = hi * 2^24 + lo, split without leaving integer range.
    v = 0;
    for (j = 0; j < 7; j++) v = v * 120 + digit[text.charCodeAt(i + j)];
    var lo = v % 16777216, hi = (v - lo) / 16777216;
    out[at] = hi >>> 16; out[at + 1] = (hi >>> 8) & 255; out[at + 2] = hi & 255;
    out[at + 3] = lo >>> 16; out[at + 4] = (lo >>> 8) & 255; out[at + 5] = lo & 255;
    at += 6;
  }
  return out.subarray(0, length);
}
