// Issue 12 "No path loses a draft": each finding reproduced as it was reported, and passing.
// 1 loadDraft refuses what it cannot place · 3 ids near u32::MAX · 5 backups whose parts do
// not fit · 7 embedding misuse (twice, unmount before ready, CSP, hostile options) · 8 raw
// errors · 9 placeholders typed by the clerk · 10 one huge field. Plus the message collector
// itself (helpers.mjs) is shown to catch a raw error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch, openTool, ROOT, SINGLE_FILE_URL, field, waitSaved, goToStep, outputText, saveState,
  SHOWN, RAW_ERROR, rawErrorsShown, eventually, focusLandsOn,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const CHINESE = /[\u4e00-\u9fff]/;
const KEY = (id) => `fazhi-report/v1/default/draft/${id}`;

/** The stored entry of the draft being edited, parsed. */
const stored = (page) => page.evaluate(() => {
  const ns = 'fazhi-report/v1/default/';
  const id = localStorage.getItem(ns + 'current');
  return id && JSON.parse(localStorage.getItem(ns + 'draft/' + id));
});


async function draftsPage(page) {
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.locator('#drafts-title').waitFor();
}

test('1, 8: loadDraft refuses in Chinese what it cannot fully place, and the draft stays', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('原来的局');
  await field(page, '报告年度').fill('2024');
  await goToStep(page, '开头段');
  await field(page, '开头段').fill('原来的开头段。');
  await waitSaved(page);
  const results = await page.evaluate(async () => {
    // A second mount of the declared element gives the live instance's handle.
    const h = FazhiReport.mount(document.getElementById('fazhi-report'));
    await h.ready;
    const own = h.getDraft();
    const cases = {
      newer: { schema: 3, id: 'x', draft: { header: { organ: '新版' } } },
      empty: {},
      list: [],
      wrongType: { schema: 2, id: 'x', draft: { opening: ['不是文字'] } },
      yearNumber: { schema: 2, id: 'x', draft: { header: { organ: '某局', year: 2024 } } },
      bundle: { format: 'fazhi-report-backup', schema: 2, drafts: [own] },
      bare: own.draft,
      undef: undefined,
      nul: null,
      number: 42,
      throwing: { get schema() { throw new Error('boom'); } },
    };
    const out = {};
    for (const [name, value] of Object.entries(cases)) {
      try { h.loadDraft(value); out[name] = 'accepted'; } catch (e) { out[name] = String(e && e.message); }
    }
    return out;
  });
  for (const [name, message] of Object.entries(results)) {
    assert.notEqual(message, 'accepted', `${name} must be refused`);
    assert.match(message, CHINESE, `${name}: ${message}`);
    assert.doesNotMatch(message, RAW_ERROR, `${name}: ${message}`);
  }
  assert.match(results.newer, /更新版本/);
  assert.match(results.yearNumber, /draft\.header\.year/);
  assert.match(results.bundle, /全部草稿/);
  assert.match(results.undef, /undefined/);
  // Nothing was saved over the draft: well past the autosave delay, storage still has it.
  await page.waitForTimeout(1500);
  const s = await stored(page);
  assert.equal(s.draft.header.organ, '原来的局');
  assert.equal(s.draft.header.year, '2024');
  assert.equal(s.draft.opening, '原来的开头段。');
  assert.equal(await field(page, '开头段').inputValue(), '原来的开头段。');

  // A byte-order mark, as file import allows, is accepted here too.
  await page.evaluate(() => {
    const h = FazhiReport.mount(document.getElementById('fazhi-report'));
    const d = h.getDraft();
    d.draft.opening = '带 BOM 的草稿。';
    h.loadDraft('\ufeff' + JSON.stringify(d));
  });
  await page.waitForFunction(() => true);
  assert.equal(await field(page, '开头段').inputValue(), '带 BOM 的草稿。');
  await context.close();
});

