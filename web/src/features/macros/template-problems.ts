import { templateMessages } from '../../../../src/text-templates/messages.ts';
import { validateTemplate } from '../../../../src/text-templates/validate.ts';

/**
 * The problems of a macro's text as the server will find them, judged in the browser by the same
 * code (src/text-templates), in the console's language: shown while typing, before saving.
 * `variables`: the keys the caller may use (GET /api/v1/macros/variables).
 */
export function templateProblems(text: string, variables: readonly string[], language: string): string[] {
  const fields = new Set(variables.filter((key) => key.startsWith('fields.')).map((key) => key.slice('fields.'.length)));
  const messages: Record<string, string> = language === 'en' ? templateMessages.en : templateMessages.zhCN;
  return validateTemplate(text, (key) => fields.has(key)).map((problem) => (messages[problem.code] ?? problem.code).replace(/\{(\w+)\}/g, (whole, name: string) => String(problem.params[name] ?? whole)));
}
