// Labels and units as offices write them: the canonical label key (abbreviations, no diacritics, fillers,
// word order, a unit in brackets) and money-scale conversion (src-main/text/vi-label.ts, vi-unit.ts).
import { describe, expect, it } from 'vitest';
import { canonicalLabel, labelTerms } from '../../src-main/text/vi-label';
import { convertUnit, unitInLabel, unitSense } from '../../src-main/text/vi-unit';

describe('canonical label', () => {
  it('spells out the trade-union abbreviations', () => {
    const pairs: [string, string][] = [
      ['Số CNVCLĐ tham gia', 'Số công nhân viên chức lao động tham gia'],
      ['Số đoàn viên, CBCCVCLĐ tham gia', 'Số đoàn viên, cán bộ công chức viên chức lao động tham gia'],
      ['Lượt người dự (ĐVCĐ, NLĐ, nhân dân)', 'Lượt người dự (đoàn viên công đoàn, người lao động, nhân dân)'],
      ['Số CĐCS tham gia phối hợp', 'Số công đoàn cơ sở tham gia phối hợp'],
      ['Số buổi TT, PBPL', 'Số buổi tuyên truyền, phổ biến pháp luật'],
      ['Kinh phí vận động XHH', 'Kinh phí vận động xã hội hóa'],
      ['Thăm, tặng quà cán bộ chiến sĩ LLVT', 'Thăm, tặng quà cán bộ chiến sĩ lực lượng vũ trang'],
      ['Số HTX được hỗ trợ', 'Số hợp tác xã được hỗ trợ'],
      ['ĐVTN tham gia cùng MTTQ', 'Đoàn viên thanh niên tham gia cùng Mặt trận Tổ quốc'],
      ['Số ĐV kết nạp mới', 'Đoàn viên kết nạp mới'],
      ['Số C.Đ.C.S thành lập mới', 'CĐCS thành lập mới'],
      ['Quà tặng hộ nghèo, CNLĐ khó khăn', 'Quà tặng hộ nghèo, công nhân lao động khó khăn'],
      ['Quà tặng đồng bào DTTS', 'Quà tặng đồng bào dân tộc thiểu số'],
    ];
    for (const [a, b] of pairs) expect(canonicalLabel(a), a).toBe(canonicalLabel(b));
  });

  it('ignores diacritics, case, numbering, fillers and word order', () => {
    const target = canonicalLabel('Số buổi tuyên truyền, phổ biến pháp luật');
    expect(canonicalLabel('1. so buoi tuyen truyen pho bien phap luat')).toBe(target);
    expect(canonicalLabel('- Tuyên truyền, phổ biến pháp luật: số buổi')).toBe(target);
    expect(canonicalLabel('TUYÊN TRUYỀN PHỔ BIẾN PHÁP LUẬT: SỐ BUỔI')).toBe(target);
    expect(canonicalLabel('Kinh phí vận động xã hội hóa (triệu đồng)')).toBe(canonicalLabel('Kinh phí vận động xã hội hóa'));
    expect(canonicalLabel('Tổng số lao động')).toBe(canonicalLabel('Lao động'));
  });

  it('keeps labels with different meaning apart', () => {
    expect(canonicalLabel('Nhà "Mái ấm Công đoàn" xây mới')).not.toBe(canonicalLabel('Nhà "Mái ấm Công đoàn" sửa chữa'));
    expect(canonicalLabel('Mô hình được công nhận')).not.toBe(canonicalLabel('Mô hình được nhân rộng'));
    expect(canonicalLabel('Hiến máu nhân đạo')).not.toBe(canonicalLabel('Hiến máu tình nguyện'));
    // a bracket that is not a unit is part of the label
    expect(labelTerms('Lượt người dự (ĐVCĐ, NLĐ, nhân dân)').has('nhan')).toBe(true);
  });
});

