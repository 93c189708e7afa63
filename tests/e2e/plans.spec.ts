// Plans e2e: a plan document dropped on the Kế hoạch page becomes a ready plan (fields pre-filled, targets matched
// or created, units assigned) that shows on the overview; bad files save nothing; copy to a new period; the
// indicator catalog; the register's Excel export and import with preview.
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type AppFixture } from './fixtures';
import { dispatch } from '../../src-main/rpc/dispatch';
import type { Channel, In, Out } from '../../src-main/contract/index';
import { todayInVietnam } from '../../src-main/text/vi-date';
import { toTcvn3 } from '../fixtures/gen/report-workbooks';

// Close the browser's sockets before the fixture stops the server: Chromium keeps a pre-opened connection that
// sends no request, and server.close() waits for Node's 60 s headers timeout on it ("Tearing down app exceeded
// the test timeout", seen in units.spec too). The real fix is server.closeAllConnections() in web-server close().
test.afterEach(async ({ page }) => {
  await page.context().close();
});

async function call<C extends Channel>(app: AppFixture, name: C, input: In<C>): Promise<Out<C>> {
  const env = await dispatch(name, input, app.ctx);
  if (!env.ok) throw new Error(env.error.message);
  return env.data as Out<C>;
}

const iso = (days: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const long = (d: string) => `ngày ${d.slice(8, 10)} tháng ${d.slice(5, 7)} năm ${d.slice(0, 4)}`;

/** A district plan as offices write them (header block, basis, period, targets, deadline, recipients, signer). */
function planText(d: { issued: string; basis: string; start: string; end: string; due: string }): string {
  return `LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU            Độc lập - Tự do - Hạnh phúc
Số: 25/KH-LĐLĐ                     Dương Minh Châu, ${long(d.issued)}

KẾ HOẠCH
Phối hợp tham gia làm công tác dân vận đợt II/${d.start.slice(0, 4)}

Căn cứ Kế hoạch số 15/KH-LĐLĐ ngày ${dmy(d.basis)} của Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh về việc phối hợp tham gia làm công tác dân vận đợt II.
Ban Thường vụ Liên đoàn Lao động huyện xây dựng kế hoạch phối hợp làm công tác dân vận như sau:
I. MỤC ĐÍCH, YÊU CẦU
- Các công đoàn cơ sở tích cực phối hợp chặt chẽ với các cơ quan, đơn vị lực lượng vũ trang và các tổ chức đoàn thể, chính trị xã hội để tham gia công tác dân vận tại các địa phương, cơ quan, doanh nghiệp.
- Tiếp tục đổi mới nội dung, hình thức, phương pháp tiến hành công tác dân vận với phương châm “Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”.
II. NỘI DUNG
1. Công tác tuyên truyền
- Tuyên truyền về đường lối, chủ trương của Đảng, chính sách, pháp luật của Nhà nước; Luật Thực hiện dân chủ ở cơ sở.
2. Nội dung hoạt động
- Mỗi công đoàn cơ sở thực hiện ít nhất 01 công trình có ý nghĩa chính trị ở địa phương.
- Vận động tặng 300 - 500 suất quà cho hộ nghèo, công nhân lao động khó khăn.
Đợt II, thời gian phối hợp làm công tác dân vận là 15 ngày (từ ngày ${dmy(d.start)} - ${dmy(d.end)}).
III. TỔ CHỨC THỰC HIỆN
1. Liên đoàn Lao động huyện xây dựng kế hoạch và chỉ đạo các công đoàn cơ sở vận động cán bộ, đoàn viên phối hợp với lực lượng vũ trang tham gia làm công tác dân vận.
Kết thúc đợt công tác báo cáo kết quả về Liên đoàn Lao động huyện trước ngày ${dmy(d.due)} để tổng hợp báo cáo./.

Nơi nhận:
- Ban TG-NC LĐLĐ tỉnh;
- Ban Dân vận Huyện ủy;
- Các CĐCS;
- Lưu: VT.
                                   TM. BAN THƯỜNG VỤ
                                   PHÓ CHỦ TỊCH



                                   Nguyễn Văn Minh
`;
}

async function seedUnits(app: AppFixture) {
  await call(app, 'units.save', { code: 'GD01', name: 'Công đoàn Trường Tiểu học Kim Đồng', sector: 'Giáo dục', members: 32 });
  await call(app, 'units.save', { code: 'GD02', name: 'Công đoàn Trường Mầm non Hoa Sen', sector: 'Giáo dục', members: 28 });
  await call(app, 'units.save', { code: 'YT01', name: 'Công đoàn Trung tâm Y tế huyện', sector: 'Y tế', members: 110 });
}

async function intake(page: Page, file: string) {
  await page.getByRole('button', { name: 'Tạo từ văn bản' }).click();
  await page.getByRole('dialog', { name: 'Tạo kế hoạch từ văn bản' }).getByTestId('file-input').setInputFiles(file);
}

test('a dropped plan document becomes a ready plan that shows on the overview', async ({ app, page }) => {
  await seedUnits(app);
  const d = { issued: iso(-3), basis: iso(-8), start: iso(2), end: iso(16), due: iso(20) };
  const file = join(app.dir, 'ke-hoach-25-dan-van-dot-2.txt');
  writeFileSync(file, planText(d));
  await app.open('#/plans');
  await expect(page.getByText('Chưa có kế hoạch nào')).toBeVisible();
  await app.shot('plans-register-empty');
  await intake(page, file);

  const editor = page.getByRole('dialog', { name: 'Kế hoạch mới từ văn bản' });
  await expect(editor.getByTestId('intake-summary')).toContainText('ke-hoach-25-dan-van-dot-2.txt');
  await expect(editor.getByLabel('Số văn bản')).toHaveValue('25/KH-LĐLĐ');
  await expect(editor.getByLabel('Ngày ban hành')).toHaveValue(dmy(d.issued));
  await expect(editor.getByLabel('Từ ngày')).toHaveValue(dmy(d.start));
  await expect(editor.getByLabel('Đến ngày')).toHaveValue(dmy(d.end));
  await expect(editor.getByLabel('Hạn báo cáo kết quả')).toHaveValue(dmy(d.due));
  await expect(editor.getByLabel('Họ và tên người ký')).toHaveValue('Nguyễn Văn Minh');
  await expect(editor.getByTestId('missing')).toHaveCount(0);
  await expect(editor.getByTestId('basis-row')).toHaveCount(1);
  await app.shot('plans-intake-filled');

  // targets found in the text: the first is matched to the catalog by words and unit, the second becomes a new indicator
  const found = editor.getByTestId('extracted-target');
  await expect(found).toHaveCount(2);
  await expect(found.nth(0).getByRole('combobox').locator('option:checked')).toContainText('CT18');
  await found.nth(0).getByRole('button', { name: 'Dùng' }).click();
  await expect(found.nth(0)).toContainText('Đã thêm vào chỉ tiêu');
  await found.nth(1).getByRole('button', { name: 'Tạo chỉ tiêu mới' }).click();
  await found.nth(1).getByLabel('Nội dung chỉ tiêu mới').fill('Suất quà tặng hộ nghèo trong đợt dân vận');
  await expect(found.nth(1).getByLabel('ĐVT')).toHaveValue('suất');
  await found.nth(1).getByRole('button', { name: 'Tạo và thêm' }).click();
  await expect(found.nth(1)).toContainText('Đã thêm vào chỉ tiêu');

  // edit a target inline: per base union, at least 2
  await editor.getByLabel('Phạm vi dòng 1').selectOption('per_unit');
  await editor.getByLabel('Tối thiểu dòng 1').fill('2');
  await expect(editor.getByLabel('Tối thiểu dòng 2')).toHaveValue('300');
  await expect(editor.getByLabel('Tối đa dòng 2')).toHaveValue('500');

  // units: the education sector
  await editor.getByLabel('Một khối').check();
  await editor.getByLabel('Khối phải báo cáo').selectOption('Giáo dục');
  await expect(editor.getByTestId('unit-count')).toHaveText('2 đơn vị phải báo cáo');
  await editor.getByLabel('Trạng thái').selectOption('ban_hanh');
  await app.shot('plans-editor-intake');
  await page.keyboard.press('Control+s');

  const detail = page.getByRole('dialog', { name: 'Kế hoạch 25/KH-LĐLĐ' });
  await expect(detail.getByTestId('plan-due')).toHaveText(`${dmy(d.due)}`);
  await expect(detail.getByTestId('due-badge')).toHaveText('Còn 20 ngày');
  await expect(detail.getByTestId('detail-targets')).toContainText('Suất quà tặng hộ nghèo trong đợt dân vận');
  await app.shot('plans-detail');

  const plan = app.ctx.db
    .prepare('SELECT id, number, issued_on, report_due_on, status, document_id, assignment_group FROM plans')
    .get() as Record<string, unknown>;
  expect(plan).toMatchObject({
    number: '25/KH-LĐLĐ',
    issued_on: d.issued,
    report_due_on: d.due,
    status: 'ban_hanh',
    assignment_group: 'Giáo dục',
  });
  expect(plan.document_id).not.toBeNull();
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plan_units WHERE plan_id = ?').get(plan.id)).toEqual({ n: 2 });
  const targets = app.ctx.db
    .prepare(
      'SELECT i.code, t.scope, t.target_min AS min, t.target_max AS max FROM plan_targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.plan_id = ? ORDER BY t.position',
    )
    .all(plan.id);
  expect(targets).toEqual([
    { code: 'CT18', scope: 'per_unit', min: 2, max: null },
    { code: 'CT53', scope: 'total', min: 300, max: 500 },
  ]);
  // the attached source document comes back as the same bytes
  const download = page.waitForEvent('download');
  await detail.getByRole('button', { name: 'Mở văn bản gốc' }).click();
  expect((await download).suggestedFilename()).toBe('ke-hoach-25-dan-van-dot-2.txt');

  await detail.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('plans-table')).toContainText('Còn 20 ngày');
  await expect(page.getByTestId('plans-count')).toContainText('1 / 1 kế hoạch');
  await page.getByTestId('plans-search').fill('dan van dot ii');
  await expect(page.getByTestId('plans-count')).toContainText('1 / 1 kế hoạch');
  await page.getByTestId('plans-search').fill('mo hinh');
  await expect(page.getByTestId('plans-count')).toContainText('0 / 1 kế hoạch');
  await page.getByTestId('plans-search').fill('');
  await app.shot('plans-register');

  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổng quan' }).click();
  await expect(page.getByTestId('kpi-units')).toHaveText('3');
  await expect(page.getByTestId('kpi-plans')).toHaveText('1');
  const upcoming = page.getByTestId('upcoming');
  await expect(upcoming).toContainText('25/KH-LĐLĐ');
  await expect(upcoming).toContainText('Còn 20 ngày');
  await expect(page.getByTestId('in-progress')).toContainText('0/2 đơn vị đã nộp');
  await app.shot('overview');
  await upcoming.getByRole('button', { name: /25\/KH-LĐLĐ/ }).click();
  await expect(page).toHaveURL(new RegExp(`#/plans\\?id=${String(plan.id)}$`));
  await expect(page.getByRole('dialog', { name: 'Kế hoạch 25/KH-LĐLĐ' })).toBeVisible();
});

