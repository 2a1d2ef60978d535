// Test support (used by *.test.ts only): mail as the tests' senders write it, DKIM-signed with a
// key made for the test whose public half the test DNS serves.
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';

export type TestMail = { from: string; to?: string; cc?: string; subject: string; id: string; inReplyTo?: string; references?: string; extra?: string };

export function rawMail(h: TestMail, body: string): string {
  return [
    `From: ${h.from}`,
    `To: ${h.to ?? 'support@acme.test'}`,
    ...(h.cc ? [`Cc: ${h.cc}`] : []),
    `Subject: =?UTF-8?B?${Buffer.from(h.subject).toString('base64')}?=`,
    `Message-ID: <${h.id}>`,
    'Date: Sun, 06 Dec 2026 10:00:00 +0800',
    ...(h.inReplyTo ? [`In-Reply-To: <${h.inReplyTo}>`] : []),
    ...(h.references ? [`References: ${h.references}`] : []),
    ...(h.extra ? [h.extra] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body).toString('base64'),
    '',
  ].join('\r\n');
}

/** A DKIM key for `domain`: the DNS record to publish, and a signer. */
export function dkimKey(domain: string, selector = 'sel1') {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    record: { [`${selector}._domainkey.${domain}`]: [`v=DKIM1; k=rsa; p=${p}`] },
    async sign(raw: string): Promise<string> {
      const key = { signingDomain: domain, selector, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) };
      // mailauth signs with `signatureData` (its typings also ask for the fields at the top level).
      const signed = await dkimSign(raw, { ...key, signatureData: [key] });
      if (signed.errors.length) throw new Error(`dkimSign: ${JSON.stringify(signed.errors)}`);
      return signed.signatures + raw;
    },
  };
}
