// The built-in samples the parse workers warm up on (warm-sample.ts) must exercise the reader's real paths: each
// is read as a report with its table, value column, narrative and (variant 0) our template's _meta, no fatal issue.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src-main/excel/report/parse-report';
import { warmSample } from '../../../src-main/excel/report/warm-sample';

describe('warm-up samples', () => {
  for (const variant of [0, 1, 2]) {
    it(`variant ${variant} is read as a full report`, async () => {
      const r = await parseReport(warmSample(variant), 'mau.xlsx', { timeoutMs: 15_000, planPeriod: 'Năm 2024' });
      expect(r.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
      expect(r.unitName).toBe(`CĐCS Trường Tiểu học Mẫu ${variant}`);
      expect(r.rows.filter((row) => typeof row.value === 'number')).toHaveLength(9);
      expect(r.narrative.map((n) => n.heading)).toContain('Kết quả nổi bật');
      expect(r.template?.templateId ?? null).toBe(variant === 0 ? 'dv-ket-qua' : null);
    });
  }
});
