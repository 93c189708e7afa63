// The footer block: "Nơi nhận:" list on the left, signature block on the right. Locates it and sorts every
// piece of it — even when a flattened table interleaves both columns on the same lines — into typed parts.
import { clean } from '../../text/vi-text';
import { foldSame, isDecoration, segments, upperRatio, type Line } from './text-tools';

export type FooterPart =
  | { kind: 'recipient'; text: string }
  | { kind: 'continuation'; text: string }
  | { kind: 'authority'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'name'; text: string };

interface Footer {
  /** First line of the footer (end of the body), lines.length when there is none. */
  start: number;
  parts: FooterPart[];
}

const AUTHORITY = /^(?:TM|T\/M|KT|K\/T|Q|TL|T\/L|TUQ|TT)\s*[.:]?\s+\p{Lu}/u;
const TITLE_WORDS =
  /^(?:PHÓ\s+)?(?:CHỦ TỊCH|TRƯỞNG BAN|BÍ THƯ|GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG|TRƯỞNG ĐOÀN|ỦY VIÊN|UỶ VIÊN|THƯỜNG TRỰC|TRƯỞNG KHỐI|CHÁNH ÁN|VIỆN TRƯỞNG|HIỆU TRƯỞNG|THỦ TRƯỞNG|TỔNG BIÊN TẬP|TRƯỞNG|PHÓ)(?:\s|$)/u;
const NAME_WORD = /^[\p{Lu}][\p{Ll}'’]*$/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục\s+[IVX\d]|MẪU\s|Mẫu số|BIỂU MẪU|DANH SÁCH|PHIẾU ĐĂNG KÝ)/u;

function isAuthority(s: string): boolean {
  return AUTHORITY.test(s) && upperRatio(s) >= 0.8 && s.length <= 60;
}
function isTitle(s: string): boolean {
  return upperRatio(s) >= 0.85 && s.length <= 60 && TITLE_WORDS.test(s.replace(/\s+/g, ' '));
}
function isPersonName(s: string): boolean {
  const words = s.trim().split(/\s+/);
  const long = words.filter((w) => w.length >= 3).length;
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    long >= 1 &&
    words.every((w) => NAME_WORD.test(w)) &&
    !/^(?:Nơi|Lưu|Như|Ban|Website|Các)$/u.test(words[0] ?? '')
  );
}

function footerStart(lines: Line[], from: number): number {
  let noiNhan = -1;
  let authority = -1;
  for (let i = lines.length - 1; i >= from; i--) {
    const segs = segments(lines[i]?.text ?? '');
    if (noiNhan < 0 && segs.some((s) => foldSame(s).startsWith('noi nhan'))) noiNhan = i;
    if (authority < 0 && segs.some((s) => isAuthority(s) || isAuthority(s.replace(/^.*?[;.:]\s+/, '')))) authority = i;
    if (noiNhan >= 0 && authority >= 0) break;
  }
  const found = [noiNhan, authority].filter((i) => i >= 0);
  if (!found.length) {
    // No "Nơi nhận" nor "TM./KT.": a bare signer at the very end ("CHỦ TỊCH" / name).
    for (let i = lines.length - 1; i >= Math.max(from, lines.length - 4); i--) {
      if (segments(lines[i]?.text ?? '').some(isTitle)) return i;
    }
    return lines.length;
  }
  if (found.length === 2 && Math.abs(noiNhan - authority) > 40) return Math.max(noiNhan, authority);
  return Math.min(...found);
}

/** Split "- Ban Dân vận Huyện ủy; PHÓ CHỦ TỊCH" (columns glued by a single space) into its two pieces. */
function splitGlued(seg: string): string[] {
  const m = /^(.*?[;.])\s+(\S.*)$/u.exec(seg);
  if (!m) return [seg];
  const rest = m[2] ?? '';
  if (isAuthority(rest) || isTitle(rest) || isPersonName(rest)) return [m[1] ?? '', rest];
  const tail = /^(.*?[;.])\s+(\S.*)$/u.exec(rest);
  if (tail && (isAuthority(tail[2] ?? '') || isTitle(tail[2] ?? '') || isPersonName(tail[2] ?? '')))
    return [m[1] ?? '', ...splitGlued(rest)];
  return [seg];
}

export function parseFooter(lines: Line[], from: number): Footer {
  const start = footerStart(lines, from);
  const parts: FooterPart[] = [];
  let inRecipients = false;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (i > start && APPENDIX.test(text)) break;
    for (let seg of segments(text)) {
      const f = foldSame(seg);
      if (f.startsWith('noi nhan')) {
        inRecipients = true;
        seg = seg.replace(/^Nơi nhận\s*[:.]?\s*/iu, '');
        if (!seg) continue;
      }
      for (const piece of isAuthority(seg) || isTitle(seg) ? [seg] : splitGlued(seg)) {
        const p = clean(piece);
        if (!p || isDecoration(p)) continue;
        if (/^[-+•–]/.test(p)) {
          inRecipients = true;
          parts.push({ kind: 'recipient', text: p });
        } else if (isAuthority(p)) parts.push({ kind: 'authority', text: p });
        else if (isTitle(p)) parts.push({ kind: 'title', text: p });
        else if (isPersonName(p)) parts.push({ kind: 'name', text: p });
        else if (inRecipients && /^[(\p{Ll}]/u.test(p)) parts.push({ kind: 'continuation', text: p });
        else if (inRecipients && (/[;.]$/.test(p) || /^Lưu\b/u.test(p))) parts.push({ kind: 'recipient', text: p });
        else if (upperRatio(p) >= 0.85 && parts.some((x) => x.kind === 'authority') && p.length <= 60) {
          parts.push({ kind: 'title', text: p });
        }
      }
    }
  }
  return { start, parts };
}
