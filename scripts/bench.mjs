// Benchmark (not a test): prints the single file's size and how long it takes, opened
// from file:// in headless Chromium, until the first field can be typed into, beside the
// same figure for a blank page with one <input>, measured the same way in the same run.
// Run after a release build:  node scripts/bench.mjs [runs]
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch } from '../tests/e2e/browser.mjs';
import { SINGLE_FILE } from '../tests/e2e/helpers.mjs';

const runs = Number(process.argv[2] || 5);
const html = readFileSync(SINGLE_FILE);
const blankPath = join(mkdtempSync(join(tmpdir(), 'fazhi-bench-')), 'blank.html');
writeFileSync(blankPath, '<!doctype html><meta charset="utf-8"><title>blank</title><input id="f-organ">');

// Milliseconds from navigation start until a visible, enabled #f-organ exists (in the
// document or in any open shadow root), polled every 2 ms inside the page.
async function timeToField(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await page.waitForFunction(() => {
    const find = (root) => {
      const hit = root.querySelector('#f-organ');
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
      return null;
    };
    const el = find(document);
    return el && !el.disabled && el.getBoundingClientRect().height > 0 ? performance.now() : null;
  }, null, { polling: 2, timeout: 20000 }).then((h) => h.jsonValue());
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  await context.close();
  if (marks['fazhi:boot']) phases.push(marks);
  return ms;
}
const phases = [];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await launch();
const tool = [], blank = [];
await timeToField(browser, pathToFileURL(SINGLE_FILE).href); // warm the disk cache
for (let i = 0; i < runs; i++) {
  blank.push(await timeToField(browser, pathToFileURL(blankPath).href));
  tool.push(await timeToField(browser, pathToFileURL(SINGLE_FILE).href));
}
await browser.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const t = median(tool), b = median(blank);
console.log('fazhi-report benchmark (headless Chromium, file://)');
console.log(`  single file            ${kb(html.length)} raw, ${kb(gzipSync(html, { level: 9 }).length)} gzip   (budget 800 KB raw)`);
console.log(`  time to first field    ${t.toFixed(0)} ms median of ${runs}   [${tool.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`  blank page, same probe ${b.toFixed(0)} ms median of ${runs}   [${blank.map((x) => x.toFixed(0)).join(', ')}]`);
 const phase = (a, b) => median(phases.map((m) => m[b] - m[a])).toFixed(0);
console.log(`  phases (median ms)     script start ${median(phases.map((m) => m['fazhi:boot'])).toFixed(0)} · unpack ${phase('fazhi:boot', 'fazhi:unpacked')} · compile+instantiate ${phase('fazhi:unpacked', 'fazhi:main')} · first render ${phase('fazhi:main', 'fazhi:rendered')}`);
console.log(`  ratio                  ${(t / b).toFixed(1)}x a blank page   (goal: within 2x; the React peer: about 6x)`);
