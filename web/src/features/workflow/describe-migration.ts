import type { TFunction } from 'i18next';
import { z } from 'zod';
import { labelText } from './diagram.ts';

/** What the workflow module writes on a ticket's timeline when an admin migrates its process (type `process_migrated`). */
const label = z.object({ 'zh-CN': z.string(), en: z.string().optional() }).nullable().optional();
const detailSchema = z.object({
  fromVersion: z.number(),
  toVersion: z.number(),
  stages: z.array(z.object({ from: z.string(), to: z.string(), fromName: label, toName: label })),
});

/** 「王经理 将流程从第 1 版迁移到第 2 版，环节 上门检测 → 维修」; an entry of another shape still reads, without its stages. */
export function describeProcessMigration(value: unknown, actor: string, t: TFunction, language: string): string {
  const parsed = detailSchema.safeParse(value);
  if (!parsed.success) return t('workflow.migration.timelineBare', { actor });
  const name = (id: string, named: z.infer<typeof label>) => (named ? labelText(named, language) : '') || id;
  const stages = parsed.data.stages.map((s) => `${name(s.from, s.fromName)} → ${name(s.to, s.toName)}`).join(language.startsWith('en') ? ', ' : '、');
  return t('workflow.migration.timeline', { actor, from: parsed.data.fromVersion, to: parsed.data.toVersion, stages });
}
