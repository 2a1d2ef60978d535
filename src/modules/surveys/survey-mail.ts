import nodemailer from 'nodemailer';
import type { Config } from '../../app/config.js';
import type { SurveyInvitation } from '../../app/survey-channels.js';

/**
 * The survey invitation as an email, sent through the installation's relay (OPENCSM_SMTP_URL) like
 * the portal's other customer mail. A CSAT mail holds one link per star (one click, then an
 * optional comment on the page); an NPS mail one per score 0–10. Links carry the score in the
 * query: the page records it with a POST, so a mail scanner that fetches links rates nothing.
 */
export type SurveyMail = { to: string; name: string; invitation: SurveyInvitation };

const stars = (n: number) => '★'.repeat(n) + '☆'.repeat(5 - n);

function render({ name, invitation: inv }: SurveyMail): { subject: string; text: string } {
  const lines = inv.scores.map((score) => (inv.kind === 'csat' ? `${stars(score)}  ${inv.link}?score=${score}` : `${score}  ${inv.link}?score=${score}`));
  if (inv.locale === 'en') {
    return inv.kind === 'csat'
      ? { subject: `How did we do? Ticket ${inv.ticketNumber ?? ''}`.trim(), text: `Hello ${name},\n\nYour ticket ${inv.ticketNumber} "${inv.ticketSubject}" was resolved. How satisfied are you with our service? One click rates it:\n\n${lines.join('\n')}\n\nThe link works once and expires.\n` }
      : { subject: 'How likely are you to recommend us?', text: `Hello ${name},\n\nOn a scale of 0 to 10, how likely are you to recommend us to a friend or colleague? One click answers:\n\n${lines.join('\n')}\n\nThe link works once and expires.\n` };
  }
  return inv.kind === 'csat'
    ? { subject: `请为我们的服务评分：工单 ${inv.ticketNumber ?? ''}`.trim(), text: `${name}，您好：\n\n您的工单 ${inv.ticketNumber}「${inv.ticketSubject}」已解决。您对这次服务满意吗？点击一个评分即可（1 星最不满意，5 星最满意）：\n\n${lines.join('\n')}\n\n链接只能使用一次，过期失效。\n` }
    : { subject: '您愿意向朋友推荐我们吗？', text: `${name}，您好：\n\n从 0 到 10 分，您有多大可能向朋友或同事推荐我们？点击一个分数即可：\n\n${lines.join('\n')}\n\n链接只能使用一次，过期失效。\n` };
}

export type SurveyMailer = { send(mail: SurveyMail): Promise<void> } | null;

/** Null without a relay: the survey cannot go out by email (it is marked failed with the reason). */
export function createSurveyMailer(config: Pick<Config, 'OPENCSM_SMTP_URL' | 'OPENCSM_MAIL_FROM'>): SurveyMailer {
  if (!config.OPENCSM_SMTP_URL) return null;
  const transport = nodemailer.createTransport(config.OPENCSM_SMTP_URL);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.OPENCSM_MAIL_FROM, to: mail.to, ...render(mail) });
    },
  };
}