test('3: ids near u32::MAX never collide when rows are added', async () => {
  const { context, page } = await openTool(browser);
  await page.evaluate(async () => {
    // A second mount of the declared element gives the live instance's handle.
    const h = FazhiReport.mount(document.getElementById('fazhi-report'));
    await h.ready;
    h.loadDraft({
      schema: 2, id: 'big', revision: 1, saved_at: 1, step: 'part-1',
      draft: {
        template: 'department-short', header: { organ: '编号局', year: '2024' },
        parts: [
          { key: 'work', subsections: [{ id: 7, title: '小节', items: [{ id: 8, lead: '', detail: '' }] }] },
          { key: 'problems', lead: '', items: [{ id: 1, lead: '第一条原文', detail: '' }, { id: 4294967295, lead: '第二条原文', detail: '' }] },
          { key: 'plan', items: [] },
        ],
        next_id: 4294967295,
      },
    });
  });
  await goToStep(page, /^二、/);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: '添加一条', exact: true }).last().click();
    // The new item takes the cursor a frame later: filling before then can lose the text.
    await focusLandsOn(page, /^f-item-\d+-lead$/);
  }
  const leads = page.locator('li.item:not(.subsection)').getByLabel('要点（一句话概括）', { exact: true });
  assert.equal(await leads.count(), 5);
  await leads.nth(2).fill('新加的第三条');
  await leads.nth(4).fill('新加的第五条');
  await waitSaved(page);
  const values = [];
  for (let i = 0; i < 5; i++) values.push(await leads.nth(i).inputValue());
  assert.deepEqual(values, ['第一条原文', '第二条原文', '新加的第三条', '', '新加的第五条']);
  const items = (await stored(page)).draft.parts[1].items;
  assert.equal(new Set(items.map((i) => i.id)).size, 5, 'ids unique');
  assert.ok(items.every((i) => i.id <= (0x7fffffff + 1)), 'ids renumbered with room to grow');
  await context.close();
});

test('5: a backup whose parts do not fit its template is placed fully or refused', async () => {
  const { context, page } = await openTool(browser);
  await draftsPage(page);
  const file = (name, draft) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ schema: 2, id: 'misfit-' + name.length, revision: 1, saved_at: 1, step: 'header', draft })) });
  const input = page.locator('input[type=file]');
  await input.setInputFiles(file('unknown.json', { template: 'county-long', header: { organ: '未知结构局' } }));
  await page.locator('.drafts-error', { hasText: 'county-long' }).waitFor();
  const texts = ['放错位置的计划', '小节之外的条目', '问题部分的小节标题', '多出来的部分', '顺序颠倒的问题引言'];
  await input.setInputFiles(file('misfit.json', {
    template: 'department-short', header: { organ: '错位局', year: '2024' },
    parts: [
      { key: 'plan', lead: '', items: [{ id: 1, lead: texts[0], detail: '' }] },
      { key: 'work', items: [{ id: 2, lead: texts[1], detail: '' }] },
      { key: 'problems', lead: texts[4], subsections: [{ id: 3, title: texts[2], items: [{ id: 4, detail: '问题细节' }] }] },
      { key: 'extra', heading: texts[3], items: [{ id: 5, detail: '多出来的条目' }] },
    ],
  }));
  await page.locator('.drafts-message', { hasText: '暂存' }).waitFor();
  await page.getByRole('button', { name: /^打开：错位局/ }).click();
  const report = await outputText(page);
  const holding = await page.getByLabel(/导入时未能归类的内容/).inputValue();
  for (const t of [...texts, '问题细节', '多出来的条目']) {
    assert.ok(report.includes(t) || holding.includes(t), `${t} is in the report or the holding section`);
  }
  assert.ok(report.includes(texts[0]) && report.includes(texts[1]) && report.includes(texts[4]), 'fitting text is in the report itself');
  await context.close();
});

