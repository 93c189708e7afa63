// Who is using a data file, and one exclusive lock per data file for restore and migrate. Every process that opens the
// database (the app, browser mode, the CLI) leaves a presence file `<db>.in-use/<pid>.json`; restore and migrate take
// `<db>.lock` and refuse while another live process is present, naming who, in Vietnamese. Stale files of dead
// processes (kill -9, power cut) are cleaned as they are found.
import {
  closeSync,
  existsSync,
  linkSync,
  mkdirSync,
  rmdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../contract/errors';

interface Holder {
  pid: number;
  mode: string;
  purpose?: string;
  since: string;
  host: string;
}

const presenceDir = (dbFile: string) => `${dbFile}.in-use`;
const lockFile = (dbFile: string) => `${dbFile}.lock`;

const WHO: Record<string, string> = {
  electron: 'cửa sổ phần mềm Dân vận',
  web: 'Dân vận chạy trong trình duyệt',
  cli: 'dòng lệnh Dân vận',
  test: 'một phiên kiểm thử',
};
const DOING: Record<string, string> = { restore: 'khôi phục dữ liệu', migrate: 'nâng cấp dữ liệu' };

/** "cửa sổ phần mềm Dân vận (PID 1234, từ 09:15)" */
function describeHolder(h: Holder): string {
  const t = new Date(h.since);
  const at = Number.isNaN(t.getTime()) ? '' : `, từ ${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return `${WHO[h.mode] ?? h.mode} (PID ${h.pid}${h.host !== hostname() ? ` trên máy ${h.host}` : ''}${at})`;
}

/** Whether a process of this machine is still running (a holder on another machine is taken as alive). */
function alive(h: Holder): boolean {
  if (h.host !== hostname()) return true;
  if (h.pid === process.pid) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

/** Presence files of this process (with how many open contexts use each), removed when it exits normally (a kill -9 leaves them: found stale later). */
const heldFiles = new Map<string, number>();
let exitHooked = false;

/** Say that this process uses `dbFile`; returns the function that says it no longer does. */
export function registerUse(dbFile: string, mode: string): () => void {
  const dir = presenceDir(dbFile);
  const file = join(dir, `${process.pid}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    const holder: Holder = { pid: process.pid, mode, since: new Date().toISOString(), host: hostname() };
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, JSON.stringify(holder));
    } finally {
      closeSync(fd);
    }
  } catch {
    return () => {}; // a read-only folder: nothing to announce, and restore there fails on its own
  }
  let done = false;
  heldFiles.set(file, (heldFiles.get(file) ?? 0) + 1);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => heldFiles.forEach((_, f) => rmSync(f, { force: true })));
  }
  const release = () => {
    if (done) return;
    done = true;
    const left = (heldFiles.get(file) ?? 1) - 1;
    if (left > 0) return void heldFiles.set(file, left); // another context of this process still uses the file
    heldFiles.delete(file);
    rmSync(file, { force: true });
    try {
      rmdirSync(dir); // the last user leaves no folder behind
    } catch {
      /* others still use the data */
    }
  };
  return release;
}

/** Other live processes using `dbFile` (stale presence files of dead ones are removed). */
function otherUsers(dbFile: string): Holder[] {
  const dir = presenceDir(dbFile);
  if (!existsSync(dir)) return [];
  const out: Holder[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const h = readHolder(p);
    if (!h || !alive(h)) {
      rmSync(p, { force: true });
      continue;
    }
    if (!(h.pid === process.pid && h.host === hostname())) out.push(h);
  }
  return out;
}

/** The process holding the exclusive lock right now, if any (a stale lock of a dead process is removed). */
function lockHolder(dbFile: string): Holder | null {
  const file = lockFile(dbFile);
  if (!existsSync(file)) return null;
  const h = readHolder(file);
  if (!h || !alive(h)) {
    rmSync(file, { force: true });
    return null;
  }
  return h;
}

/**
 * Take the exclusive lock for `purpose` ('restore' | 'migrate'): refused while another process holds it or uses the
 * data; a migrate inside this process's own restore runs under the restore's lock. Returns the release function; call
 * it in `finally`.
 */
export function takeExclusive(dbFile: string, mode: string, purpose: keyof typeof DOING): () => void {
  const file = lockFile(dbFile);
  const holder: Holder = { pid: process.pid, mode, purpose, since: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; ; attempt++) {
    try {
      createWhole(file, JSON.stringify(holder));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(err);
      const h = lockHolder(dbFile);
      // a restore of this very process reopening the restored file, which migrates a backup of an older version:
      // under the restore's lock, which the restore releases (anything else, a second restore too, is refused)
      if (h && h.pid === process.pid && h.host === holder.host && h.purpose === 'restore' && purpose === 'migrate') return () => {};
      if (h)
        throw new AppError(
          'db_busy',
          `Dữ liệu đang được ${DOING[h.purpose ?? ''] ?? 'dùng riêng'} bởi ${describeHolder(h)}. Hãy đợi việc đó xong rồi thử lại.`,
        );
    }
  }
  const release = () => rmSync(file, { force: true });
  const others = otherUsers(dbFile);
  if (others.length) {
    release();
    throw new AppError(
      'db_busy',
      `Không thể ${DOING[purpose]} khi dữ liệu đang mở ở nơi khác: ${others.map(describeHolder).join('; ')}. ` +
        'Hãy đóng nơi đó (hoặc đợi lệnh chạy xong) rồi thử lại.',
    );
  }
  return release;
}

/** Create `file` with its whole content at once (written aside, then hard-linked in: never seen half-written). */
function createWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  try {
    linkSync(tmp, file); // EEXIST when another process holds the lock
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw err;
    const fd = openSync(file, 'wx'); // a file system without hard links
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

function lockError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError(
    'db_busy',
    `Không tạo được khoá dữ liệu (${(err as Error).message}). Hãy kiểm tra quyền ghi của thư mục dữ liệu rồi thử lại.`,
  );
}

/** Before opening: wait up to `waitMs` for a restore/migrate of another process to finish, else a Vietnamese error. */
export function waitUntilUnlocked(dbFile: string, waitMs = 5000): void {
  const until = Date.now() + waitMs;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const h = lockHolder(dbFile);
    if (!h || h.pid === process.pid) return;
    if (Date.now() >= until)
      throw new AppError(
        'db_busy',
        `Dữ liệu đang được ${DOING[h.purpose ?? ''] ?? 'dùng riêng'} bởi ${describeHolder(h)}. Hãy đợi việc đó xong rồi mở lại.`,
      );
    Atomics.wait(sleeper, 0, 0, 100);
  }
}
