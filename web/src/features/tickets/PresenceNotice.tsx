import { EyeOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.ts';
import { usePresence } from './use-presence.ts';

/**
 * "王芳 也在查看此工单" / "王芳 正在输入…". Its own component, so the presence answers that
 * arrive after every switch (the heartbeat, the viewers list, stream events) re-render this line
 * and not the whole ticket page.
 */
export function PresenceNotice({ ticketId, composing }: { ticketId: string; composing: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const viewers = usePresence(ticketId, composing).filter((v) => v.userId !== me.id);
  if (!viewers.length) return null;
  const typing = viewers.filter((v) => v.composing).map((v) => v.name);
  return (
    <Alert
      type={typing.length ? 'warning' : 'info'}
      showIcon
      icon={<EyeOutlined />}
      data-testid="presence-notice"
      title={typing.length ? t('ticket.composing', { names: typing.join('、') }) : t('ticket.viewers', { names: viewers.map((v) => v.name).join('、') })}
    />
  );
}
