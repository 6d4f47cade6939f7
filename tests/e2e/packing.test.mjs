// How the single file carries the wasm (scripts/pack.mjs → the loader): raw LZMA1 by xz,
// packed as ASCII base-120 text; decoded in the page by the decoder module unlzma/ (itself
// inlined packed, unpacked by scripts/unpack.js). Here, in Node: the base-120 codec
// round-trips any bytes (in JS and in the decoder), the decoder that ships gives back exactly
// what xz compressed (random and real data, every lc/lp/pb the build may choose, whole or in
// chunks), refuses truncated and corrupt data without looping, and the built files hold
// exactly the built wasm, in ASCII only (so the classic script means the same in a page of
// any charset). The page's own failure message on a corrupt payload: compat.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { pack, DIGITS, lzmaCompress, adler32 } from '../../scripts/pack.mjs';

const unpack = new Function(`${readFileSync(join(ROOT, 'scripts', 'unpack.js'), 'utf8')}; return fazhiUnpack;`)();

function random(n, seed, alphabet = 256) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; out[i] = (seed >>> 16) % alphabet; }
  return out;
}

const dist = join(ROOT, 'dist');
function built() {
  const wasmName = existsSync(dist) && readdirSync(dist).find((f) => f.endsWith('.wasm'));
  assert.ok(wasmName, 'build first (scripts/build.sh)');
  return { wasm: readFileSync(join(dist, wasmName)), js: readFileSync(join(dist, 'fazhi-report.js'), 'latin1') };
}
// The loader's arrays (their names minified): the app's wasm
// ["<packed LZMA>", LZMA bytes, wasm bytes, Adler-32, lc, lp, pb] and the decoder ["<packed>", bytes].
const PAYLOAD = /\["([^"\\]{1000,})",(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\]/;
const DECODER = /\["([^"\\]{1000,})",(\d+)\]/;
function decoderModule() {
  const m = DECODER.exec(built().js);
  assert.ok(m, 'decoder not found in dist/fazhi-report.js');
  return new WebAssembly.Module(unpack(m[1], Number(m[2])));
}

/** The decoder as the loader drives it: returns the output, or throws on -1 (or a trap). */
function decode(module, lzma, size, { lc = 4, lp = 0, pb = 0, step = size } = {}) {
  const x = new WebAssembly.Instance(module).exports;
  const at = x.memory.buffer.byteLength, out = at + lzma.length;
  x.memory.grow(Math.ceil((lzma.length + size) / 65536) + 1);
  new Uint8Array(x.memory.buffer, at, lzma.length).set(lzma);
  if (x.init(at, lzma.length, out, size, lc, lp, pb) !== 0) throw new Error('bad stream start');
  let done = 0, calls = 0;
  while (done < size) {
    const n = x.run(done + Math.max(step, 1));
    if (n < 0) throw new Error('corrupt');
    assert.ok(n > done, 'run() makes progress');
    assert.ok(++calls <= size, 'run() is called at most once a byte');
    done = n;
  }
  const bytes = Buffer.from(new Uint8Array(x.memory.buffer, out, size));
  assert.equal(x.adler32(out, size) >>> 0, adler32(bytes), 'adler32 in the decoder = the build\'s');
  return bytes;
}

test('the alphabet is 120 ASCII characters that need no escape in a "..." literal or an inline <script>', () => {
  assert.equal(new Set(DIGITS).size, 120);
  for (const d of DIGITS) assert.ok(d > '\0' && d < '\x7f' && !'\n\r\x1b"<\\'.includes(d), JSON.stringify(d));
});

test('unpack(pack(bytes)) gives the bytes back, at every length and for extreme values, in JS and in the decoder', () => {
  const x = new WebAssembly.Instance(decoderModule()).exports;
  for (const n of [0, 1, 2, 5, 6, 7, 11, 12, 13, 1000, 65537]) {
    const bytes = random(n, n + 1);
    const text = pack(bytes);
    assert.equal(text.length, Math.ceil(n / 6) * 7);
    assert.deepEqual(Buffer.from(unpack(text, n)), Buffer.from(bytes), `${n} bytes`);
    const at = x.memory.buffer.byteLength, groups = text.length / 7;
    x.memory.grow(Math.ceil(groups * 13 / 65536) + 1);
    new TextEncoder().encodeInto(text, new Uint8Array(x.memory.buffer, at, text.length));
    x.unpack(at, groups, at + text.length);
    assert.deepEqual(Buffer.from(new Uint8Array(x.memory.buffer, at + text.length, n)), Buffer.from(bytes), `${n} bytes (decoder)`);
  }
  for (const fill of [0, 255]) {
    const bytes = new Uint8Array(600).fill(fill);
    assert.deepEqual(Buffer.from(unpack(pack(bytes), 600)), Buffer.from(bytes));
  }
});

