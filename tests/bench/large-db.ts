// A province-sized database for the page and consolidation benches (issue #17): 5,000 units in a tree (upper
// unions with base unions under them), 10 years of plans (several a year, 30–60 indicators each), reports from
// most units of each plan (values, second measures, "không áp dụng", narrative, a few superseded versions, late
// ones, import batches), reminders, Dân vận khéo models with their steps, and audit rows. The schema, settings,
// indicators and plans go through the app's own migrations and handlers; the bulk rows are plain INSERTs, one
// transaction per table. Run: npx tsx tests/bench/large-db.ts --out /tmp/large.sqlite [--units 5000] [--years 10]
import { existsSync, rmSync } from 'node:fs';
import type { Db } from '../../src-main/db/connection';
import { dispatch } from '../../src-main/rpc/dispatch';
import { createContext } from '../../src-main/runtime/create-context';
import { fold } from '../../src-main/text/vi-text';
import { NOT_APPLICABLE } from '../../src-main/text/blank-words';

export interface LargeDbOptions {
  units: number;
  years: number;
  plansPerYear: number;
  /** Share of a plan's units that report (the rest are missing). */
  reporting: number;
  seed: number;
}

export const LARGE_DEFAULTS: LargeDbOptions = { units: 5000, years: 10, plansPerYear: 4, reporting: 0.9, seed: 17 };

export interface LargeDbSummary {
  units: number;
  plans: number;
  reports: number;
  values: number;
  narrative: number;
  models: number;
  audit: number;
  /** The newest plan with the most values (what a bench opens on the Báo cáo page). */
  bigPlanId: number;
  seconds: number;
}