test('fields the document does not give are marked, and warnings are shown beside them', async ({ app, page }) => {
  const file = join(app.dir, 'ke-hoach-khong-so.txt');
  writeFileSync(
    file,
    `KẾ HOẠCH
Phối hợp, tham gia làm công tác dân vận (đợt 1 năm 2019)
Thực hiện Kế hoạch số 71- KH/LĐLĐ, ngày 12/75/2019 của Ban Thường vụ Liên đoàn Lao động tỉnh về việc phối hợp liên ngành làm công tác dân vận đợt 1 năm 2019.
I- Mục đích, yêu cầu
- Các công đoàn cơ sở tích cực phối hợp chặt chẽ với các cơ quan, đơn vị lực lượng vũ trang.
- Đợt 1 năm 2019, thời gian phối hợp làm công tác dân vận là 15 ngày (từ ngày 16/7/2019 – 30/7/2019).
Kết thúc đợt công tác báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 31/7/2019 để tổng hợp báo cáo./.
`,
  );
  await app.open('#/plans');
  await intake(page, file);
  const editor = page.getByRole('dialog', { name: 'Kế hoạch mới từ văn bản' });
  await expect(editor.getByTestId('intake-summary')).toContainText('mục chưa tìm thấy');
  const number = editor.locator('label', { has: page.getByText('Số văn bản') });
  await expect(number.getByTestId('missing')).toHaveText('Chưa tìm thấy — hãy nhập');
  await expect(editor.getByLabel('Hạn báo cáo kết quả')).toHaveValue('31/07/2019');
  await expect(editor.getByText('"12/75/2019" không phải ngày có thật')).toBeVisible();
  await app.shot('plans-intake-missing');
  await editor.getByLabel('Số văn bản').fill('40/KH-LĐLĐ');
  await expect(number.getByTestId('missing')).toHaveCount(0);
  // a field error from the server is shown beside the input
  await editor.getByLabel('Từ ngày').fill('10/08/2019');
  await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(editor.getByLabel('Đến ngày')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByTestId('plan-save-error')).toContainText('Ngày kết thúc phải sau ngày bắt đầu');
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plans').get()).toEqual({ n: 0 });
  await editor.getByLabel('Từ ngày').fill('16/07/2019');
  await editor.getByRole('button', { name: 'Lưu kế hoạch' }).click();
  await expect(page.getByRole('dialog', { name: 'Kế hoạch 40/KH-LĐLĐ' })).toBeVisible();
  expect(app.ctx.db.prepare('SELECT number, starts_on, period_label FROM plans').get()).toEqual({
    number: '40/KH-LĐLĐ',
    starts_on: '2019-07-16',
    period_label: 'Đợt 1 năm 2019',
  });
});

