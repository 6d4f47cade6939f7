// Shared by the browser tests: opening the built single file, typing the sample.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';
import { after } from 'node:test';
import { launch as launchBrowser, launchPersistent as launchPersistentBrowser, watch } from './browser.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SINGLE_FILE = join(ROOT, 'dist', 'fazhi-report.html');
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;
export const REPORT = readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-report.txt'), 'utf8');
export const TYPED = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'sample-typed.json'), 'utf8'));

export { watch };

/** Init script: the wasm is instantiated only once the page calls window.__fazhiRelease() (the
 * app shell stays on screen meanwhile); window.__fazhiInstantiated says it has been. */
export const HOLD_WASM = () => {
  let release;
  const held = new Promise((r) => { release = r; });
  window.__fazhiRelease = release;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function (...args) {
    await held;
    const result = await instantiate.apply(this, args);
    window.__fazhiInstantiated = true;
    return result;
  };
};

/** Init script: a PC so slow that the wasm never finishes compiling during the test. */
export const NEVER_COMPILES = () => {
  const never = () => new Promise(() => {});
  WebAssembly.compileStreaming = never;
  WebAssembly.compile = never;
};

// --- Every message the page shows, across a test file: none may be a raw error. ---
// `launch` and `launchPersistent` below instrument every browser context they create, so
// each test that uses them is covered without a change: an init script watches the
// document and every shadow root for alerts, status lines and notices, and reports each
// new text here. After the file's tests, a text that looks like a Rust or JavaScript
// error (not a Chinese message) fails the file.

/**
 * Init script: `window.__fazhiTaskKind()` says what kind of task is running now: 'timer'
 * (a setTimeout callback), 'keystroke' (from a keydown or input event, with its microtasks,
 * until the next task) or 'other'. Used to prove that saves stay off a keystroke's task.
 */
export const TRACK_TASK_KIND = () => {
  let timerDepth = 0;
  let keystroke = false;
  const setTimeout0 = window.setTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    if (typeof fn !== 'function') return setTimeout0.call(this, fn, ms, ...rest);
    return setTimeout0.call(this, function (...args) {
      timerDepth++;
      try { return fn.apply(this, args); } finally { timerDepth--; }
    }, ms, ...rest);
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { keystroke = false; };
  const onKey = () => { if (!keystroke) { keystroke = true; channel.port2.postMessage(0); } };
  window.addEventListener('keydown', onKey, true);
  window.addEventListener('input', onKey, true);
  window.__fazhiTaskKind = () => (timerDepth > 0 ? 'timer' : keystroke ? 'keystroke' : 'other');
};

/** Every distinct message text shown in any page so far (this test file). */
export const SHOWN = [];
/** What a raw error looks like: wasm-bindgen values, traps, panics, JS and serde errors. */
export const RAW_ERROR = /JsValue|RuntimeError|unwrap|panicked|Error:|invalid type|missing field|at line \d|\bat [\w.]+ \(|undefined is not|is not a function/;
export const rawErrorsShown = () => SHOWN.filter((t) => RAW_ERROR.test(t));

const COLLECT = () => {
  if (window.__fazhiCollecting) return;
  window.__fazhiCollecting = true;
  const SELECTOR = '[role=alert], [role=status], .notice, .save-state, .drafts-error, .drafts-message, .config-error, .loading';
  const seen = new Set();
  const roots = new Set();
  const scan = () => {
    pending = false;
    for (const root of roots) {
      for (const el of root.querySelectorAll(SELECTOR)) {
        const text = (el.textContent || '').trim();
        if (text && !seen.has(text)) {
          seen.add(text);
          try { window.__fazhiShown(text); } catch (e) { /* binding gone with the page */ }
        }
      }
    }
  };
  let pending = false;
  const observer = new MutationObserver(() => { if (!pending) { pending = true; setTimeout(scan, 20); } });
  const watchRoot = (root) => { roots.add(root); observer.observe(root, { subtree: true, childList: true, characterData: true }); };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watchRoot(root); return root; };
  watchRoot(document);
};

