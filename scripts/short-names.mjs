// Shortens the names that tie the wasm to wasm-bindgen's glue: its imports
// ("./app_bg.js" / "__wbg_setAttribute_3c9f…", 178 of them) and exports (some 150 characters
// long), which both files would otherwise carry in full: about 8 KB of the wasm and 8 KB of
// the script. Each import becomes `$<n>` in module "a"; each export `$<n>`. The glue is
// rewritten to match, and checked: every import of the new module has its key in the
// import object, and every `wasm.<name>` the glue reads is an export of the new module.
// Used by scripts/single-file.mjs (release builds); tested through the browser tests.

/** @returns {{ wasm: Buffer, glue: string }} */
export function shortenNames(wasm, glue) {
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = wasm[p++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  const name = () => { const n = leb(); const s = wasm.toString('utf8', p, p + n); p += n; return s; };
  const encLeb = (n) => { const out = []; do { let b = n & 127; n = Math.floor(n / 128); if (n) b |= 128; out.push(b); } while (n); return Buffer.from(out); };
  const encName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encLeb(b.length), b]); };
  const short = (i) => `$${i.toString(36)}`;
  const imports = new Map(); // old name -> new
  const exports = new Map();
  const parts = [wasm.subarray(0, 8)];
  while (p < wasm.length) {
    const id = wasm[p++];
    const size = leb();
    const start = p;
    const end = start + size;
    if (id === 2 || id === 7) {
      const count = leb();
      const entries = [encLeb(count)];
      for (let i = 0; i < count; i++) {
        if (id === 2) {
          const module = name();
          const field = name();
          if (module !== './app_bg.js') throw new Error(`short-names: unexpected import module ${module}`);
          const descStart = p;
          const kind = wasm[p++];
          if (kind === 0) leb();
          else if (kind === 1) { p++; const f = wasm[p++]; leb(); if (f & 1) leb(); }
          else if (kind === 2) { const f = wasm[p++]; leb(); if (f & 1) leb(); }
          else if (kind === 3) p += 2;
          else throw new Error(`short-names: import kind ${kind}`);
          if (imports.has(field)) throw new Error(`short-names: import ${field} twice`);
          imports.set(field, short(imports.size));
          entries.push(encName('a'), encName(imports.get(field)), wasm.subarray(descStart, p));
        } else {
          const field = name();
          const descStart = p;
          p++;
          leb();
          exports.set(field, short(exports.size));
          entries.push(encName(exports.get(field)), wasm.subarray(descStart, p));
        }
      }
      if (p !== end) throw new Error(`short-names: section ${id} not read to its end`);
      const body = Buffer.concat(entries);
      parts.push(Buffer.from([id]), encLeb(body.length), body);
    } else {
      parts.push(wasm.subarray(start - 1 - encLeb(size).length, end));
    }
    p = end;
  }
  const escape = (s) => s.replace(/[$]/g, '\\$');
  let out = glue;
  for (const [old, neu] of imports) {
    const key = new RegExp(`^(\\s+)${escape(old)}(: function\\b)`, 'm');
    if (!key.test(out)) throw new Error(`short-names: glue has no import key ${old}`);
    out = out.replace(key, (_, a, b) => `${a}${neu}${b}`);
  }
  const moduleKey = /^(\s+)"\.\/app_bg\.js": import0,$/m;
  if (!moduleKey.test(out)) throw new Error('short-names: glue has no "./app_bg.js" import module');
  out = out.replace(moduleKey, (_, a) => `${a}a: import0,`);
  out = out.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, field) => {
    const neu = exports.get(field);
    if (!neu) throw new Error(`short-names: glue reads wasm.${field}, which the module does not export`);
    return `wasm.${neu}`;
  });
  for (const old of imports.keys()) if (new RegExp(`\\b${escape(old)}\\b`).test(out) && /^__wbg_\w+_[0-9a-f]{16}$/.test(old)) throw new Error(`short-names: ${old} still in the glue`);
  return { wasm: Buffer.concat(parts), glue: out };
}
