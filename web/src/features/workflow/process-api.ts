import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ProcessDefinitionInput } from '../../../../src/workflow-model/definition.ts';
import { ApiError, type Problem } from '../../shared/api/client.ts';

/**
 * The designer's calls to 设置 › 流程's API (issue 19's contract: GET/POST /api/v1/processes,
 * GET/PUT /api/v1/processes/{id}, POST …/{id}/publish, GET …/{id}/export, POST …/import), in this
 * one file. The workflow module was not yet in the generated OpenAPI types when the designer was
 * written, so answers are read through the contract's shapes below (zod, never a cast); moving to
 * the typed `api` client is a change of this file alone.
 */
const label = z.object({ 'zh-CN': z.string(), en: z.string() });
const issueSchema = z.object({ path: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional(), message: z.string() });

const summarySchema = z.object({
  id: z.string(),
  key: z.string(),
  name: label,
  ticketType: z.string(),
  /** The version new tickets start on; null before the first publish. */
  currentVersion: z.number().int().nullable(),
  /** The draft's version, for If-Match. */
  version: z.number().int(),
  updatedAt: z.string(),
});
/** The definition travels as plain JSON; the designer parses it with the model's own schema when it validates. */
const definitionSchema = z.custom<ProcessDefinitionInput>((value) => typeof value === 'object' && value !== null && 'nodes' in value && Array.isArray(value.nodes) && 'transitions' in value && Array.isArray(value.transitions));
const detailSchema = summarySchema.extend({
  definition: definitionSchema,
  issues: z.array(issueSchema),
  versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), publishedBy: z.string().nullable() })),
});
const listSchema = z.object({ items: z.array(summarySchema), nextCursor: z.string().nullable() });
const versionSchema = z.object({ version: z.number().int(), publishedAt: z.string() });
export const processExportSchema = z.object({ format: z.literal('opencsm.process'), formatVersion: z.literal(1), key: z.string(), name: label, ticketType: z.string(), sourceVersion: z.number().int().nullable(), definition: definitionSchema });

export type ProcessSummary = z.infer<typeof summarySchema>;
export type ProcessDetail = z.infer<typeof detailSchema>;
export type ProcessExport = z.infer<typeof processExportSchema>;
export type NewProcess = { key: string; name: { 'zh-CN': string; en: string }; ticketType: string; definition: ProcessDefinitionInput };

export const processKeys = {
  all: ['processes'] as const,
  list: () => [...processKeys.all, 'list'] as const,
  detail: (id: string) => [...processKeys.all, 'detail', id] as const,
};

async function call<T>(schema: z.ZodType<T>, method: string, url: string, options: { body?: unknown; version?: number } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  let response: Response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin', headers, ...(options.body !== undefined && { body: JSON.stringify(options.body) }) });
  } catch {
    throw new ApiError({ title: 'network', status: 0, code: 'network' });
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(problemOf(body, response));
  return schema.parse(body);
}

const problemSchema = z.object({ title: z.string(), code: z.string().optional(), detail: z.string().optional(), errors: z.array(issueSchema.partial({ code: true })).optional() });
function problemOf(body: unknown, response: Response): Problem {
  const parsed = problemSchema.safeParse(body);
  if (!parsed.success) return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  const { errors, ...rest } = parsed.data;
  return { ...rest, status: response.status, ...(errors && { errors: errors.map((e) => ({ ...e, code: e.code ?? '' })) }) };
}

const base = '/api/v1/processes';
const at = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** Every process (one per ticket type), a page of 200: an installation has few. */
export function useProcesses() {
  return useQuery({ queryKey: processKeys.list(), queryFn: async () => (await call(listSchema, 'GET', `${base}?limit=200`)).items });
}

export function useProcess(id: string) {
  return useQuery({ queryKey: processKeys.detail(id), queryFn: () => call(detailSchema, 'GET', at(id)) });
}

export const fetchProcessExport = (id: string) => call(processExportSchema, 'GET', `${at(id)}/export`);

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
    create: (body: NewProcess) => settle(call(detailSchema, 'POST', base, { body })),
    /** Saves the draft; 412 when someone saved meanwhile. */
    save: (process: ProcessDetail, changes: { definition: ProcessDefinitionInput; name?: NewProcess['name'] }) => settle(call(detailSchema, 'PUT', at(process.id), { body: changes, version: process.version }), process.id),
    publish: (process: ProcessDetail) => settle(call(versionSchema, 'POST', `${at(process.id)}/publish`, { version: process.version }), process.id),
    import: (file: ProcessExport) => settle(call(detailSchema, 'POST', `${base}/import`, { body: file })),
  };
}
