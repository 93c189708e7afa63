// Rules shared by the register imports (units, Dân vận khéo models): the preview's counts per action, and the refusal
// to write anything while rows still have errors unless the user chose to skip them.
import { AppError } from '../contract/errors';

type Action = 'create' | 'update' | 'unchanged' | 'skip';

/** How many rows of a preview each action takes. */
export function actionCounts(rows: readonly { action: Action }[]): {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
} {
  const count = (a: Action) => rows.filter((r) => r.action === a).length;
  return { created: count('create'), updated: count('update'), unchanged: count('unchanged'), skipped: count('skip') };
}

/** Throws, before anything is written, when rows have errors and the user did not ask to skip them. */
export function refuseRowErrors(issues: readonly { severity: string }[], skipInvalid: boolean): void {
  const errors = issues.filter((i) => i.severity === 'error').length;
  if (errors && !skipInvalid)
    throw new AppError(
      'bad_file',
      `Tệp còn ${errors} lỗi nên chưa nhập gì. Hãy sửa các dòng lỗi trong tệp, hoặc chọn "Bỏ qua các dòng lỗi" rồi nhập lại.`,
    );
}
