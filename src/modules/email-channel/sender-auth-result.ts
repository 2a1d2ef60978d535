/**
 * What we keep of a mail's sender authentication, on the inbound row and in the ticket message's
 * meta (the timeline's 已验证 / 未验证 mark). `verdict` is our reading of the results (see
 * sender-auth.ts); `reasons` are short readable lines for the tooltip and the quarantine view.
 */
export type AuthResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror' | 'policy' | 'skipped';

export type SenderAuth = {
  verdict: 'pass' | 'fail' | 'none';
  /** smtp: we checked ourselves; imap: a trusted upstream's Authentication-Results; none: nothing to go by. */
  source: 'smtp' | 'imap' | 'none';
  spf: AuthResult;
  dkim: AuthResult;
  dmarc: AuthResult;
  arc: AuthResult;
  /** The From domain the verdict is about. */
  fromDomain: string | null;
  /** DMARC policy of the From domain (none | quarantine | reject), when it has one. */
  dmarcPolicy: string | null;
  reasons: string[];
};

export const unverified = (reason: string, fromDomain: string | null): SenderAuth => ({
  verdict: 'none', source: 'none', spf: 'none', dkim: 'none', dmarc: 'none', arc: 'none', fromDomain, dmarcPolicy: null, reasons: [reason],
});
