// `reports enter`: a report phoned in or on paper, typed as JSON rows in parse-report's shape, goes in as a version
// with its channel; a row that cannot be read is refused with a Vietnamese message naming it, nothing stored.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, tempDirs } from '../helpers/cli';
import { workbookOf } from '../helpers/context';

const tmp = tempDirs('danvan-cli-entry-');

async function seed(d: string) {
  const db = join(d, 'x.sqlite');
  const units = join(d, 'ds.xlsx');
  writeFileSync(
    units,
    await workbookOf([
      ['Mã', 'Tên CĐCS'],
      ['GD1', 'Công đoàn Trường THCS Lê Lợi'],
      ['YT1', 'Công đoàn Trạm Y tế xã Bình An'],
    ]),
  );
  expect((await cli('units', 'import', units, '--json', '--db', db)).code).toBe(0);
  const planJson = join(d, 'plan.json');
  writeFileSync(
    planJson,
    JSON.stringify({
      title: 'Kế hoạch dân vận đợt II/2023',
      reportDueOn: '2023-12-31',
      indicators: [
        { code: 'CT01', label: 'x', unit: 'buổi', target: 2 },
        { code: 'CT08', label: 'x', unit: 'căn', target: 1 },
      ],
      unitCodes: ['GD1', 'YT1'],
    }),
  );
  const plan = await cli('plans', 'create', planJson, '--json', '--db', db);
  expect(plan.code).toBe(0);
  return { db, planId: String((JSON.parse(plan.out) as { id: number }).id) };
}

const reportsOf = (db: string) => {
  const h = new Database(db, { readonly: true });
  try {
    return h.prepare('SELECT version, status, channel, received_via AS via, received_on AS on_ FROM reports ORDER BY id').all();
  } finally {
    h.close();
  }
};

