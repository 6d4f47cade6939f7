// Benchmark section (not a test): start-up for a clerk who comes back to a draft, the usual
// case after the first day. The `startup` section opens the tool on empty storage (a new
// draft, the 文头 step); here storage already holds the current draft, saved on the 开头段
// step, as the sample report (2.2 k characters) or grown to 50 000 characters
// (long-draft.mjs), and the figure is the first frame that paints a field of the step form,
// by a probe installed before any page script (as `startup`'s "painted (from doc start)").
// A blank page with one <input>, opened alternately in the same run, is the yardstick.
// The phases are the tool's User Timing marks; "storage" is reading and decoding the draft.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch } from '../../tests/e2e/browser.mjs';
import { SINGLE_FILE_URL } from '../../tests/e2e/helpers.mjs';
import { sampleDraft } from '../../tests/e2e/reports.mjs';
import { longDraft, draftChars } from './long-draft.mjs';
import { EARLY_PROBE } from './startup.mjs';

// The first field of the step form (the import box, folded away on a new draft, excepted),
// or the blank page's input.
const FIRST_FIELD = '#f-organ, .step-form input:not([type=file]):not(#f-import), .step-form textarea:not(#f-import)';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

export async function run({ runs }) {
  const url = process.env.FAZHI_BENCH_URL || SINGLE_FILE_URL;
  const blankPath = join(mkdtempSync(join(tmpdir(), 'fazhi-bench-')), 'blank.html');
  writeFileSync(blankPath, '<!doctype html><meta charset="utf-8"><title>blank</title><input id="f-organ">');
  const browser = await launch();
  const sample = { draft: sampleDraft() };
  const cases = [
    { name: 'new draft', stored: null },
    { name: 'sample, stored', stored: sample },
    { name: '50 k, stored', stored: longDraft(sample, 50_000) },
  ];
  // One profile per case, so its storage holds that case's draft for every run.
  for (const c of cases) {
    c.context = await browser.newContext();
    await c.context.addInitScript(EARLY_PROBE, FIRST_FIELD);
    c.times = []; c.marks = [];
    if (!c.stored) continue;
    c.chars = draftChars(c.stored);
    const page = await c.context.newPage();
    await page.goto(url);
    const json = JSON.stringify({ schema: 2, id: 'dbench', revision: 1, saved_at: Date.now(), step: 'opening', draft: c.stored.draft });
    await page.evaluate((json) => {
      localStorage.setItem('fazhi-report/v1/default/draft/dbench', json);
      localStorage.setItem('fazhi-report/v1/default/current', 'dbench');
    }, json);
    await page.close();
  }
  const blankContext = await browser.newContext();
  await blankContext.addInitScript(EARLY_PROBE, FIRST_FIELD);
  const open = async (context, target) => {
    const page = await context.newPage();
    await page.goto(target, { waitUntil: 'commit' });
    const ms = await page.evaluate(() => window.__painted);
    // The marks up to the preview's mount, which comes after the field's frame.
    await page.waitForFunction(() => performance.getEntriesByName('fazhi:deferred').length, null, { timeout: 20_000 }).catch(() => {});
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    await page.close();
    return { ms, marks };
  };
  const blank = [];
  for (const c of cases) await open(c.context, url); // warm the disk cache
  for (let i = 0; i < runs; i++) {
    blank.push((await open(blankContext, pathToFileURL(blankPath).href)).ms);
    for (const c of cases) {
      const { ms, marks } = await open(c.context, url);
      c.times.push(ms);
      c.marks.push(marks);
    }
  }
  await browser.close();

  const b = median(blank);
  console.log(`returning clerk: start-up with a stored draft (headless Chromium, file://, median of ${runs}; first field painted, probe from document start)`);
  console.log(`  blank page                  ${b.toFixed(0)} ms   [${blank.map((x) => x.toFixed(0)).join(', ')}]`);
  for (const c of cases) {
    const t = median(c.times);
    const phase = (x, y) => median(c.marks.map((m) => m[y] - m[x])).toFixed(0);
    const size = c.stored ? ` (${(c.chars / 1000).toFixed(1)} k characters, step 开头段)` : ' (step 文头)';
    console.log(`  ${c.name.padEnd(27)} ${t.toFixed(0)} ms = ${(t / b).toFixed(1)}x a blank page${size}   [${c.times.map((x) => x.toFixed(0)).join(', ')}]`);
    console.log(`    phases (median ms)        script start ${median(c.marks.map((m) => m['fazhi:boot'])).toFixed(0)} · unpack ${phase('fazhi:boot', 'fazhi:unpacked')} · compile+instantiate ${phase('fazhi:unpacked', 'fazhi:main')} · shadow root + CSS ${phase('fazhi:main', 'fazhi:css')} · storage ${phase('fazhi:css', 'fazhi:session')} · editor state ${phase('fazhi:session', 'fazhi:editor')} · views ${phase('fazhi:editor', 'fazhi:rendered')} · preview mounted after ${phase('fazhi:rendered', 'fazhi:deferred')}`);
  }
}
