import { z } from 'zod';
import type { ChannelAdapter } from '../../app/channel-registry.js';
import { accountSchema } from './http-schemas.js';

type Shape = Record<string, z.ZodType>;

/**
 * An account's settings as the account API returns them, typed per channel from the adapter's own
 * settings schema: its fields without the secret ones (sealed, never returned), every one optional.
 * `present` keeps of the stored settings only the fields the schema still takes, so a field added or
 * tightened later leaves that field out of an old account's answer instead of failing the whole
 * answer (the response is checked against `schema`). The console reads these types (generated from
 * the OpenAPI document) instead of casting `settings`. A discriminated union (SMS: aliyun | tencent)
 * stays one, on its discriminator.
 */
export type SettingsView = { schema: z.ZodType; present(settings: Record<string, unknown>): Record<string, unknown> };

const untyped: SettingsView = { schema: z.record(z.string(), z.unknown()), present: (settings) => settings };

function objectView(shape: Shape, secrets: ReadonlySet<string>, discriminator: string | null): { schema: z.ZodObject; fields: Shape } {
  // A default is the input's business: an answer holds what is stored, so the field stays optional.
  const fields = Object.fromEntries(Object.entries(shape).filter(([key]) => !secrets.has(key)).map(([key, field]) => [key, field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field]));
  return { schema: z.object(Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, key === discriminator ? field : field.optional()]))), fields };
}

const keepValid = (fields: Shape, settings: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(settings).filter(([key, value]) => fields[key] !== undefined && fields[key].safeParse(value).success));

export function settingsView(adapter: Pick<ChannelAdapter, 'settings' | 'secretFields'>): SettingsView {
  const secrets = new Set(adapter.secretFields);
  const schema = adapter.settings;
  if (schema instanceof z.ZodObject) {
    const view = objectView(schema.shape as Shape, secrets, null);
    return { schema: view.schema, present: (settings) => keepValid(view.fields, settings) };
  }
  if (schema instanceof z.ZodDiscriminatedUnion && schema.options.every((option) => option instanceof z.ZodObject) && schema.options.length > 0) {
    const discriminator = schema.def.discriminator;
    const views = (schema.options as z.ZodObject[]).map((option) => objectView(option.shape as Shape, secrets, discriminator));
    return {
      // An account whose stored discriminator no option takes any more (a provider since removed)
      // is answered with no settings rather than failing the whole list.
      schema: z.union([z.discriminatedUnion(discriminator, [views[0]!.schema, ...views.slice(1).map((v) => v.schema)]), z.object({}).strict()]),
      present(settings) {
        const view = views.find((v) => v.fields[discriminator]!.safeParse(settings[discriminator]).success);
        return view ? keepValid(view.fields, settings) : {};
      },
    };
  }
  return untyped;
}

/**
 * The account view: its schema, one shape per installed vendor channel told apart by `kind` (a
 * client narrows `settings` by checking the kind), and `present`, which gives an account the
 * settings its shape takes. Built when routes are registered (after every module registered its
 * adapter); without adapters, the untyped shape.
 */
export function accountView(adapters: readonly ChannelAdapter[]): { schema: z.ZodType; present<A extends { kind: string; settings: Record<string, unknown> }>(account: A): A } {
  const views = new Map(adapters.map((adapter) => [adapter.kind, settingsView(adapter)]));
  const shapes = adapters.map((adapter) => accountSchema.extend({ kind: z.literal(adapter.kind), settings: views.get(adapter.kind)!.schema }));
  const schema = shapes.length === 0 ? accountSchema : shapes.length === 1 ? shapes[0]! : z.discriminatedUnion('kind', [shapes[0]!, ...shapes.slice(1)]);
  return { schema, present: (account) => ({ ...account, settings: (views.get(account.kind) ?? untyped).present(account.settings) }) };
}
