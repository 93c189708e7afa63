// Vietnamese labels for unit reports (import preview statuses, commit results, receive channels, submission
// states), zod-free so the renderer and exports can import them as values.
export const PREVIEW_STATUS_LABELS = {
  new: 'Mới',
  replace: 'Thay thế bản cũ',
  duplicate: 'Trùng',
  held: 'Giữ lại (cũ hơn)',
  confirm: 'Cần xác nhận',
  error: 'Lỗi',
} as const;
export type PreviewStatusId = keyof typeof PREVIEW_STATUS_LABELS;
/** Badge tone per preview status (app.css .badge.ok/.info/.warn/.error; '' = neutral). */
export const PREVIEW_STATUS_TONE: Record<PreviewStatusId, '' | 'ok' | 'info' | 'warn' | 'error'> = {
  new: 'ok',
  replace: 'info',
  duplicate: '',
  held: 'warn',
  confirm: 'warn',
  error: 'error',
};

export const COMMIT_STATUS_LABELS = {
  imported: 'Đã nhập mới',
  superseded: 'Đã thay bản cũ',
  held: 'Giữ lại chờ quyết định',
  duplicate: 'Trùng, bỏ qua',
  error: 'Lỗi, chưa nhập',
} as const;
export type CommitStatusId = keyof typeof COMMIT_STATUS_LABELS;

export const CHANNEL_LABELS = {
  file: 'Tệp',
  email: 'Email',
  zalo: 'Zalo',
  usb: 'USB',
  paper: 'Giấy',
  manual: 'Nhập tay',
  other: 'Khác',
} as const;
export type ChannelId = keyof typeof CHANNEL_LABELS;

export const REPORT_STATE_LABELS = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa nộp' } as const;
export type ReportStateId = keyof typeof REPORT_STATE_LABELS;
export const REPORT_STATE_TONE: Record<ReportStateId, 'ok' | 'warn' | 'error'> = { on_time: 'ok', late: 'warn', missing: 'error' };
/** The same states as worded in the documents that go out (the consolidated workbook's status sheets). */
export const REPORT_STATE_DOC_LABELS: Record<ReportStateId, string> = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa báo cáo' };

/** How a unit was reminded (the reminders log). */
export const REMINDER_CHANNEL_LABELS = { letter: 'Công văn', zalo: 'Zalo', email: 'Email', phone: 'Điện thoại', other: 'Khác' } as const;

export const VERSION_STATUS_LABELS: Record<string, string> = {
  active: 'Đang dùng',
  superseded: 'Đã thay thế',
  held: 'Chờ quyết định',
  revoked: 'Đã huỷ',
};
