// Page geometry, font sizes and small paragraph/run factories for the NĐ 30/2020 layout,
// plus a Times New Roman width estimate used to size the short rules under org name, tiêu ngữ and title.
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { InlineRun } from '../../layout/types';
import { FONT, hp } from '../../layout/metrics';

export * from '../../layout/metrics';

export interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export function run(text: string, st: RunStyle): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    font: FONT,
    size: hp(st.size),
    bold: st.bold ?? false,
    italics: st.italic ?? false,
    ...(st.underline ? { underline: {} } : {}),
  });
}

export function runs(input: InlineRun[] | string, size: number, base: Omit<RunStyle, 'size'> = {}): TextRun[] {
  const list = typeof input === 'string' ? [input] : input;
  return list.map((r) =>
    typeof r === 'string'
      ? run(r, { size, ...base })
      : run(r.text, {
          size,
          bold: r.bold ?? base.bold ?? false,
          italic: r.italic ?? base.italic ?? false,
          underline: r.underline ?? base.underline ?? false,
        }),
  );
}

/** A single-spaced paragraph (header/footer blocks use no extra spacing). */
export function line(
  children: TextRun[],
  align: 'center' | 'left' | 'right' | 'justify' = 'center',
  extra: Partial<IParagraphOptions> = {},
): Paragraph {
  const alignment = {
    center: AlignmentType.CENTER,
    left: AlignmentType.LEFT,
    right: AlignmentType.RIGHT,
    justify: AlignmentType.JUSTIFIED,
  }[align];
  return new Paragraph({
    alignment,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...extra,
    children,
  });
}

/**
 * A centred horizontal rule of `lengthTwip` inside a container `containerTwip` wide: an empty 1-pt paragraph
 * whose bottom border is limited by symmetric indents (renders the same in Word and LibreOffice).
 */
export function rule(lengthTwip: number, containerTwip: number): Paragraph {
  const side = Math.max(0, Math.round((containerTwip - lengthTwip) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: FONT, size: 2 })],
  });
}
