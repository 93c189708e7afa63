// The handler table: one feature module per aggregate, merged (a channel served twice throws at start) and checked
// against the contract so that a missing or extra channel is a compile error.
import { mergeHandlers, type Handlers } from '../handler/handler';
import { appHandlers } from '../features/app';
import { backupsHandlers } from '../features/backups';
import { settingsHandlers } from '../features/settings';
import { unitsHandlers } from '../features/units';
import { indicatorsHandlers } from '../features/indicators';
import { plansHandlers } from '../features/plans';
import { planIntakeHandlers } from '../features/plan-intake-handlers';
import { reportsHandlers } from '../features/reports';
import { consolidationHandlers } from '../features/consolidation-handlers';
import { consolidationViewHandlers } from '../features/consolidation-view-handlers';
import { modelsHandlers } from '../features/models';
import { modelsFollowupHandlers } from '../features/models-followup';
import { demoHandlers } from '../features/demo';
import { dashboardHandlers } from '../features/dashboard';
import { checksHandlers } from '../features/checks-handlers';
import { unitTargetsHandlers } from '../features/unit-targets';
import { reportEntryHandlers } from '../features/report-entry-handlers';
import { narrativeCurationHandlers } from '../features/narrative-curation-handlers';
import { reportMappingHandlers } from '../features/report-mapping-handlers';
import { provinceHandlers } from '../features/province-handlers';

export const handlers = mergeHandlers(
  appHandlers,
  backupsHandlers,
  settingsHandlers,
  unitsHandlers,
  indicatorsHandlers,
  plansHandlers,
  reportsHandlers,
  consolidationHandlers,
  consolidationViewHandlers,
  modelsHandlers,
  dashboardHandlers,
  checksHandlers,
  unitTargetsHandlers,
  reportEntryHandlers,
  narrativeCurationHandlers,
  reportMappingHandlers,
  modelsFollowupHandlers,
  demoHandlers,
  provinceHandlers,
  planIntakeHandlers,
) satisfies Handlers;
