import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * A team's group robot reached by a webhook URL and signed with an optional secret — DingTalk's
 * custom robot (加签 `SEC…`) and Feishu's (签名校验) are the same thing to us: one row per team,
 * both values sealed like channel secrets. Each vendor module owns its table (made here, so the
 * columns cannot drift) and gets its store from `signedTeamRobotStore`.
 */
export function signedTeamRobotTable<const N extends string>(name: N) {
  return pgTable(name, {
    teamId: uuid('team_id').primaryKey(),
    webhookUrl: text('webhook_url').notNull(),
    secret: text('secret'),
    sandbox: boolean('sandbox').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  });
}

/** What a robot's set event says (never the webhook or the secret). */
export const signedTeamRobotFacts = { sandbox: z.boolean(), enabled: z.boolean(), webhookChanged: z.boolean(), signed: z.boolean() };
