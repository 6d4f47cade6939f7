// Keyboard-only use, the copy fallback, and storage that fails: the writer is told in
// Chinese and nothing typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { sampleDraft } from './reports.mjs';
import { launch, launchPersistent, openTool, SINGLE_FILE_URL, heading, field, focusLandsOn, focusedId, nextFrame, waitSaved, saveState, goToStep, outputText } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the header and opening can be filled and navigated with the keyboard alone', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').focus();
  await page.keyboard.type('某市司法局');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2025');
  // Tab on through the remaining header fields to the 下一步 button and press it.
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el ? el.textContent.trim() : '';
    });
    if (name.startsWith('下一步')) break;
  }
  await page.keyboard.press('Enter');
  assert.equal(await heading(page).textContent(), '开头段');
  // Focus moved to the new step's heading; Tab passes the guide's example, then the field.
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.id || el.tagName : '';
  });
  await focusLandsOn(page, 'step-opening');
  // The heading's keyboard focus ring is drawn, and clear of the step's position line above
  // it ("第 2 步，共 7 步"): it used to run through that line's characters.
  const ring = await page.evaluate(() => {
    const root = document.getElementById('fazhi-report').shadowRoot;
    const h2 = root.getElementById('step-opening');
    const pos = root.querySelector('.step-pos');
    const css = getComputedStyle(h2);
    return { style: css.outlineStyle, top: h2.getBoundingClientRect().top - parseFloat(css.outlineOffset) - parseFloat(css.outlineWidth), above: pos.getBoundingClientRect().bottom };
  });
  assert.equal(ring.style, 'solid');
  assert.ok(ring.top >= ring.above, `the focus ring (top ${ring.top}) overlaps the step position line (bottom ${ring.above})`);
  for (let i = 0; i < 3 && (await focused()) !== 'f-opening'; i++) await page.keyboard.press('Tab');
  await page.keyboard.type('2025年，我局……现将有关情况报告如下：');
  assert.equal(await field(page, '开头段').inputValue(), '2025年，我局……现将有关情况报告如下：');
  assert.ok((await outputText(page)).startsWith('某市司法局\n\n某市司法局2025年度法治政府建设情况报告\n\n2025年，我局'));
  await context.close();
});

test('a click into another field (the tool\'s or the page\'s) before the tool\'s late focus move keeps the cursor and the typing there', async () => {
  const { context, page } = await openTool(browser);
  // Animation frame callbacks wait while __held is an array, as on a machine too busy to
  // run the frame in which the tool moves focus (Editor::focus_later).
  await page.evaluate(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__held = null;
    window.requestAnimationFrame = (cb) => (window.__held ? (window.__held.push(cb), 0) : raf(cb));
  });
  // Runs the held callbacks; there must be some, or the test no longer holds the tool's move.
  const release = async () => {
    const held = await page.evaluate(() => { const held = window.__held; window.__held = null; held.forEach((cb) => cb(performance.now())); return held.length; });
    assert.ok(held > 0, 'the tool asked for no animation frame to move focus in');
  };
  await goToStep(page, /^（一）/);
  const title = field(page, '小节标题');
  const titleId = await title.getAttribute('id');
  // Undisturbed, 添加一条 puts the cursor in the new item's 要点 once the frame comes.
  await page.evaluate(() => { window.__held = []; });
  await page.getByRole('button', { name: '添加一条' }).click();
  await release();
  await focusLandsOn(page, /^f-item-\d+-lead$/);
  // Two rows asked for before one frame (a double click on a busy machine): the cursor goes
  // to the later one, as it would with a frame between them.
  await page.evaluate(() => { window.__held = []; });
  await page.getByRole('button', { name: '添加一条' }).click();
  await page.getByRole('button', { name: '添加一条' }).click();
  await release();
  const leads = await page.locator('textarea[id$="-lead"], input[id$="-lead"]').evaluateAll((els) => els.map((e) => e.id).filter((id) => id.startsWith('f-item-')));
  await focusLandsOn(page, leads[leads.length - 1]);
  // The writer clicks into the 小节 title and types before that frame: it is theirs.
  await page.evaluate(() => { window.__held = []; });
  await page.getByRole('button', { name: '添加一条' }).click();
  await title.click();
  await page.keyboard.type('加强组织领导');
  await release();
  await nextFrame(page);
  await nextFrame(page);
  assert.equal(await focusedId(page), titleId);
  await page.keyboard.type('，推进依法行政');
  assert.equal(await title.inputValue(), '加强组织领导，推进依法行政');
  // The same for a field of the host page around the tool.
  await page.evaluate(() => { const input = document.createElement('input'); input.id = 'host-field'; document.body.prepend(input); });
  await page.evaluate(() => { window.__held = []; });
  await page.getByRole('button', { name: '添加一条' }).click();
  await page.locator('#host-field').click();
  await page.keyboard.type('host');
  await release();
  await nextFrame(page);
  await nextFrame(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'host-field');
  assert.equal(await page.locator('#host-field').inputValue(), 'host');
  await context.close();
});

