// The Tổng hợp tab in parts on a generated province-style database (200 units): the board (its first 30 rows, the
// next as the user scrolls), then the totals; a text indicator's answers past the first 100 come when the user scrolls
// to them; the footnote names the first 20 late units and the rest on request; the matrix and the narratives are asked
// when reached, and show the same figures as the totals row.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures';
import { buildLargeDb } from '../bench/large-db';
import { createContext } from '../../src-main/runtime/create-context';
import { startWebServer } from '../../src-main/runtime/web-server';

test('Tổng hợp: board first, then totals; text answers, matrix and narratives as the user reaches them', async ({ app, page }) => {
  test.setTimeout(180_000);
  const file = join(app.dir, 'parts.sqlite');
  const s = await buildLargeDb(file, { units: 200, years: 1, plansPerYear: 1 });
  const ctx = createContext({ mode: 'web', dbFile: file, version: 'e2e' });
  const server = await startWebServer({ ctx, staticDir: fileURLToPath(new URL('../../out/renderer/', import.meta.url)) });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${server.url}#/reports?plan=${s.bigPlanId}&tab=tong-hop`);
    await expect(page.getByTestId('kpi-expected')).toBeVisible();
    // the board shows its first 30 rows; the next 100 come when the user scrolls to its end
    const boardRows = page.getByTestId('track-row');
    await expect(boardRows).toHaveCount(30);
    const boardMore = page.getByText(/Đang hiện 30\/\d+ đơn vị/);
    const unitCount = Number(/\/(\d+) đơn vị/.exec((await boardMore.textContent()) ?? '')?.[1]);
    expect(unitCount).toBeGreaterThan(30);
    await boardMore.scrollIntoViewIfNeeded();
    await expect(boardRows).toHaveCount(Math.min(unitCount, 130));
    const texts = page.locator('tr.texts').first();
    await expect(texts.locator('li:not(.muted)')).toHaveCount(100);
    const more = texts.locator('li.muted');
    const all = Number(/\/(\d+) ý kiến/.exec((await more.textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(100);
    await more.scrollIntoViewIfNeeded();
    await expect(texts.locator('li:not(.muted)')).toHaveCount(Math.min(all, 200));

    // the footnote names the first 20 late units, the rest on request
    const foot = page.getByTestId('totals-footnote');
    const late = foot.locator('p').first();
    const lateCount = Number(/trễ hạn \((\d+)\)/.exec((await late.textContent()) ?? '')?.[1]);
    expect(lateCount).toBeGreaterThan(20);
    await expect(late).toContainText(`và ${lateCount - 20} đơn vị khác`);
    await foot.getByTestId('footnote-all').click();
    await expect(late).not.toContainText('đơn vị khác');
    expect(((await late.textContent()) ?? '').split('; ')).toHaveLength(lateCount);
    await foot.getByTestId('footnote-all').click();
    await expect(late).toContainText(`và ${lateCount - 20} đơn vị khác`);

    await page.locator('#bang-chi-tiet').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const matrix = page.getByTestId('matrix');
    await expect(matrix.locator('tbody tr').first().locator('td').first()).toBeVisible();
    // the totals row under the matrix and the totals table give the same figure for the first number column
    const firstTotal = await page.locator('[data-testid="total-row"]').first().getByTestId('total-value').innerText();
    await expect(matrix.locator('tfoot td').first()).toHaveText(firstTotal.split('\n')[0]!.trim());

    const narrative = page.getByTestId('narrative');
    await narrative.scrollIntoViewIfNeeded();
    await expect(narrative.locator('article').first()).toBeVisible();
  } finally {
    await server.close();
    ctx.close();
  }
});
