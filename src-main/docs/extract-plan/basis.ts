// The basis (căn cứ) of the plan: "Căn cứ ..." / "Thực hiện ..." clauses of the preamble, one entry per
// referenced document, each with its own number, date and issuer where the clause states them.
import { clean } from '../../text/vi-text';
import {
  badDateMessage,
  cleanClause,
  findDates,
  findDocNumbers,
  foldSame,
  isSectionHeading,
  paragraphs,
  sentences,
  type Line,
  type Warning,
} from './text-tools';

interface BasisEntry {
  text: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string | null;
}

const VERB = /^[-+•]?\s*(?:Căn cứ(?: vào)?|Thực hiện|Triển khai(?: thực hiện)?|Theo|Trên cơ sở)\s+/iu;
const DOC_WORD =
  /^(?:Kế hoạch|Chỉ thị|Nghị quyết|Công văn|Quyết định|Hướng dẫn|Thông báo|Chương trình|Luật|Nghị định|Thông tư|Điều lệ|Đề án|Kết luận|Quy định|Thông tri|Văn bản|Quy chế)(?=[\s,;:]|$)/iu;
/** ", Ban Thường vụ LĐLĐ huyện xây dựng kế hoạch ... như sau:" — the sentence that follows the references. */
const TAIL =
  /[,;.]\s*(?:Ban|Thường trực|Liên đoàn|LĐLĐ|Công đoàn|CĐ|Đảng đoàn|Ủy ban|Uỷ ban|UBND|BTV|BCH|Tỉnh đoàn|Huyện đoàn|Đoàn|Hội)(?=[\s,])[^,;.]*?\s(?:xây dựng|ban hành|triển khai|đề ra|thống nhất)\s+(?:kế hoạch|chương trình|hướng dẫn)[\s\S]*$/u;

/** Where the preamble ends: the first section heading at or after `from` (or 25 lines on). */
export function preambleEnd(lines: Line[], from: number): number {
  for (let i = from; i < lines.length && i < from + 40; i++) {
    const t = lines[i]?.text ?? '';
    if (isSectionHeading(t) || /^(?:MỤC ĐÍCH|Mục đích)/u.test(t)) return i;
  }
  return Math.min(lines.length, from + 25);
}

function issuerOf(text: string, from: number): string | null {
  const f = foldSame(text);
  const at = f.indexOf(' cua ', from);
  if (at < 0) return null;
  const rest = text.slice(at + 5);
  const fr = foldSame(rest);
  const stops = [
    /\sve\s/,
    /\sv\/v\s/,
    /[;,]/,
    /\snham\s/,
    /\sde\s/,
    /\sngay\s\d/,
    /\strien khai\s/,
    /\s(?:thuc hien|quy dinh|huong dan)\s/,
  ];
  let cut = rest.length;
  for (const re of stops) {
    const m = re.exec(fr);
    if (m && m.index < cut) cut = m.index;
  }
  const issuer = cleanClause(rest.slice(0, cut));
  return issuer.length >= 3 && issuer.length <= 160 ? issuer : null;
}

function parseEntry(raw: string, index: number, warnings: Warning[]): BasisEntry | null {
  let text = raw.replace(VERB, '');
  text = text.replace(TAIL, '');
  text = cleanClause(text);
  if (text.length < 4) return null;
  const num = findDocNumbers(text)[0] ?? null;
  const dates = findDates(text);
  const date = dates.find((d) => !num || d.index > num.index) ?? dates[0] ?? null;
  if (date && !date.iso) {
    warnings.push({
      field: `basis[${index}].issuedOn`,
      message: badDateMessage(date.raw, `Ngày của văn bản căn cứ ${num?.value ?? `"${text.slice(0, 40)}…"`}`),
    });
  }
  const refersToDocument = num !== null || date !== null || DOC_WORD.test(text);
  const after = Math.max(num?.end ?? 0, date?.end ?? 0);
  return {
    text,
    number: num?.value ?? null,
    issuedOn: date?.iso ?? null,
    issuer: refersToDocument ? issuerOf(text, Math.max(0, after - 1)) : null,
  };
}

/** Basis entries from the preamble lines [from, to). */
export function parseBasis(lines: Line[], from: number, to: number, warnings: Warning[]): BasisEntry[] {
  const out: BasisEntry[] = [];
  for (const para of paragraphs(lines, from, to)) {
    let inBasis = false;
    for (const sentence of sentences(para.text, '.!?')) {
      const starts = VERB.test(sentence);
      if (!starts && !(inBasis && DOC_WORD.test(sentence))) {
        inBasis = false;
        continue;
      }
      inBasis = true;
      const parts = sentence.split(/;\s*/);
      parts.forEach((part, k) => {
        if (k > 0 && !VERB.test(part) && !DOC_WORD.test(part.trim()) && findDocNumbers(part).length === 0) return;
        const entry = parseEntry(part, out.length, warnings);
        if (entry) out.push(entry);
      });
      if (TAIL.test(sentence)) inBasis = false;
    }
  }
  return out.map((e) => ({ ...e, text: clean(e.text) }));
}
