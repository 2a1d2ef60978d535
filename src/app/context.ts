import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { JobRegistry } from '../jobs/registry.js';
import type { ChannelRegistry } from './channel-registry.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { DataExporters } from './data-exporters.js';
import type { FieldTypes } from './field-types.js';
import type { ReadModels } from './read-models.js';
import type { ReplyChannels } from './reply-channels.js';
import type { SurveyChannels } from './survey-channels.js';
import type { SystemActors } from './system-actors.js';
import type { TicketListFilters } from './ticket-list-filters.js';
import type { TransitionGuards } from './transition-guards.js';

/** What every module gets at boot. */
export type AppContext = {
  config: Config;
  database: Database;
  log: Logger;
  jobs: JobRegistry;
  /** The time source of time-based work (a ManualClock in tests). */
  clock: Clock;
  /** Channels that can send an agent's reply out; channel modules register, tickets asks. */
  replyChannels: ReplyChannels;
  /**
   * The channels modules register (email, phone, the portal; vendor adapters: WeChat …): the account
   * API and vendor callbacks read its adapters; with the channels no module owns it is the one list
   * of ticket channels (channel-registry.ts).
   */
  channels: ChannelRegistry;
  /** Channels that can carry a survey invitation (WeChat/WeCom menu messages, SMS); the surveys module asks. */
  surveyChannels: SurveyChannels;
  /**
   * Extension points (instead of module-level globals): read models a module provides to one that
   * cannot import it (SLA targets for ticket views), the field types of ticket fields, and guards
   * that may refuse a status change. Modules fill them in registerJobs; each app has its own.
   */
  readModels: ReadModels;
  fieldTypes: FieldTypes;
  transitionGuards: TransitionGuards;
  /** Filters of the ticket list other modules contribute (the workflow module's `stage`); the tickets module reads them. */
  ticketListFilters: TicketListFilters;
  /** The full export's entities: each module registers the rows of its tables a user can see (docs/migration.md). */
  dataExporters: DataExporters;
  /** Names of the actors no user is (智能分配, SLA 升级, a rule), by kind; the modules that act register them. */
  systemActors: SystemActors;
};

export type AppServer = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/**
 * A domain module's public wiring: its routes and the jobs/event subscriptions it handles.
 * Listed explicitly in app/modules.ts (no registration by import side effects).
 */
export type AppModule = {
  name: string;
  registerJobs?(context: AppContext): void;
  registerRoutes?(app: AppServer, context: AppContext): void;
  /**
   * Entry points other than HTTP (e.g. the email channel's SMTP listener), started beside the HTTP
   * server (`start`, `serve`); resolves to how to stop it. A failure stops start-up.
   */
  startIngress?(context: AppContext): Promise<(() => Promise<void>) | undefined>;
};
