// The Word báo cáo as an office writes it: căn cứ; I. Tình hình triển khai (plan, units reporting, on time);
// II. Kết quả thực hiện (one paragraph per indicator group, so với chỉ tiêu / cùng kỳ, then the units' curated
// sentences attributed to them); III. Đánh giá chung (ưu điểm, hạn chế); IV. Phương hướng, kiến nghị; the indicator
// table, the late/missing lists and, when asked, the units' full narratives as Phụ lục after the signature.
import type { Consolidation } from '../contract/consolidation';
import type { Plan } from '../contract/plans';
import type { OrgProfile } from '../contract/settings';
import type { BodyBlock, InlineRun, OfficialAppendix } from '../docs/official-docx/index';
import { buildOfficialDocx } from '../docs/official-docx/lazy';
import type { ExportFrame } from '../excel/consolidated/index';
import { footnoteLines, targetCell } from '../excel/consolidated/summary-sheet';
import { normalCaseOrgs } from '../text/org-name';
import { printable } from '../text/vi-sentences';
import { directionSentences, deploymentSentence, strengthSentences, weaknessSentences } from './consolidation-assessment';
import { capitalise, groupSentences, planReference, submissionSentence, titleCaseOrg } from './consolidation-text';
import type { CuratedNarrative } from './narrative-curation';

const endWith = (s: string, p: string): string => (/[.;:!?]$/.test(s.trim()) ? s.trim().replace(/[.;]$/, p) : `${s.trim()}${p}`);

function basisBlocks(plan: Plan, profile: OrgProfile): BodyBlock[] {
  const lines = plan.basis.map((b) => normalCaseOrgs(/^căn cứ/iu.test(b.text) ? b.text : `Căn cứ ${b.text}`));
  lines.push(`${plan.basis.length ? 'Căn cứ' : 'Thực hiện'} ${planReference(plan, profile)}`);
  return lines.map((l, i) => ({ kind: 'paragraph', runs: [{ text: endWith(l, i === lines.length - 1 ? ',' : ';'), italic: true }] }));
}

/** Text answers of an indicator written out in the body up to this many units; more go to the Phụ lục. */
const INLINE_ANSWERS = 4;

/** Text-answer indicators with more answers than the body writes out. */
const manyAnswers = (c: Consolidation) => c.indicators.filter((i) => i.aggregation === 'text' && i.texts.length > INLINE_ANSWERS);

const placeholder = (text: string): BodyBlock => ({ kind: 'paragraph', runs: [{ text, italic: true }] });
const bullets = (lines: string[]): BodyBlock[] => lines.map((l) => ({ kind: 'bullet', runs: l }));

/** The curated sentences of some sections as "- sentence (CĐCS A)." lines, in the user's order. */
function curated(n: CuratedNarrative, keys: string[]): string[] {
  return keys.flatMap((k) => n.sections.find((s) => s.key === k)?.sentences.map((x) => x.printed) ?? []);
}

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
    rows.push([
      String(++n),
      i.label,
      i.unit ?? '',
      targetCell(i),
      value,
      i.achievedPct === null ? '' : `${Math.round(i.achievedPct)}%`,
      i.reporting,
    ]);
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

/** Phụ lục: the indicator table with the late/missing lists; the units' full narratives when the user asked for them. */
function appendices(c: Consolidation, n: CuratedNarrative, subject: string, base: string): OfficialAppendix[] {
  const notes = footnoteLines(c);
  const out: OfficialAppendix[] = [
    {
      title: `Kết quả thực hiện các chỉ tiêu ${subject}`,
      subtitle: '(Kèm theo Báo cáo này)',
      body: [
        indicatorTable(c),
        ...notes.map((t, k): BodyBlock => ({
          kind: 'paragraph',
          indent: false,
          runs: [{ text: `${k === 0 ? 'Ghi chú: ' : ''}${t}`, italic: true }],
        })),
      ],
    },
  ];
  const answers = manyAnswers(c);
  if (n.fullAppendix && (c.narrative.length || answers.length)) {
    const body: BodyBlock[] = answers.flatMap((i): BodyBlock[] => [
      { kind: 'heading', level: 2, text: i.label },
      { kind: 'list', items: i.texts.map((t) => `${t.unitName}: ${printable(t.text)}`) },
    ]);
    for (const s of c.narrative) {
      body.push({ kind: 'heading', level: 2, text: s.heading });
      for (const it of s.items)
        body.push({ kind: 'paragraph', runs: [{ text: `${it.unitName}: `, bold: true }, printable(it.text).replace(/\s*\n+\s*/g, ' ')] });
    }
    out.push({ title: `Thuyết minh của các ${base}`, subtitle: '(Nguyên văn báo cáo của các đơn vị)', body });
  }
  return out;
}

