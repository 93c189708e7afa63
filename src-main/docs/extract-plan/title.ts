// The trích yếu (title): the line(s) right after the document type line "KẾ HOẠCH", up to the preamble.
// Copes with titles wrapped over several lines and with .docx text where every paragraph is blank-separated.
import { clean } from '../../text/vi-text';
import { isDecoration, isSectionHeading, type Line } from './text-tools';

const PREAMBLE_START =
  /^(?:Căn cứ|Thực hiện|Kính gửi|Nhằm|Để|Theo|Triển khai|Trên cơ sở|Hưởng ứng|Nhân dịp|Ban Thường vụ|Ban Chấp hành|Thường trực|Số\s*[:.]?\s*\d)/iu;

/** Title text and the index of the first line after it. */
export function parseTitle(lines: Line[], start: number): { title: string | null; next: number } {
  const parts: string[] = [];
  let i = start;
  for (; i < lines.length && parts.length < 5; i++) {
    const line = lines[i];
    if (!line) break;
    const t = line.text.replace(/\s{2,}/g, ' ');
    if (isDecoration(t)) {
      if (parts.length) {
        i++;
        break;
      }
      continue;
    }
    if (parts.length === 0) {
      // A title may itself start with "Thực hiện ..." / "Triển khai ..."; only a basis or heading cannot be one.
      if (isSectionHeading(t) || /^(?:Căn cứ|Kính gửi)(?=[\s:,]|$)/iu.test(t)) break;
      parts.push(t);
      continue;
    }
    const prev = parts[parts.length - 1] ?? '';
    if (PREAMBLE_START.test(t) || isSectionHeading(t) || /^[-+•]/.test(t) || /(?::|như sau:?)$/u.test(t)) break;
    if (/[.;:]$/.test(prev) && !/^\(/.test(t)) break;
    if (line.blankBefore) {
      const continues = /^[(“"‘\p{Ll}]/u.test(t) || !/[.;:!?)]$/.test(prev);
      if (!continues || t.length > 160) break;
    }
    parts.push(t);
  }
  const title = clean(parts.join(' ')).replace(/[.;:]+$/, '');
  return { title: title || null, next: i };
}
