// Every PDF the app makes: the .docx it has just built, rendered in the app (docs/pdf, loaded on first use):
// no LibreOffice or Word needed. Workbooks are not turned into PDF here (the message says what to do instead).
import { AppError } from '../contract/errors';
import { findFonts, type FontFiles } from '../docs/pdf/fonts';
import { PdfInputError } from '../docs/pdf/xml';

export const XLSX_PDF_MESSAGE =
  'Ứng dụng tạo PDF từ báo cáo Word (.docx). Hãy chọn xuất báo cáo Word sang PDF; với bảng Excel, mở tệp bằng Excel ' +
  'rồi chọn "Tệp" > "Lưu thành" > PDF.';

/**
 * The font files a PDF is made with (Windows' Times New Roman, else the shipped Tinos), found in this thread (a worker
 * thread may not see the packaged app's resources folder); a Vietnamese error when there are none.
 */
export function pdfFonts(): FontFiles {
  try {
    return findFonts();
  } catch (e) {
    throw asAppError(e);
  }
}

/** The renderer's input errors (their messages are Vietnamese) as the app's; any other error as it is. */
const asAppError = (e: unknown): unknown => (e instanceof PdfInputError ? new AppError('internal', e.message) : e);

/** PDF bytes of one of our .docx files (`kind` 'xlsx' is refused with a message saying what to do). */
export async function toPdf(bytes: Uint8Array, kind: 'docx' | 'xlsx', title?: string, fonts?: FontFiles): Promise<Uint8Array> {
  if (kind === 'xlsx') throw new AppError('invalid_input', XLSX_PDF_MESSAGE);
  const pdf = await import('../docs/pdf/index');
  try {
    return await pdf.docxToPdf(bytes, { ...(title ? { title } : {}), fonts: fonts ?? pdfFonts() });
  } catch (e) {
    throw asAppError(e);
  }
}
