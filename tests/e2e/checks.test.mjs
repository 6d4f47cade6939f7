// The writer's guide in the page: the sample's wrong date is flagged where it is typed and
// in the review; a click lands on the date field; a missing statutory item is added in one click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openTool, TYPED, REPORT, ROOT, field, goToStep, typeSample, focusLandsOn, outputText, eventually } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the sample date slip is flagged, and 定位 lands on the date field', async () => {
  const { context, page, seen } = await openTool(browser);
  await typeSample(page);
  // On the 落款 step itself, next to the field.
  const here = page.getByRole('list', { name: '本步检查结果' });
  await here.getByText('与报告年度2022不符').waitFor();
  // In the review on the output step, with the statutory checklist.
  await page.locator('.badge', { hasText: '处注意' }).click();
  const review = page.locator('section.checks');
  await review.waitFor();
  const statutory = await review.locator('.statutory li').evaluateAll((lis) => lis.map((li) => li.className));
  assert.deepEqual(statutory, ['yes', 'yes', 'yes', 'yes', 'optional']);
  const messages = await review.locator('.finding .msg').allTextContents();
  assert.equal(messages.length, 3, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('成文日期2022年2月17日与报告年度2022不符')));
  assert.ok(messages.some((m) => m.includes('半角标点“(”')));
  await review.locator('.finding', { hasText: '与报告年度2022不符' }).getByRole('button', { name: /^定位/ }).click();
  await focusLandsOn(page, 'f-date');
  assert.equal(await page.locator('.step-form h2').textContent(), '落款');
  // Fixing the date clears the finding.
  await field(page, '成文日期').fill('2023-02-17');
  const dateFinding = page.getByRole('list', { name: '本步检查结果' }).locator('.finding', { hasText: '成文日期' });
  assert.equal(await eventually(() => dateFinding.count(), (n) => n === 0), 0);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a missing 第一责任人 item is pointed out and added in one click', async () => {
  const { context, page } = await openTool(browser);
  const typed = structuredClone(TYPED);
  // Drop the sentence that covers item 3.
  typed.work[0].items = typed.work[0].items.slice(1);
  await typeSample(page, typed);
  await goToStep(page, /生成报告/);
  const review = page.locator('section.checks');
  assert.deepEqual(await review.locator('.statutory li').evaluateAll((l) => l.map((x) => x.className)), ['yes', 'yes', 'no', 'yes', 'optional']);
  await review.getByRole('button', { name: '一键补上' }).click();
  const id = await focusLandsOn(page, /^f-item-\d+-detail$/);
  assert.match(await page.locator('.step-form h2').textContent(), /^（一）/);
  assert.equal(await page.locator(`#${id.replace('detail', 'lead')}`).inputValue(), '认真履行推进法治建设第一责任人职责');
  await goToStep(page, /生成报告/);
  assert.deepEqual(await review.locator('.statutory li').evaluateAll((l) => l.map((x) => x.className)), ['yes', 'yes', 'yes', 'yes', 'optional']);
  await context.close();
});

