// "Dân vận khéo" models: types, fields (lĩnh vực), steps, statuses, recognition levels and the lifecycle rules
// (which status may follow which), with Vietnamese labels. Zod-free so the renderer and exports can import it.

export const MODEL_TYPES = ['mo_hinh', 'dien_hinh_tap_the', 'dien_hinh_ca_nhan'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];
export const MODEL_TYPE_LABELS: Record<ModelType, string> = {
  mo_hinh: 'Mô hình',
  dien_hinh_tap_the: 'Điển hình tập thể',
  dien_hinh_ca_nhan: 'Điển hình cá nhân',
};

export const MODEL_FIELDS = ['kinh_te', 'van_hoa_xa_hoi', 'quoc_phong_an_ninh', 'xay_dung_cong_doan'] as const;
export type ModelField = (typeof MODEL_FIELDS)[number];
export const MODEL_FIELD_LABELS: Record<ModelField, string> = {
  kinh_te: 'Kinh tế',
  van_hoa_xa_hoi: 'Văn hóa – xã hội',
  quoc_phong_an_ninh: 'Quốc phòng – an ninh',
  xay_dung_cong_doan: 'Xây dựng hệ thống Công đoàn',
};

/** The four steps of building a model (Kế hoạch Dân vận khéo, mục II.3). */
export const MODEL_STEP_LABELS: Record<1 | 2 | 3 | 4, string> = {
  1: 'Xác định chủ trương, mục tiêu',
  2: 'Tổ chức thực hiện',
  3: 'Kiểm tra, đánh giá',
  4: 'Sơ kết, tổng kết, nhân rộng',
};
export type ModelStep = 1 | 2 | 3 | 4;

export const MODEL_STATUSES = ['dang_ky', 'dang_thuc_hien', 'de_nghi_cong_nhan', 'duoc_cong_nhan', 'nhan_rong', 'dung'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = {
  dang_ky: 'Đăng ký',
  dang_thuc_hien: 'Đang thực hiện',
  de_nghi_cong_nhan: 'Đề nghị công nhận',
  duoc_cong_nhan: 'Được công nhận',
  nhan_rong: 'Nhân rộng',
  dung: 'Dừng',
};

/** Allowed next statuses. Stopping is possible from anywhere; a stopped model can be resumed. */
export const MODEL_TRANSITIONS: Record<ModelStatus, readonly ModelStatus[]> = {
  dang_ky: ['dang_thuc_hien', 'dung'],
  dang_thuc_hien: ['de_nghi_cong_nhan', 'dung'],
  de_nghi_cong_nhan: ['duoc_cong_nhan', 'dang_thuc_hien', 'dung'],
  duoc_cong_nhan: ['nhan_rong', 'dung'],
  nhan_rong: ['dung'],
  dung: ['dang_thuc_hien'],
};

export const RECOGNITION_LEVELS = ['co_so', 'cap_tren', 'tinh'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];
export const RECOGNITION_LEVEL_LABELS: Record<RecognitionLevel, string> = {
  co_so: 'Cấp cơ sở',
  cap_tren: 'Cấp trên trực tiếp',
  tinh: 'Cấp tỉnh',
};

/** The registration fields after the name (domain §2.3), in form order. */
export const REGISTRATION_FIELDS = [
  { key: 'situation', label: 'Thực trạng, lý do xây dựng' },
  { key: 'goals', label: 'Mục tiêu, tiêu chí' },
  { key: 'method', label: 'Nội dung, cách thức thực hiện' },
  { key: 'scope', label: 'Địa bàn, đối tượng' },
  { key: 'forces', label: 'Lực lượng thực hiện' },
  { key: 'resources', label: 'Nguồn lực và thời gian' },
  { key: 'outputs', label: 'Sản phẩm, kết quả đầu ra' },
  { key: 'sustainability', label: 'Khả năng duy trì, nhân rộng' },
] as const;

export const COVERAGE_STATES = ['dung_han', 'tre_han', 'chua_dang_ky'] as const;
type CoverageState = (typeof COVERAGE_STATES)[number];
export const COVERAGE_LABELS: Record<CoverageState, string> = {
  dung_han: 'Đăng ký đúng hạn',
  tre_han: 'Đăng ký trễ hạn',
  chua_dang_ky: 'Chưa đăng ký',
};

/** Why a status change is not allowed (Vietnamese), or null when it is. */
export function statusChangeProblem(
  from: ModelStatus,
  to: ModelStatus,
  m: { step: number; recognitionLevel: string | null; recognizedOn: string | null; proposedLevel: string | null },
): string | null {
  if (from === to) return null;
  if (!MODEL_TRANSITIONS[from].includes(to))
    return (
      `Không thể chuyển từ "${MODEL_STATUS_LABELS[from]}" sang "${MODEL_STATUS_LABELS[to]}". ` +
      `Có thể chuyển sang: ${MODEL_TRANSITIONS[from].map((s) => `"${MODEL_STATUS_LABELS[s]}"`).join(', ')}.`
    );
  if (to === 'de_nghi_cong_nhan' && m.step < 3) return 'Mô hình cần qua bước 3 (kiểm tra, đánh giá) trước khi đề nghị công nhận.';
  if (to === 'de_nghi_cong_nhan' && !m.proposedLevel) return 'Hãy chọn cấp đề nghị công nhận.';
  if (to === 'duoc_cong_nhan' && (!m.recognitionLevel || !m.recognizedOn)) return 'Hãy nhập cấp công nhận và ngày công nhận.';
  if (to === 'nhan_rong' && m.step < 4) return 'Mô hình cần đến bước 4 (sơ kết, nhân rộng) trước khi ghi nhận nhân rộng.';
  return null;
}
