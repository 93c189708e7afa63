// Reading a units list from any workbook layout (pure): find the header row by its labels on the first
// sheet that has one, then return each data row's fields with Excel row numbers for messages.
import type { HeaderSpec } from './header-row';
import { readLabelledTable, type TableRow } from './labelled-table';

export type UnitField =
  'code' | 'name' | 'kind' | 'parent' | 'sector' | 'members' | 'chair' | 'phone' | 'email' | 'address' | 'aliases' | 'status' | 'note';

const UNIT_HEADER_SPEC: HeaderSpec<UnitField> = {
  code: { aliases: ['ma don vi', 'ma dv', 'ma cdcs', 'ma cong doan', 'ma so', 'ma'], required: true },
  name: { aliases: ['ten don vi', 'ten cdcs', 'ten cong doan co so', 'ten cong doan', 'ten to chuc', 'don vi', 'ten'], required: true },
  kind: { aliases: ['loai don vi', 'loai hinh', 'loai', 'cap'] },
  parent: { aliases: ['ma don vi cap tren', 'ma cap tren', 'don vi cap tren', 'cong doan cap tren', 'truc thuoc', 'cap tren'] },
  sector: { aliases: ['khoi nganh', 'khoi', 'nganh', 'linh vuc'] },
  members: { aliases: ['tong so doan vien', 'so doan vien', 'so dv', 'doan vien'] },
  chair: { aliases: ['ho ten chu tich', 'chu tich cdcs', 'chu tich', 'nguoi dung dau'] },
  phone: { aliases: ['so dien thoai', 'dien thoai', 'sdt', 'dt'] },
  email: { aliases: ['thu dien tu', 'e mail', 'email'] },
  address: { aliases: ['dia chi'] },
  aliases: { aliases: ['ten goi khac', 'ten viet tat', 'ten khac'] },
  status: { aliases: ['trang thai', 'tinh trang'] },
  note: { aliases: ['ghi chu'] },
};

export type RawUnitRow = TableRow<UnitField>;

export interface UnitsSheet {
  sheet: string | null;
  headerRow: number | null;
  rows: RawUnitRow[];
  /** Fatal problem: the file cannot be used at all (Vietnamese, says what to do). */
  fatal: string | null;
  /** Warning when the file was an .xls/.ods/.csv converted to be read, else null. */
  converted: string | null;
}

export async function readUnitsWorkbook(bytes: Uint8Array, fileName: string, timeoutMs?: number): Promise<UnitsSheet> {
  const t = await readLabelledTable(bytes, fileName, UNIT_HEADER_SPEC, {
    maxRows: 20_000,
    maxCols: 60,
    timeoutMs,
    needColumns: 'ít nhất hai cột "Mã đơn vị" và "Tên đơn vị"',
  });
  return { sheet: t.sheet, headerRow: t.headerRow, rows: t.rows, fatal: t.fatal, converted: t.converted };
}
