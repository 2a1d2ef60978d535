import { Spin, Typography } from 'antd';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Whether a j / k press is waiting for the next ticket's data (use-ticket-switch.ts). A context,
 * so that only this notice renders when it changes, not the ticket page around it.
 */
export const SwitchPending = createContext(false);

/** "正在打开工单" beside the ticket's header while the next one loads; announced to screen readers. */
export function SwitchPendingNotice() {
  const { t } = useTranslation();
  const pending = useContext(SwitchPending);
  return (
    <span role="status" aria-live="polite">
      {pending ? (
        <Typography.Text type="secondary" data-testid="ticket-switch-pending">
          <Spin size="small" /> {t('ticketPage.openingTicket')}
        </Typography.Text>
      ) : null}
    </span>
  );
}
