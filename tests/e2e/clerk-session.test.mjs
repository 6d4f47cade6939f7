// A clerk's whole session on a 1366×768 office screen, keyboard only: the sample typed in
// (the 小节 added from inside a 小节), an item deleted and undone, the sidebar reordering a
// 小节, the date in each way clerks write it (and two that are not dates), export, then
// 年份前移一年 for next year's report. Screenshots of each step go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openTool, ROOT, REPORT, TYPED, field, nextFrame } from './helpers.mjs';

const SHOTS = join(ROOT, 'target', 'screenshots');
const VIEWPORT = { width: 1366, height: 768 };

let browser;
before(async () => { browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); });

/** The focused element (inside the shadow root too): id, accessible name, tag. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const visible = el.cloneNode(true);
    visible.querySelectorAll('[aria-hidden="true"], .visually-hidden').forEach((x) => x.remove());
    return { id: el.id, name: (el.getAttribute('aria-label') || visible.textContent || '').trim(), tag: el.tagName.toLowerCase(), value: el.value ?? null };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches. */
async function tabTo(page, match, { back = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    const f = await focused(page);
    if (f && match(f)) return f;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`never reached by ${back ? 'Shift+Tab' : 'Tab'}; at ${JSON.stringify(await focused(page))}`);
}
/** Waits (focus moves a frame later) until the focused element's id matches. */
async function focusLands(page, re, what) {
  for (let i = 0; i < 40; i++) {
    const f = await focused(page);
    if (f && re.test(f.id)) return f;
    await page.waitForTimeout(25);
  }
  assert.fail(`${what}: focus is on ${JSON.stringify(await focused(page))}`);
}
const byId = (re) => (f) => re.test(f.id);
const byName = (re) => (f) => f.tag === 'button' && re.test(f.name);

/** Types into the focused field, replacing what it holds. */
async function typeHere(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** Tabs to a button and presses it, then lets the frame after it pass: the tool moves focus
 * then (to a step's heading, a new field, a moved button), and keys pressed before that
 * frame would act where focus was (a busy machine delays the frame). */
async function press(page, name, opts) {
  await tabTo(page, byName(name), opts);
  await page.keyboard.press('Enter');
  await nextFrame(page);
}

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SHOTS, `clerk-${String(shot).padStart(2, '0')}-${name}.png`) });
}

const heading = (page) => page.locator('.step-form h2').textContent();
const stepPos = (page) => page.locator('.step-pos').textContent();

/** True when the element is wholly inside the viewport. */
async function onScreen(locator) {
  const box = await locator.boundingBox();
  return !!box && box.y >= 0 && box.y + box.height <= VIEWPORT.height && box.x >= 0 && box.x + box.width <= VIEWPORT.width;
}

/** Items of the current list: lead (Tab) detail, adding rows with 添加一条 when none is left. */
async function typeItems(page, items) {
  const rows = page.locator('li.item:not(.subsection)');
  for (let i = 0; i < items.length; i++) {
    if (i < (await rows.count())) {
      const id = await rows.nth(i).locator('input').first().getAttribute('id');
      await tabTo(page, (f) => f.id === id);
    } else {
      await press(page, /^添加一条$/);
      await focusLands(page, /^f-item-\d+-lead$/, 'a new item puts the cursor in its 要点');
    }
    await page.keyboard.type(items[i].lead);
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).id, /^f-item-\d+-detail$/);
    await page.keyboard.type(items[i].detail);
  }
}

