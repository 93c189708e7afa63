// Built-in sample reports for warming the parse workers at start (parse-worker.ts): a few small workbooks written
// from XML text (our template with _meta and a free-form one; a table with sections, merged header, narrative
// after the table, a narrative sheet, an appendix with dates), so the reader's hot code is compiled before the
// first real file. Pure; the samples are made once per worker.
import { packEntry, writeZip } from '../template-stamp/zip-write';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (c: number): string => String.fromCharCode(65 + c);

type Value = string | number | { date: number } | null;

/** One sheet's XML; strings go to the shared table (`sst`), `inline` strings are written in the cell. */
function sheetXml(rows: Value[][], sst: string[], merges: string[] = [], inline = false): string {
  const body = rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${colName(c)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'object') return `<c r="${ref}" s="3"><v>${v.date}</v></c>`;
          if (typeof v === 'number') return `<c r="${ref}" s="${Number.isInteger(v) ? 1 : 2}"><v>${v}</v></c>`;
          if (inline) return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
          sst.push(v);
          return `<c r="${ref}" t="s"><v>${sst.length - 1}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  const mc = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData>${mc}</worksheet>`;
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
const PARAGRAPH =
  'Phối hợp với Ban Chỉ huy Quân sự xã sửa chữa 02 căn nhà cho hộ nghèo, được nhân dân đồng tình ủng hộ; vận động mạnh thường quân hỗ trợ kinh phí, huy động đoàn viên tham gia ngày công lao động.';

function reportRows(variant: number): { rows: Value[][]; merges: string[] } {
  const rows: Value[][] = [
    ['LĐLĐ HUYỆN MẪU', null, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [`CĐCS Trường Tiểu học Mẫu ${variant}`, null, 'Độc lập - Tự do - Hạnh phúc'],
    [null],
    ['BÁO CÁO KẾT QUẢ PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN'],
    [variant % 2 ? 'Năm 2024' : 'Đợt II/2024 (từ 01/7/2024 đến 31/12/2024)'],
    ['STT', 'Nội dung', 'Đơn vị tính', variant % 2 ? 'Kết quả thực hiện' : 'Kết quả', null],
    [null, null, null, variant % 2 ? 'Quý IV' : null, variant % 2 ? 'Cả năm' : null],
  ];
  const roman = ['I', 'II', 'III'];
  SECTIONS.forEach(([title, items], s) => {
    rows.push([roman[s] ?? 'IV', title, null, null]);
    items.forEach(([label, unit, value], i) =>
      rows.push([i + 1, label, unit, variant % 2 ? Math.round(value / 4) : value, variant % 2 ? value : null]),
    );
  });
  rows.push(
    [null],
    ['1. Kết quả nổi bật: ' + PARAGRAPH],
    ['2. Hạn chế', 'Một số đoàn viên chưa tham gia đầy đủ do trùng lịch công tác.'],
    ['3. Kiến nghị, đề xuất:'],
    [PARAGRAPH],
  );
  rows.push([null], ['Nơi nhận:', null, 'TM. BAN CHẤP HÀNH'], ['- LĐLĐ huyện;', null, 'CHỦ TỊCH']);
  return { rows, merges: ['A6:A7', 'B6:B7', 'C6:C7', variant % 2 ? 'D6:E6' : 'D6:D7', 'A4:E4', 'A5:E5'] };
}

/** Sample workbook `variant` (0, 1, 2): different layouts so more of the reader is exercised. */
export function warmSample(variant: number): Uint8Array {
  const sst: string[] = [];
  const sheets: { name: string; xml: string; hidden?: boolean }[] = [];
  const report = reportRows(variant);
  sheets.push({ name: 'Báo cáo', xml: sheetXml(report.rows, sst, report.merges, variant === 2) });
  if (variant !== 1) {
    // long paragraphs under the usual headings, as units write them (a sheet of tens of kilobytes)
    const narrative: Value[][] = [['THUYẾT MINH KẾT QUẢ PHỐI HỢP LÀM CÔNG TÁC DÂN VẬN']];
    ['KẾT QUẢ NỔI BẬT', 'CÁCH LÀM HAY', 'HẠN CHẾ, KHÓ KHĂN', 'BÀI HỌC KINH NGHIỆM', 'PHƯƠNG HƯỚNG', 'KIẾN NGHỊ, ĐỀ XUẤT'].forEach(
      (h, k) => {
        narrative.push([h]);
        for (let p = 0; p < 5; p++)
          narrative.push([`${PARAGRAPH.repeat(1 + ((p + k) % 3))} (${k}.${p}) ${p === 2 ? '2. Hạn chế: còn ít kinh phí.' : ''}`]);
      },
    );
    sheets.push({ name: 'Thuyết minh', xml: sheetXml(narrative, sst) });
  }
  const appendix: Value[][] = [['TT', 'Ngày', 'Hoạt động', 'Địa điểm', 'Số người', 'Kinh phí (đồng)', 'Người phụ trách', 'Điện thoại']];
  for (let i = 0; i < 100; i++)
    appendix.push([
      i + 1,
      { date: 45300 + i * 3 },
      `Tuyên truyền pháp luật đợt ${i + 1}`,
      ['Hội trường UBND xã', 'Nhà văn hoá ấp 3', 'Trường học'][i % 3] ?? '',
      20 + i,
      1_000_000 + i * 50_000,
      `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`,
      `09${String(12345678 + i * 7919).padStart(8, '0')}`,
    ]);
  sheets.push({ name: 'Phụ lục', xml: sheetXml(appendix, sst) });
  if (variant === 1) sheets.push({ name: 'Nháp', xml: sheetXml([['ghi chú'], ['Số liệu tạm', 12]], sst), hidden: true });
  if (variant === 0) {
    const meta: Value[][] = [
      ['templateId', 'dv-ket-qua'],
      ['templateVersion', '1'],
      ['planId', '1'],
      ['unitCode', 'MAU'],
      ['sheet', 'Báo cáo'],
    ];
    report.rows.forEach((row, r) => typeof row[0] === 'number' && meta.push(['row', r + 1, `I.${r}`]));
    sheets.push({ name: '_meta', xml: sheetXml(meta, sst), hidden: true });
  }
  const enc = new TextEncoder();
  const x = (s: string): Uint8Array => enc.encode(s);
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId90" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId91" Type="${rel}/styles" Target="styles.xml"/></Relationships>`;
  const strings = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><name val="Times New Roman"/></font></fonts><cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="3" fontId="0"/><xf numFmtId="4" fontId="0"/><xf numFmtId="164" fontId="0"/></cellXfs></styleSheet>`;
  const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return writeZip([
    packEntry('_rels/.rels', x(rootRels)),
    packEntry('xl/workbook.xml', x(workbook)),
    packEntry('xl/_rels/workbook.xml.rels', x(rels)),
    ...sheets.map((s, i) => packEntry(`xl/worksheets/sheet${i + 1}.xml`, x(s.xml))),
    packEntry('xl/sharedStrings.xml', x(strings)),
    packEntry('xl/styles.xml', x(styles)),
  ]);
}
