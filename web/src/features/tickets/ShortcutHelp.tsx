import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const rows = [
    { keys: 'j', action: t('shortcuts.next') },
    { keys: 'k', action: t('shortcuts.previous') },
    { keys: 'r', action: t('shortcuts.reply') },
    { keys: 'n', action: t('shortcuts.note') },
    { keys: 'Ctrl + Enter', action: t('shortcuts.send') },
    { keys: 'Esc', action: t('shortcuts.escape') },
    { keys: '?', action: t('shortcuts.help') },
  ];
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} data-testid="shortcut-help">
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={rows}
        columns={[
          { dataIndex: 'keys', width: 140, render: (k: string) => <Typography.Text keyboard>{k}</Typography.Text> },
          { dataIndex: 'action' },
        ]}
        showHeader={false}
      />
    </Modal>
  );
}
