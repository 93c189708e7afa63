// CPU time of each thread of this process, read from /proc (Linux; null elsewhere), and where an import's CPU went:
// the main thread, the two parse workers (the two busiest other threads) and the rest (V8's compiler and garbage
// collector threads, libuv), with the least wall time that much CPU allows on this machine's cores.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/task/<tid>/stat (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) per thread id at one moment. */
export type ThreadCpu = Map<string, number>;

/** Every thread's CPU seconds so far, or null where /proc is not there (Windows, macOS). */
export function threadCpu(): ThreadCpu | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  const m: ThreadCpu = new Map();
  for (const tid of tids) {
    try {
      m.set(tid, ticksOfStat(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')) / TICKS_PER_SECOND);
    } catch {
      // the thread ended between the listing and the read: its time is gone with it
    }
  }
  return m;
}

/** utime + stime of a /proc stat line (fields 14 and 15; the name in parentheses may hold spaces). */
export function ticksOfStat(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]);
}

export interface CpuSpent {
  /** The main thread: analysis, receiving the parsed reports, the SQLite writes. */
  main: number;
  /** The two busiest other threads: the parse workers. */
  workers: number;
  /** Every other thread: V8's compiler and garbage-collector helpers, libuv. */
  helpers: number;
  total: number;
  /** The least wall time this CPU allows when every core is busy all the time: total / cores. */
  floorSeconds: number;
}

/** Where the CPU went between two snapshots (`mainTid`: the process id, the main thread's id on Linux). */
export function cpuSpent(before: ThreadCpu, after: ThreadCpu, mainTid: string, cores: number): CpuSpent {
  let main = 0;
  const others: number[] = [];
  for (const [tid, s] of after) {
    const d = Math.max(0, s - (before.get(tid) ?? 0));
    if (tid === mainTid) main = d;
    else others.push(d);
  }
  others.sort((a, b) => b - a);
  const workers = (others[0] ?? 0) + (others[1] ?? 0);
  const helpers = others.slice(2).reduce((s, x) => s + x, 0);
  const total = main + workers + helpers;
  return { main: r2(main), workers: r2(workers), helpers: r2(helpers), total: r2(total), floorSeconds: r3(total / Math.max(1, cores)) };
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
