// Word documents for "Dân vận khéo" (pure, via buildOfficialDocx): the blank registration form (phiếu đăng ký)
// a unit fills in, and the yearly summary report (báo cáo) to the province with coverage and recognised models.
import type { Coverage, Model } from '../contract/models';
import { awardLine } from '../contract/models-followup';
import {
  COVERAGE_LABELS,
  MODEL_FIELD_LABELS,
  MODEL_STATUS_LABELS,
  MODEL_TYPE_LABELS,
  RECOGNITION_LEVEL_LABELS,
  REGISTRATION_FIELDS,
} from '../contract/model-labels';
import { titleCaseOrg } from '../text/org-name';
import { formatViDate } from '../text/vi-date';
import type { BodyBlock, OfficialHeader, OfficialSigner } from './official-docx/index';
import { buildOfficialDocx } from './official-docx/lazy';

const DOTS = '…'.repeat(34);
const SHORT = '…'.repeat(23);
const box = (on: boolean): string => (on ? '☒' : '☐');

interface FormDocInput {
  year: number;
  /** Our organisation (printed as the unit's parent) and the unit, when the form is made for one unit. */
  ownOrg: string;
  unitName: string | null;
  place: string;
  date: string;
  deadline: string;
}

export function modelFormDocx(i: FormDocInput): Promise<Uint8Array> {
  const body: BodyBlock[] = [
    { kind: 'paragraph', runs: [{ text: 'Tên đơn vị đăng ký: ', bold: true }, i.unitName ?? SHORT], align: 'left', indent: false },
    { kind: 'paragraph', runs: [{ text: 'Tên mô hình, điển hình: ', bold: true }, SHORT.slice(4)], align: 'left', indent: false },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Loại: ', bold: true },
        Object.values(MODEL_TYPE_LABELS)
          .map((l) => `${box(false)} ${l}`)
          .join('    '),
      ],
      align: 'left',
      indent: false,
    },
    {
      kind: 'paragraph',
      runs: [
        { text: 'Lĩnh vực: ', bold: true },
        Object.values(MODEL_FIELD_LABELS)
          .map((l) => `${box(false)} ${l}`)
          .join('    '),
      ],
      align: 'left',
      indent: false,
    },
    {
      kind: 'paragraph',
      runs: [{ text: 'Đăng ký: ', bold: true }, `${box(false)} Mô hình mới năm ${i.year}    ${box(false)} Duy trì, bắt đầu từ năm: ………`],
      indent: false,
    },
    ...REGISTRATION_FIELDS.flatMap((f, n): BodyBlock[] => [
      { kind: 'heading', level: 2, number: `${n + 1}.`, text: f.label },
      { kind: 'paragraph', runs: DOTS, align: 'left', indent: false },
      { kind: 'paragraph', runs: DOTS, align: 'left', indent: false },
    ]),
    {
      kind: 'paragraph',
      runs: [{ text: 'Người phụ trách: ', bold: true }, '……………………………………  ', { text: 'Điện thoại: ', bold: true }, '……………………'],
      indent: false,
    },
    {
      kind: 'paragraph',
      runs: [{ text: `Phiếu gửi về ${titleCaseOrg(i.ownOrg)} trước ngày ${formatViDate(i.deadline)}.`, italic: true }],
      indent: false,
    },
  ];
  return buildOfficialDocx({
    header: { parentOrg: i.ownOrg, ownOrg: i.unitName ?? 'CÔNG ĐOÀN ……………………', number: '……/ĐK-CĐCS', place: i.place, date: i.date },
    documentType: 'PHIẾU ĐĂNG KÝ',
    title: `Xây dựng mô hình, điển hình "Dân vận khéo" năm ${i.year}`,
    kinhGui: [`Ban Thường vụ ${titleCaseOrg(i.ownOrg)}`],
    body,
    recipients: ['Như kính gửi', 'Lưu: VT.'],
    signer: { authority: 'TM. BAN CHẤP HÀNH', title: 'CHỦ TỊCH', name: '' },
    bodySize: 13,
  });
}

interface SummaryInput {
  header: OfficialHeader;
  signer: OfficialSigner;
  recipients: string[];
  kinhGui: string;
  coverage: Coverage;
  models: Model[];
}

/** "Đang thực hiện: 3; Được công nhận: 1." — or a plain sentence when no model has a status yet. */
function statusLine(c: Coverage): string {
  const parts = c.byStatus.filter((b) => b.count > 0).map((b) => `${MODEL_STATUS_LABELS[b.status]}: ${b.count}`);
  return parts.length ? `${parts.join('; ')}.` : `Năm ${c.year} chưa có mô hình, điển hình nào được ghi nhận kết quả thực hiện.`;
}

const pct = (a: number, b: number): string => (b ? `${Math.round((a / b) * 100)}%` : '0%');

