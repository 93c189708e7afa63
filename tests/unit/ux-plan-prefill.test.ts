// A new plan is pre-filled from Settings (issue #14): issuing body, parent, place and signer come from the profile.
import { expect, it } from 'vitest';
import { draftFromProfile } from '../../src-renderer/lib/plan-prefill';
import { DEFAULT_PROFILE } from '../../src-main/contract/settings';

it('takes issuer, parent, place and signer from the profile, and nothing else', () => {
  const d = draftFromProfile({
    ...DEFAULT_PROFILE,
    ownOrg: 'LĐLĐ HUYỆN THĂNG BÌNH',
    parentOrg: 'LĐLĐ TỈNH QUẢNG NAM',
    placeName: 'Thăng Bình',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Nguyễn Văn An',
  });
  expect(d).toMatchObject({
    issuer: 'LĐLĐ HUYỆN THĂNG BÌNH',
    parentIssuer: 'LĐLĐ TỈNH QUẢNG NAM',
    place: 'Thăng Bình',
    signerAuthority: 'TM. BAN THƯỜNG VỤ',
    signerTitle: 'PHÓ CHỦ TỊCH',
    signerName: 'Nguyễn Văn An',
    number: '',
    title: '',
    origin: 'own',
  });
  expect(draftFromProfile({ ...DEFAULT_PROFILE, placeName: null, signerName: null })).toMatchObject({ place: '', signerName: '' });
  expect(draftFromProfile(null).issuer).toBe('');
});
