// The layout checker (layout-check/) run on every document the app makes, with a real office's full names typed
// in caps as staff do: báo cáo tổng hợp (.docx, .xlsx), công văn đôn đốc, Dân vận khéo report and form, the
// models and plans registers, the report template and the upward package. Plus the checker's own fault tests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildOfficialDocx, type OfficialDoc } from '../../../src-main/docs/official-docx/index';
import { makeTestApp, type TestApp } from '../../helpers/context';
import { setupPlan, submitS1 } from '../../rpc/consolidation-fixture';
import { capsPhrase, checkDocx } from './layout-check/docx';
import { checkXlsx } from './layout-check/xlsx';
import { letterDoc, reportDoc, TAY_NINH } from './samples';

const rules = (issues: { rule: string }[]): string[] => [...new Set(issues.map((i) => i.rule))];

describe('layout checker finds the faults it is meant to find', () => {
  const long = { ...reportDoc.header, parentOrg: TAY_NINH.parentOrg, ownOrg: TAY_NINH.ownOrg };

  it('passes the sample báo cáo and công văn with short names', async () => {
    expect(checkDocx(await buildOfficialDocx(reportDoc))).toEqual([]);
    expect(checkDocx(await buildOfficialDocx(letterDoc))).toEqual([]);
  });

  it('reports no break for full province and district names (the header columns fit them)', async () => {
    const issues = checkDocx(await buildOfficialDocx({ ...reportDoc, header: long }));
    expect(issues.filter((i) => i.rule === 'header-break')).toEqual([]);
  });

  it('flags a header line wider than its column', async () => {
    const huge = { ...long, parentOrg: 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM LIÊN ĐOÀN LAO ĐỘNG TỈNH BÀ RỊA VŨNG TÀU' };
    expect(rules(checkDocx(await buildOfficialDocx({ ...reportDoc, header: huge })))).toContain('header-break');
  });

  it('flags caps organisation names in running text, not acronyms', async () => {
    expect(capsPhrase('của LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU về')).toBe('LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU');
    expect(capsPhrase('của LĐLĐ huyện, Kế hoạch số 15/KH-LĐLĐ đợt II/2023 các CĐCS')).toBeNull();
    const doc: OfficialDoc = {
      ...reportDoc,
      body: [...reportDoc.body, { kind: 'paragraph', runs: `Ban Thường vụ ${TAY_NINH.ownOrg} báo cáo.` }],
    };
    expect(rules(checkDocx(await buildOfficialDocx(doc)))).toContain('caps-in-text');
  });

  it('flags a generic name without the organisation and a date line without a place', async () => {
    const bare = { ...long, parentOrg: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH', ownOrg: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN', place: '' };
    expect(rules(checkDocx(await buildOfficialDocx({ ...reportDoc, header: bare })))).toEqual(
      expect.arrayContaining(['empty-name', 'empty-place']),
    );
  });
});

describe('every document the app makes passes the layout checker', () => {
  let app: TestApp;
  beforeEach(() => (app = makeTestApp()));
  afterEach(() => app.close());

  it('báo cáo tổng hợp (.docx, .xlsx), công văn đôn đốc, template and upward package', async () => {
    const f = await setupPlan(app, { profile: TAY_NINH });
    await submitS1(f);
    const opts = { planId: f.plan.id, date: '2024-01-06', number: '118/BC-LĐLĐ' };
    const docx = await app.call('consolidation.exportDocx', opts);
    expect(checkDocx(docx.bytes)).toEqual([]);
    expect(checkXlsx((await app.call('consolidation.exportXlsx', opts)).bytes)).toEqual([]);
    const letter = await app.call('reminders.letter', { ...opts, number: '119/LĐLĐ', unitIds: null, newDueOn: null, record: false });
    expect(checkDocx(letter.file.bytes)).toEqual([]);
    const tpl = await app.call('reports.templates', { planId: f.plan.id, unitIds: [f.units[0]!.id], zip: false });
    expect(checkXlsx(tpl.bytes)).toEqual([]);
    const pkg = await app.call('consolidation.upwardPackage', { planId: f.plan.id, unitCode: 'LDLD-DMC' });
    expect(checkXlsx(pkg.bytes)).toEqual([]);
    expect(checkXlsx((await app.call('plans.exportRegister', { year: null })).bytes)).toEqual([]);
    expect(checkXlsx((await app.call('tracking.exportMissing', { planId: f.plan.id })).bytes)).toEqual([]);
  }, 60_000);

  it('the letter sending a report back (đề nghị sửa), naming a value held at import', async () => {
    const f = await setupPlan(app, { profile: TAY_NINH });
    await f.submit(4, '2023-12-30', { CT01: 2, CT25: 60_000 }); // 400× the district's target: held, not stored
    const row = (await app.call('reports.list', { planId: f.plan.id })).find((r) => r.unit.id === f.units[4]!.id)!;
    const letter = await app.call('checks.correctionLetter', { reportId: row.report!.id, number: '120/LĐLĐ', date: '2024-01-06' });
    expect(letter.problems).toBeGreaterThanOrEqual(1);
    expect(letter.text).toMatch(/CT25 – Hiến máu tình nguyện: Giá trị 60.000 ĐVM gấp 400 lần chỉ tiêu/);
    expect(checkDocx(letter.file.bytes)).toEqual([]);
  }, 60_000);

  it('Dân vận khéo report, registration form and register', async () => {
    await setupPlan(app, { profile: TAY_NINH });
    expect(checkDocx((await app.call('models.exportSummary', { year: 2025 })).bytes)).toEqual([]);
    expect(checkDocx((await app.call('models.formDocx', { year: 2025, unitId: null })).bytes)).toEqual([]);
    expect(checkXlsx((await app.call('models.exportRegister', { year: 2025 })).bytes)).toEqual([]);
    expect(checkXlsx((await app.call('models.formXlsx', { year: 2025, unitId: null })).bytes)).toEqual([]);
    // the letter to units that have not registered a model by the yearly deadline
    const followUp = await app.call('models.reminderLetter', { year: 2025, number: '121/LĐLĐ', date: '2025-04-01' });
    expect(checkDocx(followUp.file.bytes)).toEqual([]);
  }, 60_000);
});

describe('layout checker on altered documents', () => {
  /** The sample báo cáo with `edit` applied to one of its parts. */
  async function altered(part: string, edit: (xml: string) => string): Promise<Uint8Array> {
    const files = unzipSync(await buildOfficialDocx(reportDoc));
    files[part] = strToU8(edit(strFromU8(files[part]!)));
    return zipSync(files);
  }

  it('flags a page number on page 1 (no titlePg) and none from page 2', async () => {
    expect(rules(checkDocx(await altered('word/document.xml', (x) => x.replace(/<w:titlePg\/>/, ''))))).toEqual(['page-number']);
    const noPage = await altered('word/document.xml', (x) => x.replace(/<w:headerReference [^>]*w:type="default"[^>]*\/>/, ''));
    expect(checkDocx(noPage).map((i) => i.message)).toContain('no PAGE field in the default header: pages 2+ are not numbered');
  });

  it('flags a signature that may start a page alone', async () => {
    const loose = await altered('word/document.xml', (x) => x.replace(/<w:keepNext\/><w:keepLines\/>|<w:keepLines\/><w:keepNext\/>/g, ''));
    expect(rules(checkDocx(loose))).toContain('signature-alone');
  });

  it('flags a name broken inside the place name', async () => {
    const bad = await altered('word/document.xml', (x) => x.replace('>LĐLĐ TỈNH TÂY NINH<', '>LĐLĐ TỈNH TÂY</w:t><w:br/><w:t>NINH<'));
    expect(checkDocx(bad).map((i) => i.message)).toContain('"TÂY / NINH": the name is broken inside a proper name');
  });

  it('flags a margin outside NĐ 30 and a font other than Times New Roman', async () => {
    const x = await altered('word/document.xml', (d) =>
      d.replace(/w:left="1701"/, 'w:left="1134"').replace('w:ascii="Times New Roman"', 'w:ascii="Arial"'),
    );
    expect(rules(checkDocx(x))).toEqual(expect.arrayContaining(['margin', 'font']));
  });
});
