import { conditionMessages } from '../../../../../src/conditions/messages.ts';
import type { ConditionIssue, FieldDescriptor } from '../../../../../src/conditions/types.ts';
import type { FieldDefinition, FieldEntity, FormDefinition } from '../../../../../src/forms/definition.ts';
import { formMessages } from '../../../../../src/forms/messages.ts';
import { prepareForm, type PreparedForm, type PresentedField } from '../../../../../src/forms/prepare-form.ts';
import { descriptorOf, type RegistryField } from './registry-field.ts';

/**
 * The draft checked by the engine's own prepareForm, the function the server runs when a version
 * is published: what the designer reports is what publishing would refuse, at the same paths
 * (without the request's `form.` prefix: `rules.0.when.value`, `sections.1.fields.0.default`).
 * A draft that passes is also what the preview renders.
 */
export type DraftCheck = { ok: true; prepared: PreparedForm; issues: [] } | { ok: false; issues: ConditionIssue[] };

/**
 * Custom fields of the registry as the engine's definitions (the list answer omits ids; the engine
 * keys by `key`), registered types included: the engine places them and the server parses them.
 */
export function definitionsOf(registry: readonly RegistryField[], entity: FieldEntity = 'ticket'): PresentedField[] {
  return registry.flatMap((field) =>
    !field.builtIn
      ? [
          {
            id: field.key,
            key: field.key,
            entity,
            label: field.label,
            ...(field.help && { help: field.help }),
            type: field.type,
            ...(field.conditionType !== undefined && { conditionType: field.conditionType }),
            ...(field.options && { options: field.options }),
            settings: field.settings ?? {},
            filterable: field.filterable ?? false,
            searchable: field.searchable ?? false,
            customerVisible: field.customerVisible ?? false,
            readRoles: field.readRoles ?? [],
            writeRoles: field.writeRoles ?? [],
            archived: field.archived ?? false,
            version: field.version ?? 0,
          },
        ]
      : [],
  );
}

export function builtinDescriptors(registry: readonly RegistryField[]): FieldDescriptor[] {
  return registry.filter((field) => field.builtIn).flatMap((field) => descriptorOf(field) ?? []);
}

export function checkDraft(form: FormDefinition, registry: readonly RegistryField[]): DraftCheck {
  const result = prepareForm({ form, fields: definitionsOf(registry), builtins: builtinDescriptors(registry) });
  if (result.ok) return { ok: true, prepared: result.form, issues: [] };
  return { ok: false, issues: result.issues.map((issue) => ({ ...issue, path: issue.path.replace(/^form\./, '') })) };
}

/** An issue in the console's language, from the engine's and the condition language's own catalogues. */
export function describeIssue(issue: ConditionIssue, language: string): string {
  const english = language.startsWith('en');
  const catalogue: Record<string, string> = english ? { ...conditionMessages.en, ...formMessages.en } : { ...conditionMessages.zhCN, ...formMessages.zhCN };
  const template = catalogue[issue.code] ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (issue.params && name in issue.params ? String(issue.params[name]) : whole));
}

/** The rule an issue belongs to, by its path (`rules.2.…` → 2). */
export function ruleIndexOf(issue: ConditionIssue): number | undefined {
  const match = /^rules\.(\d+)(\.|$)/.exec(issue.path);
  return match ? Number(match[1]) : undefined;
}
