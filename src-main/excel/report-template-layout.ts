// Our report table's layout, one constant for every writer and filler of it: the unit template (report-template.ts),
// the district's upward package (upward/write.ts), and the tests that fill a template the way a unit does.
export const TEMPLATE_SHEETS = { report: 'Báo cáo', narrative: 'Thuyết minh', meta: '_meta' } as const;

/** 1-based columns of the table: STT | Nội dung | ĐVT | Chỉ tiêu | Kết quả | Ghi chú. */
export const TEMPLATE_COLUMNS = { stt: 1, label: 2, unit: 3, target: 4, value: 5, note: 6 } as const;
export const TEMPLATE_HEADERS = ['STT', 'Nội dung', 'ĐVT', 'Chỉ tiêu', 'Kết quả', 'Ghi chú'] as const;
export const TEMPLATE_WIDTHS = [6, 52, 12, 12, 14, 22] as const;
