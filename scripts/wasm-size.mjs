// Size analysis of the shipped wasm (not a test, not part of the build): which crates and
// modules the bytes belong to. Run after scripts/build.sh:
//   node scripts/wasm-size.mjs [top N] [file.wasm]
// Without a file it takes the compatible build's unstripped output
// (target/compat/wasm32-unknown-unknown/release/app.wasm), runs wasm-bindgen and the same
// wasm-opt -Oz as scripts/single-file.mjs but keeping the names section (-g), so the figures
// are the shipped function bodies, named (import/export names are shortened only later). Inlining moves bytes into callers: a crate's figure
// is the code of the functions still named after it. Data (string constants, tables) is one
// figure: the data section has no names after linking.
// Prints: section sizes, bytes by crate, by module (crate::module, and for this crate one
// level deeper), the largest functions, and how much is generic code instantiated for serde.
import { readFileSync, writeFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropStreamClasses } from './unused-exports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const top = Number(process.argv[2]) || 25;
let file = process.argv[3];
let tmp = null;
if (!file) {
  const raw = join(root, 'target', 'compat', 'wasm32-unknown-unknown', 'release', 'app.wasm');
  if (!existsSync(raw)) throw new Error(`${raw} missing: run scripts/build.sh first`);
  tmp = mkdtempSync(join(tmpdir(), 'fazhi-size-'));
  execFileSync('wasm-bindgen', [raw, '--target', 'web', '--keep-debug', '--out-dir', tmp, '--out-name', 'app'], { stdio: 'inherit' });
  file = join(tmp, 'opt.wasm');
  // As scripts/single-file.mjs does: the unused stream classes out before wasm-opt.
  const lean = dropStreamClasses(readFileSync(join(tmp, 'app_bg.wasm')), readFileSync(join(tmp, 'app.js'), 'utf8'));
  writeFileSync(join(tmp, 'app_bg.wasm'), lean.wasm);
  execFileSync(join(root, 'node_modules', '.bin', 'wasm-opt'), [join(tmp, 'app_bg.wasm'), '-Oz', '--low-memory-unused', '-g',
    '--strip-dwarf', '--strip-producers', '--strip-target-features',
    '--mvp-features', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals',
    '-o', file], { stdio: 'inherit' });
}
const b = readFileSync(file);
// FAZHI_SIZE_KEEP=<path>: keep the named, optimised wasm there (to profile with names, say).
if (process.env.FAZHI_SIZE_KEEP) writeFileSync(process.env.FAZHI_SIZE_KEEP, b);
if (tmp) rmSync(tmp, { recursive: true });

