// The contract and its handlers, loaded room by room: a room's part of the contract (its zod schemas) and its feature
// module are imported at the first call of one of its channels, so a CLI command loads only the room it calls
// (`units list`: neither the importers, exporters and checks nor the other rooms' schemas). ROOM_OF names each
// channel's room; the compiler checks that it names every channel and that the room's part and table serve it with the
// contract's types. The app loads every room at start (loadAllRooms), so no page waits for one.
import type { z } from 'zod';
import type { Channel, Contract } from '../contract/index';
import { mergeHandlers, type Handler, type Handlers } from '../handler/handler';

const ROOMS = {
  app: {
    contract: () => import('../contract/app').then((m) => m.appChannels),
    handlers: () => import('../features/app').then((m) => m.appHandlers),
  },
  backups: {
    contract: () => import('../contract/backups').then((m) => m.backupsChannels),
    handlers: () => import('../features/backups').then((m) => m.backupsHandlers),
  },
  settings: {
    contract: () => import('../contract/settings-channels').then((m) => m.settingsChannels),
    handlers: () => import('../features/settings').then((m) => m.settingsHandlers),
  },
  units: {
    contract: () => import('../contract/units').then((m) => m.unitsChannels),
    handlers: () => import('../features/units').then((m) => m.unitsHandlers),
  },
  indicators: {
    contract: () => import('../contract/indicators').then((m) => m.indicatorsChannels),
    handlers: () => import('../features/indicators').then((m) => m.indicatorsHandlers),
  },
  plans: {
    contract: () => import('../contract/plans').then((m) => m.plansChannels),
    handlers: () => import('../features/plans').then((m) => m.plansHandlers),
  },
  planIntake: {
    contract: () => import('../contract/plan-intake').then((m) => m.planIntakeChannels),
    handlers: () => import('../features/plan-intake-handlers').then((m) => m.planIntakeHandlers),
  },
  reports: {
    contract: () => import('../contract/reports').then((m) => m.reportsChannels),
    handlers: () => import('../features/reports').then((m) => m.reportsHandlers),
  },
  consolidation: {
    contract: () => import('../contract/consolidation').then((m) => m.consolidationChannels),
    handlers: () => import('../features/consolidation-handlers').then((m) => m.consolidationHandlers),
  },
  consolidationView: {
    contract: () => import('../contract/consolidation-view').then((m) => m.consolidationViewChannels),
    handlers: () => import('../features/consolidation-view-handlers').then((m) => m.consolidationViewHandlers),
  },
  models: {
    contract: () => import('../contract/models').then((m) => m.modelsChannels),
    handlers: () => import('../features/models').then((m) => m.modelsHandlers),
  },
  modelsFollowup: {
    contract: () => import('../contract/models-followup').then((m) => m.modelsFollowupChannels),
    handlers: () => import('../features/models-followup').then((m) => m.modelsFollowupHandlers),
  },
  demo: {
    contract: () => import('../contract/demo').then((m) => m.demoChannels),
    handlers: () => import('../features/demo').then((m) => m.demoHandlers),
  },
  dashboard: {
    contract: () => import('../contract/dashboard').then((m) => m.dashboardChannels),
    handlers: () => import('../features/dashboard').then((m) => m.dashboardHandlers),
  },
  checks: {
    contract: () => import('../contract/checks').then((m) => m.checksChannels),
    handlers: () => import('../features/checks-handlers').then((m) => m.checksHandlers),
  },
  unitTargets: {
    contract: () => import('../contract/unit-targets').then((m) => m.unitTargetsChannels),
    handlers: () => import('../features/unit-targets').then((m) => m.unitTargetsHandlers),
  },
  reportEntry: {
    contract: () => import('../contract/report-entry').then((m) => m.reportEntryChannels),
    handlers: () => import('../features/report-entry-handlers').then((m) => m.reportEntryHandlers),
  },
  narrativeCuration: {
    contract: () => import('../contract/narrative-curation').then((m) => m.narrativeCurationChannels),
    handlers: () => import('../features/narrative-curation-handlers').then((m) => m.narrativeCurationHandlers),
  },
  reportMapping: {
    contract: () => import('../contract/report-mapping').then((m) => m.reportMappingChannels),
    handlers: () => import('../features/report-mapping-handlers').then((m) => m.reportMappingHandlers),
  },
  province: {
    contract: () => import('../contract/province').then((m) => m.provinceChannels),
    handlers: () => import('../features/province-handlers').then((m) => m.provinceHandlers),
  },
};
type Rooms = typeof ROOMS;
type Room = keyof Rooms;
type Part<R extends Room> = Awaited<ReturnType<Rooms[R]['contract']>>;
type Table<R extends Room> = Awaited<ReturnType<Rooms[R]['handlers']>>;
/** The room whose part of the contract has channel C as the contract has it and whose table serves it with C's handler
 *  type (never when none does). */
type Serving<C extends Channel> = {
  [R in Room]: C extends keyof Part<R> & keyof Table<R>
    ? Part<R>[C] extends Contract[C]
      ? Table<R>[C] extends Handler<C>
        ? R
        : never
      : never
    : never;
}[Room];

