/**
 * Text templates with variables (`{{ticket.number}}`, `{{requester.name}}`, `{{fields.<key>}}`):
 * platform code like src/conditions — pure, no module imports, usable by the web console. Macros
 * render replies with it; rules' "reply from template" will too. Variables and their meaning:
 * docs/automation.md.
 */
export { parseTemplate, templateVariablesUsed, maxVariableLength, type TemplatePart } from './parse.js';
export { renderTemplate, escapeHtml, type RenderFormat, type TemplateValues } from './render.js';
export { validateTemplate, maxTemplateLength, maxTemplateProblems, type TemplateProblem } from './validate.js';
export { templateVariables, isKnownVariable, customFieldPrefix, type TemplateVariable } from './variables.js';