/** A page at http://fazhi.test/ with `body`, served from memory with an optional CSP header. */
async function hostPage({ csp, body, init }) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const js = readFileSync(join(ROOT, 'dist', 'fazhi-report.js'));
  await page.route('http://fazhi.test/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('.js')) return route.fulfill({ body: js, contentType: 'text/javascript; charset=utf-8' });
    return route.fulfill({ body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>${body}</body></html>`, contentType: 'text/html; charset=utf-8', headers: csp ? { 'content-security-policy': csp } : {} });
  });
  await page.goto('http://fazhi.test/page.html');
  return { context, page };
}

const SCRIPTED = `<div id="declared" data-fazhi-report data-namespace="a"></div><div id="scripted"></div>
<script src="fazhi-report.js"></script>
<script src="mount.js"></script>`;

test('7: mounting twice gives one handle; unmount wins, also before ready', async () => {
  const { context, page } = await hostPage({ body: `<div id="one"></div><div id="two"></div><script src="fazhi-report.js"></script>` });
  const r = await page.evaluate(async () => {
    const one = document.getElementById('one'), two = document.getElementById('two');
    const a = FazhiReport.mount(one, { namespace: 'one' });
    const b = FazhiReport.mount(one, { namespace: 'one' });
    // Unmounted before the wasm is ready: it must not mount later.
    const early = FazhiReport.mount(two, { namespace: 'two' });
    early.unmount();
    await a.ready;
    await early.ready;
    const c = FazhiReport.mount(one);
    const apps = one.shadowRoot.querySelectorAll('.fr-app').length;
    const twoMounted = !!(two.shadowRoot && two.shadowRoot.querySelector('.fr-app'));
    a.unmount();
    const afterUnmount = one.shadowRoot.querySelectorAll('.fr-app').length;
    // After unmount, a new mount is a new, working instance.
    const d = FazhiReport.mount(one, { namespace: 'one' });
    await d.ready;
    return { same: a === b && b === c, apps, twoMounted, early: early.error, afterUnmount, fresh: d !== a && typeof d.getText() === 'string' };
  });
  assert.ok(r.same, 'the same handle for the same element');
  assert.equal(r.apps, 1);
  assert.equal(r.twoMounted, false, 'unmount before ready wins');
  assert.match(r.early, /已卸载/);
  assert.equal(r.afterUnmount, 0);
  assert.ok(r.fresh);
  await context.close();
});

test('7: a CSP without wasm-unsafe-eval is named; no element stays blank; ready rejects in Chinese', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const js = readFileSync(join(ROOT, 'dist', 'fazhi-report.js'));
  await page.route('http://fazhi.test/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('fazhi-report.js')) return route.fulfill({ body: js, contentType: 'text/javascript' });
    if (url.endsWith('mount.js')) return route.fulfill({ body: `window.scripted = FazhiReport.mount(document.getElementById('scripted'), {}); window.outcome = window.scripted.ready.then(() => 'resolved', (e) => 'rejected: ' + e.message);`, contentType: 'text/javascript' });
    return route.fulfill({ body: `<!doctype html><html><head><meta charset="utf-8"></head><body>${SCRIPTED}</body></html>`, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'" } });
  });
  await page.goto('http://fazhi.test/page.html');
  const outcome = await page.evaluate(() => window.outcome);
  assert.match(outcome, /^rejected: .*内容安全策略（CSP）.*wasm-unsafe-eval/);
  for (const id of ['declared', 'scripted']) {
    const text = await page.locator('#' + id).textContent();
    assert.match(text, /内容安全策略（CSP）/, `#${id} explains itself`);
    assert.doesNotMatch(text, /版本过旧/, 'not blamed on an old browser');
  }
  await context.close();
});

test('7: a CSP without inline styles still gives a styled tool (constructed stylesheet), or says why not', async () => {
  const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";
  const body = `<div id="t" data-fazhi-report data-namespace="csp"></div><script src="fazhi-report.js"></script>`;
  const styledProbe = () => page.evaluate(() => {
    const root = document.getElementById('t').shadowRoot;
    const app = root && root.querySelector('.fr-root');
    return { probe: app && getComputedStyle(app).getPropertyValue('--fr-styled').trim(), alert: root && [...root.querySelectorAll('.config-error')].map((e) => e.textContent).join('') };
  });
  let { context, page } = await hostPage({ csp, body });
  await page.locator('#t').getByLabel('发文机关', { exact: true }).waitFor();
  let r = await styledProbe();
  assert.equal(r.probe, '1', 'our CSS applies');
  assert.equal(r.alert, '', 'no warning when styled');
  await context.close();
  // Without adoptedStyleSheets the <style> fallback is blocked: then the tool says so.
  ({ context, page } = await hostPage({ csp, body, init: () => { delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets; } }));
  await page.locator('#t').getByLabel('发文机关', { exact: true }).waitFor();
  r = await styledProbe();
  assert.notEqual(r.probe, '1');
  assert.match(r.alert, /内容安全策略（CSP）不允许起草工具使用样式/);
  await context.close();
});

test('7: options whose getters throw, or a Proxy, give a Chinese message, not a blank box', async () => {
  const { context, page } = await hostPage({ body: `<div id="g"></div><div id="p"></div><script src="fazhi-report.js"></script>` });
  const r = await page.evaluate(async () => {
    const g = FazhiReport.mount(document.getElementById('g'), { namespace: 'g', get organ() { throw new Error('boom'); } });
    const p = FazhiReport.mount(document.getElementById('p'), new Proxy({}, { ownKeys() { throw new TypeError('trap'); } }));
    const settle = (h) => h.ready.then(() => h.error, (e) => 'rejected ' + e.message);
    return { g: await settle(g), p: await settle(p),
      gShown: document.getElementById('g').shadowRoot.textContent, pShown: document.getElementById('p').shadowRoot.textContent };
  });
  assert.match(r.g, /选项 organ 无法读取/);
  assert.match(r.p, /选项对象无法读取/);
  for (const t of [r.g, r.p, r.gShown, r.pShown]) {
    assert.match(t, CHINESE);
    assert.doesNotMatch(t, /boom|trap|RuntimeError|JsValue/);
  }
  await context.close();
});

