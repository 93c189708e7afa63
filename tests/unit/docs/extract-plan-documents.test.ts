// Fourteen plan documents written for these tests: other issuers (LĐLĐ tỉnh/huyện, Tỉnh đoàn, Đảng đoàn,
// Ban Dân vận Huyện ủy, UBND xã, Công đoàn ngành), numbering styles and the layouts docx/pdf text takes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanExtract } from '../../../src-main/contract/plan-extract';
import { extractPlan } from '../../../src-main/docs/extract-plan';

const doc = (name: string) => {
  const p = extractPlan(readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), 'utf8'));
  expect(PlanExtract.safeParse(p).success).toBe(true);
  return p;
};
const targets = (p: PlanExtract) => p.targets.map((t) => [t.min, t.max, t.unit]);

describe('extractPlan on varied documents', () => {
  it('01 LĐLĐ huyện, header columns flattened on one line, KT. signer, typo date in basis', () => {
    const p = doc('01-ldld-huyen-thang-binh-flat-header.txt');
    expect(p).toMatchObject({
      documentType: 'KẾ HOẠCH',
      number: '15/KH-LĐLĐ',
      issuedOn: '2019-07-05',
      place: 'Thăng Bình',
      issuer: 'LĐLĐ HUYỆN THĂNG BÌNH',
      parentIssuer: 'LĐLĐ TỈNH QUẢNG NAM',
      title: 'Phối hợp làm công tác dân vận đợt 1 năm 2019',
      period: { label: 'Đợt 1 năm 2019', startsOn: '2019-07-16', endsOn: '2019-07-30' },
      reportDueOn: '2019-07-31',
      signer: { authority: 'TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Thị Hoa' },
      recipients: ['Thường trực LĐLĐ tỉnh (b/c)', 'Ban Dân vận Huyện ủy (b/c)', 'Các CĐCS', 'Lưu: VT'],
      missing: [],
    });
    expect(p.basis[0]).toMatchObject({ number: '71-KH/LĐLĐ', issuedOn: null, issuer: 'Ban Thường vụ Liên đoàn Lao động tỉnh Quảng Nam' });
    expect(p.warnings).toEqual([expect.objectContaining({ field: 'basis[0].issuedOn' })]);
    expect(targets(p)).toEqual([
      [1, null, 'công trình'],
      [300, 500, 'suất'],
    ]);
    expect(p.targets[0]?.text).toBe('Mỗi CĐCS thực hiện ít nhất 01 công trình có ý nghĩa chính trị tại địa phương');
  });

  it('02 LĐLĐ tỉnh, Party number "Số 71-KH/LĐLĐ", interleaved columns, extra spaces in date, inherited year', () => {
    const p = doc('02-ldld-tinh-party-number-interleaved.txt');
    expect(p).toMatchObject({
      number: '71-KH/LĐLĐ',
      issuedOn: '2019-07-05',
      place: 'Tam Kỳ',
      issuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NAM',
      parentIssuer: 'TỔNG LĐLĐ VIỆT NAM',
      title: 'Phối hợp liên ngành làm công tác dân vận đợt 1 năm 2019',
      period: { label: 'Đợt 1 năm 2019', startsOn: '2019-07-16', endsOn: '2019-07-30' },
      reportDueOn: '2019-08-05',
      signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Lê Văn Dũng' },
    });
    expect(p.basis.map((b) => [b.number, b.issuedOn, b.issuer])).toEqual([
      ['12-KH/BCĐ', '2019-06-20', 'Ban Chỉ đạo công tác vận động quần chúng tỉnh'],
      [null, null, 'Ban Thường vụ LĐLĐ tỉnh'],
    ]);
    expect(targets(p)).toEqual([
      [2, 3, 'mô hình'],
      [100, null, '%'],
    ]);
    expect(p.recipients).toEqual([
      'Tổng LĐLĐ Việt Nam (b/c)',
      'Ban Dân vận Tỉnh ủy (b/c)',
      'Các LĐLĐ huyện, thị xã, thành phố',
      'Lưu: VT, Ban TG',
    ]);
  });

  it('03 Tỉnh đoàn: "ĐOÀN TNCS HỒ CHÍ MINH" header, TĐTN-BTG code, ĐVM and % targets, month window', () => {
    const p = doc('03-tinh-doan-blood-donation.txt');
    expect(p).toMatchObject({
      number: '125-KH/TĐTN-BTG',
      issuedOn: '2024-03-20',
      place: 'Tam Kỳ',
      issuer: 'BCH TỈNH ĐOÀN QUẢNG NAM',
      parentIssuer: null,
      period: { label: 'Tháng 3/2024', startsOn: '2024-03-01', endsOn: '2024-03-31' },
      reportDueOn: '2024-04-05',
      signer: { authority: 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', title: 'PHÓ BÍ THƯ', name: 'Trần Minh Quân' },
    });
    expect(p.missing).toEqual(['parentIssuer']);
    expect(targets(p)).toEqual([
      [150, null, 'ĐVM'],
      [100, null, '%'],
      [1, null, 'công trình'],
    ]);
  });

  it('04 Đảng đoàn: Party header, title starting "Thực hiện", "T/M ĐẢNG ĐOÀN", report deadline beats registration deadline', () => {
    const p = doc('04-dang-doan-ldld.txt');
    expect(p).toMatchObject({
      number: '05-KH/ĐĐ',
      issuer: 'ĐẢNG ĐOÀN LIÊN ĐOÀN LAO ĐỘNG TỈNH',
      parentIssuer: 'TỈNH ỦY QUẢNG NAM',
      title: 'Thực hiện phong trào thi đua “Dân vận khéo” trong hệ thống Công đoàn tỉnh năm 2024',
      reportDueOn: '2024-11-30',
      signer: { authority: 'T/M ĐẢNG ĐOÀN', title: 'BÍ THƯ', name: 'Phan Văn Tám' },
    });
    expect(p.basis.map((b) => b.number)).toEqual(['35-CT/TU', '43-KH/BDVTU']);
    expect(targets(p)).toEqual([[1, 2, 'mô hình']]);
  });

  it('05 Ban Dân vận Huyện ủy: "Số : 18 - KH / BDVHU" normalised, year inherited in "từ ngày 16/12 đến ngày 30/12/2023"', () => {
    const p = doc('05-ban-dan-van-huyen-uy-spacing.txt');
    expect(p).toMatchObject({
      number: '18-KH/BDVHU',
      issuer: 'BAN DÂN VẬN',
      parentIssuer: 'HUYỆN ỦY THĂNG BÌNH',
      period: { label: 'Đợt II năm 2023', startsOn: '2023-12-16', endsOn: '2023-12-30' },
      reportDueOn: '2024-01-05',
      signer: { authority: 'K/T TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'Võ Thị Lan' },
    });
    expect(p.basis[0]).toMatchObject({ number: '15/KH-BCĐ', issuedOn: '2023-12-01', issuer: 'Ban Chỉ đạo công tác dân vận tỉnh' });
    expect(targets(p)).toEqual([[200, null, 'lượt người']]);
  });

  it('06 UBND xã: issuer wrapped over two lines, numeric date line, text-only basis', () => {
    const p = doc('06-ubnd-xa-wrapped-issuer.txt');
    expect(p).toMatchObject({
      number: '45/KH-UBND',
      issuedOn: '2024-04-03',
      place: 'Bình Tú',
      issuer: 'ỦY BAN NHÂN DÂN XÃ BÌNH TÚ',
      parentIssuer: 'UBND HUYỆN THĂNG BÌNH',
      signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Huỳnh Văn Nam' },
    });
    expect(p.basis).toHaveLength(2);
    expect(p.basis[1]).toEqual({ text: 'tình hình thực tế của địa phương', number: null, issuedOn: null, issuer: null });
    expect(targets(p)).toEqual([
      [2, 3, 'mô hình'],
      [1, null, 'mô hình'],
    ]);
    expect(p.targets[0]?.text).toBe('Mỗi thôn đăng ký từ 02 đến 03 mô hình “Dân vận khéo”');
  });

  it('07 Công đoàn ngành: "mỗi CĐCS đăng ký 1-2 mô hình", money target, two deadlines', () => {
    const p = doc('07-cong-doan-nganh-two-deadlines.txt');
    expect(p).toMatchObject({
      number: '02/KH-CĐN',
      issuer: 'CÔNG ĐOÀN NGÀNH GIÁO DỤC',
      parentIssuer: 'LĐLĐ TỈNH QUẢNG NAM',
      issuedOn: '2024-02-22',
      reportDueOn: '2024-11-15',
      signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Đoàn Thị Mai' },
    });
    expect(targets(p)).toEqual([
      [1, 2, 'mô hình'],
      [50, null, 'triệu đồng'],
    ]);
  });

  it('08 impossible dates everywhere: each flagged in warnings and left null', () => {
    const p = doc('08-typo-dates.txt');
    expect(p.issuedOn).toBeNull();
    expect(p.basis[0]?.issuedOn).toBeNull();
    expect(p.period).toEqual({ label: 'Đợt I/2024', startsOn: '2024-07-16', endsOn: null });
    expect(p.reportDueOn).toBeNull();
    expect(p.warnings.map((w) => w.field).sort()).toEqual(['basis[0].issuedOn', 'issuedOn', 'period.endsOn', 'reportDueOn']);
    expect(p.warnings.find((w) => w.field === 'issuedOn')?.message).toContain('31 tháng 02 năm 2024');
    expect(p.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: null });
    expect(p.missing).toEqual(expect.arrayContaining(['issuedOn', 'reportDueOn']));
  });

  it('09 PDF-like text: org name wrapped, footer columns interleaved, "trong tháng 6/2024"', () => {
    const p = doc('09-pdf-like-interleaved-footer.txt');
    expect(p).toMatchObject({
      number: '33/KH-LĐLĐ',
      issuedOn: '2024-06-12',
      place: 'Bình Sơn',
      issuer: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN BÌNH SƠN',
      parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG NGÃI',
      period: { label: 'Tháng 6/2024', startsOn: '2024-06-01', endsOn: '2024-06-30' },
      reportDueOn: '2024-07-05',
      signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Nguyễn Văn Bình' },
      recipients: ['LĐLĐ tỉnh (b/c)', 'Các CĐCS trực thuộc', 'Lưu: VT, TC'],
    });
    expect(p.basis[0]).toMatchObject({ number: '07/HD-LĐLĐ', issuedOn: '2024-05-02', issuer: 'Liên đoàn Lao động tỉnh Quảng Ngãi' });
    expect(p.basis[0]?.text).toContain('Tháng Công nhân năm 2024');
    expect(targets(p)).toEqual([[120, null, 'suất']]);
  });

  it('10 columns glued by single spaces in header and footer', () => {
    const p = doc('10-single-space-glued.txt');
    expect(p).toMatchObject({
      number: '20/KH-LĐLĐ',
      issuedOn: '2023-12-14',
      place: 'Dương Minh Châu',
      issuer: 'LĐLĐ HUYỆN DƯƠNG MINH CHÂU',
      parentIssuer: 'LĐLĐ TỈNH TÂY NINH',
      period: { label: 'Đợt II/2023', startsOn: '2023-12-16', endsOn: '2023-12-30' },
      reportDueOn: '2023-12-31',
      signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: 'Trần Thị Thu' },
      recipients: ['Ban TG-NC LĐLĐ tỉnh', 'Ban Dân vận Huyện ủy', 'Lưu: VT'],
    });
  });

  it('11 no header block: month window, deadline without year takes the period year, range target', () => {
    const p = doc('11-no-header-month-window.txt');
    expect(p).toMatchObject({
      number: null,
      issuer: null,
      title: 'Tuyên truyền pháp luật cho công nhân khu nhà trọ',
      period: { label: 'Tháng 7/2019', startsOn: '2019-07-01', endsOn: '2019-07-31' },
      reportDueOn: '2019-07-31',
    });
    expect(p.basis[0]).toMatchObject({ number: '03/CTr-LĐLĐ-CA', issuedOn: '2019-03-10' });
    expect(targets(p)).toEqual([
      [5, null, 'buổi'],
      [200, 300, 'lượt người'],
    ]);
    expect(p.missing).toEqual(expect.arrayContaining(['number', 'issuedOn', 'place', 'issuer', 'signer', 'recipients']));
  });

  it('12 docx-like text (blank line between every paragraph): two-line title, three bases', () => {
    const p = doc('12-docx-like-blank-paragraphs.txt');
    expect(p).toMatchObject({
      place: 'Thị xã Hoài Nhơn',
      issuer: 'LĐLĐ THỊ XÃ HOÀI NHƠN',
      parentIssuer: 'LĐLĐ TỈNH BÌNH ĐỊNH',
      title: 'Phối hợp làm công tác dân vận Đợt II năm 2023',
      period: { label: 'Đợt II năm 2023', startsOn: '2023-12-15', endsOn: '2023-12-31' },
      reportDueOn: '2024-01-05',
      signer: { authority: 'TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Phạm Quốc Việt' },
      recipients: ['Thường trực LĐLĐ tỉnh (b/c)', 'Thường trực Thị ủy (b/c)', 'Các CĐCS', 'Lưu: VT'],
    });
    expect(p.basis.map((b) => [b.number, b.issuedOn])).toEqual([
      ['120-KH/LĐLĐ', '2023-11-25'],
      ['02/NQ-LĐLĐ', '2023-01-05'],
      [null, null],
    ]);
    expect(targets(p)).toEqual([[300, 500, 'suất']]);
  });

  it('13 draft HƯỚNG DẪN: blank number and date, yearly deadline flagged, stage label', () => {
    const p = doc('13-yearly-deadline-draft.txt');
    expect(p).toMatchObject({
      documentType: 'HƯỚNG DẪN',
      number: null,
      issuedOn: null,
      place: 'Ninh Phước',
      issuer: 'LĐLĐ HUYỆN NINH PHƯỚC',
      parentIssuer: 'LĐLĐ TỈNH NINH THUẬN',
      period: { label: 'Giai đoạn 2024 - 2025', startsOn: null, endsOn: null },
      reportDueOn: null,
    });
    expect(p.warnings.map((w) => w.field)).toEqual(['number', 'issuedOn', 'reportDueOn']);
    expect(p.warnings[2]?.message).toMatch(/hằng năm/u);
    expect(targets(p)).toEqual([[1, null, 'mô hình']]);
  });

  it('14 wrapped recipient, deadline with an hour, ethnic-minority signer name', () => {
    const p = doc('14-ldld-huyen-wrapped-recipients.txt');
    expect(p).toMatchObject({
      issuer: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN KRÔNG PẮC',
      parentIssuer: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐẮK LẮK',
      period: { label: 'Đợt 1 năm 2024', startsOn: '2024-07-10', endsOn: '2024-07-25' },
      reportDueOn: '2024-07-26',
      signer: { authority: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: 'Y Blốc Êban' },
      recipients: ['Thường trực LĐLĐ tỉnh (để báo cáo)', 'Ban Dân vận Huyện ủy', 'Các CĐCS', 'Lưu: VT'],
    });
    expect(targets(p)).toEqual([
      [10, null, 'đoàn viên'],
      [300, null, 'người'],
    ]);
  });
});
