// How a sentence of the báo cáo names the units that wrote it (pure; shared by the Word report and the curation
// panel's preview): "CĐCS Trường THCS Lê Lợi"; past four units the first three and "và N CĐCS khác".

export interface UnitRef { code: string; name: string }

/** "CĐCS Trường THCS Lê Lợi" from "Công đoàn Trường THCS Lê Lợi" / "Công đoàn cơ sở …" / "CĐCS …". */
export function shortUnitName(name: string): string {
  const n = name.normalize('NFC').trim().replace(/\s+/g, ' ');
  const rest = n.replace(/^(công đoàn cơ sở|công đoàn|cđcs|cđ)\s+/iu, '');
  return `CĐCS ${rest}`;
}

/** Units named in full after a sentence; more than this prints the first three and "và N CĐCS khác". */
export const NAMED_UNITS = 4;

/** "(CĐCS Trường THCS Lê Lợi, CĐCS Trạm Y tế xã Bình An)"; many units: "(CĐCS A, CĐCS B, CĐCS C và 9 CĐCS khác)". */
export function attribution(units: UnitRef[]): string {
  const names = units.map((u) => shortUnitName(u.name));
  if (names.length <= NAMED_UNITS) return `(${names.join(', ')})`;
  return `(${names.slice(0, 3).join(', ')} và ${names.length - 3} CĐCS khác)`;
}
