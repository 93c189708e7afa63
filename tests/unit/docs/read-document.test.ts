import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/contract/errors';
import { MAX_FILE_BYTES } from '../../../src-main/contract/limits';
import { readDocumentText } from '../../../src-main/docs/read-document';
import { buildPlanDocx, THANG_BINH_PLAN } from './helpers/plan-docx';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

async function badFile(name: string, bytes: Uint8Array): Promise<AppError> {
  const err = await readDocumentText(name, bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('bad_file');
  return err as AppError;
}

/** A one-page PDF whose only content is a picture (what a scanner produces): no text layer at all. */
function imageOnlyPdf(): Uint8Array {
  const content = 'q 500 0 0 700 40 70 cm /Im1 Do Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** A stored (uncompressed) zip with one entry whose central directory claims `claimedSize` bytes inflated. */
function zipClaiming(name: string, claimedSize: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const data = new TextEncoder().encode('<w:document/>');
  const local = new Uint8Array(30 + nameBytes.length + data.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, claimedSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  local.set(data, 30 + nameBytes.length);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, claimedSize, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length, true);
  return new Uint8Array([...local, ...central, ...eocd]);
}

describe('readDocumentText: text files', () => {
  it('reads UTF-8 with and without BOM, CRLF, and returns NFC', async () => {
    const nfd = 'Kế hoạch\r\nLiên đoàn Lao động'.normalize('NFD');
    const plain = await readDocumentText('a.txt', utf8(nfd));
    expect(plain).toBe('Kế hoạch\nLiên đoàn Lao động');
    expect(plain).toBe(plain.normalize('NFC'));
    const bom = await readDocumentText('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Số: 15/KH-LĐLĐ')]));
    expect(bom).toBe('Số: 15/KH-LĐLĐ');
  });

  it('reads UTF-16 LE and BE with BOM, and UTF-16 LE without BOM', async () => {
    const text = 'KẾ HOẠCH\nPhối hợp làm công tác dân vận';
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(await readDocumentText('le.txt', le)).toBe(text);
    const beBody = Buffer.from(text, 'utf16le').swap16();
    expect(await readDocumentText('be.txt', new Uint8Array([0xfe, 0xff, ...beBody]))).toBe(text);
    expect(await readDocumentText('le-nobom.txt', new Uint8Array(Buffer.from(text, 'utf16le')))).toBe(text);
  });

  it('falls back to Windows-1258 when the bytes are not UTF-8', async () => {
    // "Tân" in code page 1258: T, â (0xE2), n
    expect(await readDocumentText('cp.txt', new Uint8Array([0x54, 0xe2, 0x6e, 0x20, 0x4e, 0x69, 0x6e, 0x68]))).toBe('Tân Ninh');
  });

  it('sniffs content, not the extension: a .docx named .txt is read as Word', async () => {
    const docx = await buildPlanDocx(THANG_BINH_PLAN);
    const text = await readDocumentText('ke-hoach.txt', docx);
    expect(text).toContain('LĐLĐ HUYỆN THĂNG BÌNH');
    expect(text).not.toContain('word/document.xml');
  });
});

