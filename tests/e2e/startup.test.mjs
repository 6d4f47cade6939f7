// Start-up order (issue 16): the first frame holds the form, the preview and the `storage`
// listener come just after the first paint (src/components/deferred.rs), and nothing is
// lost in between: a restored draft shows its preview moments later, and another tab's
// save made before the listener exists is caught up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SINGLE_FILE_URL, field, waitSaved, NEVER_COMPILES } from './helpers.mjs';
import { CAPTURE } from '../../scripts/app-shell/capture.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DRAFT_KEY = (page) => page.evaluate(() => 'fazhi-report/v1/default/draft/' + localStorage.getItem('fazhi-report/v1/default/current'));

test('the first frame shows the form, the preview follows; a restored draft gets its preview', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').fill('张家港市科学技术局');
  await waitSaved(page);

  // Reopen and look at the first frame that lays the field out: a ResizeObserver's first
  // callback runs in that frame's rendering, after its animation frame callbacks and
  // their microtasks, just before the paint. Installed before any page script runs, so it
  // cannot miss that frame.
  await context.addInitScript(() => {
    window.__painted = new Promise((resolve) => {
      (function frame() {
        const root = document.getElementById('fazhi-report')?.shadowRoot;
        const input = root?.querySelector('#f-organ');
        if (!input) { requestAnimationFrame(frame); return; }
        const watch = new ResizeObserver(() => {
          watch.disconnect();
          resolve({ value: input.value, preview: root.querySelector('.preview .paper p')?.textContent ?? null });
        });
        watch.observe(input);
      })();
    });
  });
  await page.goto(SINGLE_FILE_URL, { waitUntil: 'commit' });
  const painted = await page.evaluate(() => window.__painted);
  assert.equal(painted.value, '张家港市科学技术局', 'the first frame with the field shows the restored draft');
  assert.equal(painted.preview, null, 'the preview is not in the first frame');
  // The preview comes within a few frames, with the restored draft's text.
  await page.locator('.preview .paper p.title').waitFor({ timeout: 2000 });
  assert.match(await page.locator('.preview .paper p.title').innerText(), /张家港市科学技术局/);
  await context.close();
});

test("another tab's save made before the storage listener exists is caught up", async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const other = await context.newPage();
  await other.goto(SINGLE_FILE_URL);
  await field(other, '发文机关').fill('甲局');
  await waitSaved(other);
  const key = await DRAFT_KEY(other);

  // This tab's animation frames (and the 1 s fallback timer of deferred.rs) are held, so
  // its storage listener is not there yet when the other tab saves.
  const page = await context.newPage();
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    const timeout = window.setTimeout.bind(window);
    window.__held = [];
    window.__hold = true;
    window.requestAnimationFrame = (cb) => (window.__hold ? (window.__held.push(() => raf(cb)), 0) : raf(cb));
    window.setTimeout = (f, ms, ...args) => (window.__hold && ms === 1000 ? (window.__held.push(() => timeout(f, 0)), 0) : timeout(f, ms, ...args));
    window.__release = () => { window.__hold = false; for (const go of window.__held.splice(0)) go(); };
  });
  await page.goto(SINGLE_FILE_URL);
  await page.waitForFunction(() => document.getElementById('fazhi-report')?.shadowRoot?.querySelector('#f-organ'));
  assert.equal(await page.evaluate(() => document.getElementById('fazhi-report').shadowRoot.querySelector('#f-organ').value), '甲局');
  assert.equal(await page.evaluate(() => window.__held.length > 0), true, 'the deferred work is waiting for a frame');

  // The other tab saves a newer revision (as its autosave would) while this one cannot hear it.
  await other.evaluate((k) => {
    const stored = JSON.parse(localStorage.getItem(k));
    stored.revision += 1;
    stored.draft.header.organ = '甲局（改）';
    localStorage.setItem(k, JSON.stringify(stored));
  }, key);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.getElementById('fazhi-report').shadowRoot.querySelector('#f-organ').value), '甲局', 'not heard yet');

  // The first frame is painted: the listener comes, and the write in between is followed.
  await page.evaluate(() => window.__release());
  await page.getByRole('alert').filter({ hasText: '已载入另一个标签页' }).waitFor();
  assert.equal(await field(page, '发文机关').inputValue(), '甲局（改）');
  await context.close();
});