const SECTORS = ['Giáo dục', 'Y tế', 'Doanh nghiệp', 'Hành chính sự nghiệp', 'Xã, thị trấn'];
const PLACES = ['Bình An', 'Hà Lam', 'Bình Triều', 'Quế Xuân', 'Tam Kỳ', 'Điện Bàn', 'Hòa Vang', 'Núi Thành', 'Phú Ninh', 'Duy Xuyên'];
const KINDS = [
  'Trường Tiểu học',
  'Trường THCS',
  'Trạm Y tế xã',
  'Công ty TNHH',
  'Công ty CP',
  'UBND xã',
  'Hợp tác xã',
  'Chi nhánh Ngân hàng',
];
const SENTENCES = [
  'Phối hợp tổ chức tuyên truyền, phổ biến pháp luật cho đoàn viên, người lao động và nhân dân trên địa bàn.',
  'Tham gia xây dựng nông thôn mới, đô thị văn minh; vận động đoàn viên đóng góp ngày công làm đường giao thông.',
  'Thăm hỏi, tặng quà gia đình chính sách, đoàn viên có hoàn cảnh khó khăn nhân dịp Tết Nguyên đán.',
  'Kinh phí còn hạn chế, một số hoạt động chưa được triển khai đồng bộ; thời gian của đoàn viên chưa nhiều.',
  'Đề nghị cấp trên quan tâm hỗ trợ kinh phí và tài liệu tuyên truyền cho công đoàn cơ sở.',
  'Mô hình "Dân vận khéo" về bảo vệ môi trường được duy trì và nhân rộng ở các tổ công đoàn.',
];
const HEADINGS = ['Kết quả nổi bật', 'Cách làm hay, sáng tạo', 'Hạn chế, khó khăn', 'Kiến nghị, đề xuất'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

async function call(ctx: ReturnType<typeof createContext>, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

/** Rows in one transaction through one prepared statement. */
function bulk(db: Db, sql: string, rows: Iterable<unknown[]>): number {
  const st = db.prepare(sql);
  let n = 0;
  db.transaction(() => {
    for (const r of rows) {
      st.run(r);
      n++;
    }
  })();
  return n;
}

export async function buildLargeDb(file: string, opts: Partial<LargeDbOptions> = {}): Promise<LargeDbSummary> {
  const o = { ...LARGE_DEFAULTS, ...opts };
  const t0 = performance.now();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  const ctx = createContext({ mode: 'cli', dbFile: file, version: 'bench' });
  const db = ctx.db;
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const now = '2026-12-01T08:00:00.000Z';
  try {
    await call(ctx, 'settings.save', {
      parentOrg: 'LĐLĐ tỉnh Quảng Nam',
      ownOrg: 'Liên đoàn Lao động huyện Thăng Bình',
      ownOrgShort: 'LĐLĐ',
      placeName: 'Thăng Bình',
      documentCode: 'KH-LĐLĐ',
      signerAuthority: 'TM. Ban Thường vụ',
      signerTitle: 'Phó Chủ tịch',
      signerName: 'Nguyễn Thị Hồng Đào',
      levelNames: { province: 'LĐLĐ tỉnh', upper: 'LĐLĐ huyện', base: 'Công đoàn cơ sở' },
      modelRegistrationDeadline: '03-13',
    });

    // units: one upper union per ~125 base unions, base unions under them
    const uppers = Math.max(1, Math.round(o.units / 125));
    const unitRows: unknown[][] = [];
    const aliasRows: unknown[][] = [];
    for (let i = 1; i <= o.units; i++) {
      const upper = i <= uppers;
      const sector = SECTORS[i % SECTORS.length]!;
      const name = upper ? `Công đoàn ngành ${sector} cụm ${i}` : `Công đoàn ${pick(KINDS)} ${pick(PLACES)} số ${i}`;
      const code = upper ? `CT${String(i).padStart(3, '0')}` : `CS${String(i).padStart(5, '0')}`;
      const chair = `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`;
      unitRows.push([
        i,
        code,
        name,
        upper ? 'cap_tren' : 'cdcs',
        upper ? null : 1 + (i % uppers),
        sector,
        upper ? null : 10 + (i % 190),
        chair,
        `09${String(10_000_000 + i).slice(-8)}`,
        `cd${i}@example.vn`,
        `Xã ${pick(PLACES)}`,
        null,
        i % 97 === 0 ? 0 : 1,
        fold([code, name, sector, chair].join(' ')),
        now,
        now,
      ]);
      if (i % 10 === 0) aliasRows.push([i, `CĐ ${name.slice(10)}`, fold(`CĐ ${name.slice(10)}`)]);
    }
    bulk(
      db,
      `INSERT INTO units (id, code, name, kind, parent_id, sector, members, chair, phone, email, address, note, active, search_key, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      unitRows,
    );
    bulk(db, 'INSERT INTO unit_aliases (unit_id, alias, alias_folded) VALUES (?, ?, ?)', aliasRows);

    // indicators: the default catalog plus some of the office's own, through the app
    for (let k = 1; k <= 20; k++) {
      await call(ctx, 'indicators.save', {
        code: `RI${String(k).padStart(2, '0')}`,
        groupCode: 'VI',
        groupLabel: 'Chỉ tiêu riêng của huyện',
        label: `Chỉ tiêu riêng số ${k} của huyện`,
        unit: k % 4 === 0 ? '%' : 'lượt',
        unit2: k % 5 === 0 ? 'triệu đồng' : null,
        aggregation: k % 4 === 0 ? 'percent' : k % 7 === 0 ? 'text' : 'sum',
      });
    }
    const catalog = (await call(ctx, 'indicators.list', {})) as { id: number; unit2: string | null; aggregation: string }[];

    // plans through plans.save (all base units must report); each year's plan compares with last year's same one
    const plans: { id: number; year: number; indicators: typeof catalog; due: string }[] = [];
    const lastOfSlot = new Map<number, number>();
    const firstYear = 2026 - o.years + 1;
    for (let y = firstYear; y <= 2026; y++) {
      for (let s = 0; s < o.plansPerYear; s++) {
        const n = 30 + Math.floor(r() * 31);
        const start = Math.floor(r() * (catalog.length - n));
        const inds = catalog.slice(start, start + n);
        const due = `${y}-${String(3 + s * 3).padStart(2, '0')}-25`;
        const plan = (await call(ctx, 'plans.save', {
          title: `Kết quả phối hợp làm công tác dân vận ${s === 0 ? 'quý I' : `đợt ${s + 1}`} năm ${y}`,
          status: y < 2026 ? 'da_tong_ket' : 'dang_thuc_hien',
          number: `${10 + s}/KH-LĐLĐ`,
          issuedOn: `${y}-${String(1 + s * 3).padStart(2, '0')}-05`,
          reportDueOn: due,
          periodLabel: `Đợt ${s + 1}/${y}`,
          targets: inds.map((i, k) =>
            i.aggregation === 'text'
              ? { indicatorId: i.id }
              : k % 9 === 1
                ? { indicatorId: i.id, min: 1, scope: 'per_unit' }
                : { indicatorId: i.id, min: 100 + k * 10 },
          ),
          assignment: 'all_base',
          previousPlanId: lastOfSlot.get(s) ?? null,
        })) as { id: number };
        lastOfSlot.set(s, plan.id);
        plans.push({ id: plan.id, year: y, indicators: inds, due });
      }
    }

    // reports, values, narrative, batches: plain INSERTs with ids given here
    const base = unitRows.filter((u) => u[3] === 'cdcs' && u[12] === 1).map((u) => u[0] as number);
    const batches: unknown[][] = [];
    const reports: unknown[][] = [];
    const values: unknown[][] = [];
    const narrative: unknown[][] = [];
    const reminders: unknown[][] = [];
    let reportId = 0;
    let batchId = 0;
    let bigPlanId = plans[plans.length - 1]!.id;
    let bigValues = 0;
    for (const p of plans) {
      const firstBatch = batchId + 1;
      const nBatches = 12;
      for (let b = 0; b < nBatches; b++) batches.push([++batchId, p.id, now, 20 + b, JSON.stringify({ files: 20 + b })]);
      let planValues = 0;
      for (const u of base) {
        if (r() > o.reporting) {
          if (r() < 0.5) reminders.push([p.id, u, p.due, 'letter', `${Math.floor(r() * 90)}/CV-LĐLĐ`, null, now]);
          continue;
        }
        const versions = r() < 0.05 ? 2 : 1;
        for (let v = 1; v <= versions; v++) {
          const id = ++reportId;
          const late = r() < 0.15;
          const received = late ? `${p.due.slice(0, 8)}28` : `${p.due.slice(0, 8)}${String(10 + v).padStart(2, '0')}`;
          reports.push([
            id,
            p.id,
            u,
            firstBatch + Math.floor(r() * nBatches),
            v,
            v === versions ? 'active' : 'superseded',
            received,
            'file',
            `Bao cao ${u}.xlsx`,
            null,
            null,
            'template',
            'Báo cáo kết quả',
            null,
            null,
            '[]',
            now,
          ]);
          for (const i of p.indicators) {
            const x = r();
            if (x < 0.05) continue; // left blank
            const na = x < 0.08;
            const num = na
              ? null
              : i.aggregation === 'text'
                ? null
                : i.aggregation === 'percent'
                  ? Math.round(r() * 1000) / 10
                  : Math.floor(r() * 40);
            const text = na ? NOT_APPLICABLE : i.aggregation === 'text' ? pick(SENTENCES) : null;
            values.push([id, i.id, num, text, i.unit2 && !na ? Math.round(r() * 500) / 10 : null, null, `E${10 + (i.id % 60)}`]);
            planValues++;
          }
          if (v === versions) {
            const n = Math.floor(r() * 4);
            for (let k = 0; k < n; k++) narrative.push([id, k, HEADINGS[k]!, pick(SENTENCES)]);
          }
        }
      }
      if (planValues >= bigValues && p.year === 2026) [bigValues, bigPlanId] = [planValues, p.id];
    }
    bulk(db, 'INSERT INTO import_batches (id, plan_id, created_at, file_count, summary) VALUES (?, ?, ?, ?, ?)', batches);
    bulk(
      db,
      `INSERT INTO reports (id, plan_id, unit_id, batch_id, version, status, received_on, channel, file_name, file_sha256, document_id, reader,
      title, period_label, unit_name_in_file, issues, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      reports,
    );
    bulk(
      db,
      'INSERT INTO report_values (report_id, indicator_id, value_num, value_text, value2_num, note, source_cell) VALUES (?, ?, ?, ?, ?, ?, ?)',
      values,
    );
    bulk(db, 'INSERT INTO report_narrative (report_id, position, heading, text) VALUES (?, ?, ?, ?)', narrative);
    bulk(
      db,
      'INSERT INTO reminders (plan_id, unit_id, sent_on, channel, number, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      reminders,
    );

    // Dân vận khéo: about a third of the base units register a model each year, carried through the steps
    const models: unknown[][] = [];
    const steps: unknown[][] = [];
    let modelId = 0;
    for (let y = firstYear; y <= 2026; y++) {
      for (const u of base) {
        if (r() > 0.33) continue;
        const id = ++modelId;
        const step = 1 + Math.floor(r() * 4);
        const recognized = step === 4 && r() < 0.5;
        const name = `Mô hình "${pick(['Dân vận khéo', 'Nhà trọ văn minh', 'Tuyến đường xanh', 'Bữa cơm công đoàn', 'Tổ tự quản'])}" năm ${y}`;
        models.push([
          id,
          u,
          null,
          y,
          y,
          name,
          'mo_hinh',
          pick(['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_cong_doan']),
          `${y}-03-10`,
          pick(SENTENCES),
          pick(SENTENCES),
          step,
          recognized ? 'duoc_cong_nhan' : step > 1 ? 'dang_thuc_hien' : 'dang_ky',
          recognized ? 'co_so' : null,
          recognized ? `${y}-12-15` : null,
          fold(name),
          now,
          now,
        ]);
        for (let s = 1; s <= step; s++) steps.push([id, s, `${y}-${String(2 + s * 2).padStart(2, '0')}-15`]);
      }
    }
    bulk(
      db,
      `INSERT INTO models (id, unit_id, plan_id, year, started_year, name, type, field, registered_on, situation, goals, step, status,
      recognition_level, recognized_on, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      models,
    );
    bulk(db, 'INSERT INTO model_steps (model_id, step, reached_on) VALUES (?, ?, ?)', steps);

    // audit: what ten years of imports, edits and reminders leave behind
    const audit: unknown[][] = [];
    for (let k = 0; k < 30_000; k++) {
      const y = firstYear + Math.floor((k / 30_000) * o.years);
      audit.push([
        `${y}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}T08:00:00.000Z`,
        'người dùng',
        pick(['reports.commit', 'reports.edit', 'reminders.record', 'units.save', 'plans.save']),
        'reports',
        1 + (k % Math.max(1, reportId)),
        `Thao tác số ${k} trên dữ liệu thử`,
        null,
      ]);
    }
    const nAudit = bulk(
      db,
      'INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
      audit,
    );
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      units: o.units,
      plans: plans.length,
      reports: reports.length,
      values: values.length,
      narrative: narrative.length,
      models: models.length,
      audit: nAudit,
      bigPlanId,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  } finally {
    ctx.close();
  }
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
if (process.argv[1]?.endsWith('large-db.ts')) {
  const out = arg('--out') ?? '/tmp/danvan-large.sqlite';
  const num = (n: string, d: number) => (arg(n) === undefined ? d : Number(arg(n)));
  const s = await buildLargeDb(out, {
    units: num('--units', LARGE_DEFAULTS.units),
    years: num('--years', LARGE_DEFAULTS.years),
    plansPerYear: num('--plans-per-year', LARGE_DEFAULTS.plansPerYear),
  });
  console.log(`${out}: ${JSON.stringify(s)}`);
}
