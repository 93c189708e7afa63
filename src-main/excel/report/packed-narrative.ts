// A parsed report's narrative as UTF-8 bytes (bytes/utf8-pack.ts: heading, text, heading, text…), made in the parse
// worker and moved to the main thread without a copy: the import stores the bytes as they are, and the strings are
// decoded only when something reads `report.narrative` (the main thread no longer converts ~20 KB per file).
import type { ParsedReport } from '../../contract/parsed-report';
import { packUtf8, unpackUtf8, type PackedUtf8 } from '../../bytes/utf8-pack';

type Section = ParsedReport['narrative'][number];

export const packNarrative = (sections: readonly Section[]): PackedUtf8 => packUtf8(sections.flatMap((s) => [s.heading, s.text]));

function unpackNarrative(p: PackedUtf8): Section[] {
  const parts = unpackUtf8(p);
  const out: Section[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ heading: parts[i] as string, text: parts[i + 1] as string });
  return out;
}

const packedOf = new WeakMap<object, PackedUtf8>();

/**
 * The report (received from a worker without its narrative) with `narrative` decoded from `packed` on first read.
 * While nothing sets it, `packedNarrativeOf` gives the bytes; a copy of the report (spread, clone) gets the strings.
 */
export function withPackedNarrative(report: ParsedReport, packed: PackedUtf8): ParsedReport {
  let decoded: Section[] | null = null;
  packedOf.set(report, packed);
  Object.defineProperty(report, 'narrative', {
    enumerable: true,
    configurable: true,
    get: () => (decoded ??= unpackNarrative(packed)),
    set: (v: Section[]) => {
      packedOf.delete(report);
      decoded = v;
    },
  });
  return report;
}

/** The narrative's UTF-8 bytes as the worker made them, while the report still holds exactly that narrative. */
export const packedNarrativeOf = (report: ParsedReport): PackedUtf8 | undefined => packedOf.get(report);

/** How many sections, without decoding them. */
export function narrativeCount(report: ParsedReport): number {
  const p = packedOf.get(report);
  return p ? p.ends.length / 2 : report.narrative.length;
}
