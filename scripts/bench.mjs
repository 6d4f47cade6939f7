// Benchmark (not a test): prints sizes, start-up, typing, autosave, .docx and memory figures
// of the release build beside their budgets (issue 16). Run after scripts/build.sh:
//   node scripts/bench.mjs [runs] [section ...]     sections: startup fonts unpack returning typing work
// Each section lives in scripts/bench/<section>.mjs and exports `run({ runs })`, printing
// its own lines; medians over `runs` runs (default 5).
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) || 5);
const wanted = args.filter((a) => !/^\d+$/.test(a));
const SECTIONS = ['startup', 'returning', 'fonts', 'unpack', 'typing', 'work'];
const ON_REQUEST = ['unpack']; // a detail of start-up, run only when named
for (const name of SECTIONS) {
  if (wanted.length ? !wanted.includes(name) : ON_REQUEST.includes(name)) continue;
  const file = join(here, `${name}.mjs`);
  if (!existsSync(file)) continue;
  const section = await import(pathToFileURL(file).href);
  await section.run({ runs });
}
