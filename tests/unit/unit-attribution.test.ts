// How the báo cáo names the units behind a sentence: base unions as "CĐCS …", an upper-level union (a district's
// LĐLĐ at the province level) by its own name, never "CĐCS Liên đoàn Lao động huyện …".
import { describe, expect, it } from 'vitest';
import { attribution, shortUnitName } from '../../src-main/text/unit-attribution';

describe('unit attribution', () => {
  it('base unions are named CĐCS once', () => {
    expect(shortUnitName('Công đoàn Trường THCS Lê Lợi')).toBe('CĐCS Trường THCS Lê Lợi');
    expect(shortUnitName('CĐCS Trạm Y tế xã Bình An')).toBe('CĐCS Trạm Y tế xã Bình An');
  });
  it('districts and industry unions keep their names', () => {
    expect(shortUnitName('Liên đoàn Lao động huyện Hậu Lộc')).toBe('Liên đoàn Lao động huyện Hậu Lộc');
    expect(shortUnitName('LĐLĐ huyện Nga Sơn')).toBe('LĐLĐ huyện Nga Sơn');
    expect(shortUnitName('Công đoàn ngành Giáo dục')).toBe('Công đoàn ngành Giáo dục');
    const six = ['Hậu Lộc', 'Nga Sơn', 'Hoằng Hóa', 'Thọ Xuân', 'Vĩnh Lộc', 'Yên Định'].map((n, i) => ({
      code: `H${i}`,
      name: `Liên đoàn Lao động huyện ${n}`,
    }));
    expect(attribution(six)).toBe(
      '(Liên đoàn Lao động huyện Hậu Lộc, Liên đoàn Lao động huyện Nga Sơn, Liên đoàn Lao động huyện Hoằng Hóa và 3 đơn vị khác)',
    );
  });
});
