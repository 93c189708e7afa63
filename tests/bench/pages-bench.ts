// Page timings at province scale (issue #17: every page interactive ≤ 300 ms with 5,000 units and 10 years of plans
// and reports): browser mode on the generated large database (tests/bench/large-db.ts; built first when missing), in
// Debian Chromium, each page opened N times from Cài đặt; the time is the renderer's own measure (src-renderer/lib/
// perf-marks.ts: navigation -> the page's data rendered). Beside it, the page's slowest call as the browser saw it (request sent ->
// first byte: time queued behind earlier calls on the one server thread plus the handler itself).
// Prints a table (median of N visits) and, with --json, one JSON document. Asserts nothing. --pages tong-hop,kiem-tra measures
// only those pages (by their measure name's end); --after-change writes a reminder before each visit (a data change: every
// result computed from the data is computed again, as on the first visit after an import); --calls lists the last visit's calls.
// Needs `npm run build` first. Run: npx tsx tests/bench/pages-bench.ts [--db FILE] [--visits 5] [--pages a,b] [--after-change] [--json]
import { chromium, type Page, type Request } from '@playwright/test';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../../src-main/runtime/create-context';
import { startWebServer } from '../../src-main/runtime/web-server';
import { dispatch } from '../../src-main/rpc/dispatch';
import { buildLargeDb } from './large-db';

const GOAL_MS = 300;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const visits = Number(arg('--visits') ?? 5);
const json = process.argv.includes('--json');
const afterChange = process.argv.includes('--after-change');
const only = arg('--pages')?.split(',');
const showCalls = process.argv.includes('--calls');
const log = (s: string) => {
  if (!json) console.log(s);
};
const staticDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('Chưa có bản dựng giao diện: chạy "npm run build" trước.');
  process.exit(2);
}

const source = arg('--db') ?? join(tmpdir(), 'danvan-large.sqlite');
if (!existsSync(source)) {
  log(`Đang tạo dữ liệu lớn ${source} (khoảng một phút)…`);
  await buildLargeDb(source);
}
// the bench works on a copy: opening a page may write (settings, reminders), the generated file stays as made
const dir = mkdtempSync(join(tmpdir(), 'danvan-pages-'));
const dbFile = join(dir, 'large.sqlite');
copyFileSync(source, dbFile);
const ctx = createContext({ mode: 'cli', dbFile, version: 'bench' }); // 'cli': no daily backup of the 400 MB file
const bigPlan = ctx.db
  .prepare("SELECT plan_id AS id FROM reports WHERE status = 'active' GROUP BY plan_id ORDER BY COUNT(*) DESC, plan_id DESC LIMIT 1")
  .get() as { id: number };
const firstUnit = ctx.db.prepare('SELECT id FROM units ORDER BY id LIMIT 1').get() as { id: number };
const server = await startWebServer({ ctx, staticDir });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });

interface Row {
  page: string;
  label: string;
  medianMs: number | null;
  runsMs: number[];
  slowestCall: string;
  slowestCallMs: number | null;
}
const PAGES: { label: string; measure: string; hash: string }[] = [
  { label: 'Tổng quan', measure: 'overview', hash: '#/overview' },
  { label: 'Tổng quan: biểu đồ', measure: 'overview.charts', hash: '#/overview' },
  { label: 'Đơn vị', measure: 'units', hash: '#/units' },
  { label: 'Kế hoạch', measure: 'plans', hash: '#/plans' },
  { label: 'Báo cáo (kế hoạch lớn)', measure: 'reports', hash: `#/reports?plan=${bigPlan.id}` },
  { label: 'Theo dõi & tổng hợp', measure: 'reports.tong-hop', hash: `#/reports?plan=${bigPlan.id}&tab=tong-hop` },
  { label: 'Tổng hợp: số liệu', measure: 'reports.tong-hop-totals', hash: `#/reports?plan=${bigPlan.id}&tab=tong-hop` },
  { label: 'Dân vận khéo', measure: 'models', hash: '#/models' },
  { label: 'Cài đặt', measure: 'settings', hash: '#/settings' },
  { label: 'Kiểm tra số liệu', measure: 'reports.kiem-tra', hash: `#/reports?plan=${bigPlan.id}&tab=kiem-tra` },
];

