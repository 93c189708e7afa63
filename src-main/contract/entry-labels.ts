// How a unit sent a report typed in by hand (giấy, điện thoại, Zalo, email) and the channel text shown in lists;
// zod-free so the renderer and exports can import them as values.
import { CHANNEL_LABELS, type ChannelId } from './report-labels';

export const ENTRY_VIA = ['paper', 'phone', 'zalo', 'email'] as const;
export type EntryViaId = (typeof ENTRY_VIA)[number];
export const ENTRY_VIA_LABELS: Record<EntryViaId, string> = { paper: 'Giấy', phone: 'Điện thoại', zalo: 'Zalo', email: 'Email' };
/** The CLI's words for them (`--channel giay|dien-thoai|zalo|email`). */
export const ENTRY_VIA_CLI: Record<string, EntryViaId> = { giay: 'paper', 'dien-thoai': 'phone', zalo: 'zalo', email: 'email' };

/** "Giấy (nhập tay)" for a hand-entered version ("Giấy" when `short`), else the import channel's label ("Email"). */
export function channelText(channel: string, via: string | null | undefined, short = false): string {
  if (via && via in ENTRY_VIA_LABELS) return `${ENTRY_VIA_LABELS[via as EntryViaId]}${short ? '' : ' (nhập tay)'}`;
  return CHANNEL_LABELS[channel as ChannelId] ?? channel;
}
