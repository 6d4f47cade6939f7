// A small gzip inflate (RFC 1952 + 1951), for browsers without DecompressionStream
// (Firefox before 113, Chromium before 80). scripts/single-file.mjs inlines it into the loader,
// which uses it only where DecompressionStream is missing: the modern path stays the browser's
// own streaming decompression. Canonical-Huffman decoding as in zlib's puff.c; ES5 on purpose.
// Tested against Node's zlib in tests/e2e/compat-inflate.test.mjs.
function fazhiInflate(src) {
  var pos = 10, flags = src[3], bitBuf = 0, bitCount = 0, i;
  if (src[0] !== 0x1f || src[1] !== 0x8b || src[2] !== 8) throw new Error('not gzip');
  if (flags & 4) pos += 2 + (src[10] | (src[11] << 8));
  if (flags & 8) while (src[pos++]);
  if (flags & 16) while (src[pos++]);
  if (flags & 2) pos += 2;
  var n = src.length;
  var out = new Uint8Array((src[n - 4] | (src[n - 3] << 8) | (src[n - 2] << 16) | (src[n - 1] << 24)) >>> 0);
  var at = 0;
  function bits(need) {
    while (bitCount < need) {
      if (pos >= n) throw new Error('truncated');
      bitBuf |= src[pos++] << bitCount;
      bitCount += 8;
    }
    var v = bitBuf & ((1 << need) - 1);
    bitBuf >>>= need;
    bitCount -= need;
    return v;
  }
  function table(lengths) {
    var count = new Uint16Array(16), offs = new Uint16Array(16), symbol = new Uint16Array(lengths.length), k;
    for (k = 0; k < lengths.length; k++) count[lengths[k]]++;
    count[0] = 0;
    for (k = 1; k < 16; k++) offs[k] = offs[k - 1] + count[k - 1];
    for (k = 0; k < lengths.length; k++) if (lengths[k]) symbol[offs[lengths[k]]++] = k;
    return { count: count, symbol: symbol };
  }
  function decode(h) {
    var code = 0, first = 0, index = 0;
    for (var len = 1; len < 16; len++) {
      code |= bits(1);
      var c = h.count[len];
      if (code - c < first) return h.symbol[index + code - first];
      index += c;
      first = (first + c) << 1;
      code <<= 1;
    }
    throw new Error('bad code');
  }
  // Base lengths and distances with their extra bits (RFC 1951 3.2.5).
  var lenBase = [], lenExtra = [], distBase = [], distExtra = [], base;
  for (i = 0, base = 3; i < 28; i++) { lenExtra[i] = i < 8 ? 0 : (i - 4) >> 2; lenBase[i] = base; base += 1 << lenExtra[i]; }
  lenBase[28] = 258; lenExtra[28] = 0;
  for (i = 0, base = 1; i < 30; i++) { distExtra[i] = i < 4 ? 0 : (i - 2) >> 1; distBase[i] = base; base += 1 << distExtra[i]; }
  var order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  var last, type, lit, dist;
  do {
    last = bits(1);
    type = bits(2);
    if (type === 0) {
      bitBuf = bitCount = 0; // stored: skip to the byte boundary
      var size = src[pos] | (src[pos + 1] << 8);
      pos += 4;
      out.set(src.subarray(pos, pos + size), at);
      pos += size;
      at += size;
      continue;
    }
    var lengths = [];
    if (type === 1) {
      for (i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
      lit = table(lengths);
      for (i = 0; i < 30; i++) lengths[i] = 5;
      dist = table(lengths.slice(0, 30));
    } else if (type === 2) {
      var nLit = bits(5) + 257, nDist = bits(5) + 1, nCode = bits(4) + 4, codeLengths = [];
      for (i = 0; i < 19; i++) codeLengths[order[i]] = i < nCode ? bits(3) : 0;
      var lencode = table(codeLengths);
      while (lengths.length < nLit + nDist) {
        var sym = decode(lencode), repeat, value = 0;
        if (sym < 16) { lengths.push(sym); continue; }
        if (sym === 16) { value = lengths[lengths.length - 1]; repeat = 3 + bits(2); }
        else if (sym === 17) repeat = 3 + bits(3);
        else repeat = 11 + bits(7);
        while (repeat--) lengths.push(value);
      }
      lit = table(lengths.slice(0, nLit));
      dist = table(lengths.slice(nLit));
    } else {
      throw new Error('bad block');
    }
    for (;;) {
      var s = decode(lit);
      if (s < 256) { out[at++] = s; continue; }
      if (s === 256) break;
      s -= 257;
      var len = lenBase[s] + bits(lenExtra[s]);
      var d = decode(dist);
      var from = at - distBase[d] - bits(distExtra[d]);
      while (len--) out[at++] = out[from++];
    }
  } while (!last);
  return out;
}
