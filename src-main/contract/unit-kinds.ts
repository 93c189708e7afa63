// Unit kinds and their Vietnamese labels, free of zod so the renderer can import them cheaply.
export const UNIT_KINDS = ['cdcs', 'nghiep_doan', 'cap_tren', 'khac'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  cdcs: 'Công đoàn cơ sở',
  nghiep_doan: 'Nghiệp đoàn cơ sở',
  cap_tren: 'Công đoàn cấp trên',
  khac: 'Khác',
};
