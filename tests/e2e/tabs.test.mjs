// The same draft open in two tabs: no silent overwrite. A tab with nothing unsaved follows
// the other's saves; a tab with unsaved changes is asked which version to keep.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, SINGLE_FILE_URL, field, waitSaved, goToStep } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the field shows `value` (another tab's save arriving). */
async function untilValue(page, label, value) {
  for (let i = 0; i < 50; i++) {
    if ((await field(page, label).inputValue()) === value) return;
    await page.waitForTimeout(100);
  }
  assert.equal(await field(page, label).inputValue(), value);
}

/** Init script: `__holdSaves()` keeps this page's autosave from running (its timers wait, as
 * on a machine too busy to run them), `__releaseSaves()` lets it run. Both tabs type before
 * either saves only if the first to type cannot save first, however slow the second is.
 * (A held timer cannot be cleared: it runs on release, which a save that finds nothing to
 * write, or a conflict, allows.) */
const HOLDABLE = () => {
  const timeout = window.setTimeout.bind(window);
  const held = [];
  let hold = false;
  window.setTimeout = function (f, ms, ...args) {
    if (!hold || typeof f !== 'function') return timeout(f, ms, ...args);
    held.push(() => f(...args));
    return 0;
  };
  window.__holdSaves = () => { hold = true; };
  // Runs what was held at once, in order, so that what the test reads next comes after it.
  window.__releaseSaves = () => { hold = false; for (const go of held.splice(0)) go(); };
};

async function open(context) {
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').waitFor();
  return page;
}

test('two tabs on one draft: following, then a conflict resolved by choice', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  await context.addInitScript(HOLDABLE);
  const a = await open(context);
  await field(a, '发文机关').fill('甲局');
  await waitSaved(a);
  const b = await open(context);
  assert.equal(await field(b, '发文机关').inputValue(), '甲局', 'the second tab opens the same draft');

  // A types again; B has nothing unsaved, so it follows.
  await field(a, '发文机关').fill('甲局（改）');
  await waitSaved(a);
  await b.getByRole('alert').filter({ hasText: '已载入另一个标签页' }).waitFor();
  assert.equal(await field(b, '发文机关').inputValue(), '甲局（改）');

  // Both type before either saves: B saves first, A must not overwrite it. (A's autosave
  // is held until then: otherwise, on a busy machine, B's save could reach A before A's
  // text, and A would simply follow it.)
  await goToStep(a, '开头段');
  await goToStep(b, '开头段');
  // A's step change is saved first, so that A's typing is its only unsaved change.
  await waitSaved(a);
  await a.evaluate(() => window.__holdSaves());
  await field(a, '开头段').fill('甲写的开头段。');
  await field(b, '开头段').fill('乙写的开头段。');
  // The question, not any message naming the other tab: A may first have followed B's
  // save of its step change (then A shows '已载入另一个标签页…' as well).
  await a.getByRole('alert').filter({ hasText: '本页已暂停保存' }).waitFor();
  await a.locator('.save-state', { hasText: '暂停保存' }).waitFor();
  await a.evaluate(() => window.__releaseSaves());
  await waitSaved(b);
  assert.equal(await field(a, '开头段').inputValue(), '甲写的开头段。', 'A keeps its text on screen');
  const stored = await a.evaluate(() => {
    const id = localStorage.getItem('fazhi-report/v1/default/current');
    return JSON.parse(localStorage.getItem('fazhi-report/v1/default/draft/' + id)).draft.opening;
  });
  assert.equal(stored, '乙写的开头段。', "B's save was not overwritten");

  // A keeps its version: it is saved, and B (nothing unsaved) follows.
  await a.getByRole('button', { name: '保留本页的版本（覆盖另一处）' }).click();
  await waitSaved(a);
  await untilValue(b, '开头段', '甲写的开头段。');

  // Again, and this time A takes B's version (its own text goes to a file first).
  await a.evaluate(() => window.__holdSaves());
  await field(a, '开头段').fill('甲第二次写的。');
  await field(b, '开头段').fill('乙第二次写的。');
  await a.getByRole('button', { name: /载入另一处的版本/ }).waitFor();
  await a.evaluate(() => window.__releaseSaves());
  await waitSaved(b);
  const [backup] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: /载入另一处的版本/ }).click()]);
  assert.match(backup.suggestedFilename(), /本页被替换前的草稿/);
  assert.equal(await field(a, '开头段').inputValue(), '乙第二次写的。');
  await context.close();
});
