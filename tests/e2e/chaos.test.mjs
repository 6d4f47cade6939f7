// A scripted random session across two tabs on one draft, with storage faults injected
// (issue 12): at the end every character typed in either tab is in storage or in a file
// the tool offered. It drives the page only through what a clerk sees (labelled fields,
// buttons, the status line), so it does not depend on how saving is implemented.
//
// Seeds: FAZHI_CHAOS_SEEDS="1,2,3" (default "1,2"); steps per seed: FAZHI_CHAOS_STEPS (60).
//
// It found two ways a name typed on the drafts page was lost (seeds 1 and 2, while saves
// failed): the open draft's name field showed the stored name, so a second rename overwrote
// an unsaved first one; and a refused rename of another draft was only on screen. Both have
// a directed test in drafts.test.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, SINGLE_FILE_URL, field, goToStep, focusLandsOn } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const SEEDS = (process.env.FAZHI_CHAOS_SEEDS || '1,2').split(',').map(Number);
const STEPS = Number(process.env.FAZHI_CHAOS_STEPS || 60);

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Storage faults, switched per tab by window.__fault: a full quota, or a plain Error.
const FAULTS = () => {
  const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (window.__fault === 'quota') throw new DOMException('full', 'QuotaExceededError');
    if (window.__fault === 'error') throw new Error('injected fault');
    return set.call(this, k, v);
  };
};

// Where text is typed: the step to go to and the field's label.
const PLACES = [
  { step: '文头', label: '发文机关' },
  { step: '开头段', label: '开头段' },
  { step: /^二、/, label: '引言段' },
  { step: /^三、/, label: '引言段' },
  { step: '落款', label: '附注' },
];

async function openTab(context, files) {
  const page = await context.newPage();
  page.on('download', (d) => files.push(d.path().then((p) => readFileSync(p, 'utf8'))));
  await page.goto(SINGLE_FILE_URL);
  await page.locator('.save-state').waitFor();
  return page;
}

const conflictShown = (page) => page.getByRole('button', { name: /载入另一处的版本/ }).isVisible();
const stateText = (page) => page.locator('.save-state').textContent();

/** Answers what the tool asks: a conflict is resolved by loading the other version, which
 * first offers this page's text as a file (choosing "keep mine" would discard the other
 * tab's text by the clerk's own choice, so the random clerk never makes it). */
let conflicts = 0;
async function answer(page) {
  if (await conflictShown(page)) {
    conflicts++;
    await page.getByRole('button', { name: /载入另一处的版本/ }).click();
  }
}

for (const seed of SEEDS) {
  test(`two tabs, random actions, storage faults (seed ${seed}): nothing typed is lost`, async () => {
    const random = prng(seed);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    await context.addInitScript(FAULTS);
    const files = [];
    const tabs = [await openTab(context, files), await openTab(context, files)];
    const typed = [];
    const log = [];
    for (let n = 0; n < STEPS; n++) {
      const t = Math.floor(random() * 2);
      const page = tabs[t];
      await answer(page);
      const r = random();
      if (r < 0.5) {
        const place = pick(PLACES);
        if (await page.locator('#drafts-title').isVisible()) await page.getByRole('button', { name: /返回/ }).first().click();
        await goToStep(page, place.step);
        const input = field(page, place.label).first();
        const token = `字${seed}_${n}号`;
        await input.fill((await input.inputValue()) + token);
        typed.push(token);
        log.push(`${t}: type ${token} into ${place.label}`);
      } else if (r < 0.62) {
        const fault = pick([null, null, 'quota', 'error']);
        await page.evaluate((f) => { window.__fault = f; }, fault);
        log.push(`${t}: fault ${fault}`);
      } else if (r < 0.7) {
        // A clerk reloads when the status line says the draft is saved.
        if (/已自动保存|已恢复/.test(await stateText(page))) {
          await page.reload();
          await page.locator('.save-state').waitFor();
          log.push(`${t}: reload`);
        }
      } else if (r < 0.86) {
        // The drafts page: rename a draft (the name is typed text too), open another
        // draft, or start a new one; then back to the editor.
        await page.getByRole('button', { name: '我的草稿' }).click();
        await page.locator('#drafts-title').waitFor();
        // Focus goes to the title a frame later; a name typed before then could lose it.
        await focusLandsOn(page, 'drafts-title');
        const what = random();
        const names = page.locator('table.drafts input.name');
        const rows = await names.count();
        if (what < 0.5 && rows > 0) {
          const row = Math.floor(random() * rows);
          const token = `名${seed}_${n}号`;
          const name = names.nth(row);
          await name.fill((await name.inputValue()) + token);
          await name.press('Enter');
          await name.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
          typed.push(token);
          log.push(`${t}: rename row ${row} +${token}`);
        } else if (what < 0.8) {
          const open = page.getByRole('button', { name: /^打开：/ });
          const enabled = [];
          for (let i = 0; i < (await open.count()); i++) if (await open.nth(i).isEnabled()) enabled.push(i);
          if (enabled.length) {
            await open.nth(pick(enabled)).click();
            log.push(`${t}: open another draft`);
          }
        } else if (rows < 4) {
          await page.getByRole('button', { name: /新建草稿/ }).click();
          log.push(`${t}: new draft`);
        }
        await page.waitForTimeout(Math.floor(random() * 300));
        if (await page.locator('#drafts-title').isVisible()) await page.getByRole('button', { name: /返回/ }).first().click();
        log.push(`${t}: drafts page and back`);
      } else {
        const ms = Math.floor(random() * 1200);
        await page.waitForTimeout(ms);
        log.push(`${t}: wait ${ms}`);
      }
    }
    // The end of the session: faults gone, each tab's questions answered, its pending
    // save done; a tab that still could not save offers its draft as a file, and the clerk
    // takes it.
    for (const page of tabs) await page.evaluate(() => { window.__fault = null; });
    for (let round = 0; round < 3; round++) {
      for (const page of tabs) {
        await answer(page);
        // Time for a save that failed to be retried, then until the status line says how
        // the pending save went (saved, failed, or paused for a question): a busy machine
        // runs the autosave timer late.
        await page.waitForTimeout(1200);
        await page.locator('.save-state').filter({ hasNotText: '正在保存' }).waitFor({ timeout: 10_000 });
        if (/失败|无法保存/.test(await stateText(page)) && !process.env.FAZHI_CHAOS_NO_RESCUE) {
          // The file is counted once the browser has started it, however long that takes.
          await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载草稿备份' }).first().click()]);
        }
      }
    }
    const storage = await tabs[0].evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('fazhi-report/')).map((k) => localStorage.getItem(k)).join('\n'));
    const offered = (await Promise.all(files)).join('\n');
    console.log(`seed ${seed}: ${typed.length} pieces typed, ${conflicts} conflicts answered, ${log.filter((l) => /fault (quota|error)/.test(l)).length} faults, ${log.filter((l) => /reload/.test(l)).length} reloads, ${files.length} files offered`);
    conflicts = 0;
    const lost = typed.filter((token) => !storage.includes(token) && !offered.includes(token));
    assert.deepEqual(lost, [], `lost ${lost.length} of ${typed.length} typed pieces; ${files.length} files offered.\n${log.join('\n')}`);
    assert.ok(typed.length >= STEPS / 4, 'the session typed enough to mean something');
    await context.close();
  });
}