describe('units in labels and headers', () => {
  it('finds a unit written in brackets or after ĐVT, and leaves other brackets alone', () => {
    expect(unitInLabel('Kinh phí vận động xã hội hóa (triệu đồng)')).toEqual({ unit: 'triệu đồng', rest: 'Kinh phí vận động xã hội hóa' });
    expect(unitInLabel('Kinh phí (đồng)')).toEqual({ unit: 'đồng', rest: 'Kinh phí' });
    expect(unitInLabel('Đoàn viên kết nạp mới (ĐVT: người)')).toEqual({ unit: 'người', rest: 'Đoàn viên kết nạp mới' });
    expect(unitInLabel('Tiền lương bình quân, ĐVT: nghìn đồng')).toEqual({ unit: 'nghìn đồng', rest: 'Tiền lương bình quân' });
    expect(unitInLabel('Lượt người dự (ĐVCĐ, NLĐ, nhân dân)').unit).toBeNull();
    expect(unitInLabel('Hiến máu tình nguyện').unit).toBeNull();
    expect(unitInLabel('Kinh phí vận động [tr.đ].')).toEqual({ unit: 'tr.đ', rest: 'Kinh phí vận động' });
    // hostile text: long runs of separators and brackets give no unit (and the scan stays linear)
    expect(unitInLabel(`a${','.repeat(200_000)}x`).unit).toBeNull();
    expect(unitInLabel(`a${' ,'.repeat(100_000)}(đồng)`).unit).toBe('đồng');
    expect(unitInLabel(`${'('.repeat(100_000)}người)`).unit).toBe('người');
    expect(unitInLabel(`x (${'a'.repeat(100_000)})`).unit).toBeNull();
  });

  it('reads money scales however they are written', () => {
    expect(unitSense('đồng')).toEqual({ kind: 'money', factor: 1 });
    expect(unitSense('VNĐ')).toEqual({ kind: 'money', factor: 1 });
    expect(unitSense('nghìn đồng')).toEqual({ kind: 'money', factor: 1e3 });
    expect(unitSense('ngàn đ')).toEqual({ kind: 'money', factor: 1e3 });
    expect(unitSense('Triệu đồng')).toEqual({ kind: 'money', factor: 1e6 });
    expect(unitSense('tr.đ')).toEqual({ kind: 'money', factor: 1e6 });
    expect(unitSense('trđ')).toEqual({ kind: 'money', factor: 1e6 });
    expect(unitSense('tỷ đồng')).toEqual({ kind: 'money', factor: 1e9 });
    expect(unitSense('Tỷ lệ')).toEqual({ kind: 'percent' });
    expect(unitSense('người')).toEqual({ kind: 'count', key: 'nguoi' });
    expect(unitSense('')).toBeNull();
  });

  it('converts between money scales with a note, and refuses money against a count', () => {
    expect(convertUnit(12.5, 'triệu đồng', 'đồng')).toMatchObject({ ok: true, value: 12_500_000, factor: 1e6 });
    expect((convertUnit(12.5, 'triệu đồng', 'đồng') as { note: string }).note).toBe('Đã đổi 12,5 triệu đồng = 12.500.000 đồng');
    expect(convertUnit(0.1, 'tỷ đồng', 'triệu đồng')).toMatchObject({ ok: true, value: 100 });
    expect(convertUnit(0.3, 'triệu đồng', 'đồng')).toMatchObject({ ok: true, value: 300_000 });
    expect(convertUnit(4_500_000, 'đồng', 'triệu đồng')).toMatchObject({ ok: true, value: 4.5 });
    expect(convertUnit(250, 'nghìn đồng', 'đồng')).toMatchObject({ ok: true, value: 250_000 });
    expect(convertUnit(7, 'triệu đồng', 'triệu đồng')).toEqual({ ok: true, value: 7, factor: 1, note: null });
    expect(convertUnit(7, null, 'triệu đồng')).toEqual({ ok: true, value: 7, factor: 1, note: null });
    expect(convertUnit(7, 'lượt', 'lượt người')).toEqual({ ok: true, value: 7, factor: 1, note: null });
    const bad = convertUnit(35, 'người', 'triệu đồng');
    expect(bad.ok).toBe(false);
    expect((bad as { message: string }).message).toMatch(/'người'.*'triệu đồng'/);
    expect(convertUnit(35, '%', 'người').ok).toBe(false);
  });
});
