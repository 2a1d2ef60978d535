/** Public surface of the auth module: actors, permissions, credentials, users and teams. */
import type { AppModule } from '../../app/context.js';
import { createSystemMailer } from '../../app/system-mailer.js';
import { registerDirectoryRoutes } from './directory-routes.js';
import { registerSecurityRoutes } from './security-routes.js';
import { signInAlertHandler, signInAlertJob } from './sign-in-alert.js';
import { registerSessionRoutes } from './session-routes.js';
import { registerAuthExports } from './data-export.js';

export type { Actor } from './actor.js';
export { can, loadActor } from './actor.js';
export { permissions, roleNames, rolePermissions, type Permission, type RoleName } from './permissions.js';
export { actorFromApiToken, actorFromSession, createSession, sessionCookieName } from './credentials.js';
export { createApiToken } from './api-tokens.js';
export { createUser, findAssignableUser, getUser, getUserNames, listUsers, teamExists, type UserView } from './users.js';
export { createTeam, listTeams, type TeamView } from './teams.js';
export { findTeamLead } from './team-membership.js';
export { findStaffRecipients, teamMembersOf, type StaffRecipient } from './recipients.js';
export { getTeamNames } from './names.js';
/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { ensureFirstAdmin } from './first-admin.js';

export const authModule: AppModule = {
  name: 'auth',
  registerJobs({ jobs, config, log, dataExporters }) {
    registerAuthExports(dataExporters);
    jobs.handle(signInAlertJob, signInAlertHandler(createSystemMailer(config, log.child({ component: 'auth' })), config));
  },
  registerRoutes(app, context) {
    registerSessionRoutes(app, context);
    registerDirectoryRoutes(app, context);
    registerSecurityRoutes(app, context);
  },
};
