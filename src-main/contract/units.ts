// Units register schemas: base unions (CĐCS) and the upper unions above them, as one tree.
import { z } from 'zod';
import { FileIn, FileOut, Id, Issue, IsoDate, OptText, Text } from './common';
import { UNIT_KINDS } from './unit-kinds';

export { UNIT_KINDS, UNIT_KIND_LABELS } from './unit-kinds';
export const UnitKind = z.enum(UNIT_KINDS);
export type UnitKind = z.infer<typeof UnitKind>;

const Code = Text(40).pipe(
  z
    .string()
    .min(1, { message: 'Cần nhập mã đơn vị' })
    .regex(/^[\p{L}\p{N}._\-/]+$/u, { message: 'Mã chỉ gồm chữ, số và . _ - / (không dấu cách)' }),
);

export const UnitDraft = z.object({
  id: Id.optional(),
  code: Code,
  name: Text(300).pipe(z.string().min(2, { message: 'Cần nhập tên đơn vị' })),
  kind: UnitKind.default('cdcs'),
  parentId: Id.nullable().default(null),
  sector: OptText(100), // Khối: Giáo dục, Y tế, Doanh nghiệp...
  members: z.number().int().min(0, { message: 'Số đoàn viên không được âm' }).max(1_000_000).nullable().default(null),
  chair: OptText(100),
  phone: OptText(40),
  email: OptText(200).pipe(z.string().email({ message: 'Email không hợp lệ' }).nullable()),
  address: OptText(300),
  note: OptText(1000),
  aliases: z.array(Text(300)).max(50).default([]),
});
export type UnitDraft = z.infer<typeof UnitDraft>;
export type UnitDraftInput = z.input<typeof UnitDraft>;

export const Unit = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  parentId: Id.nullable(),
  sector: z.string().nullable(),
  members: z.number().nullable(),
  chair: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  aliases: z.array(z.string()),
  active: z.boolean(),
  activeFrom: IsoDate.nullable(),
  activeTo: IsoDate.nullable(),
  /** Folded "code name aliases sector chair" for diacritic-insensitive search. */
  searchKey: z.string(),
  /** Number of records (reports, models...) that reference this unit; a unit with records cannot be deleted. */
  recordCount: z.number().int(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;

/**
 * A unit as the register lists it: without its record count, which only deleting needs (units.get, units.delete):
 * counting the records of 5,000 units took ~70 ms of every list, and four pages list them.
 */
export const UnitListed = Unit.omit({ recordCount: true });
export type UnitListed = z.infer<typeof UnitListed>;

export const UnitImportRow = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  action: z.enum(['create', 'update', 'unchanged', 'skip']),
  changes: z.array(z.string()),
  /** Where the code comes from: as written, written otherwise ("CD 050" -> "CD050"), proposed for a row without
   *  one, or given by the user (input `codes`). */
  codeSource: z.enum(['file', 'normalised', 'proposed', 'user']).default('file'),
  /** Each changed field of an update, old -> new as the user reads them (`field` names it for input `keep`). */
  diffs: z
    .array(z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() }))
    .default([]),
});
export type UnitImportRow = z.infer<typeof UnitImportRow>;

export const UnitImportResult = z.object({
  dryRun: z.boolean(),
  sheet: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rows: z.array(UnitImportRow),
  issues: z.array(Issue),
});
export type UnitImportResult = z.infer<typeof UnitImportResult>;

export const unitsChannels = {
  'units.list': { input: z.object({ includeInactive: z.boolean().default(true) }), output: z.array(UnitListed) },
  'units.get': { input: z.object({ id: Id }), output: Unit },
  'units.save': { input: UnitDraft, output: Unit },
  'units.setActive': { input: z.object({ id: Id, active: z.boolean() }), output: Unit },
  'units.delete': { input: z.object({ id: Id }), output: z.object({ deleted: z.literal(true) }) },
  'units.import': {
    input: z.object({
      file: FileIn,
      dryRun: z.boolean(),
      skipInvalid: z.boolean().default(false),
      /** The user's code for a row (a proposed code changed, or a code the file lacks). */
      codes: z
        .array(z.object({ row: z.number().int().min(1), code: Text(40) }))
        .max(20_000)
        .default([]),
      /** Fields of a row to keep as they are in the register (a manual edit the file would overwrite). */
      keep: z
        .array(z.object({ row: z.number().int().min(1), field: z.string().max(30) }))
        .max(200_000)
        .default([]),
    }),
    output: UnitImportResult,
  },
  'units.export': { input: z.object({ includeInactive: z.boolean().default(true) }), output: FileOut },
};
