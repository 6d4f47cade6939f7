// The print view: A4 pages by GB/T 9704, the same text as the tool's output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openTool, REPORT, typeSample, goToStep, pageNumberBox, ODD_NUMBER_ENDS, EVEN_NUMBER_STARTS } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the print view prints the sample report on A4 pages', async () => {
  const { context, page, seen } = await openTool(browser);
  await typeSample(page);
  await goToStep(page, /生成报告/);
  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: /打印 \/ 另存为 PDF/ }).click(),
  ]);
  await popup.waitForLoadState();
  // The same paragraphs as the plain text, in order.
  const paragraphs = await popup.locator('body > p').allTextContents();
  assert.equal(paragraphs.join(''), REPORT.replace(/\n/g, ''));
  // The title, too long for one line, breaks after the organ (GB/T 9704: whole words).
  assert.deepEqual(await popup.locator('p.title').allTextContents(), ['张家港市科学技术局', '2022年度法治政府建设情况报告']);
  // Headless print to PDF with the page's own @page size.
  const bytes = await popup.pdf({ preferCSSPageSize: true, printBackground: false });
  const pdf = bytes.toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(boxes.length >= 2, `a report of this length takes several pages (${boxes.length})`);
  for (const [w, h] of boxes) {
    // A4 is 595.3 × 841.9 points.
    assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `page ${w} × ${h} pt is A4`);
  }
  // The PDF's own text (poppler's pdftotext, lines as set): the report, and "— N —" on
  // every page.
  const file = join(mkdtempSync(join(tmpdir(), 'fazhi-print-')), 'print.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const numbers = [...text.matchAll(/^\s*—\s*(\d+)\s*—\s*$/gm)].map((m) => Number(m[1]));
  assert.deepEqual(numbers, boxes.map((_, i) => i + 1));
  const body = text.replace(/^\s*—\s*\d+\s*—\s*$/gm, '').replace(/\s+/g, '');
  assert.equal(body, REPORT.replace(/\s+/g, ''));
  // Right on odd pages, left on even pages, where the .docx puts them.
  const [odd, even] = [1, 2].map((n) => pageNumberBox(file, n));
  assert.ok(Math.abs(odd.xMax - ODD_NUMBER_ENDS) < 2, `odd page number ends at ${odd.xMax}`);
  assert.ok(Math.abs(even.xMin - EVEN_NUMBER_STARTS) < 2, `even page number starts at ${even.xMin}`);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
