// The single offline file in Firefox ESR, from file://: it starts, takes typing, saves
// to localStorage and restores after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SINGLE_FILE_URL } from './helpers.mjs';
import { launchFirefox } from './marionette.mjs';

let ff;
before(async () => { ff = await launchFirefox(); });
after(async () => { await ff?.close(); });

const waitFor = async (what, script) => {
  for (let i = 0; i < 100; i++) {
    const v = await ff.run(script);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};
const ROOT = "document.getElementById('fazhi-report')?.shadowRoot";
const FIELD = `${ROOT}?.querySelector('#f-organ')`;

test('Firefox runs the single file from file://, saves and restores a draft', async () => {
  await ff.goto(SINGLE_FILE_URL);
  await waitFor('the first field', `return !!${FIELD};`);
  await ff.run(`const f = ${FIELD}; f.value = '火狐测试局'; f.dispatchEvent(new Event('input', { bubbles: true })); return true;`);
  const title = await waitFor('the derived title in the top bar',
    `const t = ${ROOT}.querySelector('.doc-title').textContent; return t.includes('火狐测试局') ? t : null;`);
  assert.match(title, /火狐测试局/);
  await waitFor('the save', `return ${ROOT}.querySelector('.save-state').textContent.includes('已自动保存');`);
  await ff.goto(SINGLE_FILE_URL);
  const restored = await waitFor('the restored field', `return ${FIELD}?.value;`);
  assert.equal(restored, '火狐测试局');
});

test('Firefox: 下一步 puts keyboard focus on the next step\'s heading (the late focus move and its guard)', async () => {
  await ff.goto(SINGLE_FILE_URL);
  await waitFor('the first field', `return !!${FIELD};`);
  await ff.run(`const b = [...${ROOT}.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith('下一步')); b.focus(); b.click(); return true;`);
  const id = await waitFor('focus on the heading', `const a = ${ROOT}.activeElement; return a && a.id === 'step-opening' ? a.id : null;`);
  assert.equal(id, 'step-opening');
});

test('Firefox: the import box shows its paste area when opened (made on its toggle event)', async () => {
  // The draft the tests before left opens on 开头段: back to 文头 through the step list.
  await ff.goto(SINGLE_FILE_URL);
  await waitFor('the step list', `const l = [...(${ROOT}?.querySelectorAll('.step-link') ?? [])].find((b) => b.textContent.includes('文头')); if (l) l.click(); return !!l;`);
  await waitFor('the first field', `return !!${FIELD};`);
  assert.equal(await ff.run(`return !!${ROOT}.querySelector('#f-import');`), false);
  await ff.run(`${ROOT}.querySelector('details.import summary').click(); return true;`);
  await waitFor('the paste area', `const t = ${ROOT}.querySelector('#f-import'); return !!t && t.getBoundingClientRect().height > 0;`);
});
