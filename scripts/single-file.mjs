// Trunk post-build hook: turns Trunk's output (module script + .wasm, which Chromium and
// Firefox refuse to load from file://) into one self-contained file that runs offline:
//   dist/fazhi-report.html  the standalone tool (open it from a shared folder)
// The wasm is optimised with binaryen's wasm-opt (npm, release builds only), gzipped (by
// zopfli, npm @gfx/zopfli: about 5 % smaller than zlib's best; zlib if it is missing), and
// inlined as one string of ASCII characters, 7 for every 6 bytes (scripts/pack.mjs; base64
// took 8 for 6); the page decodes it (scripts/unpack.js, with a 167-byte wasm decoder packed
// the same way beside it, where wasm may run) and decompresses it with the
// browser's own DecompressionStream (or, where that is missing, with scripts/inflate.js), so
// nothing is fetched from anywhere. Both files are ASCII only (other characters as \u
// escapes or character references): the classic script runs the same in a page of any
// charset, and the page carries that same script. scripts/build.sh makes the compatible build (wasm without
// post-MVP features that Chromium 86 / Firefox 78 lack); a plain `trunk build` on stable
// Rust gives a modern one (reference types, bulk memory), recognised below. It also writes
//   dist/fazhi-report.js    the same tool as one classic script, for <script src> in any page
// Both define window.FazhiReport (see README: Embedding). The page (not the script) also
// carries the app shell (scripts/app-shell/shell.js): a new draft's first screen as markup,
// painted before the wasm runs and handed over to the tool when it mounts.
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pack, DECODER } from './pack.mjs';
import { shortenNames } from './short-names.mjs';
import { dropStreamClasses } from './unused-exports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk, or pass the directory)');

const files = readdirSync(staging);
// index.html names Trunk's output "app" (data-target-name), keeping fazhi-report.* for ours.
const glueName = files.find((f) => /^app(-[0-9a-f]+)?\.js$/.test(f));
const wasmName = files.find((f) => /^app(-[0-9a-f]+)?_bg\.wasm$/.test(f));
if (!glueName || !wasmName) throw new Error(`no wasm-bindgen output in ${staging}: ${files.join(', ')}`);

let glueSource = readFileSync(join(staging, glueName), 'utf8');
// A modern build (stable Rust's default wasm features) has wasm-bindgen's externref table;
// the compatible one (scripts/build.sh) has none.
const modern = /externref/.test(glueSource);
// Features wasm-opt may use. For the compatible build only what Chromium 86 and Firefox 78
// both have (sign-ext: Chromium 74 / Firefox 62; non-trapping float-to-int: 75 / 64;
// mutable globals: 74 / 61). No bulk memory (Firefox 79), reference types (Chromium 96,
// Firefox 79) or multivalue (Chromium 85). wasm-opt also refuses a module that uses more
// than it is allowed, so this checks the compiler's output too.
const features = modern
  ? ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue']
  : ['--mvp-features', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals'];
let wasm = readFileSync(join(staging, wasmName));
if (release) {
  const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(wasmOpt)) throw new Error('wasm-opt missing: run scripts/setup.sh');
  const tmp = mkdtempSync(join(tmpdir(), 'fazhi-'));
  const out = join(tmp, 'opt.wasm');
  // Unused stream classes out first, so that wasm-opt drops their code (scripts/unused-exports.mjs).
  const input = join(tmp, 'in.wasm');
  const lean = dropStreamClasses(wasm, glueSource);
  glueSource = lean.glue;
  writeFileSync(input, lean.wasm);
  // FAZHI_KEEP_NAMES=1 scripts/build.sh keeps the function names (and DWARF), for a CPU profile
  // that names Rust functions (scripts/bench/profile-typing.mjs); never for a shipped file.
  // --low-memory-unused: the wasm's first kilobyte is never read or written (Rust puts the
  // stack first, from 1 MiB down, and the data above it; the first kilobyte would be the
  // stack's last, only 1 MiB deep), so wasm-opt may fold constant offsets into loads and
  // stores (wasm 5.7 KB, single file 2.2 KB smaller).
  execFileSync(wasmOpt, [input, '-Oz', '--low-memory-unused', ...(process.env.FAZHI_KEEP_NAMES ? ['-g'] : ['--strip-debug']), '--strip-producers', '--strip-target-features',
    ...features, '-o', out], { stdio: 'inherit' });
  wasm = readFileSync(out);
  rmSync(tmp, { recursive: true });
  // Short import/export names in both the wasm and the glue (scripts/short-names.mjs).
  ({ wasm, glue: glueSource } = shortenNames(wasm, glueSource));
  // The served (http) build gets both too.
  writeFileSync(join(staging, wasmName), wasm);
  writeFileSync(join(staging, glueName), glueSource);
}

