// Benchmark (not a test): the font work of the tool's first frame, and the wasm functions
// compiled for it, counted in a Chrome trace
// from navigation until #f-organ is laid out (a ResizeObserver on it marks the moment). On
// Linux each new (family, size, weight) strike is a synchronous IPC to the browser
// (GetWebFontRenderStyleForStrike) and each family name looked up is another
// (onMatchFamilyStyle): counts, unlike times, do not swing with the machine's load (issue 16).
// One section of `node scripts/bench.mjs` (which runs after a release build).
import { launch } from '../../tests/e2e/browser.mjs';
import { SINGLE_FILE_URL } from '../../tests/e2e/helpers.mjs';

const MARK = () => {
  (function find() {
    const el = document.getElementById('fazhi-report')?.shadowRoot?.getElementById('f-organ');
    if (!el) { requestAnimationFrame(find); return; }
    const ro = new ResizeObserver(() => { ro.disconnect(); performance.mark('fonts:organ-laid-out'); window.__laidOut = true; });
    ro.observe(el);
  })();
};
const EVENTS = { strikes: 'WebSandboxSupportLinux::GetWebFontRenderStyleForStrike', 'family lookups': 'FontDataManager::onMatchFamilyStyle', 'platform data': 'FontCache::GetFontPlatformData' };

export async function run({ runs }) {
  const browser = await launch();
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(MARK);
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink', 'fonts', 'blink.user_timing', 'v8.wasm'] });
    await page.goto(process.env.FAZHI_BENCH_URL || SINGLE_FILE_URL);
    await page.waitForFunction(() => window.__laidOut);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    await context.close();
    const end = events.find((e) => e.name === 'fonts:organ-laid-out').ts;
    const upTo = (name) => events.filter((e) => e.name === name && e.ph === 'X' && e.ts <= end);
    // The tool's first layout: the last Layout on the page's main thread before the mark.
    const layout = events.filter((e) => e.name === 'Layout' && e.ph === 'X' && e.ts <= end).pop();
    const row = { layout: layout.dur / 1000 };
    for (const [key, name] of Object.entries(EVENTS)) {
      const xs = upTo(name);
      row[key] = [xs.length, xs.reduce((a, e) => a + e.dur / 1000, 0)];
    }
    // V8 compiles a wasm function at its first call: how many the first frame waits for
    // (a count that, unlike times, does not swing with the machine's load).
    const lazy = upTo('wasm.CompileLazy');
    row.lazy = [lazy.length, lazy.reduce((a, e) => a + (e.tdur ?? e.dur) / 1000, 0)];
    rows.push(row);
  }
  await browser.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  console.log(`first frame's font work (headless Chromium, trace until #f-organ is laid out, ${runs} runs; times are medians)`);
  for (const key of Object.keys(EVENTS)) {
    const counts = [...new Set(rows.map((r) => r[key][0]))].join(' / ');
    console.log(`  ${key.padEnd(16)} ${counts} calls, ${median(rows.map((r) => r[key][1])).toFixed(1)} ms`);
  }
  console.log(`  first layout     ${median(rows.map((r) => r.layout)).toFixed(1)} ms   [${rows.map((r) => r.layout.toFixed(0)).join(', ')}]`);
  console.log(`  wasm functions compiled before it: ${[...new Set(rows.map((r) => r.lazy[0]))].join(' / ')}, ${median(rows.map((r) => r.lazy[1])).toFixed(1)} ms of CPU`);
}
