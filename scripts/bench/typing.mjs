// Benchmark (not a test): typing into drafts of about 2.5 k (the sample), 10 k and 50 k
// characters, 40 keystrokes into the 具体内容 of the middle subsection, measured in headless
// Chromium: main-thread and script time per keystroke (CDP Performance.getMetrics
// TaskDuration / ScriptDuration deltas over the keystrokes, up to the last keystroke's next
// frame), the work done once typing rests (the same deltas over the following second, which
// holds the debounced checks and the autosave), and keystroke → next frame (from the input
// event's timeStamp to a message posted from the following requestAnimationFrame, i.e. after
// that frame's rendering) p50/p90/max. Then memory: a long typing run on the 50 k draft
// (bursts of typing and deleting with pauses, so every debounced job runs), JS heap after a
// forced GC and the wasm memory's size, at the start and after each third.
// One section of `node scripts/bench.mjs` (which runs after a release build).
import { launch } from '../../tests/e2e/browser.mjs';
import { sampleDraft, longDraft, draftChars, openWithDraft, middleField } from './long-draft.mjs';

const KEYS = 40;
const DELAY = 50; // ms between keystrokes: a fast typist
const TEXT = '依法全面履行政府职能深入推进法治政府建设持续提升行政执法规范化水平加强普法宣传教育';

// Captures the wasm instance's memory (wasm-bindgen's init calls WebAssembly.instantiate; the
// export's name is shortened in the shipped build, so it is found by its type),
// so its size can be read from the page without anything in the tool itself.
const CAPTURE_MEMORY = () => {
  const keep = (r) => { const inst = r && (r.instance || r); const m = inst && inst.exports && Object.values(inst.exports).find((v) => v instanceof WebAssembly.Memory); if (m) window.__fazhiWasmMemory = m; return r; };
  const orig = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...a) { return orig.apply(this, a).then(keep); };
  if (WebAssembly.instantiateStreaming) {
    const s = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...a) { return s.apply(this, a).then(keep); };
  }
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const metrics = async (cdp) => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));

async function open(browser, stored) {
  const { context, page } = await openWithDraft(browser, stored);
  await context.addInitScript(CAPTURE_MEMORY);
  await page.reload(); // with the capture in place; the draft is in storage by now
  await page.locator('#f-organ').waitFor();
  await page.locator('.preview .paper p').first().waitFor();
  const target = await middleField(page, stored);
  await target.evaluate((el) => {
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
    window.__lat = [];
    el.addEventListener('input', (ev) => {
      const t0 = ev.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** One run at one length: per-keystroke figures. */
async function typingRun(browser, stored) {
  const { context, page, cdp } = await open(browser, stored);
  await page.keyboard.type(TEXT.slice(0, 5), { delay: DELAY }); // warm up
  await page.waitForTimeout(1500);
  await page.evaluate(() => { window.__lat = []; });
  const m0 = await metrics(cdp);
  await page.keyboard.type(TEXT.slice(0, KEYS), { delay: DELAY });
  await page.waitForFunction((n) => window.__lat.length >= n, KEYS);
  const m1 = await metrics(cdp);
  await page.waitForTimeout(1000);
  const m2 = await metrics(cdp);
  const lat = await page.evaluate(() => window.__lat);
  await context.close();
  return {
    task: ((m1.TaskDuration - m0.TaskDuration) * 1000) / KEYS,
    script: ((m1.ScriptDuration - m0.ScriptDuration) * 1000) / KEYS,
    layout: ((m1.LayoutDuration - m0.LayoutDuration) * 1000) / KEYS,
    style: ((m1.RecalcStyleDuration - m0.RecalcStyleDuration) * 1000) / KEYS,
    restTask: (m2.TaskDuration - m1.TaskDuration) * 1000,
    restScript: (m2.ScriptDuration - m1.ScriptDuration) * 1000,
    p50: pct(lat, 0.5), p90: pct(lat, 0.9), max: Math.max(...lat),
  };
}

async function memory(cdp, page) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const m = await metrics(cdp);
  const wasm = await page.evaluate(() => (window.__fazhiWasmMemory ? window.__fazhiWasmMemory.buffer.byteLength : NaN));
  return { heap: m.JSHeapUsedSize, wasm };
}

export async function run({ runs }) {
  const browser = await launch();
  const sample = await sampleDraft(browser);
  const sizes = [['sample', sample], ['10 k', longDraft(sample, 10_000)], ['50 k', longDraft(sample, 50_000)]];
  const results = [];
  for (const [name, stored] of sizes) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await typingRun(browser, stored));
    const med = (k) => median(all.map((r) => r[k]));
    results.push({ name, chars: draftChars(stored), subs: stored.draft.parts[0].subsections.length, all, med });
  }
  const base = results[0].med('task');
  const f = (x) => x.toFixed(1);
  console.log(`typing (headless Chromium, ${KEYS} keystrokes ${DELAY} ms apart into the middle subsection's 具体内容, median of ${runs})`);
  for (const r of results) {
    const task = r.med('task');
    console.log(`  ${r.name.padEnd(6)} ${String(r.chars).padStart(6)} chars, ${r.subs} subsections`);
    console.log(`    main thread / keystroke   ${f(task)} ms = ${(task / base).toFixed(2)}x the sample's (budget ≤ 1.25x at 50 k)   [${r.all.map((x) => f(x.task)).join(', ')}]`);
    console.log(`      of which layout ${f(r.med('layout'))} ms, style ${f(r.med('style'))} ms`);
    console.log(`    script / keystroke        ${f(r.med('script'))} ms (budget ≤ 2 ms)   [${r.all.map((x) => f(x.script)).join(', ')}]`);
        console.log(`    keystroke → next frame    p50 ${f(r.med('p50'))} · p90 ${f(r.med('p90'))} · max ${f(r.med('max'))} ms (budget: one frame, 16.7 ms)`);
    console.log(`    once typing rests (1 s)   main thread ${f(r.med('restTask'))} ms, script ${f(r.med('restScript'))} ms (debounced checks, autosave)`);
  }

  // Memory: a long typing run on the 50 k draft. Bursts of 20 characters typed and 20
  // deleted (the draft keeps its length), 10 ms apart, each followed by a pause longer than
  // every debounce, so the deferred checks and the autosave run after each burst.
  const BURSTS = Number(process.env.FAZHI_BENCH_BURSTS || 75);
  const big = sizes[2][1];
  const { context, page, cdp } = await open(browser, big);
  const points = [await memory(cdp, page)];
  for (let b = 1; b <= BURSTS; b++) {
    await page.keyboard.type(TEXT.slice(b % 20, (b % 20) + 20), { delay: 10 });
    for (let k = 0; k < 20; k++) await page.keyboard.press('Backspace', { delay: 10 });
    await page.waitForTimeout(700);
    if (b % Math.ceil(BURSTS / 3) === 0 || b === BURSTS) points.push(await memory(cdp, page));
  }
  await context.close();
  await browser.close();
  const mb = (x) => `${(x / 1048576).toFixed(2)} MB`;
  console.log(`memory (50 k draft, ${BURSTS * 40} keystrokes in ${BURSTS} bursts with pauses; after a forced GC)`);
  console.log(`  JS heap used   ${points.map((p) => mb(p.heap)).join(' → ')}`);
  console.log(`  wasm memory    ${points.map((p) => mb(p.wasm)).join(' → ')}   (budget: no growth without bound)`);
}
