// The in-app PDF renderer on its own: Vietnamese coverage of the shipped fonts (fontkit), which fonts it picks,
// keep-with-next (a heading or the signature never alone at a page foot), table header rows repeated, justified
// lines reaching the right margin, page breaks, and hostile or unprintable input refused with a Vietnamese message.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import * as fontkit from 'fontkit';
import { buildOfficialDocx, type BodyBlock, type OfficialDoc } from '../../../src-main/docs/official-docx/index';
import { docxToPdf, findFonts, PdfInputError } from '../../../src-main/docs/pdf/index';
import { letterDoc, reportDoc } from '../docs-out/samples';
import { readPdfPages, type PdfPage } from './pdf-read';

const root = join(import.meta.dirname, '..', '..', '..');
const FONTS_DIR = join(root, 'resources', 'fonts');
const MM = 72 / 25.4;
const RIGHT = 210 * MM - 15 * MM;
const render = async (doc: OfficialDoc): Promise<PdfPage[]> => readPdfPages(await docxToPdf(await buildOfficialDocx(doc)));
const pageOf = (pages: PdfPage[], s: string): number => pages.findIndex((p) => p.text.replace(/\s+/g, ' ').includes(s));

/** Every Vietnamese letter: the vowels with the five tone marks, in both cases, and đ/Đ. */
const VIETNAMESE = (() => {
  const base = 'aăâeêioôơuưy';
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const lower = [...base].flatMap((v) => tones.map((t) => (v + t).normalize('NFC')));
  return [...lower, ...lower.map((c) => c.toLocaleUpperCase('vi')), 'đ', 'Đ', '₫', '–', '…', '“', '”'];
})();

