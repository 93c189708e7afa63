// Unit reports schemas: the import preview (per file: status, unit, row mapping, issues), the commit,
// batches with undo, the per-plan report list, one report's values vs targets, manual edits and templates.
import { z } from 'zod';
import { FileIn, FileOut, Id, IsoDate, OptText } from './common';
import { ReportIssue, ValueCandidate } from './parsed-report';
import { ENTRY_VIA } from './entry-labels';

export const CHANNELS = ['file', 'email', 'zalo', 'usb', 'paper', 'manual', 'other'] as const;
export const ReceiveChannel = z.enum(CHANNELS);

export const PreviewStatus = z.enum(['new', 'replace', 'duplicate', 'held', 'confirm', 'error']);
export type PreviewStatus = z.infer<typeof PreviewStatus>;

const UnitRef = z.object({ id: Id, code: z.string(), name: z.string() });
const Value = z.union([z.number(), z.string()]).nullable();

export const MappedRow = z.object({
  label: z.string(),
  /** Where the value was read, e.g. "Báo cáo!E12". */
  cell: z.string().nullable(),
  value: Value,
  value2: z.number().nullable(),
  indicatorId: Id.nullable(),
  /** false when the match is a guess the user should confirm. */
  sure: z.boolean(),
  how: z.enum(['code', 'label', 'remembered', 'similar', 'none']),
  /**
   * A unit written in the label, ĐVT cell or header: how the value was converted to the indicator's unit
   * ("Đã đổi 12,5 triệu đồng = 12.500.000 đồng"; `value` is then the converted one), or why it cannot be
   * (the row is then not sure and needs the user's confirmation). Absent when no unit mattered.
   */
  unitNote: z.string().nullable().optional(),
  /** A word read as a value for a number indicator: "'-' hiểu là 0", "'x' hiểu là không áp dụng …". */
  valueNote: z.string().nullable().optional(),
  /** What the value checks found odd in this row's value (magnitude, far above target, outlier, impossible). */
  checks: z.array(z.object({ rule: z.string(), message: z.string(), blocking: z.boolean() })).optional(),
});
export type MappedRow = z.infer<typeof MappedRow>;

export const PreviewFile = z.object({
  index: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  status: PreviewStatus,
  /** One Vietnamese sentence explaining the status. */
  reason: z.string(),
  unit: UnitRef.nullable(),
  unitSure: z.boolean(),
  unitCandidates: z.array(UnitRef.extend({ score: z.number() })),
  receivedOn: IsoDate,
  template: z.boolean(),
  reader: z.string().nullable(),
  title: z.string().nullable(),
  rows: z.array(MappedRow),
  narrativeCount: z.number().int(),
  replaces: z.object({ reportId: Id, version: z.number().int(), receivedOn: z.string() }).nullable(),
  issues: z.array(ReportIssue),
  /**
   * When the table offers several value columns (Quý I..IV | Cả năm): the one the values were read from, why, and
   * whether the reader could tell (`sure: false`: the user must pick one); `how`: the reader's choice, the unit's
   * remembered pick, or the user's pick for this file. Null/absent for a single value column.
   */
  valueColumn: z
    .object({
      letter: z.string(),
      header: z.string(),
      reason: z.string(),
      sure: z.boolean(),
      how: z.enum(['auto', 'remembered', 'chosen']),
    })
    .nullable()
    .optional(),
  /** The columns the user can pick from (letter, header cell, header text), left to right. */
  valueColumns: z.array(ValueCandidate).optional(),
});
export type PreviewFile = z.infer<typeof PreviewFile>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Mã SHA-256 không hợp lệ' });

const CommitFile = z.object({
  /** The file's bytes; absent when the preview staged it: then `staged` names it by content. */
  file: FileIn.optional(),
  /** A file the preview read and kept in main (reports.stageCheck says which are still kept). */
  staged: z.object({ sha256: Sha256, name: z.string().max(255) }).optional(),
  /** The unit confirmed by the user (required unless the file is skipped). */
  unitId: Id,
  receivedOn: IsoDate,
  channel: ReceiveChannel.default('file'),
  /** Label -> indicator decisions the user made on the mapping screen (null = ignore the row). */
  mapping: z
    .array(z.object({ label: z.string(), indicatorId: Id.nullable() }))
    .max(1000)
    .default([]),
  /** Remember these decisions for this unit next time. */
  remember: z.boolean().default(true),
  /** Header of the value column the user picked ("Kết quả thực hiện / Quý II"); absent: the reader's or the remembered one. */
  valueColumn: z.string().max(500).nullable().optional(),
  /** Flagged values (MappedRow.checks) the user confirms as right, each with a short reason (audited). */
  confirmations: z
    .array(
      z.object({
        label: z.string().max(2000),
        reason: z.string().trim().min(3, { message: 'Hãy ghi lý do xác nhận (ít nhất 3 ký tự)' }).max(500),
      }),
    )
    .max(1000)
    .default([]),
});

export const CommitResult = z.object({
  batchId: Id.nullable(),
  files: z.array(
    z.object({
      file: z.string(),
      status: z.enum(['imported', 'duplicate', 'superseded', 'held', 'error']),
      unitCode: z.string().nullable(),
      reportId: Id.nullable(),
      issues: z.array(ReportIssue),
    }),
  ),
});
export type CommitResult = z.infer<typeof CommitResult>;

export const BatchInfo = z.object({
  id: Id,
  planId: Id,
  createdAt: z.string(),
  fileCount: z.number().int(),
  status: z.enum(['committed', 'undone']),
  imported: z.number().int(),
  /** Cut off halfway (crash, full disk): some files are in, some are not; finish it by importing them again, or undo. */
  interrupted: z.boolean(),
  /** Files of an interrupted batch that are not in the data. */
  notIn: z.array(z.string()),
});
export type BatchInfo = z.infer<typeof BatchInfo>;

