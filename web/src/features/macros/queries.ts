import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { components, paths } from '../../shared/api/schema';

export type Macro = components['schemas']['Macro'];
export type MacroScope = 'usable' | 'personal' | 'shared';
export type MacroInput = paths['/api/v1/macros']['post']['requestBody']['content']['application/json'];
export type MacroOutcome = paths['/api/v1/tickets/{id}/macros/{macroId}/preview']['post']['responses'][200]['content']['application/json'];

/** Query keys of the macros feature: every list under `macros`, so a save refreshes them all. */
export const macroKeys = {
  all: ['macros'] as const,
  list: (scope: MacroScope, q: string) => [...macroKeys.all, 'list', scope, q] as const,
  variables: () => [...macroKeys.all, 'variables'] as const,
};

/** One page (most used first) of the macros of a scope matching `q`; the picker and settings lists. */
export function useMacros(scope: MacroScope, q: string, enabled = true) {
  return useQuery({
    queryKey: macroKeys.list(scope, q),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/macros', { params: { query: { scope, limit: 50, ...(q && { q }) } } })),
    placeholderData: (previous) => previous,
  });
}

export function useMacroVariables() {
  return useQuery({ queryKey: macroKeys.variables(), queryFn: () => unwrap(api.GET('/api/v1/macros/variables')).then((r) => r.items), staleTime: 5 * 60_000 });
}

export const refreshMacros = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: macroKeys.all });
export const useRefreshMacros = () => {
  const queryClient = useQueryClient();
  return () => refreshMacros(queryClient);
};

export const macrosApi = {
  create: (body: MacroInput) => unwrap(api.POST('/api/v1/macros', { body })),
  update: (macro: Macro, body: Omit<MacroInput, 'scope'>) => unwrap(api.PATCH('/api/v1/macros/{id}', { params: { path: { id: macro.id }, header: { 'if-match': `"${macro.version}"` } }, body })),
  remove: (macro: Macro) => unwrap(api.DELETE('/api/v1/macros/{id}', { params: { path: { id: macro.id }, header: { 'if-match': `"${macro.version}"` } } })),
  preview: (ticketId: string, macroId: string) => unwrap(api.POST('/api/v1/tickets/{id}/macros/{macroId}/preview', { params: { path: { id: ticketId, macroId } } })),
  /** `ticketVersion`: the version the preview showed; a ticket changed since answers 412. */
  apply: (ticketId: string, macroId: string, ticketVersion: number) =>
    unwrap(api.POST('/api/v1/tickets/{id}/macros/{macroId}/apply', { params: { path: { id: ticketId, macroId }, header: { 'if-match': `"${ticketVersion}"` } } })),
};
