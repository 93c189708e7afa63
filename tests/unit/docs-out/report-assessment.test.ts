// Sections I, III and IV of the báo cáo drafted from the figures: targets met / not met "so với chỉ tiêu", rises
// and falls "so với cùng kỳ", reporting discipline, and the directions that follow.
import { describe, expect, it } from 'vitest';
import type { Consolidation, ConsolidatedIndicator } from '../../../src-main/contract/consolidation';
import { directionSentences, strengthSentences, weaknessSentences } from '../../../src-main/features/consolidation-assessment';
import { indicatorPhrase } from '../../../src-main/features/consolidation-text';

const ind = (label: string, total: number, achievedPct: number | null, changePct: number | null = null): ConsolidatedIndicator => ({
  indicatorId: 1,
  code: 'X',
  label,
  unit: 'buổi',
  target: 10,
  total,
  groupCode: 'I',
  groupLabel: 'Tuyên truyền',
  unit2: null,
  total2: null,
  aggregation: 'sum',
  scope: 'total',
  targetMin: 10,
  targetMax: null,
  targetText: null,
  reporting: 3,
  achievedPct,
  unitsMet: null,
  notApplicable: 0,
  lastYear: changePct === null ? null : 10,
  changePct,
  texts: [],
});
const cons = (indicators: ConsolidatedIndicator[], o: Partial<Consolidation> = {}): Consolidation => ({
  expected: 10,
  submitted: 10,
  onTime: 9,
  late: 1,
  missing: [],
  indicators,
  previousPlan: null,
  planId: 1,
  title: 'KH',
  periodLabel: null,
  reportDueOn: null,
  completenessPct: 100,
  timelinessPct: 90,
  lateUnits: [],
  matrix: { units: [], values: [] },
  narrative: [],
  ...o,
});

describe('assessment from the figures', () => {
  const c = cons([ind('Số buổi tuyên truyền', 15, 150, 25), ind('Hiến máu tình nguyện', 6, 60, -40)], {
    missing: [{ code: 'A', name: 'A' }],
  });

  it('says which targets were met and which were not, and the change against the same period', () => {
    expect(strengthSentences(c, 'CĐCS')).toEqual([
      'Có 1/2 chỉ tiêu đạt và vượt so với chỉ tiêu kế hoạch: số buổi tuyên truyền.',
      'So với cùng kỳ, số buổi tuyên truyền tăng 25%.',
      'Phần lớn các CĐCS báo cáo đúng thời gian quy định (9/10 đơn vị, đạt 90%).',
    ]);
    expect(weaknessSentences(c)).toEqual([
      'Một số chỉ tiêu chưa đạt so với chỉ tiêu kế hoạch: hiến máu tình nguyện (đạt 60%).',
      'So với cùng kỳ, hiến máu tình nguyện giảm 40%.',
      'Còn 1 đơn vị chưa gửi báo cáo, 1 đơn vị gửi báo cáo trễ hạn, ảnh hưởng đến tiến độ tổng hợp (danh sách tại Phụ lục).',
    ]);
    expect(directionSentences(c, 'CĐCS')[1]).toBe(
      'Tập trung đôn đốc, hướng dẫn các đơn vị thực hiện các chỉ tiêu chưa đạt: hiến máu tình nguyện.',
    );
  });

  it('weaves "so với chỉ tiêu" and "so với cùng kỳ" into the indicator sentence', () => {
    expect(indicatorPhrase(ind('Số buổi tuyên truyền', 15, 150, 25), 10)).toBe(
      'số buổi tuyên truyền: 15 buổi (đạt 150% so với chỉ tiêu), tăng 25% so với cùng kỳ',
    );
  });

  it('claims no strength the figures do not show', () => {
    expect(strengthSentences(cons([ind('Số buổi', 5, 50)], { onTime: 2, submitted: 10, timelinessPct: 20 }), 'CĐCS')).toEqual([]);
  });
});
