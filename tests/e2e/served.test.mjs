// What `scripts/run.sh` serves: Trunk's own build (dist/index.html, app.js, app_bg.wasm) over http.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, watch, ROOT, field } from './helpers.mjs';
import { serve } from './server.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serve(join(ROOT, 'dist')); });
after(async () => { await browser?.close(); await server?.close(); });

test('the served build starts over http and saves', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${server.url}/index.html`);
  await field(page, '发文机关').fill('服务器版测试局');
  await page.locator('.save-state', { hasText: '已自动保存' }).waitFor();
  const own = seen.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('blob:'));
  assert.deepEqual(own, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
