import { SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

export type EmailAuth = { verdict: 'pass' | 'fail' | 'none'; reasons: string[] };

/** Reads the sender authentication stored in an email message's meta (`meta.email.auth`), if any. */
export function emailAuthOf(meta: unknown): EmailAuth | null {
  const email = meta && typeof meta === 'object' ? (meta as { email?: { auth?: EmailAuth } }).email : undefined;
  const auth = email?.auth;
  return auth && (auth.verdict === 'pass' || auth.verdict === 'fail' || auth.verdict === 'none') ? { verdict: auth.verdict, reasons: Array.isArray(auth.reasons) ? auth.reasons : [] } : null;
}

/** 已验证 / 未验证: whether the sender of a mail was proven (SPF/DKIM/DMARC), with the reasons on hover. */
export function EmailAuthMark({ auth }: { auth: EmailAuth | null }) {
  const { t } = useTranslation();
  if (!auth) return null;
  const verified = auth.verdict === 'pass';
  const label = verified ? t('email.auth.verified') : auth.verdict === 'fail' ? t('email.auth.failed') : t('email.auth.unverified');
  return (
    <Tooltip title={<div><div>{t('email.auth.tooltip')}</div>{auth.reasons.map((r) => <div key={r}>{r}</div>)}</div>}>
      <Tag data-testid="email-auth-mark" data-verdict={auth.verdict} color={verified ? 'success' : auth.verdict === 'fail' ? 'error' : 'default'} icon={verified ? <SafetyCertificateOutlined /> : <WarningOutlined />} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
    </Tooltip>
  );
}
