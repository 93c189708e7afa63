// Organisation names in running text in normal case (NĐ 30/2020): titleCaseOrg for a name typed in caps, and
// normalCaseOrgs for caps names quoted inside a sentence (a plan's căn cứ), leaving acronyms and numbers alone.
import { describe, expect, it } from 'vitest';
import { normalCaseOrgs, titleCaseOrg } from '../../../src-main/text/org-name';

describe('titleCaseOrg', () => {
  it.each([
    ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN DƯƠNG MINH CHÂU', 'Liên đoàn Lao động huyện Dương Minh Châu'],
    ['LIÊN ĐOÀN LAO ĐỘNG THỊ XÃ HÒA THÀNH', 'Liên đoàn Lao động thị xã Hòa Thành'],
    ['LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HỒ CHÍ MINH', 'Liên đoàn Lao động thành phố Hồ Chí Minh'],
    ['BAN CHẤP HÀNH CÔNG ĐOÀN CƠ SỞ', 'Ban Chấp hành Công đoàn cơ sở'],
    ['LĐLĐ TỈNH TÂY NINH', 'LĐLĐ tỉnh Tây Ninh'],
    ['LĐLĐ huyện Thăng Bình', 'LĐLĐ huyện Thăng Bình'],
  ])('%s → %s', (a, b) => expect(titleCaseOrg(a)).toBe(b));
});

describe('normalCaseOrgs', () => {
  it('puts a caps name inside a sentence in normal case, keeping acronyms, numbers and punctuation', () => {
    expect(
      normalCaseOrgs(
        'Căn cứ Kế hoạch số 233/KH-LĐLĐ ngày 16/11/2023 của LIÊN ĐOÀN LAO ĐỘNG TỈNH TÂY NINH về công tác dân vận đợt II/2023;',
      ),
    ).toBe('Căn cứ Kế hoạch số 233/KH-LĐLĐ ngày 16/11/2023 của Liên đoàn Lao động tỉnh Tây Ninh về công tác dân vận đợt II/2023;');
    expect(normalCaseOrgs('Chỉ thị của BAN THƯỜNG VỤ LĐLĐ TỈNH, các CĐCS.')).toBe('Chỉ thị của Ban Thường vụ LĐLĐ tỉnh, các CĐCS.');
  });

  it('leaves text without caps names as it is', () => {
    const s = 'Kế hoạch số 15/KH-LĐLĐ của LĐLĐ huyện về đợt II/2023 (CĐCS, ĐVCĐ).';
    expect(normalCaseOrgs(s)).toBe(s);
  });
});