describe('readDocumentText: Word and PDF', () => {
  it('reads a .docx built with the docx package (header table flattened to paragraphs)', async () => {
    const text = await readDocumentText('ke-hoach.docx', await buildPlanDocx(THANG_BINH_PLAN));
    expect(text).toContain('Số: 15/KH-LĐLĐ');
    expect(text).toContain('Thăng Bình, ngày 05 tháng 7 năm 2019');
    expect(text).toContain('Nguyễn Thị Hoa');
    expect(text).toBe(text.normalize('NFC'));
  });

  it('reads a text PDF exported by LibreOffice, keeping table columns apart', async () => {
    const text = await readDocumentText('ke-hoach.pdf', fixture('ke-hoach-thang-binh-text.pdf'));
    expect(text).toMatch(/LĐLĐ TỈNH QUẢNG NAM {2,}CỘNG HÒA/u);
    expect(text).toContain('Phối hợp làm công tác dân vận đợt 1 năm 2019');
    expect(text).toMatch(/Nơi nhận: {2,}TM\. BAN THƯỜNG VỤ/u);
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('readDocumentText: files it must refuse', () => {
  it('refuses an empty file', async () => {
    const e = await badFile('trong.docx', new Uint8Array());
    expect(e.message).toMatch(/rỗng/u);
  });

  it('refuses an old Office file that is not a Word document, and a broken .doc, saying what to do', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const other = await badFile('ke-hoach.xls', ole);
    expect(other.message).toContain('không phải văn bản Word');
    // The same bytes named .doc: most likely a damaged Word file, told as such.
    expect((await badFile('ke-hoach.doc', ole)).message).toMatch(/Word cũ \(\.doc\).*hỏng.*Lưu thành/);
    ole.set(new Uint8Array(Buffer.from('WordDocument', 'utf16le')), 1024);
    const broken = await badFile('ke-hoach.doc', ole);
    expect(broken.message).toContain('Lưu thành');
    expect(broken.message).toContain('.docx');
  });

  it('refuses a password-protected Word file (OLE container with EncryptedPackage)', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array(Buffer.from('EncryptedPackage', 'utf16le')), 1024);
    const e = await badFile('ke-hoach.docx', ole);
    expect(e.message).toMatch(/mật khẩu/u);
  });

  it('refuses a scanned (image-only) PDF with a message saying it is a scan', async () => {
    const e = await badFile('ban-quet.pdf', imageOnlyPdf());
    expect(e.message).toMatch(/bản quét/u);
    expect(e.message).toMatch(/\.docx/u);
  });

  it('refuses an encrypted PDF', async () => {
    const e = await badFile('khoa.pdf', fixture('ke-hoach-encrypted.pdf'));
    expect(e.message).toMatch(/mật khẩu/u);
  });

  it('refuses a corrupt PDF and a corrupt .docx', async () => {
    const pdf = fixture('ke-hoach-thang-binh-text.pdf');
    expect((await badFile('hong.pdf', pdf.slice(0, 600))).message).toMatch(/hỏng/u);
    const docx = await buildPlanDocx(THANG_BINH_PLAN);
    const e = await badFile('hong.docx', docx.slice(0, Math.floor(docx.length / 2)));
    expect(e.message).toMatch(/hỏng/u);
  });

  it('refuses binary junk and a zip that is not a Word document', async () => {
    const junk = new Uint8Array(2048).map((_, i) => (i * 7919) % 256);
    await badFile('la.bin', junk);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('xl/workbook.xml'), ...new Uint8Array(64)]);
    const e = await badFile('bang.xlsx', zip);
    expect(e.message).toMatch(/không phải văn bản Word/u);
  });

  it('refuses a .docx that would inflate past the size cap (zip bomb) and a file over the size limit', async () => {
    const e = await badFile('bom.docx', zipClaiming('word/document.xml', 0xfffffff0));
    expect(e.message).toMatch(/bất thường/u);
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    expect((await badFile('to.txt', big)).message).toMatch(/lớn hơn 20 MB/u);
  });

  it('normalises a text whose lines hold long runs of spaces in linear time (no ReDoS on trailing blanks)', async () => {
    const text = `Kế hoạch${' '.repeat(300_000)}số 12  \n${'\t '.repeat(100_000)}hết`;
    const out = await readDocumentText('khoang-trang.txt', utf8(text));
    expect(out.startsWith('Kế hoạch')).toBe(true);
    expect(out.endsWith('hết')).toBe(true);
    expect(out.split('\n')[0]!.endsWith('số 12')).toBe(true);
  }, 20_000);

  it('refuses an RTF file with a save-as hint', async () => {
    const e = await badFile('ke-hoach.rtf', utf8('{\\rtf1\\ansi KE HOACH}'));
    expect(e.message).toContain('Lưu thành .docx');
  });

  it('gives up on a PDF that takes longer than the time limit', async () => {
    const err = await readDocumentText('cham.pdf', fixture('ke-hoach-thang-binh-text.pdf'), { pdfTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/quá lâu/u);
  });
});
