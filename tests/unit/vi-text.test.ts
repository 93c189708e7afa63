import { describe, expect, it } from 'vitest';
import { clean, compareVi, fold, foldKey, matchesQuery } from '../../src-main/text/vi-text';
import { formatViNumber, parseViNumber } from '../../src-main/text/vi-number';
import {
  daysBetween,
  formatViDayMonth,
  formatViLongDate,
  isoDate,
  parseViDate,
  readViDateInput,
  readViDayMonthInput,
  todayInVietnam,
} from '../../src-main/text/vi-date';

describe('vi-text', () => {
  it('folds case, diacritics and đ', () => {
    expect(fold('Công đoàn Trường THCS Đống Đa')).toBe('cong doan truong thcs dong da');
    expect(foldKey('C.Đ  Trường-THCS')).toBe('c d truong thcs');
  });
  it('normalises NFD input to NFC and trims', () => {
    const nfd = 'Tr\u0301ường'.normalize('NFD');
    expect(clean(`  ${'Trường'.normalize('NFD')}\u00a0 `)).toBe('Trường');
    expect(clean(nfd)).toBe(nfd.normalize('NFC'));
    expect(clean(null)).toBeNull();
  });
  it('sorts in Vietnamese order', () => {
    const names = ['Ơn', 'Đống Đa', 'Ân Thi', 'Anh Sơn', 'Dương Nội', 'Ba Đình', 'Hà Đông', 'Ô Môn', 'Ấp Bắc'];
    expect([...names].sort(compareVi)).toEqual([
      'Anh Sơn',
      'Ân Thi',
      'Ấp Bắc',
      'Ba Đình',
      'Dương Nội',
      'Đống Đa',
      'Hà Đông',
      'Ô Môn',
      'Ơn',
    ]);
    expect(['CĐ 10', 'CĐ 2'].sort(compareVi)).toEqual(['CĐ 2', 'CĐ 10']);
  });
  it('matches diacritic-free multi-word queries', () => {
    expect(matchesQuery(fold('Công đoàn Trường THCS Lê Lợi'), 'cong doan truong thcs')).toBe(true);
    expect(matchesQuery(fold('Công đoàn Trường THCS Lê Lợi'), 'thcs le loi')).toBe(true);
    expect(matchesQuery(fold('Công đoàn Trường THCS Lê Lợi'), 'tieu hoc')).toBe(false);
  });
});

describe('vi-number', () => {
  it.each([
    ['45.500.000', 45500000, ''],
    ['1,5', 1.5, ''],
    ['1.234,5', 1234.5, ''],
    ['1,234.5', 1234.5, ''],
    ['600m', 600, 'm'],
    ['300 suất', 300, 'suất'],
    ['100%', 100, '%'],
    ['45.500', 45500, ''],
    ['0.75', 0.75, ''],
    ['-2', -2, ''],
    ['150 ĐVM', 150, 'ĐVM'],
  ])('parses %s', (text, value, suffix) => {
    expect(parseViNumber(text)).toEqual({ value, suffix });
  });
  it.each(['', 'không', 'x12', '1.23.4', '12/75/2019'])('rejects %s', (text) => {
    expect(parseViNumber(text)?.suffix ?? 'rejected').not.toBe('');
  });
  it('formats vi-VN', () => {
    expect(formatViNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatViNumber(null)).toBe('');
  });
});

describe('vi-date', () => {
  it('validates calendar dates', () => {
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2, 29)).toBeNull();
    expect(parseViDate('12/75/2019')).toBeNull();
    expect(parseViDate('5/1/2024')).toBe('2024-01-05');
  });
  it('formats documents and knows Vietnam time', () => {
    expect(formatViLongDate('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
    expect(todayInVietnam(new Date('2024-01-04T18:00:00Z'))).toBe('2024-01-05');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
  it('reads what a user types in a date field, day first, and says in dd/mm/yyyy terms what is wrong', () => {
    expect(readViDateInput('10/01/2024')).toEqual({ iso: '2024-01-10', error: null });
    expect(readViDateInput('31/12/2024')).toEqual({ iso: '2024-12-31', error: null });
    expect(readViDateInput('1-2-2024').iso).toBe('2024-02-01');
    expect(readViDateInput('01.02.2024').iso).toBe('2024-02-01');
    const feb = readViDateInput('31/02/2024');
    expect(feb.iso).toBeNull();
    expect(feb.error).toContain('31/02/2024');
    expect(feb.error).toContain('29 ngày');
    expect(readViDateInput('12/13/2024').error).toContain('tháng phải từ 1 đến 12');
    expect(readViDateInput('hôm qua').error).toContain('ngày/tháng/năm');
  });
  it('reads a yearly day-month and shows it back day first', () => {
    expect(readViDayMonthInput('13/3')).toEqual({ iso: '03-13', error: null });
    expect(readViDayMonthInput('29.02').iso).toBe('02-29');
    expect(readViDayMonthInput('31/4').error).toContain('30 ngày');
    expect(readViDayMonthInput('03-13').error).toContain('tháng phải từ 1 đến 12'); // old MM-DD form: refused, not guessed
    expect(formatViDayMonth('03-13')).toBe('13/03');
  });
});
