// Words the unit report template prints about a unit and an indicator: the unit's line in the header (its name
// once, "CÔNG ĐOÀN" added only when the name does not already say it) and the name of a second measure.
import { fitName } from '../layout/header-fit';
import { fold } from '../text/vi-text';

/** Names that already say what they are: "Công đoàn …", "CĐCS …", "CĐ …", "Công đoàn cơ sở …". */
const UNION_WORD = /^(cong doan|cdcs|cd)\b/u;

/** The unit's line under the parent org: "CÔNG ĐOÀN TRƯỜNG THCS LÊ LỢI", "CĐCS TRƯỜNG TH A" (never twice). */
export function unitHeaderLine(name: string): string {
  const n = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  const said = UNION_WORD.test(fold(n));
  return (said ? n : `Công đoàn ${n}`).toLocaleUpperCase('vi');
}

/** The header line broken into lines the way the header writer does, for a given width and font size. */
export function fittedHeaderLine(name: string, fit: { widthTwip: number; size: number }): string {
  return fitName(unitHeaderLine(name), true, fit.widthTwip, [fit.size]).lines.join('\n');
}

const isMoney = (unit: string): boolean => /đồng|vnđ|vnd/iu.test(unit);

/** The second measure's row label: "Trị giá (triệu đồng)" for money, else "Số lượng (suất)". */
export function secondMeasureLabel(unit2: string): string {
  const u = unit2.normalize('NFC').trim();
  return isMoney(u) ? `Trị giá (${u})` : `Số lượng (${u})`;
}
