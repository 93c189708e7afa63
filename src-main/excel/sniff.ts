// Quick sniffing of outside files before any parser sees them: is this an .xlsx (zip), a legacy .xls or an
// encrypted workbook (OLE), or something else? Returns a Vietnamese reason when it cannot be read.
export type Sniffed = 'zip' | 'ole' | 'empty' | 'other';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.byteLength === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return 'other';
}

/** Null when the bytes look like an .xlsx; otherwise what to tell the user. */
export function whyNotXlsx(bytes: Uint8Array, fileName: string): string | null {
  switch (sniff(bytes)) {
    case 'zip':
      return null;
    case 'empty':
      return `Tệp "${fileName}" rỗng (0 byte). Hãy kiểm tra lại tệp gốc rồi chọn lại.`;
    case 'ole':
      return `Tệp "${fileName}" là Excel đời cũ (.xls) hoặc đã đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi "Lưu thành" Excel Workbook (.xlsx) và chọn lại.`;
    default:
      return `Tệp "${fileName}" không phải tệp Excel (.xlsx). Hãy chọn đúng tệp Excel.`;
  }
}
