// Units export: the register as an .xlsx the user saves, in the same layout the importer reads.
import type { FileOut } from '../contract/common';
import type { Db } from '../db/connection';
import { listUnits } from '../db/units';
import { writeUnitsWorkbook } from '../excel/units-write';
import { todayInVietnam } from '../text/vi-date';
import { readProfile } from './settings';
import { MIME } from '../contract/mime';

export async function exportUnits(db: Db, includeInactive: boolean, now: Date): Promise<FileOut> {
  const p = readProfile(db);
  const bytes = await writeUnitsWorkbook(listUnits(db, includeInactive), 'DANH SÁCH ĐƠN VỊ TRỰC THUỘC', [p.parentOrg ?? '', p.ownOrg]);
  return {
    name: `danh-sach-don-vi-${todayInVietnam(now)}.xlsx`,
    mime: MIME.xlsx,
    bytes,
  };
}
