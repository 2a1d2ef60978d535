import { tableExporter, type DataExporters } from '../../app/data-exporters.js';
import { teamMembers, teams, users } from './schema.js';

/** Users (without their password hash: sessions, API tokens and sign-in records are not data to take away), teams and memberships. */
export function registerAuthExports(exporters: DataExporters): void {
  exporters.register(tableExporter('users', users, { keys: [users.id], omit: ['passwordHash'] }));
  exporters.register(tableExporter('teams', teams, { keys: [teams.id] }));
  exporters.register(tableExporter('team_members', teamMembers, { keys: [teamMembers.teamId, teamMembers.userId] }));
}
