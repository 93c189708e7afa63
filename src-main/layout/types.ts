// Input shape of an official document (NĐ 30/2020 Phụ lục I layout): header, type, title, body blocks,
// recipients and signer. Plain data so every exporter (reports, reminder letters, registers) can fill it.

export interface OfficialHeader {
  /** Direct parent organisation, e.g. "LĐLĐ TỈNH TÂY NINH" (printed in caps, regular). '' to omit. */
  parentOrg: string;
  /** Issuing organisation, e.g. "LĐLĐ HUYỆN DƯƠNG MINH CHÂU" (caps, bold, short rule below). */
  ownOrg: string;
  /** Number and code without "Số:", e.g. "15/BC-LĐLĐ". */
  number: string;
  /** Place name for the date line, e.g. "Dương Minh Châu". */
  place: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
}

/** A run of inline text; plain strings are regular runs. */
export type InlineRun = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };

export type CellValue = string | number | null | undefined;

export interface DocTableColumn {
  header: string;
  /** Relative width (any unit; columns share the text width in proportion). Default 1. */
  width?: number;
  /** Default: right for numbers, left for text. Header cells are always centred. */
  align?: 'left' | 'center' | 'right';
}

export type BodyBlock =
  /** Level 1 "I. MỤC ĐÍCH" (caps, bold), 2 "1. Kết quả" (bold), 3 "a) Tuyên truyền" (bold italic).
   *  Numbers are generated (I, II / 1, 2 restarting under each level 1 / a, b restarting under each level 2)
   *  unless `number` is given ('' prints no number). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; number?: string }
  /** Justified paragraph with first-line indent. */
  | { kind: 'paragraph'; runs: InlineRun[] | string; align?: 'justify' | 'center' | 'left' | 'right'; indent?: boolean }
  /** "- text" line (the dash is added). */
  | { kind: 'bullet'; runs: InlineRun[] | string }
  /** A compact list, single-spaced: "1. A;" "2. B." (numbered) or "- A;" lines, indented, for names. */
  | { kind: 'list'; items: string[]; numbered?: boolean }
  /** Bordered table; numbers are right-aligned and written 1.234.567,5. */
  | { kind: 'table'; columns: DocTableColumn[]; rows: CellValue[][]; totalRow?: CellValue[]; fontSize?: number }
  | { kind: 'pageBreak' };

export interface OfficialSigner {
  /** "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", or '' when the signer signs in their own name. */
  authority: string;
  /** "PHÓ CHỦ TỊCH" */
  title: string;
  /** "Nguyễn Văn A" */
  name: string;
}

export interface OfficialAppendix {
  /** "Danh sách công đoàn cơ sở chưa gửi báo cáo" */
  title: string;
  /** "(Kèm theo Công văn số 119/LĐLĐ ngày 06/01/2024 của …)" */
  subtitle?: string;
  body: BodyBlock[];
}

export interface OfficialDoc {
  header: OfficialHeader;
  /** "BÁO CÁO", "KẾ HOẠCH", "CÔNG VĂN" (công văn prints no type line; its title goes under Số as "V/v …"). */
  documentType: string;
  /** Trích yếu, e.g. "Kết quả phối hợp làm công tác dân vận đợt II/2023". For công văn without "V/v". */
  title: string;
  /** "Kính gửi:" addressees (one → same line; several → "- …;" lines). Omit for none. */
  kinhGui?: string[];
  body: BodyBlock[];
  /** "Nơi nhận:" lines without the leading "- "; ";" / "." are added when missing. */
  recipients: string[];
  signer: OfficialSigner;
  /** Phụ lục after the signature, each on a new page ("PHỤ LỤC", title, italic "(Kèm theo …)", body). */
  appendix?: OfficialAppendix[];
  /** Landscape A4 (allowed for documents with wide tables). Default portrait. */
  landscape?: boolean;
  /** Body font size in pt, 13 or 14. Default 14. */
  bodySize?: 13 | 14;
}
