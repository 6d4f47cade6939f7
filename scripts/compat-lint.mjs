// Checks that what the page runs exists in the oldest browsers we support (Chromium 86,
// Firefox ESR 78), with the tools made for it. Run by scripts/test.sh after the build:
//   node scripts/compat-lint.mjs
// - JavaScript (the built loader + wasm-bindgen glue in dist/fazhi-report.js, the single file's
//   inline scripts, examples/intranet.html's page script, the loader's helpers): syntax parsed
//   as ES2020 (ES3 / ES5 where a script says so) and eslint-plugin-compat for browser APIs.
// - CSS (style/*.css, src/components/*/*.css): doiuse (caniuse data). A feature the old
//   browsers lack is allowed only where it is listed below with the fallback that keeps the
//   layout working there.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import compat from 'eslint-plugin-compat';
import globals from 'globals';
import postcss from 'postcss';
import doiuse from 'doiuse';

export const BROWSERS = ['chrome >= 86', 'firefox >= 78'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// CSS features the old browsers lack, allowed in one file each, with what they get instead.
const ALLOWED = {
  'src/components/app/app.css css-container-queries':
    'scripts/container-fallback.js applies the same rules by script (ResizeObserver)',
  'src/components/drafts_page/drafts_page.css css-container-queries':
    'scripts/container-fallback.js applies the same rules by script (ResizeObserver)',
  'src/components/step_form/step_form.css css-has':
    'only highlights the chosen structure\'s box; the radio button itself shows the choice',
  'src/components/preview/preview.css css-content-visibility':
    'only skips rendering off-screen preview paragraphs (speed); without it they are rendered as usual',
};
// caniuse marks these "partial" for reasons our rules do not touch.
const PARTIAL_NOT_USED = {
  'css-overflow': 'partial = the `clip` value and two-value `overflow`; we use hidden/auto',
  'css-sticky': 'partial = sticky <thead>/<tr> in Chromium < 91; we make only <div>/<nav> sticky',
  'css-text-indent': 'partial = the `hanging` / `each-line` keywords; we use lengths',
};

let failures = 0;
const fail = (message) => { failures++; console.error(`  ✗ ${message}`); };

// --- JavaScript ---
function eslintFor(ecmaVersion) {
  return new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{
      files: ['**/*'],
      plugins: { compat },
      languageOptions: { ecmaVersion, sourceType: 'script', globals: { ...globals.browser } },
      settings: { browsers: BROWSERS },
      rules: { 'compat/compat': 'error' },
    }],
  });
}
const scriptsOf = (html) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const js = [];
const built = readFileSync(join(root, 'dist', 'fazhi-report.js'), 'utf8');
js.push({ name: 'dist/fazhi-report.js', text: built, ecma: 2020 });
const [prologue, main] = scriptsOf(readFileSync(join(root, 'dist', 'fazhi-report.html'), 'utf8'));
js.push({ name: 'dist/fazhi-report.html (IE-safe check)', text: prologue, ecma: 3 });
js.push({ name: 'dist/fazhi-report.html (tool)', text: main, ecma: 2020 });
scriptsOf(readFileSync(join(root, 'examples', 'intranet.html'), 'utf8'))
  .forEach((text, i) => js.push({ name: `examples/intranet.html (script ${i + 1})`, text, ecma: 5 }));
for (const f of ['unpack.js', 'inflate.js', 'container-fallback.js']) js.push({ name: `scripts/${f}`, text: readFileSync(join(root, 'scripts', f), 'utf8'), ecma: 5 });
if (!built.includes('compatible build')) fail('dist/fazhi-report.js is not the compatible build: run scripts/build.sh');

console.log(`JavaScript, eslint-plugin-compat (${BROWSERS.join(', ')}):`);
// eslint-plugin-compat sees `if (typeof X …)` guards but not wasm-bindgen's
// `(typeof FinalizationRegistry === 'undefined') ? stub : new FinalizationRegistry(…)`:
// an API tested with typeof on the same line or the two before is feature-detected, not missing.
function guarded(lines, m) {
  const api = /^(\w+)/.exec(m.message)?.[1];
  return m.ruleId === 'compat/compat' && api && [lines[m.line - 1], lines[m.line - 2], lines[m.line - 3]].some((l) => l?.includes(`typeof ${api}`));
}
for (const { name, text, ecma } of js) {
  const [result] = await eslintFor(ecma).lintText(text, { filePath: join(root, 'lint.js') });
  const lines = text.split('\n');
  const detected = new Set();
  const missing = result.messages.filter((m) => !(guarded(lines, m) && detected.add(/^(\w+)/.exec(m.message)[1])));
  for (const m of missing) fail(`${name}:${m.line}:${m.column} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ` (ES${ecma} syntax)`}`);
  const note = detected.size ? `; feature-detected: ${[...detected].join(', ')}` : '';
  console.log(`  ${missing.length ? '✗' : '✓'} ${name} (${(text.length / 1024).toFixed(0)} KB, ES${ecma}${note})`);
}

// --- CSS ---
const cssFiles = [
  ...readdirSync(join(root, 'style')).filter((f) => f.endsWith('.css')).map((f) => join(root, 'style', f)),
  ...readdirSync(join(root, 'src', 'components'), { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, 'src', 'components', d.name)).filter((f) => f.endsWith('.css'))
      .map((f) => join(root, 'src', 'components', d.name, f))),
];
console.log(`CSS, doiuse (${BROWSERS.join(', ')}):`);
const used = new Set();
for (const file of cssFiles) {
  const name = relative(root, file);
  const css = readFileSync(file, 'utf8');
  const found = [];
  await postcss([doiuse({
    browsers: BROWSERS,
    ignore: Object.keys(PARTIAL_NOT_USED),
    onFeatureUsage: (u) => found.push(u),
  })]).process(css, { from: file });
  for (const u of found) {
    const key = `${name} ${u.feature}`;
    if (ALLOWED[key]) { used.add(key); continue; }
    fail(`${name}:${u.usage.source.start.line} ${u.featureData.title} is missing in ${u.featureData.missing || u.featureData.partial} [${u.feature}]: add a fallback, or list it in scripts/compat-lint.mjs with the fallback it has`);
  }
  // The script fallback understands only `@container (max-width: Npx)`.
  for (const m of css.matchAll(/@container([^{]*)\{/g)) {
    if (!/^\s*\(\s*max-width:\s*\d+px\s*\)\s*$/.test(m[1])) fail(`${name}: "@container${m[1]}" is not of the form (max-width: Npx), which scripts/container-fallback.js needs`);
  }
  console.log(`  ${found.every((u) => ALLOWED[`${name} ${u.feature}`]) ? '✓' : '✗'} ${name}${found.length ? ` (${[...new Set(found.map((u) => u.feature))].join(', ')}: with fallback)` : ''}`);
}
for (const key of Object.keys(ALLOWED)) if (!used.has(key)) fail(`allowed but no longer used, remove from ALLOWED: ${key}`);

if (failures) {
  console.error(`compat-lint: ${failures} problem(s)`);
  process.exit(1);
}
console.log('compat-lint: all clear');
