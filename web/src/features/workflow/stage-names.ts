/** Names of processes and stages for the agent's views, from the published processes' current versions. */
type Label = { 'zh-CN': string; en: string };
type Options = ReadonlyArray<{ processId: string; name: Label; stages: ReadonlyArray<{ id: string; name: Label }> }>;

const inLanguage = (label: Label, language: string) => (language === 'zh-CN' ? label['zh-CN'] : label.en || label['zh-CN']);

/**
 * The process's and the stage's names in the reader's language (English falls back to Chinese).
 * A stage the current version dropped (a ticket still on an older version) shows its id.
 */
export function stageNames(options: Options, processId: string, stage: string, language: string): { process: string; stage: string } {
  const process = options.find((p) => p.processId === processId);
  const node = process?.stages.find((s) => s.id === stage);
  return { process: process ? inLanguage(process.name, language) : '', stage: node ? inLanguage(node.name, language) : stage };
}

/** The cascader's options: process → its stages. */
export function stageCascade(options: Options, language: string) {
  return options.map((p) => ({ value: p.processId, label: inLanguage(p.name, language), children: p.stages.map((s) => ({ value: s.id, label: inLanguage(s.name, language) })) }));
}

/** `<processId>:<stageId>` ↔ the cascader's path. */
export const stageParam = (path: readonly string[]) => (path.length === 2 ? `${path[0]}:${path[1]}` : undefined);
export function stagePath(param: string | undefined): string[] {
  const parts = (param ?? '').split(':');
  return parts.length === 2 && parts[0] && parts[1] ? parts : [];
}
