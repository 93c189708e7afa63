// Reminders (đôn đốc) to units that have not reported: the công văn "V/v đôn đốc báo cáo ..." in the official
// layout naming the units, a short text to paste into Zalo or an email, and the per-unit reminder log.
import type { BodyBlock, OfficialDoc } from '../docs/official-docx/index';
import { buildOfficialDocx } from '../docs/official-docx/lazy';
import { estimateWidthTwip, FIRST_LINE_INDENT, textWidthTwip } from '../layout/metrics';
import { AppError } from '../contract/errors';
import type { FileOut } from '../contract/common';
import type { ReminderChannel, ReminderEntry } from '../contract/consolidation';
import type { Db } from '../db/connection';
import { addReminder, remindersOf } from '../db/consolidation';
import { unitRefsById } from '../db/units';
import { formatViDate } from '../text/vi-date';
import { foldKey } from '../text/vi-text';
import { docNumber, planReference, planSubject, titleCaseOrg } from './consolidation-text';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { computeTracking } from './tracking';
import { planOrThrow } from './plan-lookup';
import { unitsWording } from './unit-wording';
import { MIME } from '../contract/mime';

/** Units named in the letter itself, and printed lines they may take; more go to the attached phụ lục (one page). */
export const LIST_IN_BODY = 15;
const LIST_SIZE = 13;
const unitLine = (u: { name: string; code: string | null }): string => `${u.name}${u.code ? ` (mã ${u.code})` : ''}`;
/** Printed lines of the numbered list at 13 pt (long names wrap). */
function listLines(units: { name: string; code: string | null }[]): number {
  const avail = textWidthTwip(false) - FIRST_LINE_INDENT - 360;
  return units.reduce((n, u, i) => n + Math.max(1, Math.ceil(estimateWidthTwip(`${i + 1}. ${unitLine(u)};`, LIST_SIZE, false) / avail)), 0);
}

interface LetterOptions {
  planId: number;
  unitIds: number[] | null;
  number: string | null;
  date: string;
  newDueOn: string | null;
}

export const addDays = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const slug = (s: string): string => foldKey(s).replace(/ /g, '-').slice(0, 60) || 'ke-hoach';

/** The units a letter names: the given ones, else every unit still without a report. */
function letterUnits(db: Db, o: LetterOptions, today: string) {
  const t = computeTracking(db, o.planId, today);
  const refs = o.unitIds === null ? null : unitRefsById(db, o.unitIds);
  const units =
    o.unitIds === null || refs === null
      ? t.rows.filter((r) => r.state === 'missing').map((r) => r.unit)
      : o.unitIds.flatMap((id) => refs.get(id) ?? []);
  if (units.length === 0) throw new AppError('invalid_input', 'Không có đơn vị nào cần đôn đốc: tất cả đơn vị đã gửi báo cáo.');
  return { t, units };
}

