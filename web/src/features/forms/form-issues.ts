import type { FormIssue } from '../../../../src/forms/definition.ts';
import { formMessages } from '../../../../src/forms/messages.ts';

/** A problem's field error as the API sends it (problem+json `errors[]`). */
export type ProblemError = { path: string; code?: string; message: string };

/** `fields.survey_at` → the form item `['fields', 'survey_at']`; other paths are not a custom field's. */
export function customFieldOfPath(path: string): string | null {
  const match = /^\/?fields[./]([a-z][a-z0-9_]*)$/.exec(path);
  return match ? match[1]! : null;
}

/**
 * The server's field errors as Ant Design `setFields` entries under `prefix` (the custom fields'
 * place in the page's form); errors on other paths are returned for the caller to place.
 */
export function fieldErrorsFrom(errors: readonly ProblemError[], prefix: readonly string[]): { fields: Array<{ name: string[]; errors: string[] }>; rest: ProblemError[] } {
  const fields = new Map<string, string[]>();
  const rest: ProblemError[] = [];
  for (const error of errors) {
    const key = customFieldOfPath(error.path);
    if (key) fields.set(key, [...(fields.get(key) ?? []), error.message]);
    else rest.push(error);
  }
  return { fields: [...fields].map(([key, messages]) => ({ name: [...prefix, key], errors: messages })), rest };
}

/**
 * An issue the browser found with the engine's own check, in the words the server would use
 * (the same `form.*` catalogue), with field keys replaced by their labels.
 */
export function issueMessage(issue: FormIssue, language: string, labelOf: (key: string) => string): string {
  const catalogue: Record<string, string> = language === 'zh-CN' ? formMessages.zhCN : formMessages.en;
  const template = catalogue[issue.code] ?? issue.code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = issue.params?.[name];
    if (value === undefined) return '';
    return name === 'field' ? labelOf(String(value)) : String(value);
  });
}
