// A report written straight into the database for the db tests: a plan × unit's newer version with the given values
// (no file, no narrative), made the one in use by the app's own rule (recomputeActive). Test-only.
import type { Db } from '../../src-main/db/connection';
import { insertReport, recomputeActive } from '../../src-main/db/reports';

export function addTestReport(
  db: Db,
  planId: number,
  unitId: number,
  receivedOn: string,
  values: { indicatorId: number; valueNum: number }[],
): number {
  const id = insertReport(
    db,
    {
      planId,
      unitId,
      batchId: null,
      status: 'superseded',
      receivedOn,
      channel: 'file',
      fileName: null,
      sha256: null,
      documentId: null,
      reader: null,
      title: null,
      periodLabel: null,
      unitNameInFile: null,
      issues: [],
    },
    values.map((v) => ({ ...v, valueText: null, value2: null, note: null, cell: null })),
    [],
    `${receivedOn}T00:00:00.000Z`,
  );
  recomputeActive(db, planId, unitId);
  return id;
}
