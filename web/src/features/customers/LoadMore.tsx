import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Keyset paging's one control: 加载更多 while there is more, a quiet "all loaded" after a long list. */
export function LoadMore({ hasMore, loading, count, onMore }: { hasMore: boolean; loading: boolean; count: number; onMore: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      {hasMore ? (
        <Button onClick={onMore} loading={loading} data-testid="load-more">
          {t('app.loadMore')}
        </Button>
      ) : count > 20 ? (
        <Typography.Text type="secondary">{t('app.allLoaded')}</Typography.Text>
      ) : null}
    </div>
  );
}
