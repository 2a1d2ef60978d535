/** Public surface of the knowledge module: articles, search, the help centre, suggestions and deflection. */
import type { AppModule } from '../../app/context.js';
import { registerArticleRoutes } from './article-routes.js';
import { deflectionDueVisits } from './article-visits.js';
import { registerCategoryRoutes } from './category-routes.js';
import { articleVoted } from './events.js';
import { feedbackTaskHandler } from './feedback-task.js';
import { registerFileRoutes } from './file-routes.js';
import { registerHelpRoutes } from './help-routes.js';
import { attachmentStoreIn, storedFile } from '../tickets/index.js';
import { registerTicketArticleRoutes } from './ticket-article-routes.js';
import { registerKnowledgeExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers (reports: viewed, used, voted, deflection). */
export * from './events.js';
export { searchArticles, type ArticleHit } from './article-search.js';
export { suggestArticles } from './article-suggestions.js';
export { articleStatuses, articleVisibilities, articleLocales, type ArticleStatus, type ArticleVisibility, type ArticleLocale } from './article-model.js';

export const knowledgeModule: AppModule = {
  name: 'knowledge',
  registerJobs({ jobs, config, clock, fieldTypes, dataExporters }) {
    registerKnowledgeExports(dataExporters, storedFile(attachmentStoreIn(config.OPENCSM_DATA_DIR)));
    jobs.subscribe(articleVoted, 'knowledge.feedback_task', feedbackTaskHandler(config, fieldTypes));
    jobs.pollDueRows('knowledge.deflection', deflectionDueVisits(clock));
  },
  registerRoutes(app, context) {
    registerArticleRoutes(app, context);
    registerTicketArticleRoutes(app, context);
    registerCategoryRoutes(app, context);
    registerHelpRoutes(app, context);
    // The installation's one content-addressed file store, shared with ticket attachments.
    registerFileRoutes(app, context, attachmentStoreIn(context.config.OPENCSM_DATA_DIR));
  },
};
