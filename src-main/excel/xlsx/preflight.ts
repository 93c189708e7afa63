// Pre-flight of outside bytes before any XML is read: size cap, empty, broken .xls / encrypted OOXML
// (both OLE containers), not-a-zip, truncated zip, entry-count and inflated-size caps, not an Excel package.
import { DEFAULT_LIMITS, XlsxError, type ReadLimits } from '../../bytes/limits';
import { openZip, type ZipArchive } from '../../bytes/zip';

function startsWith(b: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((x, i) => b[i] === x);
}

/** Find an ASCII name stored as UTF-16LE (how OLE directory entries store names). */
function hasUtf16Name(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = Math.min(b.length, 4 * 1024 * 1024) - name.length * 2;
  outer: for (let i = 0; i < limit; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let j = 1; j < name.length; j++) {
      if (b[i + 2 * j] !== name.charCodeAt(j) || b[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

export function preflight(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): ZipArchive {
  if (bytes.byteLength === 0) throw new XlsxError('empty', 'Tệp rỗng (0 byte) hoặc bị hỏng.');
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new XlsxError('too-large', `Tệp quá lớn (tối đa ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB).`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (hasUtf16Name(bytes, 'EncryptedPackage') || hasUtf16Name(bytes, 'EncryptionInfo')) {
      throw new XlsxError(
        'encrypted',
        'Tệp có mật khẩu – hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi gửi lại.',
      );
    }
    // A readable .xls never gets here (legacy/convert.ts turns it into .xlsx first): this one is broken or not a workbook.
    if (hasUtf16Name(bytes, 'WordDocument'))
      throw new XlsxError(
        'xls',
        'Đây là tệp Word cũ (.doc), không phải tệp Excel. Hãy chọn đúng tệp bảng tính (.xlsx, .xls, .ods hoặc .csv).',
      );
    throw new XlsxError(
      'xls',
      'Tệp Excel cũ (.xls) bị hỏng hoặc không phải bảng tính (có thể là tệp Word .doc). Hãy mở bằng Excel, lưu lại rồi gửi lại.',
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) throw new XlsxError('empty', 'Tệp rỗng hoặc bị hỏng (tệp nén không có nội dung).');
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8));
    const image = startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || head.startsWith('GIF8');
    const what = head.startsWith('%PDF')
      ? ' (đây là tệp PDF)'
      : image
        ? ' (đây là tệp ảnh chụp)'
        : /^\s*</.test(head)
          ? ' (đây là tệp HTML/XML)'
          : '';
    throw new XlsxError('not-zip', `Không phải tệp Excel (.xlsx)${what}.`);
  }
  const zip = openZip(bytes, limits);
  // A Word or PowerPoint package has _rels/.rels too: name what it is rather than read it as a workbook of no sheets.
  if (!zip.entries.has('xl/workbook.xml')) {
    if (zip.entries.has('word/document.xml')) throw new XlsxError('not-xlsx', 'Đây là tệp Word (.docx), không phải tệp Excel.');
    if (zip.entries.has('ppt/presentation.xml')) throw new XlsxError('not-xlsx', 'Đây là tệp PowerPoint (.pptx), không phải tệp Excel.');
    if (!zip.entries.has('_rels/.rels')) throw new XlsxError('not-xlsx', 'Không phải tệp Excel (.xlsx): thiếu phần sổ làm việc.');
  }
  return zip;
}
