// The Word document: downloaded from the tool, converted by LibreOffice (headless) to PDF,
// the PDF's text and pages checked with poppler (pdftotext, pdfinfo).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { launch, openTool, REPORT, typeSample, goToStep, field, waitSaved, pageNumberBox, ODD_NUMBER_ENDS, EVEN_NUMBER_STARTS } from './helpers.mjs';
import { toPdfs } from './pdf.mjs';
import { sampleDraft, loadStored } from './reports.mjs';

let browser;
const dir = mkdtempSync(join(tmpdir(), 'fazhi-docx-'));
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Clicks 下载 Word 文档 and saves the file; returns its path and the message shown. */
async function downloadDocx(page, name) {
  await goToStep(page, /生成报告/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Word 文档（.docx）' }).click(),
  ]);
  const path = join(dir, name);
  await download.saveAs(path);
  const message = await page.locator('.output .result').textContent();
  return { path, message, suggested: download.suggestedFilename() };
}

/** LibreOffice Writer, headless, with its own profile: .docx → .pdf. */
function toPdf(docx) {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 180_000 });
  const pdf = docx.replace(/\.docx$/, '.pdf');
  assert.ok(existsSync(pdf) && statSync(pdf).size > 0, 'LibreOffice wrote a PDF');
  return pdf;
}

/** Each page's size in points, from pdfinfo. */
function pageSizes(pdf) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

// -layout keeps each line as set: without it pdftotext drops a hyphen that ends a line
// ("2021-" / "2025") as if it were a word break.
const pdfText = (pdf) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
const squeeze = (s) => s.replace(/\s+/g, '');
/** The page numbers "— N —" in the footers, in page order. */
const pageNumbers = (text) => [...text.matchAll(/^\s*—\s*(\d+)\s*—\s*$/gm)].map((m) => Number(m[1]));
const withoutPageNumbers = (text) => text.replace(/^\s*—\s*\d+\s*—\s*$/gm, '');

