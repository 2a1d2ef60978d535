import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helpApi, type HelpHit, type HelpLocale } from './help-api.ts';

/**
 * While a customer types a ticket's subject (web form, portal), up to 5 help-centre articles that
 * may already answer it. Opening one counts a view and starts the deflection window (the help
 * centre page records it, `?from=form`); submitting the ticket afterwards cancels it.
 */
export function SubjectSuggestions({ subject }: { subject: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<HelpHit[]>([]);
  const locale: HelpLocale = i18n.language === 'en' ? 'en' : 'zh-CN';
  useEffect(() => {
    const text = (subject ?? '').trim();
    if (text.length < 2) return setItems([]);
    let current = true;
    // Wait for a pause in typing; the newest answer wins.
    const handle = window.setTimeout(() => helpApi.suggestions(text, locale).then((r) => current && setItems(r.items), () => current && setItems([])), 250);
    return () => {
      current = false;
      window.clearTimeout(handle);
    };
  }, [subject, locale]);
  if (items.length === 0) return null;
  return (
    <div data-testid="subject-suggestions" style={{ background: '#f6ffed', border: '1px solid #b7eb8f', borderRadius: 6, padding: '8px 12px', margin: '-8px 0 16px' }}>
      <Typography.Text type="secondary">{t('knowledge.suggest.title')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {items.map((a) => (
          <li key={a.id}>
            <a href={`/help/articles/${a.slug}?from=form`} target="_blank" rel="noopener">
              {a.title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After a ticket is submitted: the articles this visitor opened did not deflect it. Never blocks the form. */
export function reportTicketSubmitted(): void {
  helpApi.ticketSubmitted().catch(() => undefined);
}