test('the decoder gives back what xz compressed: random and real data, every lc/lp/pb, whole or in chunks', () => {
  const module = decoderModule();
  const text = Buffer.from(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt'), 'utf8').repeat(3));
  const inputs = [new Uint8Array(0), Buffer.from('a'), text, random(70000, 7), random(200000, 9, 4),
    random(100000, 5, 2), new Uint8Array(100000), Buffer.concat([random(3000, 1), random(3000, 1), text, random(3000, 1)])];
  for (const input of inputs) {
    for (const props of [{ lc: 4, lp: 0, pb: 0 }, { lc: 3, lp: 0, pb: 2 }, { lc: 0, lp: 2, pb: 2 }, { lc: 1, lp: 3, pb: 4 }, { lc: 0, lp: 0, pb: 0 }]) {
      const lzma = lzmaCompress(input, props);
      const what = `${input.length} bytes, ${JSON.stringify(props)}`;
      assert.deepEqual(decode(module, lzma, input.length, props), Buffer.from(input), what);
      assert.deepEqual(decode(module, lzma, input.length, { ...props, step: 1000 }), Buffer.from(input), `${what}, in chunks`);
    }
  }
});

test('the decoder gives back the built wasm, whole and in the loader\'s 64 KB chunks', () => {
  const { wasm } = built();
  const lzma = lzmaCompress(wasm);
  assert.deepEqual(decode(decoderModule(), lzma, wasm.length), wasm);
  assert.deepEqual(decode(decoderModule(), lzma, wasm.length, { step: 65536 }), wasm);
});

test('truncated or corrupt data fails (-1 or a trap), never loops; a bad stream start is refused', () => {
  const module = decoderModule();
  const input = Buffer.concat([readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt')), random(20000, 3, 16)]);
  const lzma = lzmaCompress(input);
  for (const cut of [5, 6, 100, lzma.length >> 1, lzma.length - 20]) {
    assert.throws(() => decode(module, lzma.subarray(0, cut), input.length), /corrupt|unreachable/, `cut at ${cut}`);
  }
  // A longer output than was compressed: the data runs out (or ends in the end marker).
  assert.throws(() => decode(module, lzma, input.length + 10), /corrupt|unreachable/);
  assert.throws(() => decode(module, Buffer.from([1, 0, 0, 0, 0, 0]), 10), /bad stream start/);
  assert.throws(() => decode(module, Buffer.from([0, 255, 255, 255, 255, 0]), 10), /bad stream start/);
  // Bytes flipped here and there: an error, or output that the checksum tells apart.
  let caught = 0;
  for (let k = 0; k < 40; k++) {
    const bad = Buffer.from(lzma);
    const at = 5 + ((k * 7919) % (bad.length - 5));
    bad[at] ^= 1 << (k % 8);
    try {
      const out = decode(module, bad, input.length);
      assert.notEqual(adler32(out), adler32(input), `flip at ${at} went unnoticed`);
    } catch (e) {
      assert.match(e.message, /corrupt|unreachable/);
      caught++;
    }
  }
  assert.ok(caught > 20, `most flips are caught by the decoder itself (${caught} of 40)`);
});

test('the built files carry exactly the built wasm, in a script that is ASCII only', () => {
  const { wasm } = built();
  const module = decoderModule();
  for (const file of ['fazhi-report.js', 'fazhi-report.html']) {
    const text = readFileSync(join(dist, file), 'latin1');
    // The page is UTF-8 and says so; the script it shares with fazhi-report.js is ASCII.
    const script = file.endsWith('.js') ? text : text.slice(text.lastIndexOf('<script>'));
    assert.ok(!/[^\x00-\x7f]/.test(script), `${file}: the script has a non-ASCII byte`);
    const m = PAYLOAD.exec(text);
    assert.ok(m, `${file}: payload not found`);
    const [lzmaLength, size, sum, lc, lp, pb] = m.slice(2).map(Number);
    assert.equal(size, wasm.length);
    assert.equal(sum, adler32(wasm));
    assert.deepEqual(decode(module, unpack(m[1], lzmaLength), size, { lc, lp, pb, step: 65536 }), wasm, file);
  }
});
