// Settings feature: the organisation profile, stored as one JSON setting and validated on read and write.
import { DEFAULT_PROFILE, OrgProfile } from '../contract/settings';
import { addAudit } from '../db/audit';
import type { Db } from '../db/connection';
import { getSetting, putSetting } from '../db/settings';
import type { Handler } from '../handler/handler';
import { writeTx } from '../db/write-tx';

const KEY = 'org_profile';

/** The saved profile, or the defaults when none was saved (or the saved one no longer validates). */
export function readProfile(db: Db): OrgProfile {
  const parsed = OrgProfile.safeParse(getSetting(db, KEY));
  return parsed.success ? parsed.data : DEFAULT_PROFILE;
}

export const settingsHandlers: { 'settings.get': Handler<'settings.get'>; 'settings.save': Handler<'settings.save'> } = {
  'settings.get': (_i, ctx) => readProfile(ctx.db),
  'settings.save': (profile, ctx) => {
    writeTx(ctx.db, () => {
      putSetting(ctx.db, KEY, profile);
      addAudit(ctx.db, { action: 'settings.save', entity: 'settings', summary: 'Cập nhật thông tin đơn vị (Cài đặt)' }, ctx.now());
    });
    return readProfile(ctx.db);
  },
};
