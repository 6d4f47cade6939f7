// axe-core in the page under test: injected from node_modules (no network), run over the
// whole document including open shadow roots. Rules: axe's defaults (WCAG 2.x A/AA and
// best practices: one main landmark, a level-one heading, regions) plus the experimental
// label-content-name-mismatch (WCAG 2.5.3: a button's name must contain its visible words).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe violation on the page now, one line each: "rule-id: target — summary". */
export async function audit(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: AXE });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 300)}`));
  });
  return violations.map((v) => `[${where}] ${v}`);
}
