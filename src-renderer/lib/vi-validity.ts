// The browser's own form checks (min, max, email, required) speak the OS language ("Value must be greater
// than or equal to 0."); this puts a Vietnamese message in their place, and takes it away as the user types.
const MARK = 'viValidity';

function message(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement): string | null {
  const v = el.validity;
  const input = el instanceof HTMLInputElement ? el : null;
  if (v.valueMissing) return 'Cần nhập mục này.';
  if (v.badInput) return input?.type === 'number' ? 'Cần nhập một số, ví dụ 1200.' : 'Giá trị chưa đúng, hãy nhập lại.';
  if (v.typeMismatch)
    return input?.type === 'email' ? 'Địa chỉ email chưa đúng, ví dụ: congdoan@gmail.com.' : 'Giá trị chưa đúng dạng, hãy nhập lại.';
  if (v.rangeUnderflow) return `Giá trị phải từ ${input?.min} trở lên.`;
  if (v.rangeOverflow) return `Giá trị không được lớn hơn ${input?.max}.`;
  if (v.stepMismatch) return input?.step === '1' ? 'Cần nhập số nguyên (không có phần lẻ).' : 'Giá trị chưa đúng bước cho phép.';
  if (v.tooLong || v.tooShort) return 'Độ dài chưa phù hợp, hãy sửa lại.';
  if (v.patternMismatch) return 'Giá trị chưa đúng dạng yêu cầu.';
  return null;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const isField = (t: EventTarget | null): t is Field =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/** Listen on the whole document (capture phase): every form of the app, present and future. */
export function installViValidity(doc: Document = document): void {
  doc.addEventListener(
    'invalid',
    (e) => {
      const el = e.target;
      if (!isField(el)) return;
      if (el.validity.customError && !el.dataset[MARK]) return; // a field's own message (DateField) stays
      el.setCustomValidity('');
      const msg = message(el);
      if (msg) {
        el.setCustomValidity(msg);
        el.dataset[MARK] = '1';
      }
    },
    true,
  );
  const clear = (e: Event) => {
    const el = e.target;
    if (isField(el) && el.dataset[MARK]) {
      el.setCustomValidity('');
      delete el.dataset[MARK];
    }
  };
  doc.addEventListener('input', clear, true);
  doc.addEventListener('change', clear, true);
}
