// How an outgoing document names the units that report under a plan: from the units' kind in the register, never
// from free text typed in Settings ("Các lĐLĐ huyện…"). A province's districts are "công đoàn cấp trên trực tiếp cơ sở".
import type { Plan } from '../contract/plans';
import type { Db } from '../db/connection';
import { unitKinds } from '../db/units';

export interface UnitsWording {
  /** For "Nơi nhận": "Các công đoàn cơ sở trực thuộc". */
  recipients: string;
  /** In a sentence: "Có 4/5 CĐCS báo cáo", "Có 28/30 đơn vị báo cáo". */
  short: string;
  /** Lower case, plural: "các công đoàn cơ sở có tên dưới đây". */
  plural: string;
}

export function unitsWording(db: Db, plan: Pick<Plan, 'unitIds'>): UnitsWording {
  let upper = 0;
  let base = 0;
  for (const kind of unitKinds(db, plan.unitIds)) {
    if (kind === 'cap_tren') upper++;
    else if (kind === 'cdcs' || kind === 'nghiep_doan') base++;
  }
  if (upper > 0 && base === 0)
    return {
      recipients: 'Các công đoàn cấp trên trực tiếp cơ sở trực thuộc',
      short: 'đơn vị',
      plural: 'công đoàn cấp trên trực tiếp cơ sở',
    };
  if (upper > 0)
    return { recipients: 'Các công đoàn cấp trên trực tiếp cơ sở và công đoàn cơ sở trực thuộc', short: 'đơn vị', plural: 'đơn vị' };
  return { recipients: 'Các công đoàn cơ sở trực thuộc', short: 'CĐCS', plural: 'công đoàn cơ sở' };
}
