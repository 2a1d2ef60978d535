import { useTranslation } from 'react-i18next';
import { useCategories, usePriorities, useTeams, useUsers } from '../tickets/queries.ts';
import { useTicketChannels } from '../tickets/ticket-channels.ts';
import { categoryTree, type CategoryNode } from '../tickets/category-tree.ts';
import { useConditionFields, useCustomerTiers } from './policy-queries.ts';
import type { components } from '../../shared/api/schema';

export type ConditionFieldView = components['schemas']['SlaConditionField'];
import { useCalendars } from './queries.ts';

export type Option = { value: string; label: string };

/**
 * What policies refer to, as select options in the console's language. A list that fails to load
 * (e.g. tiers without customers.read) is simply empty: values already chosen still show their ids.
 */
export function usePolicyReferences() {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const name = (row: { nameZh: string; nameEn: string }) => (zh ? row.nameZh : row.nameEn || row.nameZh);
  const priorities = usePriorities();
  const categories = useCategories();
  const tiers = useCustomerTiers();
  const calendars = useCalendars();
  const users = useUsers();
  const teams = useTeams();
  const conditionFields = useConditionFields();
  const channels = useTicketChannels();
  const labelOf = (label: { 'zh-CN': string; en: string }) => (zh ? label['zh-CN'] : label.en || label['zh-CN']);
  const categoryNodes: CategoryNode[] = categoryTree(categories.data ?? [], zh);
  return {
    pending: priorities.isPending || calendars.isPending,
    error: priorities.error ?? calendars.error,
    retry: () => Promise.all([priorities.refetch(), calendars.refetch()]),
    /** Most urgent first, inactive ones included (existing policies may name them). */
    priorities: (priorities.data ?? []).map((p) => ({ value: p.key, label: name(p), active: p.active })),
    categoryTree: categoryNodes,
    categoryNames: new Map((categories.data ?? []).map((c) => [c.id, name(c)])),
    tiers: (tiers.data ?? []).map((tier): Option => ({ value: tier.key, label: name(tier) })),
    calendars: (calendars.data ?? []).map((c) => ({ value: c.id, label: name(c), isDefault: c.isDefault })),
    users: (users.data ?? []).map((u): Option => ({ value: u.id, label: u.name })),
    teams: (teams.data ?? []).map((team): Option => ({ value: team.id, label: team.name })),
    /** The channels installed in the server (a policy naming one no longer installed shows its key). */
    channels: (channels.data ?? []).map((channel): Option => ({ value: channel.key, label: labelOf(channel.labels) })),
    /** What a condition may name, labelled in the console's language (empty until loaded: the editor falls back to the fields every installation has). */
    conditionFields: (conditionFields.data ?? []).map((field) => ({ ...field, name: labelOf(field.label), choices: field.options?.map((option): Option => ({ value: option.value, label: labelOf(option.label) })) })),
  };
}

export type PolicyReferences = ReturnType<typeof usePolicyReferences>;
