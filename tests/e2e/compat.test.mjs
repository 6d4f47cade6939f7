// Today's Chromium made to look like Firefox ESR 78–102 where the loader is concerned: no
// DecompressionStream, so the inlined wasm is unpacked by the loader's own inflate
// (scripts/inflate.js). The sample must still go in and come out as the fixture, over a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, watch, REPORT, TYPED, SINGLE_FILE_URL, field, typeSample, waitSaved, outputText, heading, goToStep,
} from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('without DecompressionStream the tool starts from its own inflate and round-trips the sample', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(() => { delete window.DecompressionStream; });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(SINGLE_FILE_URL);
  await field(page, '发文机关').waitFor();
  assert.equal(await page.evaluate(() => typeof DecompressionStream), 'undefined');

  await typeSample(page);
  await waitSaved(page);
  assert.equal(await outputText(page), REPORT);

  await page.reload();
  await heading(page).waitFor();
  assert.equal(await page.evaluate(() => typeof DecompressionStream), 'undefined');
  assert.equal(await field(page, '报告全文（只读，可全选复制）').inputValue(), REPORT);
  await goToStep(page, '文头');
  assert.equal(await field(page, '发文机关').inputValue(), TYPED.organ);

  assert.deepEqual(seen.requests.filter((u) => u !== SINGLE_FILE_URL), []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a browser without WebAssembly gets the Chinese message naming the browsers that work', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => { delete window.WebAssembly; });
  const page = await context.newPage();
  await page.goto(SINGLE_FILE_URL);
  const shown = await page.locator('#fazhi-report').textContent();
  assert.match(shown, /无法在此浏览器中运行/);
  // On screen: no app shell covers it (its shadow root would hide the host's own text).
  assert.equal(await page.getByText('无法在此浏览器中运行').isVisible(), true);
  for (const name of ['Chrome', 'Edge', '86', 'Firefox 78', '360', '奇安信', '极速模式']) assert.ok(shown.includes(name), `names ${name}: ${shown}`);
  await context.close();
});
