// The 红头 (GB/T 9704 §7.2) measured on the printed page, in the .docx converted by
// LibreOffice and in the print view printed by Chromium: the 发文机关标志 red, centred, its
// top 35 mm below the top of the text block; the 发文字号 under it; the red line as wide as
// the text block, 4 mm below the 发文字号. PNGs of both first pages are left in the
// test's folder (printed at the end) to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openTool, goToStep } from './helpers.mjs';
import { toPdfs, words, raster, isRed, MM, pdfText, squeeze } from './pdf.mjs';
import { sampleDraft, loadStored } from './reports.mjs';

let browser;
const dir = mkdtempSync(join(tmpdir(), 'fazhi-masthead-'));
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const DPI = 144;
const TEXT_TOP = 37 * MM;
const TEXT_LEFT = 28 * MM;
const TEXT_WIDTH = 156 * MM;
const MARK = '张家港市科学技术局';

/** Rows (in points) of the page where red runs across at least half the text block. */
function redLines(img) {
  const rows = [];
  for (let y = 0; y < img.height; y++) {
    let first = -1, last = -1, count = 0;
    for (let x = 0; x < img.width; x++) {
      if (isRed(img.pixel(x, y))) { if (first < 0) first = x; last = x; count++; }
    }
    if (count > img.width * 0.4) rows.push({ y, first, last });
  }
  const pt = (px) => px * 72 / DPI;
  return rows.map((r) => ({ y: pt(r.y), x0: pt(r.first), x1: pt(r.last + 1) }));
}

/** The top and bottom (points) of the ink of a colour inside a box. */
function inkRows(img, box, test) {
  const px = (pt) => Math.round(pt * DPI / 72);
  let top = Infinity, bottom = -Infinity, count = 0;
  for (let y = px(box.y0); y < px(box.y1); y++) {
    for (let x = px(box.x0); x < px(box.x1); x++) {
      if (test(img.pixel(x, y))) { top = Math.min(top, y); bottom = Math.max(bottom, y); count++; }
    }
  }
  return { top: top * 72 / DPI, bottom: (bottom + 1) * 72 / DPI, count };
}

const isDark = ([r, g, b]) => r < 100 && g < 100 && b < 100;

