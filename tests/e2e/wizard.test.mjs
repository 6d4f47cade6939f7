// The foundation, end to end in headless Chromium, from the single offline file (file://):
// the sample report typed through the wizard's labelled fields comes back out as the
// fixture, survives a reload, exports identically, and the page makes no request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  launch, openTool, REPORT, TYPED, SINGLE_FILE_URL, heading, field, waitSaved, goToStep, fillItems, itemGroup, outputText,
  focusLandsOn, eventually, stepFocused, nextFrame,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the sample report typed into the wizard comes out as the fixture, and survives a reload', async () => {
  const { context, page, seen } = await openTool(browser);

  // 文头
  assert.equal(await heading(page).textContent(), '文头');
  await field(page, '发文机关').fill(TYPED.organ);
  await field(page, '报告年度').fill(TYPED.year);
  await field(page, '机关代字').fill(TYPED.doc_agency);
  await field(page, '发文年份').fill(TYPED.doc_year);
  await field(page, '序号').fill(TYPED.doc_serial);
  assert.equal(await field(page, '标题').getAttribute('placeholder'), '张家港市科学技术局2022年度法治政府建设情况报告');

  // 开头段, reached with 下一步
  await page.getByRole('button', { name: '下一步' }).click();
  await stepFocused(page);
  assert.equal(await heading(page).textContent(), '开头段');
  await field(page, '开头段').fill(TYPED.opening);

  // 一、: subsections added on the overview step, items on each subsection's step
  await page.getByRole('button', { name: '下一步' }).click();
  await stepFocused(page);
  assert.equal(await heading(page).textContent(), '一、2022年法治建设工作开展情况');
  // Each new 小节 takes the cursor (a frame later): typing waits for it, or it could be
  // taken away halfway through a title.
  for (let s = 1; s < TYPED.work.length; s++) {
    await page.getByRole('button', { name: '添加小节', exact: true }).click();
    await focusLandsOn(page, /^f-sub-\d+-title$/);
  }
  const subs = page.locator('li.subsection');
  assert.equal(await subs.count(), 5);
  for (let s = 0; s < TYPED.work.length; s++) {
    await field(subs.nth(s), '小节标题').fill(TYPED.work[s].title);
  }
  for (let s = 0; s < TYPED.work.length; s++) {
    await goToStep(page, new RegExp('^（' + '一二三四五'[s] + '）'));
    assert.equal(await heading(page).textContent(), `（${'一二三四五'[s]}）${TYPED.work[s].title}`);
    await fillItems(page, TYPED.work[s].items);
  }

  // 二、: lead, then 一方面/另一方面 items; an extra item is added, removed and undone, removed again
  await goToStep(page, /^二、/);
  await field(page, '引言段').fill(TYPED.problems.lead);
  await fillItems(page, TYPED.problems.items);
  assert.match(await itemGroup(page, 1).locator('legend').textContent(), /另一方面/);
  await page.getByRole('button', { name: '添加一条' }).click();
  await focusLandsOn(page, /^f-item-\d+-lead$/);
  await field(itemGroup(page, 2), '具体内容').fill('临时内容');
  await page.getByRole('button', { name: '删除第三条（三是）' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  assert.equal(await field(itemGroup(page, 2), '具体内容').inputValue(), '临时内容');
  await page.getByRole('button', { name: '删除第三条（三是）' }).click();
  assert.equal(await page.locator('li.item').count(), 2);

  // 三、: typed in the wrong order, then reordered with 下移
  await goToStep(page, /^三、/);
  assert.equal(await heading(page).textContent(), '三、2023年法治工作计划');
  await field(page, '引言段').fill(TYPED.plan.lead);
  const [p1, p2, p3] = TYPED.plan.items;
  await fillItems(page, [p3, p1, p2]);
  const down = page.getByRole('button', { name: '下移第一条（一是）' });
  const downId = await down.getAttribute('id');
  await down.click();
  // Focus follows the moved item, so a second press moves it again.
  await focusLandsOn(page, downId);
  // The tool puts focus back once more a frame later; Enter must come after that frame.
  await nextFrame(page);
  await page.keyboard.press('Enter');
  const lead = (n) => field(itemGroup(page, n), '要点（一句话概括）').inputValue();
  assert.equal(await eventually(() => lead(2), (v) => v === p3.lead), p3.lead);
  assert.equal(await lead(0), p1.lead);

  // 落款
  await goToStep(page, '落款');
  assert.equal(await field(page, '署名').getAttribute('placeholder'), TYPED.organ);
  await field(page, '成文日期').fill(TYPED.date);
  await field(page, '附注').fill(TYPED.note);
  await waitSaved(page);

  // Output equals the fixture, in the page and in the preview.
  assert.equal(await outputText(page), REPORT);
  const previewText = (await page.locator('.paper p').allTextContents()).join('\n');
  assert.equal(previewText.replace(/\n/g, ''), REPORT.replace(/\n/g, ''));

  // Download: UTF-8 with BOM and CRLF, otherwise the same text.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .txt 文本' }).click()]);
  assert.equal(download.suggestedFilename(), '张家港市科学技术局2022年度法治政府建设情况报告.txt');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const downloaded = bytes.subarray(3).toString('utf8');
  assert.ok(downloaded.includes('\r\n') && !/[^\r]\n/.test(downloaded), 'CRLF line ends only');
  assert.equal(downloaded.replace(/\r\n/g, '\n'), REPORT);

  // Copy: the clipboard receives the same text.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: '复制全文' }).click();
  await page.getByText('已复制到剪贴板').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), REPORT);

  // Reload: text and the current step come back.
  await page.reload();
  await heading(page).waitFor();
  assert.equal(await heading(page).textContent(), '生成报告');
  assert.equal(await field(page, '报告全文（只读，可全选复制）').inputValue(), REPORT);
  await goToStep(page, '文头');
  assert.equal(await field(page, '发文机关').inputValue(), TYPED.organ);

  // Nothing but the file itself was requested, and nothing went wrong.
  const foreign = seen.requests.filter((u) => u !== SINGLE_FILE_URL && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