test('a plan typed in the old TCVN3 font is converted, and the user is told to check it', async ({ app, page }) => {
  const file = join(app.dir, 'ke-hoach-tcvn3.txt');
  // As a .VnTime document reads once its font is gone: TCVN3 bytes shown as Latin-1 letters.
  writeFileSync(
    file,
    [
      'KẾ HOẠCH',
      toTcvn3('Phối hợp làm công tác dân vận đợt 1 năm 2019'),
      toTcvn3('Thời gian từ ngày 16/7/2019 đến ngày 30/7/2019; mỗi công đoàn cơ sở thực hiện ít nhất 01 công trình dân vận.'),
      toTcvn3('Các đơn vị báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 31/7/2019.'),
    ].join('\n'),
  );
  await app.open('#/plans');
  await intake(page, file);
  const editor = page.getByRole('dialog', { name: 'Kế hoạch mới từ văn bản' });
  await expect(editor.getByTestId('intake-summary').getByRole('note')).toContainText('bảng mã cũ TCVN3');
  await expect(editor.getByLabel('Hạn báo cáo kết quả')).toHaveValue('31/07/2019');
  await expect(editor.getByLabel('Trích yếu (tên kế hoạch)')).toHaveValue(/Phối hợp làm công tác dân vận/);
  await app.shot('plans-intake-tcvn3');
});

