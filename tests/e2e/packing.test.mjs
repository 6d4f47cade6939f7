// How the single file carries the wasm (scripts/pack.mjs → scripts/unpack.js, then gzip):
// the codec round-trips any bytes, and the built files hold exactly the built wasm, in ASCII
// only (so the classic script means the same in a page of any charset).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';
import { pack, DIGITS } from '../../scripts/pack.mjs';

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

test('unpack(pack(bytes)) gives the bytes back, at every length and for extreme values', () => {
  for (const n of [0, 1, 2, 5, 6, 7, 11, 12, 13, 1000, 65537]) {
    const bytes = random(n, n + 1);
    const text = pack(bytes);
    assert.equal(text.length, Math.ceil(n / 6) * 7);
    assert.deepEqual(Buffer.from(unpack(text, n)), Buffer.from(bytes), `${n} bytes`);
  }
  for (const fill of [0, 255]) {
    const bytes = new Uint8Array(600).fill(fill);
    assert.deepEqual(Buffer.from(unpack(pack(bytes), 600)), Buffer.from(bytes));
  }
});

test('the built files carry exactly the built wasm, in a script that is ASCII only', () => {
  const dir = join(ROOT, 'dist');
  const wasmName = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith('.wasm'));
  assert.ok(wasmName, 'build first (scripts/build.sh)');
  const wasm = readFileSync(join(dir, wasmName));
  for (const file of ['fazhi-report.js', 'fazhi-report.html']) {
    const text = readFileSync(join(dir, file), 'latin1');
    // The page is UTF-8 and says so; the script it shares with fazhi-report.js is ASCII.
    const script = file.endsWith('.js') ? text : text.slice(text.lastIndexOf('<script>'));
    assert.ok(!/[^\x00-\x7f]/.test(script), `${file}: the script has a non-ASCII byte`);
    // The loader's `FAZHI_WASM_GZ = ["<packed>", <bytes>]` (its name minified).
    const payload = /\["([^"\\]{1000,})",(\d+)\]/.exec(text);
    assert.ok(payload, `${file}: payload not found`);
    assert.deepEqual(Buffer.from(inflate(unpack(payload[1], Number(payload[2])))), wasm, file);
  }
});
