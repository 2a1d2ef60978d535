import { z } from 'zod';
import { roleNames } from './permissions.js';
import { locales } from '../../app/i18n/catalogue.js';

export const roleSchema = z.enum(roleNames);
export const localeSchema = z.enum(locales);
export const emailSchema = z.email().max(254);
export const passwordSchema = z.string().min(8).max(200);
export const idParams = z.object({ id: z.uuid() });

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    locale: z.string(),
    active: z.boolean(),
    teamIds: z.array(z.string()),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

export const teamSchema = z
  .object({ id: z.uuid(), name: z.string(), description: z.string(), memberIds: z.array(z.string()), createdAt: z.date(), updatedAt: z.date() })
  .meta({ id: 'Team' });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.date(),
    expiresAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    lastUsedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    locale: z.string(),
    teamIds: z.array(z.string()),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Me' });