test("an old .doc or an empty file gets the reader's message and saves nothing", async ({ app, page }) => {
  const doc = join(app.dir, 'ke-hoach-cu.doc');
  writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]));
  const empty = join(app.dir, 'trong.txt');
  writeFileSync(empty, '');
  await app.open('#/plans');
  await intake(page, doc);
  const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch từ văn bản' });
  await expect(dialog.getByTestId('intake-error')).toContainText('Word cũ (.doc)');
  await expect(dialog.getByTestId('intake-error')).toContainText('Lưu thành');
  await app.shot('plans-intake-bad-file');
  await dialog.getByTestId('file-input').setInputFiles(empty);
  await expect(dialog.getByTestId('intake-error')).toContainText('rỗng');
  await expect(page.getByRole('dialog', { name: /Kế hoạch mới/ })).toHaveCount(0);
  expect(app.ctx.db.prepare('SELECT (SELECT COUNT(*) FROM plans) AS plans, (SELECT COUNT(*) FROM documents) AS docs').get()).toEqual({
    plans: 0,
    docs: 0,
  });
});

test('copy a plan to a new period, then delete the draft copy', async ({ app, page }) => {
  await seedUnits(app);
  const [ind] = await call(app, 'indicators.list', {});
  const src = await call(app, 'plans.save', {
    title: 'Phối hợp làm công tác dân vận đợt I/2025',
    number: '12/KH-LĐLĐ',
    issuedOn: '2025-06-20',
    periodLabel: 'Đợt I/2025',
    startsOn: '2025-07-01',
    endsOn: '2025-07-15',
    reportDueOn: '2025-07-20',
    status: 'da_tong_ket',
    targets: [{ indicatorId: ind!.id, min: 3 }],
  });
  await app.open(`#/plans?id=${src.id}`);
  const detail = page.getByRole('dialog', { name: 'Kế hoạch 12/KH-LĐLĐ' });
  await expect(detail.getByRole('button', { name: 'Xoá' })).toHaveCount(0); // only drafts can be deleted
  await detail.getByRole('button', { name: 'Sao chép sang đợt mới' }).click();
  const form = detail.getByTestId('copy-form');
  await form.getByLabel('Ngày bắt đầu đợt mới').fill('16/12/2025');
  await form.getByLabel('Đợt', { exact: true }).fill('Đợt II/2025');
  await form.getByLabel('Trích yếu').fill('Phối hợp làm công tác dân vận đợt II/2025');
  await app.shot('plans-copy');
  await form.getByRole('button', { name: 'Tạo bản sao' }).click();
  const copy = page.getByRole('dialog', { name: 'Kế hoạch (chưa có số)' });
  await expect(copy).toContainText('Phối hợp làm công tác dân vận đợt II/2025');
  await expect(copy.getByTestId('plan-due')).toHaveText('04/01/2026');
  expect(app.ctx.db.prepare('SELECT status, starts_on, ends_on, report_due_on, period_label FROM plans WHERE id != ?').get(src.id)).toEqual(
    { status: 'du_thao', starts_on: '2025-12-16', ends_on: '2025-12-30', report_due_on: '2026-01-04', period_label: 'Đợt II/2025' },
  );

  page.once('dialog', (d) => void d.accept());
  await copy.getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByText('Đã xoá kế hoạch')).toBeVisible();
  await expect(page.getByTestId('plans-count')).toContainText('1 / 1 kế hoạch');
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plans').get()).toEqual({ n: 1 });
});

