import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransitionOption } from './ticket-process-api.ts';

/**
 * Whether a transition can be taken through the take form: its only obstacle is custom fields
 * still empty, which the form asks for and sends with it. A built-in field (priority …) is edited
 * on the ticket itself, so it keeps the button disabled.
 */
export function fillable(option: TransitionOption): boolean {
  return !option.available && option.reasons.every((reason) => reason.code === 'fields_missing' && (reason.fields ?? []).every((field) => field.key.startsWith('fields.')));
}

/** The transitions out of one stage as buttons: a disabled one says why, in a tooltip and in plain text beside it (a phone has no hover). */
export function TransitionButtons({ options, busy, onTake }: { options: TransitionOption[]; busy: string | null; onTake: (option: TransitionOption) => void }) {
  const { t, i18n } = useTranslation();
  if (!options.length) return <Typography.Text type="secondary">{t('workflow.ticket.noTransitions')}</Typography.Text>;
  const labelOf = (option: TransitionOption) => option.label[i18n.language === 'en' ? 'en' : 'zh-CN'] || option.label['zh-CN'];
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {options.map((option) => {
        const enabled = option.available || fillable(option);
        const why = option.reasons.map((reason) => reason.message).join('；');
        const button = (
          <Button
            type={option.kind === 'return' ? 'default' : 'primary'}
            danger={option.kind === 'return'}
            disabled={!enabled}
            loading={busy === option.id}
            onClick={() => onTake(option)}
            data-testid={`process-transition-${option.id}`}
            style={{ maxWidth: '100%', whiteSpace: 'normal', height: 'auto' }}
          >
            {labelOf(option)}
          </Button>
        );
        return (
          <div key={option.id} data-testid={`process-option-${option.id}`} data-available={option.available ? 'true' : 'false'}>
            <Space wrap size={6}>
              {/* A disabled button gets no pointer events: the tooltip hangs on its wrapper. */}
              {why && !enabled ? <Tooltip title={why}><span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span></Tooltip> : button}
              {option.needsApproval ? <Tag color="purple">{t('workflow.ticket.needsApproval')}</Tag> : null}
            </Space>
            {why ? (
              <Typography.Paragraph type={enabled ? 'secondary' : 'warning'} style={{ margin: '2px 0 0', fontSize: 12 }} data-testid={`process-reason-${option.id}`}>
                {why}
              </Typography.Paragraph>
            ) : null}
          </div>
        );
      })}
    </Space>
  );
}
