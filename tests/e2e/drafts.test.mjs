// Several drafts, backup files, hostile text: the drafts page and what it guarantees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { launch, openTool, REPORT, ROOT, SINGLE_FILE_URL, field, waitSaved, goToStep, typeSample, outputText, openDraftsPage, stepFocused, focusLandsOn } from './helpers.mjs';
import { sampleDraft } from './reports.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const draftsPage = async (page) => {
  await openDraftsPage(page);
  return page.locator('table.drafts tbody tr');
};
const rowNames = (rows) => rows.evaluateAll((trs) => trs.map((tr) => { const i = tr.querySelector('input.name'); return i.value || i.placeholder; }));

test('drafts page: new, rename, copy, copy for next year, delete with undo, open; reopens on the last used', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('甲局');
  await field(page, '报告年度').fill('2023');
  await waitSaved(page);
  let rows = await draftsPage(page);
  assert.equal(await rows.count(), 1);
  assert.match(await rows.first().textContent(), /正在编辑/);

  await page.getByRole('button', { name: '新建草稿' }).click();
  await page.locator('.step-form h2', { hasText: '文头' }).waitFor();
  await stepFocused(page); // the new draft's heading takes the focus a frame later
  assert.equal(await field(page, '发文机关').inputValue(), '');
  await field(page, '发文机关').fill('乙局');
  await waitSaved(page);
  rows = await draftsPage(page);
  assert.equal(await rows.count(), 2);
  const nameOfCurrent = page.locator('tr.current input.name');
  await nameOfCurrent.fill('乙局的报告');
  await nameOfCurrent.press('Enter');
  await nameOfCurrent.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));

  await page.getByRole('button', { name: '复制：甲局2023年度法治政府建设情况报告', exact: true }).click();
  await page.getByRole('button', { name: '复制并前移一年：甲局2023年度法治政府建设情况报告', exact: true }).click();
  await page.getByText('已复制并前移一年').waitFor();
  assert.equal(await rows.count(), 4);
  const names = await rowNames(rows);
  assert.ok(names.includes('甲局2023年度法治政府建设情况报告（副本）'), names.join('|'));
  assert.ok(names.includes('甲局2024年度法治政府建设情况报告'), names.join('|'));
  assert.ok(names.includes('乙局的报告'), names.join('|'));

  await page.getByRole('button', { name: '删除：甲局2023年度法治政府建设情况报告（副本）' }).click();
  assert.equal(await rows.count(), 3);
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await rows.count(), 4);

  await page.getByRole('button', { name: '打开：甲局2023年度法治政府建设情况报告', exact: true }).click();
  await page.locator('.step-form h2').waitFor();
  assert.equal(await field(page, '发文机关').inputValue(), '甲局');
  await page.reload();
  await field(page, '发文机关').waitFor();
  assert.equal(await field(page, '发文机关').inputValue(), '甲局', 'opens on the last draft used');
  await context.close();
});

test('saved times written in any JSON number form are read as the number they spell', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('当前局');
  await waitSaved(page);
  // The same instant written three ways: the tool's own short form (read exactly in the wasm),
  // and two that the browser's parseFloat reads for the wasm (over 19 significant digits, and
  // a mantissa over 2^53).
  const forms = { 甲局: '1.7e12', 乙局: '1700000000000.00000000000000000001', 丙局: '17000000000000000e-4' };
  const entries = Object.entries(forms).map(([organ, savedAt], n) => {
    const draft = sampleDraft();
    draft.header.organ = organ;
    return [`fazhi-report/v1/default/draft/dtime${n}`,
      `{"schema":2,"id":"dtime${n}","revision":1,"saved_at":${savedAt},"step":"header","draft":${JSON.stringify(draft)}}`];
  });
  const expected = await page.evaluate((entries) => {
    for (const [key, json] of entries) localStorage.setItem(key, json);
    const d = new Date(1.7e12);
    const two = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
  }, entries);
  const rows = await draftsPage(page);
  for (const organ of Object.keys(forms)) {
    const row = rows.filter({ has: page.getByRole('cell', { name: organ, exact: true }) });
    assert.equal(await row.count(), 1, organ);
    assert.equal(await row.locator('td').nth(4).textContent(), expected, organ);
  }
  await context.close();
});

