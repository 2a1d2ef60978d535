import { z } from 'zod';
import { defineEvent } from '../../jobs/event-definition.js';

/** The security settings' one domain event. */
export const securitySettingsUpdated = defineEvent({ name: 'security_settings.updated', version: 1, aggregate: 'security_settings', payload: { outboundAllow: z.array(z.string()) } });
