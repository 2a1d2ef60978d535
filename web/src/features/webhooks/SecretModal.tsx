import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown once after creation or rotation; the server never answers it again. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  async function copy() {
    if (!secret) return;
    await navigator.clipboard?.writeText(secret).catch(() => undefined);
    setCopied(true);
  }
  return (
    <Modal
      open={secret !== null}
      title={t('webhooks.secretTitle')}
      onCancel={onClose}
      afterClose={() => setCopied(false)}
      footer={<Button type="primary" onClick={onClose}>{t('webhooks.done')}</Button>}
      maskClosable={false}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon message={t('webhooks.secretIntro')} />
        <Space.Compact style={{ width: '100%' }}>
          <Input readOnly value={secret ?? ''} data-testid="webhook-secret" style={{ fontFamily: 'monospace' }} />
          <Button onClick={copy}>{copied ? t('webhooks.copied') : t('webhooks.copy')}</Button>
        </Space.Compact>
        <Typography.Text type="secondary">{t('webhooks.docs')}</Typography.Text>
      </Space>
    </Modal>
  );
}
