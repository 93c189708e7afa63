// Before an action that sends typed values outside a <form> submit (a button, Ctrl+S, Enter): a DateField or
// NumberField holding text that is not a real date or number stops it and says so at the field, so nothing is
// stored from a half-typed or wrong value.

/** True when every date and number field in the open dialog (else the page) holds a valid value or nothing. */
export function fieldsOk(root: ParentNode = document.querySelector('dialog[open]') ?? document): boolean {
  const bad = [...root.querySelectorAll<HTMLInputElement>('input[data-datefield], input[data-numfield]')].find((el) => !el.checkValidity());
  if (!bad) return true;
  bad.reportValidity();
  bad.focus();
  return false;
}
