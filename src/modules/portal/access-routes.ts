import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { getPortalAccess, setPortalAccess } from './portal-access.js';

const tags = ['portal'];
const accessSchema = z.object({ contactId: z.uuid(), orgAdmin: z.boolean() });

/** Agents decide which contacts are their organisation's portal admins. */
export function registerAccessRoutes(app: AppServer, { database }: AppContext): void {
  app.get('/api/v1/contacts/:id/portal-access', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: '联系人的门户权限 A contact\'s portal access', params: z.object({ id: z.uuid() }), response: { 200: accessSchema } },
  }, async (request) => getPortalAccess(database.db, request.params.id));

  app.put('/api/v1/contacts/:id/portal-access', {
    config: { permission: 'customers.write' },
    schema: {
      tags, summary: '设置门户权限 Set a contact\'s portal access',
      description: '`orgAdmin: true` lets the contact see and act on every ticket of their organisation in the portal.',
      params: z.object({ id: z.uuid() }),
      body: z.strictObject({ orgAdmin: z.boolean() }),
      response: { 200: accessSchema },
    },
  }, async (request) => setPortalAccess(database, actorOf(request), request.params.id, request.body.orgAdmin));
}
