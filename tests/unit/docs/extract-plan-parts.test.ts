// Phrase-level behaviour of each extractor: numbers, date lines, windows, deadlines, targets, signer, recipients.
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../../src-main/docs/extract-plan';
import { parseReportDue } from '../../../src-main/docs/extract-plan/deadline';
import { parsePeriod } from '../../../src-main/docs/extract-plan/period';
import { parseTargets } from '../../../src-main/docs/extract-plan/targets';
import { findDates, findDocNumbers, foldSame, type Warning } from '../../../src-main/docs/extract-plan/text-tools';

const header = (lines: string[]) => extractPlan([...lines, '', 'KẾ HOẠCH', 'Tiêu đề thử'].join('\n'));

describe('document numbers', () => {
  it.each([
    ['Số: 15/KH-LĐLĐ', '15/KH-LĐLĐ'],
    ['Số 71-KH/LĐLĐ', '71-KH/LĐLĐ'],
    ['Số: 71-KH/ĐĐ', '71-KH/ĐĐ'],
    ['Số : 15 / KH - LĐLĐ', '15/KH-LĐLĐ'],
    ['Số:  233/ KH-LĐLĐ', '233/KH-LĐLĐ'],
    ['Số. 05 -KH/TĐTN-BTG', '05-KH/TĐTN-BTG'],
  ])('header "%s" -> %s', (line, expected) => {
    expect(header(['LĐLĐ HUYỆN X', line]).number).toBe(expected);
  });

  it('never takes a date for a document number', () => {
    expect(findDocNumbers('ngày 12/12/2023 và 16/7/2019 – 30/7/2019')).toEqual([]);
    expect(findDocNumbers('Luật số 10/2022/QH15').map((h) => h.value)).toEqual(['10/2022/QH15']);
  });
});

describe('date lines in the header', () => {
  it.each([
    ['Thăng Bình, ngày 05 tháng 7 năm 2019', 'Thăng Bình', '2019-07-05'],
    ['ngày 05 tháng 7 năm 2019', null, '2019-07-05'],
    ['Thăng Bình, ngày  5  tháng 07 năm 2019', 'Thăng Bình', '2019-07-05'],
    ['TP. Hồ Chí Minh, ngày 01 tháng 10 năm 2024', 'TP. Hồ Chí Minh', '2024-10-01'],
    ['Tây Ninh, ngày 5/1/2024', 'Tây Ninh', '2024-01-05'],
  ])('"%s"', (line, place, iso) => {
    const p = header(['LĐLĐ HUYỆN X', 'Số: 1/KH-LĐLĐ', line]);
    expect(p.place).toBe(place);
    expect(p.issuedOn).toBe(iso);
    expect(p.warnings).toEqual([]);
  });

  it('flags an impossible header date instead of inventing one', () => {
    const p = header(['Số: 1/KH-LĐLĐ', 'Tây Ninh, ngày 30 tháng 02 năm 2024']);
    expect(p.issuedOn).toBeNull();
    expect(p.warnings).toEqual([{ field: 'issuedOn', message: expect.stringContaining('không phải ngày có thật') }]);
  });

  it('reads Quốc hiệu and tiêu ngữ glued to the org names and drops them', () => {
    const p = header([
      'LĐLĐ TỈNH X CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'LĐLĐ HUYỆN Y Độc lập – Tự do – Hạnh phúc',
      'Số: 3/KH-LĐLĐ Y, ngày 01 tháng 02 năm 2024',
    ]);
    expect([p.parentIssuer, p.issuer, p.number, p.issuedOn]).toEqual(['LĐLĐ TỈNH X', 'LĐLĐ HUYỆN Y', '3/KH-LĐLĐ', '2024-02-01']);
  });

  it('numeric dates: 12/75/2019 is kept as written but has no ISO value', () => {
    const [hit] = findDates('ngày 12/75/2019');
    expect(hit).toMatchObject({ raw: '12/75/2019', iso: null });
    expect(findDates('ngày 8 /3/2023')[0]?.iso).toBe('2023-03-08');
    expect(findDates('ngày 05 tháng 01 năm 2024')[0]?.iso).toBe('2024-01-05');
  });
});

