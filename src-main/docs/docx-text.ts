// The plain text of a .docx through mammoth's reader, with Word's line breaks kept: Shift+Enter (<w:br/>) inside a
// paragraph ("TM. BAN THƯỜNG VỤ<br/>PHÓ CHỦ TỊCH<br/>Lê Văn Tám") is a new line, a tab is a tab, a paragraph ends
// with a blank line (mammoth's extractRawText drops the breaks and glues the lines together).
import { createRequire } from 'node:module';

interface DocElement {
  type: string;
  value?: string;
  children?: DocElement[];
}
interface MammothResult<T> {
  value: T;
}
interface Unzip {
  openZip(input: { buffer: Buffer }): Promise<unknown>;
}
interface DocxReader {
  read(zip: unknown): Promise<MammothResult<DocElement>>;
}

const requireMammoth = createRequire(import.meta.url);

/** Text of one element of mammoth's document tree. Iterative: a deeply nested hostile file cannot blow the stack. */
export function elementText(root: DocElement): string {
  const out: string[] = [];
  const stack: (DocElement | string)[] = [root];
  while (stack.length) {
    const el = stack.pop() as DocElement | string;
    if (typeof el === 'string') {
      out.push(el);
      continue;
    }
    if (el.type === 'text') out.push(el.value ?? '');
    else if (el.type === 'tab') out.push('\t');
    else if (el.type === 'break') out.push('\n');
    else {
      if (el.type === 'paragraph') stack.push('\n\n');
      const kids = el.children ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as DocElement);
    }
  }
  return out.join('');
}

export async function docxRawText(buffer: Buffer): Promise<string> {
  const unzip = requireMammoth('mammoth/lib/unzip') as Unzip;
  const reader = requireMammoth('mammoth/lib/docx/docx-reader') as DocxReader;
  const zip = await unzip.openZip({ buffer });
  const doc = await reader.read(zip);
  return elementText(doc.value);
}
