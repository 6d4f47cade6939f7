// The session engine in the browser: the drafts page in one tab never overwrites another
// tab's newer text; unreadable entries stay listed until the clerk deals with them; saves
// keep their rhythm and stay readable whatever the page's clocks do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, SINGLE_FILE_URL, field, waitSaved, goToStep, TRACK_TASK_KIND, openDraftsPage, stepFocused } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PREFIX = 'fazhi-report/v1/default/';

async function open(context) {
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').waitFor();
  return page;
}

const stored = (page, id) => page.evaluate(([p, id]) => {
  const raw = localStorage.getItem(p + 'draft/' + id);
  return raw === null ? null : JSON.parse(raw);
}, [PREFIX, id]);
const currentId = (page) => page.evaluate((p) => localStorage.getItem(p + 'current'), PREFIX);


test('drafts page in tab A: renaming or deleting and undoing never overwrites tab B\'s newer text, and B is told', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  // B edits draft X.
  const b = await open(context);
  await field(b, '发文机关').fill('乙局');
  await waitSaved(b);
  const x = await currentId(b);
  // A opens, starts its own draft Y, and shows the drafts page (listing X as it was).
  const a = await open(context);
  await openDraftsPage(a);
  await a.getByRole('button', { name: '新建草稿' }).click();
  await stepFocused(a);
  await field(a, '发文机关').fill('甲局');
  await waitSaved(a);
  await openDraftsPage(a);
  const rowX = a.locator('table.drafts tbody tr', { hasText: '乙局' });
  await rowX.waitFor();

  // B writes new paragraphs into X and saves.
  await goToStep(b, '开头段');
  await field(b, '开头段').fill('乙新写的段落。');
  await waitSaved(b);

  // A renames X: B's paragraphs stay, and B follows the renamed version.
  const name = rowX.locator('input.name');
  await name.fill('乙局报告（改名）');
  await name.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
  let x1 = await stored(a, x);
  assert.equal(x1.draft.name, '乙局报告（改名）');
  assert.equal(x1.draft.opening, '乙新写的段落。', "the rename kept B's text");
  await b.getByRole('alert').filter({ hasText: '已载入另一个标签页' }).waitFor();
  assert.equal(await field(b, '开头段').inputValue(), '乙新写的段落。');
  assert.notEqual(await currentId(a), x, "A's own draft stays current");

  // A deletes X; B is told and writes it back; B types on; A's 撤销 keeps B's newer text.
  await a.getByRole('button', { name: '删除：乙局报告（改名）' }).click();
  await b.getByRole('alert').filter({ hasText: '在另一个标签页中被删除' }).waitFor();
  await waitSaved(b);
  await field(b, '开头段').fill('乙新写的段落。删除后又写的。');
  await waitSaved(b);
  await a.getByRole('button', { name: '撤销' }).click();
  await a.getByText('保留了那个较新的版本').waitFor();
  x1 = await stored(a, x);
  assert.equal(x1.draft.opening, '乙新写的段落。删除后又写的。');

  // B closes: nothing of its text is lost.
  await b.close({ runBeforeUnload: true });
  assert.equal((await stored(a, x)).draft.opening, '乙新写的段落。删除后又写的。');
  await context.close();
});

test('an unreadable current draft stays listed on the drafts page until the clerk downloads and deletes it', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
  const page = await open(context);
  const newer = JSON.stringify({ schema: 3, id: 'dnewer', revision: 4, draft: { opening: '新版本工具写的段落' } });
  await page.evaluate(([p, raw]) => {
    localStorage.setItem(p + 'current', 'dnewer');
    localStorage.setItem(p + 'draft/dnewer', raw);
  }, [PREFIX, newer]);
  await page.reload();
  await field(page, '发文机关').waitFor();
  // Offered once in a notice; the clerk closes it and reloads.
  await page.getByRole('alert').filter({ hasText: '无法读取' }).waitFor();
  await page.getByRole('button', { name: '关闭提示' }).click();
  await page.reload();
  await field(page, '发文机关').waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: '无法读取' }).count(), 0);

  // Still listed, with its id and the reason, and downloadable as it was.
  await openDraftsPage(page);
  const list = page.locator('table.set-aside-list tbody tr');
  await list.first().waitFor();
  assert.equal(await list.count(), 1);
  const row = await list.first().textContent();
  assert.match(row, /dnewer/);
  assert.match(row, /更新版本/);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载：dnewer' }).click()]);
  assert.equal(readFileSync(await file.path(), 'utf8'), newer);
  // Findable by its old id in storage too.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.includes('/unreadable/dnewer/')), keys.join('|'));

  // Dismissing the confirmation keeps it; accepting deletes it.
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: '删除：dnewer' }).click();
  assert.equal(await list.count(), 1);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '删除：dnewer' }).click();
  await page.locator('table.set-aside-list').waitFor({ state: 'detached' });
  assert.ok(!(await page.evaluate(() => Object.keys(localStorage))).some((k) => k.includes('dnewer')));
  await context.close();
});

