import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeApi, type Article } from './knowledge-api.ts';

/** 版本历史: every version, a line diff with the one before, and a reviewer's rollback (a new version). */
export function ArticleHistory({ article, onRolledBack }: { article: Article; onRolledBack: (saved: Article) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [compare, setCompare] = useState<number | null>(null);
  const versions = useQuery({ queryKey: ['knowledge', 'versions', article.id, article.version], queryFn: () => knowledgeApi.versions(article.id) });
  const diff = useQuery({ queryKey: ['knowledge', 'diff', article.id, compare], queryFn: () => knowledgeApi.diff(article.id, compare! - 1, compare!), enabled: compare !== null && compare > 1 });
  async function rollback(to: number) {
    try {
      const saved = await knowledgeApi.rollback(article.id, article.version, to);
      onRolledBack(saved);
      await queryClient.invalidateQueries({ queryKey: ['knowledge'] });
      message.success(t('knowledge.editor.rolledBack', { n: to }));
    } catch (error) {
      message.error((error as Error).message);
    }
  }
  return (
    <Card title={t('knowledge.editor.versions')} style={{ marginTop: 16 }} data-testid="article-versions">
      <List
        size="small"
        loading={versions.isPending}
        dataSource={versions.data?.items ?? []}
        renderItem={(v) => (
          <List.Item
            actions={[
              v.number > 1 && <Button key="diff" size="small" type="link" onClick={() => setCompare(compare === v.number ? null : v.number)}>{t('knowledge.editor.compare')}</Button>,
              article.abilities?.review && v.number < article.version && <Button key="rollback" size="small" type="link" onClick={() => rollback(v.number)}>{t('knowledge.editor.rollback')}</Button>,
            ].filter(Boolean)}
          >
            <Space wrap>
              <Typography.Text strong>{t('knowledge.editor.version', { n: v.number })}</Typography.Text>
              <span>{t(`knowledge.editor.reason.${v.reason}`, { defaultValue: v.reason })}</span>
              <Typography.Text type="secondary">{dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {diff.data && (
        <div data-testid="article-diff" style={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', marginTop: 8 }}>
          {diff.data.texts.filter((x) => x.lines.some((l) => l.op !== 'same')).map((x) => (
            <div key={`${x.locale}-${x.field}`}>
              <Typography.Text type="secondary">{x.locale} · {t(x.field === 'title' ? 'knowledge.editor.titleLabel' : 'knowledge.editor.body')}</Typography.Text>
              {x.lines.map((l, i) => (
                <div key={i} style={{ background: l.op === 'added' ? '#f6ffed' : l.op === 'removed' ? '#fff1f0' : undefined }}>
                  {l.op === 'added' ? '+ ' : l.op === 'removed' ? '− ' : '  '}
                  {l.text}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
