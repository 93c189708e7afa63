// The tiny layout model the PDF renderer works on: what our .docx files use (paragraphs of styled runs,
// tables with a grid, borders and merged cells, one section with margins and page-number headers). Points.

export interface RunStyle {
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  caps: boolean;
}

export type Run =
  | { kind: 'text'; text: string; style: RunStyle }
  | { kind: 'break'; style: RunStyle }
  | { kind: 'page'; style: RunStyle }
  /** The PAGE field (the current page number), or with `total` NUMPAGES (the number of pages). */
  | { kind: 'pageNumber'; style: RunStyle; total?: boolean };

type Align = 'left' | 'center' | 'right' | 'both';

export interface Para {
  kind: 'p';
  runs: Run[];
  /** Style of the paragraph mark (the height of an empty paragraph). */
  mark: RunStyle;
  align: Align;
  left: number;
  right: number;
  /** First-line indent; negative for a hanging indent. */
  firstLine: number;
  before: number;
  after: number;
  line: { rule: 'auto' | 'exact' | 'atLeast'; value: number };
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
  /** Bottom border: line width and its distance below the text. */
  borderBottom: { width: number; space: number } | null;
}

export interface Borders {
  top: number;
  left: number;
  bottom: number;
  right: number;
  insideH: number;
  insideV: number;
}

export interface Cell {
  span: number;
  vMerge: 'restart' | 'continue' | null;
  margins: { top: number; left: number; bottom: number; right: number };
  vAlign: 'top' | 'center' | 'bottom';
  blocks: Block[];
  /** Cell borders that override the table's (width, 0 = none); undefined = the table's. */
  borders: Partial<Record<'top' | 'left' | 'bottom' | 'right', number>>;
}

export interface Row {
  cells: Cell[];
  cantSplit: boolean;
  header: boolean;
  minHeight: number;
}

export interface Table {
  kind: 'tbl';
  grid: number[];
  indent: number;
  borders: Borders;
  rows: Row[];
}

export type Block = Para | Table;

export interface Section {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
  /** A different (here: empty) header on the first page. */
  titlePage: boolean;
  header: Para[];
  firstHeader: Para[];
}

/** `title`, `author`: the document's own (docProps/core.xml), shown by PDF viewers. */
export interface DocModel {
  section: Section;
  blocks: Block[];
  title?: string;
  author?: string;
}
