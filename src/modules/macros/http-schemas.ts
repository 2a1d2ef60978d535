import { z } from 'zod';
import { maxTemplateLength } from '../../text-templates/index.js';
import type { Actor } from '../auth/index.js';
import { mayChange, type MacroRow } from './macro-access.js';
import { macroActionsSchema } from './macro-actions.js';

const name = z.string().trim().min(1).max(100);
const shortcut = z.string().trim().min(1).max(30).regex(/^\S+$/, 'no spaces').nullable();
const body = z.string().max(maxTemplateLength).describe('Text with variables such as {{ticket.number}} and {{requester.name}} (GET /api/v1/macros/variables; docs/automation.md).');
const bodyKind = z.enum(['reply', 'note']).describe('`reply`: lands in the composer as a public reply; `note`: as an internal note.');
const teamIds = z.array(z.uuid()).max(50).describe('Shared macros: the teams whose members may use it; empty: every agent.');

export const createMacroBody = z.strictObject({
  scope: z.enum(['personal', 'shared']).describe('`personal`: yours alone. `shared`: needs `macros.manage`.'),
  name,
  shortcut: shortcut.optional(),
  body: body.optional(),
  bodyKind: bodyKind.optional(),
  actions: macroActionsSchema.optional(),
  teamIds: teamIds.optional(),
  active: z.boolean().optional(),
});

export const updateMacroBody = createMacroBody.omit({ scope: true }).partial();

export const macroSchema = z
  .object({
    id: z.uuid(),
    scope: z.enum(['personal', 'shared']),
    ownerId: z.uuid().nullable(),
    name: z.string(),
    shortcut: z.string().nullable(),
    body: z.string(),
    bodyKind,
    actions: macroActionsSchema,
    teamIds: z.array(z.string()),
    active: z.boolean(),
    usageCount: z.number().int(),
    lastUsedAt: z.date().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    abilities: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Macro' });

export const macroListQuery = z.strictObject({
  scope: z.enum(['usable', 'personal', 'shared']).default('usable').describe('`usable` (the composer): active macros you may use; `personal`: yours, inactive included; `shared`: shared ones (all of them with `macros.manage`).'),
  q: z.string().max(100).optional().describe('Substring of the name, shortcut or text (Chinese included; ASCII letters ignore case).'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const macroOutcomeSchema = z.object({
  macroId: z.uuid(),
  body: z.string().describe('The text rendered for this ticket and reader, for the composer (not sent).'),
  bodyKind,
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).describe('Ticket fields changed (apply) or that would change (preview), as the timeline names them.'),
  ticketVersion: z.number().int().describe('The ticket\'s version after it (for the next If-Match).'),
});

export const variableListSchema = z.object({ items: z.array(z.object({ key: z.string(), label: z.string() })) });

export function presentMacro(actor: Actor, row: MacroRow): z.input<typeof macroSchema> {
  const { createdBy: _createdBy, ...rest } = row;
  const change = mayChange(actor, row);
  return { ...rest, abilities: { update: change, delete: change } };
}
