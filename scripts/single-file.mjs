// Trunk post-build hook: turns Trunk's output (module script + .wasm, which Chromium and
// Firefox refuse to load from file://) into one self-contained file that runs offline:
//   dist/fazhi-report.html  the standalone tool (open it from a shared folder)
// The wasm is optimised with binaryen's wasm-opt (npm, release builds only), gzipped,
// base64-encoded and inlined; the page decompresses it with the browser's own
// DecompressionStream, so nothing is fetched from anywhere. It also writes
//   dist/fazhi-report.js    the same tool as one classic script, for <script src> in any page
// Both define window.FazhiReport (see README: Embedding).
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.env.TRUNK_STAGING_DIR || process.argv[2];
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk, or pass the directory)');

const files = readdirSync(staging);
// index.html names Trunk's output "app" (data-target-name), keeping fazhi-report.* for ours.
const glueName = files.find((f) => /^app(-[0-9a-f]+)?\.js$/.test(f));
const wasmName = files.find((f) => /^app(-[0-9a-f]+)?_bg\.wasm$/.test(f));
if (!glueName || !wasmName) throw new Error(`no wasm-bindgen output in ${staging}: ${files.join(', ')}`);

let wasm = readFileSync(join(staging, wasmName));
if (release) {
  const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
  if (!existsSync(wasmOpt)) throw new Error('wasm-opt missing: run scripts/setup.sh');
  const tmp = mkdtempSync(join(tmpdir(), 'fazhi-'));
  const out = join(tmp, 'opt.wasm');
  execFileSync(wasmOpt, [join(staging, wasmName), '-Oz', '--strip-debug', '--strip-producers',
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '-o', out], { stdio: 'inherit' });
  wasm = readFileSync(out);
  rmSync(tmp, { recursive: true });
  writeFileSync(join(staging, wasmName), wasm); // the served (http) build gets it too
}

/** The ES-module glue as a classic-script body: no `export`, no `import.meta`. */
function classicGlue(source) {
  const must = (re, what) => { if (!re.test(source)) throw new Error(`wasm-bindgen glue changed: no ${what}`); };
  must(/async function __wbg_init\b/, '__wbg_init');
  must(/^export \{[^}]*\};?\s*$/m, 'final export list');
  return source
    .replace(/^export \{[^}]*\};?\s*$/m, '')
    .replace(/^export (class|function|const|let|async function) /gm, '$1 ')
    .replace(/import\.meta\.url/g, 'document.baseURI');
}

const glue = classicGlue(readFileSync(join(staging, glueName), 'utf8'));
const packed = gzipSync(wasm, { level: 9 }).toString('base64');

// Starts the app from the inlined bytes. FazhiReport.mount works at once: it waits for the
// wasm, then calls FazhiReport._mount (installed by src/embed.rs). Errors show in Chinese.
const boot = `
const FAZHI_WASM_GZ = "${packed}";
const api = window.FazhiReport = window.FazhiReport || {};
api.ready = new Promise(function (resolve) { api._onready = resolve; });
api.mount = function (element, options) {
  var inner = null;
  var handle = {
    error: null,
    getText: function () { return inner && inner.getText ? inner.getText() : null; },
    getDraft: function () { return inner && inner.getDraft ? inner.getDraft() : null; },
    loadDraft: function (json) { if (!inner || !inner.loadDraft) throw new Error('起草工具尚未加载完成：请先 await handle.ready'); return inner.loadDraft(json); },
    unmount: function () { if (inner && inner.unmount) inner.unmount(); },
  };
  handle.ready = api.ready.then(function () {
    inner = api._mount(element, options);
    handle.error = inner.error || null;
    return handle;
  });
  return handle;
};
async function fazhiBoot() {
  performance.mark('fazhi:boot');
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(FAZHI_WASM_GZ) : (function () {
    const text = atob(FAZHI_WASM_GZ), out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  })();
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  // A Response typed application/wasm lets the browser compile while it decompresses.
  const wasm = new Response(stream, { headers: { 'Content-Type': 'application/wasm' } });
  performance.mark('fazhi:unpacked');
  if (document.readyState === 'loading') {
    await new Promise(function (r) { document.addEventListener('DOMContentLoaded', r, { once: true }); });
  }
  await __wbg_init({ module_or_path: wasm });
  performance.mark('fazhi:mounted');
}
fazhiBoot().catch(function (e) {
  console.error('fazhi-report', e);
  document.querySelectorAll('[data-fazhi-report], #fazhi-report').forEach(function (host) {
    host.textContent = '起草工具无法启动：此浏览器版本过旧或禁用了 WebAssembly。请使用新版 Chrome、Edge、Firefox 或 360/奇安信浏览器的极速模式打开。（' + e + '）';
  });
});`;

const script = `/*! fazhi-report ${process.env.npm_package_version || ''} · 法治政府建设年度报告起草向导 · one file, no network */
(function () {
"use strict";
${glue}
${boot}
})();
`;
writeFileSync(join(staging, 'fazhi-report.js'), script);

const css = readFileSync(join(root, 'style', 'page.css'), 'utf8');
const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:">
<link rel="icon" href="data:,">
<title>法治政府建设年度报告 · 起草向导</title>
<style>${css}</style>
</head>
<body>
<div id="fazhi-report"><p class="loading">正在加载起草工具…</p></div>
<noscript><p class="loading">本工具需要启用 JavaScript。</p></noscript>
<script>
${script.replace(/<\/script/gi, '<\\/script')}
</script>
</body>
</html>
`;
writeFileSync(join(staging, 'fazhi-report.html'), html);
const kb = (n) => (n / 1024).toFixed(0) + ' KB';
console.log(`[single-file] fazhi-report.html ${kb(Buffer.byteLength(html))}, fazhi-report.js ${kb(Buffer.byteLength(script))} (wasm ${kb(wasm.length)}, gzip+base64 ${kb(packed.length)})`);
