// The `extract-plan` contract (DESIGN.md §5): what a plan document (kế hoạch) says, as data.
// Unknown values are null, dates ISO YYYY-MM-DD, text NFC; doubtful values are left null and explained in `warnings`.
import { z } from 'zod';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày không hợp lệ (cần dạng YYYY-MM-DD)' });
const Nfc = z.string().refine((s) => s === s.normalize('NFC'), { message: 'Văn bản phải ở dạng Unicode NFC' });
const OptNfc = Nfc.nullable();

/** One "Căn cứ ..." / "Thực hiện ..." reference: the clause as written plus what could be read from it. */
const PlanBasis = z
  .object({
    text: Nfc,
    /** "15/KH-LĐLĐ", "71-KH/LĐLĐ" (spaces removed). */
    number: OptNfc,
    issuedOn: IsoDay.nullable(),
    issuer: OptNfc,
  })
  .strict();
type PlanBasis = z.infer<typeof PlanBasis>;

const PlanPeriod = z
  .object({
    /** "Đợt II/2023", "Đợt 1 năm 2019", "Năm 2017", "Tháng 7/2019". */
    label: OptNfc,
    startsOn: IsoDay.nullable(),
    endsOn: IsoDay.nullable(),
  })
  .strict();
type PlanPeriod = z.infer<typeof PlanPeriod>;

/** A measurable commitment: "ít nhất 01 công trình" -> min 1, max null, unit "công trình". */
export const PlanTarget = z
  .object({
    text: Nfc,
    min: z.number().nullable(),
    max: z.number().nullable(),
    unit: OptNfc,
  })
  .strict();
export type PlanTarget = z.infer<typeof PlanTarget>;

const PlanSigner = z
  .object({
    /** "TM. BAN THƯỜNG VỤ", or "TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH" when there are two authority lines. */
    authority: OptNfc,
    /** "PHÓ CHỦ TỊCH". */
    title: OptNfc,
    name: OptNfc,
  })
  .strict();
type PlanSigner = z.infer<typeof PlanSigner>;

/** A value that was present but unusable (impossible date, blank number...), in Vietnamese for office staff. */
const PlanWarning = z.object({ field: z.string(), message: z.string() }).strict();
type PlanWarning = z.infer<typeof PlanWarning>;

/** Top-level fields reported in `missing` when nothing was found for them. */
export const PLAN_EXTRACT_FIELDS = [
  'documentType',
  'number',
  'issuedOn',
  'place',
  'issuer',
  'parentIssuer',
  'title',
  'basis',
  'period',
  'reportDueOn',
  'targets',
  'signer',
  'recipients',
] as const;
export type PlanExtractField = (typeof PLAN_EXTRACT_FIELDS)[number];

export const PlanExtract = z
  .object({
    /** "KẾ HOẠCH", "HƯỚNG DẪN"... */
    documentType: OptNfc,
    number: OptNfc,
    issuedOn: IsoDay.nullable(),
    place: OptNfc,
    issuer: OptNfc,
    parentIssuer: OptNfc,
    title: OptNfc,
    basis: z.array(PlanBasis),
    period: PlanPeriod,
    reportDueOn: IsoDay.nullable(),
    targets: z.array(PlanTarget),
    signer: PlanSigner,
    recipients: z.array(Nfc),
    warnings: z.array(PlanWarning),
    missing: z.array(z.enum(PLAN_EXTRACT_FIELDS)),
  })
  .strict();
export type PlanExtract = z.infer<typeof PlanExtract>;
