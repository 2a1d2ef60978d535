import { useQuery } from '@tanstack/react-query';
import { Button, Input, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../app/session.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { knowledgeApi, type ArticleStatus } from './knowledge-api.ts';

export const statusColors: Record<ArticleStatus, string> = { draft: 'default', in_review: 'orange', published: 'green', archived: 'default' };

/** 知识库: every article the agent may read (reviewers: all; writers: published and their own), searched like tickets. */
export default function KnowledgePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ArticleStatus | 'all'>('all');
  const list = useQuery({ queryKey: ['knowledge', 'articles', q, status], queryFn: () => knowledgeApi.search({ q: q || undefined, status: status === 'all' ? undefined : status, limit: '50' }) });
  return (
    <div style={{ padding: 16, maxWidth: 1000 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('knowledge.title')}
        </Typography.Title>
        {can('knowledge.write') && (
          <Button type="primary" onClick={() => navigate('/knowledge/new')} data-testid="knowledge-create">
            {t('knowledge.create')}
          </Button>
        )}
      </Space>
      <Space wrap style={{ margin: '12px 0' }}>
        <Input.Search allowClear placeholder={t('knowledge.search')} onSearch={setQ} style={{ width: 320, maxWidth: '100%' }} data-testid="knowledge-search" />
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as ArticleStatus | 'all')}
          options={[{ value: 'all', label: t('knowledge.all') }, ...(['draft', 'in_review', 'published', 'archived'] as const).map((s) => ({ value: s, label: t(`knowledge.status.${s}`) }))]}
        />
      </Space>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={q ? t('knowledge.emptySearch', { q }) : t('knowledge.empty')} hint={t('knowledge.emptyHint')} />
      ) : (
        <List
          data-testid="knowledge-list"
          dataSource={list.data.items}
          renderItem={(a) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={`/knowledge/${a.id}`}>{a.title}</Link>
                    <Tag color={statusColors[a.status]}>{t(`knowledge.status.${a.status}`)}</Tag>
                    <Tag>{t(`knowledge.visibility.${a.visibility}`)}</Tag>
                  </Space>
                }
                description={a.snippet}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
