// The four sample plans from the shared samples (copied into tests/fixtures/plans/samples).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanExtract } from '../../../src-main/contract/plan-extract';
import { extractPlan } from '../../../src-main/docs/extract-plan';

const sample = (name: string) => extractPlan(readFileSync(new URL(`../../fixtures/plans/samples/${name}`, import.meta.url), 'utf8'));

describe('extractPlan on the shared samples', () => {
  it('đợt 1/2019 (LĐLĐ huyện): impossible basis date is flagged, not invented', () => {
    const p = sample('ke-hoach-dan-van-dot-1-2019-ldld-huyen.txt');
    expect(PlanExtract.safeParse(p).success).toBe(true);
    expect(p.documentType).toBe('KẾ HOẠCH');
    expect(p.title).toBe('Phối hợp, tham gia làm công tác dân vận (đợt 1 năm 2019)');
    expect(p.basis).toHaveLength(1);
    expect(p.basis[0]).toMatchObject({ number: '71-KH/LĐLĐ', issuedOn: null, issuer: 'Ban Thường vụ Liên đoàn Lao động tỉnh' });
    expect(p.basis[0]?.text).toMatch(/^Kế hoạch số 71- KH\/LĐLĐ, ngày 12\/75\/2019/u);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ field: 'basis[0].issuedOn', message: expect.stringContaining('12/75/2019') }),
    );
    expect(p.period).toEqual({ label: 'Đợt 1 năm 2019', startsOn: '2019-07-16', endsOn: '2019-07-30' });
    expect(p.reportDueOn).toBe('2019-07-31');
    // "15 ngày", "72 năm" are not targets.
    expect(p.targets).toEqual([]);
    expect(p.number).toBeNull();
    expect(p.signer).toEqual({ authority: null, title: null, name: null });
    expect(p.missing).toEqual(expect.arrayContaining(['number', 'issuedOn', 'issuer', 'signer', 'recipients', 'targets']));
    expect(p.missing).not.toContain('basis');
  });

  it('đợt II/2023 (LĐLĐ huyện): wrapped basis paragraph, anniversary ranges ignored, footer read', () => {
    const p = sample('ke-hoach-dan-van-dot-2-2023-ldld-huyen.txt');
    expect(p.title).toBe('Phối hợp tham gia làm công tác dân vận đợt II/2023');
    expect(p.basis).toEqual([
      {
        text: 'Kế hoạch số 15/KH-LĐLĐ ngày 12/12/2023 của Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh về việc phối hợp tham gia làm công tác dân vận đợt II/2023',
        number: '15/KH-LĐLĐ',
        issuedOn: '2023-12-12',
        issuer: 'Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh',
      },
    ]);
    expect(p.period).toEqual({ label: 'Đợt II/2023', startsOn: '2023-12-16', endsOn: '2023-12-30' });
    expect(p.reportDueOn).toBe('2023-12-31');
    expect(p.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'PHÓ CHỦ TỊCH', name: null });
    expect(p.recipients).toEqual(['Ban TG-NC LĐLĐ tỉnh', 'Ban Dân vận Huyện ủy', 'CĐ cơ sở', 'Website LĐLĐ huyện', 'Lưu: VT']);
    expect(p.warnings).toEqual([]);
  });

  it('Dân vận khéo 2017 (LĐLĐ huyện): "233/ KH-LĐLĐ" normalised, yearly label, deadline', () => {
    const p = sample('ke-hoach-dan-van-kheo-2017-ldld-huyen.txt');
    expect(p.title).toBe('Tiếp tục đẩy mạnh thực hiện phong trào thi đua “Dân vận khéo” năm 2017');
    expect(p.basis).toHaveLength(1);
    expect(p.basis[0]).toMatchObject({
      number: '233/KH-LĐLĐ',
      issuedOn: '2017-04-25',
      issuer: 'Ban Thường vụ Liên đoàn Lao động (LĐLĐ) tỉnh Tây Ninh',
    });
    expect(p.period.label).toBe('Năm 2017');
    expect(p.reportDueOn).toBe('2017-11-22');
    expect(p.targets).toEqual([]);
  });

  it('Dân vận khéo 2023 (LĐLĐ tỉnh): three bases in one paragraph, blank number/date, targets, signer', () => {
    const p = sample('ke-hoach-dan-van-kheo-2023-ldld-tinh.txt');
    expect(p.place).toBe('Ninh Thuận');
    expect(p.number).toBeNull();
    expect(p.issuedOn).toBeNull();
    expect(p.warnings.map((w) => w.field)).toEqual(expect.arrayContaining(['number', 'issuedOn', 'reportDueOn']));
    expect(p.title).toMatch(/^Triển khai thực hiện Chỉ thị số 35-CT\/TU ngày 02\/11\/2022 .* những năm tiếp theo$/u);
    expect(p.basis.map((b) => [b.number, b.issuedOn, b.issuer])).toEqual([
      ['35-CT/TU', '2022-11-02', 'Ban Thường vụ Tỉnh ủy Ninh Thuận'],
      ['208-CV/ĐĐ', '2023-03-08', 'Đảng đoàn Liên đoàn Lao động tỉnh'],
      ['43-KH/BDVTU', '2022-12-07', 'Ban Dân vận Tỉnh ủy'],
    ]);
    expect(p.basis[2]?.text).toBe('Kế hoạch số 43-KH/BDVTU ngày 07/12/2022 của Ban Dân vận Tỉnh ủy');
    expect(p.targets.map((t) => [t.min, t.max, t.unit])).toEqual([
      [1, 2, 'mô hình'],
      [1, null, 'mô hình'],
    ]);
    // "trước ngày 13/3 hàng năm" has no single date.
    expect(p.reportDueOn).toBeNull();
    expect(p.signer).toEqual({ authority: 'TM. BAN THƯỜNG VỤ', title: 'CHỦ TỊCH', name: 'Trần Văn Đông' });
    expect(p.recipients).toHaveLength(10);
    expect(p.recipients[0]).toBe('TLD LĐVN');
    expect(p.recipients.at(-1)).toBe('Lưu: VT, Ban CTCS');
    expect(p.missing).toEqual(expect.arrayContaining(['number', 'issuedOn', 'issuer', 'reportDueOn']));
  });
});
