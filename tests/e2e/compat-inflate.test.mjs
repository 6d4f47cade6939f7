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

/**
 * Inflates each stream in a child process with a time limit (a regression on corrupt input is
 * an endless loop, which no assertion in this process could stop); for each, whether it threw.
 */
function inflateApart(streams) {
  const child = `
    const inflate = new Function(require('fs').readFileSync(${JSON.stringify(join(ROOT, 'scripts', 'inflate.js'))}, 'utf8') + '; return fazhiInflate;')();
    const streams = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const threw = {};
    for (const [name, base64] of Object.entries(streams)) {
      try { inflate(Buffer.from(base64, 'base64')); threw[name] = false; } catch { threw[name] = true; }
    }
    process.stdout.write(JSON.stringify(threw));`;
  const input = JSON.stringify(Object.fromEntries(Object.entries(streams).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')])));
  const run = spawnSync(process.execPath, ['-e', child], { input, timeout: 20000, encoding: 'utf8' });
  assert.equal(run.signal, null, 'the inflate did not stop within 20 s');
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

test('stops on corrupt input: an error or some bytes, never a hang', () => {
  const packed = gzipSync(Buffer.from(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt'), 'utf8')), { level: 9 });
  const streams = {};
  let seed = 11;
  for (let round = 0; round < 300; round++) {
    const bad = Buffer.from(packed);
    // Any byte of the deflate data (after the 10-byte header, before the 8-byte trailer).
    for (let flips = 1 + (round % 4); flips > 0; flips--) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      bad[10 + (seed % (bad.length - 18))] ^= 1 << (seed >>> 28 & 7);
    }
    streams[`corrupt ${round}`] = bad; // refusing it is right, and so is returning some bytes
  }
  // A stream that ends in the middle of a stored block's header, and one cut to nothing.
  const stored = gzipSync(random(3000, 5), { level: 0 });
  streams['stored, cut in its header'] = Buffer.concat([stored.subarray(0, 12), stored.subarray(stored.length - 8)]);
  streams['stored, cut to nothing'] = Buffer.concat([stored.subarray(0, 10), stored.subarray(stored.length - 8)]);
  const threw = inflateApart(streams);
  assert.equal(Object.keys(threw).length, 302);
  assert.ok(threw['stored, cut in its header']);
  assert.ok(threw['stored, cut to nothing']);
});

test('refuses symbols past the code tables and streams cut inside the trailer, in bounded time', () => {
  const whole = gzipSync(Buffer.from('法治政府建设年度报告'.repeat(50)));
  const threw = inflateApart({
    dist30: readFileSync(join(ROOT, 'tests', 'fixtures', 'inflate-dist30.gz')),
    fixed286: readFileSync(join(ROOT, 'tests', 'fixtures', 'inflate-fixed286.gz')),
    cut3: whole.subarray(0, whole.length - 3),
  });
  assert.deepEqual(threw, { dist30: true, fixed286: true, cut3: true });
});

test('inflates the built wasm payload exactly', () => {
  const dir = join(ROOT, 'dist');
  const wasm = existsSync(dir) && readdirSync(dir).find((f) => f.endsWith('.wasm'));
  assert.ok(wasm, 'build first (scripts/build.sh)');
  const bytes = readFileSync(join(dir, wasm));
  assert.deepEqual(Buffer.from(inflate(gzipSync(bytes, { level: 9 }))), bytes);
});
