// Not a benchmark section: a CPU profile of typing 40 keystrokes into the middle subsection
// of a long draft, printing self and inclusive time by function. Build with names first:
//   FAZHI_KEEP_NAMES=1 scripts/build.sh && node scripts/bench/profile-typing.mjs [chars]
// (then scripts/build.sh again before shipping or benchmarking: the named file is larger).
import { launch } from '../../tests/e2e/browser.mjs';
import { sampleDraft, longDraft, openWithDraft, middleField } from './long-draft.mjs';
const browser = await launch();
const sample = await sampleDraft(browser);
const stored = longDraft(sample, Number(process.argv[2] || 50000));
const { context, page } = await openWithDraft(browser, stored);
await page.locator('.preview .paper p').first().waitFor();
const target = await middleField(page, stored);
await target.evaluate((el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
await page.keyboard.type('依法全面', { delay: 50 });
await page.waitForTimeout(1500);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.keyboard.type('依法全面履行政府职能深入推进法治政府建设持续提升行政执法规范化水平加强普法宣传教育', { delay: 50 });
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; self.set(k, (self.get(k) || 0) + dt[i]); total += dt[i]; });
// inclusive for wasm fns: walk parents
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, i) => { const seen = new Set(); for (let x = id; x != null; x = parent.get(x)) { const k = byId.get(x).callFrame.functionName; if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + dt[i]); } } });
const show = (m, n) => [...m].filter(([k]) => !/^\((idle|program|root)\)$/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log((v / 1000).toFixed(1).padStart(8), 'ms', k.slice(0, 150)));
console.log('total sampled', (total / 1000).toFixed(0), 'ms; idle', ((self.get('(idle)') || 0) / 1000).toFixed(0));
console.log('--- self'); show(self, 25);
console.log('--- inclusive'); show(incl, 40);
