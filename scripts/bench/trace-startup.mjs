// Not a benchmark section: a Chrome trace of opening the single file from file://, printing
// the main thread's top-level tasks and the largest events inside them, from navigation to
// the frame that paints the first field, so start-up time can be attributed:
//   node scripts/bench/trace-startup.mjs [file.html] [runs]
import { launch } from '../../tests/e2e/browser.mjs';
import { SINGLE_FILE } from '../../tests/e2e/helpers.mjs';
import { pathToFileURL } from 'node:url';

const file = process.argv[2] || SINGLE_FILE;
const runs = Number(process.argv[3] || 3);
const browser = await launch();
const CATS = ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'blink.user_timing', 'loading', 'fonts', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.compile'];
const totals = new Map();
for (let run = 0; run <= runs; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATS });
  await page.goto(pathToFileURL(file).href);
  await page.locator('#f-organ').waitFor();
  await page.waitForTimeout(300);
  const buf = await browser.stopTracing();
  await context.close();
  if (run === 0) continue; // warms the disk cache
  const events = JSON.parse(buf.toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const marks = events.filter((e) => /fazhi:/.test(e.name) && e.pid === main.pid);
  const t0 = Math.min(...onMain.map((e) => e.ts));
  console.log(`run ${run}: ms from the renderer's first task; marks: ${marks.map((m) => `${m.name}@${((m.ts - t0) / 1000).toFixed(1)}`).join(' ')}`);
  const top = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  for (const t of top.filter((t) => t.dur > 1000)) {
    const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e.dur > 500 && e.name !== 'RunTask');
    console.log(`  task @${((t.ts - t0) / 1000).toFixed(1)} ${(t.dur / 1000).toFixed(1)} ms: ${inner.sort((a, b) => a.ts - b.ts).map((e) => `${e.name} ${(e.dur / 1000).toFixed(1)}`).join(' | ').slice(0, 600)}`);
  }
  for (const e of onMain) totals.set(e.name, (totals.get(e.name) || 0) + e.dur / runs);
  // The wasm's compile and lazy compilation, per thread.
  const wasm = events.filter((e) => /wasm/i.test(e.name) && e.ph === 'X' && e.dur > 300);
  const bytid = new Map();
  for (const e of wasm) { const k = `${e.name} tid${e.tid === main.tid ? '(main)' : e.tid}`; bytid.set(k, (bytid.get(k) || 0) + e.dur); }
  console.log('  wasm events:', [...bytid].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
}
await browser.close();
console.log('--- main-thread event totals (ms per run, inclusive, nested counted twice)');
[...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 40)).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), k));
