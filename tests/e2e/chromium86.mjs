// Chromium 86 (the kernel generation of 360安全浏览器 13 / 奇安信可信浏览器 on many government
// desktops), from npm's chrome-aws-lambda@5.3.1: a brotli-packed headless build and the shared
// libraries it needs, unpacked once into node_modules/.cache/chromium86.
//
// Driver: playwright-core attached over CDP. Its locators (and waitForFunction) do not work
// against a browser this old, but page.evaluate, goto, reload and the keyboard (CDP
// Input.insertText) do, so the steps here find elements with evaluate (by <label for>, by
// button text, through shadow roots) and type with page.keyboard.insertText: real input events.
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { brotliDecompressSync } from 'node:zlib';
import { spawn, execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { ROOT } from './helpers.mjs';

const PACKAGE = join(ROOT, 'node_modules', 'chrome-aws-lambda', 'bin');
const DIR = join(ROOT, 'node_modules', '.cache', 'chromium86');
const EXE = join(DIR, 'chromium');

function unpack() {
  if (existsSync(EXE)) return;
  if (!existsSync(PACKAGE)) throw new Error('chrome-aws-lambda missing: run scripts/setup.sh test');
  const tmp = `${DIR}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  for (const tar of ['aws.tar.br', 'swiftshader.tar.br']) {
    execFileSync('tar', ['-x', '-C', tmp], { input: brotliDecompressSync(readFileSync(join(PACKAGE, tar))), maxBuffer: 1 << 30 });
  }
  writeFileSync(join(tmp, 'chromium'), brotliDecompressSync(readFileSync(join(PACKAGE, 'chromium.br'))), { mode: 0o755 });
  renameSync(tmp, DIR);
}

/** Starts headless Chromium 86 and attaches playwright over CDP. close() ends the process. */
export async function launch86() {
  unpack();
  // Chromium 86 in single-process mode now and then accepts the DevTools socket but never
  // answers playwright's attach (seen on a loaded 2-core machine): start it afresh, up to 3 times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(attempt < 3 ? 30000 : 90000);
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

async function launchOnce(connectTimeout) {
  const profile = mkdtempSync(join(tmpdir(), 'fazhi-c86-'));
  const proc = spawn(EXE, [
    '--headless', '--no-sandbox', '--single-process', '--no-zygote', '--disable-gpu', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
    '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1400,1000', 'about:blank',
  ], { env: { ...process.env, LD_LIBRARY_PATH: join(DIR, 'lib') }, stdio: ['ignore', 'ignore', 'pipe'] });
  const kill = () => proc.kill('SIGKILL');
  process.on('exit', kill); // never leave it running, whatever happens to the test
  // Chromium 86 keeps logging (GPU errors) to stderr: read it only until the DevTools line,
  // then drain it unread (keeping it all made the test slower and slower).
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    const done = (f) => { clearTimeout(timer); proc.stderr.removeListener('data', read); proc.stderr.resume(); f(); };
    const timer = setTimeout(() => done(() => { kill(); reject(new Error(`Chromium 86 did not start:\n${err.slice(-4000)}`)); }), 60000);
    const read = (d) => {
      err = (err + d).slice(-20000);
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) done(() => resolve(m[1]));
    };
    proc.stderr.on('data', read);
    proc.on('exit', (code) => done(() => reject(new Error(`Chromium 86 exited (${code}):\n${err.slice(-4000)}`))));
  });
  const browser = await chromium.connectOverCDP(endpoint, { timeout: connectTimeout }).catch((e) => {
    proc.kill('SIGKILL');
    process.removeListener('exit', kill);
    rmSync(profile, { recursive: true, force: true });
    throw e;
  });
  return {
    browser,
    context: browser.contexts()[0],
    async close() {
      // Kill first: closing a CDP-attached browser may never resolve, and Node then exits
      // without running what follows (it left Chromium running once).
      proc.kill('SIGKILL');
      process.removeListener('exit', kill);
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// In-page helpers, sent with each call. `scope` is a CSS selector of the host element (or '')
// whose shadow root is searched; without it every open shadow root is.
const FIND = `
  function roots(scope) {
    var out = [];
    function walk(r) { out.push(r); r.querySelectorAll('*').forEach(function (e) { if (e.shadowRoot) walk(e.shadowRoot); }); }
    if (scope) { var h = document.querySelector(scope); if (h && h.shadowRoot) walk(h.shadowRoot); } else walk(document);
    return out;
  }
  function byLabel(scope, label, nth) {
    var hits = [];
    roots(scope).forEach(function (r) {
      r.querySelectorAll('label').forEach(function (l) {
        if (l.textContent.trim() === label && l.htmlFor) { var el = r.getElementById(l.htmlFor); if (el) hits.push(el); }
      });
    });
    return hits[nth || 0] || null;
  }
  // The visible name: text without aria-hidden parts (a button's "＋ " or " →").
  function name(el) {
    var t = '';
    el.childNodes.forEach(function (c) {
      if (c.nodeType === 3) t += c.textContent;
      else if (c.nodeType === 1 && c.getAttribute('aria-hidden') !== 'true') t += name(c);
    });
    return t;
  }
  function byText(scope, selector, text, nth) {
    var hits = [];
    roots(scope).forEach(function (r) {
      r.querySelectorAll(selector).forEach(function (b) {
        var t = (b.getAttribute('aria-label') || name(b)).trim();
        if (text instanceof RegExp ? text.test(t) : t === text) hits.push(b);
      });
    });
    return hits[nth || 0] || null;
  }
`;
const call = (page, body, args) => page.evaluate(`(function (args) { ${FIND} ${body} })(${JSON.stringify(args)})`);
const reArg = (t) => (t instanceof RegExp ? { re: t.source } : { s: t });
const TEXT = `var text = args.text.re ? new RegExp(args.text.re) : args.text.s;`;

/** Polls (from Node, every 50 ms) until `probe` returns something truthy. */
export async function until(what, probe, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Types `value` into the field labelled `label` (replacing what is there), as a keyboard would. */
export async function fill(page, label, value, { scope = '', nth = 0 } = {}) {
  const kind = await call(page, `
    var el = byLabel(args.scope, args.label, args.nth);
    if (!el) return null;
    el.focus();
    if (el.type === 'date') { el.value = args.value; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); return 'date'; }
    el.select();
    return 'text';`, { scope, label, nth, value });
  if (!kind) throw new Error(`no field labelled ${label}`);
  if (kind === 'text') {
    if (value === '') await page.keyboard.press('Delete');
    else await page.keyboard.insertText(value);
  }
}

export const value = (page, label, { scope = '', nth = 0 } = {}) =>
  call(page, 'var el = byLabel(args.scope, args.label, args.nth); return el ? el.value : null;', { scope, label, nth });

export const hasField = (page, label, { scope = '' } = {}) =>
  call(page, 'return !!byLabel(args.scope, args.label, 0);', { scope, label });

/** Clicks the button whose text is `text` (a string, or a RegExp on the trimmed text). */
export async function click(page, text, { scope = '', nth = 0, selector = 'button' } = {}) {
  const ok = await call(page, `${TEXT} var b = byText(args.scope, args.selector, text, args.nth); if (!b) return false; b.click(); return true;`,
    { scope, nth, selector, text: reArg(text) });
  if (!ok) throw new Error(`no button ${text}`);
  // What a click sets in motion a frame later (the focus moving to a new row) lands before
  // the next step, as it does for a person: typed text never goes where focus is about to leave.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 20)))));
}

/** The text of the first element matching `selector` (in shadow roots too). */
export const textOf = (page, selector, { scope = '' } = {}) =>
  call(page, 'var hit = null; roots(args.scope).forEach(function (r) { hit = hit || r.querySelector(args.selector); }); return hit ? hit.textContent : null;', { scope, selector });

export const count = (page, selector, { scope = '' } = {}) =>
  call(page, 'var n = 0; roots(args.scope).forEach(function (r) { n += r.querySelectorAll(args.selector).length; }); return n;', { scope, selector });

/** Boxes (left, top, width, bottom) of the first element matching each selector, inside `scope`. */
export const boxes = (page, selectors, { scope = '' } = {}) =>
  call(page, `return args.selectors.map(function (s) {
    var hit = null; roots(args.scope).forEach(function (r) { hit = hit || r.querySelector(s); });
    if (!hit) return null;
    var b = hit.getBoundingClientRect(); return { left: b.left, top: b.top, width: b.width, bottom: b.bottom, scroll: hit.scrollWidth - hit.clientWidth };
  });`, { scope, selectors });
