/** Public surface of the surveys module: CSAT after resolutions, periodic NPS, their links, follow-ups and statistics. */
import type { AppModule } from '../../app/context.js';
import { createSystemMailer } from '../../app/system-mailer.js';
import { eventReader } from '../../jobs/registry.js';
import { ticketCreated, ticketUpdated } from '../tickets/index.js';
import { deliverSurveyHandler } from './deliver-survey.js';
import { surveyAnswered } from './events.js';
import { lowRatingHandler, notifySupervisorHandler, notifySupervisorJob } from './follow-up.js';
import { complaintQuietHandler, planNpsSurveys, typedTicketsOnly } from './plan-nps.js';
import { registerPortalNpsRoutes } from './portal-nps-routes.js';
import { registerSurveyRoutes } from './routes.js';
import { scheduleCsatHandler } from './schedule-csat.js';
import { deliverSurveyJob, sendDueSurveys } from './send-due-surveys.js';
import { createSurveyMailer } from './survey-mail.js';
import { registerSurveyExports } from './data-export.js';

/** Its domain events (names, versions, payloads): what reports compute CSAT, NPS and response rates from. */
export * from './events.js';
export { surveysSystemActor } from './follow-up.js';
/** For chat channels' menu messages: a clicked score button answers like the signed link. */
export { answerSurveyChoice, looksLikeSurveyChoice, surveyChoiceKey, type SurveyChoiceOutcome } from './survey-choice.js';

export const surveysModule: AppModule = {
  name: 'surveys',
  registerJobs({ jobs, config, clock, log, surveyChannels, fieldTypes, dataExporters }) {
    registerSurveyExports(dataExporters);
    jobs.subscribe(ticketUpdated, 'surveys.csat', scheduleCsatHandler(clock));
    jobs.subscribeEventBatch('surveys.complaint', [eventReader(ticketCreated, { when: typedTicketsOnly })], complaintQuietHandler(clock));
    jobs.pollDueRows('surveys.nps_plan', planNpsSurveys(clock));
    jobs.pollDueRows('surveys.send', sendDueSurveys(clock, surveyChannels, Boolean(config.OPENCSM_PUBLIC_URL)));
    jobs.handle(deliverSurveyJob, deliverSurveyHandler(config, createSurveyMailer(config), surveyChannels));
    jobs.subscribe(surveyAnswered, 'surveys.low_rating', lowRatingHandler(config.OPENCSM_TIMEZONE, fieldTypes));
    jobs.handle(notifySupervisorJob, notifySupervisorHandler(createSystemMailer(config, log.child({ component: 'surveys' })), config));
  },
  registerRoutes(app, context) {
    registerSurveyRoutes(app, context);
    registerPortalNpsRoutes(app, context);
  },
};
