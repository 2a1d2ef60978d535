import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * What an import leaves out of rows it still imports (a ticket's oversized or missing attachment,
 * an author who is no agent here), row by row — shown by the dry run and by the result. Nothing
 * when there is none.
 */
export function RowWarnings({ warnings }: { warnings: ReadonlyArray<{ row: number; message: string }> }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="import-warnings"
      message={t('imports.warnings.title', { count: warnings.length })}
      description={
        <List
          size="small"
          dataSource={[...warnings]}
          pagination={warnings.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(w) => <List.Item>{t('imports.warnings.row', { row: w.row, message: w.message })}</List.Item>}
        />
      }
    />
  );
}
