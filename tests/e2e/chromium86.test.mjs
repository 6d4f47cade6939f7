// The compatible build in Chromium 86 (tests/e2e/chromium86.mjs): the single file from
// file:// and examples/intranet.html (dist/fazhi-report.js, both instances). Typed in, saved,
// reloaded, the text back, the output equal to the fixture; no request, no error; the 360 px
// panel laid out by the container-query fallback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, REPORT, TYPED, SINGLE_FILE_URL, HOLD_WASM } from './helpers.mjs';
import { launch86, until, fill, value, hasField, click, textOf, count, boxes } from './chromium86.mjs';

let c86;
before(async () => { c86 = await launch86(); });
after(async () => { await c86?.close(); });

function watch(page) {
  const seen = { requests: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') seen.errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e.message}`));
  return seen;
}

// The step list's links mount just after the first paint (after a reload too): clicked as
// soon as they are there, never before.
const step = (page, title, scope = '') => until(`the step ${title}`, () =>
  click(page, title instanceof RegExp ? title : new RegExp(`^${title}$`), { scope, selector: '.step-title' }).then(() => true, () => false));
const saved = (page, scope = '') => until('已自动保存', async () => /已自动保存/.test((await textOf(page, '.save-state', { scope })) || ''), 5000);

/** Types the whole sample (as helpers.typeSample does with Playwright's locators). */
async function typeSample(page) {
  await fill(page, '发文机关', TYPED.organ);
  await fill(page, '报告年度', TYPED.year);
  // The rest of 文头 comes just after the first paint.
  await until('发文字号', () => hasField(page, '机关代字'));
  await fill(page, '机关代字', TYPED.doc_agency);
  await fill(page, '发文年份', TYPED.doc_year);
  await fill(page, '序号', TYPED.doc_serial);
  await step(page, '开头段');
  await fill(page, '开头段', TYPED.opening);
  await step(page, /^一、/);
  for (let s = 1; s < TYPED.work.length; s++) await click(page, '添加小节');
  for (let s = 0; s < TYPED.work.length; s++) await fill(page, '小节标题', TYPED.work[s].title, { nth: s });
  const items = async (list) => {
    for (let i = 0; i < list.length; i++) {
      if ((await count(page, 'li.item:not(.subsection)')) <= i) await click(page, '添加一条');
      await fill(page, '要点（一句话概括）', list[i].lead, { nth: i });
      await fill(page, '具体内容', list[i].detail, { nth: i });
    }
  };
  for (let s = 0; s < TYPED.work.length; s++) {
    await step(page, new RegExp('^（' + '一二三四五六七八九十'[s] + '）'));
    await items(TYPED.work[s].items);
  }
  for (const [n, key] of [['二', 'problems'], ['三', 'plan']]) {
    await step(page, new RegExp('^' + n + '、'));
    await fill(page, '引言段', TYPED[key].lead);
    await items(TYPED[key].items);
  }
  await step(page, '落款');
  await fill(page, '成文日期', TYPED.date);
  await fill(page, '附注', TYPED.note);
}

const OUTPUT = '报告全文（只读，可全选复制）';
// Chromium before 97 logs that it ignores the CSP keyword it does not know; 'unsafe-eval' next to
// it is what lets the wasm compile there (scripts/single-file.mjs).
const UNKNOWN_KEYWORD = /Content Security Policy directive 'script-src' contains an invalid source: ''wasm-unsafe-eval''/;

test('Chromium 86: the single file from file:// takes the sample, keeps it over a reload, and outputs the fixture', { timeout: 300000 }, async () => {
  const page = await c86.context.newPage();
  const seen = watch(page);
  await page.goto(SINGLE_FILE_URL);
  assert.match(await page.evaluate(() => navigator.userAgent), /Chrome\/86\./);
  await until('the tool', () => hasField(page, '发文机关'));
  // The import box's contents are made when it is first opened (its toggle event).
  assert.equal(await hasField(page, '粘贴报告全文'), false);
  await click(page, /^从去年的报告开始/, { selector: 'summary' });
  await until('the paste area', () => hasField(page, '粘贴报告全文'));

  await typeSample(page);
  await saved(page);
  await step(page, /^生成报告/);
  assert.equal(await value(page, OUTPUT), REPORT);

  await page.reload();
  await until('the tool after reload', () => hasField(page, OUTPUT));
  assert.equal(await value(page, OUTPUT), REPORT);
  await step(page, '文头');
  assert.equal(await value(page, '发文机关'), TYPED.organ);
  assert.equal(await value(page, '序号'), TYPED.doc_serial);

  assert.deepEqual(seen.requests.filter((u) => u !== SINGLE_FILE_URL), []);
  assert.deepEqual(seen.errors.filter((e) => !UNKNOWN_KEYWORD.test(e)), []);
  await page.close();
});

test('Chromium 86: a new draft\'s app shell (in a window wider than every container query), and what is typed in it is kept', async () => {
  const page = await c86.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  // The wasm waits for the test (as in shell.test.mjs), so the typing lands in the shell.
  await page.addInitScript(HOLD_WASM);
  await page.addInitScript(() => { try { localStorage.clear(); } catch (e) { /* none yet */ } });
  await page.goto(SINGLE_FILE_URL);
  await until('the shell', () => hasField(page, '发文机关'));
  assert.equal(await page.evaluate(() => document.getElementById('fazhi-report').hasAttribute('data-fazhi-mounted')), false);
  assert.equal(await page.evaluate(() => document.getElementById('fazhi-report').shadowRoot.fazhiShell), true);
  await fill(page, '发文机关', '旧内核测试局');
  await page.evaluate(() => window.__fazhiRelease());
  await until('the tool', () => page.evaluate(() => document.getElementById('fazhi-report').hasAttribute('data-fazhi-mounted')));
  assert.equal(await value(page, '发文机关'), '旧内核测试局');
  await until('the title', async () => /旧内核测试局/.test((await textOf(page, '.doc-title')) || ''));
  await saved(page);
  // The same layout as the shell's: the step list beside the form.
  const [stepper, main] = await boxes(page, ['.stepper', '.main']);
  assert.ok(stepper.left + stepper.width <= main.left, `columns: ${JSON.stringify({ stepper, main })}`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('Chromium 86: examples/intranet.html (dist/fazhi-report.js), both instances, from file://', { timeout: 180000 }, async () => {
  const url = pathToFileURL(join(ROOT, 'examples', 'intranet.html')).href;
  const page = await c86.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  const seen = watch(page);
  await page.goto(url);
  await until('both instances', async () => (await hasField(page, '发文机关', { scope: '#keji' })) && hasField(page, '发文机关', { scope: '#sifa' }));
  assert.equal(await value(page, '发文机关', { scope: '#keji' }), '某市科学技术局');
  assert.equal(await value(page, '发文机关', { scope: '#sifa' }), '某市司法局');

  // The 360 px panel: container queries are missing in Chromium 86, the fallback applies
  // the narrow layout: one column (the stepper above the form), nothing wider than the panel.
  const [root, stepper, main] = await boxes(page, ['.fr-root', '.stepper', '.main'], { scope: '#sifa' });
  assert.ok(root.width <= 360 && root.scroll <= 0, `panel ${JSON.stringify(root)}`);
  assert.ok(stepper.bottom <= main.top, `stepper above the form: ${JSON.stringify({ stepper, main })}`);
  assert.ok(main.width > root.width - 40, `form uses the panel's width: ${main.width} of ${root.width}`);
  // The wide instance keeps its columns: stepper beside the form.
  const [kStepper, kMain] = await boxes(page, ['.stepper', '.main'], { scope: '#keji' });
  assert.ok(kStepper.top < kMain.bottom && kStepper.left + kStepper.width <= kMain.left, `keji columns: ${JSON.stringify({ kStepper, kMain })}`);
  // Its column (about 1000 px, under the 1100 px query) keeps the preview beside the form too.
  const [kPaper] = await boxes(page, ['.preview .paper'], { scope: '#keji' });
  assert.ok(kPaper.left >= kMain.left + kMain.width && kPaper.top < kMain.bottom, `keji preview beside the form: ${JSON.stringify({ kMain, kPaper })}`);

  await fill(page, '机关代字', '某科发', { scope: '#keji' });
  await click(page, '下一步', { scope: '#sifa' });
  await fill(page, '开头段', '司法局的开头段。', { scope: '#sifa' });
  await saved(page, '#keji');
  await saved(page, '#sifa');
  assert.match(await page.evaluate(() => window.sifa.getText()), /司法局的开头段。/);

  await page.reload();
  await until('both instances after reload', async () => (await hasField(page, '机关代字', { scope: '#keji' })) && page.evaluate(() => window.sifa.ready.then(() => true)));
  assert.equal(await value(page, '机关代字', { scope: '#keji' }), '某科发');
  const sifaText = await page.evaluate(() => window.sifa.getText());
  assert.match(sifaText, /司法局的开头段。/);
  assert.doesNotMatch(sifaText, /某科发/);
  assert.match(await page.evaluate(() => document.getElementById('keji').shadowRoot.querySelector('.fr-root') && FazhiReport.mount(document.body.appendChild(document.createElement('div')), { namespace: 'keji-ju' }).ready.then((h) => h.getText())), /某科发〔2026〕号/);

  const own = new Set([url, url.replace('examples/intranet.html', 'dist/fazhi-report.js')]);
  assert.deepEqual(seen.requests.filter((u) => !own.has(u)), []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('Chromium 86: the drafts page title, focused after a mouse click on 我的草稿, shows no browser focus ring', { timeout: 120000 }, async () => {
  // Chromium before 90 draws its own ring on every :focus (not :focus-visible), so the title
  // the tool focuses for screen readers got an orange frame after each click.
  const page = await c86.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(SINGLE_FILE_URL);
  // On whichever step the stored draft opens (the tests before leave one).
  await until('the tool', () => page.evaluate(() => {
    const root = document.getElementById('fazhi-report').shadowRoot;
    return !!root && [...root.querySelectorAll('button')].some((x) => x.textContent.trim() === '我的草稿');
  }));
  const drafts = await page.evaluate(() => {
    const b = [...document.getElementById('fazhi-report').shadowRoot.querySelectorAll('button')].find((x) => x.textContent.trim() === '我的草稿');
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(drafts.x, drafts.y);
  const ring = await until('focus on the drafts title', () => page.evaluate(() => {
    const root = document.getElementById('fazhi-report').shadowRoot;
    const a = root.activeElement;
    return a && a.id === 'drafts-title' ? getComputedStyle(a).outlineStyle : null;
  }));
  assert.equal(ring, 'none');
  await page.close();
});
