// Sending a report back ("đề nghị sửa"): the official letter asking a unit to check, correct and resend its report,
// listing each problem with its place in the file (value checks still open, and what the reader flagged), a short
// text for Zalo/email, and the request recorded so the report shows "đã đề nghị sửa" until a newer version comes.
import type { OfficialDoc } from '../docs/official-docx/index';
import { buildOfficialDocx } from '../docs/official-docx/lazy';
import { AppError } from '../contract/errors';
import type { FileOut } from '../contract/common';
import type { ReportIssue } from '../contract/parsed-report';
import type { Db } from '../db/connection';
import { addCorrectionRequest } from '../db/corrections';
import { formatViDate } from '../text/vi-date';
import { docNumber, planReference, planSubject, titleCaseOrg } from './consolidation-text';
import { resolveProfile } from './doc-identity';
import { addDays, slug } from './reminders';
import { reportDetail } from './reports';
import { readProfile } from './settings';
import { planOrThrow } from './plan-lookup';
import { planWarnings } from './value-review';
import type { ValueWarning } from '../contract/checks';
import { MIME } from '../contract/mime';

interface CorrectionOptions {
  reportId: number;
  number: string | null;
  date: string;
  dueOn: string | null;
  /** Record the request (the report then shows "đã đề nghị sửa"). */
  record: boolean;
}

const where = (sheet: string | null, cell: string | null): string =>
  sheet || cell
    ? ` (${[sheet ? `sheet "${sheet}"` : null, cell ? `${/^\d+$/.test(cell) ? 'dòng' : 'ô'} ${cell}` : null].filter(Boolean).join(', ')})`
    : '';

/** A problem as the unit reads it: what is odd and where, without the app's instructions to staff ("Hãy kiểm tra…"). */
export function forUnit(message: string): string {
  return message
    .replace(/\s*—\s*Chưa lưu[^]*$/u, '')
    .replace(/[:;,]?\s*[Hh]ãy [^.]*(\.|$)/gu, '.')
    .replace(/\s*\.(\s*\.)+/g, '.')
    .replace(/:\s*\./g, '.')
    .trim();
}

/** The problems to name: open value warnings of this report, then the reader's errors and warnings kept on it. */
function reportProblems(db: Db, reportId: number, planChecks: ValueWarning[]): string[] {
  const d = reportDetail(db, reportId);
  const checks = planChecks
    .filter((w) => w.reportId === reportId && w.status === 'open')
    .map((w) => `${w.indicatorCode} – ${w.indicatorLabel}${where(w.sheet, w.cell)}: ${w.message}`);
  // value checks kept on the report are listed from the live checks above (open ones only), not again from here
  const fromChecks = (i: ReportIssue) => typeof (i as { rule?: unknown }).rule === 'string';
  const read = d.issues
    .filter((i) => i.severity !== 'fatal' && !fromChecks(i))
    .map((i) => `${i.message}${i.message.includes(i.cell ?? '\u0000') ? '' : where(i.sheet, i.cell)}`);
  return [...new Set([...checks, ...read].map(forUnit))];
}

/**
 * `checksOf`: the plan's value warnings as they are now; by default computed here, the app passes the ones its checks
 * worker keeps per data version (seconds of work on a large plan, usually done already when the user is on the check view).
 */
export async function correctionLetter(
  db: Db,
  o: CorrectionOptions,
  now: string,
  checksOf: (planId: number) => Promise<ValueWarning[]> = async (planId) => planWarnings(db, planId),
): Promise<{ file: FileOut; text: string; problems: number }> {
  const d = reportDetail(db, o.reportId);
  if (d.status !== 'active' && d.status !== 'held')
    throw new AppError('conflict', 'Bản báo cáo này không còn được dùng: hãy mở bản đang dùng của đơn vị.');
  const plan = planOrThrow(db, d.planId);
  const problems = reportProblems(db, o.reportId, await checksOf(d.planId));
  if (problems.length === 0)
    throw new AppError('invalid_input', 'Báo cáo này không có vấn đề nào cần đơn vị sửa (không có cảnh báo chưa xử lý).');
  const { profile, warnings } = resolveProfile(readProfile(db), plan);
  const own = titleCaseOrg(profile.ownOrg);
  const subject = planSubject(plan.title);
  const due = o.dueOn ?? addDays(o.date, 3);
  const number = docNumber(o.number, profile, 'CV');
  const received = `báo cáo kết quả ${subject} của đơn vị (nhận ngày ${formatViDate(d.receivedOn)}${d.fileName ? `, tệp "${d.fileName}"` : ''})`;
  const doc: OfficialDoc = {
    header: { parentOrg: profile.parentOrg ?? '', ownOrg: profile.ownOrg, number, place: profile.placeName ?? '', date: o.date },
    documentType: 'CÔNG VĂN',
    title: `đề nghị rà soát, điều chỉnh số liệu báo cáo kết quả ${subject}`,
    kinhGui: [`Ban Chấp hành ${d.unit.name}`],
    body: [
      { kind: 'paragraph', runs: `Thực hiện ${planReference(plan, profile)}, ${own} đã nhận được ${received}.` },
      { kind: 'paragraph', runs: `Qua kiểm tra, ${own} thấy ${problems.length} nội dung số liệu cần đơn vị rà soát lại:` },
      { kind: 'list', numbered: true, items: problems },
      {
        kind: 'paragraph',
        runs: [
          `Đề nghị Ban Chấp hành ${d.unit.name} kiểm tra, điều chỉnh các nội dung trên (hoặc xác nhận số liệu là đúng, nêu rõ lý do) và gửi lại báo cáo về ${own} `,
          { text: `trước ngày ${formatViDate(due)}`, bold: true },
          ' để kịp tổng hợp, báo cáo cấp trên./.',
        ],
      },
    ],
    recipients: ['Như trên', 'Lưu: VT'],
    signer: { authority: profile.signerAuthority ?? '', title: profile.signerTitle ?? '', name: profile.signerName ?? '' },
  };
  const file: FileOut = {
    name: `cong-van-de-nghi-sua-${slug(d.unit.code || d.unit.name)}-${slug(plan.periodLabel ?? plan.title)}.docx`,
    mime: MIME.docx,
    bytes: await buildOfficialDocx(doc),
    ...(warnings.length ? { warnings } : {}),
  };
  const text =
    `[${own}] Kính gửi BCH ${d.unit.name}. Báo cáo kết quả ${subject} của đơn vị (nhận ${formatViDate(d.receivedOn)}) có ${problems.length} nội dung cần rà soát: ` +
    problems
      .slice(0, 5)
      .map((p, i) => `(${i + 1}) ${p}`)
      .join(' ') +
    (problems.length > 5 ? ` … và ${problems.length - 5} nội dung khác (xem công văn).` : '') +
    ` Đề nghị đơn vị kiểm tra, sửa và gửi lại trước ngày ${formatViDate(due)}. Trân trọng cảm ơn!`;
  if (o.record)
    addCorrectionRequest(db, { reportId: o.reportId, sentOn: o.date, channel: 'letter', number: o.number, problems: problems.length }, now);
  return { file, text, problems: problems.length };
}
