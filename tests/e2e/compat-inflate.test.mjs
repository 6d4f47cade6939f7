// The loader's own inflate (scripts/inflate.js), used where DecompressionStream is missing,
// against Node's zlib: stored, fixed-Huffman and dynamic-Huffman blocks, and the real wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.mjs';

const source = readFileSync(join(ROOT, 'scripts', 'inflate.js'), 'utf8');
const inflate = new Function(`${source}; return fazhiInflate;`)();

function random(n, seed, alphabet = 256) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; out[i] = (seed >>> 16) % alphabet; }
  return out;
}

test('inflates what zlib deflates, at every level and strategy', () => {
  const text = Buffer.from(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt'), 'utf8').repeat(3));
  const inputs = [new Uint8Array(0), Buffer.from('a'), text, random(70000, 7), random(200000, 9, 4), new Uint8Array(100000)];
  for (const input of inputs) {
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of [constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE]) {
        const packed = gzipSync(input, { level, strategy });
        assert.deepEqual(Buffer.from(inflate(packed)), Buffer.from(input), `${input.length} bytes, level ${level}, strategy ${strategy}`);
      }
    }
  }
});

test('refuses what is not gzip and stops on truncated input', () => {
  assert.throws(() => inflate(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), /not gzip/);
  const packed = gzipSync(random(5000, 3, 16));
  const cut = packed.subarray(0, 200);
  // Keep the trailer's size so the output buffer is allocated as in a whole file.
  const truncated = Buffer.concat([cut, packed.subarray(packed.length - 8)]);
  assert.throws(() => inflate(truncated));
});

test('stops on corrupt input: an error or some bytes, never a hang', () => {
  const packed = gzipSync(Buffer.from(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt'), 'utf8')), { level: 9 });
  let seed = 11;
  for (let round = 0; round < 300; round++) {
    const bad = Buffer.from(packed);
    // Any byte of the deflate data (after the 10-byte header, before the 8-byte trailer).
    for (let flips = 1 + (round % 4); flips > 0; flips--) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bad[10 + (seed % (bad.length - 18))] ^= 1 << (seed >>> 28 & 7);
    }
    try { inflate(bad); } catch { /* refusing is right too */ }
  }
  // A stream that ends in the middle of a stored block's header, and one cut to nothing.
  const stored = gzipSync(random(3000, 5), { level: 0 });
  assert.throws(() => inflate(Buffer.concat([stored.subarray(0, 12), stored.subarray(stored.length - 8)])));
  assert.throws(() => inflate(Buffer.concat([stored.subarray(0, 10), stored.subarray(stored.length - 8)])));
});

test('refuses symbols past the code tables and streams cut inside the trailer, in bounded time', () => {
  // Run apart, with a time limit: a regression here is an endless loop, which no assertion in
  // this process could stop.
  const check = `
    const inflate = new Function(require('fs').readFileSync(${JSON.stringify(join(ROOT, 'scripts', 'inflate.js'))}, 'utf8') + '; return fazhiInflate;')();
    const zlib = require('zlib');
    const whole = zlib.gzipSync(Buffer.from('法治政府建设年度报告'.repeat(50)));
    const cases = {
      dist30: require('fs').readFileSync(${JSON.stringify(join(ROOT, 'tests', 'fixtures', 'inflate-dist30.gz'))}),
      fixed286: require('fs').readFileSync(${JSON.stringify(join(ROOT, 'tests', 'fixtures', 'inflate-fixed286.gz'))}),
      cut3: whole.subarray(0, whole.length - 3),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      let threw = false;
      try { inflate(bytes); } catch { threw = true; }
      if (!threw) { console.log(name + ' returned'); process.exit(1); }
    }`;
  const run = spawnSync(process.execPath, ['-e', check], { timeout: 10000, encoding: 'utf8' });
  assert.equal(run.signal, null, 'the inflate did not stop within 10 s');
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

test('inflates the built wasm payload exactly', () => {
  const dir = join(ROOT, 'dist');
  const wasm = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith('.wasm'));
  assert.ok(wasm, 'build first (scripts/build.sh)');
  const bytes = readFileSync(join(dir, wasm));
  assert.deepEqual(Buffer.from(inflate(gzipSync(bytes, { level: 9 }))), bytes);
});
