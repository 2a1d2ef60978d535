/**
 * The harness for the email channel's browser tests: sender authentication asks a DNS server on
 * loopback (never the real one), where customer.cn allows the test's client by SPF; mail comes in
 * over real SMTP to our listener (`deliver`), and our outbound mail goes to `sink`, standing for
 * the customers' mail server, once a mailbox points at it. `close()` closes all of them.
 */
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { startTestDns } from '../src/modules/email-channel/dns-test-server.js';
import { startSmtpListener } from '../src/modules/email-channel/index.js';
import { smtpSend, startSink } from '../src/modules/email-channel/smtp-test-kit.js';
import { startHarness, type Harness } from './harness.js';

export type EmailChannelHarness = Harness & {
  sink: Awaited<ReturnType<typeof startSink>>;
  /** Hands `raw` to our SMTP listener as the sender's server would; fails unless it is accepted (250). */
  deliver(raw: Buffer | string, envelope: { from: string; to: string[] }): Promise<void>;
};

export async function startEmailChannelHarness(): Promise<EmailChannelHarness> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const closeOne of closers.splice(0).reverse()) await closeOne();
  };
  try {
    const dns = await startTestDns({ 'customer.cn': ['v=spf1 ip4:127.0.0.1 -all'] });
    closers.push(() => dns.close());
    const harness = await startHarness({ env: { EMAIL_DNS_SERVERS: dns.server } });
    closers.push(() => harness.close());
    const sink = await startSink();
    closers.push(() => sink.close());
    const listener = await startSmtpListener(harness.database, { ...harness.app.context.config, SMTP_PORT: 0 }, pino({ level: 'silent' }));
    closers.push(() => listener.close());
    return {
      ...harness,
      sink,
      async deliver(raw, envelope) {
        const sent = await smtpSend(listener.port, raw, envelope);
        assert.ok(sent.ok, `the listener refused the mail: ${JSON.stringify(sent)}`);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
