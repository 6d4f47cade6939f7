// How the single file carries the wasm (scripts/pack.mjs → scripts/unpack.js, then gzip):
// the codec round-trips any bytes, by the wasm decoder and by the plain-JS loop it falls back
// to, and the built files hold exactly the built wasm, both in ASCII only (so the classic script
// means the same in a page of any charset).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { pack, DIGITS, DECODER } from '../../scripts/pack.mjs';

const unpack = new Function(`${readFileSync(join(ROOT, 'scripts', 'unpack.js'), 'utf8')}; return fazhiUnpack;`)();
const inflate = new Function(`${readFileSync(join(ROOT, 'scripts', 'inflate.js'), 'utf8')}; return fazhiInflate;`)();

function random(n, seed) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; out[i] = seed >>> 16; }
  return out;
}

test('the alphabet is 120 ASCII characters that need no escape in a "..." literal or an inline <script>', () => {
  assert.equal(new Set(DIGITS).size, 120);
  for (const d of DIGITS) assert.ok(d > '\0' && d < '\x7f' && !'\n\r\x1b"<\\'.includes(d), JSON.stringify(d));
});

// The wasm decoder returns a view on its memory, from byte 128; the JS loop a view from 0:
// which of the two ran.
const viaWasm = (out) => out.byteOffset === 128;
const decoder = [pack(DECODER), DECODER.length];
const WITHOUT = { 'no WebAssembly': 'WebAssembly', 'no TextEncoder': 'TextEncoder' };

for (const [path, args, wasm] of [['wasm decoder', decoder, true], ['JS loop', [], false]]) {
  test(`unpack(pack(bytes)) gives the bytes back, at every length and for extreme values (${path})`, () => {
    // 6 * 9342 and 6 * 9343: the decoder's memory (136 + the text) just under and over 64 KiB.
    for (const n of [0, 1, 2, 5, 6, 7, 11, 12, 13, 1000, 56052, 56058, 65537, 200000]) {
      const bytes = random(n, n + 1);
      const text = pack(bytes);
      assert.equal(text.length, Math.ceil(n / 6) * 7);
      const out = unpack(text, n, ...args);
      assert.equal(viaWasm(out), wasm, `${n} bytes: decoded by the ${path}`);
      assert.deepEqual(Buffer.from(out), Buffer.from(bytes), `${n} bytes`);
    }
    for (const fill of [0, 255]) {
      const bytes = new Uint8Array(600).fill(fill);
      assert.deepEqual(Buffer.from(unpack(pack(bytes), 600, ...args)), Buffer.from(bytes));
    }
  });
}

test('without WebAssembly or TextEncoder (or where a CSP forbids wasm), the JS loop decodes', () => {
  const bytes = random(5000, 9);
  for (const [why, name] of Object.entries(WITHOUT)) {
    const saved = globalThis[name];
    delete globalThis[name];
    try {
      const out = unpack(pack(bytes), bytes.length, ...decoder);
      assert.equal(viaWasm(out), false, why);
      assert.deepEqual(Buffer.from(out), Buffer.from(bytes), why);
    } finally {
      globalThis[name] = saved;
    }
  }
  // A module that does not compile (as under a CSP without wasm-unsafe-eval) falls back too.
  const broken = pack(DECODER.slice(0, 100));
  const out = unpack(pack(bytes), bytes.length, broken, 100);
  assert.equal(viaWasm(out), false);
  assert.deepEqual(Buffer.from(out), Buffer.from(bytes));
});

test('the built files carry exactly the built wasm; both are ASCII only, and the page carries fazhi-report.js as it is', () => {
  const dir = join(ROOT, 'dist');
  const wasmName = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith('.wasm'));
  assert.ok(wasmName, 'build first (scripts/build.sh)');
  const wasm = readFileSync(join(dir, wasmName));
  // fazhi-report.js runs in a page of any charset (GBK too): ASCII only. So is the page, whose
  // Chinese is in character references and \u escapes: Blink decodes and parses it as 8-bit text.
  const js = readFileSync(join(dir, 'fazhi-report.js'), 'utf8');
  assert.ok(!/[^\x00-\x7f]/.test(js), 'fazhi-report.js has a non-ASCII byte');
  const page = readFileSync(join(dir, 'fazhi-report.html'), 'utf8');
  assert.ok(!/[^\x00-\x7f]/.test(page), 'fazhi-report.html has a non-ASCII byte');
  assert.match(page.slice(0, 1024), /<meta charset="utf-8">/);
  assert.match(page, /<title>&#x6cd5;&#x6cbb;/, 'the title, as character references');
  const inPage = page.slice(page.lastIndexOf('<script>') + '<script>'.length, page.lastIndexOf('</script>'));
  assert.equal(inPage.trim(), js.replace(/<\/script/gi, '<\\/script').trim(), 'the page\'s script is fazhi-report.js');
  for (const file of ['fazhi-report.js', 'fazhi-report.html']) {
    const text = readFileSync(join(dir, file), 'latin1');
    // The loader's `FAZHI_WASM_GZ = ["<packed>", <bytes>, "<packed decoder>", <bytes>]` (its name minified).
    const payload = /\["([^"\\]{1000,})",(\d+),"([^"\\]+)",(\d+)\]/.exec(text);
    assert.ok(payload, `${file}: payload not found`);
    assert.deepEqual(Buffer.from(unpack(payload[3], Number(payload[4]))), Buffer.from(DECODER), `${file}: the decoder`);
    const bytes = unpack(payload[1], Number(payload[2]), payload[3], Number(payload[4]));
    assert.ok(viaWasm(bytes), `${file}: decoded by the wasm decoder`);
    assert.deepEqual(Buffer.from(inflate(bytes)), wasm, file);
    assert.deepEqual(Buffer.from(inflate(unpack(payload[1], Number(payload[2])))), wasm, `${file} (JS loop)`);
  }
});
