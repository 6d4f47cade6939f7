// Shared by the browser tests: opening the built single file, typing the sample.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { launch, watch } from './browser.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SINGLE_FILE = join(ROOT, 'dist', 'fazhi-report.html');
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;
export const REPORT = readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt'), 'utf8');
export const TYPED = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-typed.json'), 'utf8'));

export { launch, watch };

/** A new browser profile (empty storage) with one page on the single file. */
export async function openTool(browser, { viewport = { width: 1440, height: 900 }, url = SINGLE_FILE_URL } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(url);
  await field(page, '发文机关').waitFor();
  return { context, page, seen };
}

export const heading = (page) => page.locator('.step-form h2');

/** The form control labelled `label` (a step's region carries the same name as its field). */
export function field(scope, label) {
  return scope.getByLabel(label, { exact: true }).and(scope.locator('input, textarea'));
}
export const saveState = (page) => page.locator('.save-state');

export async function waitSaved(page) {
  await page.locator('.save-state', { hasText: '已自动保存' }).waitFor({ timeout: 5000 });
}

export async function goToStep(page, name) {
  await page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();
}

/** Item group n (0-based) of the list on screen. */
export function itemGroup(page, n) {
  return page.locator('li.item:not(.subsection) fieldset').nth(n);
}

/** Fills a list on the current step with `items`, adding rows as needed. */
export async function fillItems(page, items) {
  const rows = page.locator('li.item:not(.subsection)');
  for (let i = 0; i < items.length; i++) {
    if ((await rows.count()) <= i) await page.getByRole('button', { name: '添加一条' }).click();
    const group = itemGroup(page, i);
    await field(group, '要点（一句话概括）').fill(items[i].lead);
    await field(group, '具体内容').fill(items[i].detail);
  }
}

/** Text of the output textarea on the 生成报告 step. */
export async function outputText(page) {
  await goToStep(page, /生成报告/);
  return field(page, '报告全文（只读，可全选复制）').inputValue();
}

/** Types the whole sample report through the form, the plain way (no reordering). */
export async function typeSample(page, typed = TYPED) {
  await field(page, '发文机关').fill(typed.organ);
  await field(page, '报告年度').fill(typed.year);
  await field(page, '机关代字').fill(typed.doc_agency);
  await field(page, '发文年份').fill(typed.doc_year);
  await field(page, '序号').fill(typed.doc_serial);
  await goToStep(page, '开头段');
  await field(page, '开头段').fill(typed.opening);
  await goToStep(page, /^一、/);
  for (let s = 1; s < typed.work.length; s++) await page.getByRole('button', { name: '添加小节', exact: true }).click();
  const subs = page.locator('li.subsection');
  for (let s = 0; s < typed.work.length; s++) await field(subs.nth(s), '小节标题').fill(typed.work[s].title);
  for (let s = 0; s < typed.work.length; s++) {
    await goToStep(page, new RegExp('^（' + '一二三四五六七八九十'[s] + '）'));
    await fillItems(page, typed.work[s].items);
  }
  for (const [n, key] of [['二', 'problems'], ['三', 'plan']]) {
    await goToStep(page, new RegExp('^' + n + '、'));
    await field(page, '引言段').fill(typed[key].lead);
    await fillItems(page, typed[key].items);
  }
  await goToStep(page, '落款');
  await field(page, '成文日期').fill(typed.date);
  await field(page, '附注').fill(typed.note);
}

/** The element that has keyboard focus, looking inside shadow roots. */
export function focusedId(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.id : '';
  });
}

// GB/T 9704 7.5 on A4: odd page numbers end, even ones start, one 4号 character (14 pt)
// inside the text block (28 mm from the left edge, 26 mm from the right), in points.
const MM = 72 / 25.4;
export const ODD_NUMBER_ENDS = 595.28 - 26 * MM - 14;
export const EVEN_NUMBER_STARTS = 28 * MM + 14;

/** Where "— N —" sits on page n: the leftmost and rightmost x of its words, in points. */
export function pageNumberBox(pdf, n) {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), text: m[4] }));
  const footerY = Math.max(...words.map((w) => w.y));
  const line = words.filter((w) => Math.abs(w.y - footerY) < 1);
  assert.equal(line.map((w) => w.text).join(' '), `— ${n} —`);
  return { xMin: Math.min(...line.map((w) => w.xMin)), xMax: Math.max(...line.map((w) => w.xMax)) };
}

