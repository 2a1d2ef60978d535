import type { DnsResolver } from './dns-resolver.js';
import type { AuthResult, SenderAuth } from './sender-auth-result.js';
import { unverified } from './sender-auth-result.js';

/**
 * Sender authentication, and the one rule that turns its results into a verdict:
 *  - the From domain publishes DMARC: the verdict is DMARC's (pass or fail);
 *  - it does not: `pass` when SPF passes for a MAIL FROM domain aligned with the From domain, or a
 *    DKIM signature of an aligned domain verifies; `fail` when SPF fails (`-all`) for an aligned
 *    MAIL FROM domain and no aligned signature verifies; otherwise `none`.
 * Aligned = the same domain or one a subdomain of the other (DMARC's relaxed mode, without the
 * public-suffix list: `a.example.cn` and `b.example.cn` are not aligned here, which only errs
 * towards "unverified"). ARC results are recorded, not trusted: we keep no list of sealers.
 */
export type SmtpEnvelope = { ip: string | null; helo: string | null; mailFrom: string | null };

const results: readonly AuthResult[] = ['pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy', 'skipped'];
const asResult = (value: unknown): AuthResult => {
  const v = String(value ?? 'none').toLowerCase();
  if (v === 'temperr') return 'temperror';
  return (results as readonly string[]).includes(v) ? (v as AuthResult) : 'none';
};

export const domainOf = (address: string | null | undefined): string | null => {
  const at = address?.lastIndexOf('@') ?? -1;
  return address && at > 0 ? address.slice(at + 1).toLowerCase().replace(/\.$/, '') : null;
};

export function aligned(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}

type Checks = { spf: AuthResult; spfDomain: string | null; dkim: Array<{ result: AuthResult; domain: string | null }>; dmarc: AuthResult; dmarcPolicy: string | null; arc: AuthResult };

export function verdictOf(checks: Checks, fromDomain: string | null, source: SenderAuth['source']): SenderAuth {
  const alignedDkim = checks.dkim.filter((d) => d.result === 'pass' && aligned(d.domain, fromDomain));
  const spfAligned = aligned(checks.spfDomain, fromDomain);
  const dkim: AuthResult = checks.dkim.some((d) => d.result === 'pass') ? 'pass' : (checks.dkim[0]?.result ?? 'none');
  const reasons = [
    `SPF ${checks.spf}${checks.spfDomain ? ` (${checks.spfDomain}${spfAligned ? ', aligned' : ', not aligned'})` : ''}`,
    checks.dkim.length ? checks.dkim.map((d) => `DKIM ${d.result} (d=${d.domain ?? '?'}${aligned(d.domain, fromDomain) ? ', aligned' : ''})`).join('; ') : 'DKIM none (no signature)',
    checks.dmarcPolicy ? `DMARC ${checks.dmarc} (p=${checks.dmarcPolicy})` : `DMARC ${checks.dmarc} (no policy)`,
    ...(checks.arc !== 'none' ? [`ARC ${checks.arc} (recorded, not trusted)`] : []),
  ];
  let verdict: SenderAuth['verdict'];
  if (checks.dmarc === 'pass' || checks.dmarc === 'fail') verdict = checks.dmarc;
  else if ((checks.spf === 'pass' && spfAligned) || alignedDkim.length > 0) verdict = 'pass';
  else if (checks.spf === 'fail' && spfAligned) verdict = 'fail';
  else verdict = 'none';
  return { verdict, source, spf: checks.spf, dkim, dmarc: checks.dmarc, arc: checks.arc, fromDomain, dmarcPolicy: checks.dmarcPolicy, reasons };
}