function checkMasthead(pdf, label, { signer } = {}) {
  const ws = words(pdf, 1);
  const mark = ws.find((w) => w.text === MARK);
  assert.ok(mark, `${label}: the 发文机关标志 is on page 1 as one word (${ws.slice(0, 5).map((w) => w.text)})`);
  // Size from the advance of nine ideographs (one em each).
  const size = (mark.xMax - mark.xMin) / MARK.length;
  assert.ok(Math.abs(size - 48) < 0.6, `${label}: 发文机关标志 ${size.toFixed(2)} pt`);
  const centre = (mark.xMin + mark.xMax) / 2;
  assert.ok(Math.abs(centre - (TEXT_LEFT + TEXT_WIDTH / 2)) < 1.5, `${label}: centred (${centre.toFixed(1)})`);
  const img = raster(pdf, 1, DPI, join(dir, `${label}-p1`));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, `${label}-page1`)]);
  const ink = inkRows(img, { x0: mark.xMin, x1: mark.xMax, y0: mark.yMin - 10, y1: mark.yMax + 10 }, isRed);
  assert.ok(ink.count > 2000, `${label}: the 发文机关标志 is red (${ink.count} red pixels)`);
  const topMm = (ink.top - TEXT_TOP) / MM;
  // The ink of 张 starts a little below the em box's top edge.
  assert.ok(topMm > 34 && topMm < 37.5, `${label}: 发文机关标志 top ${topMm.toFixed(1)} mm below the text block`);
  const lines = redLines(img);
  assert.ok(lines.length > 0, `${label}: a red line`);
  const line = lines[0];
  assert.ok(Math.abs(line.x0 - TEXT_LEFT) < 1.5 && Math.abs(line.x1 - (TEXT_LEFT + TEXT_WIDTH)) < 1.5,
    `${label}: the red line spans the text block (${(line.x0 / MM).toFixed(1)}–${(line.x1 / MM).toFixed(1)} mm)`);
  // pdftotext splits "张科发〔2023〕5号" at the change of script: join the line's words.
  const first = ws.find((w) => w.text.startsWith('张科发'));
  assert.ok(first, `${label}: 发文字号 on page 1`);
  const onLine = ws.filter((w) => Math.abs(w.yMin - first.yMin) < 2).sort((a, b) => a.xMin - b.xMin);
  const upTo = onLine.findIndex((w) => w.text.endsWith('号'));
  const numberWords = onLine.slice(0, upTo + 1);
  assert.equal(numberWords.map((w) => w.text).join(''), '张科发〔2023〕5号');
  const number = { xMin: numberWords[0].xMin, xMax: numberWords[upTo].xMax, yMin: first.yMin, yMax: first.yMax };
  assert.ok(number.yMin > mark.yMax, `${label}: 发文字号 below the 发文机关标志`);
  const numberInk = inkRows(img, { x0: number.xMin, x1: number.xMax, y0: number.yMin - 2, y1: line.y - 0.5 }, isDark);
  const gapMm = (line.y - numberInk.bottom) / MM;
  assert.ok(gapMm > 3 && gapMm < 5, `${label}: red line ${gapMm.toFixed(2)} mm below the 发文字号`);
  if (signer) {
    assert.ok(Math.abs(number.xMin - (TEXT_LEFT + 16)) < 2, `${label}: 上行文 发文字号 one character in (${number.xMin})`);
    const sig = onLine.slice(upTo + 1);
    const right = Math.max(...sig.map((w) => w.xMax));
    assert.ok(Math.abs(right - (TEXT_LEFT + TEXT_WIDTH - 16)) < 2, `${label}: 签发人 one character in from the right (${right})`);
    assert.equal(sig.map((w) => w.text).join(''), `签发人：${signer}`);
  }
  const title = ws.find((w) => w.text.includes('年度法治政府建设情况报告'));
  assert.ok(title && title.yMin > line.y, `${label}: the title below the red line`);
  return { mark, line, topMm, gapMm };
}

for (const signer of ['', '王某某']) {
  test(`the 红头${signer ? ' of a 上行文 (签发人)' : ''} sits where GB/T 9704 §7.2 puts it, in the .docx and the print view`, async () => {
    const { context, page, seen } = await openTool(browser);
    await loadStored(page, sampleDraft(undefined, { masthead: 'red', signer }));
    await goToStep(page, /生成报告/);
    // The preview shows it too.
    assert.equal(await page.locator('.preview .paper p.issuer.masthead').innerText(), MARK);
    assert.match(await page.locator('.preview .paper p.docno.masthead').innerText(), /张科发〔2023〕5号/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 Word 文档（.docx）' }).click(),
    ]);
    const tag = signer ? 'signer' : 'red';
    const docx = join(dir, `${tag}.docx`);
    await download.saveAs(docx);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: /打印 \/ 另存为 PDF/ }).click(),
    ]);
    await popup.waitForLoadState();
    const printed = join(dir, `${tag}-print.pdf`);
    writeFileSync(printed, await popup.pdf({ preferCSSPageSize: true, printBackground: false }));
    const [word] = toPdfs(dir, [docx]);
    const a = checkMasthead(word, `${tag}-docx`, { signer });
    const b = checkMasthead(printed, `${tag}-print`, { signer });
    console.log(`${tag}: mark top ${a.topMm.toFixed(2)} / ${b.topMm.toFixed(2)} mm, line gap ${a.gapMm.toFixed(2)} / ${b.gapMm.toFixed(2)} mm; PNGs in ${dir}`);
    assert.ok(squeeze(pdfText(word)).includes(signer ? `签发人：${signer}` : '张科发〔2023〕5号'));
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
}
