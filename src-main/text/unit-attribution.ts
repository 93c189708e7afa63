// How a sentence of the báo cáo names the units that wrote it (pure; shared by the Word report and the curation
// panel's preview): "CĐCS Trường THCS Lê Lợi"; past four units the first three and "và N CĐCS khác".

export interface UnitRef {
  code: string;
  name: string;
}

/** An upper-level union (a district's LĐLĐ, an industry union) is named as it is, never as a "CĐCS". */
const UPPER = /^(liên đoàn lao động|lđlđ|công đoàn ngành|công đoàn viên chức|công đoàn các khu công nghiệp)/iu;
const isUpper = (n: string) => UPPER.test(n);
const clean = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ');

/** "CĐCS Trường THCS Lê Lợi" from "Công đoàn Trường THCS Lê Lợi" / "Công đoàn cơ sở …" / "CĐCS …"; an upper-level union as named. */
export function shortUnitName(name: string): string {
  const n = clean(name);
  if (isUpper(n)) return n;
  const rest = n.replace(/^(công đoàn cơ sở|công đoàn|cđcs|cđ)\s+/iu, '');
  return `CĐCS ${rest}`;
}

/** Units named in full after a sentence; more than this prints the first three and "và N CĐCS khác". */
export const NAMED_UNITS = 4;

/** "(CĐCS Trường THCS Lê Lợi, CĐCS Trạm Y tế xã Bình An)"; many units: "(CĐCS A, CĐCS B, CĐCS C và 9 CĐCS khác)". */
export function attribution(units: UnitRef[]): string {
  const names = units.map((u) => shortUnitName(u.name));
  if (names.length <= NAMED_UNITS) return `(${names.join(', ')})`;
  const others = units.some((u) => isUpper(clean(u.name))) ? 'đơn vị' : 'CĐCS';
  return `(${names.slice(0, 3).join(', ')} và ${names.length - 3} ${others} khác)`;
}
