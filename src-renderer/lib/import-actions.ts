// Labels and badge classes of a dry-run row's action in the register imports (units, models).
export const IMPORT_ACTION = {
  create: ['Thêm mới', 'ok'],
  update: ['Cập nhật', 'info'],
  unchanged: ['Không đổi', ''],
  skip: ['Bỏ qua (lỗi)', 'error'],
} as const;
