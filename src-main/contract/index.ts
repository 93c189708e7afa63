// The IPC contract: one table of channel name -> { input, output } zod schemas, and the push-event table.
// Both processes derive their types from it; the renderer imports it with `import type` only.
import type { z } from 'zod';
import { appChannels } from './app';
import { backupsChannels } from './backups';
import { settingsChannels } from './settings-channels';
import { unitsChannels } from './units';
import { indicatorsChannels } from './indicators';
import { plansChannels } from './plans';
import { reportsChannels } from './reports';
import { consolidationChannels } from './consolidation';
import { consolidationViewChannels } from './consolidation-view';
import { modelsChannels } from './models';
import { modelsFollowupChannels } from './models-followup';
import { demoChannels } from './demo';
import { dashboardChannels } from './dashboard';
import { checksChannels } from './checks';
import { unitTargetsChannels } from './unit-targets';
import { reportEntryChannels } from './report-entry';
import { narrativeCurationChannels } from './narrative-curation';
import { reportMappingChannels } from './report-mapping';
import { provinceChannels } from './province';
import { planIntakeChannels } from './plan-intake';

export const contract = {
  ...appChannels,
  ...backupsChannels,
  ...settingsChannels,
  ...unitsChannels,
  ...indicatorsChannels,
  ...plansChannels,
  ...reportsChannels,
  ...consolidationChannels,
  ...consolidationViewChannels,
  ...modelsChannels,
  ...modelsFollowupChannels,
  ...demoChannels,
  ...dashboardChannels,
  ...checksChannels,
  ...unitTargetsChannels,
  ...reportEntryChannels,
  ...narrativeCurationChannels,
  ...reportMappingChannels,
  ...provinceChannels,
  ...planIntakeChannels,
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (before defaults/transforms). */
export type In<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (after validation). */
export type Parsed<C extends Channel> = z.output<Contract[C]['input']>;
export type Out<C extends Channel> = z.output<Contract[C]['output']>;

/** What changed, for `data.changed`: pages reload what shows this kind of data ('all': after a restore or a move). */
export const DATA_ENTITIES = ['all', 'units', 'indicators', 'plans', 'reports', 'reminders', 'models', 'settings', 'narrative'] as const;
type DataEntity = (typeof DATA_ENTITIES)[number];

/** Events pushed from main to the renderer. */
export interface Events {
  progress: { task: string; done: number; total: number; message: string };
  'data.changed': { entity: DataEntity };
}
export type EventName = keyof Events;

export type { Envelope, ErrorBody, ErrorCode } from './errors';
