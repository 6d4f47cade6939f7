// Embedding in an intranet page (examples/intranet.html): two instances with separate
// drafts, isolated styles, events to the host, the script API, bad options, copy fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, watch, ROOT, field, painted, openTool, goToStep, SINGLE_FILE_URL } from './helpers.mjs';
import { sampleDraft, loadStored } from './reports.mjs';
import { serve } from './server.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(ROOT); });
after(async () => { await browser?.close(); await server?.close(); });

const FILE_URL = pathToFileURL(join(ROOT, 'examples', 'intranet.html')).href;
const tool = (page, id) => page.locator(`#${id}`);

async function openExample(url, { initScript } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  const seen = watch(page);
  await page.goto(url);
  for (const id of ['keji', 'sifa']) {
    await field(tool(page, id), '发文机关').waitFor();
    await painted(tool(page, id));
  }
  return { context, page, seen };
}

for (const [how, url] of [['http', () => `${server.url}/examples/intranet.html`], ['file', () => FILE_URL]]) {
  test(`two instances keep separate drafts and send events (${how})`, async () => {
    const { context, page, seen } = await openExample(url());
    const keji = tool(page, 'keji'), sifa = tool(page, 'sifa');
    // Configuration from attributes and from mount options.
    assert.equal(await field(keji, '发文机关').inputValue(), '某市科学技术局');
    assert.equal(await field(sifa, '发文机关').inputValue(), '某市司法局');
    assert.equal(await field(sifa, '报告年度').inputValue(), '2025');
    // showDrafts: false (the script-mounted instance) hides the drafts page.
    assert.equal(await keji.getByRole('button', { name: '我的草稿' }).count(), 1);
    assert.equal(await sifa.getByRole('button', { name: '我的草稿' }).count(), 0);

    // The next change event, as the host page hears it (listening before the action).
    const nextChange = async () => {
      await page.evaluate(() => {
        window.__nextChange = new Promise((resolve) => {
          document.addEventListener('fazhi-report:change', (e) => resolve({ id: e.target.id, detail: e.detail, composed: e.composed, bubbles: e.bubbles }), { once: true });
        });
      });
      return () => page.evaluate(() => Promise.race([window.__nextChange, new Promise((_, reject) => {
        setTimeout(() => reject(new Error('no fazhi-report:change event within 10 s')), 10000);
      })]));
    };
    // A 发文字号 needs its serial for 文头 to count as complete. Its change event is awaited
    // (it comes once typing rests, later on a busy machine), so the next one is the 代字's.
    let changed = await nextChange();
    await field(keji, '序号').fill('3');
    assert.match((await changed()).detail.text, /〔2026〕3号/);
    changed = await nextChange();
    await field(keji, '机关代字').fill('某科发');
    const event = await changed();
    assert.equal(event.id, 'keji');
    assert.ok(event.bubbles && event.composed);
    assert.match(event.detail.text, /某科发〔2026〕3号/);
    assert.equal(typeof event.detail.draftId, 'string');
    assert.ok(event.detail.completeness > 0 && event.detail.completeness <= 1);

    await field(sifa, '开头段').waitFor({ state: 'detached' }).catch(() => {});
    await sifa.getByRole('button', { name: '下一步' }).click();
    await field(sifa, '开头段').fill('司法局的开头段。');
    await page.locator('#sifa .save-state', { hasText: '已自动保存' }).waitFor();
    await page.locator('#keji .save-state', { hasText: '已自动保存' }).waitFor();

    // The page's handle gives the text back.
    assert.match(await page.evaluate(() => sifa.getText()), /司法局的开头段。/);

    // Export event on download.
    const exported = page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('fazhi-report:export', (e) => resolve({ id: e.target.id, kind: e.detail.kind, text: e.detail.text }), { once: true });
    }));
    await sifa.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /生成报告/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), sifa.getByRole('button', { name: '下载 .txt 文本' }).click()]);
    assert.ok(download.suggestedFilename().endsWith('.txt'));
    const ex = await exported;
    assert.deepEqual([ex.id, ex.kind], ['sifa', 'txt']);
    assert.match(ex.text, /司法局的开头段。/);

    // Reload: each instance gets its own draft back, and the page hears of no change
    // until one is made (sifa opens on 开头段, whose first frame computes no segments: its
    // first computation once told the page of a change nobody made).
    await page.addInitScript(() => {
      window.__changes = [];
      document.addEventListener('fazhi-report:change', (e) => window.__changes.push(e.target.id));
    });
    await page.reload();
    await field(tool(page, 'keji'), '发文机关').waitFor();
    await painted(tool(page, 'sifa'));
    // An event would come CHANGE_EVENT_MS (500 ms) after the segments change: wait past it.
    await page.waitForTimeout(1500);
    assert.deepEqual(await page.evaluate(() => window.__changes), []);
    assert.equal(await field(tool(page, 'keji'), '机关代字').inputValue(), '某科发');
    assert.match(await page.evaluate(() => sifa.ready.then((h) => h.getText())), /司法局的开头段。/);
    assert.doesNotMatch(await page.evaluate(() => sifa.getText()), /某科发/);

    const own = new Set([url(), url().replace('examples/intranet.html', 'dist/fazhi-report.js')]);
    assert.deepEqual(seen.requests.filter((u) => !own.has(u) && !u.startsWith('blob:')), []);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}