export async function reminderLetter(db: Db, o: LetterOptions) {
  const plan = planOrThrow(db, o.planId);
  const { profile, warnings } = resolveProfile(readProfile(db), plan);
  const { t, units } = letterUnits(db, o, o.date);
  const own = titleCaseOrg(profile.ownOrg);
  const base = unitsWording(db, plan).plural;
  const newDue = o.newDueOn ?? addDays(o.date, 3);
  const subject = planSubject(plan.title);
  // Up to LIST_IN_BODY units are named in the letter (it stays on one page); more go to an attached list.
  const inBody = units.length <= LIST_IN_BODY && listLines(units) <= LIST_IN_BODY;
  const number = docNumber(o.number, profile, 'CV');
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      runs: `Thực hiện ${planReference(plan, profile)}${plan.reportDueOn ? `, trong đó yêu cầu các đơn vị gửi báo cáo kết quả về ${own} trước ngày ${formatViDate(plan.reportDueOn)}` : ''}.`,
    },
    {
      kind: 'paragraph',
      runs: `Đến ngày ${formatViDate(o.date)}, ${own} đã nhận được báo cáo của ${t.submitted}/${t.expected} đơn vị; ${units.length} đơn vị ${inBody ? 'sau đây chưa gửi báo cáo:' : 'chưa gửi báo cáo (có danh sách kèm theo).'}`,
    },
    ...(inBody ? [{ kind: 'list', numbered: true, items: units.map(unitLine) } satisfies BodyBlock] : []),
    {
      kind: 'paragraph',
      runs: [
        `Để kịp thời tổng hợp, báo cáo cấp trên theo quy định, Ban Thường vụ ${own} đề nghị Ban Chấp hành các đơn vị nêu trên khẩn trương hoàn thành và gửi báo cáo kết quả ${subject} về ${own} `,
        { text: `trước ngày ${formatViDate(newDue)}`, bold: true },
        ' (theo mẫu đã gửi, qua thư điện tử hoặc Zalo).',
      ],
    },
    {
      kind: 'paragraph',
      runs: `Quá thời hạn trên, ${own} sẽ tổng hợp và báo cáo các đơn vị chưa gửi báo cáo. Đề nghị các đơn vị quan tâm thực hiện./.`,
    },
  ];
  const doc: OfficialDoc = {
    header: { parentOrg: profile.parentOrg ?? '', ownOrg: profile.ownOrg, number, place: profile.placeName ?? '', date: o.date },
    documentType: 'CÔNG VĂN',
    title: `đôn đốc báo cáo kết quả ${subject}`,
    kinhGui: units.length <= 4 ? units.map((u) => `Ban Chấp hành ${u.name}`) : [`Ban Chấp hành các ${base} có tên dưới đây`],
    body,
    recipients: ['Như trên', `Thường trực ${own} (để b/c)`, 'Lưu: VT'],
    signer: { authority: profile.signerAuthority ?? '', title: profile.signerTitle ?? '', name: profile.signerName ?? '' },
    bodySize: inBody && units.length > 6 ? LIST_SIZE : 14,
    ...(inBody
      ? {}
      : {
          appendix: [
            {
              title: `Danh sách ${base} chưa gửi báo cáo`,
              subtitle: `(Kèm theo Công văn số ${number.replace(/^\u200B?\u00A0+/, '…')} ngày ${formatViDate(o.date)} của ${own})`,
              body: [
                {
                  kind: 'table',
                  fontSize: 13,
                  columns: [
                    { header: 'TT', width: 0.6, align: 'center' },
                    { header: 'Đơn vị', width: 5 },
                    { header: 'Mã đơn vị', width: 1.4, align: 'center' },
                  ],
                  rows: units.map((u, i) => [String(i + 1), u.name, u.code ?? '']),
                },
              ],
            },
          ],
        }),
  };
  const file: FileOut = {
    name: `cong-van-don-doc-${slug(plan.periodLabel ?? plan.title)}.docx`,
    mime: MIME.docx,
    bytes: await buildOfficialDocx(doc),
    ...(warnings.length ? { warnings } : {}),
  };
  const names = units.map((u) => u.name).join('; ');
  const text =
    `[${own}] Kính gửi BCH ${names}. Đến ngày ${formatViDate(o.date)}, đơn vị chưa gửi báo cáo kết quả ${subject}` +
    `${plan.reportDueOn ? ` (hạn ${formatViDate(plan.reportDueOn)})` : ''}. Đề nghị đồng chí Chủ tịch công đoàn đơn vị chỉ đạo gửi báo cáo ` +
    `trước ngày ${formatViDate(newDue)}. Trân trọng cảm ơn!`;
  return { file, text, units };
}

export function recordReminders(
  db: Db,
  planId: number,
  unitIds: number[],
  r: { sentOn: string; channel: ReminderChannel; number: string | null; note: string | null },
  now: string,
): number {
  planOrThrow(db, planId);
  const known = unitRefsById(db, unitIds);
  for (const id of unitIds) if (!known.has(id)) throw new AppError('not_found', 'Không tìm thấy đơn vị. Hãy tải lại danh sách.');
  for (const id of unitIds) addReminder(db, planId, id, r, now);
  return unitIds.length;
}

export function reminderHistory(db: Db, planId: number, unitId: number | null): ReminderEntry[] {
  planOrThrow(db, planId);
  return remindersOf(db, planId, unitId);
}
