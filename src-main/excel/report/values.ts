// Turning one table cell into a contract value: numbers stay numbers, vi-VN number text is parsed
// ("45.500.000", "1,5", "600m", "300 suất"), errors and uncalculated formulas become issues, never guesses.
import type { Cell } from '../xlsx/grid';
import type { ReportIssue, ReportValue } from '../../contract/parsed-report';
import { parseViNumber } from '../../text/vi-number';

interface ValueResult {
  value: ReportValue;
  /** Unit written inside the cell ("600m" -> "m"), to fill an empty unit column. */
  suffix: string | null;
}

const DITTO = /^(?:["“”〃″'']{1,2}|-\s*["“”〃]\s*-|-?\s*nt\s*-?|như trên)$/iu;
export const isDitto = (s: string): boolean => DITTO.test(s.trim());

const NUMERICISH = /^[+-]?[\d\s.,]+$/;

function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = (days - 25569) * 86_400_000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

export interface ValueContext {
  sheet: string;
  cell: string;
  issues: ReportIssue[];
  date1904: boolean;
}

function where(ctx: ValueContext): string {
  return `Sheet '${ctx.sheet}', ô ${ctx.cell}`;
}

/** Interpret a value/target cell; `text` is its converted, cleaned text. */
export function readValue(cell: Cell | undefined, text: string, ctx: ValueContext): ValueResult {
  if (!cell) return { value: null, suffix: null };
  if (cell.f !== undefined && /\[\d+\]|\|/.test(cell.f)) {
    ctx.issues.push({
      sheet: ctx.sheet,
      cell: ctx.cell,
      severity: 'warning',
      message: `${where(ctx)}: công thức liên kết tệp khác – chỉ dùng giá trị đã lưu.`,
    });
  }
  if (cell.v === null) {
    if (cell.noCache) {
      ctx.issues.push({
        sheet: ctx.sheet,
        cell: ctx.cell,
        severity: 'error',
        message: `${where(ctx)}: công thức chưa được tính – hãy mở bằng Excel, Lưu lại rồi gửi lại.`,
      });
    }
    return { value: null, suffix: null };
  }
  switch (cell.k) {
    case 'e':
      ctx.issues.push({
        sheet: ctx.sheet,
        cell: ctx.cell,
        severity: 'error',
        message: `${where(ctx)}: ô bị lỗi công thức ${String(cell.v)}.`,
      });
      return { value: null, suffix: null };
    case 'b':
      return { value: cell.v ? 'Có' : 'Không', suffix: null };
    case 'n':
      if (typeof cell.v !== 'number') return { value: text || null, suffix: null };
      if (cell.date) return { value: serialToIso(cell.v, ctx.date1904), suffix: null };
      // Shown as "95%": the number the user sees and means is 95, as when "95%" is typed as text.
      if (cell.pct) return { value: Math.round(cell.v * 100 * 1e9) / 1e9, suffix: '%' };
      return { value: cell.v, suffix: null };
    default:
      break;
  }
  if (!text) return { value: null, suffix: null };
  const parsed = parseViNumber(text);
  if (parsed) {
    const suffix = parsed.suffix;
    if (suffix === '') return { value: parsed.value, suffix: null };
    // A range ("300 - 500"), a sum or product ("1+2", "3x4"), a fraction or date ("1/2", "20/11"): not one number.
    if (/^[-–~÷+*×x/:]\s*\d|^\d|^[.,]/i.test(suffix)) {
      ctx.issues.push({
        sheet: ctx.sheet,
        cell: ctx.cell,
        severity: 'warning',
        message: `${where(ctx)}: '${text.slice(0, 40)}' không phải một số (khoảng, phép tính hoặc nhiều số) – giữ nguyên chữ, hãy sửa thành một số.`,
      });
      return { value: text, suffix: null };
    }
    if (suffix.length <= 20) return { value: parsed.value, suffix };
    return { value: text, suffix: null };
  }
  if (NUMERICISH.test(text) && /\d/.test(text)) {
    ctx.issues.push({
      sheet: ctx.sheet,
      cell: ctx.cell,
      severity: 'error',
      message: `${where(ctx)}: không đọc được số '${text.slice(0, 40)}'.`,
    });
  }
  return { value: text, suffix: null };
}