test('indicator catalog: add, duplicate code refused, retire and restore', async ({ app, page }) => {
  await app.open('#/plans');
  await page.getByRole('tab', { name: 'Danh mục chỉ tiêu' }).click();
  await expect(page).toHaveURL(/tab=chi-tieu/);
  await expect(page.getByTestId('indicator-row')).toHaveCount(52);
  await page.getByRole('button', { name: '+ Thêm chỉ tiêu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm chỉ tiêu' });
  await expect(dialog.getByLabel('Mã chỉ tiêu')).toHaveValue('CT53');
  await dialog.getByLabel('Nội dung chỉ tiêu').fill('Số hộ được hỗ trợ chuyển đổi số');
  await dialog.getByLabel('Đơn vị tính (ĐVT)').fill('hộ');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu chỉ tiêu CT53')).toBeVisible();
  await expect(page.getByTestId('indicator-row')).toHaveCount(53);
  await page.getByTestId('indicators-search').fill('chuyen doi so');
  await expect(page.getByTestId('indicator-row')).toHaveCount(1);
  await expect(page.getByTestId('indicator-row')).toContainText('hộ');
  await page.getByTestId('indicators-search').fill('');

  await page.getByRole('button', { name: '+ Thêm chỉ tiêu' }).click();
  await dialog.getByLabel('Mã chỉ tiêu').fill('ct01');
  await dialog.getByLabel('Nội dung chỉ tiêu').fill('Trùng mã');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog.getByText('Mã đã tồn tại')).toBeVisible();
  await dialog.getByRole('button', { name: 'Huỷ' }).click();

  await page.getByRole('button', { name: 'Ngừng dùng chỉ tiêu CT01' }).click();
  await expect(page.getByRole('button', { name: 'Dùng lại chỉ tiêu CT01' })).toBeVisible();
  await expect(page.getByTestId('indicator-row').first().locator('.badge')).toHaveText('Ngừng dùng');
  expect(app.ctx.db.prepare("SELECT retired FROM indicators WHERE code = 'CT01'").get()).toEqual({ retired: 1 });
  await app.shot('plans-catalog');
  await page.getByLabel('Hiện chỉ tiêu ngừng dùng').uncheck();
  await expect(page.getByTestId('indicator-row')).toHaveCount(52);
  await page.getByLabel('Hiện chỉ tiêu ngừng dùng').check();
  await page.getByRole('button', { name: 'Dùng lại chỉ tiêu CT01' }).click();
  await expect(page.getByRole('button', { name: 'Ngừng dùng chỉ tiêu CT01' })).toBeVisible();
  expect(app.ctx.db.prepare("SELECT retired FROM indicators WHERE code = 'CT01'").get()).toEqual({ retired: 0 });
});

