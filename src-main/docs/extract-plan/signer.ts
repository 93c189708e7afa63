// The signature block: authority line(s) ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"), the signer's title
// ("PHÓ CHỦ TỊCH") and name (the last line), read from the typed footer parts.
import type { FooterPart } from './footer';

interface Signer {
  authority: string | null;
  title: string | null;
  name: string | null;
}

export function parseSigner(parts: FooterPart[]): Signer {
  const authorities: string[] = [];
  let title: string | null = null;
  let name: string | null = null;
  for (const p of parts) {
    if (p.kind === 'authority' && title === null) authorities.push(p.text.replace(/\s+/g, ' '));
    else if (p.kind === 'title' && title === null) title = p.text.replace(/\s+/g, ' ');
    else if (p.kind === 'name' && (title !== null || authorities.length > 0)) name = p.text;
  }
  return { authority: authorities.length ? authorities.join(' ') : null, title, name };
}