/** The /rpc calls in flight and the server time of each finished one (request sent -> first byte back). */
function watchCalls(page: Page) {
  const inFlight = new Set<Request>();
  const done: { name: string; ms: number; start: number; end: number; bytes: number }[] = [];
  const isRpc = (r: Request) => new URL(r.url()).pathname === '/rpc';
  page.on('request', (r) => {
    if (isRpc(r)) inFlight.add(r);
  });
  page.on('requestfailed', (r) => inFlight.delete(r));
  page.on('requestfinished', (r) => {
    if (!inFlight.delete(r)) return;
    const t = r.timing();
    const name = /"name":"([^"]+)"/.exec(r.postData() ?? '')?.[1] ?? '?';
    const entry = {
      name,
      ms: t.responseStart >= 0 ? t.responseStart - Math.max(0, t.requestStart) : -1,
      start: t.startTime,
      end: t.responseEnd,
      bytes: 0,
    };
    done.push(entry);
    if (showCalls)
      void r.sizes().then(
        (z) => (entry.bytes = z.responseBodySize),
        () => undefined,
      );
  });
  return {
    done,
    /** Until no call has been in flight for a moment (a page's late calls must not land in the next visit). */
    idle: async () => {
      const until = Date.now() + 180_000;
      let quietSince = Date.now();
      while (Date.now() < until) {
        if (inFlight.size) quietSince = Date.now();
        else if (Date.now() - quietSince > 250) return;
        await page.waitForTimeout(50);
      }
    },
  };
}

const rows: Row[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const calls = watchCalls(page);
  await page.goto(`${server.url}#/settings`);
  await page.locator('[data-ready="true"]').waitFor({ timeout: 60_000 });
  await calls.idle();
  for (const p of PAGES.filter((x) => !only || only.some((o) => x.measure.endsWith(o)))) {
    const runs: number[] = [];
    let slowest = { name: '', ms: -1 };
    for (let v = 0; v < visits; v++) {
      // from Cài đặt each time (Cài đặt itself from Đơn vị), so the page mounts afresh as when a user opens it from the sidebar
      const base = p.measure === 'settings' ? { hash: '#/units', measure: 'units' } : { hash: '#/settings', measure: 'settings' };
      if (!(await page.evaluate(() => location.hash)).startsWith(base.hash)) {
        await page.evaluate((b) => {
          performance.clearMeasures(`page:${b.measure}`);
          location.hash = b.hash;
        }, base);
        await page.waitForFunction((m) => performance.getEntriesByName(`page:${m}`, 'measure').length > 0, base.measure, {
          timeout: 180_000,
        });
        await calls.idle();
      }
      if (afterChange) {
        // a data change made while on Cài đặt (a reminder recorded): the page then opens on data it has not seen
        await dispatch('reminders.record', { planId: bigPlan.id, unitIds: [firstUnit.id], channel: 'phone', note: 'bench' }, ctx);
      }
      await page.evaluate((m) => performance.clearMeasures(`page:${m}`), p.measure);
      calls.done.length = 0;
      await page.evaluate((h) => {
        location.hash = h;
      }, p.hash);
      const ok = await page
        .waitForFunction((m) => performance.getEntriesByName(`page:${m}`, 'measure').length > 0, p.measure, { timeout: 180_000 })
        .then(
          () => true,
          () => false,
        );
      if (ok) runs.push(await page.evaluate((m) => performance.getEntriesByName(`page:${m}`, 'measure').at(-1)!.duration, p.measure));
      await calls.idle();
      for (const c of calls.done) if (c.ms > slowest.ms) slowest = c;
      if (showCalls && v === visits - 1) {
        // the last visit's calls: when each was sent after the first, its server time, when its answer ended, its size
        const t0 = Math.min(...calls.done.map((c) => c.start));
        for (const c of calls.done)
          log(
            `    ${c.name.padEnd(32)} +${Math.round(c.start - t0)} ms  máy chủ ${Math.round(c.ms)} ms  xong sau ${Math.round(c.end)} ms  ${Math.round(c.bytes / 1024)} KB`,
          );
      }
    }
    const sorted = [...runs].sort((a, b) => a - b);
    const row: Row = {
      page: p.measure,
      label: p.label,
      medianMs: sorted.length ? Math.round(sorted[Math.floor(sorted.length / 2)]!) : null,
      runsMs: runs.map(Math.round),
      slowestCall: slowest.name,
      slowestCallMs: slowest.ms >= 0 ? Math.round(slowest.ms) : null,
    };
    rows.push(row);
    log(
      `${row.label.padEnd(26)} ${String(row.medianMs ?? '—').padStart(7)} ms ${row.medianMs !== null && row.medianMs <= GOAL_MS ? 'đạt ' : 'CHƯA'}   lần đo ${row.runsMs.join(', ')}   gọi chậm nhất: ${row.slowestCall} ${row.slowestCallMs ?? '—'} ms (chờ + xử lý ở máy chủ)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
if (json) console.log(JSON.stringify({ goalMs: GOAL_MS, visits, planId: bigPlan.id, pages: rows }));
else
  log(
    `Mục tiêu ≤ ${GOAL_MS} ms mỗi trang (trung vị ${visits} lần mở): ${rows.filter((r) => r.medianMs !== null && r.medianMs <= GOAL_MS).length}/${rows.length} đạt.`,
  );
