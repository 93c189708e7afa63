// "Dân vận khéo" follow-up: the công văn đôn đốc to base units with no new model registered for the year (official
// layout, as the report reminders: units named in the letter, or in an attached list when many; a short text for
// Zalo), and the year at a glance for the overview (registrations, steps, recognitions, awards).
import type { BodyBlock, OfficialDoc } from '../docs/official-docx/index';
import { buildOfficialDocx } from '../docs/official-docx/lazy';
import { AppError } from '../contract/errors';
import type { FileOut } from '../contract/common';
import type { ModelsYearGlance } from '../contract/models-followup';
import type { Db } from '../db/connection';
import { coverage, listModels } from '../db/models';
import type { Handler } from '../handler/handler';
import { formatViDate, todayInVietnam } from '../text/vi-date';
import { titleCaseOrg } from '../text/org-name';
import { docNumber } from './consolidation-text';
import { resolveProfile } from './doc-identity';
import { registrationDeadline } from './models';
import { addDays } from './reminders';
import { cachedByDataVersion } from './data-version-cache';
import { readProfile } from './settings';
import { MIME } from '../contract/mime';

/** Units named in the letter itself; more go to the attached phụ lục (the letter stays on one page). */
const LIST_IN_BODY = 12;

interface ModelLetterOptions {
  year: number;
  number: string | null;
  date: string;
  newDueOn: string | null;
}

async function modelsReminderLetter(db: Db, o: ModelLetterOptions) {
  const deadline = registrationDeadline(db, o.year);
  const c = coverage(db, o.year, deadline);
  const units = c.units.filter((u) => u.state === 'chua_dang_ky').map((u) => ({ id: u.unitId, code: u.code, name: u.name }));
  if (units.length === 0)
    throw new AppError(
      'invalid_input',
      `Không có đơn vị nào cần đôn đốc: tất cả ${c.baseUnits} công đoàn cơ sở đã đăng ký mô hình năm ${o.year}.`,
    );
  const { profile, warnings } = resolveProfile(readProfile(db), null);
  const own = titleCaseOrg(profile.ownOrg);
  const base = profile.levelNames.base.toLocaleLowerCase('vi');
  const newDue = o.newDueOn ?? addDays(o.date, 7);
  const number = docNumber(o.number, profile, 'CV');
  const inBody = units.length <= LIST_IN_BODY;
  const kind = `mô hình, điển hình "Dân vận khéo" năm ${o.year}`;
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      runs: `Thực hiện phong trào thi đua "Dân vận khéo" năm ${o.year}, ${own} đề nghị mỗi ${base} đăng ký 01–02 mô hình, điển hình mới và gửi phiếu đăng ký về ${own} trước ngày ${formatViDate(deadline)}.`,
    },
    {
      kind: 'paragraph',
      runs: `Đến ngày ${formatViDate(o.date)}, ${own} đã nhận đăng ký của ${c.baseUnits - c.missing}/${c.baseUnits} đơn vị; ${units.length} đơn vị ${inBody ? 'sau đây chưa đăng ký:' : 'chưa đăng ký (có danh sách kèm theo).'}`,
    },
    ...(inBody ? [{ kind: 'list', numbered: true, items: units.map((u) => `${u.name} (mã ${u.code})`) } satisfies BodyBlock] : []),
    {
      kind: 'paragraph',
      runs: [
        `Để kịp thời tổng hợp, theo dõi và báo cáo cấp trên, Ban Thường vụ ${own} đề nghị Ban Chấp hành các đơn vị nêu trên khẩn trương lựa chọn, đăng ký ${kind} (theo phiếu đăng ký đã gửi) về ${own} `,
        { text: `trước ngày ${formatViDate(newDue)}`, bold: true },
        '.',
      ],
    },
    {
      kind: 'paragraph',
      runs: `Quá thời hạn trên, ${own} sẽ tổng hợp, báo cáo các đơn vị chưa đăng ký mô hình, điển hình. Đề nghị các đơn vị quan tâm thực hiện./.`,
    },
  ];
  const doc: OfficialDoc = {
    header: { parentOrg: profile.parentOrg ?? '', ownOrg: profile.ownOrg, number, place: profile.placeName ?? '', date: o.date },
    documentType: 'CÔNG VĂN',
    title: `đôn đốc đăng ký ${kind}`,
    kinhGui: units.length <= 4 ? units.map((u) => `Ban Chấp hành ${u.name}`) : [`Ban Chấp hành các ${base} có tên dưới đây`],
    body,
    recipients: ['Như trên', `Thường trực ${own} (để b/c)`, 'Lưu: VT'],
    signer: { authority: profile.signerAuthority ?? '', title: profile.signerTitle ?? '', name: profile.signerName ?? '' },
    bodySize: inBody && units.length > 6 ? 13 : 14,
    ...(inBody
      ? {}
      : {
          appendix: [
            {
              title: `Danh sách ${base} chưa đăng ký ${kind}`,
              subtitle: `(Kèm theo Công văn số ${number.replace(/^\u200B?[\u00A0 ]+/, '…')} ngày ${formatViDate(o.date)} của ${own})`,
              body: [
                {
                  kind: 'table',
                  fontSize: 13,
                  columns: [
                    { header: 'TT', width: 0.6, align: 'center' },
                    { header: 'Đơn vị', width: 5 },
                    { header: 'Mã đơn vị', width: 1.4, align: 'center' },
                  ],
                  rows: units.map((u, i) => [String(i + 1), u.name, u.code]),
                },
              ],
            },
          ],
        }),
  };
  const file: FileOut = {
    name: `cong-van-don-doc-dang-ky-dan-van-kheo-${o.year}.docx`,
    mime: MIME.docx,
    bytes: await buildOfficialDocx(doc),
    ...(warnings.length ? { warnings } : {}),
  };
  const text =
    `[${own}] Kính gửi BCH ${units.map((u) => u.name).join('; ')}. Đến ngày ${formatViDate(o.date)}, đơn vị chưa đăng ký ${kind} ` +
    `(hạn ${formatViDate(deadline)}). Đề nghị đồng chí Chủ tịch công đoàn đơn vị chỉ đạo gửi phiếu đăng ký trước ngày ${formatViDate(newDue)}. Trân trọng cảm ơn!`;
  return { file, text, units };
}

