// The app shell (scripts/app-shell/): a new draft's first screen is painted from markup before
// the wasm runs, it is the tool's own first screen to the character, and whatever the clerk does
// in it before the tool is live (typing, a choice, the caret, a click, an IME composition) is
// carried over, not lost. Where a draft is stored the shell stays out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SINGLE_FILE_URL, field, painted, waitSaved, heading, focusedId, HOLD_WASM } from './helpers.mjs';
import { CAPTURE } from '../../scripts/app-shell/capture.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const mounted = (page) => page.waitForFunction(() => document.getElementById('fazhi-report').hasAttribute('data-fazhi-mounted'));
const isMounted = (page) => page.evaluate(() => document.getElementById('fazhi-report').hasAttribute('data-fazhi-mounted'));

async function open({ hold = false } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  await context.addInitScript(CAPTURE);
  if (hold) await context.addInitScript(HOLD_WASM);
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  return { context, page };
}

test('the shell is painted before the wasm runs, and is the tool\'s first screen exactly (markup and CSS)', async () => {
  const { context, page } = await open();
  await page.waitForFunction(() => window.__fazhiScreens.live);
  const { shell, live } = await page.evaluate(() => window.__fazhiScreens);
  const main = await page.evaluate(() => performance.getEntriesByName('fazhi:main')[0].startTime);
  await context.close();
  assert.ok(shell, 'no app shell was painted for a new draft');
  assert.ok(shell.at < main, `the shell was read at ${shell.at} ms, after the wasm started at ${main} ms`);
  assert.equal(shell.markup, live.markup,
    'the app shell differs from the tool\'s first frame: run `node scripts/app-shell/snapshot.mjs`, then build again');
  // embed.rs appends a probe rule to the CSS it installs; the rest is the same text.
  assert.ok(live.css.startsWith(shell.css) && live.css.length - shell.css.length < 40,
    'the shell\'s CSS is not the tool\'s (scripts/single-file.mjs builds it from src/style_min.rs SOURCES)');
});

test('typing, a choice, the caret and focus in the shell are carried into the live tool and saved', async () => {
  const { context, page } = await open({ hold: true });
  const organ = field(page, '发文机关');
  await organ.waitFor();
  assert.equal(await isMounted(page), false, 'the tool mounted although the wasm is held');
  await organ.click();
  await page.keyboard.type('某某县司法局');
  await page.getByText('规定五项（五段式）').click();
  await field(page, '报告年度').click();
  await page.keyboard.type('2025');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await isMounted(page), false);
  await page.evaluate(() => window.__fazhiRelease());
  await mounted(page);
  await painted(page);
  assert.equal(await organ.inputValue(), '某某县司法局');
  assert.equal(await field(page, '报告年度').inputValue(), '2025');
  assert.equal(await page.getByLabel('规定五项（五段式）').isChecked(), true);
  // The model has them: the title is derived from organ and year, and the five-item
  // structure's parts are in the step list.
  await page.locator('.doc-title', { hasText: '某某县司法局2025年度法治政府建设情况报告' }).waitFor();
  await page.locator('.stepper', { hasText: '第一责任人' }).waitFor();
  assert.equal(await focusedId(page), 'f-year');
  assert.deepEqual(await field(page, '报告年度').evaluate((el) => [el.selectionStart, el.selectionEnd]), [2, 2]);
  // Saved as it is, with nothing more typed: closing the page now loses nothing.
  await waitSaved(page);
  assert.match(await page.evaluate(() => JSON.stringify(localStorage)), /某某县司法局/);
  // Typing goes on where the caret was, into the live field.
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('4');
  await page.locator('.doc-title', { hasText: '某某县司法局2024年度' }).waitFor();
  await waitSaved(page);
  await page.reload();
  await page.evaluate(() => window.__fazhiRelease()); // HOLD_WASM is in this page too
  await painted(page);
  assert.equal(await field(page, '发文机关').inputValue(), '某某县司法局');
  assert.equal(await field(page, '报告年度').inputValue(), '2024');
  // A stored draft: no shell this time (it could not show the stored draft).
  assert.equal(await page.evaluate(() => window.__fazhiScreens.shell), undefined);
  await context.close();
});

test('keys typed while the tool takes over go in at the caret, in order', async () => {
  // Chinese text comes as text input (no key events), Latin letters as keys.
  for (const [first, left, more, expected] of [['某某县司法局', 3, '人民政府', '某某县人民政府司法局'], ['ABCDEFGHIJ', 8, '0123456789', 'AB0123456789CDEFGHIJ']]) {
    const { context, page } = await open({ hold: true });
    const organ = field(page, '发文机关');
    await organ.click();
    await page.keyboard.type(first);
    for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
    // Released and typed into at once: the keys queue up while the tool mounts.
    await Promise.all([page.evaluate(() => window.__fazhiRelease()), page.keyboard.type(more)]);
    await mounted(page);
    await painted(page);
    assert.equal(await organ.inputValue(), expected);
    const caret = first.length - left + more.length;
    assert.deepEqual(await organ.evaluate((el) => [el.selectionStart, el.selectionEnd]), [caret, caret]);
    await context.close();
  }
});

