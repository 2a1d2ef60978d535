/** Public surface of the automation module: event rules (触发器), time rules (定时规则), their actions, the loop guard, preview and explain, the firing log. */
import type { AppModule } from '../../app/context.js';
import { writeRulesOf } from '../../app/write-rules.js';
import { eventReader } from '../../jobs/registry.js';
import { slaBreached, slaWarning } from '../sla/index.js';
import { surveyAnswered } from '../surveys/index.js';
import { ticketCreated, ticketMessageAdded, ticketUpdated } from '../tickets/index.js';
import { handleRuleEvents } from './evaluate-events.js';
import type { FiringHooks } from './fire-rule.js';
import { timeRuleDueRows } from './fire-time-rules.js';
import { anchorsMovedBy } from './time-anchors.js';
import { handleTimeRuleChanged, timeRuleChangedJob } from './time-rule-changed.js';
import { handleTimeRuleBackfill, timeRuleBackfillJob } from './time-backfill.js';
import { handleTimeAnchorEvents } from './time-due-rows.js';
import { triggerOf, type RuleEvent } from './rule-events.js';
import { registerRuleReadRoutes } from './rule-read-routes.js';
import { registerRuleRoutes } from './rule-routes.js';
import { RuleSetCache } from './rule-set.js';
import { registerAutomationActors } from './system-actor.js';
import { TriggerCache } from './trigger-cache.js';
import { registerAutomationExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { automationSystemActor } from './system-actor.js';
export { ruleTriggers, type RuleTrigger } from './triggers.js';
export { ruleActionTypes, type RuleAction, type ActionCause } from './actions/index.js';
/** Running actions for another module inside its transaction (a process' stage and transition actions, issue 19). */
export { runActionsFor, isRunnableAction, ActionFailed, type ActionsRequest, type ActionRunDeps, type ActionRunOutcome } from './run-actions-for.js';

/**
 * One trigger cache per app, keyed by the app's database handle as forms' registry cache is (tests
 * boot several apps in one process), shared by the relay's filter, the rules' batch handler and
 * the admin writes of this process, which make it stop trusting what it read at once.
 */
const triggerCaches = new WeakMap<object, TriggerCache>();
function triggerCacheOf(key: object): TriggerCache {
  let cache = triggerCaches.get(key);
  if (!cache) triggerCaches.set(key, (cache = new TriggerCache()));
  return cache;
}

/** The module; `firingHooks` are test seams (a crash between two actions), never set in production. */
export function createAutomationModule(options: { firingHooks?: FiringHooks } = {}): AppModule {
  return {
    name: 'automation',
    registerJobs(context) {
      registerAutomationActors(context.systemActors);
      registerAutomationExports(context.dataExporters);
      const triggers = triggerCacheOf(context.database.db);
      // No job for an event no enabled rule listens to (the per-ticket budget), judged from the cache.
      const wanted = (event: RuleEvent) => {
        const trigger = triggerOf(event);
        return trigger !== null && triggers.wants(trigger);
      };
      const rules = new RuleSetCache(triggers);
      context.jobs.subscribeEventBatch<RuleEvent>(
        'automation.rules',
        [eventReader(ticketCreated, { when: wanted }), eventReader(ticketUpdated, { when: wanted }), eventReader(ticketMessageAdded, { when: wanted }), eventReader(slaWarning, { when: wanted }), eventReader(slaBreached, { when: wanted }), eventReader(surveyAnswered, { when: (event) => event.payload.ticketId !== null && wanted(event) })],
        handleRuleEvents({ rules, types: context.fieldTypes, writeRules: writeRulesOf(context), replyChannels: context.replyChannels, timeZone: 'Asia/Shanghai', ...(options.firingHooks && { hooks: options.firingHooks }) }),
      );
      // Time rules (定时规则): due rows follow the events that move an anchor some enabled time rule
      // watches (no job otherwise), and every worker round fires what is due.
      const movesAnchor = (event: RuleEvent) => anchorsMovedBy(event).some((anchor) => triggers.wantsAnchor(anchor));
      context.jobs.subscribeEventBatch<RuleEvent>(
        'automation.time_anchors',
        [eventReader(ticketCreated, { when: movesAnchor }), eventReader(ticketUpdated, { when: movesAnchor }), eventReader(ticketMessageAdded, { when: movesAnchor })],
        handleTimeAnchorEvents({ rules, types: context.fieldTypes, clock: context.clock }),
      );
      context.jobs.pollDueRows('automation.time_rules', timeRuleDueRows({ rules, types: context.fieldTypes, clock: context.clock, writeRules: writeRulesOf(context), replyChannels: context.replyChannels, timeZone: 'Asia/Shanghai', ...(options.firingHooks && { hooks: options.firingHooks }) }));
      context.jobs.handle(timeRuleChangedJob, handleTimeRuleChanged());
      context.jobs.handle(timeRuleBackfillJob, handleTimeRuleBackfill({ clock: context.clock }));
      // Keeps the cache fresh between events (at most one primary-key read a second).
      context.jobs.pollDueRows('automation.trigger_cache', async ({ database }) => {
        await triggers.refresh(database.db);
        return 0;
      });
    },
    registerRoutes(app, context) {
      const triggers = triggerCacheOf(context.database.db);
      registerRuleRoutes(app, context, { database: context.database, readModels: context.readModels, fieldTypes: context.fieldTypes, triggers });
      registerRuleReadRoutes(app, context);
    },
  };
}

export const automationModule: AppModule = createAutomationModule();
