import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

test('defaults give a working embedded setup', () => {
  const config = loadConfig({});
  assert.equal(config.PORT, 3000);
  assert.equal(config.HOST, '127.0.0.1');
  assert.equal(config.OPENCSM_DATA_DIR, './data');
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.LOG_LEVEL, 'info');
  assert.equal(config.OPENCSM_TIMEZONE, 'Asia/Shanghai');
});

test('values are parsed and empty strings count as unset', () => {
  const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h/db', OPENCSM_ADMIN_EMAIL: '', LOG_LEVEL: 'warn' });
  assert.equal(config.PORT, 8080);
  assert.equal(config.DATABASE_URL, 'postgres://u@h/db');
  assert.equal(config.OPENCSM_ADMIN_EMAIL, undefined);
  assert.equal(config.LOG_LEVEL, 'warn');
});

for (const [name, value] of [
  ['PORT', 'eighty'],
  ['PORT', '70000'],
  ['DATABASE_URL', 'mysql://x'],
  ['OPENCSM_ADMIN_EMAIL', 'not-an-email'],
  ['OPENCSM_ADMIN_PASSWORD', 'short'],
  ['LOG_LEVEL', 'loud'],
  ['OPENCSM_TIMEZONE', 'Mars/Olympus'],
] as const) {
  test(`a bad ${name} (${value}) stops start-up with a message naming it`, () => {
    assert.throws(
      () => loadConfig({ [name]: value }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, new RegExp(`${name}=`));
        assert.match(error.message, /配置错误/);
        return true;
      },
    );
  });
}

test('several bad values are all reported at once', () => {
  assert.throws(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.problems.length, 2);
    return true;
  });
});

test('proxy trust, mail relay and framing settings are checked at start-up', () => {
  assert.equal(loadConfig({}).OPENCSM_TRUST_PROXY, false);
  assert.equal(loadConfig({ OPENCSM_TRUST_PROXY: '1' }).OPENCSM_TRUST_PROXY, 1);
  assert.deepEqual(loadConfig({ OPENCSM_TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).OPENCSM_TRUST_PROXY, ['10.0.0.1', '10.1.0.0/16']);
  assert.equal(loadConfig({}).OPENCSM_PORTAL_FRAME_ANCESTORS, '*');
  for (const [name, value] of [['OPENCSM_TRUST_PROXY', 'maybe'], ['OPENCSM_SMTP_URL', 'http://mail'], ['OPENCSM_PORTAL_FRAME_ANCESTORS', "'none'; script-src *"], ['OPENCSM_PUBLIC_URL', 'ftp://x']] as const) {
    assert.throws(() => loadConfig({ [name]: value }), (error: Error) => error instanceof ConfigError && error.message.includes(name), `${name}=${value}`);
  }
});

test('sign-in limits: defaults, and a delay threshold above its lock threshold stops start-up naming both', () => {
  const config = loadConfig({});
  assert.deepEqual(
    [config.OPENCSM_LOGIN_ACCOUNT_DELAY_AFTER, config.OPENCSM_LOGIN_ACCOUNT_LOCK_AFTER, config.OPENCSM_LOGIN_IP_DELAY_AFTER, config.OPENCSM_LOGIN_IP_LOCK_AFTER, config.OPENCSM_LOGIN_WINDOW_MINUTES, config.OPENCSM_LOGIN_LOCK_MINUTES],
    [5, 10, 30, 100, 15, 15],
  );
  assert.throws(() => loadConfig({ OPENCSM_LOGIN_IP_DELAY_AFTER: '200' }), /OPENCSM_LOGIN_IP_DELAY_AFTER must not be above OPENCSM_LOGIN_IP_LOCK_AFTER/);
  assert.throws(() => loadConfig({ OPENCSM_LOGIN_ACCOUNT_LOCK_AFTER: '0' }), /OPENCSM_LOGIN_ACCOUNT_LOCK_AFTER=/);
});

test('metrics exposure and the outbound allowlist are checked at start-up', () => {
  const defaults = loadConfig({});
  assert.equal(defaults.OPENCSM_METRICS_TOKEN, undefined);
  assert.equal(defaults.OPENCSM_METRICS_LISTEN, undefined);
  assert.deepEqual(defaults.OPENCSM_OUTBOUND_ALLOW, []);
  assert.deepEqual(loadConfig({ OPENCSM_METRICS_LISTEN: '9464' }).OPENCSM_METRICS_LISTEN, { host: '127.0.0.1', port: 9464 });
  assert.deepEqual(loadConfig({ OPENCSM_METRICS_LISTEN: '10.0.0.5:9464' }).OPENCSM_METRICS_LISTEN, { host: '10.0.0.5', port: 9464 });
  assert.deepEqual(loadConfig({ OPENCSM_METRICS_LISTEN: '[::1]:9464' }).OPENCSM_METRICS_LISTEN, { host: '::1', port: 9464 });
  assert.deepEqual(loadConfig({ OPENCSM_OUTBOUND_ALLOW: '10.0.0.0/8, mail.corp.local 192.168.1.25' }).OPENCSM_OUTBOUND_ALLOW, ['10.0.0.0/8', 'mail.corp.local', '192.168.1.25']);
  for (const [name, value] of [['OPENCSM_METRICS_TOKEN', 'short'], ['OPENCSM_METRICS_LISTEN', 'localhost:port'], ['OPENCSM_OUTBOUND_ALLOW', '10.0.0.0/33'], ['OPENCSM_OUTBOUND_ALLOW', 'http://intranet']] as const) {
    assert.throws(() => loadConfig({ [name]: value }), (error: Error) => error instanceof ConfigError && error.message.includes(name), `${name}=${value}`);
  }
});
