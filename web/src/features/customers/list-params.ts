import type { paths } from '../../shared/api/schema';

export type CustomerTab = 'contacts' | 'organizations';
export type CustomerSort = 'name' | '-updatedAt';
export type ContactQuery = Omit<NonNullable<paths['/api/v1/contacts']['get']['parameters']['query']>, 'cursor' | 'limit'>;
export type OrganizationQuery = Omit<NonNullable<paths['/api/v1/organizations']['get']['parameters']['query']>, 'cursor' | 'limit'>;

/** What the customers list shows, all of it in the URL so a link or a reload shows the same list. */
export type ListState = {
  tab: CustomerTab;
  q: string;
  tierKey?: string;
  tag?: string;
  organizationId?: string;
  sort: CustomerSort;
  /** Contacts only: custom field filters by key, each a comma-separated list of option values (URL `fields.<key>`, as the API takes them). */
  fields?: Record<string, string>;
};

const fieldParam = /^fields\.([a-z][a-z0-9_]{0,62})$/;

/** The `fields.<key>` parameters of the URL, by key. */
export function fieldFiltersFromParams(params: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of params) {
    const key = fieldParam.exec(name)?.[1];
    if (key && value.trim()) fields[key] = value.trim();
  }
  return fields;
}

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
    ...(tab === 'contacts' && Object.keys(fieldFiltersFromParams(params)).length ? { fields: fieldFiltersFromParams(params) } : {}),
  };
}

/** URL parameter names of each part of the state; `null` removes one. */
export const paramNames = { q: 'q', tierKey: 'tier', tag: 'tag', organizationId: 'organization', sort: 'sort', tab: 'tab' } as const;
/** The list's changes as the filters make them: a URL-backed part of the state, by name (`null` removes it). */
export type ListChanges = Partial<Record<keyof typeof paramNames, string | null>>;

export function contactQuery(state: ListState): ContactQuery {
  const fields = Object.fromEntries(Object.entries(state.fields ?? {}).map(([key, values]) => [`fields.${key}`, values]));
  return { ...common(state), ...(state.organizationId ? { organizationId: state.organizationId } : {}), ...fields };
}

export function organizationQuery(state: ListState): OrganizationQuery {
  return common(state);
}

function common(state: ListState) {
  return { sort: state.sort, ...(state.q ? { q: state.q } : {}), ...(state.tierKey ? { tierKey: state.tierKey } : {}), ...(state.tag ? { tag: state.tag } : {}) };
}

/** Whether anything narrows the list (then an empty list means "no match", not "no customers yet"). */
export function isNarrowed(state: ListState): boolean {
  return Boolean(state.q || state.tierKey || state.tag || state.organizationId || Object.keys(state.fields ?? {}).length);
}
