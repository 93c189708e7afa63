// Tests for src-main/docs/official-docx: text order via mammoth, and the NĐ 30/2020 layout in document.xml
// (page size and margins in twips, header table, fonts and sizes, page numbers from page 2, signature block).
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { buildOfficialDocx, recipientLines, toLetter, toRoman } from '../../../src-main/docs/official-docx/index';
import { letterDoc, reportDoc } from './samples';
import { readZipEntry } from './zip';

const rawText = async (bytes: Uint8Array): Promise<string> =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC');

function expectInOrder(text: string, parts: string[]): void {
  let at = -1;
  for (const p of parts) {
    const i = text.indexOf(p, at + 1);
    expect(i, `"${p}" should appear after position ${at}`).toBeGreaterThan(at);
    at = i;
  }
}
const tables = (xml: string): string[] => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
const paragraphWith = (xml: string, text: string): string => {
  const p = (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).find((x) => x.includes(`>${text}<`));
  if (!p) throw new Error(`no paragraph with ${text}`);
  return p;
};

describe('buildOfficialDocx — báo cáo', async () => {
  const bytes = await buildOfficialDocx(reportDoc);
  const xml = readZipEntry(bytes, 'word/document.xml') ?? '';

  it('produces a docx whose text follows the official order', async () => {
    expect(bytes[0]).toBe(0x50); // "PK"
    const text = await rawText(bytes);
    expectInOrder(text, [
      'LĐLĐ TỈNH TÂY NINH',
      'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 15/BC-LĐLĐ',
      'Dương Minh Châu, ngày 05 tháng 01 năm 2024',
      'BÁO CÁO',
      'Kết quả phối hợp làm công tác dân vận đợt II/2023',
      'Căn cứ Kế hoạch số 233/KH-LĐLĐ',
      'I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI',
      '- Tổ chức 12 buổi',
      'II. KẾT QUẢ THỰC HIỆN',
      '1. Kết quả các chỉ tiêu',
      'Nội dung',
      'Làm mới đường giao thông nông thôn',
      '700',
      '10,5',
      '45.500.000',
      '45.502.410,5',
      '2. Mô hình "Dân vận khéo"',
      'a) Đăng ký mô hình',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI',
      'Nơi nhận:',
      '- LĐLĐ tỉnh (b/c);',
      '- Lưu: VT, ToC.',
      'TM. BAN THƯỜNG VỤ',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Thị Hồng Đào',
    ]);
  });

  it('sets A4 portrait with margins 20/20/30/15 mm in twips and a different first page', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    expect(mar).toContain('w:top="1134"');
    expect(mar).toContain('w:bottom="1134"');
    expect(mar).toContain('w:left="1701"');
    expect(mar).toContain('w:right="850"');
    expect(xml).toContain('<w:titlePg/>');
  });

  it('puts the page number in the default (page 2+) header only, centred', () => {
    const defId = /<w:headerReference w:type="default" r:id="(rId\d+)"/.exec(xml)?.[1];
    const firstId = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(xml)?.[1];
    expect(defId && firstId).toBeTruthy();
    const rels = readZipEntry(bytes, 'word/_rels/document.xml.rels') ?? '';
    const target = (id: string | undefined): string => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    const def = readZipEntry(bytes, `word/${target(defId)}`) ?? '';
    const first = readZipEntry(bytes, `word/${target(firstId)}`) ?? '';
    expect(def).toMatch(/PAGE/);
    expect(def).toContain('<w:jc w:val="center"/>');
    expect(first).not.toMatch(/PAGE/);
  });

  it('uses Times New Roman for every run and as the default style', () => {
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
    const styles = readZipEntry(bytes, 'word/styles.xml') ?? '';
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
  });

  it('lays the header out as a borderless two-column table with the NĐ 30 sizes and styles', () => {
    const header = tables(xml)[0] ?? '';
    expect((header.match(/<w:gridCol /g) ?? []).length).toBe(2);
    expect(header).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
    const qh = paragraphWith(header, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh).toContain('<w:b/>');
    expect(qh).toContain('<w:sz w:val="24"/>');
    const tn = paragraphWith(header, 'Độc lập - Tự do - Hạnh phúc');
    expect(tn).toContain('<w:b/>');
    expect(tn).toContain('<w:sz w:val="26"/>');
    const parent = paragraphWith(header, 'LĐLĐ TỈNH TÂY NINH');
    expect(parent).not.toContain('<w:b/>');
    expect(paragraphWith(header, 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU')).toContain('<w:b/>');
    const date = paragraphWith(header, 'Dương Minh Châu, ngày 05 tháng 01 năm 2024');
    expect(date).toContain('<w:i/>');
    // Short rules: two bordered empty paragraphs in the header (under the org name and the tiêu ngữ).
    expect((header.match(/<w:pBdr><w:bottom w:val="single"/g) ?? []).length).toBe(2);
    // Số and the place-date line share the second row.
    const rows = header.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows[1]).toContain('Số: ');
    expect(rows[1]).toContain('ngày 05 tháng 01 năm 2024');
  });

  it('writes centred bold caps document type, justified indented body, right-aligned numbers', () => {
    const type = paragraphWith(xml, 'BÁO CÁO');
    expect(type).toContain('<w:jc w:val="center"/>');
    expect(type).toContain('<w:b/>');
    const body = paragraphWith(xml, 'Ban Thường vụ đã ban hành ');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toMatch(/<w:ind w:firstLine="720"\/>/);
    expect(paragraphWith(xml, '01 kế hoạch')).toContain('<w:b/>');
    expect(paragraphWith(xml, '45.500.000')).toContain('<w:jc w:val="right"/>');
    const dataTable = tables(xml)[1] ?? '';
    expect(dataTable).toContain('<w:tblHeader/>');
    expect(dataTable).toMatch(/<w:top w:val="single"/);
  });

  it('ends with the Nơi nhận / signature table (12pt bold italic heading, 11pt lines, bold name)', () => {
    const sig = tables(xml).at(-1) ?? '';
    const heading = paragraphWith(sig, 'Nơi nhận:');
    expect(heading).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:sz w:val="24"\/>/);
    expect(paragraphWith(sig, '- Lưu: VT, ToC.')).toContain('<w:sz w:val="22"/>');
    expect(paragraphWith(sig, 'TM. BAN THƯỜNG VỤ')).toContain('<w:b/>');
    const name = paragraphWith(sig, 'Nguyễn Thị Hồng Đào');
    expect(name).toContain('<w:b/>');
    expect(name).toMatch(/w:before="1[0-9]{3}"/);
    const cells = sig.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    expect(cells[0]).toContain('Nơi nhận:');
    expect(cells[1]).toContain('Nguyễn Thị Hồng Đào');
  });

  it('supports landscape A4', async () => {
    const land = readZipEntry(await buildOfficialDocx({ ...reportDoc, landscape: true }), 'word/document.xml') ?? '';
    expect(land).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});

describe('buildOfficialDocx — công văn', () => {
  it('prints no type line, puts "V/v …" under Số and a Kính gửi line', async () => {
    const bytes = await buildOfficialDocx(letterDoc);
    const text = await rawText(bytes);
    expect(text).not.toContain('CÔNG VĂN');
    expectInOrder(text, [
      'Số: 208/LĐLĐ',
      'V/v đôn đốc báo cáo kết quả công tác dân vận đợt II/2023',
      'Dương Minh Châu, ngày 28 tháng 12 năm 2023',
      'Kính gửi: Ban Chấp hành',
      'KT. CHỦ TỊCH',
      'Trần Văn Bình',
    ]);
    const xml = readZipEntry(bytes, 'word/document.xml') ?? '';
    const header = tables(xml)[0] ?? '';
    expect(paragraphWith(header, 'V/v đôn đốc báo cáo kết quả công tác dân vận đợt II/2023')).toContain('<w:sz w:val="24"/>');
  });

  it('lists several addressees as "Kính gửi: - A;" then "- B."', async () => {
    const text = await rawText(await buildOfficialDocx({ ...letterDoc, kinhGui: ['Các CĐCS khối doanh nghiệp', 'Các CĐCS khối HCSN'] }));
    expectInOrder(text, ['Kính gửi: - Các CĐCS khối doanh nghiệp;', '- Các CĐCS khối HCSN.']);
  });
});

describe('numbering and recipient helpers', () => {
  it('numbers headings I/II, 1/2 restarting under each level 1, a/b', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
    expect([1, 2, 26, 27].map(toLetter)).toEqual(['a', 'b', 'z', 'aa']);
  });
  it('restarts level-2 numbers under a new level-1 heading', async () => {
    const text = await rawText(
      await buildOfficialDocx({
        ...letterDoc,
        documentType: 'KẾ HOẠCH',
        body: [
          { kind: 'heading', level: 1, text: 'Mục đích' },
          { kind: 'heading', level: 2, text: 'Một' },
          { kind: 'heading', level: 2, text: 'Hai' },
          { kind: 'heading', level: 1, text: 'Nội dung' },
          { kind: 'heading', level: 2, text: 'Ba' },
          { kind: 'heading', level: 2, text: 'Riêng', number: '' },
        ],
      }),
    );
    expectInOrder(text, ['KẾ HOẠCH', 'I. MỤC ĐÍCH', '1. Một', '2. Hai', 'II. NỘI DUNG', '1. Ba', 'Riêng']);
    expect(text).not.toContain('2. Riêng');
  });
  it('adds dashes and ; / . endings to Nơi nhận lines', () => {
    expect(recipientLines(['Như trên', '- LĐLĐ tỉnh;', ' ', 'Lưu: VT'])).toEqual(['- Như trên;', '- LĐLĐ tỉnh;', '- Lưu: VT.']);
  });
});
