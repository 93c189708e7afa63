// Reports written straight into the database for the db tests and benches: `reportRow` is a report row with every
// field not given left empty (no file, no reader), `addTestReport` a plan × unit's newer version with the given values
// (no narrative), made the one in use by the app's own rule (recomputeActive). Test-only.
import type { Db } from '../../src-main/db/connection';
import { insertReport, recomputeActive } from '../../src-main/db/reports';

type NewReport = Parameters<typeof insertReport>[1];

/** A report row for insertReport: plan, unit and received date given, every other field empty unless given. */
export function reportRow(r: Pick<NewReport, 'planId' | 'unitId' | 'receivedOn'> & Partial<NewReport>): NewReport {
  return {
    batchId: null,
    status: 'superseded',
    channel: 'file',
    fileName: null,
    sha256: null,
    documentId: null,
    reader: null,
    title: null,
    periodLabel: null,
    unitNameInFile: null,
    issues: [],
    ...r,
  };
}

export function addTestReport(
  db: Db,
  planId: number,
  unitId: number,
  receivedOn: string,
  values: { indicatorId: number; valueNum: number }[],
): number {
  const id = insertReport(
    db,
    reportRow({ planId, unitId, receivedOn }),
    values.map((v) => ({ ...v, valueText: null, value2: null, note: null, cell: null })),
    [],
    `${receivedOn}T00:00:00.000Z`,
  );
  recomputeActive(db, planId, unitId);
  return id;
}
