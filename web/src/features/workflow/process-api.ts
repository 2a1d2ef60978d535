import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';

/**
 * The designer's calls to 设置 › 流程's API (issue 19: GET/POST /api/v1/processes, GET/PUT
 * /api/v1/processes/{id}, POST …/{id}/publish, GET …/{id}/export, POST …/import) through the typed
 * client. The OpenAPI document describes a definition as plain JSON (its condition trees are
 * recursive), so answers are read back through the check below, never cast; the designer then
 * validates the definition with the model's own schema.
 */
type RawDetail = paths['/api/v1/processes/{id}']['get']['responses']['200']['content']['application/json'];
export type ProcessSummary = paths['/api/v1/processes']['get']['responses']['200']['content']['application/json']['items'][number];
export type ProcessDetail = Omit<RawDetail, 'definition'> & { definition: ProcessDefinitionInput };
export type NewProcess = { key: string; name: { 'zh-CN': string; en: string }; ticketType: string; definition: ProcessDefinitionInput };

/** A definition as the designer draws it: `{start, nodes[], transitions[]}` (validate checks the rest and marks it). */
const definitionSchema = z.custom<ProcessDefinitionInput>((value) => typeof value === 'object' && value !== null && 'nodes' in value && Array.isArray(value.nodes) && 'transitions' in value && Array.isArray(value.transitions));
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
/** An export file as `POST /processes/import` takes it (read from a file the admin picked). */
export const processExportSchema = z.object({ format: z.literal('opencsm.process'), formatVersion: z.literal(1), key: z.string(), name: label, ticketType: z.string(), sourceVersion: z.number().int().nullable(), definition: definitionSchema });
export type ProcessExport = z.infer<typeof processExportSchema>;

export const processKeys = {
  all: ['processes'] as const,
  list: () => [...processKeys.all, 'list'] as const,
  detail: (id: string) => [...processKeys.all, 'detail', id] as const,
};

const detailOf = (raw: RawDetail): ProcessDetail => ({ ...raw, definition: definitionSchema.parse(raw.definition) });
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const path = (id: string) => ({ path: { id } });

/** Every process (one per ticket type), a page of 200: an installation has few. */
export function useProcesses() {
  return useQuery({ queryKey: processKeys.list(), queryFn: async () => (await unwrap(api.GET('/api/v1/processes', { params: { query: { limit: 200 } } }))).items });
}

export function useProcess(id: string) {
  return useQuery({ queryKey: processKeys.detail(id), queryFn: async () => detailOf(await unwrap(api.GET('/api/v1/processes/{id}', { params: path(id) }))) });
}

export async function fetchProcessExport(id: string): Promise<ProcessExport> {
  return processExportSchema.parse(await unwrap(api.GET('/api/v1/processes/{id}/export', { params: path(id) })));
}

export function useProcessActions() {
  const queryClient = useQueryClient();
  const settle = async <T,>(result: Promise<T>, id?: string): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: processKeys.list() });
      if (id) await queryClient.invalidateQueries({ queryKey: processKeys.detail(id) });
    }
  };
  return {
    create: async (body: NewProcess) => detailOf(await settle(unwrap(api.POST('/api/v1/processes', { body })))),
    /** Saves the draft; 412 when someone saved meanwhile. */
    save: async (process: ProcessDetail, changes: { definition: ProcessDefinitionInput; name?: NewProcess['name'] }) =>
      detailOf(await settle(unwrap(api.PUT('/api/v1/processes/{id}', { params: { ...path(process.id), header: ifMatch(process.version) }, body: changes })), process.id)),
    publish: (process: ProcessDetail) => settle(unwrap(api.POST('/api/v1/processes/{id}/publish', { params: { ...path(process.id), header: ifMatch(process.version) } })), process.id),
    import: async (file: ProcessExport) => detailOf(await settle(unwrap(api.POST('/api/v1/processes/import', { body: file })))),
  };
}
