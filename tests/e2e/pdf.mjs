// Reading PDFs for the layout tests: LibreOffice (headless) converts .docx files, poppler
// (pdftotext, pdfinfo, pdftoppm) reads text, word boxes and pixels back.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

// The test machine has none of the 公文 fonts: fonts.conf maps their names onto Noto CJK
// for LibreOffice and Chromium alike (both read FONTCONFIG_FILE), as a clerk's machine
// gives Word and the browser the same 仿宋_GB2312. Set before any browser starts.
export const FONTS_CONF = join(fileURLToPath(new URL('.', import.meta.url)), 'fonts.conf');
process.env.FONTCONFIG_FILE = FONTS_CONF;

/** LibreOffice Writer, headless, with its own profile in `dir`: every .docx → .pdf in one run. */
export function toPdfs(dir, docxFiles) {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...docxFiles], { stdio: 'pipe', timeout: 300_000 });
  return docxFiles.map((f) => {
    const pdf = join(dir, basename(f).replace(/\.docx$/, '.pdf'));
    assert.ok(existsSync(pdf) && statSync(pdf).size > 0, `LibreOffice wrote ${pdf}`);
    return pdf;
  });
}

// -layout keeps each line as set: without it pdftotext drops a hyphen that ends a line
// ("2021-" / "2025") as if it were a word break.
export const pdfText = (pdf) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
export const squeeze = (s) => s.replace(/\s+/g, '');
export const isPageNumber = (line) => /^\s*—\s*\d+\s*—\s*$/.test(line);
export const withoutPageNumbers = (text) => text.replace(/^\s*—\s*\d+\s*—\s*$/gm, '');

/** Each page's lines of text (page numbers left out, spaces inside a line removed). */
export function pageLines(pdf) {
  return pdfText(pdf).split('\f').filter((p, i, all) => i < all.length - 1 || p.trim())
    .map((page) => page.split('\n').filter((l) => l.trim() && !isPageNumber(l)).map(squeeze));
}

/** The words on page n with their boxes, in points from the top left. */
export function words(pdf, n) {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] }));
}

/** Page n rendered at `dpi` as { width, height, pixel(x, y) → [r, g, b] } (pdftoppm's PPM). */
export function raster(pdf, n, dpi, out) {
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
  const data = readFileSync(`${out}.ppm`);
  // P6 header: magic, width, height, maxval, each followed by white space.
  const fields = []; let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at]))) at++;
    let s = ''; while (!/\s/.test(String.fromCharCode(data[at]))) s += String.fromCharCode(data[at++]);
    fields.push(s);
  }
  at++;
  const [, width, height] = fields.map(Number);
  return { width, height, pixel: (x, y) => { const i = at + 3 * (y * width + x); return [data[i], data[i + 1], data[i + 2]]; } };
}

export const isRed = ([r, g, b]) => r > 180 && g < 90 && b < 90;
export const MM = 72 / 25.4;
