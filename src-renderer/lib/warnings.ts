// A document's warnings said in one toast (pure: no runes, tested under Node).
/** Warnings that end with the same advice ("Vào Cài đặt → … rồi xuất lại.") say it once, at the end. */
export function joinWarnings(warnings: readonly string[]): string {
  const split = warnings.map((w) => {
    const i = w.lastIndexOf('. ');
    return i < 0 ? [w, ''] : [w.slice(0, i + 1), w.slice(i + 2)];
  });
  const tail = split[0]![1];
  if (warnings.length < 2 || !tail || split.some(([, t]) => t !== tail)) return warnings.join(' ');
  return `${split.map(([head]) => head).join(' ')} ${tail}`;
}