describe('fonts', () => {
  it.each(['Regular', 'Bold', 'Italic', 'BoldItalic'])('Tinos-%s prints every Vietnamese letter', (face) => {
    const font = fontkit.openSync(join(FONTS_DIR, `Tinos-${face}.ttf`));
    expect(VIETNAMESE.length).toBe(12 * 6 * 2 + 7);
    const missing = VIETNAMESE.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });

  it('uses Times New Roman from the Windows fonts folder when all four faces are there, else the shipped Tinos', () => {
    const win = mkdtempSync(join(tmpdir(), 'danvan-winfonts-'));
    try {
      for (const f of ['times.ttf', 'timesbd.ttf', 'timesi.ttf']) writeFileSync(join(win, f), 'x');
      expect(findFonts({ windowsFonts: win, shippedDirs: [FONTS_DIR] }).R).toBe(join(FONTS_DIR, 'Tinos-Regular.ttf'));
      writeFileSync(join(win, 'timesbi.ttf'), 'x');
      expect(findFonts({ windowsFonts: win, shippedDirs: [FONTS_DIR] })).toEqual({
        R: join(win, 'times.ttf'),
        B: join(win, 'timesbd.ttf'),
        I: join(win, 'timesi.ttf'),
        BI: join(win, 'timesbi.ttf'),
      });
    } finally {
      rmSync(win, { recursive: true, force: true });
    }
    expect(() => findFonts({ windowsFonts: null, shippedDirs: [tmpdir()] })).toThrow(/phông chữ.*cài lại ứng dụng/);
    // from the source tree (tests, CLI from sources) the shipped folder is found by walking up
    expect(findFonts({ windowsFonts: null }).R).toBe(join(FONTS_DIR, 'Tinos-Regular.ttf'));
  });

  it('embeds the Windows Times New Roman files when given them (here: copies of Tinos named like them)', async () => {
    const win = mkdtempSync(join(tmpdir(), 'danvan-winfonts-'));
    try {
      for (const [src, dst] of [
        ['Regular', 'times'],
        ['Bold', 'timesbd'],
        ['Italic', 'timesi'],
        ['BoldItalic', 'timesbi'],
      ]) {
        copyFileSync(join(FONTS_DIR, `Tinos-${src}.ttf`), join(win, `${dst}.ttf`));
      }
      const fonts = findFonts({ windowsFonts: win });
      expect(fonts.B).toBe(join(win, 'timesbd.ttf'));
      const pages = await readPdfPages(await docxToPdf(await buildOfficialDocx(letterDoc), { fonts }));
      expect(pages[0]!.text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    } finally {
      rmSync(win, { recursive: true, force: true });
    }
  });
});

const para = (n: number): BodyBlock => ({
  kind: 'paragraph',
  runs: `Đoạn ${n}: Ban Thường vụ Liên đoàn Lao động huyện đã chỉ đạo các công đoàn cơ sở triển khai đồng bộ, thiết thực các phần việc, gắn với phong trào thi đua "Dân vận khéo" và chăm lo đời sống đoàn viên, người lao động.`,
});

describe('pagination', () => {
  it('never leaves the signature block without the last paragraph, nor a heading alone at a page foot', async () => {
    const seen = new Set<number>();
    for (let n = 14; n <= 24; n++) {
      const body: BodyBlock[] = [
        ...Array.from({ length: n }, (_, i) => para(i + 1)),
        { kind: 'heading', level: 1, text: 'Phương hướng thời gian tới' },
        { kind: 'paragraph', runs: 'Trên đây là báo cáo kết quả thực hiện của Ban Thường vụ./.' },
      ];
      const pages = await render({ ...reportDoc, body, appendix: [] });
      seen.add(pages.length);
      const sign = pageOf(pages, 'Nơi nhận:');
      expect(sign).toBeGreaterThanOrEqual(0);
      expect(pageOf(pages, 'Nguyễn Thị Hồng Đào')).toBe(sign);
      expect(pageOf(pages, 'Trên đây là báo cáo')).toBe(sign);
      expect(pageOf(pages, 'I. PHƯƠNG HƯỚNG THỜI GIAN TỚI')).toBe(sign);
    }
    expect(seen.size).toBeGreaterThan(1); // the range crosses a page boundary
  }, 60_000);

  it('repeats the table header row on every page of a long table, rows never split', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [i + 1, `Công đoàn cơ sở Trường Tiểu học số ${i + 1} xã Bình Định`, 1000 * (i + 1)]);
    const pages = await render({
      ...reportDoc,
      body: [
        {
          kind: 'table',
          columns: [
            { header: 'TT', width: 0.5, align: 'center' },
            { header: 'Đơn vị', width: 4 },
            { header: 'Số tiền', width: 1.5 },
          ],
          rows,
        },
      ],
      appendix: [],
    });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages.slice(1)) {
      const body = p.items.filter((i) => i.baseline > 20 * MM + 1);
      const firstLine = body
        .filter((i) => Math.abs(i.baseline - body[0]!.baseline) < 1)
        .map((i) => i.str)
        .join(' ');
      if (p === pages[pages.length - 1] && !firstLine.includes('Công đoàn')) continue; // the page with only the signature
      expect(firstLine).toBe('TT Đơn vị Số tiền');
    }
    const all = pages.map((p) => p.text).join('\n');
    for (const n of [1, 45, 90]) expect(all).toContain(`Công đoàn cơ sở Trường Tiểu học số ${n} xã Bình Định`);
  }, 30_000);

  it('breaks a long hyphenated word after a hyphen, as Word does, instead of stretching the line before it', async () => {
    const runs =
      'Thực hiện Kế hoạch số 15/KH-LĐLĐ ngày 01/12/2023 của Liên đoàn Lao động huyện Thăng Bình về phối hợp làm công tác dân vận đợt II/2023, Liên đoàn Lao động huyện Thăng Bình đã nhận được báo cáo kết quả phối hợp làm công tác dân vận đợt II/2023 của đơn vị (nhận ngày 30/12/2023, tệp "bc-TM01-2023-12-30-bao-cao-ket-qua.xlsx").';
    const pages = await render({ ...letterDoc, body: [{ kind: 'paragraph', runs }] });
    const broken = pages[0]!.items.filter((i) => /[^\s-]-$/.test(i.str) && Math.abs(i.right - RIGHT) < 0.6);
    expect(broken.map((i) => i.str)).toHaveLength(1);
    expect(pages[0]!.text).toMatch(/[^\s-]-\n[^\s"]*ket-qua\.xlsx"\)\./); // the word goes on on the next line
  });

  it('justifies body lines to the right margin and starts a new page at a page break', async () => {
    const pages = await render({ ...reportDoc, body: [para(1), para(2), { kind: 'pageBreak' }, para(3)], appendix: [] });
    const p1 = pages[0]!;
    const lineEnds = new Map<number, number>();
    for (const i of p1.items) lineEnds.set(Math.round(i.baseline), Math.max(lineEnds.get(Math.round(i.baseline)) ?? 0, i.right));
    const flush = [...lineEnds.values()].filter((r) => Math.abs(r - RIGHT) < 0.6);
    expect(flush.length).toBeGreaterThanOrEqual(4); // two paragraphs of 3+ lines: all but their last lines
    expect(pageOf(pages, 'Đoạn 2:')).toBe(0);
    expect(pageOf(pages, 'Đoạn 3:')).toBe(1);
  });
});

