// Fixed and computed text lines of an official document (quốc hiệu, tiêu ngữ, place-and-date, "Nơi nhận" lines),
// as plain strings without docx: the Excel sheet writers use them too.
import { formatViLongDate } from '../text/vi-date';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** A date line left for the signer to fill by hand (a template sent to a unit). */
const BLANK_DATE_LINE = 'ngày ..... tháng ..... năm ..........';

/** "Tây Ninh, ngày 05 tháng 01 năm 2024"; an empty date gives the dotted line to fill by hand. */
export function placeDateLine(place: string, isoDate: string): string {
  const p = place.trim();
  const d = isoDate ? formatViLongDate(isoDate) : BLANK_DATE_LINE;
  return p ? `${p}, ${d}` : d;
}

/** "- A;" … "- Lưu: VT." — adds the dash and the ending punctuation when missing. */
export function recipientLines(recipients: string[]): string[] {
  const list = recipients.map((r) => r.trim().replace(/^[-–•]\s*/, '')).filter(Boolean);
  return list.map((r, i) => `- ${/[;.,:]$/.test(r) ? r : `${r}${i === list.length - 1 ? '.' : ';'}`}`);
}
