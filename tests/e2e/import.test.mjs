// Last year's report as it really looks: real reports from the corpus pasted, a .docx the
// tool wrote itself and one LibreOffice made from text, a GBK .txt, and hostile files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { launch, openTool, ROOT, field, goToStep, outputText } from './helpers.mjs';

let browser;
const dir = mkdtempSync(join(tmpdir(), 'fazhi-import-'));
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const corpus = (name) => readFileSync(join(ROOT, 'tests', 'fixtures', 'corpus', name), 'utf8');
const expectation = (name) => JSON.parse(corpus(name.replace(/\.txt$/, '.json')));
const squeeze = (s) => s.replace(/\s+/g, '');

async function openImport(page) {
  await page.getByText('从去年的报告开始：粘贴全文导入').click();
}

async function paste(page, text) {
  await openImport(page);
  await field(page, '粘贴报告全文').fill(text);
  await page.getByRole('button', { name: '导入', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
}

async function chooseFile(page, path) {
  if (!(await page.locator('#f-import-file').isVisible())) await openImport(page);
  await page.locator('#f-import-file').setInputFiles(path);
}

/** The import summary: structure line, the steps with their counts, held and dropped. */
async function summary(page) {
  const box = page.locator('.import-report');
  await box.waitFor();
  return {
    structure: await box.locator('p').first().textContent(),
    steps: await box.locator('.import-steps li').allTextContents(),
    text: await box.textContent(),
  };
}

test('two real reports pasted: structure, organ, year, headings and items as the expectation says', async () => {
  for (const name of ['17-chongqing-shi-2023-renda.txt', '02-jinghai-2020.txt']) {
    const { context, page, seen } = await openTool(browser);
    const text = corpus(name);
    const exp = expectation(name);
    await paste(page, text);
    const s = await summary(page);
    const structureName = { 'five-items': '规定五项', 'department-short': '部门简版', thematic: '按专题分项' }[exp.structure];
    assert.ok(s.structure.includes(structureName), `${name}: ${s.structure}`);
    assert.ok(s.steps.length >= 3, s.steps.join('|'));
    if (exp.organ) assert.equal(await field(page, '发文机关').inputValue(), exp.organ);
    assert.equal(await field(page, '报告年度').inputValue(), String(exp.year));
    const out = await outputText(page);
    // Every heading and item of the expectation starts a paragraph of the report, with its
    // own number (no renumbering); the furniture is gone.
    for (const seg of exp.segments) {
      const start = squeeze(seg.starts);
      if (/heading$/.test(seg.where) && !/^part:\d+:heading/.test(seg.where)) {
        assert.ok(squeeze(out).includes(start.replace(/^\(([一二三四五六七八九十]+)\)/, '（$1）')), `${name}: ${seg.where} ${seg.starts}`);
      }
      if (seg.where === 'furniture' && !(exp.title ?? '').startsWith(seg.starts)) assert.ok(!out.includes(seg.starts), `${name}: furniture kept: ${seg.starts}`);
      if (/item:\d+$/.test(seg.where) && /^(\d+\.|[一二三四五六七八九十]+是)/.test(seg.starts)) {
        assert.ok(squeeze(out).includes(start), `${name}: item ${seg.starts} written as the author numbered it`);
      }
    }
    if (name.startsWith('17')) {
      // 照搬去年: right after the import every sentence is last year's, counted in the review
      // and flagged on the step that holds it.
      const review = page.locator('section.checks');
      const total = review.locator('.finding .msg', { hasText: '与去年报告相同的句子：' });
      assert.match(await total.textContent(), /与去年报告相同的句子：\d+ 句/);
      const before = Number(/：(\d+) 句/.exec(await total.textContent())[1]);
      await goToStep(page, '开头段');
      await page.getByRole('list', { name: '本步检查结果' }).getByText(/与去年报告相同/).first().waitFor();
      // Rewriting the opening takes its sentences off the count.
      await field(page, '开头段').fill('2024年，我们按照新的部署重新组织了全年的法治政府建设工作。');
      await goToStep(page, /生成报告/);
      const after = Number(/：(\d+) 句/.exec(await total.textContent())[1]);
      assert.ok(after < before, `${after} < ${before}`);
      // The 题注 gives the date; the salutation is kept; 一是 items follow their lead.
      await goToStep(page, '落款');
      assert.equal(await field(page, '成文日期').inputValue(), '2024年5月28日');
      assert.match(out, /市人大常委会:/);
    } else {
      // Items numbered on across subsections (3. under （二）) keep their numbers.
      assert.match(out, /\n3\.深化行政审批制度改革。/);
      const dropped = s.text;
      assert.match(dropped, /去掉的内容：\d+ 条/);
      // Back on 文头 from another step, the import box is open on the last import's summary.
      await goToStep(page, '开头段');
      await goToStep(page, /^文头/);
      assert.deepEqual(await summary(page), s);
      assert.ok(await page.locator('details.import').evaluate((d) => d.open));
    }
    assert.deepEqual(seen.errors, []);
    await context.close();
  }
});

test('a .docx the tool wrote, and one LibreOffice made from text, import like the pasted text', async () => {
  const name = '14-shangcheng-renshe-ju-2023.txt';
  const text = corpus(name);
  const { context, page } = await openTool(browser);
  await paste(page, text);
  const pasted = await outputText(page);
  // The tool's own Word file of that report.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Word 文档（.docx）' }).click(),
  ]);
  const own = join(dir, 'own.docx');
  await download.saveAs(own);
  await context.close();

  const second = await openTool(browser);
  await chooseFile(second.page, own);
  await second.page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
  assert.equal(await outputText(second.page), pasted, 'the tool\'s own .docx gives the same report');
  await second.context.close();

  // LibreOffice: text → .docx (deflated entries, its own XML).
  const txt = join(dir, 'report.txt');
  writeFileSync(txt, text);
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--infilter=Text (encoded):UTF8,LF,,', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, txt], { stdio: 'pipe', timeout: 180_000 });
  const lo = join(dir, 'report.docx');
  assert.ok(existsSync(lo));
  const third = await openTool(browser);
  await chooseFile(third.page, lo);
  await third.page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
  const fromLo = await outputText(third.page);
  const fresh = await openTool(browser);
  await paste(fresh.page, text);
  assert.equal(fromLo, await outputText(fresh.page), 'LibreOffice\'s .docx gives the same report as the text');
  await fresh.context.close();
  await third.context.close();
});