/** Mail the SMTP listener received: SPF of the client and MAIL FROM, DKIM, DMARC and ARC, checked here. */
export async function authenticateSmtp(raw: Buffer, envelope: SmtpEnvelope, fromAddress: string | null, options: { resolver: DnsResolver; mta: string }): Promise<SenderAuth> {
  const fromDomain = domainOf(fromAddress);
  if (!envelope.ip) return unverified('no client address recorded', fromDomain);
  try {
    // Imported on first use: mailauth (with undici) is ~0.5 s of CPU to load, and most processes
    // (every test file, a server that receives no mail) never verify a sender.
    const { authenticate } = await import('mailauth');
    const result = await authenticate(raw, {
      ip: envelope.ip.replace(/^::ffff:/, ''),
      helo: envelope.helo ?? undefined,
      sender: envelope.mailFrom ?? '',
      mta: options.mta,
      resolver: options.resolver,
      disableBimi: true,
    });
    const dmarc = result.dmarc || null;
    return verdictOf(
      {
        spf: asResult(result.spf ? result.spf.status?.result : 'none'),
        spfDomain: result.spf ? result.spf.domain || domainOf(envelope.mailFrom) : domainOf(envelope.mailFrom),
        // An unsigned mail comes back as one `none` result without a domain: that is no signature.
        dkim: (result.dkim?.results ?? []).map((d) => ({ result: asResult(d.status?.result), domain: d.signingDomain || null })).filter((d) => d.domain || d.result !== 'none'),
        dmarc: asResult(dmarc?.status?.result),
        dmarcPolicy: dmarc && dmarc.p ? String(dmarc.p) : null,
        arc: asResult(result.arc ? result.arc.status?.result : 'none'),
      },
      fromDomain,
      'smtp',
    );
  } catch (error) {
    return unverified(`authentication failed to run: ${error instanceof Error ? error.message : String(error)}`, fromDomain);
  }
}

/**
 * Mail fetched over IMAP: we were not the receiving MTA, so we believe only the topmost
 * Authentication-Results header whose authserv-id is one of the configured upstream hosts (that
 * server adds its own on top and, per RFC 8601, removes forged ones carrying its id).
 */
export function authenticationFromHeaders(headerValues: readonly string[], trustedIds: readonly string[], fromAddress: string | null): SenderAuth {
  const fromDomain = domainOf(fromAddress);
  if (trustedIds.length === 0) return unverified('IMAP: no trusted authserv-id configured (EMAIL_TRUSTED_AUTHSERV_IDS)', fromDomain);
  const header = headerValues.find((value) => trustedIds.includes(value.split(';')[0]!.trim().split(/\s+/)[0]!.toLowerCase()));
  if (!header) return unverified(`IMAP: no Authentication-Results from ${trustedIds.join(', ')}`, fromDomain);
  const clauses = header.replace(/\([^()]*\)/g, ' ').split(';').slice(1).map((c) => c.trim());
  const clause = (method: string) => clauses.filter((c) => c.toLowerCase().startsWith(`${method}=`));
  const property = (c: string, name: string) => new RegExp(`(?:^|\\s)${name.replace('.', '\\.')}=([^\\s;]+)`, 'i').exec(c)?.[1]?.replace(/^.*@/, '').toLowerCase() ?? null;
  const resultOf = (c: string | undefined) => asResult(c ? /^[a-z]+=([a-z]+)/i.exec(c)?.[1] : 'none');
  const spf = clause('spf')[0];
  const dmarc = clause('dmarc')[0];
  const auth = verdictOf(
    {
      spf: resultOf(spf),
      spfDomain: spf ? property(spf, 'smtp.mailfrom') : null,
      dkim: clause('dkim').map((c) => ({ result: resultOf(c), domain: property(c, 'header.d') ?? property(c, 'header.i') })),
      dmarc: resultOf(dmarc),
      dmarcPolicy: dmarc ? (/policy\.published-domain-policy=([a-z]+)/i.exec(dmarc)?.[1] ?? null) : null,
      arc: resultOf(clause('arc')[0]),
    },
    fromDomain,
    'imap',
  );
  return { ...auth, reasons: [`from ${header.split(';')[0]!.trim()}`, ...auth.reasons] };
}
