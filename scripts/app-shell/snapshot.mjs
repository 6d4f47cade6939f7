// Writes scripts/app-shell/first-screen.html: the markup of the tool's first frame for a new
// draft, as the built single file renders it (`bash scripts/build.sh` first, then build again
// to ship the new snapshot). Run it when tests/e2e/shell.test.mjs says the shell and the tool
// differ:   node scripts/app-shell/snapshot.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../../tests/e2e/browser.mjs';
import { SINGLE_FILE_URL, ROOT } from '../../tests/e2e/helpers.mjs';
import { CAPTURE } from './capture.mjs';

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
await context.addInitScript(CAPTURE);
const page = await context.newPage();
await page.goto(SINGLE_FILE_URL);
await page.waitForFunction(() => window.__fazhiScreens.live);
const { markup } = await page.evaluate(() => window.__fazhiScreens.live);
await browser.close();
const out = join(ROOT, 'scripts', 'app-shell', 'first-screen.html');
writeFileSync(out, `${markup}\n`);
console.log(`[snapshot] ${out}: ${markup.length} characters`);