test('a GBK .txt is decoded (not guessed) and imports like the UTF-8 text', async () => {
  const name = '17-chongqing-shi-2023-renda.txt';
  const utf8 = join(dir, 'utf8.txt');
  const gbk = join(dir, 'gbk.txt');
  writeFileSync(utf8, corpus(name));
  execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', '-o', gbk, utf8]);
  assert.notDeepEqual(readFileSync(gbk), readFileSync(utf8), 'the file really is GBK');
  const a = await openTool(browser);
  await chooseFile(a.page, gbk);
  await a.page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
  assert.equal(await field(a.page, '发文机关').inputValue(), '重庆市人民政府');
  const fromGbk = await outputText(a.page);
  const b = await openTool(browser);
  await chooseFile(b.page, utf8);
  await b.page.getByRole('alert').filter({ hasText: '已导入' }).waitFor();
  assert.equal(fromGbk, await outputText(b.page));
  await a.context.close();
  await b.context.close();
});

/** A ZIP with one deflated (or stored) entry per file; CRCs left 0 (the tool ignores them). */
function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, data, method] of files) {
    const body = method === 8 ? deflateRawSync(data) : data;
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(method, 10);
    c.writeUInt32LE(body.length, 20); c.writeUInt32LE(data.length, 24); c.writeUInt16LE(n.length, 28); c.writeUInt32LE(offset, 42);
    locals.push(local, n, body);
    central.push(c, n);
    offset += 30 + n.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

test('hostile input gets a Chinese message within two seconds and the page keeps working', async () => {
  const { context, page, seen } = await openTool(browser);
  await field(page, '发文机关').fill('原有的局');
  const cases = [
    ['not-a-zip.docx', Buffer.from('这不是 Word 文件'.repeat(100)), /不是 Word 文档/],
    ['bomb.docx', zip([['word/document.xml', Buffer.alloc(300 << 20), 8]]), /解压后过大/],
    ['many.docx', zip([['word/document.xml', Buffer.from(`<w:document><w:body>${'<w:p><w:r><w:t>段</w:t></w:r></w:p>'.repeat(100_000)}</w:body></w:document>`), 8]]), /段落过多/],
    ['empty.zip.docx', zip([['a.txt', Buffer.from('hi'), 0]]), /没有 Word 正文/],
  ];
  for (const [name, bytes, message] of cases) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const t0 = Date.now();
    await chooseFile(page, path);
    await page.getByRole('alert').filter({ hasText: message }).waitFor({ timeout: 2000 });
    assert.ok(Date.now() - t0 < 2000, `${name}: ${Date.now() - t0} ms`);
    assert.equal(await field(page, '发文机关').inputValue(), '原有的局', `${name}: nothing replaced`);
  }
  // A 5 MB paste (made in the page, so the test's own transfer of 5 MB is not timed).
  const t0 = Date.now();
  const handled = await page.locator('#f-import').evaluate((el) => {
    const huge = '一、工作情况\n' + '开展法治宣传教育活动，提升依法行政水平。'.repeat(130_000);
    // The tool's handling is timed, not the browser's own value setter: after a field was
    // typed into, Chromium 156 (8078.114) takes over a second to put 5 MB into a textarea.
    el.value = huge;
    const start = performance.now();
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return { ms: performance.now() - start, bytes: new TextEncoder().encode(huge).length };
  });
  assert.ok(handled.bytes > 5 << 20);
  assert.ok(handled.ms < 1000, `input handled in ${handled.ms} ms`);
  await page.getByRole('alert').filter({ hasText: '粘贴的内容过长' }).waitFor({ timeout: 2000 });
  assert.ok(Date.now() - t0 < 2500, `${Date.now() - t0} ms`);
  assert.equal(await page.locator('#f-import').inputValue(), '', 'the 5 MB are not kept in the page');
  assert.equal(await field(page, '发文机关').inputValue(), '原有的局');
  // Still responsive.
  await field(page, '发文机关').fill('原有的局（仍可编辑）');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