// FAZHI_CPU_THROTTLE=n slows every page's CPU n times (DevTools' CPU throttling), to show
// on a fast machine the races a busy CI machine runs into: a test must wait for what the
// page does a frame or a timer later, not read it at once.
const THROTTLE = Number(process.env.FAZHI_CPU_THROTTLE || 0);
// FAZHI_LATE_MS=n runs the page's animation frame callbacks up to n ms late (each frame's
// callbacks together, at random, one frame's after the one before, as a browser does) and
// its setTimeout callbacks n ms late (all alike, so in order), as a loaded machine does: what
// the tool does a frame or a timer after an action is then seldom done when the action returns.
const LATE_MS = Number(process.env.FAZHI_LATE_MS || 0);
const LATE = (late) => {
  const setTimeout0 = window.setTimeout.bind(window);
  const raf0 = window.requestAnimationFrame.bind(window);
  const later = () => Math.floor(Math.random() * late);
  let frame = null;
  const ready = [];
  let running = false;
  const runNext = () => {
    const [t, callbacks] = ready.shift();
    for (const f of callbacks) {
      try { f(t); } catch (e) { setTimeout0(() => { throw e; }); } // reported, and the rest still run
    }
    if (ready.length) setTimeout0(runNext, later()); else running = false;
  };
  window.requestAnimationFrame = (cb) => {
    if (!frame) {
      const callbacks = (frame = []);
      raf0((t) => {
        frame = null;
        ready.push([t, callbacks]);
        if (!running) { running = true; setTimeout0(runNext, later()); }
      });
    }
    frame.push(cb);
    return 0;
  };
  window.setTimeout = function (fn, ms, ...rest) {
    if (typeof fn !== 'function') return setTimeout0(fn, ms, ...rest);
    return setTimeout0(fn, (Number(ms) || 0) + late, ...rest);
  };
};

async function instrument(context) {
  await context.exposeBinding('__fazhiShown', (_source, text) => { SHOWN.push(text); });
  await context.addInitScript(COLLECT);
  if (LATE_MS > 0) await context.addInitScript(LATE, LATE_MS);
  if (THROTTLE > 1) {
    const slow = (page) => context.newCDPSession(page)
      .then((cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE }))
      .catch(() => {});
    context.pages().forEach(slow);
    context.on('page', slow);
  }
  return context;
}

/** Headless Chromium whose every context (and `browser.newPage()`) reports the messages shown. */
export async function launch() {
  const browser = await launchBrowser();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => instrument(await newContext(options));
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => context.close().catch(() => {}));
    return page;
  };
  return browser;
}

/** A browser with a profile on disk (see browser.mjs), reporting the messages shown. */
export async function launchPersistent(userDataDir) {
  return instrument(await launchPersistentBrowser(userDataDir));
}

after(() => {
  const raw = rawErrorsShown();
  assert.deepEqual(raw, [], `raw (non-Chinese) error text shown in the page:\n${raw.join('\n')}`);
});

/** A new browser profile (empty storage) with one page on the single file. */
export async function openTool(browser, { viewport = { width: 1440, height: 900 }, url = SINGLE_FILE_URL } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(url);
  await field(page, '发文机关').waitFor();
  await painted(page);
  return { context, page, seen };
}

/** Waits for what mounts just after the first paint (deferred.rs: the step list, the
 * preview) in `scope` (a page, or one tool on it): a busy machine paints late, and reads
 * that do not wait (count(), allTextContents()) would find none of it yet. */
export async function painted(scope) {
  await scope.locator('.preview .paper').waitFor({ state: 'attached' });
}

/** Opens the drafts page; the tool puts focus on its title a frame later, and a name typed
 * before that frame could lose the focus halfway, so that is awaited too. */
export async function openDraftsPage(page) {
  await page.getByRole('button', { name: '我的草稿' }).click();
  await page.getByRole('heading', { name: '我的草稿' }).waitFor();
  await focusLandsOn(page, 'drafts-title');
}

export const heading = (page) => page.locator('.step-form h2');

/** The form control labelled `label` (a step's region carries the same name as its field). */
export function field(scope, label) {
  return scope.getByLabel(label, { exact: true }).and(scope.locator('input, textarea'));
}
export const saveState = (page) => page.locator('.save-state');

export async function waitSaved(page) {
  await page.locator('.save-state', { hasText: '已自动保存' }).waitFor({ timeout: 5000 });
}

export async function goToStep(page, name) {
  await page.getByRole('navigation', { name: '报告各部分' }).getByRole('button', { name }).click();
  await stepFocused(page);
}

/** Waits for the page's next animation frame: what the tool moves a frame after an action
 * (focus_later) has moved by then, since frame callbacks run in the order they were asked. */
export function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    requestAnimationFrame(() => resolve());
    setTimeout(() => reject(new Error('no animation frame within 5 s')), 5000);
  }));
}

