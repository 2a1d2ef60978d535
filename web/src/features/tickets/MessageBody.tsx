import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Plain text by default, rendered by React: markup in a message is shown, never executed. An
 * email's (already sanitised) HTML can be shown on request, inside a sandboxed frame without
 * scripts, same-origin access or remote loads, so even a sanitiser miss cannot run in the console.
 */
export function MessageBody({ body, html, spaced }: { body: string; html: string | null; spaced: boolean }) {
  const { t } = useTranslation();
  const [formatted, setFormatted] = useState(false);
  return (
    <>
      {formatted && html ? (
        <iframe
          sandbox=""
          referrerPolicy="no-referrer"
          title="message"
          srcDoc={`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'">${html}`}
          style={{ width: '100%', minHeight: 240, border: '1px solid #f0f0f0' }}
        />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: spaced || html ? 8 : 0 }}>{body}</Typography.Paragraph>
      )}
      {html && (
        <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => setFormatted(!formatted)}>
          {formatted ? t('ticket.showPlain') : t('ticket.showFormatted')}
        </Button>
      )}
    </>
  );
}

