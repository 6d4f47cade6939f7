// Typing key by key into the fields that feed only their own part of the report (a 小节's
// title, an item's 要点 and 具体内容) notifies only what shows that text (Editor::type_into),
// not every reader of the draft. Here: everything on screen that shows such text follows each
// keystroke all the same, the checks of the whole text and the autosave see it with no other
// change to wake them, and with two tools on one page (which share the fields' triggers)
// each keeps its own text and one goes on after the other is unmounted. That the rest of
// the page stays asleep is what `node scripts/bench.mjs typing` measures, not a test.
// Real key presses (one input event each), not `fill`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, openTool, heading, field, waitSaved, goToStep, itemGroup, SINGLE_FILE, focusLandsOn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const steps = (page) => page.getByRole('navigation', { name: '报告各部分' });
const paper = (page) => page.locator('.preview .paper');

test('what shows typed text follows each keystroke, and the rest of the page is left as it was', async () => {
  const { context, page } = await openTool(browser);
  await field(page, '发文机关').fill('张家港市科学技术局');
  await field(page, '报告年度').fill('2022');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '下一步' }).click();
  await goToStep(page, /^（一）/);

  // The 小节's title: its step's heading, its link in the step list and the preview.
  const title = field(page, '小节标题');
  await title.click();
  await page.keyboard.type('党建引');
  await page.keyboard.type('领', { delay: 20 });
  assert.equal(await heading(page).textContent(), '（一）党建引领');
  assert.equal(await steps(page).getByRole('button', { name: /^（一）党建引领/ }).count(), 1);
  await paper(page).getByText('（一）党建引领').waitFor({ timeout: 2000 });

  // Items: the count under 具体内容, the numbering words (an empty item has none, a lone
  // filled one neither), and the hint against numbers typed by hand.
  const first = itemGroup(page, 0);
  await field(first, '具体内容').click();
  await page.keyboard.type('完善制度');
  assert.match(await first.locator('.count').textContent(), /^4\s*字$/);
  assert.doesNotMatch(await first.locator('legend').textContent(), /一是/, 'a lone filled item has no word');
  await page.getByRole('button', { name: '添加一条' }).click();
  // The new item takes the cursor a frame later; clicking elsewhere before that loses it.
  await focusLandsOn(page, /^f-item-\d+-lead$/);
  const second = itemGroup(page, 1);
  await field(second, '具体内容').click();
  await page.keyboard.type('加');
  assert.match(await first.locator('legend').textContent(), /一是/, 'the second item filled: words appear');
  assert.match(await second.locator('legend').textContent(), /二是/);
  await page.keyboard.press('Backspace');
  assert.doesNotMatch(await first.locator('legend').textContent(), /一是/, 'emptied again: words go');
  await page.keyboard.type('强执法');
  await field(first, '要点（一句话概括）').click();
  await page.keyboard.type('一是');
  await assert.doesNotReject(first.getByText('编号由工具自动生成').waitFor({ timeout: 1000 }));
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await first.getByText('编号由工具自动生成').waitFor({ state: 'detached', timeout: 1000 });

  // The checks of the whole text run once typing rests, woken by typing alone: a number
  // typed by hand is reported in the step's findings, with no step change or other edit.
  await waitSaved(page);
  await field(second, '要点（一句话概括）').click();
  await page.keyboard.type('（一）');
  await page.locator('.findings.compact').getByText('手工输入的编号').waitFor({ timeout: 3000 });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  await page.locator('.findings.compact').getByText('手工输入的编号').waitFor({ state: 'detached', timeout: 3000 });

  // The autosave sees typing alone too: the text reaches storage with no step change, no
  // other edit and no reload.
  await waitSaved(page);
  await field(first, '具体内容').click();
  await page.keyboard.press('End');
  await page.keyboard.type('并落实');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('fazhi-report/')
    && (localStorage.getItem(k) || '').includes('完善制度并落实')), null, { timeout: 3000 });

  // Nothing else took the text: 文头 still holds what was typed there.
  await goToStep(page, /^文头/);
  assert.equal(await field(page, '发文机关').inputValue(), '张家港市科学技术局');
  assert.equal(await field(page, '报告年度').inputValue(), '2022');

  // Saved, and back after a reload.
  await waitSaved(page);
  await page.reload();
  await field(page, '发文机关').waitFor();
  await goToStep(page, /^（一）党建引领/);
  assert.equal(await field(page, '小节标题').inputValue(), '党建引领');
  assert.equal(await field(itemGroup(page, 0), '具体内容').inputValue(), '完善制度并落实');
  assert.equal(await field(itemGroup(page, 1), '具体内容').inputValue(), '强执法');
  await context.close();
});

test('two tools on one page: each keeps its own text, and one goes on after the other is unmounted', async () => {
  // The standalone file's script, loaded by a page with two hosts, each with its own draft.
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-typing-'));
  const script = readFileSync(SINGLE_FILE.replace(/\.html$/, '.js'), 'utf8');
  writeFileSync(join(dir, 'fazhi-report.js'), script);
  writeFileSync(join(dir, 'two.html'), `<!doctype html><meta charset="utf-8"><title>two</title>
<div id="a" data-fazhi-report data-namespace="typing-a"></div>
<div id="b" data-fazhi-report data-namespace="typing-b"></div>
<script src="fazhi-report.js"></script>`);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(pathToFileURL(join(dir, 'two.html')).href);
  const a = page.locator('#a');
  const b = page.locator('#b');
  for (const tool of [a, b]) {
    await field(tool, '发文机关').fill('某局');
    await field(tool, '报告年度').fill('2022');
    await tool.getByRole('button', { name: '下一步' }).click();
    await tool.getByRole('button', { name: '下一步' }).click();
    await tool.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /^（一）/ }).click();
    // Focus goes to the step's heading a frame later, and must not take the typing below.
    await focusLandsOn(page, await tool.locator('.step-form h2').getAttribute('id'));
  }
  // Both show 小节 1 of their own draft: the same field (same id) in each.
  await field(b, '小节标题').click();
  await page.keyboard.type('乙');
  await field(a, '小节标题').click();
  await page.keyboard.type('甲甲');
  assert.equal(await field(a, '小节标题').inputValue(), '甲甲');
  assert.equal(await field(b, '小节标题').inputValue(), '乙');
  assert.equal(await a.locator('.step-form h2').textContent(), '（一）甲甲');
  assert.equal(await b.locator('.step-form h2').textContent(), '（一）乙');
  // B goes; A, whose fields' triggers B shared, goes on following its keystrokes.
  await page.evaluate(() => window.FazhiReport.mount(document.getElementById('b')).unmount());
  await field(a, '小节标题').click();
  await page.keyboard.press('End');
  await page.keyboard.type('丙');
  assert.equal(await a.locator('.step-form h2').textContent(), '（一）甲甲丙');
  assert.equal(await a.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name: /^（一）甲甲丙/ }).count(), 1);
  await context.close();
});