/** A page whose Date.now (and, if asked, performance.now) is replaced before the tool loads. */
async function withClock(clock) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(({ clock }) => {
    const realDate = Date.now.bind(Date);
    const start = realDate();
    const fake = {
      nan: () => NaN,
      frozen: () => start,
      backwards: () => start - 2 * (realDate() - start),
      // Jumps back an hour every half second.
      jumping: () => start + (realDate() - start) - 3_600_000 * Math.floor((realDate() - start) / 500),
    }[clock];
    Date.now = fake;
    performance.now = () => fake() - start;
    // Count the tool's writes of drafts.
    window.__draftWrites = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).includes('/draft/')) window.__draftWrites++;
      return setItem.call(this, k, v);
    };
  }, { clock });
  const page = await open(context);
  return { context, page };
}

for (const clock of ['frozen', 'backwards', 'jumping', 'nan']) {
  test(`continuous typing saves at least every 0.8 s with a ${clock} clock`, async () => {
    const { context, page } = await withClock(clock);
    await goToStep(page, '开头段');
    await field(page, '开头段').click();
    await page.evaluate(() => { window.__draftWrites = 0; });
    // 3 s of typing without a pause long enough for the debounce (a key every 100 ms).
    await page.keyboard.type('依法行政'.repeat(8).slice(0, 30), { delay: 100 });
    const writes = await page.evaluate(() => window.__draftWrites);
    assert.ok(writes >= 3, `${writes} saves during 3 s of typing`);
    await context.close();
  });
}

test('a clock that is not a number never makes the stored draft unreadable', async () => {
  const { context, page } = await withClock('nan');
  await goToStep(page, '开头段');
  const typed = '本年度，我局坚持以习近平法治思想为指导，深入推进依法行政，法治政府建设取得新成效。';
  await field(page, '开头段').fill(typed);
  await waitSaved(page);
  const id = await currentId(page);
  const entry = await stored(page, id);
  assert.equal(typeof entry.saved_at, 'number');
  await page.reload();
  await page.locator('.step-form h2', { hasText: '开头段' }).waitFor();
  assert.equal(await field(page, '开头段').inputValue(), typed);
  await context.close();
});

test('a save never runs in a keystroke\'s task, even when the maximum wait is overdue at every key', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(TRACK_TASK_KIND);
  await context.addInitScript(() => {
    // The monotonic clock runs 20× fast: from the second key on, every change finds the
    // oldest unsaved one overdue (0.8 s), before the max-wait timer can fire.
    const now = performance.now.bind(performance);
    performance.now = () => now() * 20;
    window.__writes = { timer: 0, keystroke: 0, other: 0 };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).includes('/draft/')) window.__writes[window.__fazhiTaskKind()]++;
      return setItem.call(this, k, v);
    };
  });
  const page = await open(context);
  await goToStep(page, '开头段');
  await field(page, '开头段').click();
  await page.keyboard.type('依法行政'.repeat(5), { delay: 60 });
  await waitSaved(page);
  const writes = await page.evaluate(() => window.__writes);
  assert.equal(writes.keystroke, 0, JSON.stringify(writes));
  // Still saved while typing went on (the overdue save runs in the next task).
  assert.ok(writes.timer >= 5, JSON.stringify(writes));
  assert.equal(await field(page, '开头段').inputValue(), '依法行政'.repeat(5));
  // What was typed is what is stored.
  assert.equal((await stored(page, await currentId(page))).draft.opening, '依法行政'.repeat(5));
  await context.close();
});
