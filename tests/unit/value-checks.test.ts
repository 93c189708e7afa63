// The per-value checks: each rule has a case that must flag and a near case that must not (no false alarms).
import { describe, expect, it } from 'vitest';
import { checkBreakdown, checkValue, robustZ, type CheckSubject } from '../../src-main/checks/value-checks';

const money = { code: 'CT30', label: 'Kinh phí vận động xã hội hóa', unit: 'triệu đồng', aggregation: 'sum' };
const people = { code: 'CT25', label: 'Số người hiến máu', unit: 'người', aggregation: 'sum' };
const share = { code: 'CT40', label: 'Tỷ lệ đoàn viên tham gia', unit: '%', aggregation: 'percent' };
const rules = (s: CheckSubject) => checkValue(s).map((f) => f.rule);

describe('value checks', () => {
  it('a đồng amount typed into a triệu đồng cell: magnitude, with the đồng/triệu đồng hint', () => {
    const f = checkValue({ indicator: money, value: 45_500_000, target: 50 });
    expect(f.map((x) => x.rule)).toEqual(['magnitude']);
    expect(f[0]!.message).toMatch(/đồng vào ô tính bằng triệu đồng/);
    expect(f[0]!.expected).toBe(50);
    // near: 45.5 triệu against a target of 50 is fine
    expect(rules({ indicator: money, value: 45.5, target: 50 })).toEqual([]);
  });

  it('magnitude against peers when there is no target', () => {
    const peers = [12, 30, 25, 8, 40, 22];
    expect(rules({ indicator: money, value: 25_000_000, peers })).toEqual(['magnitude']);
    expect(rules({ indicator: money, value: 60, peers })).toEqual([]);
  });

  it('far above target (> 10×), not at 10×', () => {
    expect(rules({ indicator: people, value: 1600, target: 150 })).toEqual(['far_above_target']);
    expect(rules({ indicator: people, value: 1500, target: 150 })).toEqual([]);
  });

  it('outliers against peers with median and MAD; never with too few peers or no spread', () => {
    const peers = [20, 25, 30, 22, 28, 26, 24, 27];
    expect(rules({ indicator: people, value: 400, peers })).toEqual(['outlier_peers']);
    expect(rules({ indicator: people, value: 45, peers })).toEqual([]);
    expect(rules({ indicator: people, value: 400, peers: [20, 25, 30] })).toEqual([]); // too few to judge
    expect(robustZ(400, [5, 5, 5, 5, 5, 5], 5)).toBeNull(); // no spread
  });

  it("outliers against the unit's own history", () => {
    expect(rules({ indicator: people, value: 900, history: [30, 35, 28, 40] })).toEqual(['outlier_history']);
    expect(rules({ indicator: people, value: 50, history: [30, 35, 28, 40] })).toEqual([]);
    expect(rules({ indicator: people, value: 900, history: [30, 35] })).toEqual([]);
  });

  it('impossible values: negative, a share over 100 %, a second measure without the main one', () => {
    expect(rules({ indicator: people, value: -3 })).toEqual(['negative']);
    expect(rules({ indicator: people, value: 0 })).toEqual([]);
    expect(rules({ indicator: share, value: 120 })).toEqual(['percent_over_100']);
    expect(rules({ indicator: share, value: 100 })).toEqual([]);
    expect(rules({ indicator: money, value: null, value2: 12 })).toEqual(['second_without_main']);
    expect(rules({ indicator: money, value: null, value2: null })).toEqual([]);
  });

  it('"Trong đó" rows: a part larger than the whole is held; parts adding up to more is a warning (they may overlap)', () => {
    expect(checkBreakdown({ label: 'Tổng số đoàn viên', value: 100 }, [{ value: 120 }])?.rule).toBe('breakdown_part_exceeds');
    expect(checkBreakdown({ label: 'Tổng số đoàn viên', value: 100 }, [{ value: 60 }, { value: 50 }])?.rule).toBe('breakdown_exceeds');
    expect(checkBreakdown({ label: 'Tổng số đoàn viên', value: 100 }, [{ value: 60 }, { value: 40 }])).toBeNull();
    expect(checkBreakdown({ label: 'Tổng số đoàn viên', value: 100 }, [{ value: 100 }])).toBeNull();
  });
});

describe('value checks: small targets', () => {
  it('a minimum target ("ít nhất 1") is no scale: 300 against a target of 1 is not a unit mix-up', () => {
    expect(checkValue({ indicator: people, value: 300, target: 1 }).map((f) => f.rule)).toEqual(['far_above_target']);
    expect(checkValue({ indicator: people, value: 3000, target: 10 }).map((f) => f.rule)).toEqual(['magnitude']);
  });
});

describe('the send-back letter speaks to the unit', () => {
  it('keeps what is odd and where, drops the instructions to staff', async () => {
    const { forUnit } = await import('../../src-main/features/correction-letter');
    expect(
      forUnit(
        "Sheet 'Báo cáo', dòng 19: CT25 – Hiến máu: Giá trị 60.000 gấp 400 lần chỉ tiêu (150): có thể nhầm đơn vị tính. Hãy kiểm tra và sửa, hoặc xác nhận kèm lý do. — Chưa lưu giá trị này vì chưa được xác nhận.",
      ),
    ).toBe("Sheet 'Báo cáo', dòng 19: CT25 – Hiến máu: Giá trị 60.000 gấp 400 lần chỉ tiêu (150): có thể nhầm đơn vị tính.");
    expect(forUnit('Giá trị 600 cao gấp 12 lần chỉ tiêu (50): hãy kiểm tra lại với đơn vị.')).toBe(
      'Giá trị 600 cao gấp 12 lần chỉ tiêu (50).',
    );
  });
});

describe('peers summed up once', () => {
  it('gives the same findings as the list of peers', async () => {
    const { peerStats } = await import('../../src-main/checks/value-checks');
    const peers = Array.from({ length: 30 }, (_, i) => 20 + (i % 7));
    for (const value of [24, 400, 30_000_000]) {
      const a = checkValue({ indicator: money, value, peers }).map((f) => f.rule);
      const b = checkValue({ indicator: money, value, peers: peerStats(peers) }).map((f) => f.rule);
      expect(b).toEqual(a);
    }
    expect(checkValue({ indicator: money, value: 400, peers: peerStats(peers) }).map((f) => f.rule)).toEqual(['outlier_peers']);
  });
});

describe("the catalog rules are the main measure's", () => {
  it("a second measure (trị giá) is not held by the main value's maximum or whole-number rule", async () => {
    const { checkMeasures } = await import('../../src-main/checks/value-checks');
    const houses = {
      code: 'CT08',
      label: 'Nhà Mái ấm',
      unit: 'căn',
      aggregation: 'sum',
      rules: { min: 0, max: 5, integer: true, required: false },
    };
    expect(checkMeasures({ indicator: houses, value: 2, value2: 150.5, unit2: 'triệu đồng' }).map((f) => f.rule)).toEqual([]);
    expect(checkMeasures({ indicator: houses, value: 7, value2: 150.5, unit2: 'triệu đồng' }).map((f) => [f.rule, f.measure])).toEqual([
      ['rule_max', 1],
    ]);
  });
});
