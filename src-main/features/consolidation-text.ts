// Vietnamese wording shared by the consolidated report, the reminder letter and the Zalo text: the subject of
// a plan ("kết quả phối hợp ..."), document numbers ("   /BC-LĐLĐ"), the plan reference, and sentences drafted
// from the figures ("Có 45/50 CĐCS báo cáo, 40 đúng hạn ...", "nhà Mái ấm ... 3 căn, trị giá 150 triệu đồng").
import type { Consolidation, ConsolidatedIndicator } from '../contract/consolidation';
import type { Plan } from '../contract/plans';
import type { OrgProfile } from '../contract/settings';
import { formatViDate } from '../text/vi-date';
import { formatViNumber } from '../text/vi-number';
import { titleCaseOrg } from '../text/org-name';

/** Plan title without a leading "Kế hoạch", first letter lower-cased unless it starts an acronym. */
export function planSubject(title: string): string {
  const t = title
    .normalize('NFC')
    .trim()
    .replace(/^(kế hoạch|kh)\s*(số\s*\S+\s*)?(về\s+(việc\s+)?)?/iu, '')
    .trim();
  const first = t.slice(0, 2);
  return first.length === 2 && first === first.toLocaleUpperCase('vi') ? t : t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
}

/** A blank number for the văn thư to fill by hand; the zero-width space keeps the builders' trim() from eating it. */
const pad = `\u200B${'\u00A0'.repeat(10)}`;

/** "15/BC-LĐLĐ" as given, else a blank number for the văn thư: "       /BC-LĐLĐ" (type code from Settings). */
export function docNumber(given: string | null, profile: OrgProfile, type: 'BC' | 'CV'): string {
  if (given) return given;
  const short = profile.ownOrgShort ?? 'LĐLĐ';
  if (type === 'CV') return `${pad}/${short}`;
  const code = profile.documentCode;
  const bc = code && /^[A-ZĐ]+[-/]/u.test(code) ? code.replace(/^[A-ZĐ]+/u, 'BC') : `BC-${short}`;
  return `${pad}/${bc}`;
}

/** "Kế hoạch số 15/KH-LĐLĐ ngày 05/12/2023 của LĐLĐ huyện X về ..." (parts left out when unknown). */
export function planReference(plan: Plan, profile: OrgProfile): string {
  const parts = [plan.documentType ? capitalise(plan.documentType.toLocaleLowerCase('vi')) : 'Kế hoạch'];
  if (plan.number) parts.push(`số ${plan.number}`);
  if (plan.issuedOn) parts.push(`ngày ${formatViDate(plan.issuedOn)}`);
  parts.push(`của ${titleCaseOrg(plan.issuer ?? profile.ownOrg)}`);
  return `${parts.join(' ')} về ${planSubject(plan.title)}`;
}

export const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

export { titleCaseOrg } from '../text/org-name';

export const num = (n: number): string => formatViNumber(n);

const isMoney = (unit: string | null): boolean => !!unit && /đồng|vnđ|vnd/iu.test(unit);
const lowerFirst = (s: string): string =>
  s.slice(0, 2) === s.slice(0, 2).toLocaleUpperCase('vi') ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** "nhà "Mái ấm Công đoàn" xây mới 3 căn, trị giá 150 triệu đồng (đạt 150% chỉ tiêu)" or null when nothing was reported. */
export function indicatorPhrase(i: ConsolidatedIndicator, expected: number): string | null {
  if (i.aggregation === 'text' || typeof i.total !== 'number') return null;
  const how = i.aggregation === 'avg' || i.aggregation === 'percent' ? 'bình quân ' : i.aggregation === 'max' ? 'cao nhất ' : '';
  let s = `${lowerFirst(i.label)}: ${how}${num(i.total)}${i.unit ? (i.unit === '%' ? '%' : ` ${i.unit}`) : ''}`;
  if (i.total2 !== null && i.total2 !== 0 && i.unit2)
    s += isMoney(i.unit2) ? `, trị giá ${num(i.total2)} ${i.unit2}` : `, ${num(i.total2)} ${i.unit2}`;
  if (i.scope === 'per_unit' && i.unitsMet !== null) s += ` (${i.unitsMet}/${expected} đơn vị đạt chỉ tiêu)`;
  else if (i.achievedPct !== null) s += ` (đạt ${num(i.achievedPct)}% so với chỉ tiêu)`;
  if (i.lastYear !== null && i.changePct !== null)
    s += i.changePct === 0 ? ', bằng cùng kỳ' : `, ${i.changePct > 0 ? 'tăng' : 'giảm'} ${num(Math.abs(i.changePct))}% so với cùng kỳ`;
  return s;
}

/** One paragraph per indicator group: "Tuyên truyền, vận động: số buổi ... 45 buổi; ...". */
export function groupSentences(c: Consolidation): { group: string; sentence: string }[] {
  const groups = new Map<string, string[]>();
  for (const i of c.indicators) {
    const p = indicatorPhrase(i, c.expected);
    if (!p) continue;
    const key = i.groupLabel;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups].map(([group, parts]) => ({ group, sentence: `${parts.map(capitaliseFirstOnly).join('; ')}.` }));
}
const capitaliseFirstOnly = (s: string, i: number): string => (i === 0 ? capitalise(s) : s);

/** "Có 45/50 CĐCS báo cáo (đạt 90%), trong đó 40 đơn vị đúng hạn, 5 đơn vị trễ hạn; còn 5 đơn vị chưa báo cáo." */
export function submissionSentence(c: Consolidation, baseName: string, reportDueOn: string | null): string {
  const head = `Có ${c.submitted}/${c.expected} ${baseName} báo cáo${c.completenessPct !== null ? ` (đạt ${num(c.completenessPct)}%)` : ''}`;
  const when = reportDueOn ? ` (hạn ${formatViDate(reportDueOn)})` : '';
  const split = c.submitted > 0 ? `, trong đó ${c.onTime} đơn vị báo cáo đúng hạn${when}, ${c.late} đơn vị báo cáo trễ hạn` : '';
  const rest = c.missing.length > 0 ? `; còn ${c.missing.length} đơn vị chưa báo cáo` : '';
  return `${head}${split}${rest}.`;
}

/** "ngày 05 tháng 01 năm 2024" */
