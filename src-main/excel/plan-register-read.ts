// Reading an office's plans register (Sổ theo dõi kế hoạch) from any workbook layout (pure): header row found by
// its labels through the gated table reader; the feature maps the rows to plans.
import type { HeaderSpec } from './header-row';
import { readLabelledTable, type LabelledTable } from './labelled-table';

export type RegField = 'number' | 'issuedOn' | 'title' | 'period' | 'due' | 'status';

const PLAN_REGISTER_SPEC: HeaderSpec<RegField> = {
  number: { aliases: ['so ky hieu', 'so van ban', 'so'] },
  issuedOn: { aliases: ['ngay ban hanh', 'ngay van ban', 'ngay thang', 'ngay'] },
  title: { aliases: ['trich yeu noi dung', 'trich yeu', 'ten ke hoach', 'noi dung'], required: true },
  period: { aliases: ['dot', 'ky', 'thoi gian'] },
  due: { aliases: ['han bao cao', 'han nop', 'thoi han bao cao', 'han'] },
  status: { aliases: ['trang thai', 'tinh trang'] },
};

export function readPlanRegisterWorkbook(bytes: Uint8Array, fileName: string, timeoutMs?: number): Promise<LabelledTable<RegField>> {
  return readLabelledTable(bytes, fileName, PLAN_REGISTER_SPEC, { maxRows: 5000, maxCols: 30, timeoutMs, needColumns: 'cột "Trích yếu"' });
}