test('a zero-width space typed into a field is deleted in one click: field, preview, saved draft and change event', async () => {
  const { context, page, seen } = await openTool(browser);
  await page.evaluate(() => {
    window.__changes = [];
    document.addEventListener('fazhi-report:change', (e) => window.__changes.push(e.detail.text));
  });
  await field(page, '发文机关').fill('张家港市\u200B科学技术局');
  // Once typing rests the badge counts the warning; it opens the review.
  await page.locator('.badge', { hasText: '1 处注意' }).click();
  const review = page.locator('section.checks');
  const finding = review.locator('.finding', { hasText: '“张家港市”之后有1个看不见的字符' });
  // The finding that will take its place: the next one, or the one before if it is last.
  const rows = await review.locator('ul.findings > li').allTextContents();
  const at = rows.findIndex((t) => t.includes('“张家港市”之后有1个看不见的字符'));
  const successor = rows[at + 1] ?? rows[at - 1];
  await finding.getByRole('button', { name: '删除这些字符' }).click();
  assert.equal(await eventually(() => finding.count(), (n) => n === 0), 0);
  // The pressed button went with its finding: focus goes to the finding now in its place
  // (or the list's last), not to the start of the page, so a keyboard user keeps their place.
  const focusedIn = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    const row = el && el.closest('section.checks ul.findings > li');
    return row ? `${el.tagName}:${row.textContent}` : (el ? el.tagName : '');
  });
  assert.equal(await eventually(focusedIn, (f) => f.startsWith('BUTTON:')), `BUTTON:${successor}`);
  // Nothing else of the review went with it, and no other finding offers the button.
  assert.ok(await review.locator('.finding').count() > 0);
  assert.equal(await review.getByRole('button', { name: '删除这些字符' }).count(), 0);
  const stored = () => page.evaluate(() => {
    const ns = 'fazhi-report/v1/default/';
    return JSON.parse(localStorage.getItem(ns + 'draft/' + localStorage.getItem(ns + 'current')))?.draft.header.organ;
  });
  assert.equal(await eventually(stored, (o) => o === '张家港市科学技术局'), '张家港市科学技术局');
  await page.waitForFunction(() => window.__changes.at(-1)?.includes('张家港市科学技术局'));
  assert.ok(!(await page.evaluate(() => window.__changes.at(-1))).includes('\u200B'));
  assert.match(await page.locator('.preview .paper').textContent(), /张家港市科学技术局/);
  await goToStep(page, '文头');
  assert.equal(await field(page, '发文机关').inputValue(), '张家港市科学技术局');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a zero-width space after the 报告年度 gets its fix, not a format error; fixed, the title has its year', async () => {
  const { context, page, seen } = await openTool(browser);
  await field(page, '发文机关').fill('某局');
  await field(page, '报告年度').fill('2023\u200B');
  await goToStep(page, /生成报告/);
  const review = page.locator('section.checks');
  const finding = review.locator('.finding', { hasText: '“2023”之后有1个看不见的字符' });
  await finding.waitFor();
  assert.equal(await review.locator('.finding', { hasText: '应为四位阿拉伯数字' }).count(), 0);
  await finding.getByRole('button', { name: '删除这些字符' }).click();
  assert.equal(await eventually(() => finding.count(), (n) => n === 0), 0);
  await page.locator('.preview .paper', { hasText: '某局2023年度法治政府建设情况报告' }).waitFor();
  // The 红头's 发文机关标志 is checked while the 红头 is chosen; 定位 reaches it.
  await page.getByLabel(/^红头/).check();
  await field(page, '发文机关标志').fill('某局\u200B');
  await field(page, '发文机关标志').blur();
  await review.locator('.finding', { hasText: '“某局”之后有1个看不见的字符' }).getByRole('button', { name: /^定位/ }).click();
  await focusLandsOn(page, 'f-mark');
  await goToStep(page, '文头');
  assert.equal(await field(page, '报告年度').inputValue(), '2023');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('pasting last year\'s report (raw PDF text) fills the draft; the date warning leads to the date field', async () => {
  const { context, page, seen } = await openTool(browser);
  const raw = readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-raw.txt'), 'utf8');
  await page.getByText('从去年的报告开始：粘贴全文导入').click();
  await field(page, '粘贴报告全文').fill(raw);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
  assert.equal(await field(page, '发文机关').inputValue(), '张家港市科学技术局');
  assert.equal(await field(page, '序号').inputValue(), '5');
  assert.equal(await outputText(page), REPORT);
  // The review names the date slip; 定位 lands on the date field.
  const review = page.locator('section.checks');
  await review.locator('.finding', { hasText: '与报告年度2022不符' }).getByRole('button', { name: /^定位/ }).click();
  await focusLandsOn(page, 'f-date');
  assert.equal(await field(page, '成文日期').inputValue(), '2022年2月17日', 'the date is shown as it will print');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('importing over a draft asks first; 年份前移 reuses last year\'s report', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('已有内容的局');
  await goToStep(page, /生成报告/);
  await page.getByLabel(/条目首句加粗/).check();
  await goToStep(page, '文头');
  await page.getByText('从去年的报告开始：粘贴全文导入').click();
  await field(page, '粘贴报告全文').fill(REPORT);
  page.once('dialog', (d) => d.dismiss());
  await page.getByRole('button', { name: '导入', exact: true }).click();
  assert.equal(await field(page, '发文机关').inputValue(), '已有内容的局', 'declined: nothing replaced');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '导入', exact: true }).click();
  assert.equal(await field(page, '发文机关').inputValue(), '张家港市科学技术局');
  // The text is replaced; the writer's output choice is not.
  await goToStep(page, /生成报告/);
  assert.ok(await page.getByLabel(/条目首句加粗/).isChecked());
  await goToStep(page, '文头');
  await page.getByRole('button', { name: '年份前移一年（沿用去年的报告）' }).click();
  assert.equal(await field(page, '报告年度').inputValue(), '2023');
  assert.equal(await field(page, '发文年份').inputValue(), '2024');
  assert.equal(await field(page, '序号').inputValue(), '');
  const text = await outputText(page);
  assert.match(text, /^张家港市科学技术局\n\n张科发〔2024〕号\n\n张家港市科学技术局2023年度法治政府建设情况报告\n/);
  assert.match(text, /\n一、2023年法治建设工作开展情况\n/);
  assert.match(text, /\n三、2024年法治工作计划\n/);
  // The body is last year's: its opening still starts with 2022年, and 定位 leads to it.
  const stale = page.locator('.finding', { hasText: '开头段以“2022年”开头，而报告年度是2023年' });
  await stale.getByRole('button', { name: /^定位/ }).click();
  await focusLandsOn(page, 'f-opening');
  await field(page, '开头段').fill((await field(page, '开头段').inputValue()).replace(/^2022年/, '2023年'));
  await goToStep(page, /生成报告/);
  // Checks of the whole text run once typing rests.
  assert.equal(await eventually(() => stale.count(), (n) => n === 0), 0);
  await context.close();
});

test('switching the report structure keeps every piece of text', async () => {
  const { context, page } = await openTool(browser);
  await typeSample(page);
  const before = await outputText(page);
  await goToStep(page, '文头');
  await page.getByRole('radio', { name: /规定五项/ }).check();
  await page.getByRole('alert').filter({ hasText: '已切换为“规定五项（五段式）”' }).waitFor();
  const steps = await page.getByRole('navigation', { name: '报告各部分' }).getByRole('button').allTextContents();
  assert.ok(steps.some((s) => s.startsWith('三、党政主要负责人履行推进法治建设第一责任人职责情况')), steps.join('|'));
  assert.ok(steps.some((s) => s.startsWith('五、其他需要报告的情况')));
  const a = await outputText(page);
  assert.match(a, /\n一、2022年推进法治政府建设的主要举措和成效\n\n（一）加强组织领导，推进依法行政能力建设\n/);
  assert.match(a, /\n二、2022年推进法治政府建设存在的不足和原因\n\n今年以来，我局积极开展/);
  // And back: the same report as before.
  await goToStep(page, '文头');
  await page.getByRole('radio', { name: /部门简版/ }).check();
  assert.equal(await outputText(page), before);
  await context.close();
});