/** The ES-module glue as a classic-script body: no `export`, no `import.meta`. */
function classicGlue(source) {
  const must = (re, what) => { if (!re.test(source)) throw new Error(`wasm-bindgen glue changed: no ${what}`); };
  // The loader instantiates the module it compiled itself, with the glue's imports, and hands
  // the instance to the glue: its own loading paths (fetch, streaming, initSync) go unused, and
  // the minifier drops them.
  must(/function __wbg_get_imports\(\)/, '__wbg_get_imports');
  must(/function __wbg_finalize_init\(instance, module\)/, '__wbg_finalize_init');
  // and no other step between the imports and the instance (older glue had __wbg_init_memory):
  // the glue's own synchronous path does exactly what the loader does.
  must(/const imports = __wbg_get_imports\(\);\s*if \(!\(module instanceof WebAssembly\.Module\)\) \{[^}]*\}\s*const instance = new WebAssembly\.Instance\(module, imports\);\s*return __wbg_finalize_init\(instance, module\);/, 'initSync as imports, instance, finalize');
  must(/^export \{[^}]*\};?\s*$/m, 'final export list');
  return source
    .replace(/^export \{[^}]*\};?\s*$/m, '')
    .replace(/^export (class|function|const|let|async function) /gm, '$1 ')
    .replace(/import\.meta\.url/g, 'document.baseURI');
}

const glue = classicGlue(glueSource);
// Helpers inlined into the loader (their comments dropped): the payload's decoder and inflate
// (the latter for older browsers), the container-query fallback, and the app shell's handover.
const inlined = (name) => readFileSync(join(root, 'scripts', name), 'utf8').replace(/^\/\/.*\n/gm, '');
const inflateJs = inlined('inflate.js'); // the app shell's script below carries it too
const helpers = inlined('unpack.js') + inflateJs + inlined('container-fallback.js') + inlined('app-shell/handover.js');
/** `bytes` gzipped as small as we can. */
async function gzip(bytes) {
  try {
    const { gzipAsync } = await import('@gfx/zopfli');
    // blocksplittingmax 0: as many deflate blocks as zopfli finds worth it (its default stops
    // at 15; the wasm's code, data and tables gain from more): 1.7 KB less gzip, 3-6 s more.
    return Buffer.from(await gzipAsync(bytes, { numiterations: 15, blocksplittingmax: 0 }));
  } catch (e) {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    console.warn('[single-file] @gfx/zopfli missing (npm ci installs it): zlib instead, about 5 % larger');
    return gzipSync(bytes, { level: 9 });
  }
}
const gzipped = await gzip(wasm);
const packed = pack(gzipped);

// What a clerk sees where the tool cannot run (no WebAssembly, IE mode, a very old kernel):
// what is wrong, and which browsers do work.
const TOO_OLD = '起草工具无法在此浏览器中运行：浏览器版本过旧、处于兼容模式（IE 内核），或禁用了 WebAssembly。'
  + '请改用以下任一浏览器打开：Chrome 或 Edge 86 及以上版本，Firefox 78 及以上版本，'
  + '360 安全浏览器、奇安信可信浏览器等国产浏览器的极速模式（Chromium 86 及以上内核，可在地址栏右侧切换）。';

