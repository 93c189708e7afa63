// `npm run db:baseline`: writes src-main/db/migrations/schema-NNNN.sql (the baseline a new database gets in one go,
// tests/helpers/db-baseline.ts) for the latest migration, and removes the baseline of an earlier one.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineFile, defaultMigrationsDir, loadMigrations } from '../../src-main/db/migrate';
import { baselineSql } from '../helpers/db-baseline';

const dir = defaultMigrationsDir();
const migrations = loadMigrations(dir);
const name = baselineFile(migrations.length);
for (const f of readdirSync(dir)) if (/^schema-\d{4}\.sql$/.test(f) && f !== name) rmSync(join(dir, f));
writeFileSync(join(dir, name), baselineSql(migrations));
console.log(`Đã ghi ${join(dir, name)}`);
