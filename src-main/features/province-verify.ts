// The level above checking an upward package before anything is stored: it proves its issuer (code and name as in
// our register), its plan and period, and that its content still matches the hash it was exported with. A district
// (unit of kind "công đoàn cấp trên") sending a workbook without the manifest is refused: nothing silently wrong.
import type { ParsedReport } from '../contract/parsed-report';
import type { Plan } from '../contract/plans';
import type { UnitListed } from '../contract/units';
import { PACKAGE_TEMPLATE_ID, type Manifest } from '../excel/upward/manifest';
import { readUpwardPackage } from '../excel/upward/read';
import { TEMPLATE_ID } from '../excel/report-template';
import { periodIn } from '../excel/report/period';
import { foldKey } from '../text/vi-text';

export interface PackageVerdict {
  action: 'ok' | 'hold' | 'refuse';
  /** Vietnamese, says what to do next; null when ok. */
  reason: string | null;
  /** The identity of the report for duplicates: the content hash as it is now (same figures exported twice = same). */
  identity: string | null;
  manifest: Manifest | null;
  edited: boolean;
}

export const EDITED_LABEL = 'đã bị sửa sau khi xuất';

const OFFICE_WORDS = [
  'lien doan lao dong',
  'ldld',
  'cong doan',
  'cd',
  'thanh pho',
  'thi xa',
  'thi tran',
  'huyen',
  'quan',
  'tp',
  'tx',
  'xa',
  'phuong',
  'tinh',
];

/** "Liên đoàn Lao động huyện Hậu Lộc" / "LĐLĐ Hậu Lộc" → "hau loc": the part of an office's name that tells offices apart. */
export function officeKey(name: string): string {
  let k = foldKey(name);
  for (let changed = true; changed;) {
    changed = false;
    for (const w of OFFICE_WORDS)
      if (k.startsWith(`${w} `)) {
        k = k.slice(w.length + 1);
        changed = true;
      }
  }
  return k;
}

export function sameOffice(inPackage: string, unit: Pick<UnitListed, 'name' | 'aliases'>): boolean {
  const k = officeKey(inPackage);
  return !!k && [unit.name, ...unit.aliases].some((n) => officeKey(n) === k || foldKey(n) === foldKey(inPackage));
}

const days = (a: string, b: string): number => Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
const fmt = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const periodText = (label: string | null, from: string | null, to: string | null) =>
  [label, from && to ? `${fmt(from)}–${fmt(to)}` : null].filter(Boolean).join(', ') || 'không ghi kỳ';

/** Why the package's plan and period are not this plan's; null when they agree (or nothing can be compared). */
function periodMismatch(m: Manifest, plan: Plan): string | null {
  // The period decides, not the plan cited as basis: a 6-month review may cite the same year plan.
  let differs = false;
  if (m.periodStart && m.periodEnd && plan.startsOn && plan.endsOn) {
    differs = days(m.periodStart, plan.startsOn) > 31 || days(m.periodEnd, plan.endsOn) > 31;
  } else if (m.periodLabel && plan.periodLabel) {
    const a = periodIn(m.periodLabel);
    const b = periodIn(plan.periodLabel);
    differs =
      a && b
        ? a.kind !== b.kind ||
          a.year !== b.year ||
          a.half !== b.half ||
          a.quarter !== b.quarter ||
          a.round !== b.round ||
          a.month !== b.month
        : foldKey(m.periodLabel) !== foldKey(plan.periodLabel);
  }
  if (!differs) return null;
  return (
    `Gói báo cáo là của kỳ "${periodText(m.periodLabel, m.periodStart, m.periodEnd)}" (kế hoạch ${m.planNumber ? `số ${m.planNumber} ` : ''}"${m.planTitle}"), ` +
    `không khớp kỳ của kế hoạch này ("${periodText(plan.periodLabel, plan.startsOn, plan.endsOn)}"): chưa nhập. Hãy nhập vào đúng kế hoạch, hoặc đề nghị đơn vị gửi gói báo cáo của kỳ này.`
  );
}

