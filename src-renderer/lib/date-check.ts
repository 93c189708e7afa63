// Before an action that sends dates outside a <form> submit (a button, Ctrl+S, Enter): a DateField holding a day
// that does not exist stops it and says so at the field, so nothing is stored from a half-typed or wrong date.

/** True when every date field in the open dialog (else the page) holds a real date or nothing. */
export function datesOk(root: ParentNode = document.querySelector('dialog[open]') ?? document): boolean {
  const bad = [...root.querySelectorAll<HTMLInputElement>('input[data-datefield]')].find((el) => !el.checkValidity());
  if (!bad) return true;
  bad.reportValidity();
  bad.focus();
  return false;
}
