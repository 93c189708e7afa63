// What every consolidated export needs besides the figures: the official header (from Settings), the
// subject line of the plan, Nơi nhận and the signer.
import type { OfficialHeader, OfficialSigner } from '../../layout/types';

export interface ExportFrame {
  header: OfficialHeader;
  /** "kết quả phối hợp làm công tác dân vận đợt II/2023" without the leading "Báo cáo". */
  subject: string;
  recipients: string[];
  signer: OfficialSigner;
  /** How sentences name the units that report ("CĐCS", "đơn vị"); absent: from Settings' level names. */
  unitsShort?: string;
}
