import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../shared/ui/describe-error.ts';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states.tsx';
import { useChannelAccountActions, useChannelAccounts, type ChannelAccount, type ChannelAccountOf, type ChannelKind } from './queries.ts';

/**
 * One channel account on its channel's settings page (WeChat, WeCom …): name with 沙箱 and
 * disabled tags, the connection test and the sandbox/enable switches, then what to paste into the
 * vendor's console (callback URL, Token), the channel's own settings (`details`, Descriptions
 * items) and the last message and error. Test ids are prefixed with the channel's kind.
 */
export function ChannelAccountCard({ kind, account, details, testOkKey = 'channels.testOk', callback = true }: { kind: ChannelKind; account: ChannelAccount; details: ReactNode; testOkKey?: string; callback?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = useChannelAccountActions(kind);
  const [testing, setTesting] = useState(false);
  // The callback Token the vendor's console needs (WeChat and WeCom sign with it; DingTalk with its AppSecret).
  const token = account.kind === 'wechat' || account.kind === 'wecom' ? account.settings.token : undefined;

  async function test() {
    setTesting(true);
    try {
      const health = await actions.test(account);
      if (health.ok) message.success(t(testOkKey));
      else message.error(t('channels.testFailed', { detail: health.detail ?? health.reason ?? '' }));
    } catch (error) {
      message.error(describeError(error, t).message);
    } finally {
      setTesting(false);
    }
  }
  async function change(changes: { sandbox?: boolean; enabled?: boolean }) {
    try {
      await actions.update(account, changes);
      message.success(t('channels.saved'));
    } catch (error) {
      message.error(describeError(error, t).message);
    }
  }

  return (
    <Card
      type="inner"
      data-testid={`${kind}-account`}
      title={<Space>{account.name}{account.sandbox ? <Tag color="orange" data-testid="sandbox-tag">{t('channels.sandbox')}</Tag> : null}{account.enabled ? null : <Tag>{t('channels.disabled')}</Tag>}</Space>}
      extra={
        <Space>
          <Button onClick={test} loading={testing} data-testid={`${kind}-test`}>{t('channels.test')}</Button>
          <Button onClick={() => change({ sandbox: !account.sandbox })}>{t('channels.toggleSandbox')}</Button>
          <Button onClick={() => change({ enabled: !account.enabled })}>{account.enabled ? t('channels.disable') : t('channels.enable')}</Button>
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        {/* Channels the vendor calls back (not SMS) show what to paste into the vendor's console; DingTalk signs with the app's secret and has no callback Token. */}
        {callback ? <Descriptions.Item label={t('channels.callbackUrl')}><Typography.Text copyable data-testid={`${kind}-callback-url`}>{`${window.location.origin}${account.callbackPath}`}</Typography.Text></Descriptions.Item> : null}
        {callback && token ? <Descriptions.Item label={t('channels.token')}><Typography.Text copyable>{token}</Typography.Text></Descriptions.Item> : null}
        {details}
        <Descriptions.Item label={t('channels.lastMessage')}>{account.lastMessageAt ? new Date(account.lastMessageAt).toLocaleString() : t('channels.never')}</Descriptions.Item>
        <Descriptions.Item label={t('channels.lastError')}>
          {account.lastError ? <Typography.Text type="danger" data-testid={`${kind}-last-error`}>{account.lastError}</Typography.Text> : t('channels.none')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 43 letters and digits (EncodingAESKey) or a 32-character Token, from the browser's CSPRNG. */
export function randomKey(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * A channel's accounts on its settings page: title and 添加 button, the introduction, the new-account
 * form while adding, an empty state, then one card per account. `textPrefix` names the channel's
 * catalogue keys (`title`, `add`, `intro`, `empty`, `emptyHint` under it).
 */
export function ChannelAccountList<K extends ChannelKind>({ kind, textPrefix, renderForm, renderAccount }: { kind: K; textPrefix: string; renderForm: (onDone: () => void) => ReactNode; renderAccount: (account: ChannelAccountOf<K>) => ReactNode }) {
  const { t } = useTranslation();
  const accounts = useChannelAccounts(kind);
  const [adding, setAdding] = useState(false);
  if (accounts.isError) return <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} />;
  if (!accounts.data) return <Loading />;
  const items = accounts.data.items;
  return (
    <Card title={t(`${textPrefix}.title`)} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid={`${kind}-add`}>{t(`${textPrefix}.add`)}</Button>}>
      <Typography.Paragraph type="secondary">{t(`${textPrefix}.intro`)}</Typography.Paragraph>
      {adding ? renderForm(() => setAdding(false)) : null}
      {items.length === 0 && !adding ? <EmptyState title={t(`${textPrefix}.empty`)} hint={t(`${textPrefix}.emptyHint`)} /> : null}
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        {items.map((account) => <div key={account.id}>{renderAccount(account)}</div>)}
      </Space>
    </Card>
  );
}