test('backup files: export then import on another machine gives the same report; problems are explained; no silent overwrite', async () => {
  const one = await openTool(browser);
  await typeSample(one.page);
  await waitSaved(one.page);
  await goToStep(one.page, /生成报告/);
  const [single] = await Promise.all([one.page.waitForEvent('download'), one.page.getByRole('button', { name: '下载草稿备份' }).click()]);
  // Downloads vanish with their browser context: keep copies, as a clerk keeps the file.
  const singlePath = join(mkdtempSync(join(tmpdir(), 'fazhi-backup-')), 'one.json');
  await single.saveAs(singlePath);
  await draftsPage(one.page);
  const [all] = await Promise.all([one.page.waitForEvent('download'), one.page.getByRole('button', { name: '导出全部草稿' }).click()]);
  assert.equal(JSON.parse(readFileSync(await all.path(), 'utf8')).drafts.length, 1);
  await one.context.close();

  // "Another machine": a new profile with empty storage.
  const two = await openTool(browser);
  const rows = await draftsPage(two.page);
  const fileInput = two.page.locator('input[type=file]');
  await fileInput.setInputFiles(singlePath);
  await two.page.getByText('新增 1 份').waitFor();
  assert.equal(await rows.count(), 1);
  await two.page.getByRole('button', { name: /^打开：张家港市科学技术局/ }).click();
  assert.equal(await outputText(two.page), REPORT);

  // The same file again: asked; "cancel" keeps both, "OK" replaces.
  await draftsPage(two.page);
  two.page.once('dialog', (d) => d.dismiss());
  await fileInput.setInputFiles(singlePath);
  await two.page.getByText('新增 1 份，替换 0 份').waitFor();
  assert.equal(await rows.count(), 2);
  two.page.once('dialog', (d) => d.accept());
  await fileInput.setInputFiles(singlePath);
  await two.page.getByText('新增 0 份，替换 1 份').waitFor();
  assert.equal(await rows.count(), 2);

  // Broken and future files: explained, nothing changed.
  for (const [content, says] of [['这不是 JSON', '不是有效的 JSON'], ['{"schema":99,"id":"x","draft":{}}', '更新版本'], ['{"schema":2,"id":"x","draft":{"header":{"year":2024}}}', '字段类型不对']]) {
    await fileInput.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await two.page.locator('.drafts-error', { hasText: says }).waitFor();
  }
  // A report chosen here instead of a backup (the .docx the tool wrote, a .txt): told what it
  // is and where reports are imported, not "不是有效的 JSON 数据".
  for (const [name, content] of [['报告.docx', readFileSync(join(ROOT, 'tests', 'fixtures', 'docx', '14-libreoffice.docx'))], ['去年的报告.txt', Buffer.from(REPORT)]]) {
    await fileInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: content });
    const error = two.page.locator('.drafts-error', { hasText: `“${name}”是报告，不是草稿备份` });
    await error.waitFor();
    assert.match(await error.textContent(), /从去年的报告开始：粘贴全文导入/);
    assert.doesNotMatch(await error.textContent(), /JSON/);
  }
  // A damaged backup saved as .txt is still a backup: its JSON error is what it is told.
  await fileInput.setInputFiles({ name: '备份.txt', mimeType: 'text/plain', buffer: Buffer.from('{"schema":2,"id":"d1",') });
  await two.page.locator('.drafts-error', { hasText: '“备份.txt”无法导入：不是有效的 JSON 数据' }).waitFor();
  assert.equal(await rows.count(), 2);
  await two.context.close();
});

