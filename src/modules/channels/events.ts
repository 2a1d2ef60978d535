import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** Channel accounts' audit events: who set up, changed or disabled which account (secrets never in payloads). */
export const channelAccountCreated = defineEvent({ name: 'channel_account.created', version: 1, aggregate: 'channel_account', payload: { kind: z.string(), name: z.string(), sandbox: z.boolean() } });
export const channelAccountUpdated = defineEvent({ name: 'channel_account.updated', version: 1, aggregate: 'channel_account', payload: { kind: z.string(), fields: z.array(z.string()) } });
export const channelAccountDisabled = defineEvent({ name: 'channel_account.disabled', version: 1, aggregate: 'channel_account', payload: { kind: z.string() } });
/** Who linked which user to a member of a vendor's directory (WeCom member, DingTalk userid), and who removed the link. */
export const channelStaffLinkSet = defineEvent({ name: 'channel_staff_link.set', version: 1, aggregate: 'user', payload: { kind: z.string(), externalUserId: z.string(), accountId: z.string() } });
export const channelStaffLinkRemoved = defineEvent({ name: 'channel_staff_link.removed', version: 1, aggregate: 'user', payload: { kind: z.string() } });