// Starts the app from the inlined bytes. FazhiReport.mount works at once: it waits for the
// wasm, then calls FazhiReport._mount (installed by src/embed.rs). Errors show in Chinese.
const boot = `
// The gzipped wasm as scripts/pack.mjs writes it, its length in bytes, and the decoder (scripts/unpack.js).
const FAZHI_WASM_GZ = ["FAZHI_PAYLOAD", ${gzipped.length}, "FAZHI_DECODER", ${DECODER.length}];
${helpers}
const api = window.FazhiReport = window.FazhiReport || {};
// Start-up messages, shown before the wasm (and its strings.rs) runs.
const FAZHI_MSG = {
  csp: "起草工具无法启动：本页面的内容安全策略（CSP）禁止运行 WebAssembly。请页面维护人员在 script-src 中加入 'wasm-unsafe-eval'（Chrome 97 以前的浏览器需 'unsafe-eval'）。",
  old: ${JSON.stringify(TOO_OLD)},
  failed: '起草工具启动失败，请刷新页面重试；仍不行请联系页面维护人员（浏览器控制台中有详细信息）。',
  mount: '起草工具无法在此元素上启动（浏览器控制台中有详细信息）。',
  unmounted: '起草工具已卸载（在加载完成前调用了 unmount）。',
  notReady: '起草工具尚未加载完成：请先 await handle.ready',
  notSaved: '未保存：起草工具未能启动，已填写的内容可复制留存',
};
let fazhiCspBlocked = false;
document.addEventListener('securitypolicyviolation', function (e) {
  if (/^script-src/.test(e.violatedDirective || e.effectiveDirective || '') && /eval/.test(e.blockedURI || '')) fazhiCspBlocked = true;
});
function fazhiShow(host, message) {
  if (!host || typeof host.replaceChildren !== 'function') return;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = message;
  // The app shell's shadow root hides the host's children: the message goes on top of the
  // shell instead, whose typed text stays there to be copied.
  const shell = fazhiShellRoot();
  const box = shell && shell.host === host && shell.querySelector('.fr-root');
  if (box) {
    p.className = 'config-error';
    box.insertBefore(p, box.firstChild);
    // Nothing in it is saved or checked: say so, and take no more typing.
    shell.fazhiFailed = true;
    host.removeAttribute('aria-busy');
    const status = shell.querySelector('.save-state');
    if (status) status.textContent = FAZHI_MSG.notSaved;
    shell.querySelectorAll('input, textarea').forEach(function (field) { field.readOnly = true; });
    return;
  }
  host.replaceChildren(p);
}
api.ready = new Promise(function (resolve, reject) { api._onready = resolve; api._onfail = reject; });
api.ready.catch(function () {}); // each handle's ready reports it; no unhandled rejection here
// One handle per element: mounting it again gives the same handle; unmount always wins.
const fazhiHandles = new WeakMap();
api.mount = function (element, options) {
  const keyable = element !== null && (typeof element === 'object' || typeof element === 'function');
  const known = keyable && fazhiHandles.get(element);
  if (known) return known;
  let inner = null, gone = false;
  const handle = {
    error: null,
    getText: function () { return inner && inner.getText ? inner.getText() : null; },
    getDraft: function () { return inner && inner.getDraft ? inner.getDraft() : null; },
    loadDraft: function (json) { if (!inner || !inner.loadDraft) throw new Error(gone ? FAZHI_MSG.unmounted : FAZHI_MSG.notReady); return inner.loadDraft(json); },
    unmount: function () {
      gone = true;
      if (keyable && fazhiHandles.get(element) === handle) fazhiHandles.delete(element);
      if (inner && inner.unmount) inner.unmount();
      inner = null;
    },
  };
  if (keyable) fazhiHandles.set(element, handle);
  handle.ready = api.ready.then(function () {
    if (gone) { handle.error = FAZHI_MSG.unmounted; return handle; }
    try {
      inner = api._mount(element, options);
    } catch (e) {
      console.error('fazhi-report', e);
      handle.error = FAZHI_MSG.mount;
      fazhiShow(element, FAZHI_MSG.mount);
      throw new Error(FAZHI_MSG.mount);
    }
    handle.error = inner.error || null;
    fallbacks();
    return handle;
  }, function (e) {
    handle.error = e.message;
    fazhiShow(element, e.message);
    throw e;
  });
  return handle;
};
// Older browsers: container queries by script (scripts/container-fallback.js) in every mounted instance.
const noContainerQueries = !(window.CSS && CSS.supports && CSS.supports('container-type: inline-size'));
function fallbacks() {
  if (!noContainerQueries) return;
  document.querySelectorAll('[data-fazhi-mounted]').forEach(function (host) {
    if (host.shadowRoot) fazhiContainerFallback(host.shadowRoot);
  });
}
// Resolves once the current frame is painted (an animation frame, then a task), or after
// 100 ms in a page that paints no frames (a background tab).
function fazhiAfterPaint() {
  return new Promise(function (resolve) {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(function () { setTimeout(function () { clearTimeout(late); resolve(); }); });
  });
}
async function fazhiBoot() {
  performance.mark('fazhi:boot');
  // The app shell (scripts/app-shell/shell.js), where the page shows one: painted first, and
  // the work below (a main thread busy for tens of milliseconds) only after it.
  if (fazhiShellRoot()) {
    await fazhiAfterPaint();
    performance.mark('fazhi:shell');
  }
  const bytes = fazhiUnpack(...FAZHI_WASM_GZ);
  let wasm;
  if (typeof DecompressionStream === 'function') {
    // A Response typed application/wasm lets the browser compile while it decompresses.
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    wasm = new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
  } else {
    // Firefox before 113 (ESR 78–102), Chromium before 80: our own inflate, then compile.
    wasm = fazhiInflate(bytes);
  }
  performance.mark('fazhi:unpacked');
  // Compile now, off the main thread, while the page is still being parsed; instantiate (and
  // so mount) only once the document is complete, for hosts declared after this script.
  const compiled = wasm instanceof Response ? WebAssembly.compileStreaming(wasm) : WebAssembly.compile(wasm);
  compiled.catch(function () {}); // reported by the await below, not as an unhandled rejection
  if (document.readyState === 'loading') {
    await new Promise(function (r) { document.addEventListener('DOMContentLoaded', r, { once: true }); });
  }
  const module = await compiled;
  const instance = await WebAssembly.instantiate(module, __wbg_get_imports());
  // The tool mounts into the shell's shadow root (emptying it) and takes over what was done
  // there (scripts/app-shell/handover.js): read just before, in the same task, so that no
  // keystroke falls between; an IME composition is left to finish first.
  const shell = fazhiShellRoot();
  if (shell) await fazhiShellSettled(shell);
  const takeOver = shell && fazhiShellHandover(shell);
  __wbg_finalize_init(instance, module);
  if (takeOver) takeOver();
  fallbacks();
  const scan = api.scan;
  api.scan = function () { scan(); fallbacks(); };
  performance.mark('fazhi:mounted');
}
fazhiBoot().catch(function (e) {
  console.error('fazhi-report', e);
  const text = String((e && e.message) || e);
  const message = typeof WebAssembly !== 'object' ? FAZHI_MSG.old
    : fazhiCspBlocked || /Content.Security.Policy|unsafe-eval|\\bCSP\\b/i.test(text) ? FAZHI_MSG.csp
    // A module this browser cannot compile (features newer than it): too old.
    : e instanceof WebAssembly.CompileError ? FAZHI_MSG.old
    : FAZHI_MSG.failed;
  document.querySelectorAll('[data-fazhi-report], #fazhi-report').forEach(function (host) { fazhiShow(host, message); });
  api._onfail(new Error(message));
});`;

