// The "Nơi nhận:" list: one entry per "- ..." line, wrapped lines joined, leading dash and trailing ;/. removed,
// everything else (including "(b/c)" and "Lưu: VT, Ban CTCS") kept as written.
import { clean } from '../../text/vi-text';
import type { FooterPart } from './footer';

export function parseRecipients(parts: FooterPart[]): string[] {
  const items: string[] = [];
  for (const p of parts) {
    if (p.kind === 'recipient') items.push(p.text);
    else if (p.kind === 'continuation' && items.length) {
      const last = items[items.length - 1] ?? '';
      if (!/[;.]$/.test(last)) items[items.length - 1] = `${last} ${p.text}`;
    }
  }
  return items
    .map((t) =>
      clean(t)
        .replace(/^[-+•–]\s*/, '')
        .replace(/[\s;,.]+$/, '')
        .trim(),
    )
    .filter((t) => t.length > 0);
}
