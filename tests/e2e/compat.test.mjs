// The loader's other paths, in today's Chromium: without WebAssembly.compileStreaming the
// inlined wasm is decoded whole (unlzma/) and then compiled; the sample must still go in and
// come out as the fixture, over a reload. A corrupt or truncated payload gives the Chinese
// failure message (not a hang, not the "too old" message); no WebAssembly gives the one
// naming the browsers that work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, watch, REPORT, TYPED, SINGLE_FILE, SINGLE_FILE_URL, field, typeSample, waitSaved, outputText, heading, goToStep,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('without compileStreaming the tool decodes the wasm whole, compiles it, and round-trips the sample', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(() => { delete WebAssembly.compileStreaming; });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').waitFor();
  assert.equal(await page.evaluate(() => typeof WebAssembly.compileStreaming), 'undefined');
  assert.equal(await page.evaluate(() => performance.getEntriesByName('fazhi:decoded').length), 1);

  await typeSample(page);
  await waitSaved(page);
  assert.equal(await outputText(page), REPORT);

  await page.reload();
  await heading(page).waitFor();
  assert.equal(await page.evaluate(() => typeof WebAssembly.compileStreaming), 'undefined');
  assert.equal(await field(page, '报告全文（只读，可全选复制）').inputValue(), REPORT);
  await goToStep(page, '文头');
  assert.equal(await field(page, '发文机关').inputValue(), TYPED.organ);

  assert.deepEqual(seen.requests.filter((u) => u !== SINGLE_FILE_URL), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a corrupt or truncated payload shows the Chinese failure message, streamed or not', async () => {
  const html = readFileSync(SINGLE_FILE, 'latin1');
  const m = /\["([^"\\]{1000,})",\d+,\d+,\d+,\d+,\d+,\d+\]/.exec(html);
  assert.ok(m, 'payload not found');
  const start = m.index + 2, text = m[1];
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-corrupt-'));
  // One character changed early, one late (the decoder or the checksum notices), and the
  // text cut short (the decoder runs out of input).
  const change = (at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  const variants = {
    early: change(7000),
    late: change(text.length - 7000),
    truncated: text.slice(0, text.length - 7 * 4000),
  };
  for (const [name, payload] of Object.entries(variants)) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html.slice(0, start) + payload + html.slice(start + text.length), 'latin1');
    for (const streaming of [true, false]) {
      const context = await browser.newContext({ locale: 'zh-CN' });
      if (!streaming) await context.addInitScript(() => { delete WebAssembly.compileStreaming; });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(pathToFileURL(file).href);
      const alert = page.locator('#fazhi-report [role=alert]');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.textContent(), /^起草工具启动失败，请刷新页面重试/, `${name}, streaming ${streaming}`);
      assert.equal(await page.evaluate(() => FazhiReport.ready.then(() => 'ready', (e) => e.message)), await alert.textContent());
      assert.deepEqual(seen.requests.filter((u) => !u.startsWith('file:')), []);
      await context.close();
    }
  }
});

test('a browser without WebAssembly gets the Chinese message naming the browsers that work', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  const shown = await page.locator('#fazhi-report').textContent();
  assert.match(shown, /无法在此浏览器中运行/);
  for (const name of ['Chrome', 'Edge', '86', 'Firefox 78', '360', '奇安信', '极速模式']) assert.ok(shown.includes(name), `names ${name}: ${shown}`);
  await context.close();
});
