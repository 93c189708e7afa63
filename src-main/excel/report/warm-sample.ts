// Built-in sample reports for warming the import path at start (parse-worker.ts, runtime/warm-import.ts): workbooks
// written from XML text the way Excel saves them (styled and empty styled cells, row heights, frozen panes, merged
// headers, formulas with cached results, rich text, print titles), in varied layouts: our template with _meta or a
// free-form table, one value column or period sub-columns, inline strings, a hidden column, a narrative sheet of
// long paragraphs, an appendix with dates, a hidden scratch sheet. Real files take these paths; samples that did not
// left the reader to be compiled again on the first real files. Pure; deterministic per variant.
import { packEntry, writeZip } from '../../bytes/zip-write';
import { colName } from '../xlsx/grid';

/**
 * Deflate level of the samples' parts: the fastest. The app makes ~300 samples at each start-up (~1.7 ms each at
 * Excel's level 6, half of it deflating); the reader inflates any level through the same code.
 */
const LEVEL = 1;

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** A cell: text, number, date serial, formula with its cached number, styled empty cell, or nothing. */
type Value = string | number | { date: number } | { f: string; v: number } | { empty: true } | null;

/** Seeded numbers, so a variant is the same workbook every time. */
function rng(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SheetOptions {
  merges?: string[];
  /** Strings written in the cell (inlineStr) instead of the shared table. */
  inline?: boolean;
  /** Column widths (characters); a negative width is a hidden column. */
  widths?: number[];
  /** Rows frozen above the table (print titles too). */
  frozen?: number;
  /** Style index per column for the table rows (borders, number formats), from this row on. */
  tableFrom?: number;
}

/** One sheet's XML as Excel writes it; strings go to the shared table (`sst`) unless `inline`. */
function sheetXml(rows: Value[][], sst: string[], o: SheetOptions = {}): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const body = rows
    .map((row, r) => {
      if (row.length === 0) return '';
      const inTable = o.tableFrom !== undefined && r + 1 >= o.tableFrom;
      const cells = row
        .map((v, c) => {
          const ref = `${colName(c)}${r + 1}`;
          const s = inTable ? 4 + (c === 1 ? 1 : 0) : r < 3 ? 1 : 0;
          const style = s ? ` s="${s}"` : '';
          if (v === null) return '';
          if (typeof v === 'object' && 'empty' in v) return `<c r="${ref}"${style || ' s="4"'}/>`;
          if (typeof v === 'object' && 'date' in v) return `<c r="${ref}" s="3"><v>${v.date}</v></c>`;
          if (typeof v === 'object') return `<c r="${ref}" s="${Number.isInteger(v.v) ? 6 : 7}"><f>${esc(v.f)}</f><v>${v.v}</v></c>`;
          if (typeof v === 'number') return `<c r="${ref}" s="${Number.isInteger(v) ? 6 : 7}"><v>${v}</v></c>`;
          if (o.inline) return `<c r="${ref}"${style} t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          sst.push(v);
          return `<c r="${ref}"${style} t="s"><v>${sst.length - 1}</v></c>`;
        })
        .join('');
      const tall = r + 1 === o.frozen ? ' ht="29" customHeight="1"' : inTable ? ` ht="${18 + (r % 5) * 3}" customHeight="1"` : '';
      return `<row r="${r + 1}"${tall} spans="1:${width}" x14ac:dyDescent="0.25">${cells}</row>`;
    })
    .join('');
  const cols = o.widths?.length
    ? `<cols>${o.widths
        .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.abs(w)}" customWidth="1"${w < 0 ? ' hidden="1"' : ''}/>`)
        .join('')}</cols>`
    : '';
  const pane = o.frozen
    ? `<pane ySplit="${o.frozen}" topLeftCell="A${o.frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
    : '';
  const mc = o.merges?.length
    ? `<mergeCells count="${o.merges.length}">${o.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${colName(width - 1)}${rows.length}"/>` +
    `<sheetViews><sheetView workbookViewId="0" showGridLines="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="18" x14ac:dyDescent="0.25"/>${cols}<sheetData>${body}</sheetData>${mc}` +
    '<pageMargins left="0.7" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" fitToHeight="0"/>' +
    '<headerFooter><oddFooter>&amp;L&amp;8Báo cáo kết quả&amp;R&amp;8Trang &amp;P/&amp;N</oddFooter></headerFooter></worksheet>'
  );
}

const SECTIONS: [string, [string, string, number][]][] = [
  [
    'TUYÊN TRUYỀN, VẬN ĐỘNG',
    [
      ['Số buổi tuyên truyền, phổ biến pháp luật', 'buổi', 12],
      ['Lượt người được tuyên truyền', 'lượt người', 1450],
      ['Tin, bài đăng Website/Zalo', 'tin, bài', 36],
    ],
  ],
  [
    'CÔNG TRÌNH, PHẦN VIỆC',
    [
      ['Nhà "Mái ấm Công đoàn" xây mới', 'căn', 2],
      ['Đường giao thông nông thôn làm mới', 'm', 350.5],
      ['Ngày công lao động đóng góp', 'ngày công', 420],
    ],
  ],
  [
    'AN SINH XÃ HỘI',
    [
      ['Quà tặng gia đình chính sách', 'suất', 85],
      ['Trị giá quà tặng', 'đồng', 42_500_000],
      ['Tỷ lệ CĐCS có đăng ký mô hình', '%', 0.75],
    ],
  ],
];

const SENTENCES = [
  'Ban Chấp hành Công đoàn cơ sở đã chủ động phối hợp với chính quyền địa phương, Mặt trận Tổ quốc và các đoàn thể tổ chức nhiều hoạt động thiết thực',
  'Đoàn viên, người lao động tích cực hưởng ứng phong trào thi đua "Dân vận khéo", góp phần xây dựng nông thôn mới và đô thị văn minh',
  'Phối hợp với Ban Chỉ huy Quân sự xã sửa chữa 02 căn nhà cho hộ nghèo, được nhân dân đồng tình ủng hộ',
  'Vận động mạnh thường quân hỗ trợ kinh phí, huy động đoàn viên tham gia ngày công lao động',
  'Một số đoàn viên còn ngại tham gia các hoạt động ngoài giờ do đặc thù công việc theo ca, kíp',
  'Kinh phí dành cho hoạt động dân vận còn hạn chế, chủ yếu dựa vào nguồn vận động xã hội hóa',
  'Đề nghị Liên đoàn Lao động huyện tiếp tục quan tâm hướng dẫn, tập huấn nghiệp vụ công tác dân vận',
  'Các mô hình "Mái ấm Công đoàn", "Bữa cơm nghĩa tình" tiếp tục được duy trì và nhân rộng',
];
const HEADINGS = ['KẾT QUẢ NỔI BẬT', 'CÁCH LÀM HAY', 'HẠN CHẾ, KHÓ KHĂN', 'KIẾN NGHỊ, ĐỀ XUẤT'];

/** What a variant looks like: our template or a free-form table, how results are laid out, where strings go. */
function layoutOf(variant: number) {
  return {
    template: variant % 5 === 0,
    periods: variant % 2 === 1, // "Kết quả thực hiện" over "Quý IV" | "Cả năm"
    targets: variant % 3 !== 1, // a "Chỉ tiêu" column before the results
    notes: variant % 4 !== 2, // a "Ghi chú" column after them
    inline: variant % 7 === 2,
    hiddenColumn: variant % 6 === 4,
    totals: variant % 3 === 2, // a section total row written as a formula
    narrativeSheet: variant % 4 !== 1,
    scratchSheet: variant % 8 === 3,
  };
}

function reportSheet(variant: number, r: () => number): { rows: Value[][]; merges: string[]; widths: number[]; headerRow: number } {
  const L = layoutOf(variant);
  const rows: Value[][] = [
    ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN MẪU', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [`CĐCS Trường Tiểu học Mẫu ${variant}`, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [`Số: ${1 + (variant % 40)}/BC-CĐCS`, null, null, `Mẫu, ngày ${1 + (variant % 28)} tháng 12 năm 2024`],
    [],
    ['BÁO CÁO', { empty: true }, { empty: true }, { empty: true }],
    [
      L.periods ? 'Kết quả phối hợp làm công tác dân vận năm 2024' : 'KẾT QUẢ PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN ĐỢT II NĂM 2024',
      { empty: true },
      { empty: true },
      { empty: true },
    ],
    [],
  ];
  // the header: TT | Nội dung | ĐVT | [Chỉ tiêu] | Kết quả (or its period sub-columns) | [Ghi chú], then numbered (1)…
  const head: Value[] = ['TT', L.template ? 'Nội dung chỉ tiêu' : 'Nội dung', L.template ? 'ĐVT' : 'Đơn vị tính'];
  if (L.targets) head.push('Chỉ tiêu');
  const resultAt = head.length;
  head.push(L.periods ? 'Kết quả thực hiện' : 'Kết quả');
  if (L.periods) head.push({ empty: true });
  if (L.notes) head.push('Ghi chú');
  const headerRow = rows.length + 1;
  rows.push(head);
  const merges = ['A5:D5', 'A6:D6'];
  if (L.periods) {
    const sub: Value[] = head.map(() => ({ empty: true }));
    sub[resultAt] = 'Quý IV';
    sub[resultAt + 1] = 'Cả năm';
    rows.push(sub);
    for (let c = 0; c < head.length; c++)
      if (c !== resultAt && c !== resultAt + 1) merges.push(`${colName(c)}${headerRow}:${colName(c)}${headerRow + 1}`);
    merges.push(`${colName(resultAt)}${headerRow}:${colName(resultAt + 1)}${headerRow}`);
  }
  rows.push(head.map((_, c) => `(${c + 1})`));
  const roman = ['I', 'II', 'III'];
  SECTIONS.forEach(([title, items], s) => {
    const first = rows.length + 2;
    rows.push([roman[s] ?? 'IV', title, ...head.slice(2).map(() => ({ empty: true }) as Value)]);
    let sum = 0;
    items.forEach(([label, unit, base], i) => {
      // counts stay whole; metres may have a decimal; a rate stays a rate
      const scaled = base * (0.6 + r() * 0.8);
      const value = base < 1 ? base : unit === 'm' ? Math.round(scaled * 10) / 10 : Math.max(1, Math.round(scaled));
      sum += value;
      const row: Value[] = [i + 1, label, unit];
      if (L.targets) row.push(base < 1 ? 0.8 : Math.round(base * 1.1));
      if (L.periods) row.push(base < 1 ? value : Math.round(value / 4), value);
      else row.push(value);
      if (L.notes) row.push(i === 1 && r() < 0.5 ? 'Vượt chỉ tiêu' : { empty: true });
      rows.push(row);
    });
    if (L.totals) {
      const at = rows.length + 1;
      const col = colName(L.periods ? resultAt + 1 : resultAt);
      const row: Value[] = [null, 'Cộng', null];
      if (L.targets) row.push({ empty: true });
      if (L.periods) row.push({ empty: true });
      row.push({ f: `SUM(${col}${first}:${col}${at - 1})`, v: sum });
      rows.push(row);
    }
  });
  rows.push(
    [],
    [`1. Kết quả nổi bật: ${SENTENCES[variant % SENTENCES.length] ?? ''}.`],
    ['2. Hạn chế', 'Một số đoàn viên chưa tham gia đầy đủ do trùng lịch công tác.'],
    ['3. Kiến nghị, đề xuất:'],
    [`${SENTENCES[(variant + 3) % SENTENCES.length] ?? ''}.`],
    [],
    ['Nơi nhận:', null, null, 'TM. BAN CHẤP HÀNH'],
    ['- LĐLĐ huyện;', null, null, 'CHỦ TỊCH'],
    ['- Lưu: VT.', null, null, null],
    [null, null, null, 'Nguyễn Văn Mẫu'],
  );
  const widths = head.map((_, c) => (c === 1 ? 48 + (variant % 9) : 10 + ((variant + c) % 7)));
  if (L.hiddenColumn) widths.push(-8); // a hidden, empty working column after the table
  return { rows, merges, widths, headerRow };
}

function paragraph(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(SENTENCES[Math.floor(r() * SENTENCES.length)] ?? '');
  return `${out.join('. ')}.`;
}

/** Sample workbook `variant`: layouts and contents vary with it (layoutOf), so more of the reader is exercised. */
export function warmSample(variant: number): Uint8Array {
  const r = rng(variant + 1);
  const L = layoutOf(variant);
  const sst: string[] = [];
  const sheets: { name: string; xml: string; hidden?: boolean }[] = [];
  const report = reportSheet(variant, r);
  sheets.push({
    name: 'Báo cáo',
    xml: sheetXml(report.rows, sst, {
      merges: report.merges,
      inline: L.inline,
      widths: report.widths,
      frozen: report.headerRow,
      tableFrom: report.headerRow,
    }),
  });
  if (L.narrativeSheet) {
    // long paragraphs under the usual headings, as units write them (a sheet of tens of kilobytes)
    const narrative: Value[][] = [['THUYẾT MINH KẾT QUẢ PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN']];
    HEADINGS.forEach((h, k) => {
      narrative.push([variant % 3 === 0 ? `${k + 1}. ${h}` : h]);
      const paras = 3 + Math.floor(r() * 4);
      for (let p = 0; p < paras; p++) narrative.push([`${p % 3 === 2 ? '- ' : ''}${paragraph(r, 3 + Math.floor(r() * 5))}`]);
    });
    sheets.push({ name: 'Thuyết minh', xml: sheetXml(narrative, sst, { widths: [110] }) });
  }
  const appendix: Value[][] = [['TT', 'Ngày', 'Hoạt động', 'Địa điểm', 'Số người', 'Kinh phí (đồng)', 'Người phụ trách', 'Điện thoại']];
  const n = 60 + Math.floor(r() * 60);
  for (let i = 0; i < n; i++)
    appendix.push([
      i + 1,
      { date: 45300 + Math.floor(r() * 360) },
      `Tuyên truyền pháp luật đợt ${i + 1}`,
      ['Hội trường UBND xã', 'Nhà văn hoá ấp 3', 'Trường học'][i % 3] ?? '',
      20 + Math.floor(r() * 80),
      Math.round(r() * 400) * 10_000,
      `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`,
      `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    ]);
  sheets.push({ name: 'Phụ lục', xml: sheetXml(appendix, sst, { widths: [6, 12, 40, 30, 12, 16, 24, 14], tableFrom: 1 }) });
  if (L.scratchSheet) sheets.push({ name: 'Nháp', xml: sheetXml([['ghi chú'], ['Số liệu tạm', 12]], sst), hidden: true });
  if (L.template) {
    const meta: Value[][] = [
      ['templateId', 'dv-ket-qua'],
      ['templateVersion', '1'],
      ['planId', '1'],
      ['unitCode', 'MAU'],
      ['sheet', 'Báo cáo'],
    ];
    report.rows.forEach((row, k) => typeof row[0] === 'number' && meta.push(['row', k + 1, `I.${k}`]));
    sheets.push({ name: '_meta', xml: sheetXml(meta, sst), hidden: true });
  }
  return workbookZip(sheets, sst);
}

/** The package around the sheets: content types, relationships, workbook with print titles, shared strings, styles. */
function workbookZip(sheets: { name: string; xml: string; hidden?: boolean }[], sst: string[]): Uint8Array {
  const enc = new TextEncoder();
  const x = (s: string): Uint8Array => enc.encode(s);
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const ns = `xmlns="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const workbook =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns}><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/>` +
    '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    `<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets>` +
    `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">${esc("'Báo cáo'!$8:$8")}</definedName></definedNames><calcPr calcId="171027"/></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId90" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId91" Type="${rel}/styles" Target="styles.xml"/></Relationships>`;
  // most strings plain, as Excel writes them; one with its own bold run (rich text), spaces kept where they matter
  const si = (s: string, i: number): string =>
    i === 5
      ? `<si><r><rPr><b/><sz val="13"/><rFont val="Times New Roman"/></rPr><t>${esc(s.slice(0, 3))}</t></r><r><rPr><sz val="13"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">${esc(s.slice(3))}</t></r></si>`
      : /^\s|\s$/.test(s)
        ? `<si><t xml:space="preserve">${esc(s)}</t></si>`
        : `<si><t>${esc(s)}</t></si>`;
  const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="${main}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map(si).join('')}</sst>`;
  const styles =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="${main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.0"/></numFmts>` +
    '<fonts count="2"><font><sz val="13"/><name val="Times New Roman"/></font><font><b/><sz val="13"/><name val="Times New Roman"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border/><border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="8">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment vertical="center" wrapText="1"/></xf>' +
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1"/>' +
    '</cellXfs></styleSheet>';
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
  const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return writeZip([
    packEntry('[Content_Types].xml', x(types), LEVEL),
    packEntry('_rels/.rels', x(rootRels), LEVEL),
    packEntry('xl/workbook.xml', x(workbook), LEVEL),
    packEntry('xl/_rels/workbook.xml.rels', x(rels), LEVEL),
    ...sheets.map((s, i) => packEntry(`xl/worksheets/sheet${i + 1}.xml`, x(s.xml), LEVEL)),
    packEntry('xl/sharedStrings.xml', x(strings), LEVEL),
    packEntry('xl/styles.xml', x(styles), LEVEL),
  ]);
}
