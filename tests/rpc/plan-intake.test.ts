// Plan intake decided once in main ('plans.intake', 'plans.intakeIndicator') and used by the CLI's `plans create`:
// suggestions and new-indicator proposals for the targets, codes given by main, the same stored (NFC, trimmed)
// title whichever way the plan came in, progress events and cancel for a scan.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanFromJson } from '../../src-main/features/plan-create';
import { draftFromExtract, toPlanDraft } from '../../src-renderer/lib/plan-draft';
import { makeTestApp, type TestApp } from '../helpers/context';
import { hasPdftoppm, renderPage } from '../unit/docs/helpers/scan-fixtures';

let app: TestApp;
beforeEach(() => (app = makeTestApp()));
afterEach(() => app.close());

const textPdf = fileURLToPath(new URL('../fixtures/plans/ke-hoach-thang-binh-text.pdf', import.meta.url));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A plan typed with a title in decomposed Unicode (NFD, as macOS and some converters write), stray spaces and NBSP. */
const MESSY_TITLE = '  Phối hợp  làm công tác\u00a0dân vận đợt II/2023  '.normalize('NFD');
const messyPlan = `LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU            Độc lập - Tự do - Hạnh phúc
Số: 25/KH-LĐLĐ                     Dương Minh Châu, ngày 13 tháng 12 năm 2023

KẾ HOẠCH
${MESSY_TITLE}

Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày 01/12/2023 của Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh.
- Mỗi công đoàn cơ sở thực hiện ít nhất 01 công trình có ý nghĩa chính trị ở địa phương.
- Phấn đấu 100% công đoàn cơ sở tham gia hiến máu tình nguyện.
Báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 31/12/2023./.
`;

describe('plans.intake', () => {
  it('reads a plan and gives each target its catalog suggestions and the new indicator it would become', async () => {
    const r = await app.call('plans.intake', { file: { name: 'ke-hoach.pdf', bytes: new Uint8Array(readFileSync(textPdf)) } });
    expect(r.ocr).toBeNull();
    expect(r.extract.number).toBe('15/KH-LĐLĐ');
    expect(r.targets).toHaveLength(2);
    const catalog = await app.call('indicators.list', { includeRetired: false });
    const code = (id: number | undefined) => catalog.find((i) => i.id === id)?.code;
    // "ít nhất 01 công trình": the catalog's "công trình" indicators come first.
    expect(catalog.find((i) => i.id === r.targets[0]?.suggestions[0]?.indicatorId)?.unit).toBe('công trình');
    expect(code(r.targets[1]?.suggestions[0]?.indicatorId)).toBeDefined();
    expect(r.targets[0]?.newIndicator).toEqual({
      label: 'Mỗi CĐCS thực hiện ít nhất 01 công trình',
      unit: 'công trình',
      groupCode: 'VI',
      groupLabel: catalog.at(-1)?.groupLabel,
      aggregation: 'sum',
    });
  });

  it('the title stored from the app and from the CLI is the same NFC, trimmed text', async () => {
    const r = await app.call('plans.intake', { file: { name: 'ke-hoach.txt', bytes: utf8(messyPlan) } });
    const clean = 'Phối hợp làm công tác dân vận đợt II/2023';
    expect(r.extract.title).toBe(clean);
    // The app: the editor pre-filled from the intake, saved as the editor saves.
    const fromApp = await app.call('plans.save', toPlanDraft(draftFromExtract(r.extract, [])));
    // The CLI: the same document's JSON, title as a script would pass it on (untouched).
    const { id } = createPlanFromJson(app.ctx.db, { title: MESSY_TITLE, number: '26/KH-LĐLĐ' }, new Date());
    const fromCli = await app.call('plans.get', { id });
    expect(fromApp.title).toBe(clean);
    expect(fromCli.title).toBe(clean);
    expect(fromCli.title.normalize('NFC')).toBe(fromCli.title);
  });

  it('a percentage target becomes a rate indicator; main gives the next codes, the CLI decides the same way', async () => {
    const r = await app.call('plans.intake', { file: { name: 'ke-hoach.txt', bytes: utf8(messyPlan) } });
    const pct = r.targets.find((t) => t.unit === '%');
    expect(pct?.newIndicator.aggregation).toBe('percent');
    const a = await app.call('plans.intakeIndicator', {
      label: pct?.newIndicator.label ?? '',
      unit: '%',
      groupCode: pct?.newIndicator.groupCode ?? '',
    });
    const b = await app.call('plans.intakeIndicator', { label: 'Trồng cây xanh', unit: 'cây', groupCode: 'II' });
    expect([a.code, a.aggregation, a.groupCode]).toEqual(['CT53', 'percent', 'VI']);
    expect([b.code, b.groupCode, b.groupLabel]).toEqual(['CT54', 'II', 'Công trình, phần việc']);
    const { id } = createPlanFromJson(
      app.ctx.db,
      { title: 'Kế hoạch hiến máu', indicators: [{ label: 'Tỷ lệ đoàn viên hiến máu', unit: '%', target: 100 }] },
      new Date(),
    );
    const cli = (await app.call('indicators.list', {})).find((i) => i.label === 'Tỷ lệ đoàn viên hiến máu');
    expect([cli?.code, cli?.aggregation, cli?.groupCode]).toEqual(['CT55', 'percent', 'VI']);
    expect((await app.call('plans.get', { id })).targets[0]?.code).toBe('CT55');
  });
});

describe.skipIf(!hasPdftoppm())('plans.intake of a scan', () => {
  it("reports progress under the caller's task id and stops on tasks.cancel", async () => {
    const events: { task: string; message: string }[] = [];
    const emit = app.ctx.emit;
    let cancelled: Promise<unknown> | null = null;
    app.ctx.emit = ((name: string, payload: { task: string; message: string }) => {
      if (name === 'progress') {
        events.push(payload);
        cancelled ??= app.call('tasks.cancel', { task: 'intake-1' });
      }
      return (emit as (n: string, p: unknown) => void)(name, payload);
    }) as typeof app.ctx.emit;
    const err = await app
      .call('plans.intake', { file: { name: 'anh.png', bytes: renderPage(textPdf, 'png', 100) }, taskId: 'intake-1' })
      .catch((e: unknown) => e);
    expect(await cancelled).toEqual({ cancelled: true });
    expect(events[0]?.task).toBe('intake-1');
    expect(events[0]?.message).toMatch(/nhận dạng chữ/);
    expect(err).toMatchObject({ code: 'cancelled' });
    expect((err as Error).message).toContain('anh.png');
  }, 60_000);
});