describe('campaign period', () => {
  const period = (title: string | null, body: string[]) => {
    const warnings: Warning[] = [];
    return { ...parsePeriod(title, body, warnings), warnings };
  };
  it.each([
    ['(từ ngày 16/7/2019 – 30/7/2019)', '2019-07-16', '2019-07-30'],
    ['từ ngày 16/12 đến ngày 30/12/2023', '2023-12-16', '2023-12-30'],
    ['từ ngày 28/12 đến ngày 05/01/2024', '2023-12-28', '2024-01-05'],
    ['từ 16 - 30/7/2019', '2019-07-16', '2019-07-30'],
    ['từ ngày 16 tháng 7 đến ngày 30 tháng 7 năm 2019', '2019-07-16', '2019-07-30'],
    ['trong tháng 7/2019', '2019-07-01', '2019-07-31'],
    ['trong tháng 2 năm 2024', '2024-02-01', '2024-02-29'],
  ])('"%s"', (text, start, end) => {
    const p = period(null, [`Thời gian thực hiện ${text}.`]);
    expect([p.startsOn, p.endsOn]).toEqual([start, end]);
  });

  it('labels from the title: đợt II/2023, Đợt II năm 2023, đợt 1năm 2019 (typo spaced)', () => {
    expect(period('Phối hợp làm công tác dân vận đợt II/2023', []).label).toBe('Đợt II/2023');
    expect(period('Công tác dân vận Đợt II năm 2023', []).label).toBe('Đợt II năm 2023');
    expect(period('dân vận đợt 1năm 2019', []).label).toBe('Đợt 1 năm 2019');
  });

  it('prefers the window of the same round and ignores anniversaries and "dự kiến tháng 11"', () => {
    const p = period('Dân vận đợt 1 năm 2019', [
      'kỷ niệm 72 năm Ngày Thương binh Liệt sĩ (27/7/1947 - 27/7/2019).',
      'Đợt 2 năm 2019, có kế hoạch sau, dự kiến tháng 11/2019.',
      'Đợt 1 năm 2019, thời gian là 15 ngày (từ ngày 16/7/2019 – 30/7/2019).',
    ]);
    expect(p).toMatchObject({ label: 'Đợt 1 năm 2019', startsOn: '2019-07-16', endsOn: '2019-07-30' });
  });

  it('a window ending before it starts is rejected with a warning', () => {
    const p = period(null, ['Thời gian từ ngày 30/7/2019 đến ngày 16/7/2019.']);
    expect([p.startsOn, p.endsOn]).toEqual([null, null]);
    expect(p.warnings[0]?.field).toBe('period');
  });
});

describe('report deadline', () => {
  const due = (body: string[], year: number | null = null) => {
    const warnings: Warning[] = [];
    return { due: parseReportDue(body, year, warnings), warnings };
  };
  it.each([
    ['Các CĐCS báo cáo kết quả về LĐLĐ huyện trước ngày 31/7/2019.', '2019-07-31'],
    ['Báo cáo gửi về LĐLĐ huyện chậm nhất ngày 05/01/2024.', '2024-01-05'],
    ['Báo cáo kết quả về LĐLĐ huyện (qua Ban Tuyên giáo - Nữ công) trước ngày 31/12/2023 để tổng hợp.', '2023-12-31'],
    ['Gửi báo cáo về Ban Dân vận chậm nhất là ngày 15 tháng 11 năm 2024.', '2024-11-15'],
    ['Báo cáo kết quả gửi về LĐLĐ huyện trước 17 giờ ngày 26/7/2024.', '2024-07-26'],
  ])('"%s"', (sentence, iso) => {
    expect(due([sentence]).due).toBe(iso);
  });

  it('a deadline without year takes the plan year; a yearly one is flagged', () => {
    expect(due(['Các CĐCS báo cáo kết quả trước ngày 31/7.'], 2019).due).toBe('2019-07-31');
    const yearly = due(['Gửi đăng ký về LĐLĐ tỉnh trước ngày 13/3 hàng năm.'], 2023);
    expect(yearly.due).toBeNull();
    expect(yearly.warnings[0]?.field).toBe('reportDueOn');
  });

  it('prefers the report deadline over other deadlines, and ignores deadlines without a report or sending', () => {
    expect(due(['Gửi phiếu đăng ký trước ngày 10/3/2024.', 'Các đơn vị báo cáo kết quả trước ngày 15/11/2024.']).due).toBe('2024-11-15');
    expect(due(['Hoàn thành sửa chữa nhà trước ngày 30/6/2024.']).due).toBeNull();
  });
});

