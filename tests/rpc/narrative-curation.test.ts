// Curating the báo cáo's narrative: the app proposes attributed sentences per section, the user's selection
// (unticked, edited, reordered) is saved per plan and used by the Word export, proposals arriving later come in
// unticked, reset goes back to the proposal, and the full texts go to an appendix only when asked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { makeTestApp, type TestApp } from '../helpers/context';
import { curatedNarrative } from '../../src-main/features/narrative-curation';
import { setupPlan } from './consolidation-fixture';

const docText = async (bytes: Uint8Array): Promise<string> =>
  (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC').replace(/\s+/g, ' ');

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

async function twoUnits() {
  const f = await setupPlan(app);
  await f.submit(
    0,
    '2023-12-30',
    { CT01: 3 },
    {
      4: 'Đơn vị đã tích cực triển khai. Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2, xã Bình An. Trao 20 suất quà cho đoàn viên khó khăn tại xã Bình An.',
      10: 'Kinh phí hoạt động còn hạn chế.',
    },
  );
  await f.submit(1, '2023-12-31', { CT01: 5 }, { 4: 'Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2 xã Bình An.' });
  return f;
}

describe('narrative curation', () => {
  it('proposes attributed sentences with duplicates merged, nothing saved yet', async () => {
    const f = await twoUnits();
    const cur = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    expect(cur.saved).toBe(false);
    const results = cur.sections.find((s) => s.key === 'results')!;
    const dup = results.items.filter((i) => i.text.startsWith('Tổ chức 3 buổi tuyên truyền'));
    expect(dup).toHaveLength(1);
    expect(dup[0]!.units.map((u) => u.code)).toEqual(['GD01', 'YT01']);
    expect(results.items[0]!.text).not.toMatch(/tích cực/);
    const stock = results.items.find((i) => i.text === 'Đơn vị đã tích cực triển khai.')!;
    expect([results.items.at(-1) === stock, stock.selected]).toEqual([true, false]); // last, offered unticked
    expect(cur.sections.find((s) => s.key === 'limits')!.items.map((i) => [i.text, i.selected])).toEqual([
      ['Kinh phí hoạt động còn hạn chế.', true],
    ]);
    const n = curatedNarrative(app.ctx.db, f.plan.id);
    for (const s of n.sections) for (const x of s.sentences) expect(x.printed).toMatch(/\(CĐCS [^)]+\)\.$/);
  });

  it('saves the user’s selection and the export prints it edited, in order, without the unticked one', async () => {
    const f = await twoUnits();
    const cur = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    const results = cur.sections.find((s) => s.key === 'results')!;
    const quà = results.items.find((i) => i.text.startsWith('Trao 20 suất quà'))!;
    const buổi = results.items.find((i) => i.text.startsWith('Tổ chức 3 buổi'))!;
    const rest = results.items.filter((i) => i !== quà && i !== buổi);
    const sections = cur.sections.map((s) =>
      s.key !== 'results'
        ? s
        : {
            key: s.key,
            items: [
              { ...quà, text: 'Trao 25 suất quà Tết cho đoàn viên khó khăn tại xã Bình An.' },
              buổi,
              ...rest.map((i) => ({ ...i, selected: false })),
            ],
          },
    );
    const saved = await app.call('consolidation.narrative.save', { planId: f.plan.id, fullAppendix: false, sections });
    expect(saved.saved).toBe(true);
    const text = await docText((await app.call('consolidation.exportDocx', { planId: f.plan.id, date: '2024-01-06' })).bytes);
    const edited = text.indexOf('Trao 25 suất quà Tết cho đoàn viên khó khăn tại xã Bình An (CĐCS Trường THCS Lê Lợi).');
    const second = text.indexOf('Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2');
    expect(edited).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(edited);
    expect(text).toContain('(CĐCS Trường THCS Lê Lợi, CĐCS Trạm Y tế xã Bình An).');
    expect(text).not.toContain('Trao 20 suất quà');
    for (const r of rest) expect(text).not.toContain(r.text.slice(0, 30));
    expect(text).not.toContain('THUYẾT MINH CỦA CÁC CĐCS');
  });

  it('adds proposals that came later unticked, resets to the proposal, and puts full texts in an appendix when asked', async () => {
    const f = await twoUnits();
    const cur = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    await app.call('consolidation.narrative.save', { planId: f.plan.id, fullAppendix: true, sections: cur.sections });
    await f.submit(3, '2023-12-29', { CT01: 7 }, { 13: 'Đề nghị LĐLĐ huyện tổ chức tập huấn nghiệp vụ cho 45 cán bộ công đoàn cơ sở.' });
    const after = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    const fresh = after.sections.find((s) => s.key === 'proposals')!.items;
    expect(fresh.map((i) => [i.fresh, i.selected])).toEqual([[true, false]]);
    const text = await docText((await app.call('consolidation.exportDocx', { planId: f.plan.id, date: '2024-01-06' })).bytes);
    expect(text).not.toContain('tập huấn nghiệp vụ cho 45 cán bộ công đoàn cơ sở (CĐCS');
    expect(text).toContain('THUYẾT MINH CỦA CÁC CĐCS');
    expect(text).toContain('Đơn vị đã tích cực triển khai.'); // the full text, in the appendix only
    const reset = await app.call('consolidation.narrative.reset', { planId: f.plan.id });
    expect(reset.saved).toBe(false);
    expect(reset.sections.find((s) => s.key === 'proposals')!.items[0]!.selected).toBe(true);
  });

  it('refuses an empty sentence with a Vietnamese message', async () => {
    const f = await twoUnits();
    await expect(
      app.call('consolidation.narrative.save', {
        planId: f.plan.id,
        sections: [{ key: 'results', items: [{ text: '   ', units: [], selected: true }] }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Câu trống') });
  });

  it('flags a chosen sentence whose unit no longer says it (report replaced) in the panel and on export', async () => {
    const f = await twoUnits();
    const cur = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    await app.call('consolidation.narrative.save', { planId: f.plan.id, sections: cur.sections });
    expect(
      (await app.call('consolidation.narrative.get', { planId: f.plan.id })).sections.flatMap((s) => s.items).some((i) => i.stale),
    ).toBe(false);
    // Lê Lợi sends a corrected report without the 20 gifts
    await f.submit(
      0,
      '2024-01-02',
      { CT01: 3 },
      { 4: 'Tổ chức 3 buổi tuyên truyền pháp luật cho 150 công nhân khu trọ thôn 2, xã Bình An.' },
    );
    const after = await app.call('consolidation.narrative.get', { planId: f.plan.id });
    const stale = after.sections.flatMap((s) => s.items).filter((i) => i.stale && i.selected);
    expect(stale.map((i) => i.text)).toEqual([
      'Trao 20 suất quà cho đoàn viên khó khăn tại xã Bình An.',
      'Kinh phí hoạt động còn hạn chế.',
    ]);
    const out = await app.call('consolidation.exportDocx', { planId: f.plan.id, date: '2024-01-06' });
    expect(out.warnings?.join(' ')).toMatch(/2 câu thuyết minh đã chọn không còn trong báo cáo đang dùng/);
  });
});
