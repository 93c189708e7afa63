// The built CLI's entry (the build copies it to out/main/cli.cjs): runs the CLI's CommonJS bundle (out/main/cli-chunks/)
// with V8's code cache of its modules, made by the build (out/main/cli-code-cache.bin), so a start does not compile
// them again. A module whose cache is missing or refused by V8 (another Node, other flags, other text) compiles as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const chunks = path.join(__dirname, 'cli-chunks') + path.sep;
const cacheFile = path.join(__dirname, 'cli-code-cache.bin');
/** Set by the build for one run of a quick command: the cache is written from what that run compiled. */
const writing = process.env.DANVAN_CLI_WRITE_CODE_CACHE === '1';

/**
 * The cache file: a 4-byte length, then JSON { [file in cli-chunks]: [offset, size, textLength, mtimeMs] }, then the
 * caches. A module's cache is used only for the file it was made from: same text length and same modified time (a file
 * changed since, even to the same length, compiles as usual); V8 also refuses a cache of another V8 or other flags.
 */
let index = {};
let blob = null;
if (!writing) {
  try {
    const bytes = fs.readFileSync(cacheFile);
    const headLength = bytes.readUInt32LE(0);
    index = JSON.parse(bytes.toString('utf8', 4, 4 + headLength));
    blob = bytes.subarray(4 + headLength);
  } catch {
    index = {}; // no cache (not built yet, or unreadable): every module compiles as usual
  }
}

/** `require.main` as the modules see it: this entry, as when Node runs a file. */
const mainModule = require.main;
const compiled = [];
let used = 0;
let refused = 0;
const compileAsUsual = Module.prototype._compile;
Module.prototype._compile = function compileWithCache(content, filename) {
  // Node 20 loses a cached module's import() (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING): a module that may import()
  // (a package loaded at first use: exceljs, pdf.js…), or says the word anywhere, compiles as usual
  if (!filename.startsWith(chunks) || content.includes('import(')) return compileAsUsual.call(this, content, filename);
  const name = filename.slice(chunks.length);
  const entry = index[name];
  const cachedData =
    blob && Array.isArray(entry) && entry[2] === content.length && entry[3] === modifiedMs(filename)
      ? blob.subarray(entry[0], entry[0] + entry[1])
      : undefined;
  const script = new vm.Script(Module.wrap(content), { filename, cachedData });
  if (cachedData) {
    if (script.cachedDataRejected) refused++;
    else used++;
  }
  if (writing) compiled.push({ name, script, length: content.length, mtimeMs: modifiedMs(filename) });
  const fn = script.runInThisContext({ displayErrors: true });
  return fn.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
};

function modifiedMs(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** What `require` is inside a module (as Node makes it). */
function requireFor(mod) {
  const req = (id) => mod.require(id);
  req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  req.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  req.main = mainModule;
  req.extensions = Module._extensions;
  req.cache = Module._cache;
  return req;
}

process.on('exit', () => {
  if (process.env.DANVAN_CLI_CODE_CACHE_REPORT === '1') process.stderr.write(`code cache: ${used} used, ${refused} refused\n`);
  if (!writing) return;
  // after the run: the cache holds the functions the command compiled too, not only the modules' top level
  const head = {};
  const parts = [];
  let at = 0;
  for (const c of compiled) {
    const data = c.script.createCachedData();
    head[c.name] = [at, data.length, c.length, c.mtimeMs];
    parts.push(data);
    at += data.length;
  }
  const json = Buffer.from(JSON.stringify(head));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([size, json, ...parts]));
  fs.renameSync(tmp, cacheFile); // whole or not at all for a CLI started meanwhile
});

require('./cli-chunks/cli-main.cjs');
