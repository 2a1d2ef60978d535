import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../app/session.ts';
import { knowledgeApi, type Locale } from './knowledge-api.ts';

/** 由此回复创建文章 on an agent's public reply: a draft with the customer's personal data replaced and marked, opened in the editor. */
export function ArticleFromReply({ ticketId, messageId }: { ticketId: string; messageId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!can('knowledge.write')) return null;
  async function make() {
    setBusy(true);
    try {
      const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
      const { article, redactions } = await knowledgeApi.draftFromReply(ticketId, messageId, locale);
      message.success(t('knowledge.ticket.draftCreated', { count: redactions.reduce((sum, r) => sum + r.count, 0) }));
      navigate(`/knowledge/${article.id}`);
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button size="small" type="link" loading={busy} onClick={make} data-testid="article-from-reply">
      {t('knowledge.ticket.draftFromReply')}
    </Button>
  );
}
