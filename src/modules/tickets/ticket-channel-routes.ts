import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';

const ticketChannelSchema = z
  .object({
    key: z.string().describe('What tickets and messages store in `channel`.'),
    labels: z.object({ 'zh-CN': z.string(), en: z.string() }),
    deliversReplies: z.boolean().describe('An agent\'s reply on a ticket of this channel is sent back on it.'),
    builtIn: z.boolean().describe('One of the platform\'s own channels (api, web, phone, email, portal); else an installed channel module\'s.'),
  })
  .meta({ id: 'TicketChannel' });

/**
 * The channels installed in this server, labelled: what the console offers (SLA conditions) and
 * how it names a ticket's channel. A stored ticket may name a channel that is no longer installed
 * (its module removed): it is not listed, and the console shows its key.
 */
export function registerTicketChannelRoutes(app: AppServer, { channels }: AppContext): void {
  app.get('/api/v1/ticket-channels', {
    config: { permission: 'tickets.read' },
    schema: {
      tags: ['tickets'],
      summary: '工单渠道 Ticket channels installed',
      description: 'The platform\'s own channels, then those of every installed channel module (WeChat …), in that order.',
      response: { 200: z.object({ items: z.array(ticketChannelSchema) }) },
    },
  }, async () => ({ items: channels.ticketChannels() }));
}