const ROOM_OF: { [C in Channel]: Serving<C> } = {
  // app
  'app.info': 'app',
  'audit.list': 'app',
  // backups
  'backups.list': 'backups',
  'backups.create': 'backups',
  'backups.restore': 'backups',
  'backups.setFolder': 'backups',
  'data.status': 'backups',
  'data.move': 'backups',
  'data.startEmpty': 'backups',
  'audit.export': 'backups',
  // settings
  'settings.get': 'settings',
  'settings.save': 'settings',
  // units
  'units.list': 'units',
  'units.get': 'units',
  'units.save': 'units',
  'units.setActive': 'units',
  'units.delete': 'units',
  'units.import': 'units',
  'units.export': 'units',
  // indicators
  'indicators.list': 'indicators',
  'indicators.save': 'indicators',
  'indicators.setRetired': 'indicators',
  // plans
  'plans.list': 'plans',
  'plans.get': 'plans',
  'plans.save': 'plans',
  'plans.setStatus': 'plans',
  'plans.delete': 'plans',
  'plans.copy': 'plans',
  'plans.extract': 'plans',
  'plans.document': 'plans',
  'plans.exportRegister': 'plans',
  'plans.importRegister': 'plans',
  'overview.get': 'plans',
  // plan-intake-handlers
  'plans.intake': 'planIntake',
  'plans.intakeIndicator': 'planIntake',
  // reports
  'reports.preview': 'reports',
  'reports.commit': 'reports',
  'reports.stageCheck': 'reports',
  'reports.batches': 'reports',
  'reports.undoBatch': 'reports',
  'reports.list': 'reports',
  'reports.get': 'reports',
  'reports.decideHeld': 'reports',
  'reports.editValue': 'reports',
  'reports.templates': 'reports',
  'tasks.cancel': 'reports',
  // consolidation-handlers
  'tracking.get': 'consolidation',
  'tracking.exportMissing': 'consolidation',
  'reminders.letter': 'consolidation',
  'reminders.history': 'consolidation',
  'reminders.record': 'consolidation',
  'consolidation.get': 'consolidation',
  'consolidation.exportXlsx': 'consolidation',
  'consolidation.exportDocx': 'consolidation',
  'consolidation.exportPdf': 'consolidation',
  'consolidation.upwardPackage': 'consolidation',
  'consolidation.cellMap.get': 'consolidation',
  'consolidation.cellMap.save': 'consolidation',
  'consolidation.fillProvinceWorkbook': 'consolidation',
  // consolidation-view-handlers
  'consolidation.view': 'consolidationView',
  'consolidation.matrix': 'consolidationView',
  'consolidation.narrative': 'consolidationView',
  'consolidation.texts': 'consolidationView',
  'consolidation.hasDistrictPackages': 'consolidationView',
  // models
  'models.list': 'models',
  'models.byUnit': 'models',
  'models.get': 'models',
  'models.save': 'models',
  'models.delete': 'models',
  'models.setStatus': 'models',
  'models.advanceStep': 'models',
  'models.addEvidence': 'models',
  'models.evidenceFile': 'models',
  'models.coverage': 'models',
  'models.formXlsx': 'models',
  'models.formDocx': 'models',
  'models.import': 'models',
  'models.exportRegister': 'models',
  'models.exportSummary': 'models',
  // models-followup
  'models.reminderLetter': 'modelsFollowup',
  'models.yearGlance': 'modelsFollowup',
  // demo
  'demo.status': 'demo',
  'demo.enter': 'demo',
  'demo.leave': 'demo',
  // dashboard
  'dashboard.get': 'dashboard',
  // checks-handlers
  'checks.plan': 'checks',
  'checks.prepare': 'checks',
  'checks.correctionLetter': 'checks',
  // unit-targets
  'unitTargets.get': 'unitTargets',
  'unitTargets.save': 'unitTargets',
  'unitTargets.split': 'unitTargets',
  // report-entry-handlers
  'reports.entryForm': 'reportEntry',
  'reports.entryCheck': 'reportEntry',
  'reports.enter': 'reportEntry',
  // narrative-curation-handlers
  'consolidation.narrative.get': 'narrativeCuration',
  'consolidation.narrative.save': 'narrativeCuration',
  'consolidation.narrative.reset': 'narrativeCuration',
  // report-mapping-handlers
  'reports.previewFile': 'reportMapping',
  // province-handlers
  'province.overview': 'province',
  'province.district': 'province',
};

/** A channel's schemas, as the contract has them. */
interface Spec {
  input: z.ZodType;
  output: z.ZodType;
}
interface Loaded {
  specs: Partial<Record<Channel, Spec>>;
  handlers: Partial<Record<Channel, unknown>>;
}
const loaded = new Map<Room, Promise<Loaded>>();
function loadRoom(room: Room): Promise<Loaded> {
  let done = loaded.get(room);
  if (!done) {
    const { contract, handlers } = ROOMS[room];
    done = Promise.all([contract(), handlers()]).then(([specs, table]) => ({ specs, handlers: table }));
    loaded.set(room, done);
    done.catch(() => loaded.delete(room)); // a failed load is tried again at the next call
  }
  return done;
}

/** Is `name` a channel of the contract? (own keys only: '__proto__' and 'constructor' are not) */
export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(ROOM_OF, name);

/** A channel's schemas and handler, its room loaded first when this is the room's first call. */
export async function channelOf<C extends Channel>(name: C): Promise<{ spec: Spec; handler: Handler<C> }> {
  const room = await loadRoom(ROOM_OF[name]);
  return { spec: room.specs[name] as Spec, handler: room.handlers[name] as Handler<C> };
}

/** Every room loaded; its handlers as one table (throws, naming it, when two rooms serve the same channel). */
export async function loadAllRooms(): Promise<Handlers> {
  const rooms = await Promise.all((Object.keys(ROOMS) as Room[]).map(loadRoom));
  return mergeHandlers(...rooms.map((r) => r.handlers)) as Handlers;
}