export function modelSummaryDocx(s: SummaryInput): Promise<Uint8Array> {
  const c = s.coverage;
  const recognised = s.models.filter((m) => m.recognitionLevel && (m.status === 'duoc_cong_nhan' || m.status === 'nhan_rong'));
  const missing = c.units.filter((u) => u.state === 'chua_dang_ky');
  const late = c.units.filter((u) => u.state === 'tre_han');
  const body: BodyBlock[] = [
    { kind: 'heading', level: 1, text: 'Tình hình đăng ký' },
    {
      kind: 'paragraph',
      runs: `Năm ${c.year}, có ${c.baseUnits - c.missing}/${c.baseUnits} công đoàn cơ sở (${pct(c.baseUnits - c.missing, c.baseUnits)}) đăng ký mô hình, điển hình "Dân vận khéo" mới; trong đó ${c.onTime} đơn vị đăng ký đúng hạn (trước ngày ${formatViDate(c.deadline)}), ${c.late} đơn vị đăng ký trễ hạn; ${c.missing} đơn vị chưa đăng ký.`,
    },
    {
      kind: 'paragraph',
      runs: `Tổng số ${c.newModels} mô hình, điển hình đăng ký mới và ${c.carriedModels} mô hình, điển hình của các năm trước tiếp tục duy trì (không tính cộng dồn vào chỉ tiêu năm).`,
    },
    {
      kind: 'table',
      columns: [
        { header: 'TT', width: 0.5, align: 'center' },
        { header: 'Lĩnh vực', width: 3 },
        { header: 'Đăng ký mới', width: 1.2 },
        { header: 'Duy trì', width: 1.2 },
        { header: 'Cộng', width: 1 },
      ],
      rows: c.byField.map((f, n) => [n + 1, MODEL_FIELD_LABELS[f.field], f.newCount, f.carriedCount, f.newCount + f.carriedCount]),
      totalRow: ['', 'Tổng cộng', c.newModels, c.carriedModels, c.newModels + c.carriedModels],
    },
    { kind: 'heading', level: 1, text: 'Kết quả thực hiện' },
    { kind: 'paragraph', runs: statusLine(c) },
  ];
  if (recognised.length) {
    body.push({ kind: 'paragraph', runs: `Có ${recognised.length} mô hình, điển hình được công nhận:` });
    body.push({
      kind: 'table',
      columns: [
        { header: 'TT', width: 0.5, align: 'center' },
        { header: 'Tên mô hình, điển hình', width: 3 },
        { header: 'Đơn vị', width: 2.2 },
        { header: 'Cấp công nhận', width: 1.4 },
        { header: 'Ngày', width: 1.2, align: 'center' },
      ],
      rows: recognised.map((m, n) => [
        n + 1,
        m.name,
        m.unitName,
        m.recognitionLevel ? RECOGNITION_LEVEL_LABELS[m.recognitionLevel] : '',
        formatViDate(m.recognizedOn),
      ]),
    });
  }
  const awarded = s.models.filter((m) => m.awards.length > 0);
  if (awarded.length) {
    body.push({ kind: 'paragraph', runs: `Có ${awarded.length} mô hình, điển hình được khen thưởng:` });
    body.push({
      kind: 'table',
      columns: [
        { header: 'TT', width: 0.5, align: 'center' },
        { header: 'Tên mô hình, điển hình', width: 3 },
        { header: 'Đơn vị', width: 2.2 },
        { header: 'Khen thưởng', width: 2.6 },
      ],
      rows: awarded.map((m, n) => [n + 1, m.name, m.unitName, m.awards.map(awardLine).join('; ')]),
    });
  }
  // The units behind the figures go to a phụ lục table (the body stays short whatever the number of units).
  const listed = [...missing, ...late];
  if (listed.length) {
    body.push({ kind: 'heading', level: 1, text: 'Đơn vị đăng ký trễ hạn, chưa đăng ký' });
    body.push({
      kind: 'paragraph',
      runs: `Có ${late.length} đơn vị đăng ký trễ hạn và ${missing.length} đơn vị chưa đăng ký mô hình, điển hình năm ${c.year} (có danh sách kèm theo).`,
    });
  }
  const number = s.header.number.replace(/^\u200B?[\u00A0 ]*/, '…');
  return buildOfficialDocx({
    header: s.header,
    documentType: 'BÁO CÁO',
    title: `Kết quả đăng ký, thực hiện mô hình, điển hình "Dân vận khéo" năm ${c.year}`,
    kinhGui: [s.kinhGui],
    body,
    recipients: s.recipients,
    signer: s.signer,
    ...(listed.length
      ? {
          appendix: [
            {
              title: `Danh sách đơn vị chưa đăng ký, đăng ký trễ hạn mô hình, điển hình "Dân vận khéo" năm ${c.year}`,
              subtitle: `(Kèm theo Báo cáo số ${number} ngày ${formatViDate(s.header.date)} của ${titleCaseOrg(s.header.ownOrg)})`,
              body: [
                {
                  kind: 'table' as const,
                  fontSize: 13,
                  columns: [
                    { header: 'TT', width: 0.6, align: 'center' as const },
                    { header: 'Đơn vị', width: 4.6 },
                    { header: 'Mã đơn vị', width: 1.3, align: 'center' as const },
                    { header: 'Tình trạng', width: 2.2 },
                  ],
                  rows: listed.map((u, n) => [
                    String(n + 1),
                    u.name,
                    u.code,
                    u.state === 'tre_han'
                      ? `${COVERAGE_LABELS.tre_han} (${formatViDate(u.firstRegisteredOn)})`
                      : COVERAGE_LABELS.chua_dang_ky,
                  ]),
                },
              ],
            },
          ],
        }
      : {}),
  });
}
