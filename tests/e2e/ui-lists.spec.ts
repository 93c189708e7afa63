// Lists you can read and sort: a click on any column header of the units list sorts by it (Vietnamese
// alphabet, numbers as numbers, empty last), a second click reverses; a long unit name shows in full on hover
// (title) and with "Hiện đủ chữ"; the report list sorts the same way.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { call, seed } from './report-batch';

test.afterEach(async ({ page }) => {
  await page.context().close();
});

const LONG = 'CĐCS Công ty TNHH May mặc Xuất khẩu Thành Công Tây Ninh – Chi nhánh Khu công nghiệp Trảng Bàng số';
const codes = (page: Page) => page.locator('[role="listbox"] .vrow .c-code').allTextContents();

test('the units list sorts by each column, both ways', async ({ app, page }) => {
  const units = [
    {
      code: 'CD010',
      name: 'Công đoàn Trường Tiểu học Ánh Dương',
      kind: 'cdcs',
      sector: 'Giáo dục',
      members: 120,
      chair: 'Nguyễn Văn Bình',
      phone: '0903 111 222',
    },
    { code: 'CD002', name: `${LONG} 2`, kind: 'cap_tren', sector: 'Doanh nghiệp', members: 9, chair: 'Đỗ Thị An', phone: '0276 382 001' },
    { code: 'CD003', name: `${LONG} 3`, kind: 'nghiep_doan', sector: null, members: 1500, chair: 'Dương Văn Tư', phone: null },
    { code: 'CD001', name: 'Bưu điện huyện', kind: 'khac', sector: 'Hành chính sự nghiệp', members: null, chair: null, phone: '0276 111' },
  ] as const;
  const ids: number[] = [];
  for (const u of units) ids.push((await call(app.ctx, 'units.save', { ...u })).id);
  await call(app.ctx, 'units.setActive', { id: ids[3]!, active: false });
  await app.open('#/units');
  await page.getByLabel('Lọc theo trạng thái').selectOption('all');
  await expect(page.getByTestId('units-count')).toContainText('4 / 4 đơn vị');

  const head = (key: string) => page.locator(`button[data-sort-key="${key}"]`);
  // [column, ascending order, how many rows have that cell empty (they stay last both ways)]
  const expectations: [string, string[], number][] = [
    ['code', ['CD001', 'CD002', 'CD003', 'CD010'], 0],
    // Vietnamese alphabet: B < CĐ < Cô (đ comes right after d, before o/ô); "số 2" before "số 3"
    ['name', ['CD001', 'CD002', 'CD003', 'CD010'], 0],
    ['kind', ['CD002', 'CD010', 'CD001', 'CD003'], 0], // Công đoàn cấp trên < … cơ sở < Khác < Nghiệp đoàn
    ['sector', ['CD002', 'CD010', 'CD001', 'CD003'], 1], // Doanh nghiệp, Giáo dục, Hành chính…, (empty)
    ['members', ['CD002', 'CD010', 'CD003', 'CD001'], 1], // 9 < 120 < 1500 as numbers, then empty
    ['chair', ['CD003', 'CD002', 'CD010', 'CD001'], 1], // Dương < Đỗ < Nguyễn, then empty
    ['phone', ['CD001', 'CD002', 'CD010', 'CD003'], 1],
  ];
  for (const [key, order, empty] of expectations) {
    await head(key).click();
    await expect.poll(() => codes(page), `sorted by ${key}`).toEqual(order);
    await expect(head(key)).toHaveAttribute('data-sort', 'ascending');
    await head(key).click();
    const filled = order.slice(0, order.length - empty);
    await expect
      .poll(() => codes(page), `sorted by ${key}, descending`)
      .toEqual([...filled.reverse(), ...order.slice(order.length - empty)]);
    await expect(head(key)).toHaveAttribute('data-sort', 'descending');
    await head(key).click(); // third click: back to the list's own order
    await expect(head(key)).toHaveAttribute('data-sort', 'none');
  }
  // status: the units still followed come first, the one no longer followed last; reversed, it comes first
  await head('status').click();
  await expect.poll(async () => (await codes(page)).at(-1)).toBe('CD001');
  await head('status').click();
  await expect.poll(async () => (await codes(page))[0]).toBe('CD001');
  await app.shot('ui-units-sorted');
});

test('a long unit name is cut in the list but shows fully on hover and with "Hiện đủ chữ"', async ({ app, page }) => {
  await call(app.ctx, 'units.save', { code: 'CD002', name: `${LONG} 2` });
  await call(app.ctx, 'units.save', { code: 'CD003', name: `${LONG} 3` });
  await app.open('#/units');
  const name = page.getByRole('button', { name: `${LONG} 3` });
  await expect(name).toHaveAttribute('title', `${LONG} 3`);
  const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(cut, 'the name is long enough to be cut at 1366 px').toBe(true);
  await page.getByRole('button', { name: 'Hiện đủ chữ' }).click();
  await expect(page.getByRole('button', { name: 'Thu gọn dòng' })).toHaveAttribute('aria-pressed', 'true');
  // wrapped: the text now runs over more than one line and the end ("số 3") is inside the visible box
  const fits = await name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().height > 24);
  expect(fits).toBe(true);
});

test('the report list of a plan sorts by code and unit name; the long name is in its title', async ({ app, page }) => {
  const { plan } = await seed(app.ctx);
  app.ctx.db.prepare('UPDATE units SET name = ? WHERE code = ?').run(`${LONG} 2`, 'U02');
  await app.open(`#/reports?plan=${plan.id}`);
  await expect(page.getByTestId('reports-stats')).toContainText('12 chưa nộp');
  const rowCodes = () => page.locator('[data-testid="report-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-unit')));
  await page.locator('button[data-sort-key="code"]').click();
  await page.locator('button[data-sort-key="code"]').click();
  await expect.poll(rowCodes).toEqual(['U12', 'U11', 'U10', 'U09', 'U08', 'U07', 'U06', 'U05', 'U04', 'U03', 'U02', 'U01']);
  await page.locator('button[data-sort-key="name"]').click();
  // "CĐCS …" sorts before every "Công đoàn …": in Vietnamese đ comes right after d, before o and ô
  await expect.poll(async () => (await rowCodes())[0]).toBe('U02');
  await page.locator('button[data-sort-key="name"]').click();
  await expect.poll(async () => (await rowCodes()).at(-1)).toBe('U02');
  await expect(page.locator('[data-testid="report-row"][data-unit="U02"] span')).toHaveAttribute('title', `${LONG} 2`);
});

test('a plain table sorts too: the indicator catalog by code and by unit, inside each group', async ({ app, page }) => {
  await app.open('#/plans?tab=chi-tieu');
  const table = page.getByTestId('indicators-table');
  const firstGroup = () => table.locator('tbody').first().locator('[data-testid="indicator-row"] td:first-child').allTextContents();
  const before = await firstGroup();
  expect(before.length).toBeGreaterThan(2);
  await table.locator('button[data-sort-key="code"]').click();
  await table.locator('button[data-sort-key="code"]').click();
  await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
  await expect.poll(firstGroup).toEqual([...before].sort().reverse());
  await table.locator('button[data-sort-key="unit"]').click();
  const units = () => table.locator('tbody').first().locator('[data-testid="indicator-row"] td:nth-child(3)').allTextContents();
  const shown = await units();
  const filled = shown.filter(Boolean);
  expect(filled).toEqual([...filled].sort(new Intl.Collator('vi').compare));
  expect(shown.slice(filled.length).every((u) => u === '')).toBe(true);
});
