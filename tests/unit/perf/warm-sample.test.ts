// The built-in samples the import path warms up on (warm-sample.ts) must exercise the reader's real paths: each is
// read as a report with its table, value column, narrative and (every fifth) our template's _meta, no fatal issue;
// the variants differ in layout (period sub-columns, totals, inline strings, a hidden column, no narrative sheet),
// and each is a different file (the warm-up imports them as new reports, never as duplicates).
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src-main/bytes/content-hash';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { warmSample } from '../../../src-main/excel/report/warm-sample';

describe('warm-up samples', () => {
  const variants = Array.from({ length: 12 }, (_, k) => k);

  for (const variant of variants) {
    it(`variant ${variant} is read as a full report`, async () => {
      const r = await parseReport(warmSample(variant), 'mau.xlsx', { timeoutMs: 15_000, planPeriod: 'Năm 2024' });
      expect(r.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
      expect(r.unitName).toBe(`CĐCS Trường Tiểu học Mẫu ${variant}`);
      const items = r.rows.filter((row) => typeof row.value === 'number' && !row.isTotal);
      expect(items).toHaveLength(9);
      expect(items.map((row) => row.label)).toContain('Nhà "Mái ấm Công đoàn" xây mới');
      expect(r.rows.some((row) => row.isTotal)).toBe(variant % 3 === 2);
      expect(r.valueColumn?.header ?? null).toBe(variant % 2 ? 'Kết quả thực hiện / Cả năm' : null);
      expect(r.narrative.map((n) => n.heading.toLowerCase())).toContain('kết quả nổi bật');
      expect(r.template?.templateId ?? null).toBe(variant % 5 === 0 ? 'dv-ket-qua' : null);
    });
  }

  it('gives the same bytes for a variant every time, and different files for different variants', () => {
    expect(sha256(warmSample(7))).toBe(sha256(warmSample(7)));
    expect(new Set(variants.map((v) => sha256(warmSample(v)))).size).toBe(variants.length);
  });
});
