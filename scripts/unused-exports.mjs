// Drops the JS classes that leptos's server_fn (its "browser" feature, which leptos always
// turns on) exports through wasm-streams: IntoUnderlyingSource / Sink / ByteSource. A CSR
// app with no server functions never constructs them, but as wasm exports they are roots,
// so their Rust code (streams, futures, abort handles) stays in the wasm and their classes
// in the glue. Run before wasm-opt, which then removes the code. Skipped (the input
// returned unchanged) unless the glue uses them nowhere but in their own definitions.
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
  return { wasm: Buffer.concat(parts), glue: out, dropped };
}
