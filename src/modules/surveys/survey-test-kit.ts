/** What a test SMTP sink kept (the portal's sink, passed in by the tests). */
export type ReceivedMails = { mails: ReadonlyArray<{ to: string; text: string }> };

/**
 * Test support: the survey links in the newest mail to `email` (one per score), read the way the
 * customer reads them — from the mail the real SMTP sink received.
 */
export function surveyLinksIn(sink: ReceivedMails, email: string): Map<number, string> {
  const mail = sink.mails.filter((m) => m.to === email.toLowerCase()).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const links = new Map<number, string>();
  for (const match of mail.text.matchAll(/(https?:\/\/\S+\/survey\/(\S+?))\?score=(\d+)/g)) links.set(Number(match[3]), match[1]!);
  return links;
}

/** The token of a survey link (its last path segment). */
export const tokenOf = (link: string): string => decodeURIComponent(new URL(link).pathname.split('/').at(-1)!);
