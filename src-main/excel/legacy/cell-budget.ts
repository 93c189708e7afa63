// Cell counts of legacy inputs, judged before (ODS, CSV) or right after (any) SheetJS expands them: ODS repeats
// ("number-rows-repeated" × "number-columns-repeated") and long CSV lines can make millions of cells from a small
// file, and SheetJS has no limit of its own. Linear scans; no XML parser.
import { XlsxError, type ReadLimits } from '../../bytes/limits';

const TOO_MANY = (n: number, cap: number): XlsxError =>
  new XlsxError(
    'bomb',
    `Tệp có quá nhiều ô dữ liệu (hơn ${cap.toLocaleString('vi-VN')}, tệp ghi ${n > 1e9 ? 'hàng tỉ' : n.toLocaleString('vi-VN')}) – tệp quá lớn hoặc bất thường nên không đọc, chưa ghi gì. Hãy chỉ giữ bảng cần nhập rồi gửi lại.`,
  );

const repeat = (attrs: string, name: string): number => {
  const m = new RegExp(`${name}="(\\d{1,12})"`).exec(attrs);
  return m ? Number(m[1]) : 1;
};

/**
 * ODS content.xml: cells holding something (a value type or content), each row's repeat applied (rows capped at
 * `limits.maxRows` + 1, as SheetJS reads them). Empty repeated cells (LibreOffice's padding to 1024 columns) are free.
 */
export function checkOdsCells(xml: string, limits: ReadLimits): void {
  const rowCap = limits.maxRows + 1;
  const tag = /<table:table-row\b([^>]*?)(\/?)>|<\/table:table-row>|<table:(?:covered-)?table-cell\b([^>]*?)(\/?)>/g;
  let total = 0;
  let rows = 0;
  let rowRepeat = 1;
  let inRow = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[0].startsWith('<table:table-row')) {
      rowRepeat = Math.min(repeat(m[1] ?? '', 'table:number-rows-repeated'), Math.max(1, rowCap - rows));
      rows += rowRepeat;
      inRow = m[2] ? 0 : 1;
    } else if (m[0] === '</table:table-row>') {
      inRow = 0;
    } else if (inRow) {
      const attrs = m[3] ?? '';
      const filled = !m[4] || /office:value-type=/.test(attrs);
      if (!filled) continue;
      total += repeat(attrs, 'table:number-columns-repeated') * rowRepeat;
      if (total > limits.maxCells) throw TOO_MANY(total, limits.maxCells);
    }
  }
}

/** Delimited text: fields (separators and line ends) before SheetJS splits them. */
export function checkTextCells(text: string, separator: string, limits: ReadLimits): void {
  let n = 1;
  const sep = separator.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === sep || c === 10) n++;
  }
  if (n > limits.maxCells) throw TOO_MANY(n, limits.maxCells);
}

/** After SheetJS read a workbook: the cells it holds (sheet keys other than "!..."), all sheets together. */
export function checkReadCells(sheets: Record<string, Record<string, unknown>>, limits: ReadLimits): void {
  let n = 0;
  for (const ws of Object.values(sheets)) {
    for (const k in ws) if (k.charCodeAt(0) !== 33) n++;
    if (n > limits.maxCells) throw TOO_MANY(n, limits.maxCells);
  }
}

/**
 * SheetJS stops at `sheetRows` and keeps the sheet's real range in "!fullref": a sheet longer than the cap is refused
 * by name, never cut short without a word (the cut rows would be missing from the counts).
 */
export function checkReadRows(sheets: Record<string, Record<string, unknown>>, rowCap: number): void {
  for (const [name, ws] of Object.entries(sheets)) {
    const full = typeof ws['!fullref'] === 'string' ? /(\d+)$/.exec(ws['!fullref']) : null;
    const last = full ? Number(full[1]) : 0;
    if (last > rowCap) {
      throw new XlsxError(
        'too-large',
        `Sheet '${name.slice(0, 60)}' có ${last.toLocaleString('vi-VN')} dòng, quá giới hạn ${(rowCap - 1).toLocaleString('vi-VN')} dòng – không đọc, chưa ghi gì. Hãy chỉ giữ bảng cần nhập (xoá các dòng thừa) rồi gửi lại.`,
      );
    }
  }
}
