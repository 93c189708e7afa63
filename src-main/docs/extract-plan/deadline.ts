// The report deadline: "báo cáo kết quả về LĐLĐ huyện (qua Ban ...) trước ngày 31/7/2019", "chậm nhất ngày ...".
// Sentences about reporting win over other deadlines; a deadline repeated "hàng năm" has no single date.
import { isoDate } from '../../text/vi-date';
import { clean } from '../../text/vi-text';
import { badDateMessage, foldSame, type Warning } from './text-tools';

const DEADLINE = new RegExp(
  String.raw`(?:trước|chậm nhất(?:\s+là)?(?:\s+vào)?|hạn chót(?:\s+là)?|hạn cuối(?:\s+là)?|không quá|không muộn hơn|hoàn thành trong)\s+` +
    String.raw`(?:\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2})?(?:\s*phút)?\s*,?\s*)?(?:ngày\s+)?` +
    String.raw`(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?)`,
  'giu',
);

interface Hit {
  iso: string | null;
  raw: string;
  recurring: boolean;
  score: number;
  order: number;
}

function scoreOf(sentence: string): number {
  const f = foldSame(sentence);
  if (/bao cao ket qua|bao cao tong ket|bao cao so ket/.test(f)) return 3;
  if (/bao cao/.test(f)) return 2;
  if (/\b(gui|nop|ve)\b/.test(f)) return 1;
  return 0;
}

/** The report deadline from the body sentences; `fallbackYear` completes a "trước ngày 31/7". */
export function parseReportDue(bodySentences: string[], fallbackYear: number | null, warnings: Warning[]): string | null {
  const hits: Hit[] = [];
  bodySentences.forEach((sentence, idx) => {
    const score = scoreOf(sentence);
    if (score === 0) return;
    for (const m of sentence.matchAll(DEADLINE)) {
      const d = Number(m[1] ?? m[4]);
      const mo = Number(m[2] ?? m[5]);
      const yRaw = m[3] ?? m[6];
      const after = foldSame(sentence.slice(m.index + m[0].length, m.index + m[0].length + 16));
      const recurring = /^\s*(?:cua\s+)?(?:moi|hang)\s+(?:nam|thang|quy)/.test(after);
      const year = yRaw ? Number(yRaw) : fallbackYear;
      hits.push({
        iso: recurring || year === null ? null : isoDate(year, mo, d),
        raw: m[0],
        recurring: recurring || year === null,
        score,
        order: idx * 10_000 + m.index,
      });
    }
  });
  const best = hits.sort((a, b) => b.score - a.score || a.order - b.order)[0];
  if (!best) return null;
  if (best.recurring) {
    warnings.push({
      field: 'reportDueOn',
      message: `Hạn "${clean(best.raw)}" không ghi năm cụ thể (hạn lặp lại hằng năm); đã để trống, vui lòng nhập hạn báo cáo.`,
    });
    return null;
  }
  if (!best.iso) warnings.push({ field: 'reportDueOn', message: badDateMessage(best.raw, 'Hạn báo cáo') });
  return best.iso;
}