test('hostile text in fields is stored, reloaded and exported unchanged, and never runs', async () => {
  const { context, page, seen } = await openTool(browser);
  const hostile = {
    '发文机关': '<script>window.__pwned=1</script>某局',
    '机关代字': '<img src=x onerror="window.__pwned=2">',
    '标题': 'A\u0007B\u001b[31m\u202e右到左\u200f 😀👍🏽 "引号" \'单引号\' \\反斜杠',
  };
  for (const [label, value] of Object.entries(hostile)) await field(page, label).fill(value);
  await goToStep(page, '开头段');
  const long = '很长的开头段。'.repeat(14286).slice(0, 100000);
  await field(page, '开头段').fill(long);
  // The rest of the fields, each with its own payload.
  const payload = (n) => `<b onmouseover=alert(${n})>${n}</b>\u0000'"; DROP TABLE x;--\u202e😀`;
  await goToStep(page, /^一、/);
  await field(page.locator('li.subsection').first(), '小节标题').fill(payload(1));
  await goToStep(page, /^（一）/);
  await field(page, '要点（一句话概括）').fill(payload(2));
  await field(page, '具体内容').fill(payload(3));
  await goToStep(page, /^二、/);
  await field(page, '引言段').fill(payload(4));
  await goToStep(page, '落款');
  await field(page, '署名').fill(payload(5));
  await field(page, '附注').fill(payload(6));
  await waitSaved(page);
  await page.reload();
  await page.locator('.step-form h2', { hasText: '落款' }).waitFor();
  assert.equal(await field(page, '署名').inputValue(), payload(5));
  assert.equal(await field(page, '附注').inputValue(), payload(6));
  await goToStep(page, /^（一）/);
  assert.equal(await field(page, '要点（一句话概括）').inputValue(), payload(2));
  assert.equal(await field(page, '具体内容').inputValue(), payload(3));
  await goToStep(page, /^二、/);
  assert.equal(await field(page, '引言段').inputValue(), payload(4));
  await goToStep(page, '文头');
  for (const [label, value] of Object.entries(hostile)) assert.equal(await field(page, label).inputValue(), value, label);
  await goToStep(page, '开头段');
  assert.equal((await field(page, '开头段').inputValue()).length, 100000);
  const text = await outputText(page);
  assert.ok(text.startsWith(hostile['发文机关'] + '\n'));
  assert.ok(text.includes(hostile['标题']));
  assert.ok(text.includes(long));
  for (const n of [1, 4, 5, 6]) assert.ok(text.includes(payload(n)), `payload ${n} exported unchanged`);
  // The item's lead is closed with 。 by the tool (it did not end in punctuation).
  assert.ok(text.includes(payload(2) + '。' + payload(3)), 'item exported unchanged');
  // The invisible characters are kept, but pointed out (on the output step), with a way to them.
  const invisible = page.locator('.finding', { hasText: '“A”之后有4个看不见的字符（其中有文字方向控制符' });
  await invisible.waitFor();
  await invisible.getByRole('button', { name: /^定位/ }).click();
  await focusLandsOn(page, 'f-title');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img[src=x]').count(), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// Storage faults switched on in the page: every localStorage write throws.
const faults = (page, kind) => page.evaluate((kind) => {
  if (!window.__realSetItem) window.__realSetItem = Storage.prototype.setItem;
  const set = window.__realSetItem;
  Storage.prototype.setItem = function (k, v) {
    if (kind === 'quota') throw new DOMException('full', 'QuotaExceededError');
    if (kind === 'error') throw new Error('injected fault');
    return set.call(this, k, v);
  };
}, kind);
const stored = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/')).map((k) => localStorage.getItem(k)).join('\n'));

test('renaming the open draft while saves fail: the name field is the editor\'s, and a second rename keeps the first', async () => {
  // The chaos session's seed 1: the row showed the stored name, so the second rename
  // started from it and overwrote the first, which only the page held.
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('甲局');
  await waitSaved(page);
  await faults(page, 'error');
  await draftsPage(page);
  const name = page.locator('tr.current input.name');
  await name.fill('第一名');
  await page.getByRole('button', { name: /返回/ }).first().click();
  await page.locator('.save-state', { hasText: /失败/ }).waitFor();
  await draftsPage(page);
  assert.equal(await name.inputValue(), '第一名', 'the field shows the name the page holds, not the stored one');
  await name.fill((await name.inputValue()) + '第二名');
  await page.getByRole('button', { name: /返回/ }).first().click();
  await faults(page, null);
  await draftsPage(page); // entering the drafts page saves the open draft
  assert.match(await stored(page), /第一名第二名/);
  await context.close();
});

test('renaming another draft while storage is full offers the renamed draft as a file and changes nothing stored', async () => {
  // The chaos session's seed 2: the failed rename was only on screen.
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('甲局');
  await waitSaved(page);
  await draftsPage(page);
  await page.getByRole('button', { name: '新建草稿' }).click();
  await stepFocused(page);
  await field(page, '发文机关').fill('乙局');
  await waitSaved(page);
  await draftsPage(page);
  await faults(page, 'quota');
  const other = page.locator('tr:not(.current) input.name');
  const before = await stored(page);
  await other.fill('甲局的新名');
  const [file] = await Promise.all([page.waitForEvent('download'), other.press('Enter')]);
  const offered = JSON.parse(readFileSync(await file.path(), 'utf8'));
  assert.equal(offered.draft.name, '甲局的新名');
  assert.equal(offered.draft.header.organ, '甲局', 'the file is the whole draft');
  await page.locator('.drafts-error', { hasText: /改名未保存.*下载为备份文件/ }).waitFor();
  assert.equal(await stored(page), before, 'storage unchanged');
  await faults(page, null);
  await other.fill('甲局的新名2');
  await other.press('Enter');
  await page.waitForFunction(() => Object.values(localStorage).some((v) => v.includes('甲局的新名2')));
  await context.close();
});
