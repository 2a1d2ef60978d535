import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../shared/api/client.ts';
import { useCan } from '../../app/session.ts';
import { ErrorState } from '../../shared/ui/states.tsx';

const columns = ['channel', 'team', 'organization', 'tier', 'period', 'month'] as const;
const groupableTypes = ['select', 'cascader', 'multiselect'];
type Label = { 'zh-CN': string; en: string };
const pick = (label: Label | null | undefined, language: string) => (label ? (language.startsWith('en') && label.en) || label['zh-CN'] : null);

/** The customer fields NPS/CSAT may be grouped by (产品线 …): select, cascader and multiselect ones, as `contact.<key>` / `organisation.<key>`. */
function useGroupableFields(enabled: boolean) {
  return useQuery({
    queryKey: ['survey-stats', 'fields'],
    enabled,
    queryFn: async () => {
      const [contact, organisation] = await Promise.all([unwrap(api.GET('/api/v1/contact-fields')), unwrap(api.GET('/api/v1/organisation-fields'))]);
      const usable = (items: typeof contact.items, entity: string) => items.filter((f) => groupableTypes.includes(f.type) && !f.archived).map((f) => ({ value: `${entity}.${f.key}`, label: f.label as Label, entity }));
      return [...usable(contact.items, 'contact'), ...usable(organisation.items, 'organisation')];
    },
    staleTime: 5 * 60_000,
  });
}

/** 调查统计: CSAT or NPS grouped by a survey column or by a custom field of the customer (e.g. NPS by 产品线). */
export function SurveyStatsCard() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<'csat' | 'nps'>('nps');
  const [by, setBy] = useState<string>('period');
  const fields = useGroupableFields(can('forms.read'));
  const field = by.startsWith('field:') ? by.slice('field:'.length) : undefined;
  const stats = useQuery({
    queryKey: ['survey-stats', kind, by],
    queryFn: () => unwrap(api.GET('/api/v1/surveys/stats', { params: { query: { kind, by: field ? 'field' : (by as (typeof columns)[number]), ...(field && { field }) } } })),
  });
  const options = [
    ...columns.map((c) => ({ value: c, label: t(`surveys.stats.by.${c}`) })),
    ...(fields.data ?? []).map((f) => ({ value: `field:${f.value}`, label: t(`surveys.stats.by.${f.entity === 'contact' ? 'contactField' : 'organisationField'}`, { name: pick(f.label, i18n.language) }) })),
  ];
  return (
    <Card title={t('surveys.stats.title')} data-testid="survey-stats" style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('surveys.stats.kind')} value={kind} onChange={setKind} options={[{ value: 'csat', label: 'CSAT' }, { value: 'nps', label: 'NPS' }]} style={{ width: 100 }} />
        <Select aria-label={t('surveys.stats.groupBy')} data-testid="survey-stats-by" value={by} onChange={setBy} options={options} style={{ minWidth: 200 }} />
      </Space>
      {stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => stats.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey={(g) => g.key ?? ''}
          loading={stats.isPending}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('surveys.stats.empty') }}
          dataSource={stats.data?.groups ?? []}
          columns={[
            { title: t('surveys.stats.group'), render: (_, g) => pick(g.label, i18n.language) ?? g.key ?? t('surveys.stats.none') },
            { title: t('surveys.stats.answered'), dataIndex: 'answered' },
            { title: t('surveys.stats.average'), dataIndex: 'average' },
            kind === 'nps' ? { title: 'NPS', dataIndex: 'nps' } : { title: 'CSAT', render: (_, g) => (g.csat === null ? '—' : `${Math.round(g.csat * 100)}%`) },
          ]}
        />
      )}
    </Card>
  );
}