describe('reports enter', () => {
  it('stores parse-report rows (section rows skipped, "#2" as the second measure) with the channel and date given', async () => {
    const d = tmp();
    const { db, planId } = await seed(d);
    const file = join(d, 'gd1.json');
    writeFileSync(
      file,
      JSON.stringify({
        rows: [
          { stt: 'I', label: 'TUYÊN TRUYỀN', unit: null, target: null, value: null, note: null, isSection: true },
          { stt: '1', label: 'Số buổi tuyên truyền, phổ biến pháp luật', unit: 'buổi', target: 2, value: '1.234', note: null },
          { stt: '2', label: 'Nhà "Mái ấm Công đoàn" xây mới', unit: 'căn', target: 1, value: 1, note: null, code: 'CT08' },
          { stt: null, label: 'Trị giá', unit: 'triệu đồng', target: null, value: 45.5, note: null, code: 'CT08#2' },
        ],
        narrative: [{ heading: 'Đánh giá chung', text: 'Hoàn thành.' }],
      }),
    );
    const r = await cli(
      'reports',
      'enter',
      '--plan',
      planId,
      '--unit',
      'GD1',
      file,
      '--received-on',
      '2023-12-29',
      '--channel',
      'dien-thoai',
      '--json',
      '--db',
      db,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 'imported', version: 1 });
    expect(reportsOf(db)).toEqual([{ version: 1, status: 'active', channel: 'manual', via: 'phone', on_: '2023-12-29' }]);
    const h = new Database(db, { readonly: true });
    const vals = h
      .prepare(
        'SELECT i.code, v.value_num AS v, v.value2_num AS v2 FROM report_values v JOIN indicators i ON i.id = v.indicator_id ORDER BY i.code',
      )
      .all();
    const narrative = h.prepare('SELECT heading FROM report_narrative').all();
    h.close();
    expect(vals).toEqual([
      { code: 'CT01', v: 1234, v2: null },
      { code: 'CT08', v: 1, v2: 45.5 },
    ]);
    expect(narrative).toEqual([{ heading: 'Đánh giá chung' }]);
    const again = await cli(
      'reports',
      'enter',
      '--plan',
      planId,
      '--unit',
      'GD1',
      file,
      '--received-on',
      '2023-12-30',
      '--json',
      '--db',
      db,
    );
    expect(JSON.parse(again.out)).toMatchObject({ status: 'superseded', version: 2 });
    expect(reportsOf(db)).toMatchObject([{ status: 'superseded' }, { status: 'active', via: 'paper' }]);
  });

  it('reads the second measure from a "Trị giá" column (extra) or a value2 written the Vietnamese way', async () => {
    const d = tmp();
    const { db, planId } = await seed(d);
    const file = join(d, 'free.json');
    writeFileSync(
      file,
      JSON.stringify({
        rows: [
          {
            stt: '1',
            label: 'Nhà "Mái ấm Công đoàn" xây mới',
            unit: 'căn',
            target: null,
            value: 2,
            note: null,
            extra: [{ header: 'Trị giá (triệu đồng)', value: 90 }],
          },
          { stt: '2', label: 'Số buổi tuyên truyền, phổ biến pháp luật', unit: 'buổi', target: null, value: 3, note: null },
        ],
      }),
    );
    const r = await cli(
      'reports',
      'enter',
      '--plan',
      planId,
      '--unit',
      'YT1',
      file,
      '--received-on',
      '2023-12-29',
      '--channel',
      'zalo',
      '--json',
      '--db',
      db,
    );
    expect(r.err).toBe('');
    const h = new Database(db, { readonly: true });
    const ct08 = h
      .prepare(
        "SELECT v.value_num AS v, v.value2_num AS v2 FROM report_values v JOIN indicators i ON i.id = v.indicator_id WHERE i.code = 'CT08'",
      )
      .get();
    h.close();
    expect(ct08).toEqual({ v: 2, v2: 90 });
    const viet = join(d, 'viet.json');
    writeFileSync(viet, JSON.stringify([{ label: 'Nhà "Mái ấm Công đoàn" xây mới', value: 1, value2: '45,5' }]));
    const r2 = await cli('reports', 'enter', '--plan', planId, '--unit', 'GD1', viet, '--received-on', '2023-12-29', '--json', '--db', db);
    expect(r2.err).toBe('');
    const bad = join(d, 'bad2.json');
    writeFileSync(bad, JSON.stringify([{ label: 'Nhà "Mái ấm Công đoàn" xây mới', value: 1, value2: 'bốn lăm' }]));
    const r3 = await cli('reports', 'enter', '--plan', planId, '--unit', 'GD1', bad, '--received-on', '2023-12-30', '--db', db);
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/Dòng 1 của tệp JSON \("Nhà "Mái ấm Công đoàn" xây mới"\): số liệu thứ hai "bốn lăm" cần là số/);
  });

  it('refuses a row it cannot read, naming it, and stores nothing; usage errors exit 2', async () => {
    const d = tmp();
    const { db, planId } = await seed(d);
    const unknown = join(d, 'a.json');
    writeFileSync(
      unknown,
      JSON.stringify([
        { label: 'Số buổi tuyên truyền, phổ biến pháp luật', value: 3 },
        { label: 'Số cây xanh trồng mới', value: 100 },
      ]),
    );
    const r1 = await cli(
      'reports',
      'enter',
      '--plan',
      planId,
      '--unit',
      'GD1',
      unknown,
      '--received-on',
      '2023-12-29',
      '--json',
      '--db',
      db,
    );
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/Dòng 2 của tệp JSON \("Số cây xanh trồng mới"\): không khớp chỉ tiêu nào/);
    const text = join(d, 'b.json');
    writeFileSync(text, JSON.stringify([{ label: 'Số buổi tuyên truyền, phổ biến pháp luật', value: 'ba buổi' }]));
    const r2 = await cli('reports', 'enter', '--plan', planId, '--unit', 'GD1', text, '--received-on', '2023-12-29', '--db', db);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/Dòng CT01 – Số buổi tuyên truyền.*"ba buổi" không phải là số/);
    const r3 = await cli('reports', 'enter', '--plan', planId, '--unit', 'ZZ9', text, '--db', db);
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/Không có đơn vị mã "ZZ9"/);
    expect(reportsOf(db)).toEqual([]);
    expect((await cli('reports', 'enter', '--plan', planId, '--unit', 'GD1', text, '--channel', 'fax', '--db', db)).code).toBe(2);
    expect((await cli('reports', 'enter', '--plan', planId, text, '--db', db)).code).toBe(2);
  });
});
