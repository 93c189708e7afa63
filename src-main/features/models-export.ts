// "Dân vận khéo" exports for the level above: the models register of a year in the official layout (Excel,
// grouped by field) and the yearly summary report (Word), both with header and signature from the org profile.
import { loadExcelJs } from '../excel/exceljs-load';
import type { FileOut } from '../contract/common';
import {
  MODEL_FIELDS,
  MODEL_FIELD_LABELS,
  MODEL_STATUS_LABELS,
  MODEL_TYPE_LABELS,
  RECOGNITION_LEVEL_LABELS,
} from '../contract/model-labels';
import type { Model } from '../contract/models';
import { awardLine } from '../contract/models-followup';
import type { Db } from '../db/connection';
import { coverage, listModels } from '../db/models';
import { modelSummaryDocx } from '../docs/models-docx';
import { toRoman } from '../docs/official-docx/numbering';
import { addOfficialHeader, addSignatureBlock, addTable, addTitle, type SheetRow } from '../excel/official-sheet/index';
import { formatViDate, todayInVietnam } from '../text/vi-date';
import { titleCaseOrg } from '../text/org-name';
import { resolveProfile } from './doc-identity';
import { readProfile } from './settings';
import { MIME } from '../contract/mime';
import { xlsxBytes } from '../excel/xlsx-bytes';

function headerOf(db: Db, now: Date, code: string) {
  const { profile: p, warnings } = resolveProfile(readProfile(db), null);
  return {
    profile: p,
    warnings,
    header: {
      parentOrg: p.parentOrg ?? '',
      ownOrg: p.ownOrg,
      number: `/${code}-${p.ownOrgShort ?? 'LĐLĐ'}`,
      place: p.placeName ?? '',
      date: todayInVietnam(now),
    },
    signer: { authority: p.signerAuthority ?? '', title: p.signerTitle ?? '', name: p.signerName ?? '' },
  };
}

function recognitionText(m: Model): string {
  if (m.recognitionLevel && m.recognizedOn) return `${RECOGNITION_LEVEL_LABELS[m.recognitionLevel]}, ${formatViDate(m.recognizedOn)}`;
  if (m.status === 'de_nghi_cong_nhan' && m.proposedLevel) return `Đề nghị ${RECOGNITION_LEVEL_LABELS[m.proposedLevel].toLowerCase()}`;
  return '';
}

export async function exportModelRegister(db: Db, year: number, now: Date): Promise<FileOut> {
  const { header, signer, warnings } = headerOf(db, now, 'DS');
  const list = listModels(db, { year });
  const xl = await loadExcelJs();
  const wb = new xl.Workbook();
  wb.creator = 'Dân vận';
  const ws = wb.addWorksheet(`Mô hình ${year}`);
  const columns = [
    { header: 'STT', key: 'stt', width: 6, align: 'center' as const },
    { header: 'Đơn vị đăng ký', key: 'unit', width: 28 },
    { header: 'Tên mô hình, điển hình', key: 'name', width: 38 },
    { header: 'Loại', key: 'type', width: 14 },
    { header: 'Mới / Duy trì', key: 'isNew', width: 12, align: 'center' as const },
    { header: 'Ngày đăng ký', key: 'registeredOn', width: 12, kind: 'date' as const },
    { header: 'Người phụ trách, điện thoại', key: 'person', width: 22 },
    { header: 'Bước', key: 'step', width: 7, kind: 'number' as const, align: 'center' as const },
    { header: 'Trạng thái', key: 'status', width: 15 },
    { header: 'Công nhận', key: 'recognition', width: 20 },
    { header: 'Khen thưởng', key: 'awards', width: 24 },
  ];
  addOfficialHeader(ws, header, columns.length);
  addTitle(
    ws,
    `Danh sách mô hình, điển hình "Dân vận khéo" năm ${year}`,
    `Tổng số: ${list.length} mô hình, điển hình (${list.filter((m) => m.isNew).length} đăng ký mới)`,
    columns.length,
  );
  let stt = 0;
  const rowOf = (m: Model): SheetRow => ({
    stt: ++stt,
    unit: m.unitName,
    name: m.name,
    type: MODEL_TYPE_LABELS[m.type],
    isNew: m.isNew ? 'Mới' : `Duy trì (từ ${m.startedYear})`,
    registeredOn: m.registeredOn,
    person: [m.person, m.phone].filter(Boolean).join(', '),
    step: m.step,
    status: MODEL_STATUS_LABELS[m.status],
    recognition: recognitionText(m),
    awards: m.awards.map(awardLine).join('; '),
  });
  const groups = MODEL_FIELDS.map((f, i) => ({
    field: f,
    label: `${toRoman(i + 1)}. Lĩnh vực ${MODEL_FIELD_LABELS[f].toLowerCase()}`,
    models: list.filter((m) => m.field === f),
  }))
    .filter((g) => g.models.length > 0)
    .map((g) => ({ label: g.label, rows: g.models.map(rowOf) }));
  addTable(ws, { columns, groups, landscape: true });
  addSignatureBlock(ws, ['Lưu: VT.'], signer);
  return {
    name: `mo-hinh-dan-van-kheo-${year}.xlsx`,
    mime: MIME.xlsx,
    bytes: await xlsxBytes(wb),
    ...(warnings.length ? { warnings } : {}),
  };
}

export async function exportModelSummary(db: Db, year: number, now: Date): Promise<FileOut> {
  const { profile, header, signer, warnings } = headerOf(db, now, 'BC');
  const bytes = await modelSummaryDocx({
    header,
    signer,
    kinhGui: `Ban Thường vụ ${titleCaseOrg(profile.parentOrg ?? profile.levelNames.province)}`,
    recipients: [`Ban Thường vụ ${titleCaseOrg(profile.parentOrg ?? profile.levelNames.province)} (b/c)`, 'Lưu: VT.'],
    coverage: coverage(db, year, `${year}-${profile.modelRegistrationDeadline}`),
    models: listModels(db, { year }),
  });
  return { name: `bao-cao-dan-van-kheo-${year}.docx`, mime: MIME.docx, bytes, ...(warnings.length ? { warnings } : {}) };
}
