// The upward package carries the district's curated narrative (the sentences the office ticked and edited for its
// báo cáo), not every unit's text pasted in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeTestApp, type TestApp } from '../helpers/context';
import { setupPlan } from './consolidation-fixture';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function sheetText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(String(c.text ?? '')))));
  return out.join('\n').normalize('NFC');
}

describe('upward package narrative', () => {
  it('holds the curated sentences (edited, attributed) and not the unticked ones', async () => {
    const f = await setupPlan(app);
    await f.submit(
      0,
      '2023-12-30',
      { CT01: 3 },
      { 4: 'Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân tại xã Bình An. Trao 20 suất quà cho đoàn viên khó khăn.' },
    );
    const cur = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    const sections = cur.sections.map((s) =>
      s.key !== 'results'
        ? s
        : {
            key: s.key,
            items: s.items.map((i) =>
              i.text.startsWith('Trao 20') ? { ...i, selected: false } : { ...i, text: i.text.replace('3 buổi', '4 buổi') },
            ),
          },
    );
    await app.call('consolidation.narrative.save', { planId: f.plan.id, fullAppendix: false, sections });
    const pkg = await app.call('consolidation.upwardPackage', {
      planId: f.plan.id,
      unitCode: 'LDLD01',
      unitName: 'Liên đoàn Lao động huyện Thử',
      date: '2024-01-06',
    });
    const text = await sheetText(pkg.bytes);
    expect(text).toMatch(/Tổ chức 4 buổi tuyên truyền pháp luật cho 150 công nhân tại xã Bình An \(CĐCS [^)]+\)\./);
    expect(text).not.toMatch(/Trao 20 suất quà/);
  });
});
