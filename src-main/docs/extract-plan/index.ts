// extractPlan(text): the whole plan intake — splits the text into header, title, preamble, body and footer,
// runs each part's reader and returns the `extract-plan` contract shape (DESIGN.md §5) with warnings/missing.
import { convertLegacyLines } from '../legacy-text';
import { PLAN_EXTRACT_FIELDS, PlanExtract, type PlanExtractField } from '../../contract/plan-extract';
import { parseBasis, preambleEnd } from './basis';
import { parseReportDue } from './deadline';
import { parseFooter } from './footer';
import { parseHeader } from './header-block';
import { parsePeriod } from './period';
import { parseRecipients } from './recipients';
import { parseSigner } from './signer';
import { parseTargets } from './targets';
import { foldSame, isHeadingLine, paragraphs, prepareLines, sentences, type Warning } from './text-tools';
import { parseTitle } from './title';

export function extractPlan(input: string): PlanExtract {
  const warnings: Warning[] = [];
  const legacy = convertLegacyLines(input);
  if (legacy.lines > 0) {
    const font = legacy.encoding === 'vni' ? 'VNI (VNI-Times…)' : 'TCVN3 (.VnTime…)';
    warnings.push({
      field: 'document',
      message: `Văn bản gõ bằng bảng mã cũ ${font}: đã tự chuyển ${legacy.lines} dòng sang Unicode. Hãy đối chiếu các mục bên dưới với văn bản gốc.`,
    });
  }
  const text = legacy.text;
  const lines = prepareLines(text);

  const header = parseHeader(lines, warnings);
  const { title, next } = header.typeLine >= 0 ? parseTitle(lines, header.bodyStart) : { title: null, next: header.bodyStart };
  const footer = parseFooter(lines, next);
  const bodyEnd = Math.max(next, footer.start);
  const basisEnd = Math.min(preambleEnd(lines, next), bodyEnd);
  const basis = parseBasis(lines, next, basisEnd, warnings);

  const bodySentences: string[] = [];
  const underTargetHeading: boolean[] = [];
  let targetSection = false;
  for (const para of paragraphs(lines, next, bodyEnd)) {
    if (isHeadingLine(para.text)) targetSection = /chi tieu/.test(foldSame(para.text));
    for (const s of sentences(para.text, '.!?')) {
      bodySentences.push(s);
      underTargetHeading.push(targetSection);
    }
  }
  const period = parsePeriod(title, bodySentences, warnings);
  const year =
    Number((period.endsOn ?? period.startsOn ?? '').slice(0, 4)) ||
    Number(/(\d{4})/.exec(period.label ?? '')?.[1]) ||
    Number((header.issuedOn ?? '').slice(0, 4)) ||
    null;
  const reportDueOn = parseReportDue(bodySentences, year, warnings);
  const targets = parseTargets(bodySentences, underTargetHeading);
  const signer = parseSigner(footer.parts);
  const recipients = parseRecipients(footer.parts);

  const result = {
    documentType: header.documentType,
    number: header.number,
    issuedOn: header.issuedOn,
    place: header.place,
    issuer: header.issuer,
    parentIssuer: header.parentIssuer,
    title,
    basis,
    period,
    reportDueOn,
    targets,
    signer,
    recipients,
  };
  const missing: PlanExtractField[] = PLAN_EXTRACT_FIELDS.filter((field) => {
    const v: unknown = result[field];
    if (v === null) return true;
    if (Array.isArray(v)) return v.length === 0;
    if (typeof v === 'object') return Object.values(v as Record<string, unknown>).every((x) => x === null);
    return false;
  });
  return PlanExtract.parse({ ...result, warnings: dedupe(warnings), missing });
}

function dedupe(warnings: Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const k = `${w.field}\u0000${w.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
