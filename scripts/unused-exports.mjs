// Drops the JS classes that leptos's server_fn (its "browser" feature, which leptos always
// turns on) exports through wasm-streams: IntoUnderlyingSource / Sink / ByteSource. A CSR
// app with no server functions never constructs them, but as wasm exports they are roots,
// so their Rust code (streams, futures, abort handles) stays in the wasm and their classes
// in the glue. Run before wasm-opt, which then removes the code. Skipped (the input
// returned unchanged) unless the glue uses them nowhere but in their own definitions.
// Without those exports some of wasm-streams' code still stays: the closures its methods hand
// to JavaScript (future_to_promise's) are reached through the function table, which wasm-opt
// keeps whole. Once the classes are gone nothing can call them (the exports were their only
// direct callers), so every function named after wasm-streams' own items or types gets the
// body `unreachable` (found by the name section, which the wasm has until wasm-opt strips it),
// and wasm-opt drops what only they reached: 9 KB of wasm, 3.7 KB of the single file.
// Used by scripts/single-file.mjs (release builds).

/** @returns {{ wasm: Buffer, glue: string, dropped: string[] }} */
export function dropStreamClasses(wasm, glue) {
  const unchanged = { wasm, glue, dropped: [] };
  const classes = [...glue.matchAll(/^export class (IntoUnderlying\w+) \{$/gm)].map((m) => m[1]);
  if (!classes.length) return unchanged;
  let out = glue;
  for (const c of classes) {
    const body = new RegExp(`^export class ${c} \\{\\n[\\s\\S]*?^\\}\\nif \\(Symbol\\.dispose\\) ${c}\\.prototype\\[Symbol\\.dispose\\] = ${c}\\.prototype\\.free;\\n`, 'm');
    const registry = new RegExp(`^const ${c}Finalization = [^;]*;\\n`, 'm');
    if (!body.test(out) || !registry.test(out)) return unchanged;
    out = out.replace(body, '').replace(registry, '');
  }
  if (/IntoUnderlying|intounderlying/.test(out)) return unchanged; // used elsewhere: keep all
  // The exports of those classes: `<class>_<method>` and `__wbg_<class>_free`.
  const prefixes = classes.map((c) => c.toLowerCase());
  const drop = (name) => prefixes.some((x) => name.startsWith(`${x}_`) || name === `__wbg_${x}_free`);
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = wasm[p++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  const encLeb = (n) => { const o = []; do { let b = n & 127; n = Math.floor(n / 128); if (n) b |= 128; o.push(b); } while (n); return Buffer.from(o); };
  const parts = [wasm.subarray(0, 8)];
  const dropped = [];
  while (p < wasm.length) {
    const sectionStart = p;
    const id = wasm[p++];
    const size = leb();
    const end = p + size;
    if (id === 7) {
      const count = leb();
      const kept = [];
      for (let i = 0; i < count; i++) {
        const entryStart = p;
        const n = leb();
        const name = wasm.toString('utf8', p, p + n);
        p += n + 1; // name, kind
        leb(); // index
        if (drop(name)) dropped.push(name); else kept.push(wasm.subarray(entryStart, p));
      }
      const body = Buffer.concat([encLeb(kept.length), ...kept]);
      parts.push(Buffer.from([7]), encLeb(body.length), body);
    } else {
      parts.push(wasm.subarray(sectionStart, end));
    }
    p = end;
  }
  if (!dropped.length) return unchanged;
  // A function of wasm-streams' own or of its types. wasm-bindgen has demangled the names, which
  // then no longer say which crate instantiated a generic function (drop glue of JsValue, say,
  // shared with the rest of the program): only the crate's own paths match.
  const own = (name) => /\bwasm_streams\b/.test(name);
  return { wasm: stubbed(Buffer.concat(parts), own), glue: out, dropped };
}

/** `wasm` with the body of every function whose name (name section) passes `pattern` replaced
 * by `unreachable`; unchanged if it has no names. */
function stubbed(wasm, pattern) {
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = wasm[p++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128); return r; };
  const encLeb = (n) => { const o = []; do { let b = n & 127; n = Math.floor(n / 128); if (n) b |= 128; o.push(b); } while (n); return Buffer.from(o); };
  const sections = [];
  let imported = 0;
  const matching = new Set();
  while (p < wasm.length) {
    const start = p;
    const id = wasm[p++];
    const size = leb();
    const body = p;
    if (id === 2) { // imports: count the functions, which come first in the index space
      for (let i = leb(); i > 0; i--) {
        for (const _ of [0, 1]) { const n = leb(); p += n; } // module, name
        const kind = wasm[p++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; if (leb() & 1) leb(); leb(); } else if (kind === 2) { if (leb() & 1) leb(); leb(); } else p += 2;
      }
    } else if (id === 0) {
      const n = leb();
      if (wasm.toString('utf8', p, p + n) === 'name') {
        p += n;
        while (p < body + size) {
          const sub = wasm[p++];
          const len = leb();
          const end = p + len;
          if (sub === 1) {
            for (let i = leb(); i > 0; i--) {
              const index = leb();
              const len = leb();
              if (pattern(wasm.toString('utf8', p, p + len))) matching.add(index);
              p += len;
            }
          }
          p = end;
        }
      }
    }
    sections.push({ id, start, body, end: body + size });
    p = body + size;
  }
  if (!matching.size) return wasm;
  const parts = [];
  for (const s of sections) {
    if (s.id !== 10) { parts.push(wasm.subarray(s.start, s.end)); continue; }
    p = s.body;
    const count = leb();
    const bodies = [encLeb(count)];
    for (let i = 0; i < count; i++) {
      const entry = p;
      const len = leb();
      // No locals, `unreachable`, `end`.
      bodies.push(matching.has(imported + i) ? Buffer.from([3, 0, 0, 0x0b]) : wasm.subarray(entry, p + len));
      p += len;
    }
    const code = Buffer.concat(bodies);
    parts.push(Buffer.from([10]), encLeb(code.length), code);
  }
  return Buffer.concat([wasm.subarray(0, 8), ...parts]);
}