test('8: storage throwing a plain Error, and getItem returning a non-string, are told in Chinese', async () => {
  const { context, page } = await openTool(browser);
  await page.evaluate(() => {
    window.__realSet = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new Error('boom at fake.js:1'); };
  });
  await field(page, '发文机关').fill('存储出错局');
  await page.locator('.save-state.error').waitFor();
  const state = await saveState(page).textContent();
  assert.match(state, /本地存储出错/);
  assert.doesNotMatch(state, RAW_ERROR);
  assert.doesNotMatch(state, /boom/);
  // The page still offers the draft as a file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载草稿备份' }).first().click()]);
  assert.match(readFileSync(await download.path(), 'utf8'), /存储出错局/);
  await page.evaluate(() => { Storage.prototype.setItem = window.__realSet; });
  await field(page, '发文机关').fill('存储恢复局');
  await waitSaved(page);

  // getItem returning a number (another script patched Storage): no wasm trap on reload.
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => { Storage.prototype.getItem = function () { return 42; }; });
  await page.reload();
  await field(page, '发文机关').waitFor();
  assert.deepEqual(errors, []);
  const shown = await saveState(page).textContent();
  assert.match(shown, CHINESE);
  assert.doesNotMatch(shown, RAW_ERROR);
  await field(page, '发文机关').fill('照常输入');
  assert.equal(await field(page, '发文机关').inputValue(), '照常输入');
  await context.close();
});

test('9: placeholders typed by the clerk stay literal in the title and the file names', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('{organ}{year}{next_year}局');
  await field(page, '报告年度').fill('2022');
  const title = '{organ}{year}{next_year}局2022年度法治政府建设情况报告';
  await page.locator('.doc-title', { hasText: title }).waitFor();
  assert.equal(await page.locator('.doc-title').textContent(), title);
  assert.ok((await outputText(page)).includes(title));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .txt 文本' }).click()]);
  assert.ok(download.suggestedFilename().startsWith('{organ}{year}{next_year}局2022'), download.suggestedFilename());
  await context.close();
});

test('10: one huge field does not freeze the page (50 000 letters typed, 200 000 pasted)', async () => {
  const { context, page } = await openTool(browser);
  await goToStep(page, '开头段');
  const opening = field(page, '开头段');
  const big = 'a'.repeat(50_000);
  let t = Date.now();
  await opening.fill(big);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const fillMs = Date.now() - t;
  await page.getByText('为免卡顿已不自动换行').waitFor();
  // Keystrokes at the end of the long line: each measured to the next painted frame.
  await opening.focus();
  await page.keyboard.press('End');
  const keys = [];
  for (let i = 0; i < 5; i++) {
    t = Date.now();
    await page.keyboard.type('b');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    keys.push(Date.now() - t);
  }
  keys.sort((a, b) => a - b);
  const median = keys[2];
  // A paste of 200 000 letters (one input event, like Ctrl+V).
  t = Date.now();
  await opening.fill('c'.repeat(200_000));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const pasteMs = Date.now() - t;
  // The report's text box on the output step holds the same run.
  t = Date.now();
  const report = await outputText(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const outputMs = Date.now() - t;
  console.log(`huge field: fill 50 000 ${fillMs} ms, keystroke median ${median} ms (${keys.join(', ')}), paste 200 000 ${pasteMs} ms, output step ${outputMs} ms`);
  assert.ok(median < 400, `keystroke median ${median} ms`);
  assert.ok(pasteMs < 3000, `paste ${pasteMs} ms`);
  assert.ok(outputMs < 3000, `output step ${outputMs} ms`);
  assert.ok(report.includes('c'.repeat(200_000)));
  await waitSaved(page);
  assert.equal((await stored(page)).draft.opening.length, 200_000, 'every character kept');
  await context.close();
});

test('the message collector catches a raw error shown in the page', async () => {
  const { context, page } = await openTool(browser);
  const before = SHOWN.length;
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = '保存失败：JsValue(Error: boom)';
    document.body.appendChild(p);
  });
  // The collector reports a moment later (a timer, then a binding call to this process).
  assert.ok((await eventually(rawErrorsShown, (raw) => raw.includes('保存失败：JsValue(Error: boom)'))).includes('保存失败：JsValue(Error: boom)'));
  assert.ok(SHOWN.length > before);
  // Remove the planted text so the file's own check stays about the tool.
  SHOWN.splice(SHOWN.indexOf('保存失败：JsValue(Error: boom)'), 1);
  assert.ok(SHOWN.some((t) => /已自动保存|尚未保存/.test(t)), 'the tool\'s own status line was collected');
  await context.close();
});