test('a clerk\'s whole session at 1366×768, keyboard only', async () => {
  const { context, page, seen } = await openTool(browser, { viewport: VIEWPORT });

  // Arrival: the first field is on screen without scrolling; a new draft has things to fill, no warnings.
  assert.ok(await onScreen(field(page, '发文机关')), '发文机关 visible on arrival at 1366×768');
  assert.match(await page.locator('.badge').first().textContent(), /^检查：待填写 \d+ 处$/);
  await screenshot(page, 'arrival');

  // 文头
  await tabTo(page, byId(/^f-organ$/));
  await page.keyboard.type(TYPED.organ);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'f-year');
  await page.keyboard.type(TYPED.year);
  await tabTo(page, byId(/^f-doc-agency$/));
  await page.keyboard.type(TYPED.doc_agency);
  await tabTo(page, byId(/^f-doc-year$/));
  await page.keyboard.type(TYPED.doc_year);
  await tabTo(page, byId(/^f-doc-serial$/));
  await page.keyboard.type(TYPED.doc_serial);
  await screenshot(page, 'header');
  await press(page, /^下一步/);

  // 开头段
  assert.equal(await heading(page), '开头段');
  await tabTo(page, byId(/^f-opening$/));
  await page.keyboard.type(TYPED.opening);
  await screenshot(page, 'opening');
  await press(page, /^下一步/);

  // 一、: the first 小节's title here, then into it; each next 小节 is added from inside the last one.
  assert.equal(await heading(page), '一、2022年法治建设工作开展情况');
  assert.equal(await stepPos(page), '第 3 步，共 7 步');
  await tabTo(page, byId(/^f-sub-\d+-title$/));
  await page.keyboard.type(TYPED.work[0].title);
  await screenshot(page, 'part-1');
  await press(page, /^编辑条目/);
  // One item: the form names it as the preview prints it, without 一是.
  assert.equal(await page.locator('li.item legend').first().textContent(), '第一条');
  await page.getByText('只有一条时，报告中不编“一是”。').waitFor();
  for (let s = 0; s < TYPED.work.length; s++) {
    const n = '一二三四五'[s];
    if (s > 0) {
      await press(page, /^再添加一个小节$/);
      await focusLands(page, /^f-sub-\d+-title$/, 'the new 小节 opens with the cursor in its title');
      await page.keyboard.type(TYPED.work[s].title);
    }
    assert.equal(await heading(page), `（${n}）${TYPED.work[s].title}`);
    // The count is of parts: adding 小节 does not move it.
    assert.equal(await stepPos(page), `第 3 步，共 7 步 · 小节 ${s + 1}/${s + 1}`);
    await typeItems(page, TYPED.work[s].items);
    await screenshot(page, `subsection-${s + 1}`);
  }
  // The sidebar shows whole titles and reorders 小节: （五） up, then back down.
  const nav = page.getByRole('navigation', { name: '报告各部分' });
  const fifth = `（五）${TYPED.work[4].title}`;
  const title5 = nav.locator('.step-title', { hasText: TYPED.work[4].title });
  const box = await title5.boundingBox();
  assert.ok(box.height > 25, `a long title wraps instead of being cut (${box.height}px)`);
  assert.equal(await title5.evaluate((el) => el.scrollWidth <= el.clientWidth), true, 'nothing cut off');
  await press(page, new RegExp(`^上移：${fifth.replace(/[()（）]/g, '.')}$`), { back: true });
  assert.equal(await nav.locator('.step-title').nth(6).textContent(), `（四）${TYPED.work[4].title}`);
  // Focus stays on the moved 小节's 上移 (put back after the move), so Tab reaches its 下移.
  await focusLands(page, /^nav-sub-up-\d+$/, 'focus follows the moved 小节');
  await page.keyboard.press('Tab');
  assert.match((await focused(page)).name, /^下移：（四）/);
  await page.keyboard.press('Enter');
  await nextFrame(page);
  assert.equal(await nav.locator('.step-title').nth(7).textContent(), fifth);
  await screenshot(page, 'sidebar-reordered');

  // 二、: lead and items; a third item typed, deleted, undone where the eye is, deleted again.
  await press(page, /^下一步/);
  assert.match(await heading(page), /^二、/);
  await tabTo(page, byId(/^f-part-1-lead$/));
  await page.keyboard.type(TYPED.problems.lead);
  await typeItems(page, TYPED.problems.items);
  await press(page, /^添加一条$/);
  await focusLands(page, /^f-item-\d+-lead$/, 'the third item');
  await page.keyboard.type('临时加的一条');
  await press(page, /^删除第三条/, { back: true });
  await focusLands(page, /^undo-item$/, 'focus on 撤销 after 删除');
  const undo = page.getByRole('button', { name: /^撤销删除第三条$/ });
  assert.equal((await focused(page)).name, '撤销删除第三条', 'focus on 撤销, where the item was');
  assert.ok(await onScreen(undo), 'the undo button is on screen');
  await screenshot(page, 'undo');
  await page.waitForTimeout(3000); // long enough to use: still there seconds later
  assert.ok(await undo.isVisible());
  await page.keyboard.press('Enter');
  await focusLands(page, /^f-item-\d+-lead$/, 'undone');
  assert.equal((await focused(page)).value, '临时加的一条', 'undone: the item is back, the cursor in it');
  await press(page, /^删除第三条/, { back: true });
  assert.equal(await page.locator('li.item').count(), 2);
  await press(page, /^下一步/);

  // 三、
  assert.match(await heading(page), /^三、2023年/);
  await tabTo(page, byId(/^f-part-2-lead$/));
  await page.keyboard.type(TYPED.plan.lead);
  await typeItems(page, TYPED.plan.items);
  await screenshot(page, 'part-3');
  await press(page, /^下一步/);

  // 落款: the date as clerks write it; each is read the same and shown back in Chinese.
  assert.equal(await heading(page), '落款');
  await tabTo(page, byId(/^f-date$/));
  const hint = page.locator('#f-date-hint');
  for (const typed of ['2022年2月17日', '2022-2-17', '2022.2.17', '2022/02/17', '20220217', '２０２２年２月１７日', '２０２２－０２－１７']) {
    await typeHere(page, typed);
    assert.equal(await hint.textContent(), '将写作：2022年2月17日', typed);
    await page.keyboard.press('Tab');
    assert.equal(await field(page, '成文日期').inputValue(), '2022年2月17日', `${typed} is shown back in Chinese`);
    await page.keyboard.press('Shift+Tab');
  }
  // Not dates: kept as typed, explained beside the field, never read as another date.
  for (const [typed, why] of [['2023年2月30日', '2023年2月没有30日'], ['2023-13-01', '没有13月'], ['23年2月17日', '年份请写全四位']]) {
    await typeHere(page, typed);
    await page.keyboard.press('Tab');
    assert.equal(await field(page, '成文日期').inputValue(), typed, 'what was typed stays');
    assert.equal(await field(page, '成文日期').getAttribute('aria-invalid'), 'true');
    assert.match(await hint.textContent(), new RegExp(why));
    if (typed === '2023年2月30日') await screenshot(page, 'date-invalid');
    await page.keyboard.press('Shift+Tab');
  }
  await typeHere(page, '2022年2月17日');
  await tabTo(page, byId(/^f-note$/));
  await typeHere(page, TYPED.note);
  await screenshot(page, 'closing');
  await press(page, /^下一步/);

  // 生成报告: the text equals the fixture; export as .txt with the keyboard.
  assert.equal(await heading(page), '生成报告');
  assert.equal(await field(page, '报告全文（只读，可全选复制）').inputValue(), REPORT);
  await screenshot(page, 'output');
  await tabTo(page, byName(/^下载 \.txt 文本$/));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(readFileSync(await download.path()).subarray(3).toString('utf8').replace(/\r\n/g, '\n'), REPORT);

  // Next year: 年份前移一年 clears the serial and the date, and says so.
  await press(page, /^文头/, { back: true });
  assert.equal(await heading(page), '文头');
  await press(page, /^年份前移一年/);
  assert.equal(await field(page, '序号').inputValue(), '');
  const badge = await page.locator('.badge').first().textContent();
  assert.match(badge, /待填写 2 处/, badge);
  const headerDot = nav.locator('.step-link', { hasText: '文头' }).locator('.dot');
  assert.match(await headerDot.getAttribute('class'), /started/, '文头 is not complete without its serial');
  assert.match(await page.locator('.field-foot, .hint').filter({ hasText: '张科发〔2024〕' }).first().textContent(), /张科发〔2024〕号/);
  await screenshot(page, 'year-shifted');
  await press(page, /^检查：/, { back: true });
  const review = page.locator('section.checks');
  await review.waitFor();
  const messages = await review.locator('.finding .msg').allTextContents();
  assert.ok(messages.some((m) => m.includes('发文字号缺少序号') && m.includes('张科发〔2024〕号')), messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('尚未填写成文日期')), messages.join('\n'));
  await screenshot(page, 'review-after-shift');

  assert.deepEqual(seen.errors, []);
  await context.close();
});