/** Waits for the focus the tool puts on the step's heading a frame after going to a step
 * (goToStep, 下一步): a field filled before that frame can lose the focus to the heading
 * halfway, and its text with it (seen with FAZHI_LATE_MS=300). */
export async function stepFocused(page) {
  return focusLandsOn(page, await heading(page).getAttribute('id'));
}

/** Item group n (0-based) of the list on screen. */
export function itemGroup(page, n) {
  return page.locator('li.item:not(.subsection) fieldset').nth(n);
}

/** Fills a list on the current step with `items`, adding rows as needed. */
export async function fillItems(page, items) {
  const rows = page.locator('li.item:not(.subsection)');
  for (let i = 0; i < items.length; i++) {
    if ((await rows.count()) <= i) {
      await page.getByRole('button', { name: '添加一条' }).click();
      // The tool puts the cursor in the new item a frame later (the same race as goToStep's).
      await focusLandsOn(page, /^f-item-\d+-lead$/);
    }
    const group = itemGroup(page, i);
    await field(group, '要点（一句话概括）').fill(items[i].lead);
    await field(group, '具体内容').fill(items[i].detail);
  }
}

/** Text of the output textarea on the 生成报告 step. */
export async function outputText(page) {
  await goToStep(page, /生成报告/);
  return field(page, '报告全文（只读，可全选复制）').inputValue();
}

/** Types the whole sample report through the form, the plain way (no reordering). */
export async function typeSample(page, typed = TYPED) {
  await field(page, '发文机关').fill(typed.organ);
  await field(page, '报告年度').fill(typed.year);
  await field(page, '机关代字').fill(typed.doc_agency);
  await field(page, '发文年份').fill(typed.doc_year);
  await field(page, '序号').fill(typed.doc_serial);
  await goToStep(page, '开头段');
  await field(page, '开头段').fill(typed.opening);
  await goToStep(page, /^一、/);
  for (let s = 1; s < typed.work.length; s++) {
    await page.getByRole('button', { name: '添加小节', exact: true }).click();
    await focusLandsOn(page, /^f-sub-\d+-title$/);
  }
  const subs = page.locator('li.subsection');
  for (let s = 0; s < typed.work.length; s++) await field(subs.nth(s), '小节标题').fill(typed.work[s].title);
  for (let s = 0; s < typed.work.length; s++) {
    await goToStep(page, new RegExp('^（' + '一二三四五六七八九十'[s] + '）'));
    await fillItems(page, typed.work[s].items);
  }
  for (const [n, key] of [['二', 'problems'], ['三', 'plan']]) {
    await goToStep(page, new RegExp('^' + n + '、'));
    await field(page, '引言段').fill(typed[key].lead);
    await fillItems(page, typed[key].items);
  }
  await goToStep(page, '落款');
  await field(page, '成文日期').fill(typed.date);
  await field(page, '附注').fill(typed.note);
}

/** The element that has keyboard focus, looking inside shadow roots. */
export function focusedId(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.id : '';
  });
}

/** Waits until focus lands on an element whose id matches (focus moves a frame after the
 * DOM does, and a busy machine can delay that frame); returns the id. */
export async function focusLandsOn(page, expected, { timeout = 3000 } = {}) {
  const matches = (id) => (typeof expected === 'string' ? id === expected : expected.test(id));
  const id = await eventually(() => focusedId(page), matches, { timeout });
  assert.ok(matches(id), `focus is on "${id}", expected ${expected}`);
  return id;
}

/** Reads `read()` until `ok(value)` holds, for what the page does a frame or a timer after
 * an action (up to `timeout` ms); returns the last value read, for the caller to assert on,
 * so a failure still shows what was there. */
export async function eventually(read, ok, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}

// GB/T 9704 7.5 on A4: odd page numbers end, even ones start, one 4号 character (14 pt)
// inside the text block (28 mm from the left edge, 26 mm from the right), in points.
const MM = 72 / 25.4;
export const ODD_NUMBER_ENDS = 595.28 - 26 * MM - 14;
export const EVEN_NUMBER_STARTS = 28 * MM + 14;

/** Where "— N —" sits on page n: the leftmost and rightmost x of its words, in points. */
export function pageNumberBox(pdf, n) {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), text: m[4] }));
  const footerY = Math.max(...words.map((w) => w.y));
  const line = words.filter((w) => Math.abs(w.y - footerY) < 1);
  assert.equal(line.map((w) => w.text).join(' '), `— ${n} —`);
  return { xMin: Math.min(...line.map((w) => w.xMin)), xMax: Math.max(...line.map((w) => w.xMax)) };
}

