// The bench's goal lines and its CPU accounting: what `npm run bench` says against the import issue's goals must
// follow the figures (a ratio under the goal is never "đạt"), and the threads' CPU is split and bounded as documented.
import { describe, expect, it } from 'vitest';
import { GOALS, importGoalLines, type GoalInput } from '../../bench/import-goals';
import { cpuSpent, threadCpu, ticksOfStat } from '../../bench/thread-cpu';

const result = (over: Partial<GoalInput>): GoalInput => ({
  files: 3000,
  ratio: 6.5,
  perRound: [[2.6, 17]],
  importPeakRssMb: 250,
  cli: { peakRssMb: 260 },
  cpu: null,
  ...over,
});

describe('import goal lines', () => {
  it('says the 3,000-file goal of 10x is not met at 6.5x and met at 10.2x', () => {
    expect(importGoalLines(result({ ratio: 6.5 }))[0]).toMatch(/10 lần exceljs.*6.5 lần — chưa đạt/);
    expect(importGoalLines(result({ ratio: 10.2 }))[0]).toMatch(/10.2 lần — đạt/);
    expect(GOALS.ratio3000).toBe(10);
  });

  it('judges a 1,000-file run by its first round (cold, as after start-up), not by the median', () => {
    const lines = importGoalLines(
      result({
        files: 1000,
        ratio: 9,
        perRound: [
          [1.2, 6],
          [0.7, 6.3],
          [0.7, 6.3],
        ],
      }),
    );
    expect(lines[0]).toMatch(/8 lần exceljs \(một lượt 1\.000 tệp, lượt đầu\): 5.0 lần — chưa đạt/);
    expect(importGoalLines(result({ files: 1000, perRound: [[0.7, 6.3]] }))[0]).toMatch(/9.0 lần — đạt/);
  });

  it('names where the goals are set for other sizes, and judges the CLI process RSS (or the in-process peak without it)', () => {
    const other = importGoalLines(result({ files: 300 }));
    expect(other[0]).toMatch(/3\.000 tệp.*1\.000 tệp/);
    expect(other[1]).toMatch(/≤ 300 MB \(dòng lệnh.*\): 260 MB — đạt/);
    expect(importGoalLines(result({ cli: null, importPeakRssMb: 312 }))[1]).toMatch(/trong lúc nhập\): 312 MB — chưa đạt/);
  });

  it('says the CPU each thread spent and the most that CPU allows', () => {
    const cpu = { main: 1.4, workers: 2.1, helpers: 0.6, total: 4.1, floorSeconds: 2.05, cores: 2, ceilingRatio: 8.3 };
    const line = importGoalLines(result({ cpu })).at(-1)!;
    expect(line).toMatch(/luồng chính 1\.4 s, hai luồng đọc tệp 2\.1 s, luồng phụ của V8 0\.6 s; tổng 4\.1 s trên 2 lõi/);
    expect(line).toMatch(/dưới 2\.05 s.*8.3 lần exceljs/);
  });
});

describe('thread CPU accounting', () => {
  it('reads utime + stime from a /proc stat line whose name holds spaces and parentheses', () => {
    const stat = '4242 (node (worker) x) R 1 2 3 4 5 6 7 8 9 10 137 41 0 0 20 0';
    expect(ticksOfStat(stat)).toBe(178);
  });

  it('splits the CPU into the main thread, the two busiest others (the parse workers) and the rest, bounded by the cores', () => {
    const before = new Map([
      ['100', 1],
      ['101', 0.5],
      ['102', 0.2],
      ['103', 0.1],
    ]);
    const after = new Map([
      ['100', 2.4], // main +1.4
      ['101', 0.9], // helper +0.4
      ['102', 1.3], // worker +1.1
      ['103', 1.1], // worker +1.0
      ['104', 0.2], // a thread started since: all of its time counts
    ]);
    expect(cpuSpent(before, after, '100', 2)).toEqual({ main: 1.4, workers: 2.1, helpers: 0.6, total: 4.1, floorSeconds: 2.05 });
  });

  it('reads this process threads on Linux (null where /proc is missing)', () => {
    const now = threadCpu();
    if (process.platform !== 'linux') return void expect(now).toBeNull();
    expect(now!.get(String(process.pid))).toBeGreaterThanOrEqual(0);
    expect(now!.size).toBeGreaterThan(1);
  });
});
