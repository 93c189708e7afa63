// One source for each enum: every `CHECK (col IN (…))` list of text values in the schema (as migrations leave it in
// sqlite_schema) equals the contract's enum for that column, so a value added on one side only fails here.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openDatabase } from '../../src-main/db/connection';
import { UnitKind } from '../../src-main/contract/units';
import { Aggregation } from '../../src-main/contract/indicators';
import { Assignment, PlanDraft, PlanKind, PlanStatus, TargetDraft } from '../../src-main/contract/plans';
import { BatchInfo, ReceiveChannel, ReportDetail } from '../../src-main/contract/reports';
import { ModelField, ModelStatus, ModelType, RecognitionLevel } from '../../src-main/contract/models';
import { CELL_MEASURES, NarrativeKey, ReminderChannel } from '../../src-main/contract/consolidation';
import { UnitTargetSource } from '../../src-main/contract/unit-targets';
import { ENTRY_VIA } from '../../src-main/contract/entry-labels';

/** The values of an enum schema, looking through default/nullable/optional/pipe wrappers. */
function optionsOf(schema: unknown): string[] {
  let s = schema as { options?: string[]; unwrap?: () => unknown; in?: unknown; def?: { innerType?: unknown } };
  for (let i = 0; i < 10; i++) {
    if (Array.isArray(s.options)) return [...s.options];
    const next = s.def?.innerType ?? (typeof s.unwrap === 'function' ? s.unwrap() : s.in);
    if (!next) break;
    s = next as typeof s;
  }
  throw new Error('not an enum schema');
}
const field = (obj: z.ZodObject, key: string) => optionsOf((obj.shape as Record<string, unknown>)[key]);

const CONTRACT: Record<string, string[]> = {
  'units.kind': optionsOf(UnitKind),
  'indicators.aggregation': optionsOf(Aggregation),
  'plans.kind': optionsOf(PlanKind),
  'plans.status': optionsOf(PlanStatus),
  'plans.origin': field(PlanDraft as unknown as z.ZodObject, 'origin'),
  'plans.assignment': optionsOf(Assignment),
  'plan_targets.scope': field(TargetDraft as unknown as z.ZodObject, 'scope'),
  'import_batches.status': field(BatchInfo as unknown as z.ZodObject, 'status'),
  'reports.status': field(ReportDetail as unknown as z.ZodObject, 'status'),
  'reports.channel': optionsOf(ReceiveChannel),
  'models.type': optionsOf(ModelType),
  'models.field': optionsOf(ModelField),
  'models.status': optionsOf(ModelStatus),
  'models.proposed_level': optionsOf(RecognitionLevel),
  'models.recognition_level': optionsOf(RecognitionLevel),
  'reminders.channel': optionsOf(ReminderChannel),
  'correction_requests.channel': optionsOf(ReminderChannel),
  'upward_cell_maps.measure': [...CELL_MEASURES],
  'unit_targets.source': optionsOf(UnitTargetSource),
  'reports.received_via': [...ENTRY_VIA],
  'narrative_curation_items.section': optionsOf(NarrativeKey),
};

function schemaEnums(): Map<string, string[]> {
  const db = openDatabase(':memory:');
  const out = new Map<string, string[]>();
  for (const r of db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[]) {
    for (const m of r.sql.matchAll(/CHECK\s*\((?:\s*\w+\s+IS\s+NULL\s+OR)?\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/gi)) {
      const values = [...(m[2] as string).matchAll(/'([^']*)'/g)].map((v) => v[1] as string);
      if (values.length) out.set(`${r.name}.${m[1]}`, values); // 0/1 flags have no quoted values
    }
  }
  db.close();
  return out;
}

describe('enums in the schema and in the contract', () => {
  const inSchema = schemaEnums();
  it('finds the CHECK lists (the parser works)', () => {
    expect(inSchema.get('units.kind')).toContain('cdcs');
    expect(inSchema.size).toBeGreaterThanOrEqual(14);
  });
  it('every CHECK list has a contract enum, with the same values', () => {
    const diff: string[] = [];
    for (const [col, values] of inSchema) {
      const c = CONTRACT[col];
      if (!c) diff.push(`${col}: no contract enum mapped in this test`);
      else if ([...values].sort().join() !== [...c].sort().join()) diff.push(`${col}: schema [${values}] vs contract [${c}]`);
    }
    for (const col of Object.keys(CONTRACT)) if (!inSchema.has(col)) diff.push(`${col}: no CHECK list in the schema`);
    expect(diff).toEqual([]);
  });
});
