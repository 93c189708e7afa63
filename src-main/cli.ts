// The headless interface (DESIGN.md §5): `npm run cli -- <command> [options]`. --json prints exactly one JSON
// document on stdout; exit 0 ok, 1 handled error (Vietnamese message on stderr), 2 usage.
import { runCli } from './runtime/cli-commands';

void runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
