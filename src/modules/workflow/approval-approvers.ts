import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { ApproverRule } from '../../workflow-model/definition.js';
import { findStaffRecipients, findTeamLead, getUser, roleNames } from '../auth/index.js';
import { resolveAccountManager } from './account-manager.js';
import { approvalDelegates } from './schema.js';

/** Who an approval asks, in the plan's order, and why someone could not be found (the request then needs an admin). */
export type ResolvedApprovers = { userIds: string[]; attention: string[] };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The approvers of a plan, resolved when the approval is asked for (issue 19 §2): a user, a
 * user-valued field of the ticket, a team's lead (that team or the ticket's), everyone active with
 * a role (ordered by id, so a chain is stable), the requester's account manager. A named user who
 * is no longer active is replaced by their manager, like a deactivation mid-flow.
 */
export async function resolveApprovers(db: Db, rules: readonly ApproverRule[], ticket: { id: string; teamId: string | null; values: Readonly<Record<string, unknown>> }): Promise<ResolvedApprovers> {
  const userIds: string[] = [];
  const attention = new Set<string>();
  const activeOrManager = async (userId: string) => {
    if (await isActiveStaff(db, userId)) return userIds.push(userId);
    const manager = await managerOf(db, userId);
    if (manager) userIds.push(manager);
    else attention.add('approver_inactive');
  };
  for (const rule of rules) {
    switch (rule.kind) {
      case 'user':
        await activeOrManager(rule.userId);
        break;
      case 'user_field': {
        const value = ticket.values[rule.field];
        if (typeof value === 'string' && uuidPattern.test(value)) await activeOrManager(value.toLowerCase());
        else attention.add('approver_field_empty');
        break;
      }
      case 'team_lead': {
        const teamId = rule.teamId ?? ticket.teamId;
        const lead = teamId ? await findTeamLead(db, teamId) : null;
        if (lead) userIds.push(lead);
        else attention.add('no_team_lead');
        break;
      }
      case 'role': {
        const role = roleNames.find((name) => name === rule.role);
        const members = role ? await findStaffRecipients(db, { roles: [role] }) : [];
        userIds.push(...members.map((m) => m.id).sort());
        if (!members.length) attention.add('no_role_members');
        break;
      }
      case 'account_manager': {
        const manager = await resolveAccountManager(db, ticket.id);
        if (manager) userIds.push(manager);
        else attention.add('account_manager_unavailable');
        break;
      }
    }
  }
  const unique = [...new Set(userIds)];
  if (!unique.length) attention.add('no_approvers');
  return { userIds: unique, attention: [...attention] };
}

export async function isActiveStaff(db: Db, userId: string): Promise<boolean> {
  return (await findStaffRecipients(db, { userIds: [userId] })).length > 0;
}

/** A user's "manager": the active lead of one of their teams (by team id), not themselves; null when none. */
export async function managerOf(db: Db, userId: string): Promise<string | null> {
  const teamIds = await getUser(db, userId).then(
    (user) => user.teamIds,
    () => [],
  );
  for (const teamId of [...teamIds].sort()) {
    const lead = await findTeamLead(db, teamId);
    if (lead && lead !== userId) return lead;
  }
  return null;
}

/** The active substitute a user set for `at` (代理审批), or null. One hop: a substitute's own substitute is not followed. */
export async function substituteFor(db: Db, userId: string, at: Date): Promise<string | null> {
  const [row] = await db
    .select({ substituteId: approvalDelegates.substituteId })
    .from(approvalDelegates)
    .where(and(eq(approvalDelegates.userId, userId), lte(approvalDelegates.startsAt, at), gt(approvalDelegates.endsAt, at)));
  if (!row || row.substituteId === userId) return null;
  return (await isActiveStaff(db, row.substituteId)) ? row.substituteId : null;
}
