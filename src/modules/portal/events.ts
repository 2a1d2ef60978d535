import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The portal's domain events. */
export const contactPortalAccessChanged = defineEvent({ name: 'contact.portal_access_changed', version: 1, aggregate: 'contact', payload: { orgAdmin: z.boolean() } });
