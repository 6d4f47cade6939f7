// Drafts of a chosen length for the benchmark (typing, autosave, .docx, memory): the sample
// report typed once through the form, then enlarged by repeating its subsections with varied
// text, the way city-level and 纲要式 reports grow (many subsections under part 一).
//
//   const sample = await sampleDraft(browser)      // the stored draft of the typed sample
//   const long = longDraft(sample, 50_000)         // ≈ 50 000 characters, a new object
//   draftChars(long)                               // characters of text the draft holds
//   const { context, page } = await openWithDraft(browser, long)  // tool open on it
//   await loadDraft(page, long)                    // into an open tool (h.loadDraft)
//   await middleField(page, long)                  // opens the middle subsection, returns
//                                                  //   the locator of its first 具体内容
import { openTool, typeSample } from '../../tests/e2e/helpers.mjs';

const chars = (s) => (typeof s === 'string' ? Array.from(s).length : 0);

/** Characters of text in a stored draft (what the writer typed; numbering not counted). */
export function draftChars(stored) {
  let n = 0;
  const walk = (v) => {
    if (typeof v === 'string') n += chars(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => { if (!['key', 'template', 'date', 'name'].includes(k)) walk(x); });
  };
  walk(stored.draft);
  return n;
}

/** Types the sample report (tests/fixtures/sample-typed.json) into a fresh tool and returns
 * its stored draft, as `getDraft()` gives it. */
export async function sampleDraft(browser) {
  const { context, page } = await openTool(browser);
  await typeSample(page);
  const stored = await page.evaluate(async () => {
    const h = FazhiReport.mount(document.getElementById('fazhi-report'));
    await h.ready;
    return h.getDraft();
  });
  await context.close();
  return stored;
}

const VARIANTS = ['全面', '持续', '深入', '扎实', '稳步', '着力', '积极', '切实'];

/** A copy of `sample` with its part 一 subsections repeated (titles and details varied, ids
 * fresh) until the draft holds about `target` characters. */
export function longDraft(sample, target) {
  const out = structuredClone(sample);
  const d = out.draft;
  const subs = d.parts[0].subsections;
  const originals = structuredClone(subs);
  let next = Math.max(d.next_id || 0, ...JSON.stringify(d).match(/"id":\d+/g).map((m) => Number(m.slice(5)))) + 1;
  for (let k = 0; draftChars(out) < target; k++) {
    const base = originals[k % originals.length];
    const v = VARIANTS[k % VARIANTS.length];
    const sub = structuredClone(base);
    sub.id = next++;
    sub.title = `${v}${base.title}（第${k + 2}批）`;
    for (const item of sub.items) {
      item.id = next++;
      item.lead = `${v}${item.lead}`;
      item.detail = `${item.detail}截至第${(k % 4) + 1}季度，累计开展相关工作${k * 3 + 7}次，覆盖${k + 12}个科室。`;
    }
    subs.push(sub);
  }
  d.next_id = next;
  return out;
}

/** Loads `stored` into the open tool on `page` (the page API's `loadDraft`). */
export async function loadDraft(page, stored) {
  await page.evaluate(async (json) => {
    const h = FazhiReport.mount(document.getElementById('fazhi-report'));
    await h.ready;
    h.loadDraft(json);
  }, stored);
}

/** A fresh tool (empty storage) showing `stored`. FAZHI_BENCH_URL=file:///… measures another
 * build of the single file (e.g. the one before a change) instead of dist/. */
export async function openWithDraft(browser, stored) {
  const opened = await openTool(browser, process.env.FAZHI_BENCH_URL ? { url: process.env.FAZHI_BENCH_URL } : undefined);
  await loadDraft(opened.page, stored);
  return opened;
}

/** Opens the middle subsection of part 一 and returns the locator of its first item's 具体内容. */
export async function middleField(page, stored) {
  const subs = stored.draft.parts[0].subsections;
  const mid = subs[Math.floor(subs.length / 2)];
  await page.locator('nav.stepper li.nested button.step-link').nth(Math.floor(subs.length / 2)).evaluate((b) => b.click());
  const el = page.locator(`#f-item-${mid.items[0].id}-detail`);
  await el.waitFor();
  return el;
}
