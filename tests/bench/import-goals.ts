// The import's speed goals (issue #17) said against a bench result, in Vietnamese: ≥ 10× exceljs on 3,000 files
// (median of rounds), ≥ 8× on a single round of 1,000 (its first round: cold as after start-up), peak RSS ≤ 300 MB;
// and the most this run's CPU allows (exceljs's time over the least wall time that CPU takes on these cores).
import type { CpuSpent } from './thread-cpu';

export const GOALS = { ratio3000: 10, ratio1000: 8, rssMb: 300 } as const;

/** What the goal lines need of a bench result. */
export interface GoalInput {
  files: number;
  ratio: number;
  perRound: [number, number][];
  importPeakRssMb: number;
  cli: { peakRssMb: number } | null;
  cpu: (CpuSpent & { cores: number; ceilingRatio: number }) | null;
}

const mark = (ok: boolean) => (ok ? 'đạt' : 'chưa đạt');
const times = (x: number) => `${x.toFixed(1)} lần`;

export function importGoalLines(r: GoalInput): string[] {
  const lines: string[] = [];
  if (r.files === 3000)
    lines.push(
      `Mục tiêu gấp ít nhất ${GOALS.ratio3000} lần exceljs (3.000 tệp, trung vị): ${times(r.ratio)} — ${mark(r.ratio >= GOALS.ratio3000)}.`,
    );
  else if (r.files === 1000 && r.perRound[0]) {
    const [ours, base] = r.perRound[0];
    const first = base / ours;
    lines.push(
      `Mục tiêu gấp ít nhất ${GOALS.ratio1000} lần exceljs (một lượt 1.000 tệp, lượt đầu): ${times(first)} — ${mark(first >= GOALS.ratio1000)}.`,
    );
  } else
    lines.push(
      `Các mục tiêu tốc độ được đặt cho 3.000 tệp (gấp ${GOALS.ratio3000} lần) và một lượt 1.000 tệp (gấp ${GOALS.ratio1000} lần).`,
    );
  const rss = r.cli?.peakRssMb ?? r.importPeakRssMb;
  const where = r.cli ? 'dòng lệnh nhập từ thư mục, mọi luồng' : 'trong lúc nhập';
  lines.push(`Mục tiêu RAM đỉnh ≤ ${GOALS.rssMb} MB (${where}): ${rss} MB — ${mark(rss <= GOALS.rssMb)}.`);
  if (r.cpu) {
    const c = r.cpu;
    lines.push(
      `CPU của lượt nhập (lượt trung vị): luồng chính ${c.main} s, hai luồng đọc tệp ${c.workers} s, luồng phụ của V8 ${c.helpers} s; ` +
        `tổng ${c.total} s trên ${c.cores} lõi: không thể xong dưới ${c.floorSeconds} s, nên với lượng CPU này tối đa chỉ gấp ` +
        `${times(c.ceilingRatio)} exceljs, dù các lõi bận suốt.`,
    );
  }
  return lines;
}
