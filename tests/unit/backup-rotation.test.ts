// Rotation of backups (pure): 7 daily, 4 weekly, 12 monthly, event backups for 14 days; file naming; CSV escaping.
import { describe, expect, it } from 'vitest';
import { backupsToKeep, type RotationEntry } from '../../src-main/data-file/backup-rotation';
import { backupFileName, isBackupName } from '../../src-main/data-file/backup-store';
import { auditCsv } from '../../src-main/features/audit-export';

const day = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h, 0, 0);
const daily = (at: Date): RotationEntry => ({ id: `d-${at.toISOString()}`, at, reason: 'daily' });

describe('backup rotation', () => {
  it('keeps the last 7 days, then the newest of each earlier week (4 weeks) and month', () => {
    const now = day(2026, 3, 20, 18); // Friday 20 March 2026
    const entries = Array.from({ length: 29 }, (_, i) => daily(day(2026, 3, 20 - i))); // 20 Mar back to 20 Feb
    const keep = backupsToKeep(entries, now);
    const kept = entries.filter((e) => keep.has(e.id)).map((e) => `${e.at.getMonth() + 1}/${e.at.getDate()}`);
    // daily 14..20 Mar; weekly: Sun 15 Mar (already daily), Sun 8 Mar, Sun 1 Mar; monthly: 20 Mar, 28 Feb
    expect(kept).toEqual(['3/20', '3/19', '3/18', '3/17', '3/16', '3/15', '3/14', '3/8', '3/1', '2/28']);
  });

  it('keeps only the newest backup of a day', () => {
    const a = daily(day(2026, 3, 20, 8));
    const b = { ...daily(day(2026, 3, 20, 17)), id: 'later' };
    const keep = backupsToKeep([a, b], day(2026, 3, 20, 18));
    expect([...keep]).toEqual(['later']);
  });

  it('keeps 4 weekly and 12 monthly over a year and a half of daily backups, nothing else', () => {
    const now = day(2026, 6, 30, 20);
    const entries: RotationEntry[] = [];
    for (let i = 0; i < 540; i++) entries.push(daily(new Date(2026, 5, 30 - i, 9)));
    const keep = backupsToKeep(entries, now);
    const kept = entries.filter((e) => keep.has(e.id)).map((e) => e.at);
    // 7 daily (24..30 June) + weekly Sundays of earlier weeks inside the last 4 weeks + month ends of 11 earlier months
    const months = new Set(kept.map((d) => `${d.getFullYear()}-${d.getMonth()}`));
    expect(months.size).toBe(12);
    expect(kept.every((d) => d >= new Date(2025, 6, 1))).toBe(true); // nothing older than 12 months
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(kept.length).toBeGreaterThanOrEqual(12 + 7);
    for (let i = 0; i < 7; i++) expect(keep.has(`d-${new Date(2026, 5, 30 - i, 9).toISOString()}`)).toBe(true);
    // month ends are the newest of their months
    expect(keep.has(`d-${new Date(2026, 0, 31, 9).toISOString()}`)).toBe(true);
    expect(keep.has(`d-${new Date(2026, 0, 30, 9).toISOString()}`)).toBe(false);
  });

  it('keeps every pre-import / pre-migrate backup of the last 14 days, not older ones', () => {
    const now = day(2026, 3, 20, 12);
    const recent: RotationEntry[] = Array.from({ length: 30 }, (_, i) => ({
      id: `imp-${i}`,
      at: new Date(2026, 2, 20, 11, i),
      reason: 'pre-import',
    }));
    const old: RotationEntry = { id: 'old-import', at: day(2026, 3, 5), reason: 'pre-import' };
    const oldSameDay: RotationEntry = { id: 'old-import-2', at: day(2026, 3, 5, 8), reason: 'pre-migrate' };
    const keep = backupsToKeep([...recent, old, oldSameDay], now);
    for (const r of recent) expect(keep.has(r.id)).toBe(true);
    // 5 March is 15 days ago: only kept as the newest of its day / week / month slot
    expect(keep.has('old-import')).toBe(true);
    expect(keep.has('old-import-2')).toBe(false);
  });

  it('always keeps the newest backup, even a very old one', () => {
    const keep = backupsToKeep([daily(day(2020, 1, 1))], day(2026, 1, 1));
    expect(keep.size).toBe(1);
    expect(backupsToKeep([], day(2026, 1, 1)).size).toBe(0);
  });
});

describe('backup file names', () => {
  it('encodes local date-time, reason and schema version', () => {
    const name = backupFileName(new Date(2026, 0, 5, 7, 8, 9), 'pre-import', 3);
    expect(name).toBe('dan-van-20260105-070809-pre-import-v3.sqlite');
    expect(isBackupName(name)).toBe(true);
    expect(backupFileName(new Date(2026, 0, 5, 7, 8, 9), 'manual', 3, 2)).toBe('dan-van-20260105-070809-manual-v3-2.sqlite');
    expect(isBackupName('dan-van.sqlite')).toBe(false);
    expect(isBackupName('../dan-van-20260105-070809-manual-v3.sqlite')).toBe(false);
  });
});

describe('audit CSV export', () => {
  it('escapes cells that would start a formula and quotes per RFC 4180', () => {
    const csv = auditCsv([
      {
        id: 1,
        at: '2026-01-01T00:00:00.000Z',
        actor: '@admin',
        action: '+x',
        entity: '-1',
        entityId: null,
        summary: '=HYPERLINK("http://x","bấm"), rồi',
      },
    ]);
    const line = csv.split('\r\n')[1];
    expect(csv.startsWith('\uFEFFThời gian,')).toBe(true);
    expect(line).toBe(`2026-01-01T00:00:00.000Z,'@admin,'+x,'-1,"'=HYPERLINK(""http://x"",""bấm""), rồi"`);
  });
});
