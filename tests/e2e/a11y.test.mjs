// Accessibility: axe-core on every step of a filled draft (and of a new one), in the states
// a clerk passes through (an undo row after 删除, a date that is not a date), on the drafts
// page, the output step with its review, and the embedding example: zero violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, openTool, ROOT, field, goToStep, typeSample, itemGroup } from './helpers.mjs';
import { serve } from './server.mjs';
import { audit } from './axe.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(ROOT); });
after(async () => { await browser?.close(); await server?.close(); });

const stepNames = (page) => page.getByRole('navigation', { name: '报告各部分' }).locator('.step-link .step-title').allTextContents();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Opens the step whose title is exactly `name` (a subsection's reorder buttons name it too). */
async function openStep(page, name) {
  await page.getByRole('navigation', { name: '报告各部分' }).locator('.step-link')
    .filter({ has: page.locator('.step-title', { hasText: new RegExp(`^${escape(name)}$`) }) }).click();
  await page.locator('.step-form h2', { hasText: name }).waitFor();
}

test('every step, new and filled, the undo row and a wrong date: no axe violations', async () => {
  const { context, page, seen } = await openTool(browser, { viewport: { width: 1366, height: 768 } });
  const found = [];
  // A brand-new draft, every step.
  for (const name of await stepNames(page)) {
    await openStep(page, name);
    found.push(...(await audit(page, `new: ${name}`)));
  }
  // The sample typed in, every step (five subsections among them).
  await goToStep(page, '文头');
  await typeSample(page);
  const names = await stepNames(page);
  assert.ok(names.length >= 12, names.join('|'));
  for (const name of names) {
    await openStep(page, name);
    found.push(...(await audit(page, `filled: ${name}`)));
  }
  // An item removed: the undo row in its place.
  await goToStep(page, /^三、/);
  await itemGroup(page, 1).getByRole('button', { name: /^删除/ }).click();
  await page.locator('li.removed').waitFor();
  found.push(...(await audit(page, 'undo row')));
  await page.getByRole('button', { name: /^撤销/ }).click();
  // A 小节 removed on the part's page: undone in place too, title and items back.
  await goToStep(page, /^一、/);
  await page.getByRole('button', { name: '删除小节（五）' }).click();
  assert.equal(await page.locator('li.subsection').count(), 4);
  const undoSub = page.getByRole('button', { name: '撤销删除小节（五）' });
  await undoSub.waitFor();
  assert.equal(await page.locator('li.removed').count(), 1);
  found.push(...(await audit(page, 'undo row (小节)')));
  await undoSub.click();
  assert.equal(await page.locator('li.subsection').count(), 5);
  assert.equal(await field(page.locator('li.subsection').nth(4), '小节标题').inputValue(), '推进政务公开，强化权力监督制约机制');
  // A date that is not a date, explained beside the field.
  await goToStep(page, '落款');
  await field(page, '成文日期').fill('2023年2月30日');
  await field(page, '附注').focus();
  await page.locator('#f-date-hint.error').waitFor();
  found.push(...(await audit(page, 'invalid date')));
  // The drafts page.
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.getByRole('heading', { name: '我的草稿' }).waitFor();
  // The pointer rests on the top bar's button (its hover colour is audited too).
  await page.getByRole('button', { name: '返回编辑', exact: true }).hover();
  found.push(...(await audit(page, 'drafts page')));
  assert.deepEqual(found, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the embedding example (two instances in a hostile page): no axe violations', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/examples/intranet.html`);
  await field(page.locator('#keji'), '发文机关').waitFor();
  await field(page.locator('#sifa'), '发文机关').waitFor();
  assert.deepEqual(await audit(page, 'intranet.html'), []);
  await context.close();
});
