import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePriorities, type Priority } from './queries.ts';

const statusColors: Record<string, string> = { new: 'blue', open: 'orange', pending: 'gold', resolved: 'green', closed: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}

export function priorityName(priority: Priority | undefined, key: string, language: string): string {
  if (!priority) return key;
  return language === 'zh-CN' ? priority.nameZh : priority.nameEn;
}

export function PriorityTag({ priority }: { priority: string }) {
  const { i18n } = useTranslation();
  const { data } = usePriorities();
  const found = data?.find((p) => p.key === priority);
  return <Tag color={found?.color && found.color !== 'default' ? found.color : undefined}>{priorityName(found, priority, i18n.language)}</Tag>;
}
