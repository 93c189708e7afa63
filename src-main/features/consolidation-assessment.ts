// Sections I, III and IV of the báo cáo drafted from the figures: how the plan was carried out (units, period),
// the general assessment (targets met and not met, against the same period last year, reporting discipline) and
// the directions that follow from it. Pure wording over a Consolidation; the units' own sentences are added by the caller.
import type { Consolidation, ConsolidatedIndicator } from '../contract/consolidation';
import type { Plan } from '../contract/plans';
import { formatViDate } from '../text/vi-date';
import { num } from './consolidation-text';

const lowerFirst = (s: string): string =>
  s.slice(0, 2) === s.slice(0, 2).toLocaleUpperCase('vi') ? s : s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const list = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} và ${xs.at(-1)}`);

/** "Kế hoạch được triển khai đến 50 CĐCS; thời gian thực hiện từ 16/12/2023 đến 30/12/2023 (đợt II/2023)." */
export function deploymentSentence(c: Consolidation, plan: Plan, base: string): string {
  const when =
    plan.startsOn && plan.endsOn
      ? `; thời gian thực hiện từ ngày ${formatViDate(plan.startsOn)} đến ngày ${formatViDate(plan.endsOn)}`
      : '';
  const label = plan.periodLabel ? ` (${lowerFirst(plan.periodLabel)})` : '';
  return `Kế hoạch được triển khai đến ${c.expected} ${base}${when}${when ? label : ''}, đề nghị các đơn vị tổ chức thực hiện và báo cáo kết quả${plan.reportDueOn ? ` trước ngày ${formatViDate(plan.reportDueOn)}` : ''}.`;
}

const numeric = (i: ConsolidatedIndicator): boolean => i.aggregation !== 'text' && typeof i.total === 'number';
const short = (i: ConsolidatedIndicator): string => lowerFirst(i.label.replace(/\s*\(.*\)$/, ''));

/** Indicators with a number target: met (≥ 100%) and not met, in the plan's order. */
function targetsMet(c: Consolidation): { met: ConsolidatedIndicator[]; notMet: ConsolidatedIndicator[] } {
  const withTarget = c.indicators.filter((i) => numeric(i) && i.achievedPct !== null);
  return { met: withTarget.filter((i) => i.achievedPct! >= 100), notMet: withTarget.filter((i) => i.achievedPct! < 100) };
}

/** Ưu điểm: targets met, growth against the same period, reporting on time. Empty when the figures show none. */
export function strengthSentences(c: Consolidation, base: string): string[] {
  const out: string[] = [];
  const { met, notMet } = targetsMet(c);
  if (met.length) {
    const names = met.length <= 4 ? `: ${list(met.map(short))}` : '';
    out.push(`Có ${met.length}/${met.length + notMet.length} chỉ tiêu đạt và vượt so với chỉ tiêu kế hoạch${names}.`);
  }
  const up = c.indicators.filter((i) => i.changePct !== null && i.changePct > 0);
  if (up.length)
    out.push(
      `So với cùng kỳ, ${list(up.slice(0, 4).map((i) => `${short(i)} tăng ${num(i.changePct!)}%`))}${up.length > 4 ? `, cùng ${up.length - 4} chỉ tiêu khác` : ''}.`,
    );
  if (c.submitted > 0 && c.timelinessPct !== null && c.timelinessPct >= 80) {
    out.push(`Phần lớn các ${base} báo cáo đúng thời gian quy định (${c.onTime}/${c.submitted} đơn vị, đạt ${num(c.timelinessPct)}%).`);
  }
  return out;
}

/** Hạn chế drawn from the figures: targets not met, decline against the same period, late and missing reports. */
export function weaknessSentences(c: Consolidation): string[] {
  const out: string[] = [];
  const { notMet } = targetsMet(c);
  if (notMet.length)
    out.push(
      `Một số chỉ tiêu chưa đạt so với chỉ tiêu kế hoạch: ${list(notMet.slice(0, 5).map((i) => `${short(i)} (đạt ${num(i.achievedPct!)}%)`))}${notMet.length > 5 ? ` và ${notMet.length - 5} chỉ tiêu khác` : ''}.`,
    );
  const down = c.indicators.filter((i) => i.changePct !== null && i.changePct < 0);
  if (down.length) out.push(`So với cùng kỳ, ${list(down.slice(0, 4).map((i) => `${short(i)} giảm ${num(Math.abs(i.changePct!))}%`))}.`);
  if (c.missing.length || c.late)
    out.push(
      `Còn ${c.missing.length} đơn vị chưa gửi báo cáo, ${c.late} đơn vị gửi báo cáo trễ hạn, ảnh hưởng đến tiến độ tổng hợp (danh sách tại Phụ lục).`,
    );
  return out;
}

/** Phương hướng that follow from the figures; the office edits them in Word before signing. */
export function directionSentences(c: Consolidation, base: string): string[] {
  const { notMet } = targetsMet(c);
  const out = [
    `Tiếp tục chỉ đạo các ${base} duy trì, nhân rộng các mô hình, cách làm hay; biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.`,
  ];
  if (notMet.length)
    out.push(`Tập trung đôn đốc, hướng dẫn các đơn vị thực hiện các chỉ tiêu chưa đạt: ${list(notMet.slice(0, 5).map(short))}.`);
  if (c.missing.length || c.late)
    out.push(`Nhắc nhở các đơn vị chưa báo cáo, báo cáo trễ hạn; thực hiện nghiêm chế độ thông tin, báo cáo theo quy định.`);
  return out;
}
