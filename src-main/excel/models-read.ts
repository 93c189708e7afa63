// Reading "Dân vận khéo" registrations from a workbook (pure): our registration form (recognised by its hidden
// _meta sheet) or any list whose header row is found by its labels; returns each data row's fields.
import type { HeaderSpec } from './header-row';
import { readLabelledTable, type TableRow } from './labelled-table';

type ModelColumn =
  | 'unitCode'
  | 'unitName'
  | 'name'
  | 'type'
  | 'field'
  | 'year'
  | 'startedYear'
  | 'newOrCarried'
  | 'situation'
  | 'goals'
  | 'method'
  | 'scope'
  | 'forces'
  | 'resources'
  | 'outputs'
  | 'sustainability'
  | 'person'
  | 'phone'
  | 'registeredOn'
  | 'note';

const MODEL_HEADER_SPEC: HeaderSpec<ModelColumn> = {
  unitCode: { aliases: ['ma don vi', 'ma dv', 'ma cdcs'] },
  unitName: { aliases: ['don vi dang ky', 'ten don vi', 'ten cdcs', 'cong doan co so', 'don vi'] },
  name: { aliases: ['ten mo hinh dien hinh', 'ten mo hinh', 'ten dien hinh', 'mo hinh dien hinh', 'mo hinh'], required: true },
  type: { aliases: ['loai mo hinh', 'loai hinh', 'loai'] },
  field: { aliases: ['linh vuc'], required: true },
  year: { aliases: ['nam dang ky', 'nam'] },
  startedYear: { aliases: ['nam bat dau', 'bat dau tu nam', 'thuc hien tu nam'] },
  newOrCarried: { aliases: ['moi duy tri', 'moi hay duy tri', 'moi tiep tuc', 'moi hay cu'] },
  situation: { aliases: ['thuc trang ly do xay dung', 'thuc trang ly do', 'thuc trang', 'ly do'] },
  goals: { aliases: ['muc tieu tieu chi', 'muc tieu'] },
  method: {
    aliases: ['noi dung cach thuc thuc hien', 'noi dung cach lam', 'noi dung cach thuc', 'cach thuc thuc hien', 'cach lam', 'noi dung'],
  },
  scope: { aliases: ['dia ban doi tuong', 'dia ban', 'doi tuong'] },
  forces: { aliases: ['luc luong thuc hien', 'luc luong'] },
  resources: { aliases: ['nguon luc va thoi gian', 'nguon luc thoi gian', 'nguon luc'] },
  outputs: { aliases: ['san pham ket qua dau ra', 'san pham dau ra', 'ket qua dau ra', 'san pham'] },
  sustainability: { aliases: ['kha nang duy tri nhan rong', 'kha nang nhan rong', 'kha nang duy tri'] },
  person: { aliases: ['nguoi phu trach', 'nguoi chiu trach nhiem', 'phu trach'] },
  phone: { aliases: ['so dien thoai', 'dien thoai', 'sdt'] },
  registeredOn: { aliases: ['ngay dang ky', 'ngay gui dang ky'] },
  note: { aliases: ['ghi chu'] },
};

export const META_SHEET = '_meta';
export const FORM_KIND = 'danvan.models-form';

export type RawModelRow = TableRow<ModelColumn>;
export interface ModelsSheet {
  sheet: string | null;
  headerRow: number | null;
  rows: RawModelRow[];
  /** Our form's metadata (year it was made for), when the hidden sheet is present and valid. */
  meta: { year: number } | null;
  fatal: string | null;
  /** Warning when the file was an .xls/.ods/.csv converted to be read, else null. */
  converted: string | null;
}

const MAX_ROWS = 5_000;
const MAX_COLS = 40;

/** Our form's hidden sheet: B1 = form kind, B2 = year. */
function readMeta(grid: string[][] | undefined): { year: number } | null {
  if (!grid) return null;
  const kind = grid[0]?.[1] ?? '';
  const year = Number(grid[1]?.[1] ?? '');
  return kind === FORM_KIND && Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : null;
}

export async function readModelsWorkbook(bytes: Uint8Array, fileName: string, timeoutMs?: number): Promise<ModelsSheet> {
  const t = await readLabelledTable(bytes, fileName, MODEL_HEADER_SPEC, {
    maxRows: MAX_ROWS,
    maxCols: MAX_COLS,
    skipSheets: [META_SHEET],
    keepSheets: [META_SHEET],
    timeoutMs,
    needColumns: 'ít nhất hai cột "Tên mô hình" và "Lĩnh vực" (và "Mã đơn vị" hoặc "Tên đơn vị")',
  });
  const meta = t.fatal ? null : readMeta(t.kept[META_SHEET]);
  return { sheet: t.sheet, headerRow: t.headerRow, rows: t.rows, meta, fatal: t.fatal, converted: t.converted };
}
