import type { paths } from '../../shared/api/schema';

export type CustomerTab = 'contacts' | 'organizations';
export type CustomerSort = 'name' | '-updatedAt';
export type ContactQuery = Omit<NonNullable<paths['/api/v1/contacts']['get']['parameters']['query']>, 'cursor' | 'limit'>;
export type OrganizationQuery = Omit<NonNullable<paths['/api/v1/organizations']['get']['parameters']['query']>, 'cursor' | 'limit'>;

/** What the customers list shows, all of it in the URL so a link or a reload shows the same list. */
export type ListState = { tab: CustomerTab; q: string; tierKey?: string; tag?: string; organizationId?: string; sort: CustomerSort };

export function listStateFromParams(params: URLSearchParams): ListState {
  const tab: CustomerTab = params.get('tab') === 'organizations' ? 'organizations' : 'contacts';
  const sort: CustomerSort = params.get('sort') === 'name' ? 'name' : '-updatedAt';
  const optional = (key: string) => {
    const value = params.get(key)?.trim();
    return value ? value : undefined;
  };
  return {
    tab,
    q: params.get('q')?.trim() ?? '',
    sort,
    ...(optional('tier') ? { tierKey: optional('tier') } : {}),
    ...(optional('tag') ? { tag: optional('tag') } : {}),
    // Organisations have no organisation filter: the parameter is ignored on that tab.
    ...(tab === 'contacts' && optional('organization') ? { organizationId: optional('organization') } : {}),
  };
}

/** URL parameter names of each part of the state; `null` removes one. */
export const paramNames = { q: 'q', tierKey: 'tier', tag: 'tag', organizationId: 'organization', sort: 'sort', tab: 'tab' } as const;

export function contactQuery(state: ListState): ContactQuery {
  return { ...common(state), ...(state.organizationId ? { organizationId: state.organizationId } : {}) };
}

export function organizationQuery(state: ListState): OrganizationQuery {
  return common(state);
}

function common(state: ListState) {
  return { sort: state.sort, ...(state.q ? { q: state.q } : {}), ...(state.tierKey ? { tierKey: state.tierKey } : {}), ...(state.tag ? { tag: state.tag } : {}) };
}

/** Whether anything narrows the list (then an empty list means "no match", not "no customers yet"). */
export function isNarrowed(state: ListState): boolean {
  return Boolean(state.q || state.tierKey || state.tag || state.organizationId);
}
