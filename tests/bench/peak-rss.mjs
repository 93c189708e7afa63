// Runs a Node entry (the CLI) in this process and, when the process exits, prints its peak resident memory — every
// thread included, the parse workers too — on stderr as PEAK_RSS_KB=n: the bench's measure of what a real CLI
// import needs. Usage: node [--import tsx] tests/bench/peak-rss.mjs ENTRY ARGS...
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) throw new Error('usage: peak-rss.mjs ENTRY ARGS...');
process.argv = [process.argv[0], entry, ...args];
process.on('exit', () => writeSync(2, `\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(entry)).href);
