// Organisation profile: who we are, who is above us, how our documents are numbered and signed.
// Every export (Excel, Word, reminders) reads its header and signature block from here.
import { z } from 'zod';
import { OptText, Text } from './common';

const Required = (max: number, message: string) => Text(max).pipe(z.string().min(1, { message }));

export const OrgProfile = z.object({
  /** Cơ quan chủ quản, line 1 of the header block: "LĐLĐ TỈNH QUẢNG NAM". */
  parentOrg: OptText(200),
  /** Own organisation, line 2 (bold): "LĐLĐ HUYỆN THĂNG BÌNH". */
  ownOrg: Required(200, 'Cần nhập tên cơ quan'),
  /** Short name used in document codes: "LĐLĐ". */
  ownOrgShort: OptText(50),
  /** Place name for "Thăng Bình, ngày ... tháng ... năm ...". */
  placeName: OptText(100),
  /** Document code suffix: "KH-LĐLĐ" / Party style "KH/LĐLĐ". */
  documentCode: OptText(50),
  signerAuthority: OptText(100), // TM. BAN THƯỜNG VỤ
  signerTitle: OptText(100), // PHÓ CHỦ TỊCH
  signerName: OptText(100),
  /** Names of the levels, top down, as this office calls them. */
  levelNames: z.object({
    province: Required(100, 'Cần nhập tên gọi cấp tỉnh'),
    upper: Required(100, 'Cần nhập tên gọi cấp mình'),
    base: Required(100, 'Cần nhập tên gọi cấp cơ sở'),
  }),
  /** Yearly deadline for "Dân vận khéo" model registration (MM-DD). */
  modelRegistrationDeadline: z
    .string()
    .regex(/^\d{2}-\d{2}$/)
    .default('03-13'),
});
export type OrgProfile = z.infer<typeof OrgProfile>;

export const DEFAULT_PROFILE: OrgProfile = {
  parentOrg: 'LIÊN ĐOÀN LAO ĐỘNG TỈNH',
  ownOrg: 'LIÊN ĐOÀN LAO ĐỘNG HUYỆN',
  ownOrgShort: 'LĐLĐ',
  placeName: null,
  documentCode: 'KH-LĐLĐ',
  signerAuthority: 'TM. BAN THƯỜNG VỤ',
  signerTitle: 'CHỦ TỊCH',
  signerName: null,
  levelNames: { province: 'LĐLĐ tỉnh', upper: 'LĐLĐ huyện', base: 'Công đoàn cơ sở' },
  modelRegistrationDeadline: '03-13',
};
