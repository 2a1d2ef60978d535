import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import type { paths } from '../../shared/api/schema';
import { automationKeys } from './keys.ts';

export type Rule = paths['/api/v1/rules/{id}']['get']['responses']['200']['content']['application/json'];
export type RuleBody = NonNullable<paths['/api/v1/rules']['post']['requestBody']>['content']['application/json'];
export type RuleAction = Rule['actions'][number];
export type RuleField = paths['/api/v1/rules/fields']['get']['responses']['200']['content']['application/json']['items'][number];
export type Preview = paths['/api/v1/rules/preview']['post']['responses']['200']['content']['application/json'];
export type Explanation = paths['/api/v1/rules/explain']['post']['responses']['200']['content']['application/json'];
export type ExplainBody = NonNullable<paths['/api/v1/rules/explain']['post']['requestBody']>['content']['application/json'];
export type Firing = paths['/api/v1/rule-firings']['get']['responses']['200']['content']['application/json']['items'][number];

export function useRules() {
  return useQuery({ queryKey: automationKeys.rules(), queryFn: async () => (await unwrap(api.GET('/api/v1/rules'))).items });
}

export function useRule(id: string | null) {
  return useQuery({ queryKey: automationKeys.rule(id ?? ''), enabled: id !== null, queryFn: () => unwrap(api.GET('/api/v1/rules/{id}', { params: { path: { id: id! } } })) });
}

export function useRuleFields() {
  return useQuery({ queryKey: automationKeys.fields(), queryFn: async () => (await unwrap(api.GET('/api/v1/rules/fields'))).items });
}

/** A time rule's latest backfill (补算), read again every 2 s while it runs. */
export function useRuleBackfill(id: string) {
  return useQuery({
    queryKey: automationKeys.backfill(id),
    queryFn: async () => (await unwrap(api.GET('/api/v1/rules/{id}/backfill', { params: { path: { id } } }))).backfill,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 2000 : false),
  });
}

export function useRuleVersions(id: string) {
  return useInfiniteQuery({
    queryKey: automationKeys.versions(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/rules/{id}/versions', { params: { path: { id }, query: { limit: 20, ...(pageParam && { before: pageParam }) } } })),
    getNextPageParam: (page) => page.nextBefore,
  });
}

/** One rule's firings (`id`), or every rule's (null: the global log), newest first, 20 a page. */
export function useRuleFirings(id: string | null) {
  return useInfiniteQuery({
    queryKey: automationKeys.firings(id),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = { limit: 20, ...(pageParam && { before: pageParam }) };
      return id ? unwrap(api.GET('/api/v1/rules/{id}/firings', { params: { path: { id }, query } })) : unwrap(api.GET('/api/v1/rule-firings', { params: { query } }));
    },
    getNextPageParam: (page) => page.nextBefore,
  });
}

const ifMatch = (rule: Pick<Rule, 'version'>) => ({ 'if-match': `"${rule.version}"` });

/** Rule writes; each refreshes the list and the rule (and its versions). */
export function useRuleActions() {
  const queryClient = useQueryClient();
  const refreshed = async <T,>(result: Promise<T>): Promise<T> => {
    try {
      return await result;
    } finally {
      await queryClient.invalidateQueries({ queryKey: automationKeys.all });
    }
  };
  return {
    create: (body: RuleBody) => refreshed(unwrap(api.POST('/api/v1/rules', { body }))),
    update: (rule: Rule, body: Partial<RuleBody>) => refreshed(unwrap(api.PATCH('/api/v1/rules/{id}', { params: { path: { id: rule.id }, header: ifMatch(rule) }, body }))),
    setEnabled: (rule: Rule, enabled: boolean) => refreshed(unwrap(api.PUT('/api/v1/rules/{id}/enabled', { params: { path: { id: rule.id }, header: ifMatch(rule) }, body: { enabled } }))),
    remove: (rule: Rule) => refreshed(unwrap(api.DELETE('/api/v1/rules/{id}', { params: { path: { id: rule.id }, header: ifMatch(rule) } }))),
    reorder: (ids: string[]) => refreshed(unwrap(api.POST('/api/v1/rules/reorder', { body: { ids } }))),
  };
}

export const previewRule = (body: { conditions: unknown; triggers?: RuleBody['triggers'] }) => unwrap(api.POST('/api/v1/rules/preview', { body }));
export const explainRule = (body: ExplainBody) => unwrap(api.POST('/api/v1/rules/explain', { body }));
