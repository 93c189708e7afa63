// The `parse-report` contract (DESIGN.md §5): what reading one base union's result workbook yields.
// Contract fields first; extra fields beside them (code, flags, source row) help matching and review.
import { z } from 'zod';

/** A cell that means a number is a number ("45.500.000" -> 45500000); otherwise the text as written. */
export const ReportValue = z.union([z.number(), z.string()]).nullable();
export type ReportValue = z.infer<typeof ReportValue>;

export const ReportIssue = z.object({
  sheet: z.string().nullable(),
  /** A1 address, e.g. "E12"; null for file- or sheet-level issues. */
  cell: z.string().nullable(),
  severity: z.enum(['fatal', 'error', 'warning']),
  /** Vietnamese, ready to show: "Sheet 'Báo cáo', ô E12: không đọc được số '12,,5'". */
  message: z.string(),
});
export type ReportIssue = z.infer<typeof ReportIssue>;

export const ReportRow = z.object({
  /** As written ("1", "2.1", "a"); section rows carry their numeral ("I", "A"); null for sub-rows. */
  stt: z.string().nullable(),
  label: z.string(),
  unit: z.string().nullable(),
  target: ReportValue,
  value: ReportValue,
  note: z.string().nullable(),
  // ---- beyond the contract ----
  /** Indicator code from our template's _meta sheet; null for free-form workbooks. */
  code: z.string().nullable(),
  /** Section/group heading (I., II., A.); its value is always null. */
  isSection: z.boolean(),
  /** "Trong đó"/"- ..."/"+ ..." sub-row: a part of `parentIndex`, never added to totals. */
  isBreakdown: z.boolean(),
  /** Index in `rows` of the row this one breaks down; null unless isBreakdown. */
  parentIndex: z.number().int().nullable(),
  /** "Tổng cộng"/"Cộng" rows: sums of other rows, never added to totals. */
  isTotal: z.boolean(),
  /** Other value columns under a merged group header (e.g. "Kết quả / Trị giá"). */
  extra: z.array(z.object({ header: z.string(), value: ReportValue })),
  /** 1-based row in the sheet. */
  sheetRow: z.number().int(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportPeriod = z.object({
  /** As written, e.g. "ĐỢT II NĂM 2023". */
  label: z.string(),
  /** Roman numeral of the round ("II"), or null. */
  round: z.string().nullable(),
  year: z.number().int().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  // ---- beyond the contract (absent in older stored results) ----
  /**
   * What the label names: a round (đợt), quarter, half year (6 tháng), other months from the start or to the end of
   * the year ("9 tháng đầu năm": span), one month, a semester (học kỳ) or a whole (school) year.
   */
  kind: z.enum(['round', 'quarter', 'half', 'span', 'month', 'semester', 'year']).optional(),
  /** 1–4 for "QUÝ IV/2024". */
  quarter: z.number().int().nullable().optional(),
  /** 1 (đầu năm) or 2 (cuối năm) for "6 tháng ...". */
  half: z.number().int().nullable().optional(),
  /** 1–12 for "THÁNG 11/2024". */
  month: z.number().int().nullable().optional(),
  /** "2024-2025" for "NĂM HỌC 2024-2025". */
  schoolYear: z.string().nullable().optional(),
});
export type ReportPeriod = z.infer<typeof ReportPeriod>;

/** A column the values could be read from: its letter ("F"), header cell ("F7") and header text ("Kết quả thực hiện / Quý II"). */
export const ValueCandidate = z.object({ letter: z.string(), cell: z.string(), header: z.string() });
export type ValueCandidate = z.infer<typeof ValueCandidate>;

const ReportTemplate = z.object({
  templateId: z.string(),
  templateVersion: z.string().nullable(),
  planId: z.string().nullable(),
  unitCode: z.string().nullable(),
});

export const ParsedReport = z.object({
  unitName: z.string().nullable(),
  title: z.string().nullable(),
  period: ReportPeriod.nullable(),
  rows: z.array(ReportRow),
  narrative: z.array(z.object({ heading: z.string(), text: z.string() })),
  issues: z.array(ReportIssue),
  // ---- beyond the contract ----
  fileName: z.string(),
  /** Sheet the table was read from. */
  sheet: z.string().nullable(),
  /**
   * The column values were read from, when the table offers several (period sub-columns under "Kết quả thực hiện"):
   * its header cell, header text and why it was chosen. Null for a single value column.
   */
  valueColumn: z
    .object({
      cell: z.string(),
      header: z.string(),
      reason: z.string(),
      /** false when the reader could not tell which column answers the period: the user is asked to pick one. */
      sure: z.boolean().optional(),
      /** Taken because the user picked it (for this file, or remembered for the unit). */
      chosen: z.boolean().optional(),
    })
    .nullable()
    .optional(),
  /** Letter of the column the values were read from ("E"): a mapped row's value is at this column of its sheet row. */
  valueLetter: z.string().nullable().optional(),
  /** Every column the values could be read from when there are several (period or year sub-columns), left to right. */
  valueColumns: z.array(ValueCandidate).optional(),
  /** Our own template (from the hidden _meta sheet), or null for a free-form workbook. */
  template: ReportTemplate.nullable(),
  /** Which reader produced the grid; null when the file could not be opened. */
  reader: z.enum(['fast', 'exceljs']).nullable(),
});
export type ParsedReport = z.infer<typeof ParsedReport>;
