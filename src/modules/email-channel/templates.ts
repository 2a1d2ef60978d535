/**
 * Mail we write ourselves, in the mailbox's language: the auto-acknowledgement (受理回执) of a new
 * ticket, and the frame around an agent's reply (their text, then the mailbox signature).
 */
export type TemplateLanguage = 'zh-CN' | 'en';

export function acknowledgementMail(language: TemplateLanguage, v: { name: string; ticketNumber: string; subject: string; signature: string }): { subject: string; text: string } {
  const subject = v.subject || (language === 'en' ? '(no subject)' : '（无主题）');
  if (language === 'en') {
    return {
      subject: `Received: ${subject}`,
      text: [
        `Dear ${v.name || 'customer'},`,
        '',
        `We have received your message and opened ticket ${v.ticketNumber} for it. Our team will get back to you as soon as possible.`,
        'To add information, simply reply to this email and keep the ticket number in the subject.',
        '',
        'This is an automatic message.',
        ...(v.signature ? ['', v.signature] : []),
      ].join('\n'),
    };
  }
  return {
    subject: `已受理：${subject}`,
    text: [
      `${v.name || '客户'}，您好：`,
      '',
      `我们已收到您的来信，并已受理为工单 ${v.ticketNumber}。客服人员会尽快与您联系。`,
      '如需补充信息，请直接回复本邮件，并保留主题中的工单编号。',
      '',
      '此邮件为系统自动发送。',
      ...(v.signature ? ['', v.signature] : []),
    ].join('\n'),
  };
}

/** An agent's reply as mailed: their text, a line on how to answer (mailbox language), the signature. */
export function replyText(language: TemplateLanguage, v: { body: string; ticketNumber: string; signature: string }): string {
  const footer = language === 'en' ? `Simply reply to this email to continue (keep [#${v.ticketNumber}] in the subject).` : `直接回复本邮件即可继续沟通（请保留主题中的 [#${v.ticketNumber}]）。`;
  return [v.body.trimEnd(), '', footer, ...(v.signature.trim() ? ['', '-- ', v.signature.trim()] : [])].join('\n');
}
