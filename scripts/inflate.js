// A small gzip inflate (RFC 1952 + 1951), for browsers without DecompressionStream
// (Firefox before 113, Chromium before 80). scripts/single-file.mjs inlines it into the loader,
// which uses it only where DecompressionStream is missing: the modern path stays the browser's
// own streaming decompression. ES5 on purpose. Table-driven: a Huffman code is one lookup of
// the next bits (zlib's puff.c reads them one at a time: 1.2 to 3 times slower cold, by browser),
// and the loop over a block's codes is a small function of its own, which JITs optimise soon
// (V8 took 25 ms to optimise the whole inflate, running it slowly meanwhile). `node scripts/bench.mjs
// unpack` times it. Tested against Node's zlib in tests/e2e/compat-inflate.test.mjs.
function fazhiInflate(src) {
  var pos = 10, flags = src[3], n = src.length, end = (n - 8) * 8, at = 0, i, k, s, v, e, p, last, type, lit, dist, lengths;
  if (src[0] !== 0x1f || src[1] !== 0x8b || src[2] !== 8) throw new Error('not gzip');
  if (flags & 4) pos += 2 + (src[10] | (src[11] << 8));
  if (flags & 8) while (src[pos++]);
  if (flags & 16) while (src[pos++]);
  if (flags & 2) pos += 2;
  var out = new Uint8Array((src[n - 4] | (src[n - 3] << 8) | (src[n - 2] << 16) | (src[n - 1] << 24)) >>> 0);
  // The bits from bit position p on (at least 17 of them).
  function get(p) {
    var o = p >> 3;
    return (src[o] | (src[o + 1] << 8) | (src[o + 2] << 16)) >> (p & 7);
  }
  // Canonical Huffman codes from their lengths, as a table indexed by the next `max` bits (the
  // longest code's length), reversed (deflate sends a code from its first bit): at each index
  // the symbol << 4 | its code's length (0: no code starts so).
  function table(lengths) {
    var count = new Uint16Array(16), next = new Uint16Array(16), max = 0, code = 0, k, len, c, r, b;
    for (k = 0; k < lengths.length; k++) { count[lengths[k]]++; if (lengths[k] > max) max = lengths[k]; }
    count[0] = 0;
    for (k = 1; k < 16; k++) next[k] = code = (code + count[k - 1]) << 1;
    var t = new Uint16Array(1 << max);
    for (k = 0; k < lengths.length; k++) {
      if (!(len = lengths[k])) continue;
      for (c = next[len]++, r = 0, b = 0; b < len; b++, c >>= 1) r = (r << 1) | (c & 1);
      for (; r < t.length; r += 1 << len) t[r] = (k << 4) | len;
    }
    return t;
  }
  // The table's entry for the code at bit p.
  function look(t, p) {
    var e = t[get(p) & (t.length - 1)];
    if (!(e & 15)) throw new Error('bad code');
    return e;
  }
  // One block's literal/length and distance codes from bit p to its end code; the bit after it.
  function codes(p) {
    for (var e, s, k, from; ;) {
      // Not `p > end`: a symbol past the tables (286, 287) makes p NaN, and so ends here too.
      if (!(p <= end)) throw new Error('truncated');
      e = look(lit, p);
      p += e & 15;
      s = e >> 4;
      if (s < 256) { out[at++] = s; continue; }
      if (s === 256) return p;
      s -= 257;
      k = lenBase[s] + (get(p) & ((1 << lenExtra[s]) - 1));
      p += lenExtra[s];
      e = look(dist, p);
      p += e & 15;
      s = e >> 4;
      from = at - distBase[s] - (get(p) & ((1 << distExtra[s]) - 1));
      p += distExtra[s];
      if (from < 0) throw new Error('bad distance');
      while (k--) out[at++] = out[from++];
    }
  }
  // Base lengths and distances with their extra bits (RFC 1951 3.2.5).
  var lenBase = [], lenExtra = [], distBase = [], distExtra = [], base;
  for (i = 0, base = 3; i < 28; i++) { lenExtra[i] = i < 8 ? 0 : (i - 4) >> 2; lenBase[i] = base; base += 1 << lenExtra[i]; }
  lenBase[28] = 258; lenExtra[28] = 0;
  for (i = 0, base = 1; i < 30; i++) { distExtra[i] = i < 4 ? 0 : (i - 2) >> 1; distBase[i] = base; base += 1 << distExtra[i]; }
  var order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  p = pos * 8;
  do {
    v = get(p);
    last = v & 1;
    type = v & 6; // the block's type, times 2
    p += 3;
    lengths = [];
    if (!type) { // stored: from the next byte boundary, its length, its complement, its bytes
      pos = (p + 7) >> 3;
      k = src[pos] | (src[pos + 1] << 8);
      if ((src[pos + 2] | (src[pos + 3] << 8)) !== (~k & 0xffff)) throw new Error('bad block');
      out.set(src.subarray(pos + 4, pos + 4 + k), at);
      at += k;
      p = (pos + 4 + k) * 8;
    } else if (type === 2) { // fixed codes
      for (i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
      lit = table(lengths);
      for (i = 0; i < 30; i++) lengths[i] = 5;
      dist = table(lengths.slice(0, 30));
    } else if (type === 4) { // dynamic codes: their lengths, coded by a code of their own
      v = get(p);
      p += 14;
      var nLit = (v & 31) + 257, nDist = ((v >> 5) & 31) + 1, nCode = ((v >> 10) & 15) + 4, codeLengths = [];
      if (nLit > 286 || nDist > 30) throw new Error('bad block');
      for (i = 0; i < 19; i++) codeLengths[order[i]] = 0;
      for (i = 0; i < nCode; i++, p += 3) codeLengths[order[i]] = get(p) & 7;
      var lencode = table(codeLengths);
      while (lengths.length < nLit + nDist) {
        s = look(lencode, p);
        p += s & 15;
        s >>= 4;
        if (s < 16) { lengths.push(s); continue; }
        // 16: the last length again, 3-6 times; 17 and 18: zero, 3-10 and 11-138 times.
        v = s === 16 ? lengths[lengths.length - 1] : 0;
        e = s === 16 ? 2 : s === 17 ? 3 : 7; // extra bits
        k = (s === 18 ? 11 : 3) + (get(p) & ((1 << e) - 1));
        p += e;
        while (k--) lengths.push(v);
      }
      lit = table(lengths.slice(0, nLit));
      dist = table(lengths.slice(nLit));
    } else {
      throw new Error('bad block');
    }
    if (type) p = codes(p);
    // Every block moves p on, and none may end past the data: no loop on a corrupt stream.
    if (!(p <= end)) throw new Error('truncated');
  } while (!last);
  if (at !== out.length) throw new Error('bad size');
  return out;
}