test('copy falls back to execCommand where the Clipboard API is missing (plain-http pages)', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); });
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').fill('无剪贴板测试局');
  const expected = await outputText(page);
  assert.ok(expected.startsWith('无剪贴板测试局\n'));
  await page.getByRole('button', { name: '复制全文' }).click();
  await page.getByText('已复制到剪贴板').waitFor();
  const reader = await context.newPage();
  await reader.goto(SINGLE_FILE_URL);
  assert.equal(await reader.evaluate(() => navigator.clipboard.readText()), expected);
  await context.close();
});

test('a full storage quota is reported in Chinese, typing goes on, and saving resumes once there is room', async () => {
  const { context, page } = await openTool(browser);
  const filled = await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    let n = 0;
    try { for (;;) { localStorage.setItem('filler-' + n, chunk); n++; } } catch (e) { return { n, name: e.name }; }
  });
  assert.equal(filled.name, 'QuotaExceededError');
  // Top up the remainder in small pieces so not even a short draft fits.
  await page.evaluate(() => { let i = 0; try { for (;;) localStorage.setItem('pad-' + i++, 'y'.repeat(1024)); } catch (e) {} });
  await field(page, '发文机关').fill('存储已满测试局');
  await page.locator('.save-state', { hasText: '存储空间已满' }).waitFor();
  // The top bar says it in a few words; the notice under it says it whole, once, beside
  // the button that saves the text to a file.
  assert.equal(await saveState(page).textContent(), '保存失败：存储空间已满');
  const notice = page.getByRole('alert').filter({ hasText: '存储空间已满' });
  assert.match(await notice.textContent(), /仍在页面中/);
  await notice.getByRole('button', { name: '下载草稿备份' }).waitFor();
  await field(page, '报告年度').fill('2024');
  assert.equal(await field(page, '发文机关').inputValue(), '存储已满测试局');
  // Free space: the next change is saved, and a reload brings everything back.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-') || k.startsWith('pad-')) localStorage.removeItem(k); });
  await field(page, '报告年度').fill('2025');
  await waitSaved(page);
  await page.reload();
  await field(page, '发文机关').waitFor();
  assert.equal(await field(page, '发文机关').inputValue(), '存储已满测试局');
  assert.equal(await field(page, '报告年度').inputValue(), '2025');
  await context.close();
});

test('disabled storage is reported and the tool still works', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').fill('无存储测试局');
  await page.locator('.save-state', { hasText: '禁用了本地存储' }).waitFor();
  assert.ok((await outputText(page)).startsWith('无存储测试局'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a corrupt stored entry does not stop the tool and is kept aside', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('fazhi-report/v1/default/current', 'dbroken');
    localStorage.setItem('fazhi-report/v1/default/draft/dbroken', '{"schema":1,"draft":{"opening":42');
  });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await page.getByRole('alert').filter({ hasText: '无法读取' }).waitFor();
  await field(page, '发文机关').fill('新草稿');
  await waitSaved(page);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('/unreadable/')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, ['{"schema":1,"draft":{"opening":42']);
  await context.close();
});

test('a stored draft that spells out default values (another program\'s, or hand-edited) opens as it is', async () => {
  // The tool leaves defaults out when it writes; a draft written by another program for
  // loadDraft(), or edited by hand, may spell them out. It was refused as unreadable
  // ("draft.item_style" unknown) and a blank draft opened in its place.
  const draft = {
    ...sampleDraft(),
    item_style: 'ordinal',
    holding: [],
    last_year: '',
    output: { masthead: 'plain', text_layout: false, bold_leads: false, imprint: false, mark: '' },
  };
  const stored = JSON.stringify({ schema: 2, id: 'dspelled', revision: 1, saved_at: Date.now(), step: 'opening', draft });
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript((stored) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('fazhi-report/v1/default/current', 'dspelled');
    localStorage.setItem('fazhi-report/v1/default/draft/dspelled', stored);
  }, stored);
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await field(page, '开头段').waitFor();
  assert.equal(await field(page, '开头段').inputValue(), draft.opening);
  assert.equal(await page.getByRole('alert').filter({ hasText: '无法读取' }).count(), 0);
  // The page's API gives the draft's text.
  const text = await page.evaluate(async () => { const h = FazhiReport.mount(document.getElementById('fazhi-report')); await h.ready; return h.getText(); });
  assert.ok(text.includes(draft.opening), 'the opening is in the text');
  await context.close();
});