/**
 * The verdict on one file for `plan`, received as from `unit` (null: not known yet). Null when the file is not an
 * upward package and does not come from an upper-level union (an ordinary unit report).
 */
export async function verifyUpward(
  plan: Plan,
  unit: UnitListed | null,
  bytes: Uint8Array,
  parsed: ParsedReport,
): Promise<PackageVerdict | null> {
  const isPackage = parsed.template?.templateId === PACKAGE_TEMPLATE_ID;
  // An upper-level union that filled our unit template for this plan (a district's "công đoàn ngành") reports as a unit.
  const ownTemplate = parsed.template?.templateId === TEMPLATE_ID && parsed.template.planId === String(plan.id);
  if (!isPackage && (unit?.kind !== 'cap_tren' || ownTemplate)) return null;
  const refuse = (reason: string, manifest: Manifest | null = null): PackageVerdict => ({
    action: 'refuse',
    reason,
    identity: null,
    manifest,
    edited: false,
  });
  const who = unit ? `"${unit.name}"` : 'đơn vị gửi';
  let pkg: Awaited<ReturnType<typeof readUpwardPackage>> | null = null;
  try {
    pkg = isPackage ? await readUpwardPackage(bytes) : null;
  } catch {
    return refuse(
      `Không đọc được phần xác thực của gói báo cáo ${who}: chưa nhập. Hãy đề nghị đơn vị xuất lại gói báo cáo và gửi nguyên tệp.`,
    );
  }
  const m = pkg?.manifest ?? null;
  if (!pkg || !m)
    return refuse(
      `Báo cáo của ${who} không có phần xác thực của gói báo cáo Dân vận (có thể đã được chép sang tệp mới hoặc tự lập): chưa nhập, vì không kiểm tra được nguồn gốc và số liệu trị giá có thể bị mất. ` +
        `Hãy đề nghị ${who} gửi lại nguyên tệp xuất từ Dân vận (Tổng hợp → Gửi cấp trên), không chép sang tệp khác.`,
    );
  if (unit) {
    if (m.issuerCode.toLowerCase() !== unit.code.toLowerCase())
      return refuse(
        `Gói báo cáo ghi mã đơn vị "${m.issuerCode}" nhưng được nhận là của "${unit.code} – ${unit.name}": chưa nhập. Hãy chọn đúng đơn vị, hoặc đề nghị đơn vị xuất lại với mã "${unit.code}".`,
        m,
      );
    if (!sameOffice(m.issuerName, unit))
      return refuse(
        `Gói báo cáo mang mã "${unit.code}" (của "${unit.name}" trong danh sách đơn vị) nhưng do "${m.issuerName}" lập: mã và tên không khớp, chưa nhập. ` +
          `Có thể đơn vị đã chọn nhầm mã khi xuất: hãy liên hệ "${m.issuerName}" để xuất lại với đúng mã của mình.`,
        m,
      );
  }
  const period = periodMismatch(m, plan);
  if (period) return refuse(period, m);
  const edited = !m.contentSha256 || m.contentSha256 !== pkg.contentSha256;
  if (edited)
    return {
      action: 'hold',
      identity: pkg.contentSha256,
      manifest: m,
      edited,
      reason:
        `Gói báo cáo ${EDITED_LABEL} (số liệu không còn khớp mã kiểm tra lúc xuất): được giữ lại, chưa tính vào tổng hợp. ` +
        `Hãy đề nghị ${who} gửi lại tệp gốc; nếu chắc chắn dùng bản này, hãy mở báo cáo và bấm "Dùng bản này thay bản đang dùng" (việc này được ghi nhật ký).`,
    };
  return { action: 'ok', reason: null, identity: pkg.contentSha256, manifest: m, edited: false };
}