test('the host page CSS does not change the tool, and the tool CSS does not leak out', async () => {
  const { context, page } = await openExample(`${server.url}/examples/intranet.html`);
  const shot = async () => (await tool(page, 'keji').locator('.fr-root').screenshot()).toString('base64');
  // Host elements keep their own styles (our .main/.field rules stay inside the shadow root).
  const hostStyles = await page.evaluate(() => ({
    mainRadius: getComputedStyle(document.querySelector('main.main')).borderTopLeftRadius,
    navButton: getComputedStyle(document.querySelector('.site-head button')).backgroundColor,
    fieldColor: getComputedStyle(document.querySelector('p.field')).color,
    ourStyleInHead: [...document.querySelectorAll('style')].some((s) => s.textContent.includes('--doc-font')),
  }));
  assert.deepEqual(hostStyles, { mainRadius: '0px', navButton: 'rgb(255, 255, 0)', fieldColor: 'rgb(0, 51, 102)', ourStyleInHead: false });

  const withHostile = await shot();
  await page.evaluate(() => document.getElementById('hostile').remove());
  await page.waitForTimeout(100);
  const without = await shot();
  const diff = await page.evaluate(async ([a, b]) => {
    const load = (src) => new Promise((r) => { const i = new Image(); i.onload = () => r(i); i.src = 'data:image/png;base64,' + src; });
    const [ia, ib] = await Promise.all([load(a), load(b)]);
    if (ia.width !== ib.width || ia.height !== ib.height) return { size: [ia.width, ia.height, ib.width, ib.height] };
    const px = (img) => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height; const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, c.width, c.height).data; };
    const da = px(ia), db = px(ib);
    let differing = 0;
    for (let i = 0; i < da.length; i += 4) if (Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]) > 48) differing++;
    return { ratio: differing / (da.length / 4) };
  }, [withHostile, without]);
  assert.ok(diff.ratio !== undefined, `screenshots differ in size: ${JSON.stringify(diff)}`);
  assert.ok(diff.ratio < 0.002, `pixels differing: ${(diff.ratio * 100).toFixed(3)}%`);
  await context.close();
});

test('the 360px side panel instance fits without horizontal scrolling', async () => {
  const { context, page } = await openExample(`${server.url}/examples/intranet.html`);
  const overflow = await tool(page, 'sifa').locator('.fr-root').evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  await context.close();
});

// The columns follow the tool's own width (container queries), not the window's: a 1024 px
// screen and the intranet page's main column (about 950 px) keep the preview beside the form,
// both starting on the first screen, instead of under a form a screen or more long.
test('at 1024×768 and in the intranet main column the preview sits beside the form', async () => {
  const sideBySide = async (scope, where) => {
    const [main, paper] = await Promise.all(['.main', '.preview .paper'].map((s) => scope.locator(s).boundingBox()));
    assert.ok(paper.x >= main.x + main.width, `${where}: preview right of the form: ${JSON.stringify({ main, paper })}`);
    assert.ok(main.y < 400 && paper.y < 400 && paper.width >= 300 && main.width >= 360, `${where}: both on the first screen, usable widths: ${JSON.stringify({ main, paper })}`);
  };
  const { context, page } = await openTool(browser, { viewport: { width: 1024, height: 768 } });
  await sideBySide(page, 'single file at 1024×768');
  await context.close();
  const example = await openExample(`${server.url}/examples/intranet.html`);
  await example.page.setViewportSize({ width: 1366, height: 768 });
  await sideBySide(tool(example.page, 'keji'), 'intranet main column at 1366');
  await example.context.close();
});

/** The sample with its 5 小节 repeated to `n`, stored and opened (on 生成报告). */
async function openLong(page, n) {
  const d = sampleDraft();
  const work = d.parts[0].subsections;
  d.parts[0].subsections = Array.from({ length: n }, (_, i) => ({ ...work[i % work.length], id: d.next_id + i }));
  d.next_id += n + 1;
  await loadStored(page, d);
  await painted(page);
}

// The step list is sticky; at scroll 0 it starts below the top bar, so a height that fits
// the window only once stuck (100vh - 40px) ran 24 px past the window's bottom at 1366×768:
// its last row, 生成报告, was cut off, and going there scrolled the page down to reach it.
test('at 1366×768 a 40-小节 report opens 生成报告 unscrolled: the step list fits the window at any scroll', async () => {
  const { context, page } = await openTool(browser, { viewport: { width: 1366, height: 768 } });
  await openLong(page, 40);
  await goToStep(page, '开头段');
  await goToStep(page, '生成报告');
  const list = page.getByRole('navigation', { name: '报告各部分' });
  const last = list.getByRole('button', { name: /生成报告/ });
  const fits = async (where) => {
    const [nav, row] = await Promise.all([list.boundingBox(), last.boundingBox()]);
    assert.ok(nav.y >= 0 && nav.y + nav.height <= 768, `${where}: step list ${JSON.stringify(nav)} inside the 768 px window`);
    assert.ok(row.y >= nav.y && row.y + row.height <= nav.y + nav.height + 0.5, `${where}: 生成报告 ${JSON.stringify(row)} shown`);
  };
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await fits('scroll 0');
  await page.screenshot({ path: join(ROOT, 'target', 'screenshots', 'long-output-1366.png') });
  for (const y of [30, 2000]) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await fits(`scroll ${y}`);
  }
  await context.close();
});

