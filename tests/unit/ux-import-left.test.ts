// The report import result counts every dropped file (issue #14): files left out of the commit are listed with why.
import { expect, it } from 'vitest';
import { leftOut, refusedAtDrop } from '../../src-renderer/lib/import-left';
import { newItem } from '../../src-renderer/lib/report-import';
import type { PreviewFile } from '../../src-main/contract/reports';

const preview = (fileName: string, p: Partial<PreviewFile> = {}): PreviewFile => ({
  index: 0,
  fileName,
  size: 1000,
  sha256: fileName,
  status: 'new',
  reason: '',
  unit: { id: 1, code: 'U01', name: 'Công đoàn A' },
  unitSure: true,
  unitCandidates: [],
  receivedOn: '2024-01-02',
  template: false,
  reader: 'fast',
  title: null,
  narrativeCount: 0,
  replaces: null,
  issues: [],
  rows: [{ label: 'Số buổi tuyên truyền', cell: 'Báo cáo!6', value: 3, value2: null, indicatorId: 10, sure: true, how: 'label' }],
  ...p,
});

it('lists each file the commit did not take, with its kind and reason', () => {
  const ok = newItem(0, preview('ok.xlsx'), 'email');
  const dup = newItem(1, preview('dup.xlsx', { status: 'duplicate', reason: 'Tệp này đã được nhập trước đây.' }), 'email');
  const bad = newItem(2, preview('bad.xlsx', { status: 'error', reason: 'Tệp bị hỏng.' }), 'email');
  const off = newItem(3, preview('off.xlsx'), 'email');
  off.d.include = false;
  const wait = newItem(4, preview('wait.xlsx', { status: 'confirm', unitSure: false }), 'email');
  const left = leftOut([ok, dup, bad, off, wait], new Set([ok]), new Set([1]));
  expect(left.map((l) => [l.file, l.kind])).toEqual([
    ['dup.xlsx', 'duplicate'],
    ['bad.xlsx', 'error'],
    ['off.xlsx', 'skipped'],
    ['wait.xlsx', 'waiting'],
  ]);
  expect(left[0]?.reason).toBe('Tệp này đã được nhập trước đây.');
  expect(left[1]?.reason).toBe('Tệp bị hỏng.');
  expect(leftOut([ok], new Set([ok]), new Set([1]))).toEqual([]);
  expect(refusedAtDrop(['anh.jpg'], 'Không phải bảng tính')).toEqual([
    { file: 'anh.jpg', kind: 'refused', reason: 'Không phải bảng tính' },
  ]);
});
