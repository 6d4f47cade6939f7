// The print view (Chromium's PDF) and the .docx (LibreOffice's PDF) break lines and pages
// in the same places: for the sample and two longer reports, with and without the 红头,
// every page starts and ends with the same line in both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openTool, goToStep } from './helpers.mjs';
import { toPdfs, pageLines } from './pdf.mjs';
import { sampleDraft, longDraft, denseDraft, loadStored } from './reports.mjs';

let browser;
const dir = mkdtempSync(join(tmpdir(), 'fazhi-pages-'));
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const REPORTS = [
  ['sample', () => sampleDraft()],
  ['sample-red', () => sampleDraft(undefined, { masthead: 'red', imprint: true, copy_to: '市依法治市办，市司法局' })],
  ['long', () => longDraft()],
  ['dense', () => denseDraft()],
];

test('the print view and the .docx break pages at the same lines', async () => {
  const { context, page, seen } = await openTool(browser);
  const made = [];
  for (const [name, draft] of REPORTS) {
    await loadStored(page, draft());
    await goToStep(page, /生成报告/);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: /打印 \/ 另存为 PDF/ }).click(),
    ]);
    await popup.waitForLoadState();
    const printed = join(dir, `${name}-print.pdf`);
    writeFileSync(printed, await popup.pdf({ preferCSSPageSize: true, printBackground: false }));
    await popup.close();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Word 文档（.docx）' }).click(),
    ]);
    const docx = join(dir, `${name}.docx`);
    await download.saveAs(docx);
    made.push({ name, printed, docx });
  }
  const pdfs = toPdfs(dir, made.map((m) => m.docx));
  for (const [n, m] of made.entries()) {
    const [print, word] = [pageLines(m.printed), pageLines(pdfs[n])];
    const ends = (pages) => pages.map((lines) => [lines[0], lines[lines.length - 1]]);
    console.log(`${m.name}: ${print.length} pages printed, ${word.length} from the .docx`);
    const [a, b] = [print.flat(), word.flat()];
    const differing = a.filter((line, i) => line !== b[i]).length;
    console.log(`${m.name}: ${a.length} lines printed, ${b.length} in the .docx, ${differing} set differently`);
    assert.deepEqual(ends(print), ends(word), `${m.name}: first and last line of each page`);
    if (m.name === 'sample-red') {
      // The 版记 closes the last page: 抄送 with its full stop, then 印发机关 and date.
      const last = word[word.length - 1];
      assert.deepEqual(last.slice(-2), ['抄送：市依法治市办，市司法局。', '张家港市科学技术局2022年2月17日印发']);
    }
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});