test('the register is exported to Excel and imported with a preview first', async ({ app, page }) => {
  const file = join(app.dir, 'so-cu.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ');
  ws.addRow(['SỔ THEO DÕI KẾ HOẠCH NĂM 2024']);
  ws.addRow([]);
  ws.addRow(['STT', 'Số', 'Ngày', 'Trích yếu', 'Đợt', 'Hạn báo cáo', 'Trạng thái']);
  ws.addRow([
    1,
    '05/KH-LĐLĐ',
    '10/03/2024',
    'Tiếp tục đẩy mạnh phong trào thi đua "Dân vận khéo" năm 2024',
    'Năm 2024',
    '22/11/2024',
    'Đã tổng kết',
  ]);
  ws.addRow([2, '18/KH-LĐLĐ', '02/07/2024', 'Phối hợp làm công tác dân vận đợt I/2024', 'Đợt I/2024', '31/13/2024', 'Đã tổng kết']);
  await wb.xlsx.writeFile(file);

  await app.open('#/plans');
  await page.getByRole('button', { name: 'Nhập sổ' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập sổ kế hoạch từ Excel' });
  await dialog.getByTestId('file-input').setInputFiles(file);
  await expect(dialog.getByTestId('register-import-summary')).toContainText('2 kế hoạch sẽ thêm');
  await expect(dialog).toContainText('"31/13/2024" không phải ngày hợp lệ');
  expect(app.ctx.db.prepare('SELECT COUNT(*) AS n FROM plans').get()).toEqual({ n: 0 });
  await dialog.getByRole('button', { name: 'Nhập 2 kế hoạch' }).click();
  await expect(page.getByText('Đã nhập 2 kế hoạch vào sổ')).toBeVisible();
  await expect(page.getByTestId('plans-count')).toContainText('2 / 2 kế hoạch');
  await page.getByLabel('Lọc theo loại kế hoạch').selectOption('dan_van_kheo');
  await expect(page.getByTestId('plans-count')).toContainText('1 / 2 kế hoạch');
  await page.getByLabel('Lọc theo loại kế hoạch').selectOption('');
  await page.getByLabel('Lọc theo năm').selectOption('2024');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất sổ Excel' }).click();
  const out = await download;
  expect(out.suggestedFilename()).toBe('so-theo-doi-ke-hoach-2024.xlsx');
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(await out.path());
  const cells: string[] = [];
  back.worksheets[0]!.eachRow((r) => r.eachCell((c) => void cells.push(String(c.value))));
  expect(cells).toContain('05/KH-LĐLĐ');
  expect(cells).toContain('18/KH-LĐLĐ');
});
