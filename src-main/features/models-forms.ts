// Blank "Dân vận khéo" registration forms for units: the workbook the importer reads back (optionally
// pre-filled with one unit) and the Word phiếu đăng ký, both with the year's deadline from the org profile.
import type { FileOut } from '../contract/common';
import { AppError } from '../contract/errors';
import type { Db } from '../db/connection';
import { getUnit } from '../db/units';
import { modelFormDocx as buildFormDocx } from '../docs/models-docx';
import { writeModelFormWorkbook } from '../excel/models-form';
import { formatViDate, todayInVietnam } from '../text/vi-date';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { MIME } from '../contract/mime';

function unitOf(db: Db, unitId: number | null) {
  if (unitId === null) return null;
  const u = getUnit(db, unitId);
  if (!u) throw new AppError('not_found', 'Không tìm thấy đơn vị (có thể đã bị xoá). Hãy tải lại danh sách.');
  return u;
}
const slug = (code: string | undefined): string => (code ? `-${code.replace(/[^\p{L}\p{N}_-]+/gu, '_')}` : '');

export async function modelFormXlsx(db: Db, year: number, unitId: number | null, _now: Date): Promise<FileOut> {
  const p = readProfile(db);
  const u = unitOf(db, unitId);
  const bytes = await writeModelFormWorkbook({
    year,
    ownOrg: p.ownOrg,
    deadline: formatViDate(`${year}-${p.modelRegistrationDeadline}`),
    unit: u ? { code: u.code, name: u.name } : null,
  });
  return { name: `mau-dang-ky-dan-van-kheo-${year}${slug(u?.code)}.xlsx`, mime: MIME.xlsx, bytes };
}

export async function modelFormDocx(db: Db, year: number, unitId: number | null, now: Date): Promise<FileOut> {
  const p = resolveProfile(readProfile(db), null).profile;
  const u = unitOf(db, unitId);
  const bytes = await buildFormDocx({
    year,
    ownOrg: p.ownOrg,
    unitName: u?.name ?? null,
    place: p.placeName ?? '',
    date: todayInVietnam(now),
    deadline: `${year}-${p.modelRegistrationDeadline}`,
  });
  return { name: `phieu-dang-ky-dan-van-kheo-${year}${slug(u?.code)}.docx`, mime: MIME.docx, bytes };
}
