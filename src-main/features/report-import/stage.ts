// The preview stage: every file a preview read stays in main, by plan and content (SHA-256), with its parse, so
// the commit refers to it by hash — its bytes are not sent again and it is not parsed again. Bounded (total bytes
// and entries, least recently used out first); a file no longer staged is sent again by the renderer.
import { AppError } from '../../contract/errors';
import type { ParsedFile } from '../../excel/report/parse-pool';

interface StagedFile {
  name: string;
  lastModified?: number | undefined;
  bytes: Uint8Array;
  parsed: ParsedFile;
}

/** A parse holds a few times its file's bytes in objects: the budget counts bytes × 4. */
const WEIGHT = 4;
let maxBytes = 400 * 1024 * 1024;
let maxEntries = 4000;
const stage = new Map<string, StagedFile>();
let weight = 0;
const stats = { staged: 0, hits: 0, misses: 0 };

const keyOf = (planId: number, sha256: string) => `${planId}:${sha256}`;
const weightOf = (s: StagedFile) => s.bytes.byteLength * WEIGHT;

/** Keep a previewed file (its parse made with the plan's options) for the commit. */
export function stageFile(
  planId: number,
  file: { name: string; lastModified?: number | undefined; bytes: Uint8Array },
  parsed: ParsedFile,
): void {
  if (!parsed.sha256) return;
  const key = keyOf(planId, parsed.sha256);
  const old = stage.get(key);
  if (old) {
    stage.delete(key);
    weight -= weightOf(old);
  }
  const entry: StagedFile = { name: file.name, lastModified: file.lastModified, bytes: file.bytes, parsed };
  stage.set(key, entry);
  weight += weightOf(entry);
  stats.staged++;
  for (const [k, v] of stage) {
    if (weight <= maxBytes && stage.size <= maxEntries) break;
    stage.delete(k);
    weight -= weightOf(v);
  }
}

/** The staged file, refreshed as recently used; undefined when it was never staged or has been let go. */
function stagedFile(planId: number, sha256: string): StagedFile | undefined {
  const key = keyOf(planId, sha256);
  const hit = stage.get(key);
  if (!hit) {
    stats.misses++;
    return undefined;
  }
  stage.delete(key);
  stage.set(key, hit);
  stats.hits++;
  return hit;
}

/** Which of these hashes are not staged for the plan (the renderer sends those files' bytes with the commit). */
export function missingFromStage(planId: number, hashes: readonly string[]): string[] {
  return hashes.filter((h) => !stage.has(keyOf(planId, h)));
}

/** For tests and the bench: empty the stage, set its bounds, read its counters. */
export function resetStage(bounds?: { maxBytes?: number; maxEntries?: number }): void {
  stage.clear();
  weight = 0;
  stats.staged = stats.hits = stats.misses = 0;
  maxBytes = bounds?.maxBytes ?? 400 * 1024 * 1024;
  maxEntries = bounds?.maxEntries ?? 4000;
}
export const stageStats = () => ({ ...stats, entries: stage.size, weight });

/**
 * The commit's files with their bytes and the preview's parse: a file sent by hash is taken from the stage (an
 * AppError when it is no longer there: the renderer checks first, so this is only a race); a file sent with its
 * bytes uses the staged parse when the same content was previewed.
 */
export function resolveCommitFiles<
  F extends {
    file?: { name: string; bytes: Uint8Array; lastModified?: number | undefined } | undefined;
    staged?: { sha256: string; name: string } | undefined;
  },
>(
  planId: number,
  files: readonly F[],
): (Omit<F, 'file' | 'staged'> & {
  file: { name: string; bytes: Uint8Array; lastModified?: number | undefined };
  ahead?: ParsedFile;
  sha256?: string;
})[] {
  return files.map((f) => {
    const { file, staged, ...rest } = f;
    if (staged) {
      const s = stagedFile(planId, staged.sha256);
      if (s)
        return {
          ...rest,
          file: { name: file?.name ?? staged.name, bytes: s.bytes, lastModified: file?.lastModified ?? s.lastModified },
          ahead: s.parsed,
          sha256: staged.sha256,
        };
    }
    if (!file)
      throw new AppError(
        'invalid_input',
        `Tệp "${staged?.name ?? ''}" đã xem trước không còn trong bộ nhớ tạm: hãy bấm nhập lại (các tệp sẽ được gửi lại).`,
      );
    return { ...rest, file };
  });
}
