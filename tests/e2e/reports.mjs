// Reports for the layout tests: the sample as a stored draft, and two longer reports made
// from it (more subsections and items; long paragraphs with digits, quotes, brackets and
// Latin letters), written straight into the tool's storage.
import { TYPED } from './helpers.mjs';

let nextId = 1;
const item = (lead, detail) => ({ id: nextId++, lead, detail });

/** A stored draft (backup format, schema 2) from the sample's typed fields. */
export function sampleDraft(typed = TYPED, output = {}) {
  nextId = 1;
  const work = typed.work.map((s) => ({ id: nextId++, title: s.title, items: s.items.map((i) => item(i.lead, i.detail)) }));
  return {
    name: '', template: 'department-short',
    header: { organ: typed.organ, year: typed.year, doc_number: { agency: typed.doc_agency, year: typed.doc_year, serial: typed.doc_serial }, title: null },
    opening: typed.opening,
    parts: [
      { key: 'work', heading: null, lead: '', subsections: work, items: [] },
      { key: 'problems', heading: null, lead: typed.problems.lead, subsections: [], items: typed.problems.items.map((i) => item(i.lead, i.detail)) },
      { key: 'plan', heading: null, lead: typed.plan.lead, subsections: [], items: typed.plan.items.map((i) => item(i.lead, i.detail)) },
    ],
    closing: { signature: null, date: typed.date, note: typed.note },
    next_id: nextId + 1000,
    output,
  };
}

const EXTRA = [
  '全年办理行政复议案件37件，其中撤销2件、确认违法1件，纠错率8.1%；行政机关负责人出庭应诉率保持100%。',
  '围绕“八五”普法规划，组织“法律进企业”“科技法治讲堂”等活动42场次，覆盖科技型中小企业1200余家（其中高新技术企业356家）。',
  '落实《优化营商环境条例》，梳理权责清单事项128项，取消证明材料17项，“一网通办”事项占比达到98.6%。',
  '建立重大行政决策事项目录，对《张家港市科技创新券管理办法（试行）》等3件规范性文件开展合法性审核，审核率100%。',
  '开展行政执法案卷评查，抽查案卷25卷，发现问题11个，均已整改到位；组织执法人员参加网上学法考试，参考率、合格率均为100%。',
];

/** The sample with twice the subsections and items: about twice as many pages. */
export function longDraft() {
  const d = sampleDraft();
  const work = d.parts[0].subsections;
  const more = work.map((s, n) => ({ id: nextId++, title: `${s.title}（续${n + 1}）`, items: s.items.map((i, k) => item(i.lead, i.detail + EXTRA[(n + k) % EXTRA.length])) }));
  d.parts[0].subsections = [...work, ...more];
  d.next_id = nextId + 1000;
  return d;
}

/** Long paragraphs, many digits, quotes and brackets; each item a full paragraph. */
export function denseDraft() {
  const d = sampleDraft();
  for (const s of d.parts[0].subsections) {
    s.items = s.items.map((i, k) => item(i.lead, i.detail + EXTRA[k % EXTRA.length] + EXTRA[(k + 2) % EXTRA.length]));
  }
  d.parts[1].items.push(item('基层法治力量仍较薄弱', EXTRA.join('')));
  d.parts[2].items.push(item('持续提升依法行政水平', EXTRA.slice().reverse().join('')));
  d.next_id = nextId + 1000;
  return d;
}

/** Puts `draft` in the tool's storage as the current draft and reloads the page. */
export async function loadStored(page, draft, id = 'dlayout' + Math.random().toString(36).slice(2, 8)) {
  const stored = { schema: 2, id, revision: 1, saved_at: Date.now(), step: 'output', draft };
  await page.evaluate(([id, json]) => {
    localStorage.setItem(`fazhi-report/v1/default/draft/${id}`, json);
    localStorage.setItem('fazhi-report/v1/default/current', id);
  }, [id, JSON.stringify(stored)]);
  await page.reload();
}