let p = 8;
const leb = () => { let r = 0, s = 0, x; do { x = b[p++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
const str = () => { const n = leb(); const s = b.toString('utf8', p, p + n); p += n; return s; };
const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const sections = [];
let importedFuncs = 0;
const bodies = []; // size of each defined function's body, by index among defined functions
const names = new Map(); // function index -> name
while (p < b.length) {
  const id = b[p++];
  const size = leb();
  const start = p;
  let label = SECTION[id] || `#${id}`;
  if (id === 0) {
    const name = str();
    label = `custom "${name}"`;
    if (name === 'name') {
      while (p < start + size) {
        const sub = b[p++], len = leb(), end = p + len;
        if (sub === 1) { const n = leb(); for (let i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); } }
        p = end;
      }
    }
  } else if (id === 2) {
    const n = leb();
    for (let i = 0; i < n; i++) {
      str(); str(); const kind = b[p++];
      if (kind === 0) { importedFuncs++; leb(); } else if (kind === 1) { p++; const f = b[p++]; leb(); if (f & 1) leb(); } else if (kind === 2) { const f = b[p++]; leb(); if (f & 1) leb(); } else { p += 2; }
    }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const len = leb(); const s = p; bodies.push(len + (s - p)); p += len; }
  }
  sections.push([label, size]);
  p = start + size;
}

// A Rust symbol's owning path: the self type of `<T as Trait>::f`, else the plain path.
// Generic arguments and `{closure}` parts are dropped.
function owner(name) {
  let s = name.replace(/::h[0-9a-f]{16}$/, '');
  let m;
  while ((m = /^<(.*)>::/.exec(s))) {
    const inner = m[1];
    // split "A as B" at depth 0
    let depth = 0, cut = -1;
    for (let i = 0; i < inner.length; i++) {
      const c = inner[i];
      if (c === '<') depth++; else if (c === '>') depth--;
      else if (depth === 0 && inner.startsWith(' as ', i)) { cut = i; break; }
    }
    const self = cut >= 0 ? inner.slice(0, cut) : inner;
    // `<_ as Trait>` (an erased closure type) or a primitive: the trait's crate owns it.
    const primitive = /^(_|&?(mut )?(str|char|bool|[iuf](8|16|32|64|128|size)|\[.*\]|\(.*\)))$/.test(self.trim());
    s = primitive && cut >= 0 ? inner.slice(cut + 4) : self;
  }
  s = s.replace(/^(&|\*const |\*mut |mut |dyn |impl |\[|\()+/, '');
  const path = [];
  let depth = 0, cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '<') depth++;
    else if (c === '>') depth--;
    else if (depth === 0 && c === ':' && s[i + 1] === ':') { path.push(cur); cur = ''; i++; }
    else if (depth === 0) cur += c;
  }
  path.push(cur);
  return path.map((x) => x.trim()).filter(Boolean);
}
const crateOf = (name) => {
  if (!/::/.test(name)) return /^(__wbg|__wbindgen|wasm_bindgen|__wasm_bindgen)/.test(name) ? 'wasm_bindgen (glue)' : /^(memcpy|memset|memmove|memcmp|__|dl|malloc|free|realloc)/.test(name) ? 'compiler_builtins/libc' : '(unnamed)';
  return owner(name)[0] || '(unnamed)';
};
const modOf = (name) => {
  const path = owner(name);
  const depth = path[0] === 'fazhi_report' || path[0] === 'app' ? 3 : 2;
  return path.slice(0, Math.min(depth, path.length - 1)).join('::') || path[0] || '(unnamed)';
};

// Crate disambiguators (`core[5f7e0585b7128936]`) and hashes dropped from the names.
const clean = (n) => n.replace(/\[[0-9a-f]{5,16}\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
const fns = bodies.map((size, i) => ({ name: clean(names.get(i + importedFuncs) || `func${i + importedFuncs}`), size }));
// What ships: everything but the custom sections (names, producers, bindgen's own).
const shipped = sections.filter(([label]) => !label.startsWith('custom')).reduce((a, [, s]) => a + s, 0);
const code = fns.reduce((a, f) => a + f.size, 0);
const sum = (key) => {
  const m = new Map();
  for (const f of fns) { const k = key(f.name); m.set(k, (m.get(k) || 0) + f.size); }
  return [...m].sort((x, y) => y[1] - x[1]);
};
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
const pct = (n) => `${((100 * n) / shipped).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${kb(shipped)} without custom sections (percentages are of this), ${fns.length} functions, ${names.size ? 'named' : 'NO names section'}`);
console.log('\nsections');
for (const [label, size] of sections.sort((x, y) => y[1] - x[1])) if (size > 512) console.log(`  ${kb(size)} ${pct(size)}  ${label}`);
console.log(`\ncode by crate (${kb(code)} of function bodies)`);
for (const [k, v] of sum(crateOf).slice(0, top)) console.log(`  ${kb(v)} ${pct(v)}  ${k}`);
console.log('\ncode by module');
for (const [k, v] of sum(modOf).slice(0, top)) console.log(`  ${kb(v)} ${pct(v)}  ${k}`);
const tagged = (re) => fns.filter((f) => re.test(f.name)).reduce((a, f) => a + f.size, 0);
console.log('\ncode whose name mentions (overlapping)');
for (const [label, re] of [['serde', /serde/], ['serde_json', /serde_json/], ['core::fmt', /core::fmt/], ['panic', /panic/],
  ['leptos|tachys|reactive_graph', /leptos|tachys|reactive_graph/], ['web_sys|js_sys', /web_sys|js_sys/]]) console.log(`  ${kb(tagged(re))} ${pct(tagged(re))}  ${label}`);
console.log(`\nlargest ${top} functions`);
for (const f of [...fns].sort((x, y) => y.size - x.size).slice(0, top)) console.log(`  ${kb(f.size)}  ${f.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
// FAZHI_SIZE_LIST=<crate or module prefix>: also list that crate's (or module's) functions.
const list = process.env.FAZHI_SIZE_LIST;
if (list) {
  console.log(`\nfunctions of ${list}`);
  for (const f of fns.filter((f) => crateOf(f.name) === list || modOf(f.name).startsWith(list)).sort((x, y) => y.size - x.size).slice(0, top)) {
    console.log(`  ${kb(f.size)}  ${f.name.slice(0, 200)}`);
  }
}