describe('targets', () => {
  const t = (s: string, heading = false) => parseTargets([s], [heading]).map((x) => [x.min, x.max, x.unit]);
  it.each([
    ['Mỗi CĐCS thực hiện ít nhất 01 công trình.', [[1, null, 'công trình']]],
    ['Phấn đấu vận động 300 - 500 suất quà.', [[300, 500, 'suất']]],
    ['Phấn đấu hiến 150 ĐVM.', [[150, null, 'ĐVM']]],
    ['Phấn đấu 100% xã có mô hình.', [[100, null, '%']]],
    ['Mỗi LĐLĐ huyện xây dựng từ 02 đến 03 mô hình.', [[2, 3, 'mô hình']]],
    ['Mỗi CĐCS đăng ký 1-2 mô hình “Dân vận khéo”.', [[1, 2, 'mô hình']]],
    ['Vận động ủng hộ đạt ít nhất 1.500 người tham gia.', [[1500, null, 'người']]],
    ['Phấn đấu kinh phí hỗ trợ tối đa 20 triệu đồng.', [[null, 20, 'triệu đồng']]],
  ])('"%s"', (sentence, expected) => {
    expect(t(sentence)).toEqual(expected);
  });

  it.each([
    'Thời gian phối hợp làm công tác dân vận là 15 ngày.',
    'Kỷ niệm 72 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2019).',
    'Đại hội Công đoàn Việt Nam lần thứ XIII, nhiệm kỳ 2023-2028 và Luật số 10/2022/QH15.',
    'Định kỳ 6 tháng và năm tổ chức sơ tổng kết theo 4 bước.',
    'Từ nay đến năm 2025 các đơn vị tổ chức thực hiện.',
  ])('no target in "%s"', (sentence) => {
    expect(t(sentence)).toEqual([]);
  });

  it('under a "CHỈ TIÊU" heading a bare count is a target; elsewhere it is not', () => {
    expect(t('- 100% xã, phường tổ chức ra quân.', true)).toEqual([[100, null, '%']]);
    expect(t('Tổ chức 3 buổi sinh hoạt.', false)).toEqual([]);
  });
});

describe('footer: signer and recipients', () => {
  const footer = (lines: string[]) => extractPlan(['KẾ HOẠCH', 'Thử', 'I. NỘI DUNG', 'Nội dung.', ...lines].join('\n'));
  it('TM. / KT. / title / name, recipients with (b/c) and Lưu kept as written', () => {
    const p = footer([
      'Nơi nhận:',
      '- LĐLĐ tỉnh (b/c);',
      '- Các CĐCS;',
      '- Lưu: VT, Ban ToC.',
      'TM. BAN THƯỜNG VỤ',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      '(Đã ký)',
      'Nguyễn Văn An',
    ]);
    expect(p.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
    expect(p.recipients).toEqual(['LĐLĐ tỉnh (b/c)', 'Các CĐCS', 'Lưu: VT, Ban ToC']);
  });

  it('a signer without TM./KT. (own capacity) and without "Nơi nhận"', () => {
    const p = footer(['CHỦ TỊCH', 'Lê Thị Bích']);
    expect(p.signer).toEqual({ authority: null, title: 'CHỦ TỊCH', name: 'Lê Thị Bích' });
    expect(p.recipients).toEqual([]);
  });

  it('stops at an appendix after the signature', () => {
    const p = footer([
      'Nơi nhận:',
      '- Các CĐCS;',
      '- Lưu: VT.',
      'TM. BAN THƯỜNG VỤ',
      'CHỦ TỊCH',
      'Trần Văn Ba',
      'PHỤ LỤC',
      '- Mẫu đăng ký;',
    ]);
    expect(p.recipients).toEqual(['Các CĐCS', 'Lưu: VT']);
    expect(p.signer.name).toBe('Trần Văn Ba');
  });
});

describe('text tools', () => {
  it('foldSame keeps the length so indices map back', () => {
    const s = 'Liên đoàn Lao động HUYỆN Đắk Lắk';
    expect(foldSame(s)).toBe('lien doan lao dong huyen dak lak');
    expect(foldSame(s)).toHaveLength(s.length);
  });

  it('output is NFC even when the input is decomposed', () => {
    const p = extractPlan(
      ['LĐLĐ HUYỆN THĂNG BÌNH', 'Số: 1/KH-LĐLĐ', 'KẾ HOẠCH', 'Phối hợp làm công tác dân vận'].join('\n').normalize('NFD'),
    );
    expect(p.issuer).toBe('LĐLĐ HUYỆN THĂNG BÌNH');
    expect(p.title).toBe('Phối hợp làm công tác dân vận');
    expect(p.title).toBe(p.title?.normalize('NFC'));
  });

  it('an empty or unrelated text gives all-null fields and lists every field as missing', () => {
    const p = extractPlan('Xin chào');
    expect(p.missing).toHaveLength(13);
    expect(p.basis).toEqual([]);
    expect(p.period).toEqual({ label: null, startsOn: null, endsOn: null });
  });
});