const target = modern ? 'modern build: current Chrome, Edge, Firefox' : 'compatible build: Chromium 86+, Firefox 78+';
const scriptText = `/*! fazhi-report ${process.env.npm_package_version || ''} - drafting wizard for the annual rule-of-law government report - one file, no network - ${target} */
(function () {
"use strict";
${glue}
${boot}
})();
`;
// Minified (npm terser: whitespace, comments but the header, local names, functions and
// variables nothing uses, and terser's default compression, which folds the glue's hundreds
// of `const r = ...; return r;` into `return ...;`: 1.6 KB less than whitespace and names
// alone; plus `unsafe_arrows` and `unsafe_methods`: function expressions as arrows (those
// that use neither `this` nor `arguments`) or as method shorthands, 2.4 KB less. Those two
// are "unsafe" only for a function that is called with `new` (an arrow or method has no
// [[Construct]]): the glue and loader construct only built-ins (Promise, Error, Blob, ...),
// and the page's handle methods and the wasm's imports are only ever called. The glue and
// loader are about 72 KB readable, 20 KB so), the payload put in afterwards so
// that the minifier never re-escapes it. ASCII only: every other character as a \u escape
// (they are all in strings and comments), so a page in GBK or any other ASCII-compatible
// charset runs the script unchanged.
let minified = scriptText;
try {
  const { minify } = await import('terser');
  minified = (await minify(scriptText, {
    compress: { unsafe_arrows: true, unsafe_methods: true }, mangle: { keep_classnames: true }, ecma: 2017,
    format: { ascii_only: true, comments: /^!/ },
  })).code + '\n';
} catch (e) {
  if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  console.warn('[single-file] terser missing (npm ci installs it): the script is not minified');
}
const slot = /(["'])FAZHI_PAYLOAD\1/;
const decoderSlot = /(["'])FAZHI_DECODER\1/;
if (!slot.test(minified) || !decoderSlot.test(minified)) throw new Error('payload slot lost in minifying');
/** Every non-ASCII character as a \\u escape. */
const escapeNonAscii = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const script = escapeNonAscii(minified)
  .replace(slot, () => `"${packed}"`)
  .replace(decoderSlot, () => `"${pack(DECODER)}"`);
writeFileSync(join(staging, 'fazhi-report.js'), script);
// The page is ASCII only too, its Chinese as character references and its scripts' as \u
// escapes (1.3 KB more than as UTF-8): Blink then decodes the file and parses the 400 KB script
// as 8-bit text. In a Chrome trace that is about 14 ms less main-thread time before the tool
// starts (the decoder's 7.7 -> 1.7 ms, the tokenizer and the script's compile 33 -> 25 ms).
/** Every non-ASCII character of HTML text as a character reference. */
const htmlAscii = (text) => text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);

// The page around the tool. Notes for us stay here, not in the shipped page:
// - its first script is ES3 on purpose: it runs where the tool's own script cannot even be
//   parsed (IE mode), and says so;
// - its loading line is hidden, and that script shows it only when the tool takes more than
//   a second (a slow PC): painted at once, its text's first layout and font loading delay the
//   tool itself by about 70 ms. Once the tool is mounted the line is in no frame (the host
//   shows its shadow root);
// - its CSS (style/page.css) goes in as the tool's own CSS goes into the wasm: minified by the
//   rule of src/style_min.rs (comments out, each run of whitespace one space, none next to
//   { } or ;), which its test checks changes nothing but comments and whitespace;
// - its Content-Security-Policy lets the file load nothing from anywhere. default-src 'none':
//   no request of any kind unless named. script-src 'unsafe-inline': the tool's script,
//   inline; 'wasm-unsafe-eval' lets WebAssembly compile (Chromium 97+, Firefox 102+), nothing
//   else; 'unsafe-eval' does the same for Chromium 86-96 (the kernels of 360 and Qi-An-Xin
//   speed mode), which do not know 'wasm-unsafe-eval' and refuse to compile wasm without it.
//   style-src 'unsafe-inline': the inline style sheets. img-src data: only the empty data:
//   icon, which stops the request for /favicon.ico. The page keeps a one-line comment on
//   'unsafe-eval', the directive an intranet's security review asks about.
/** CSS without comments and whitespace nobody needs: src/style_min.rs's rule, which its test checks. */
const minifyCss = (text) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1').trim();
const css = minifyCss(readFileSync(join(root, 'style', 'page.css'), 'utf8'));

// The app shell (scripts/app-shell/shell.js): the first screen's markup as the tool renders it
// (scripts/app-shell/first-screen.html) in a <style> with the tool's CSS, built here from the
// sources and in the order that build.rs builds the wasm's from (src/style_min.rs SOURCES).
const sources = /SOURCES: &\[&str\] = &\[([^\]]*)\]/.exec(readFileSync(join(root, 'src', 'style_min.rs'), 'utf8'));
if (!sources) throw new Error('src/style_min.rs: no SOURCES list');
const toolCss = [...sources[1].matchAll(/"([^"]+)"/g)].map((m) => minifyCss(readFileSync(join(root, m[1]), 'utf8'))).join('');
const firstScreen = readFileSync(join(root, 'scripts', 'app-shell', 'first-screen.html'), 'utf8').trim();
const shellGz = await gzip(Buffer.from(`<style>${toolCss}</style>${firstScreen}`));
let shellScript = inflateJs + readFileSync(join(root, 'scripts', 'app-shell', 'shell.js'), 'utf8')
  .replace('atob(FAZHI_SHELL_GZ)', () => `atob(${JSON.stringify(shellGz.toString('base64'))})`);
if (!shellScript.includes(shellGz.toString('base64'))) throw new Error('scripts/app-shell/shell.js: no atob(FAZHI_SHELL_GZ)');
const widest = Math.max(...[...toolCss.matchAll(/@container\s*\(\s*max-width:\s*(\d+)px/g)].map((m) => Number(m[1])));
if (!(widest > 0)) throw new Error('no @container (max-width: Npx) rule in the CSS');
shellScript = shellScript.replaceAll('FAZHI_SHELL_WIDEST', String(widest));
if (shellScript.includes('FAZHI_SHELL_WIDEST')) throw new Error('scripts/app-shell/shell.js: FAZHI_SHELL_WIDEST left in');
// In a function of its own, so that its inflate is no global for the tool's script to see.
shellScript = `(function () {\n${shellScript}\n})();`;
try {
  const { minify } = await import('terser');
  shellScript = (await minify(shellScript, { ecma: 5, format: { ascii_only: true } })).code;
} catch (e) {
  if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
}
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<!-- CSP: nothing may be fetched. 'unsafe-eval' is for Chromium 86-96 (360, Qi-An-Xin), which compile WebAssembly only with it; the tool never calls eval. -->
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${htmlAscii('法治政府建设年度报告 · 起草向导')}</title>
<style>${css}</style>
</head>
<body>
<div id="fazhi-report"><p class="loading" role="status" hidden>${htmlAscii('正在加载起草工具…')}</p></div>
<noscript><p class="loading">${htmlAscii('本工具需要启用 JavaScript。')}</p></noscript>
<script>
(function () {
  var el = document.getElementById('fazhi-report');
  if (typeof WebAssembly !== 'object' || typeof Promise !== 'function' || !el.attachShadow) el.innerHTML = '<p class="loading">' + ${escapeNonAscii(JSON.stringify(TOO_OLD))} + '</p>';
  else setTimeout(function () { var p = el.getElementsByTagName('p')[0]; if (p) p.removeAttribute('hidden'); }, 1000);
})();
</script>
<script>${escapeNonAscii(shellScript).replace(/<\/script/gi, '<\\/script')}</script>
<script>
${script.replace(/<\/script/gi, '<\\/script')}
</script>
</body>
</html>
`;
if (/[^\x00-\x7f]/.test(html)) throw new Error(`fazhi-report.html has a non-ASCII character: ${/[^\x00-\x7f]/.exec(html)[0]}`);
writeFileSync(join(staging, 'fazhi-report.html'), html);
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
console.log(`[single-file] ${target}: fazhi-report.html ${kb(Buffer.byteLength(html))}, fazhi-report.js ${kb(Buffer.byteLength(script))} (wasm ${kb(wasm.length)}, gzip ${kb(gzipped.length)}, packed ${kb(packed.length)})`);