export const ReportListRow = z.object({
  unit: UnitRef,
  state: z.enum(['on_time', 'late', 'missing']),
  report: z
    .object({
      id: Id,
      version: z.number().int(),
      receivedOn: z.string(),
      channel: ReceiveChannel,
      /** A hand-entered version (channel 'manual'): how the unit sent it; null for imported files. */
      receivedVia: z.enum(ENTRY_VIA).nullable().optional(),
      fileName: z.string().nullable(),
      versions: z.number().int(),
      held: z.number().int(),
      issueCount: z.number().int(),
      /** The unit was asked to correct this version ("đã đề nghị sửa") on that date; null when not. */
      correctionRequestedOn: z.string().nullable(),
      /** When the unit's first usable (not revoked) report arrived: what on time / late is judged by. */
      firstReceivedOn: z.string(),
      /** On time, but the version in use is a correction sent after the deadline ("sửa sau hạn"). */
      correctedAfterDue: z.boolean(),
    })
    .nullable(),
});
export type ReportListRow = z.infer<typeof ReportListRow>;

export const ReportDetail = z.object({
  id: Id,
  planId: Id,
  unit: UnitRef,
  version: z.number().int(),
  status: z.enum(['active', 'superseded', 'held', 'revoked']),
  receivedOn: z.string(),
  channel: ReceiveChannel,
  /** A hand-entered version (channel 'manual'): how the unit sent it; null for imported files. */
  receivedVia: z.enum(ENTRY_VIA).nullable().optional(),
  fileName: z.string().nullable(),
  title: z.string().nullable(),
  values: z.array(
    z.object({
      indicatorId: Id,
      code: z.string(),
      groupCode: z.string(),
      label: z.string(),
      unit: z.string().nullable(),
      /** The second measure's unit ("triệu đồng"); null when the indicator has none. */
      unit2: z.string().nullable(),
      target: z
        .object({
          min: z.number().nullable(),
          max: z.number().nullable(),
          text: z.string().nullable(),
          scope: z.enum(['total', 'per_unit']),
        })
        .nullable(),
      value: Value,
      value2: z.number().nullable(),
      edited: z.boolean(),
      sourceCell: z.string().nullable(),
    }),
  ),
  narrative: z.array(z.object({ heading: z.string(), text: z.string() })),
  issues: z.array(ReportIssue),
  /** The unit was asked to correct this version ("đã đề nghị sửa") on that date; null when not. */
  correctionRequestedOn: z.string().nullable(),
  versions: z.array(
    z.object({
      id: Id,
      version: z.number().int(),
      status: z.string(),
      receivedOn: z.string(),
      fileName: z.string().nullable(),
      receivedVia: z.enum(ENTRY_VIA).nullable().optional(),
    }),
  ),
});
export type ReportDetail = z.infer<typeof ReportDetail>;
/** Where a report version stands: the one in use, replaced by a newer one, held for a decision, or revoked. */
export type ReportStatus = ReportDetail['status'];

/**
 * Optional cancel token of one preview/commit call (e.g. a random id made by the caller): 'tasks.cancel' with it
 * stops that call only, and its progress events carry it as `task`. Without it the task name is used.
 */
const TaskId = z.string().min(1).max(100).optional();

export const reportsChannels = {
  'reports.preview': {
    input: z.object({ planId: Id, files: z.array(FileIn).min(1).max(2000), taskId: TaskId }),
    output: z.object({ files: z.array(PreviewFile) }),
  },
  'reports.commit': {
    input: z.object({
      planId: Id,
      files: z
        .array(CommitFile.refine((f) => f.file || f.staged, { message: 'Thiếu tệp: hãy chọn lại tệp rồi nhập lại.' }))
        .min(1)
        .max(2000),
      taskId: TaskId,
    }),
    output: CommitResult,
  },
  /** Which previewed files main still keeps (by SHA-256): the commit sends the bytes of the others only. */
  'reports.stageCheck': {
    input: z.object({ planId: Id, sha256s: z.array(Sha256).max(2000) }),
    output: z.object({ missing: z.array(z.string()) }),
  },
  'reports.batches': { input: z.object({ planId: Id }), output: z.array(BatchInfo) },
  'reports.undoBatch': { input: z.object({ batchId: Id }), output: z.object({ revoked: z.number().int() }) },
  'reports.list': { input: z.object({ planId: Id }), output: z.array(ReportListRow) },
  'reports.get': { input: z.object({ reportId: Id }), output: ReportDetail },
  'reports.decideHeld': { input: z.object({ reportId: Id, action: z.enum(['activate', 'revoke']) }), output: ReportDetail },
  'reports.editValue': {
    input: z.object({
      reportId: Id,
      indicatorId: Id,
      value: z.union([z.number().finite(), z.string().max(2000)]).nullable(),
      note: OptText(500),
      /** The second measure (absent: left as it is; null: cleared). */
      value2: z.number().finite().nullable().optional(),
      /** Why an odd value (a blocking check) is right: required for such a value, audited. */
      reason: OptText(500),
    }),
    output: ReportDetail,
  },
  'reports.templates': {
    input: z.object({ planId: Id, unitIds: z.array(Id).max(5000).nullable().default(null), zip: z.boolean().default(true) }),
    output: FileOut,
  },
  /** `task`: the taskId a call was started with, or a task name ('reports.preview') for calls started without one. */
  'tasks.cancel': { input: z.object({ task: z.string().max(100) }), output: z.object({ cancelled: z.boolean() }) },
};
