// Benchmark (not a test): the loader's decode of the wasm payload alone (scripts/unpack.js on
// the payload of dist/fazhi-report.html), by the wasm decoder and by the JS loop it falls back
// to, and its own inflate of the decoded bytes (scripts/inflate.js, used where
// DecompressionStream is missing: Firefox before 113, Chromium before 80), each the first call
// in a fresh page (as at start-up, where it runs once, cold), interleaved, in headless
// Chromium, Chromium 86 and Firefox.
// One section of `node scripts/bench.mjs` (after a release build): `node scripts/bench.mjs 11 unpack`.
import { readFileSync, writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch } from '../../tests/e2e/browser.mjs';
import { launch86 } from '../../tests/e2e/chromium86.mjs';
import { launchFirefox } from '../../tests/e2e/marionette.mjs';
import { SINGLE_FILE, ROOT } from '../../tests/e2e/helpers.mjs';

export async function run({ runs }) {
  const [, text, length, decoder, decoderLength] = /\["([^"\\]{1000,})",(\d+),"([^"\\]+)",(\d+)\]/.exec(readFileSync(SINGLE_FILE, 'latin1'));
  const unpack = readFileSync(join(ROOT, 'scripts', 'unpack.js'), 'latin1');
  const inflate = readFileSync(join(ROOT, 'scripts', 'inflate.js'), 'latin1');
  const wasm = readFileSync(join(ROOT, 'dist', readdirSync(join(ROOT, 'dist')).find((f) => f.endsWith('.wasm'))));
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-unpack-'));
  const variants = { 'wasm decoder': `"${text}",${length},"${decoder}",${decoderLength}`, 'JS loop': `"${text}",${length}` };
  const urls = Object.entries(variants).map(([name, args], i) => {
    const file = join(dir, `${i}.html`);
    // The payload parsed in a script of its own, outside the timing; `path` says which decoder ran.
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><script>var A = [${args}];</script><script>${unpack}
var t0 = performance.now(), out = fazhiUnpack.apply(null, A);
window.__r = { ms: performance.now() - t0, path: out.byteOffset === 128 ? 'wasm decoder' : 'JS loop', length: out.length };</script>`, 'latin1');
    return [name, pathToFileURL(file).href];
  });
  // The inflate, timed on bytes decoded outside the timing (by the wasm decoder, as at start-up).
  const inflateFile = join(dir, 'inflate.html');
  writeFileSync(inflateFile, `<!doctype html><meta charset="utf-8"><script>var A = [${variants['wasm decoder']}];</script><script>${unpack}
${inflate}
var bytes = fazhiUnpack.apply(null, A), t0 = performance.now(), out = fazhiInflate(bytes), ms = performance.now() - t0;
for (var h = 0, i = 0; i < out.length; i++) h = (h * 31 + out[i]) | 0;
window.__r = { ms: ms, path: 'own inflate', length: out.length, hash: h };</script>`, 'latin1');
  urls.push(['own inflate', pathToFileURL(inflateFile).href]);
  const expected = { 'wasm decoder': Number(length), 'JS loop': Number(length), 'own inflate': wasm.length };
  // The inflate's output checked whole (its length alone is the trailer's, known in advance).
  let wasmHash = 0;
  for (const byte of wasm) wasmHash = (Math.imul(wasmHash, 31) + byte) | 0;
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const browsers = {
    'Chromium': async () => {
      const b = await launch();
      return { close: () => b.close(), open: async (url) => { const c = await b.newContext(); const p = await c.newPage(); await p.goto(url); const r = await p.evaluate(() => window.__r); await c.close(); return r; } };
    },
    'Chromium 86': async () => {
      const b = await launch86();
      return { close: () => b.close(), open: async (url) => { const p = await b.context.newPage(); await p.goto(url); const r = await p.evaluate(() => window.__r); await p.close(); return r; } };
    },
    'Firefox (1 ms timer)': async () => {
      const f = await launchFirefox();
      return { close: () => f.close(), open: async (url) => { await f.goto('about:blank'); await f.goto(url); return f.run('return window.__r;'); } };
    },
  };
  console.log(`fazhi-report payload decode alone (${(text.length / 1024).toFixed(0)} KB of text) and own inflate (${(wasm.length / 1024).toFixed(0)} KB out), first call in a fresh page, median of ${runs}, ms`);
  for (const [browser, start] of Object.entries(browsers)) {
    const b = await start();
    const ms = Object.fromEntries(urls.map(([name]) => [name, []]));
    for (const [, url] of urls) await b.open(url); // warm the disk cache
    for (let i = 0; i < runs; i++) {
      for (const [name, url] of urls) {
        const r = await b.open(url);
        if (r.path !== name || r.length !== expected[name] || (name === 'own inflate' && r.hash !== wasmHash)) throw new Error(`${browser}: ${name} ran the ${r.path}, ${r.length} bytes${r.hash === undefined ? '' : `, hash ${r.hash} (the wasm's ${wasmHash})`}`);
        ms[name].push(r.ms);
      }
    }
    await b.close();
    console.log(`  ${browser.padEnd(21)} ${urls.map(([name]) => `${name} ${median(ms[name]).toFixed(1)} [${ms[name].map((x) => x.toFixed(1)).join(', ')}]`).join('   ')}`);
  }
}
