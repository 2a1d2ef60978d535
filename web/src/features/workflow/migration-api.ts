import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';
import { processKeys } from './process-api.ts';

/**
 * The migration dialog's calls (issue 19 §3): a published version's definition (for stage names
 * and the stages a removed one can be mapped to), the preview and the migration itself.
 */
type PreviewPath = paths['/api/v1/processes/{id}/migrations/preview']['post'];
export type MigrationRequest = PreviewPath['requestBody']['content']['application/json'];
export type MigrationPreview = PreviewPath['responses']['200']['content']['application/json'];
export type PreviewRow = MigrationPreview['items'][number];
export type MigrationResult = paths['/api/v1/processes/{id}/migrations']['post']['responses']['200']['content']['application/json'];
export type MigrationOutcome = MigrationResult['outcomes'][number];

/** The stages of a version: id and name (gateways and ends are not places a ticket waits). */
export type VersionStage = { id: string; name: { 'zh-CN': string; en?: string } };

/** The part of a definition the dialog reads, checked rather than assumed (the API describes definitions as plain JSON). */
const stagesSchema = z.object({ nodes: z.array(z.looseObject({ kind: z.string(), id: z.string(), name: z.object({ 'zh-CN': z.string(), en: z.string().optional() }).optional() })) });
const stagesOf = (definition: unknown): VersionStage[] =>
  stagesSchema.parse(definition).nodes.flatMap((node) => (node.kind === 'stage' ? [{ id: node.id, name: node.name ?? { 'zh-CN': node.id } }] : []));

/** A published version's stages (versions never change: cached for the page's life). */
export function useVersionStages(processId: string, version: number | undefined) {
  return useQuery({
    queryKey: [...processKeys.detail(processId), 'version', version],
    enabled: version !== undefined,
    staleTime: Infinity,
    queryFn: async () => stagesOf((await unwrap(api.GET('/api/v1/processes/{id}/versions/{version}', { params: { path: { id: processId, version: version ?? 0 } } }))).definition),
  });
}

export async function previewMigration(processId: string, body: MigrationRequest, cursor?: string): Promise<MigrationPreview> {
  return unwrap(api.POST('/api/v1/processes/{id}/migrations/preview', { params: { path: { id: processId }, query: { limit: 50, ...(cursor && { cursor }) } }, body }));
}

/** How many tickets one migration request may name (the server's limit, src/modules/workflow/instance-migration.ts). */
export const migrationBatchSize = 50;

export async function migrateTickets(processId: string, body: MigrationRequest & { expectedRevisions: Record<string, number> }): Promise<MigrationResult> {
  return unwrap(api.POST('/api/v1/processes/{id}/migrations', { params: { path: { id: processId } }, body: { ...body, confirm: true } }));
}
