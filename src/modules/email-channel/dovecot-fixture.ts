// Test support: Debian's dovecot (dovecot-imapd) as a throwaway IMAP server in a temp folder, on a
// free port, with one user. Runs as the current user, or as dovecot's own users when we are root.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

export type Dovecot = { port: number; user: string; pass: string; stop(): Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function idOf(name: string, flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, name]).toString().trim());
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'opencsm-dovecot-'));
  const root = process.getuid?.() === 0;
  const me = userInfo().username;
  const internalUser = root ? 'dovecot' : me;
  const loginUser = root ? 'dovenull' : me;
  const mailUid = root ? idOf('dovecot', '-u') : userInfo().uid;
  const mailGid = root ? idOf('dovecot', '-g') : userInfo().gid;
  const port = await freePort();
  const user = 'support';
  const pass = 'imap-test-password';
  await mkdir(join(dir, 'home'), { recursive: true });
  await writeFile(join(dir, 'passwd'), `${user}:{PLAIN}${pass}\n`);
  await writeFile(
    join(dir, 'dovecot.conf'),
    [
      `base_dir = ${dir}/run`,
      `state_dir = ${dir}/state`,
      `log_path = ${dir}/dovecot.log`,
      `info_log_path = ${dir}/dovecot.log`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `default_internal_user = ${internalUser}`,
      `default_login_user = ${loginUser}`,
      'first_valid_uid = 0',
      'first_valid_gid = 0',
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${dir}/passwd\n}`,
      `userdb {\n  driver = static\n  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u\n}`,
      'mail_location = maildir:~/Maildir',
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      'service anvil {\n  chroot =\n}',
      'service imap-login {\n  chroot =\n}',
      'service auth {\n  unix_listener auth-userdb {\n    mode = 0666\n  }\n}',
    ].join('\n'),
  );
  if (root) {
    await chmod(dir, 0o755);
    await chown(join(dir, 'home'), mailUid, mailGid);
  }
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dovecot exited: ${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`dovecot did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    user,
    pass,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
