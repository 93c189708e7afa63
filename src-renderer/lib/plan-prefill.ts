// A new plan of our own starts from the organisation profile (Settings): issuing body, its parent, place and the
// signature block, so the user only types what changes from plan to plan.
import type { OrgProfile } from '../../src-main/contract/settings';
import { blankDraft, type EditorDraft } from './plan-draft';

export function draftFromProfile(p: OrgProfile | null): EditorDraft {
  const d = blankDraft();
  if (!p) return d;
  return {
    ...d,
    issuer: p.ownOrg,
    parentIssuer: p.parentOrg ?? '',
    place: p.placeName ?? '',
    signerAuthority: p.signerAuthority ?? '',
    signerTitle: p.signerTitle ?? '',
    signerName: p.signerName ?? '',
  };
}
