import { pino, type Logger } from 'pino';
import type { Database } from '../db/database.js';
import { JobRegistry } from '../jobs/registry.js';
import { Worker, type WorkerOptions } from '../jobs/worker.js';
import { ChannelRegistry } from './channel-registry.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import type { AppContext, AppModule, AppServer } from './context.js';
import { buildServer } from './http/server.js';
import { DataExporters } from './data-exporters.js';
import { FieldTypes } from './field-types.js';
import { ReadModels } from './read-models.js';
import { ReplyChannels } from './reply-channels.js';
import { SurveyChannels } from './survey-channels.js';
import { TransitionGuards } from './transition-guards.js';
import { TicketListFilters } from './ticket-list-filters.js';
import { SystemActors } from './system-actors.js';
import { modules } from './modules.js';

export type App = { context: AppContext; server: AppServer; worker: Worker };

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'opencsm' } });
}

/** What every module gets at boot, with empty registries for them to fill (see AppContext). */
export function newAppContext(config: Config, database: Database, log: Logger, clock: Clock = systemClock): AppContext {
  const channels = new ChannelRegistry();
  return {
    config,
    database,
    log,
    jobs: new JobRegistry(),
    clock,
    replyChannels: new ReplyChannels(channels),
    channels,
    surveyChannels: new SurveyChannels(),
    readModels: new ReadModels(),
    fieldTypes: new FieldTypes(),
    transitionGuards: new TransitionGuards(),
    systemActors: new SystemActors(),
    ticketListFilters: new TicketListFilters(),
    dataExporters: new DataExporters(),
  };
}

/**
 * Wire modules, HTTP server and worker around an open database. Nothing listens or runs yet.
 * `extraModules` come after the application's own (tests install a fake channel this way);
 * `withoutModules` names modules of the application's own left out (tests: an installation
 * without a channel module).
 */
export async function createApp(config: Config, database: Database, options: { log?: Logger; worker?: WorkerOptions; clock?: Clock; extraModules?: readonly AppModule[]; withoutModules?: readonly string[] } = {}): Promise<App> {
  const log = options.log ?? createLogger(config);
  const context = newAppContext(config, database, log, options.clock);
  const left = new Set(options.withoutModules ?? []);
  const installed = [...modules.filter((m) => !left.has(m.name)), ...(options.extraModules ?? [])];
  for (const module of installed) module.registerJobs?.(context);
  const server = await buildServer(context, installed);
  await server.ready();
  const worker = new Worker(database, context.jobs, log.child({ component: 'worker' }), options.worker);
  return { context, server, worker };
}

/** Start every module's non-HTTP entry points; returns one function that stops them all. */
export async function startIngress(app: App): Promise<() => Promise<void>> {
  const stops: Array<() => Promise<void>> = [];
  try {
    for (const module of modules) {
      const stop = await module.startIngress?.(app.context);
      if (stop) stops.push(stop);
    }
  } catch (error) {
    await Promise.all(stops.map((stop) => stop()));
    throw error;
  }
  return async () => {
    await Promise.all(stops.map((stop) => stop()));
  };
}
