// Official-layout worksheets on exceljs: header rows, title, bordered table, Nơi nhận + signature, page setup,
// and the formula-injection guards for imported text. Call in order: header → title → table → signature.
export { addOfficialHeader, addTitle } from './header';
export { addTable } from './table';
export type { SheetColumn, SheetGroup, SheetRow, SheetTableSpec, SheetValue, TableResult } from './table';
export { addSignatureBlock } from './signature';
export { csvField, csvSafe, inertText, isFormulaLike } from './inert';
export { applyPageSetup, FONT_NAME, LANDSCAPE_ABOVE } from './style';
