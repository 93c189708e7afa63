// Test helper: the CLI as another process (from the sources through tsx), optionally SIGKILLed after a delay, for
// the kill loops and two-process tests. Resolves with its exit code, whether the kill landed, stderr and duration.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ChildRun {
  code: number | null;
  killed: boolean;
  err: string;
  ms: number;
}

export function cliChild(args: string[], killAfterMs: number | null): Promise<ChildRun> {
  const t0 = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let killed = false;
    const timer = killAfterMs === null ? null : setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
    child.on('error', fail);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      done({ code, killed, err, ms: Date.now() - t0 });
    });
  });
}
