import { Button, Card, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '../../../shared/ui/states.tsx';
import { useSuggestions, type WaitingOrder } from './dispatch-api.ts';
import { againstCodes, reasonText } from './reasons.ts';

/** 建议工程师 for the selected order: ranked with their reasons and a 派给 button; optionally the unsuitable with why. */
export function SuggestionsCard({ order, busy, onAssign }: { order: WaitingOrder | null; busy: boolean; onAssign: (engineer: { id: string; name: string }) => void }) {
  const { t } = useTranslation();
  const [showExcluded, setShowExcluded] = useState(false);
  const suggestions = useSuggestions(order?.id ?? null, showExcluded);
  if (!order) return <Card size="small"><Typography.Text type="secondary">{t('dispatch.selectOrder')}</Typography.Text></Card>;
  const rows = [
    ...(suggestions.data?.ranked ?? []).map((s) => ({ ...s, excluded: false })),
    ...(suggestions.data?.excluded ?? []).map((s) => ({ ...s, score: null, excluded: true })),
  ];
  return (
    <Card
      size="small"
      title={t('dispatch.suggestions', { number: order.number })}
      extra={<Space size={4}><Switch size="small" checked={showExcluded} onChange={setShowExcluded} aria-label={t('dispatch.showExcluded')} /><Typography.Text style={{ fontSize: 12 }}>{t('dispatch.showExcluded')}</Typography.Text></Space>}
      data-testid="dispatch-suggestions"
    >
      {suggestions.isError ? <ErrorState error={suggestions.error} onRetry={() => suggestions.refetch()} /> : null}
      {suggestions.data && rows.length === 0 ? <EmptyState title={t('dispatch.noSuggestions')} hint={t('dispatch.noSuggestionsHint')} /> : null}
      {rows.length ? (
        <List
          size="small"
          loading={suggestions.isFetching}
          dataSource={rows}
          renderItem={(row) => (
            <List.Item
              data-testid={`suggestion-${row.name}`}
              actions={row.excluded ? [<Tag key="x">{t('dispatch.excluded')}</Tag>] : [<Button key="assign" size="small" type="primary" loading={busy} onClick={() => onAssign({ id: row.engineerId, name: row.name })}>{t('dispatch.assign')}</Button>]}
            >
              <Space orientation="vertical" size={2}>
                <Typography.Text strong>{row.name}</Typography.Text>
                <Space size={[4, 4]} wrap>
                  {row.reasons.map((reason) => <Tag key={reason.code} color={againstCodes.has(reason.code) ? 'red' : 'green'} bordered={false}>{reasonText(t, reason)}</Tag>)}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