test('the sample report as .docx converts to A4 pages with the same text', async () => {
  const { context, page, seen } = await openTool(browser);
  await typeSample(page);
  await goToStep(page, /生成报告/);
  await page.getByLabel(/条目首句加粗/).check();
  // The preview shows the lead sentences in bold as well.
  const bold = await page.locator('.preview .paper b').allTextContents();
  assert.ok(bold.includes('一是积极落实法治政府建设第一责任人职责。'), bold.join('|'));
  // And breaks the title where the document does.
  assert.equal(await page.locator('.preview .paper p.title').innerText(), '张家港市科学技术局\n2022年度法治政府建设情况报告');
  await page.evaluate(() => {
    window.__exports = [];
    document.addEventListener('fazhi-report:export', (e) => window.__exports.push(e.detail));
  });
  const { path, message, suggested } = await downloadDocx(page, 'sample.docx');
  // The host page hears of it, with the report's text.
  const exported = (await page.evaluate(() => window.__exports))[0];
  assert.equal(exported.kind, 'docx');
  assert.equal(exported.fileName, suggested);
  assert.equal(exported.text, REPORT);
  assert.equal(suggested, '张家港市科学技术局2022年度法治政府建设情况报告.docx');
  assert.match(message, /已下载 Word 文档（张家港市科学技术局2022年度法治政府建设情况报告\.docx，\d+ KB）：A4 纸，GB\/T 9704 公文版式，条目首句加粗/);

  const pdf = toPdf(path);
  const sizes = pageSizes(pdf);
  assert.ok(sizes.length >= 3, `the sample takes several pages (${sizes.length})`);
  for (const [w, h] of sizes) assert.ok(Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1, `page ${w} × ${h} pt is A4`);
  const text = pdfText(pdf);
  // Every page carries its number, odd and even alike.
  assert.deepEqual(pageNumbers(text), sizes.map((_, i) => i + 1));
  assert.equal(squeeze(withoutPageNumbers(text)), squeeze(REPORT));
  // GB/T 9704 7.5: odd page numbers on the right, even ones on the left, one 4号 character
  // (14 pt) in from the text block (28 mm from the left edge, 26 mm from the right).
  const [odd, even] = [1, 2].map((n) => pageNumberBox(pdf, n));
  assert.ok(Math.abs(odd.xMax - ODD_NUMBER_ENDS) < 2, `odd page number ends at ${odd.xMax}`);
  assert.ok(Math.abs(even.xMin - EVEN_NUMBER_STARTS) < 2, `even page number starts at ${even.xMin}`);
  // The choice is kept with the draft.
  await waitSaved(page);
  await page.reload();
  await goToStep(page, /生成报告/);
  assert.ok(await page.getByLabel(/条目首句加粗/).isChecked(), 'bold leads still chosen after a reload');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('hostile text in fields still gives a document Word processors open', async () => {
  const { context, page, seen } = await openTool(browser);
  const markup = '</w:t></w:r><w:p>&amp;<![CDATA[x]]>"\'';
  await field(page, '发文机关').fill(`某局${markup}`);
  await field(page, '标题').fill('标题\u0001\u0007\u000b\u001b[31m\u202e右到左\u200f😀');
  await goToStep(page, '开头段');
  const long = '很长的开头段，'.repeat(3000) + '完。';
  await field(page, '开头段').fill(`${long}\n第二段\t带制表符。`);
  await goToStep(page, '落款');
  await field(page, '附注').fill('\u0000<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;');
  await waitSaved(page);
  const { path, message } = await downloadDocx(page, 'hostile.docx');
  assert.match(message, /已下载 Word 文档/);
  const text = squeeze(withoutPageNumbers(pdfText(toPdf(path))));
  // Markup arrives as text; control characters are gone; nothing was resolved.
  assert.ok(text.includes(squeeze(`某局${markup}`)), 'markup kept as text');
  assert.ok(text.includes('标题[31m'), 'control characters dropped, the rest kept');
  assert.ok(text.includes(squeeze(long)) && text.includes('第二段带制表符。'));
  assert.ok(text.includes('&e;') && !text.includes('root:'), 'no entity was expanded');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('every combination of output options gives a document with every character', async () => {
  const { context, page, seen } = await openTool(browser);
  await loadStored(page, sampleDraft());
  await goToStep(page, /生成报告/);
  const files = [];
  const bytes = {};
  for (const bold of [false, true]) {
    for (const red of [false, true]) {
      for (const textLayout of [false, true]) {
        await page.getByLabel(/条目首句加粗/).setChecked(bold);
        await page.locator(red ? '#f-masthead-red' : '#f-masthead-plain').check();
        await page.getByLabel(/段首缩进两字/).setChecked(textLayout);
        const name = `combo-${+bold}${+red}${+textLayout}.docx`;
        const { path, message } = await downloadDocx(page, name);
        assert.match(message, red ? /红头/ : /公文版式/);
        files.push({ path, bold, red, textLayout });
        bytes[name] = readFileSync(path);
      }
    }
  }
  // The plain-text option does not touch the document.
  for (const f of files.filter((f) => f.textLayout)) {
    const twin = f.path.replace(/1\.docx$/, '0.docx');
    assert.ok(bytes[f.path.split('/').pop()].equals(readFileSync(twin)), `${f.path} equals ${twin}`);
  }
  const pdfs = toPdfs(dir, files.map((f) => f.path));
  for (const [n, pdf] of pdfs.entries()) {
    const text = pdfText(pdf);
    assert.equal(squeeze(withoutPageNumbers(text)), squeeze(REPORT), `${files[n].path}: every character, in order`);
    const sizes = pageSizes(pdf);
    assert.deepEqual(pageNumbers(text), sizes.map((_, i) => i + 1));
  }
  // The choice is kept with the draft.
  await waitSaved(page);
  await page.reload();
  await goToStep(page, /生成报告/);
  assert.ok(await page.locator('#f-masthead-red').isChecked(), '红头 still chosen after a reload');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
