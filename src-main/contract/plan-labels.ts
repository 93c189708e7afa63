// Vietnamese labels for plan kinds and statuses and for the indicators' aggregation rules, zod-free for the renderer
// and exports.
export const PLAN_KIND_LABELS = { dot_dan_van: 'Đợt dân vận', dan_van_kheo: 'Dân vận khéo', khac: 'Khác' } as const;
export const PLAN_STATUS_LABELS = {
  du_thao: 'Dự thảo',
  ban_hanh: 'Ban hành',
  dang_thuc_hien: 'Đang thực hiện',
  da_tong_ket: 'Đã tổng kết',
} as const;
export type PlanKindId = keyof typeof PLAN_KIND_LABELS;
export type PlanStatusId = keyof typeof PLAN_STATUS_LABELS;

/** How an indicator's values are combined across units. */
export const AGGREGATION_LABELS = {
  sum: 'Cộng tổng',
  avg: 'Trung bình',
  max: 'Lớn nhất',
  percent: 'Tỷ lệ %',
  text: 'Chữ (không cộng)',
} as const;