function modelsYearGlance(db: Db, year: number): ModelsYearGlance {
  const c = coverage(db, year, registrationDeadline(db, year));
  const list = listModels(db, { year });
  const byStep = [1, 2, 3, 4].map((s) => list.filter((m) => m.step === s).length);
  const recognized = { co_so: 0, cap_tren: 0, tinh: 0 };
  for (const m of list) if (m.recognitionLevel && m.recognizedOn) recognized[m.recognitionLevel]++;
  return {
    year,
    deadline: c.deadline,
    baseUnits: c.baseUnits,
    registered: c.baseUnits - c.missing,
    onTime: c.onTime,
    late: c.late,
    missing: c.missing,
    models: list.length,
    byStep,
    recognized,
    awarded: list.filter((m) => m.awards.length > 0).length,
  };
}

export const modelsFollowupHandlers = {
  'models.reminderLetter': (i, ctx) =>
    modelsReminderLetter(ctx.db, { year: i.year, number: i.number, date: i.date ?? todayInVietnam(ctx.now()), newDueOn: i.newDueOn }),
  // the overview asks it at every visit; counting means reading the year's whole register and coverage (~0.1 s for a
  // province-sized year), so it is counted again only when the data changed
  'models.yearGlance': ({ year }, ctx) =>
    cachedByDataVersion(ctx.db, `models.yearGlance:${year}`, () => modelsYearGlance(ctx.db, year), 'glances'),
} satisfies { [K in 'models.reminderLetter' | 'models.yearGlance']: Handler<K> };
