// Test support (used by *.test.ts only): an SMTP client, a sink that receives our outbound mail,
// swaks, and a self-signed certificate for STARTTLS.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

const run = promisify(execFile);

export type SendResult = { ok: true; response: string } | { ok: false; code: number | undefined; message: string };

/** Send raw bytes over real SMTP to the listener, as a sending MTA would. */
export async function smtpSend(port: number, raw: Buffer | string, envelope: { from: string; to: string[] }, options: { requireTLS?: boolean } = {}): Promise<SendResult> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: !options.requireTLS, requireTLS: options.requireTLS ?? false, tls: { rejectUnauthorized: false } });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return { ok: true, response: info.response };
  } catch (error) {
    return { ok: false, code: (error as { responseCode?: number }).responseCode, message: (error as Error).message };
  } finally {
    transport.close();
  }
}

/** Send a file with Debian's swaks (what CI installs), returning its exit code and transcript. */
export async function swaksSend(port: number, file: string, from: string, to: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run('swaks', ['--server', `127.0.0.1:${port}`, '--from', from, '--to', to, '--data', file, '--silent', '1']);
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** A local SMTP server that keeps what it receives: the customer's mail server, for our replies. */
export async function startSink(options: { reject?: (to: string) => number | null } = {}) {
  const received: Array<{ envelope: { from: string; to: string[] }; raw: Buffer; mail: ParsedMail }> = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
    onRcptTo(address, _session, callback) {
      const code = options.reject?.(address.address) ?? null;
      if (code) return callback(Object.assign(new Error(`${code} rejected by the sink`), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        received.push({ envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) }, raw, mail: await simpleParser(raw) });
        waiters.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    /** Wait until `count` mails arrived (or fail after a few seconds). */
    async waitFor(count: number, ms = 5000) {
      const deadline = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`sink: expected ${count} mails, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A throwaway self-signed certificate (openssl) for STARTTLS tests. */
export async function selfSignedCertificate(): Promise<{ key: string; cert: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost']);
  await readFile(cert);
  return { key, cert };
}

export const fixturePath = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