// At 860-1100 px the step list is 180 px wide: a 小节's title ("（一）加强组织领导，推进依法
// 行政能力建设") took 3-4 lines, making the list long. Two lines show; the rest is cut (…),
// and the row's accessible name is still the whole title.
test('at 1024×768 a 小节 row in the 180 px step list shows two lines of its title, and is named by all of it', async () => {
  const { context, page } = await openTool(browser, { viewport: { width: 1024, height: 768 } });
  await openLong(page, 5);
  const list = page.getByRole('navigation', { name: '报告各部分' });
  assert.equal(Math.round((await list.boundingBox()).width), 180);
  const rows = await list.locator('li.nested .step-title').evaluateAll((els) => els.map((el) => ({
    lines: el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight),
    cut: el.scrollHeight > el.clientHeight + 1,
  })));
  assert.equal(rows.length, 5);
  for (const r of rows) assert.ok(r.lines <= 2.05, `a 小节 title takes ${r.lines.toFixed(2)} lines`);
  assert.ok(rows.some((r) => r.cut), 'the sample\'s titles are longer than two lines here');
  for (const [n, title] of ['（一）加强组织领导，推进依法行政能力建设', '（五）推进政务公开，强化权力监督制约机制'].entries()) {
    assert.equal(await list.getByRole('button', { name: new RegExp(`^${title}`) }).count(), 1, `row ${n} named by its whole title`);
  }
  await page.screenshot({ path: join(ROOT, 'target', 'screenshots', 'stepper-1024.png') });
  await context.close();
});

test('the script API: bad options show a clear error; getDraft/loadDraft/unmount work', async () => {
  const { context, page, seen } = await openExample(`${server.url}/examples/intranet.html`);
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    const bad = await FazhiReport.mount(el, { year: '明年', colour: 'red' }).ready;
    const shown = el.shadowRoot.querySelector('[role=alert]').textContent;
    const good = FazhiReport.mount(document.body.appendChild(document.createElement('div')), { namespace: 'third' });
    await good.ready;
    const draft = sifa.getDraft();
    good.loadDraft(draft);
    const same = good.getText() === sifa.getText();
    good.unmount();
    return { error: bad.error, shown, same, emptied: good.getText() === null };
  });
  assert.match(result.error, /year/);
  assert.match(result.error, /colour/);
  assert.match(result.shown, /配置有误/);
  assert.ok(result.same, 'loadDraft(getDraft()) gives the same text');
  assert.ok(result.emptied, 'unmounted handle returns null');
  assert.ok(seen.errors.some((e) => e.includes('配置有误')), 'the error is also logged to the console');
  await context.close();
});

test('copy works on the plain-http page through the fallback', async () => {
  const { context, page } = await openExample(`${server.url}/examples/intranet.html`, {
    initScript: () => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }),
  });
  const sifa = tool(page, 'sifa');
  await sifa.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /生成报告/ }).click();
  await sifa.getByRole('button', { name: '复制全文' }).click();
  await sifa.getByText('已复制到剪贴板').waitFor();
  const reader = await context.newPage();
  await reader.goto(`${server.url}/examples/intranet.html`);
  assert.equal(await reader.evaluate(() => navigator.clipboard.readText()), await page.evaluate(() => sifa.getText()));
  await context.close();
});

test('a returning clerk\'s draft, opened on its step, tells the page of no change until one is made', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    window.__changes = [];
    document.addEventListener('fazhi-report:change', (e) => window.__changes.push(e.detail.text));
  });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  const stored = { schema: 2, id: 'dback', revision: 1, saved_at: Date.now(), step: 'opening', draft: sampleDraft() };
  await page.evaluate((json) => {
    localStorage.setItem('fazhi-report/v1/default/draft/dback', json);
    localStorage.setItem('fazhi-report/v1/default/current', 'dback');
  }, JSON.stringify(stored));
  await page.reload();
  await field(page, '开头段').waitFor();
  await painted(page);
  // An event comes CHANGE_EVENT_MS (500 ms) after the report's text changes: wait past it.
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.__changes), []);
  // A change made is told, with the text as it is now.
  await field(page, '开头段').fill('今年的开头段。');
  await page.waitForFunction(() => window.__changes.length > 0, null, { timeout: 10_000 });
  assert.match(await page.evaluate(() => window.__changes.at(-1)), /今年的开头段。/);
  await context.close();
});
