// The writer's guide in the page: the sample's wrong date is flagged where it is typed and
// in the review; a click lands on the date field; a missing statutory item is added in one click.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openTool, TYPED, field, goToStep, typeSample, focusedId } from './helpers.mjs';

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
  await page.waitForTimeout(100);
  assert.equal(await focusedId(page), 'f-date');
  assert.equal(await page.locator('.step-form h2').textContent(), '落款');
  // Fixing the date clears the finding.
  await field(page, '成文日期').fill('2023-02-17');
  await page.waitForTimeout(50);
  assert.equal(await page.getByRole('list', { name: '本步检查结果' }).locator('.finding', { hasText: '成文日期' }).count(), 0);
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
  await page.waitForTimeout(100);
  assert.match(await page.locator('.step-form h2').textContent(), /^（一）/);
  const id = await focusedId(page);
  assert.match(id, /^f-item-\d+-detail$/);
  assert.equal(await page.locator(`#${id.replace('detail', 'lead')}`).inputValue(), '认真履行推进法治建设第一责任人职责');
  await goToStep(page, /生成报告/);
  assert.deepEqual(await review.locator('.statutory li').evaluateAll((l) => l.map((x) => x.className)), ['yes', 'yes', 'yes', 'yes', 'optional']);
  await context.close();
});
