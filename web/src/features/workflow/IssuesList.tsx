import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlacedIssue } from './issue-targets.ts';

/** What stops publishing, in the model's words; a click selects the element on the diagram. */
export function IssuesList({ issues, message, elementName, onSelect }: { issues: readonly PlacedIssue[]; message: (issue: PlacedIssue) => string; elementName: (id: string) => string; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  if (!issues.length) return <Typography.Text type="success" data-testid="process-issues-none"><CheckCircleOutlined /> {t('workflow.designer.noIssues')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="process-issues"
      header={<Typography.Text type="secondary">{t('workflow.designer.issueHint')}</Typography.Text>}
      dataSource={[...issues]}
      renderItem={(issue) => (
        <List.Item
          className={issue.element ? 'process-issue is-clickable' : 'process-issue'}
          onClick={() => issue.element && onSelect(issue.element)}
          data-element={issue.element ?? ''}
        >
          <Typography.Text type="danger"><ExclamationCircleOutlined /> </Typography.Text>
          {issue.element && <Typography.Text strong>{elementName(issue.element)}：</Typography.Text>}
          {message(issue)}
        </List.Item>
      )}
    />
  );
}