test('typing followed at once by closing the tab loses nothing (saved on pagehide)', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').focus();
  await page.keyboard.type('关闭前最后输入的文字', { delay: 5 });
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(SINGLE_FILE_URL);
  await field(again, '发文机关').waitFor();
  assert.equal(await field(again, '发文机关').inputValue(), '关闭前最后输入的文字');
  await context.close();
});

test('a full quota offers the backup download right in the warning', async () => {
  const { context, page } = await openTool(browser);
  await page.evaluate(() => { let i = 0; try { for (;;) localStorage.setItem('fill-' + i++, 'x'.repeat(512 * 1024)); } catch (e) {} i = 0; try { for (;;) localStorage.setItem('pad-' + i++, 'y'.repeat(512)); } catch (e) {} });
  await field(page, '发文机关').fill('满额备份测试局');
  const warning = page.getByRole('alert').filter({ hasText: '存储空间已满' });
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: '下载草稿备份' }).click()]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(backup.draft.header.organ, '满额备份测试局');
  await context.close();
});

test('closing the whole browser mid-typing loses at most the last second', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'fazhi-profile-'));
  // 60 characters at 40 ms: 2.4 s of typing without a pause, then the browser is gone.
  const typed = '浏览器关闭前连续输入的一段文字，'.repeat(4).slice(0, 60);
  let context = await launchPersistent(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(SINGLE_FILE_URL);
    await field(page, '开头段').waitFor({ state: 'detached' }).catch(() => {});
    await goToStep(page, '开头段');
    await field(page, '开头段').focus();
    await page.keyboard.type(typed, { delay: 40 });
  } finally {
    await context.close();
  }
  context = await launchPersistent(profile);
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto(SINGLE_FILE_URL);
    await page.locator('.step-form h2').waitFor();
    await goToStep(page, '开头段');
    const kept = await field(page, '开头段').inputValue();
    // One second of typing is 25 characters here: at most that may be missing.
    assert.ok(typed.startsWith(kept), `kept "${kept}"`);
    assert.ok(typed.length - kept.length <= 25, `lost ${typed.length - kept.length} characters`);
  } finally {
    await context.close();
  }
});

test('keyboard: moving an item to the top or the bottom keeps the focus on its row (the other arrow)', async () => {
  // 上移 on the second item made it the first, whose 上移 is disabled: focus went to the page
  // (document.body), and a keyboard user had to Tab again from the top.
  const { context, page } = await openTool(browser);
  await goToStep(page, /^（一）/);
  await field(page, '要点（一句话概括）').fill('甲');
  await page.getByRole('button', { name: '添加一条' }).click();
  await focusLandsOn(page, /^f-item-\d+-lead$/);
  await page.keyboard.type('乙');
  const id = (await focusedId(page)).match(/^f-item-(\d+)-lead$/)[1];
  await page.locator(`#btn-up-${id}`).focus();
  await page.keyboard.press('Enter');
  assert.equal(await focusLandsOn(page, `btn-down-${id}`), `btn-down-${id}`);
  const leads = () => page.locator('li.item:not(.subsection)').evaluateAll((rows) => rows.map((r) => r.querySelector('input').value));
  assert.deepEqual(await leads(), ['乙', '甲']);
  // The next Enter moves it back down, and the focus stays on the row again.
  await page.keyboard.press('Enter');
  await focusLandsOn(page, `btn-up-${id}`);
  assert.deepEqual(await leads(), ['甲', '乙']);
  await context.close();
});

test('a long unbroken Latin run (a web address, a code) in a title or the organ wraps: no page wider than the window', async () => {
  // The step heading took a 200-letter address on one line, over the preview, and the page
  // scrolled sideways; a finding quoting it and the drafts table's organ cell did the same.
  const { context, page } = await openTool(browser, { viewport: { width: 1366, height: 768 } });
  const run = 'abcdefghij'.repeat(20);
  await field(page, '发文机关').fill(`某局${run}`);
  await goToStep(page, /^一、/);
  await field(page.locator('li.subsection').first(), '小节标题').fill(`http://www.example.gov.cn/${run}。`);
  await waitSaved(page);
  const wide = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await goToStep(page, /^（一）/);
  assert.equal(await wide(), 0, 'the subsection step');
  await goToStep(page, /生成报告/);
  await page.locator('.finding', { hasText: '末尾有标点' }).first().waitFor();
  assert.equal(await wide(), 0, 'the output step and its findings');
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.getByRole('heading', { name: '我的草稿' }).waitFor();
  assert.equal(await wide(), 0, 'the drafts page');
  await context.close();
});
