import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../shared/ui/describe-error.ts';
import { uploadAttachment } from '../../tickets/queries.ts';
import { asStrings, type FieldInputProps } from './input-props.ts';

/**
 * Files on a ticket, by attachment id. The existing upload stores a file on a ticket, so a field
 * takes files only once its ticket exists (the ticket page); a new ticket's form says so.
 */
export function AttachmentsInput({ field, value, onChange, disabled, ticketId }: FieldInputProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const ids = asStrings(value);
  if (!ticketId) return <Typography.Text type="secondary">{t('customFields.uploadAfterCreate')}</Typography.Text>;
  return (
    <Space direction="vertical" size={4} data-field={field.key}>
      {ids.map((attachmentId) => (
        <a key={attachmentId} href={`/api/v1/attachments/${attachmentId}`}>
          📎 {attachmentId.slice(0, 8)}
        </a>
      ))}
      <Upload
        multiple
        showUploadList={false}
        disabled={disabled || uploading}
        customRequest={async ({ file }) => {
          setUploading(true);
          try {
            const stored = await uploadAttachment(ticketId, file as File);
            onChange?.([...ids, stored.id]);
          } catch (error) {
            message.error(describeError(error, t).message);
          } finally {
            setUploading(false);
          }
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={uploading} disabled={disabled}>
          {t('customFields.upload')}
        </Button>
      </Upload>
    </Space>
  );
}