// The UI's type scale (style/base.css): each distinct size and weight of the UI font costs the
// first layout a font strike, on Linux a synchronous IPC to the browser (issue 16). Every step
// of a new draft and the drafts page stay within 13 / 14 / 15 / 20 px at 400 / 600, and form
// controls take the UI font (the UA's 13.33px Arial would be one more family and strike). The
// preview's document fonts follow GB/T 9704 and are not counted; nor is the guide's example.
test('the UI text uses the type scale: 13 / 14 / 15 / 20 px, weights 400 / 600, no UA font', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').waitFor();
  const fonts = () => page.evaluate(() => {
    const out = [];
    for (const el of document.getElementById('fazhi-report').shadowRoot.querySelectorAll('*')) {
      if (el.closest('.preview, .example') || !el.getClientRects().length) continue;
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!text && !['INPUT', 'TEXTAREA', 'BUTTON', 'SELECT'].includes(el.tagName)) continue;
      const cs = getComputedStyle(el);
      out.push(`${cs.fontSize} ${cs.fontWeight} ${cs.fontFamily.split(',')[0]} <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}">`);
    }
    return out;
  });
  const seen = new Set(await fonts());
  const first = new Set([...seen].map((s) => s.split(' <')[0]));
  assert.ok(first.size <= 5, `the first frame uses ${first.size} sizes and weights: ${[...first].join('; ')}`);
  const steps = page.locator('.step-link');
  for (let i = 1; i < await steps.count(); i++) {
    await steps.nth(i).click();
    for (const s of await fonts()) seen.add(s);
  }
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.locator('.drafts-page').waitFor();
  for (const s of await fonts()) seen.add(s);
  const off = [...seen].filter((s) => !/^(13|14|15|20)px (400|600) "Microsoft YaHei" </.test(s));
  assert.deepEqual(off, [], 'text outside the type scale or the UI font');
  await context.close();
});

// The findings badge as the first frame that lays out the field shows it (see the first test).
const BADGE_AT_FIRST_FRAME = () => {
  window.__badge = new Promise((resolve) => {
    (function frame() {
      const root = document.getElementById('fazhi-report')?.shadowRoot;
      const input = root?.querySelector('#f-organ');
      if (!input) { requestAnimationFrame(frame); return; }
      const watch = new ResizeObserver(() => { watch.disconnect(); resolve(root.querySelector('.topbar .badge')?.textContent ?? null); });
      watch.observe(input);
    })();
  });
};

test('the whole-text checks come just after the first paint, for a short draft and a long one', async () => {
  const { sampleDraft, longDraft } = await import('../../scripts/bench/long-draft.mjs');
  const long = longDraft(await sampleDraft(browser), 50_000);
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').fill('张家港市科学技术局');
  await waitSaved(page);
  await context.addInitScript(BADGE_AT_FIRST_FRAME);

  // Short: the first frame says the checks are running; the count of what is to fill follows.
  await page.goto(SINGLE_FILE_URL, { waitUntil: 'commit' });
  assert.equal(await page.evaluate(() => window.__badge), '检查：正在检查…');
  await page.locator('.topbar .badge').first().filter({ hasText: /^检查：待填写 \d+ 处$/ }).waitFor({ timeout: 3000 });

  // Long (≈ 50 000 characters): the same, and the count that follows is the one it had.
  await page.evaluate(async (json) => { const h = FazhiReport.mount(document.getElementById('fazhi-report')); await h.ready; h.loadDraft(json); }, long);
  await waitSaved(page);
  const settled = await page.locator('.topbar .badge').first().textContent();
  assert.match(settled, /^检查：/);
  assert.doesNotMatch(settled, /正在检查/);
  await page.goto(SINGLE_FILE_URL, { waitUntil: 'commit' });
  assert.equal(await page.evaluate(() => window.__badge), '检查：正在检查…');
  await page.locator('.topbar .badge').first().filter({ hasText: settled }).waitFor({ timeout: 3000 });
  await context.close();
});

test('the loading line shows only when the tool takes more than a second', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  // A returning clerk (a draft is stored: no app shell); when the line is parsed and when it
  // is shown, seen from the document's start.
  await context.addInitScript(NEVER_COMPILES);
  await context.addInitScript(() => {
    localStorage.setItem('fazhi-report/v1/default/current', 'stored');
    window.__loading = {};
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes || []) {
          if (n.classList?.contains('loading')) window.__loading.parsed = { at: performance.now(), hidden: n.hidden };
        }
        if (r.type === 'attributes' && r.target.classList?.contains('loading') && !r.target.hidden) window.__loading.shown = performance.now();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
  });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  const line = page.locator('#fazhi-report .loading');
  await line.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await line.textContent(), '正在加载起草工具…');
  assert.equal(await line.getAttribute('role'), 'status', 'announced when it appears');
  const seen = await page.evaluate(() => window.__loading);
  assert.equal(seen.parsed.hidden, true, 'not painted at once');
  assert.ok(seen.shown - seen.parsed.at >= 950, `shown ${seen.shown - seen.parsed.at} ms after it was parsed`);
  await context.close();
});

test('a new draft\'s app shell says the tool is loading only when it takes more than a second', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(NEVER_COMPILES);
  await context.addInitScript(CAPTURE);
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  const status = page.locator('.save-state');
  await status.filter({ hasText: '正在加载起草工具…' }).waitFor({ timeout: 5000 });
  const shownAt = await page.evaluate(() => performance.now());
  const shell = await page.evaluate(() => window.__fazhiScreens.shell);
  assert.ok(shell, 'no app shell for a new draft');
  assert.match(shell.markup, /尚未保存（输入后自动保存到本机浏览器）/, 'the shell\'s first frame has the usual status');
  const attachedAt = await page.evaluate(() => window.__fazhiScreens.attachedAt);
  assert.ok(shownAt - attachedAt >= 950, `shown ${shownAt - attachedAt} ms after the shell went in`);
  assert.equal(await status.getAttribute('role'), 'status', 'announced when it changes');
  await context.close();
});