export async function buildConsolidatedDocx(
  c: Consolidation,
  plan: Plan,
  profile: OrgProfile,
  frame: ExportFrame,
  narrative: CuratedNarrative,
): Promise<Uint8Array> {
  const own = titleCaseOrg(profile.ownOrg);
  const base =
    frame.unitsShort ?? (profile.levelNames.base.toLocaleLowerCase('vi') === 'công đoàn cơ sở' ? 'CĐCS' : profile.levelNames.base);
  const body: BodyBlock[] = [
    ...basisBlocks(plan, profile),
    { kind: 'paragraph', runs: `Ban Thường vụ ${own} báo cáo kết quả thực hiện như sau:` },
    { kind: 'heading', level: 1, text: 'Tình hình triển khai' },
    { kind: 'paragraph', runs: deploymentSentence(c, plan, base) },
    { kind: 'paragraph', runs: submissionSentence(c, base, plan.reportDueOn) },
    { kind: 'heading', level: 1, text: 'Kết quả thực hiện' },
  ];
  const sentences = groupSentences(c);
  if (sentences.length === 0) body.push(placeholder('(Chưa có số liệu từ báo cáo của các đơn vị.)'));
  for (const s of sentences) body.push({ kind: 'heading', level: 2, text: capitalise(s.group) }, { kind: 'paragraph', runs: s.sentence });
  for (const i of c.indicators.filter((x) => x.aggregation === 'text' && x.texts.length)) {
    const line =
      i.texts.length <= INLINE_ANSWERS
        ? i.texts.map((t) => `${t.unitName}: ${printable(t.text)}`).join('; ') + '.'
        : `${i.texts.length} đơn vị nêu ý kiến (chi tiết tại ${narrative.fullAppendix ? 'Phụ lục' : 'biểu tổng hợp Excel kèm theo'}).`;
    body.push({ kind: 'paragraph', runs: [{ text: `${i.label}: `, bold: true }, line] as InlineRun[] });
  }
  const results = curated(narrative, ['results', 'other']);
  if (results.length) body.push({ kind: 'heading', level: 2, text: 'Kết quả nổi bật ở cơ sở' }, ...bullets(results));
  const practices = curated(narrative, ['practices']);
  if (practices.length) body.push({ kind: 'heading', level: 2, text: 'Cách làm hay, mô hình tiêu biểu' }, ...bullets(practices));
  body.push({ kind: 'paragraph', runs: [{ text: 'Kết quả chi tiết các chỉ tiêu tại Phụ lục kèm theo.', italic: true }] });

  body.push({ kind: 'heading', level: 1, text: 'Đánh giá chung' }, { kind: 'heading', level: 2, text: 'Ưu điểm' });
  const strengths = strengthSentences(c, base);
  body.push(...(strengths.length ? bullets(strengths) : [placeholder('(Nêu những ưu điểm, kết quả nổi bật trong quá trình thực hiện.)')]));
  body.push({ kind: 'heading', level: 2, text: 'Hạn chế, tồn tại' });
  const limits = [...curated(narrative, ['limits']), ...weaknessSentences(c)];
  body.push(...(limits.length ? bullets(limits) : [placeholder('(Nêu những hạn chế, tồn tại và nguyên nhân.)')]));

  body.push(
    { kind: 'heading', level: 1, text: 'Phương hướng, kiến nghị' },
    { kind: 'heading', level: 2, text: 'Phương hướng thời gian tới' },
  );
  body.push(...bullets(directionSentences(c, base)));
  body.push({ kind: 'heading', level: 2, text: 'Kiến nghị, đề xuất' });
  const proposals = curated(narrative, ['proposals']);
  body.push(...(proposals.length ? bullets(proposals) : [placeholder('(Nêu kiến nghị, đề xuất với cấp trên.)')]));
  body.push({ kind: 'paragraph', runs: `Trên đây là báo cáo kết quả ${frame.subject} của Ban Thường vụ ${own}./.` });
  return buildOfficialDocx({
    header: frame.header,
    documentType: 'BÁO CÁO',
    title: `Kết quả ${frame.subject}`,
    ...(profile.parentOrg ? { kinhGui: [`Ban Thường vụ ${titleCaseOrg(profile.parentOrg)}`] } : {}),
    body,
    recipients: frame.recipients,
    signer: frame.signer,
    appendix: appendices(c, narrative, frame.subject, base),
    bodySize: 14,
  });
}