test('a button clicked in the shell is clicked again in the live tool', async () => {
  const { context, page } = await open({ hold: true });
  await field(page, '发文机关').waitFor();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.evaluate(() => window.__fazhiRelease());
  await mounted(page);
  await heading(page).filter({ hasText: '开头段' }).waitFor();
  await context.close();
});

test('a click in the shell is not done again once the clerk went on (typing elsewhere), nor a button clicked twice', async () => {
  {
    const { context, page } = await open({ hold: true });
    const organ = field(page, '发文机关');
    await organ.waitFor();
    await page.getByRole('button', { name: '下一步' }).click();
    await organ.click();
    await page.keyboard.type('某局');
    await page.evaluate(() => window.__fazhiRelease());
    await mounted(page);
    await painted(page);
    assert.equal(await heading(page).textContent(), '文头');
    assert.equal(await organ.inputValue(), '某局');
    assert.equal(await focusedId(page), 'f-organ');
    await context.close();
  }
  {
    const { context, page } = await open({ hold: true });
    await field(page, '发文机关').waitFor();
    const drafts = page.getByRole('button', { name: '我的草稿' });
    await drafts.click();
    await drafts.click(); // opened and closed, as the clerk sees it
    await page.evaluate(() => window.__fazhiRelease());
    await mounted(page);
    await painted(page);
    assert.equal(await heading(page).textContent(), '文头');
    await context.close();
  }
});

test('fields left untouched in the shell do not overwrite a draft another tab saved meanwhile', async () => {
  const { context, page } = await open({ hold: true });
  await field(page, '报告年度').waitFor();
  // Another tab of the same file saves a draft while this one still shows its shell.
  const other = await context.newPage();
  await other.goto(SINGLE_FILE_URL);
  await other.evaluate(() => window.__fazhiRelease());
  await painted(other);
  await other.getByText('规定五项（五段式）').click();
  await field(other, '发文机关').fill('乙局');
  await waitSaved(other);
  await field(page, '报告年度').fill('2025');
  await page.evaluate(() => window.__fazhiRelease());
  await mounted(page);
  await painted(page);
  assert.equal(await field(page, '报告年度').inputValue(), '2025', 'what was typed in the shell');
  assert.equal(await field(page, '发文机关').inputValue(), '乙局', 'the other tab\'s draft, not the shell\'s empty field');
  // Nor the shell's untouched first choice (三段式) the other tab's structure.
  await page.locator('.stepper', { hasText: '第一责任人' }).waitFor();
  assert.equal(await page.getByLabel('规定五项（五段式）').isChecked(), true);
  await context.close();
});

test('an IME composition open in the shell is let finish before the tool takes over', async () => {
  const { context, page } = await open({ hold: true });
  const organ = field(page, '发文机关');
  await organ.waitFor();
  await organ.click();
  await organ.evaluate((el) => {
    el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true }));
    el.value = 'mou';
  });
  await page.evaluate(() => window.__fazhiRelease());
  await page.waitForFunction(() => window.__fazhiInstantiated);
  // The wasm is ready; the handover waits for the composition's end.
  await page.waitForTimeout(100);
  assert.equal(await isMounted(page), false, 'the tool took over in the middle of a composition');
  await organ.evaluate((el) => {
    el.value = '某';
    el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '某' }));
  });
  await mounted(page);
  assert.equal(await organ.inputValue(), '某');
  await page.locator('.doc-title', { hasText: '某' }).waitFor();
  await context.close();
});

test('when the tool fails to start, the message shows on the shell and the text typed there stays', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(HOLD_WASM);
  await context.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (...args) { await instantiate.apply(this, args); throw new Error('broken'); };
  });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  const organ = field(page, '发文机关');
  await organ.fill('某某县司法局');
  await page.evaluate(() => window.__fazhiRelease());
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /起草工具启动失败/);
  assert.equal(await organ.inputValue(), '某某县司法局');
  // Nothing there is saved: the status says so (not 自动保存, nor 正在加载 a second later), and
  // the fields take no more typing; the host is no longer busy.
  assert.match(await page.locator('.save-state').textContent(), /^未保存/);
  assert.equal(await organ.evaluate((el) => el.readOnly), true);
  assert.equal(await page.evaluate(() => document.getElementById('fazhi-report').hasAttribute('aria-busy')), false);
  await page.waitForTimeout(1100);
  assert.match(await page.locator('.save-state').textContent(), /^未保存/);
  await context.close();
});