describe('document properties', () => {
  it("carries the Word document's title and author into the PDF", async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: await docxToPdf(await buildOfficialDocx(reportDoc)), verbosity: 0 }).promise;
    const info = (await doc.getMetadata()).info as { Title?: string; Author?: string };
    expect(info.Title).toBe('Báo cáo Kết quả phối hợp làm công tác dân vận đợt II/2023');
    expect(info.Author).toBe(reportDoc.header.ownOrg);
    await doc.destroy();
  });
});

describe('fields', () => {
  it('prints "Trang n/N" from PAGE and NUMPAGES in the header, and keeps the saved result of other fields', async () => {
    const W = 'xmlns:w="w" xmlns:r="r"';
    const fld = (code: string, saved: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${saved}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const page = (t: string, brk: boolean) => `<w:p><w:r><w:t>${t}</w:t></w:r>${brk ? '<w:r><w:br w:type="page"/></w:r>' : ''}</w:p>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(
        `<w:document ${W}><w:body>${page('Một', true)}${page('Hai', true)}<w:p><w:r><w:t xml:space="preserve">Ngày: </w:t></w:r>${fld('DATE \\@ "dd/MM/yyyy"', '06/01/2024')}</w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr></w:body></w:document>`,
      ),
      'word/_rels/document.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="header" Target="header1.xml"/></Relationships>',
      ),
      'word/header1.xml': strToU8(
        `<w:hdr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t>/</w:t></w:r>${fld('NUMPAGES', '9')}</w:p></w:hdr>`,
      ),
    });
    const pages = await readPdfPages(await docxToPdf(bytes));
    expect(pages.map((p) => p.text.split('\n')[0]!.replace(/\s+/g, ''))).toEqual(['Trang1/3', 'Trang2/3', 'Trang3/3']);
    expect(pages[2]!.text).toContain('Ngày: 06/01/2024');
  });
});

describe('input it refuses, with a message saying why', () => {
  it('bytes that are not a .docx, and a part declaring a DTD', async () => {
    await expect(docxToPdf(new Uint8Array([1, 2, 3, 4]))).rejects.toBeInstanceOf(PdfInputError);
    await expect(docxToPdf(zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow(/không phải tài liệu Word/);
    const evil = zipSync({
      'word/document.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body/></w:document>'),
    });
    await expect(docxToPdf(evil)).rejects.toThrow(/DTD/);
  });

  it('content our documents never use (numbered lists, pictures) is named, not left out of the PDF', async () => {
    const docx = (inner: string) =>
      zipSync({
        'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="w"><w:body>${inner}<w:sectPr/></w:body></w:document>`),
      });
    const ok = await docxToPdf(docx('<w:p><w:r><w:t>Một dòng</w:t></w:r></w:p>'));
    expect((await readPdfPages(ok))[0]!.text).toBe('Một dòng');
    await expect(
      docxToPdf(docx('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>')),
    ).rejects.toThrow(/danh sách đánh số tự động.*Lưu thành PDF/);
    await expect(docxToPdf(docx('<w:p><w:r><w:drawing/></w:r></w:p>'))).rejects.toThrow(/hình ảnh/);
  });

  it('a character the font cannot print is named, not printed as an empty box', async () => {
    const doc = { ...letterDoc, body: [{ kind: 'paragraph' as const, runs: 'Đoàn viên gửi lời cảm ơn 🙏 tới Ban Thường vụ.' }] };
    await expect(docxToPdf(await buildOfficialDocx(doc))).rejects.toThrow(/Không in được ký tự "🙏" \(U\+1F64F\)/);
  });
});
