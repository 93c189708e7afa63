// The template's words about a unit and a measure: the unit named once in the header (no "CÔNG ĐOÀN CĐCS …"), and
// the second measure named from its unit ("Trị giá (triệu đồng)"), never "Trị giá / số lượng thứ hai".
import { describe, expect, it } from 'vitest';
import { secondMeasureLabel, unitHeaderLine } from '../../../src-main/excel/report-template-text';

describe('unitHeaderLine', () => {
  it.each([
    ['Công đoàn Trường THCS Lê Lợi', 'CÔNG ĐOÀN TRƯỜNG THCS LÊ LỢI'],
    ['CĐCS Trường Tiểu học Kim Đồng', 'CĐCS TRƯỜNG TIỂU HỌC KIM ĐỒNG'],
    ['Công đoàn cơ sở Trạm Y tế xã', 'CÔNG ĐOÀN CƠ SỞ TRẠM Y TẾ XÃ'],
    ['CĐ Ngành Giáo dục', 'CĐ NGÀNH GIÁO DỤC'],
    ['Trường Mầm non Hoa Sen', 'CÔNG ĐOÀN TRƯỜNG MẦM NON HOA SEN'],
    ['Công ty TNHH May Việt Thắng', 'CÔNG ĐOÀN CÔNG TY TNHH MAY VIỆT THẮNG'],
    ['  công   đoàn  UBND xã Bàu Năng ', 'CÔNG ĐOÀN UBND XÃ BÀU NĂNG'],
  ])('%s -> %s', (name, line) => {
    expect(unitHeaderLine(name)).toBe(line);
    expect(line.match(/CÔNG ĐOÀN|CĐCS|^CĐ /g)?.length).toBe(1);
  });
});

describe('secondMeasureLabel', () => {
  it('names money as Trị giá and anything else as a count, with its unit', () => {
    expect(secondMeasureLabel('triệu đồng')).toBe('Trị giá (triệu đồng)');
    expect(secondMeasureLabel('đồng')).toBe('Trị giá (đồng)');
    expect(secondMeasureLabel('lượt người')).toBe('Số lượng (lượt người)');
  });
});
