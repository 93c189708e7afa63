// Who issues an outgoing document, never left blank: the Settings profile, else the plan's issuer, parent and
// place (for a plan we issued), else a visible "[chưa nhập …]" placeholder and a warning for the caller.
import type { Plan } from '../contract/plans';
import type { OrgProfile } from '../contract/settings';

interface ResolvedProfile {
  profile: OrgProfile;
  warnings: string[];
}

/** "LIÊN ĐOÀN LAO ĐỘNG HUYỆN" (the defaults) or '' — a level with no organisation named. */
export function isGenericOrg(name: string | null | undefined): boolean {
  const t = (name ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
  return !t || /^(LIÊN ĐOÀN LAO ĐỘNG|LĐLĐ|CÔNG ĐOÀN)( (TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|XÃ|PHƯỜNG))?$/u.test(t);
}

const PLACEHOLDER = {
  ownOrg: '[chưa nhập tên cơ quan]',
  parentOrg: '[chưa nhập tên cơ quan cấp trên]',
  place: '[chưa nhập địa danh]',
} as const;
const WHERE = 'Vào Cài đặt → Thông tin đơn vị để nhập (hoặc dòng lệnh: settings set TỆP.json), rồi xuất lại.';

/** The profile with every name and the place filled from the plan when Settings lack them, and what is still missing. */
export function resolveProfile(profile: OrgProfile, plan: Plan | null): ResolvedProfile {
  const own = plan?.origin === 'own';
  const pick = (mine: string | null, ...fallbacks: (string | null | undefined)[]): string | null =>
    [mine, ...fallbacks].find((v) => !isGenericOrg(v))?.trim() ?? null;
  const ownOrg = pick(profile.ownOrg, own ? plan?.issuer : null);
  const parentOrg = pick(profile.parentOrg, own ? plan?.parentIssuer : plan?.issuer);
  const place = [profile.placeName, own ? plan?.place : null].find((v) => v && v.trim())?.trim() ?? null;
  const warnings: string[] = [];
  if (!ownOrg) warnings.push(`Chưa có tên cơ quan ban hành: văn bản ghi "${PLACEHOLDER.ownOrg}". ${WHERE}`);
  if (!parentOrg) warnings.push(`Chưa có tên cơ quan cấp trên: văn bản ghi "${PLACEHOLDER.parentOrg}". ${WHERE}`);
  if (!place) warnings.push(`Chưa có địa danh cho dòng ngày tháng: văn bản ghi "${PLACEHOLDER.place}". ${WHERE}`);
  return {
    profile: {
      ...profile,
      ownOrg: ownOrg ?? PLACEHOLDER.ownOrg,
      parentOrg: parentOrg ?? PLACEHOLDER.parentOrg,
      placeName: place ?? PLACEHOLDER.place,
    },
    warnings,
  };
}
