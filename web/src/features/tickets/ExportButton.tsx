import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/session.ts';
import { exportHref } from './export-link.ts';

/**
 * 导出: the list on screen (view, filters, search, sort) as Excel or CSV, with the view's custom
 * columns. A plain link: the browser downloads the stream and shows its progress; the server caps
 * the rows (X-Export-Max-Rows) and records the export. Headers and labels follow the browser's
 * language (Accept-Language), as a download link cannot send the console's.
 */
export function ExportButton({ query, customColumns }: { query: Record<string, unknown>; customColumns: readonly string[] }) {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('tickets.export')) return null;
  const href = (format: 'xlsx' | 'csv') => exportHref(format, query, customColumns);
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'xlsx', label: <a href={href('xlsx')} download data-testid="export-xlsx">{t('list.exportXlsx')}</a> },
          { key: 'csv', label: <a href={href('csv')} download data-testid="export-csv">{t('list.exportCsv')}</a> },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} data-testid="export-button">{t('list.export')}</Button>
    </Dropdown>
  );
}
