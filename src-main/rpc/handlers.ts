// The handler table: one feature module per aggregate, merged and checked against the contract so that a
// missing or extra channel is a compile error.
import type { Channel, Out, Parsed } from '../contract/index';
import type { AppContext } from './context';
import { appHandlers } from '../features/app';
import { backupsHandlers } from '../features/backups';
import { settingsHandlers } from '../features/settings';
import { unitsHandlers } from '../features/units';
import { indicatorsHandlers } from '../features/indicators';
import { plansHandlers } from '../features/plans';
import { planIntakeHandlers } from '../features/plan-intake-handlers';
import { reportsHandlers } from '../features/reports';
import { consolidationHandlers } from '../features/consolidation-handlers';
import { modelsHandlers } from '../features/models';
import { dashboardHandlers } from '../features/dashboard';
import { checksHandlers } from '../features/checks-handlers';

export type Handler<C extends Channel> = (input: Parsed<C>, ctx: AppContext) => Out<C> | Promise<Out<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

export const handlers = {
  ...appHandlers,
  ...backupsHandlers,
  ...settingsHandlers,
  ...unitsHandlers,
  ...indicatorsHandlers,
  ...plansHandlers,
  ...reportsHandlers,
  ...consolidationHandlers,
  ...modelsHandlers,
  ...dashboardHandlers,
  ...checksHandlers,
  ...planIntakeHandlers,
} satisfies Handlers;
