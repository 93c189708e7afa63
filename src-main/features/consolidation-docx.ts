// The Word report "BÁO CÁO Kết quả ..." drafted from the consolidated figures: căn cứ from the plan's basis,
// I. Kết quả (submission sentence, one paragraph per indicator group, text answers, good practices, the
// indicator table), II. Hạn chế, III. Phương hướng (from the units' narrative, else placeholders), footnote.
import type { Consolidation } from '../contract/consolidation';
import type { Plan } from '../contract/plans';
import type { OrgProfile } from '../contract/settings';
import type { BodyBlock, InlineRun } from '../docs/official-docx/index';
import { buildOfficialDocx } from '../docs/official-docx/lazy';
import type { ExportFrame } from '../excel/consolidated/index';
import { footnoteLines, targetCell } from '../excel/consolidated/summary-sheet';
import { normalCaseOrgs } from '../text/org-name';
import { capitalise, groupSentences, planReference, submissionSentence, titleCaseOrg } from './consolidation-text';

const endWith = (s: string, p: string): string => (/[.;:!?]$/.test(s.trim()) ? s.trim().replace(/[.;]$/, p) : `${s.trim()}${p}`);

function basisBlocks(plan: Plan, profile: OrgProfile): BodyBlock[] {
  const lines = plan.basis.map((b) => normalCaseOrgs(/^căn cứ/iu.test(b.text) ? b.text : `Căn cứ ${b.text}`));
  lines.push(`${plan.basis.length ? 'Căn cứ' : 'Thực hiện'} ${planReference(plan, profile)}`);
  return lines.map((l, i) => ({ kind: 'paragraph', runs: [{ text: endWith(l, i === lines.length - 1 ? ',' : ';'), italic: true }] }));
}

/** "- Unit: text;" lines, the last one ending with "." unless more lines follow (`more`). */
function narrativeBullets(c: Consolidation, keys: string[], more = false): BodyBlock[] {
  const items = c.narrative.filter((s) => keys.includes(s.key)).flatMap((s) => s.items);
  return items.map((it, k): BodyBlock => ({
    kind: 'bullet', runs: [{ text: `${it.unitName}: `, italic: true }, endWith(it.text, k === items.length - 1 && !more ? '.' : ';')],
  }));
}

const placeholder = (text: string): BodyBlock => ({ kind: 'paragraph', runs: [{ text, italic: true }] });

function indicatorTable(c: Consolidation): BodyBlock {
  const rows: (string | number | null)[][] = [];
  let group = '';
  let n = 0;
  for (const i of c.indicators) {
    if (i.groupCode !== group) {
      group = i.groupCode;
      rows.push([i.groupCode, i.groupLabel, '', '', '', '', '']);
    }
    const value = i.aggregation === 'text' ? `${i.texts.length} ý kiến` : i.total;
    rows.push([String(++n), i.label, i.unit ?? '', targetCell(i), value, i.achievedPct === null ? '' : `${Math.round(i.achievedPct)}%`, i.reporting]);
    if (i.unit2 && i.total2 !== null) rows.push(['', /đồng/iu.test(i.unit2) ? 'Trị giá' : `Số ${i.unit2}`, i.unit2, '', i.total2, '', '']);
  }
  return {
    kind: 'table',
    fontSize: 12,
    columns: [
      { header: 'TT', width: 0.8, align: 'center' },
      { header: 'Nội dung', width: 5 },
      { header: 'ĐVT', width: 1.4, align: 'center' },
      { header: 'Chỉ tiêu', width: 1.4, align: 'right' },
      { header: 'Kết quả', width: 1.7, align: 'right' },
      { header: 'Tỷ lệ đạt', width: 1.2, align: 'center' },
      { header: 'Số ĐV báo cáo', width: 1.3, align: 'center' },
    ],
    rows,
  };
}

export async function buildConsolidatedDocx(c: Consolidation, plan: Plan, profile: OrgProfile, frame: ExportFrame): Promise<Uint8Array> {
  const own = titleCaseOrg(profile.ownOrg);
  const base = frame.unitsShort ?? (profile.levelNames.base.toLocaleLowerCase('vi') === 'công đoàn cơ sở' ? 'CĐCS' : profile.levelNames.base);
  const body: BodyBlock[] = [
    ...basisBlocks(plan, profile),
    { kind: 'paragraph', runs: `Ban Thường vụ ${own} báo cáo kết quả thực hiện như sau:` },
    { kind: 'heading', level: 1, text: 'Kết quả thực hiện' },
    { kind: 'heading', level: 2, text: 'Tình hình báo cáo của các đơn vị' },
    { kind: 'paragraph', runs: submissionSentence(c, base, plan.reportDueOn) },
    { kind: 'heading', level: 2, text: 'Kết quả thực hiện các chỉ tiêu' },
  ];
  const sentences = groupSentences(c);
  if (sentences.length === 0) body.push(placeholder('(Chưa có số liệu từ báo cáo của các đơn vị.)'));
  for (const s of sentences) body.push({ kind: 'paragraph', runs: [{ text: `${capitalise(s.group)}: `, bold: true }, s.sentence] as InlineRun[] });
  for (const i of c.indicators.filter((x) => x.aggregation === 'text' && x.texts.length)) {
    body.push({ kind: 'paragraph', runs: [{ text: `${i.label}: `, bold: true }, i.texts.map((t) => `${t.unitName}: ${t.text}`).join('; ') + '.'] });
  }
  const practices = narrativeBullets(c, ['practices', 'results']);
  if (practices.length) body.push({ kind: 'heading', level: 2, text: 'Cách làm hay, kết quả nổi bật' }, ...practices);
  body.push({ kind: 'heading', level: 2, text: 'Bảng tổng hợp kết quả các chỉ tiêu' }, indicatorTable(c));
  body.push({ kind: 'heading', level: 1, text: 'Hạn chế, khó khăn' });
  const limits = narrativeBullets(c, ['limits'], c.missing.length > 0 || c.late > 0);
  if (c.missing.length || c.late) {
    limits.push({ kind: 'bullet', runs: `Còn ${c.missing.length} đơn vị chưa gửi báo cáo, ${c.late} đơn vị gửi báo cáo trễ hạn, ảnh hưởng đến tiến độ tổng hợp.` });
  }
  body.push(...(limits.length ? limits : [placeholder('(Nêu những hạn chế, khó khăn trong quá trình thực hiện và nguyên nhân.)')]));
  body.push({ kind: 'heading', level: 1, text: 'Phương hướng, kiến nghị' });
  const proposals = narrativeBullets(c, ['proposals']);
  body.push(...(proposals.length ? proposals : [placeholder('(Nêu phương hướng, nhiệm vụ thời gian tới và kiến nghị, đề xuất với cấp trên.)')]));
  body.push({ kind: 'paragraph', runs: `Trên đây là báo cáo kết quả ${frame.subject} của Ban Thường vụ ${own}./.` });
  const notes = footnoteLines(c).slice(1);
  if (notes.length) body.push(...notes.map((n, k): BodyBlock => ({ kind: 'paragraph', indent: false, runs: [{ text: `${k === 0 ? 'Ghi chú: ' : ''}${n}`, italic: true }] })));
  return buildOfficialDocx({
    header: frame.header,
    documentType: 'BÁO CÁO',
    title: `Kết quả ${frame.subject}`,
    ...(profile.parentOrg ? { kinhGui: [`Ban Thường vụ ${titleCaseOrg(profile.parentOrg)}`] } : {}),
    body,
    recipients: frame.recipients,
    signer: frame.signer,
    bodySize: 14,
  });
}
