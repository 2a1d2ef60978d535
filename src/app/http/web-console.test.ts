import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import type { AppServer } from '../context.js';
import { registerWebConsole } from './web-console.js';

const dist = mkdtempSync(join(tmpdir(), 'opencsm-web-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dist, 'help.html'), '<!doctype html><div id="help-root"></div>');
writeFileSync(join(dist, 'm.html'), '<!doctype html><div id="m-root"></div>');
mkdirSync(join(dist, 'm'));
writeFileSync(join(dist, 'm', 'sw.js'), 'self.addEventListener("fetch", () => {});');
writeFileSync(join(dist, 'm', 'manifest.webmanifest'), JSON.stringify({ start_url: '/m', scope: '/m' }));
const script = 'console.log("控制台");'.repeat(50);
writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(script));
after(() => rmSync(dist, { recursive: true, force: true }));

async function serverFor(dir: string, options: { portalFrameAncestors?: string; mapScriptBaseUrl?: string } = {}) {
  const app = Fastify();
  app.setNotFoundHandler((_request, reply) => reply.status(404).type('application/problem+json').send({ status: 404 }));
  registerWebConsole(app as unknown as AppServer, dir, options);
  await app.ready();
  return app;
}

test('client-side routes get the app shell with a strict content security policy', async () => {
  const app = await serverFor(dist);
  for (const url of ['/', '/tickets', '/tickets/0190a7e2-0000-7000-8000-000000000000?x=1', '/settings/users']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assert.match(res.body, /<div id="root">/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.headers['content-security-policy'] as string, /script-src 'self'(;|$)/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
  }
  await app.close();
});

test('only the web form may be framed, by the configured sites; the portal and the console may not', async () => {
  const app = await serverFor(dist, { portalFrameAncestors: 'https://www.example.cn https://shop.example.cn' });
  for (const url of ['/portal/form', '/portal/form/', '/portal/form?lang=en']) {
    const res = await app.inject({ method: 'GET', url });
    assert.match(res.headers['content-security-policy'] as string, /frame-ancestors https:\/\/www\.example\.cn https:\/\/shop\.example\.cn;/, url);
    assert.equal(res.headers['x-frame-options'], undefined, url);
  }
  for (const url of ['/portal', '/portal/login', '/portal/tickets/1', '/portal/formX', '/tickets']) {
    const res = await app.inject({ method: 'GET', url });
    assert.match(res.headers['content-security-policy'] as string, /frame-ancestors 'none'/, url);
    assert.equal(res.headers['x-frame-options'], 'DENY', url);
  }
  await app.close();
});

test('the console allows exactly the configured map script origin; the engineer app and help centre do not', async () => {
  const app = await serverFor(dist, { mapScriptBaseUrl: 'http://127.0.0.1:4567/amap' });
  const console = await app.inject({ method: 'GET', url: '/dispatch' });
  const policy = console.headers['content-security-policy'] as string;
  assert.match(policy, /script-src 'self' http:\/\/127\.0\.0\.1:4567;/);
  assert.match(policy, /connect-src 'self' http:\/\/127\.0\.0\.1:4567;/);
  assert.doesNotMatch(policy, /amap\.com/);
  for (const url of ['/m', '/help']) {
    const res = await app.inject({ method: 'GET', url });
    assert.match(res.headers['content-security-policy'] as string, /script-src 'self';/, url);
  }
  const amap = await serverFor(dist, { mapScriptBaseUrl: 'https://webapi.amap.com' });
  const real = (await amap.inject({ method: 'GET', url: '/dispatch' })).headers['content-security-policy'] as string;
  assert.match(real, /script-src 'self' https:\/\/webapi\.amap\.com https:\/\/\*\.amap\.com https:\/\/\*\.autonavi\.com;/);
  assert.match(real, /worker-src 'self' blob:/);
  await Promise.all([app.close(), amap.close()]);
});

test('hashed assets are cached forever and sent precompressed when the browser accepts it', async () => {
  const app = await serverFor(dist);
  const gz = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate' } });
  assert.equal(gz.statusCode, 200);
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers['content-type'] as string, /text\/javascript/);
  assert.match(gz.headers['cache-control'] as string, /immutable/);
  assert.ok(gz.rawPayload.length < Buffer.byteLength(script), 'the compressed file is what was sent');
  const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body, script);
  await app.close();
});

test('missing assets and API paths are 404s, never the app shell', async () => {
  const app = await serverFor(dist);
  for (const url of ['/assets/old-deadbeef.js', '/favicon.ico', '/api/v1/nothing-here']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 404, url);
    assert.doesNotMatch(res.body, /id="root"/);
  }
  await app.close();
});

test('without a build the console says, in both languages, how to build it', async () => {
  const app = await serverFor(join(dist, 'nowhere'));
  const res = await app.inject({ method: 'GET', url: '/tickets' });
  assert.equal(res.statusCode, 503);
  assert.match(res.body, /npm run build:web/);
  assert.match(res.body, /控制台尚未构建/);
  await app.close();
});

test('the public help centre has its own light page at /help and every article address under it, never the console shell', async () => {
  const app = await serverFor(dist);
  for (const url of ['/help', '/help/', '/help?q=%E9%80%80%E6%AC%BE', '/help/articles/reset-your-password-1a2b3c4d']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assert.match(res.body, /<div id="help-root">/, url);
    assert.equal(res.headers['x-frame-options'], 'DENY');
  }
  assert.match((await app.inject({ method: 'GET', url: '/helpdesk' })).body, /<div id="root">/, 'only /help itself and below');
  await app.close();
});

test('the field engineer app has its own page at /m and below, its manifest, and a worker allowed to serve /m', async () => {
  const app = await serverFor(dist);
  for (const url of ['/m', '/m/', '/m/jobs/0190a7e2-0000-7000-8000-000000000000']) {
    const res = await app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    assert.match(res.body, /<div id="m-root">/, url);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
  }
  assert.match((await app.inject({ method: 'GET', url: '/messages' })).body, /<div id="root">/, 'only /m itself and below');
  const manifest = await app.inject({ method: 'GET', url: '/m/manifest.webmanifest' });
  assert.equal(manifest.headers['content-type'], 'application/manifest+json');
  assert.equal(manifest.json().scope, '/m');
  const worker = await app.inject({ method: 'GET', url: '/m/sw.js' });
  assert.equal(worker.headers['service-worker-allowed'], '/m', 'a worker in /m/ may control /m itself');
  assert.equal(worker.headers['cache-control'], 'no-cache', 'a new release\'s worker is seen at once');
  await app.close();
});
