import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppServer } from '../context.js';

/** Where `npm run build:web` writes the console (web/dist). */
export const webDistDir = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

// antd injects its styles at runtime (CSS-in-JS), hence 'unsafe-inline' for styles only. The API
// docs (Swagger UI: its own script files, inline style attributes) live under the same policy.
// `mapOrigin` (the console only): where the dispatch board loads its map script from
// (OPENCSM_MAP_SCRIPT_BASE_URL), allowed for scripts, requests and images; AMap's own origin also
// brings its data and tile hosts (*.amap.com, *.autonavi.com) and the workers it makes from blobs.
export function contentSecurityPolicy(frameAncestors: string, mapOrigin?: string): string {
  const map = mapOrigin ? mapSources(mapOrigin) : [];
  const extra = map.length ? ` ${map.join(' ')}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${extra}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `connect-src 'self'${extra}`,
    ...(map.length ? ["worker-src 'self' blob:"] : []),
    `frame-ancestors ${frameAncestors}`,
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const amapOrigin = 'https://webapi.amap.com';

function mapSources(origin: string): string[] {
  return origin === amapOrigin ? [origin, 'https://*.amap.com', 'https://*.autonavi.com'] : [origin];
}

/** The one page other sites may frame: the public web form. Everything else refuses framing. */
export const embeddablePaths: ReadonlySet<string> = new Set(['/portal/form']);

type Asset = { body: Buffer; gzip?: Buffer; brotli?: Buffer; type: string; immutable: boolean };

/** Every file of the build, read once at start (a few MB); precompressed siblings included. */
function loadAssets(dir: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (!entry.endsWith('.gz') && !entry.endsWith('.br')) {
        const url = '/' + path.slice(dir.length + 1).split(sep).join('/');
        assets.set(url, {
          body: readFileSync(path),
          gzip: existsSync(`${path}.gz`) ? readFileSync(`${path}.gz`) : undefined,
          brotli: existsSync(`${path}.br`) ? readFileSync(`${path}.br`) : undefined,
          type: contentTypes[extname(entry)] ?? 'application/octet-stream',
          // Vite names files under assets/ by content hash: they never change.
          immutable: url.startsWith('/assets/'),
        });
      }
    }
  };
  walk(dir);
  return assets;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, frameAncestors = "'none'", mapOrigin?: string) {
  const accepts = String(request.headers['accept-encoding'] ?? '');
  reply.header('Content-Type', asset.type).header('Vary', 'Accept-Encoding').header('X-Content-Type-Options', 'nosniff');
  reply.header('Cache-Control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  // The engineer app's worker lives in /m/ but serves the page /m itself (scope /m).
  if (request.url.split('?')[0] === '/m/sw.js') reply.header('Service-Worker-Allowed', '/m');
  if (asset.type.startsWith('text/html')) {
    reply.header('Content-Security-Policy', contentSecurityPolicy(frameAncestors, mapOrigin)).header('Referrer-Policy', 'same-origin');
    // X-Frame-Options cannot list origins; CSP frame-ancestors governs framing where it is allowed.
    if (frameAncestors === "'none'") reply.header('X-Frame-Options', 'DENY');
  }
  if (asset.brotli && /\bbr\b/.test(accepts)) return reply.header('Content-Encoding', 'br').send(asset.brotli);
  if (asset.gzip && /\bgzip\b/.test(accepts)) return reply.header('Content-Encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.body);
}

/**
 * Serve the agent console at `/`: files of the build, and index.html for every other path that
 * is not the API (client-side routes such as /tickets/123). Without a build, say how to make one.
 */
export function registerWebConsole(app: AppServer, dir = webDistDir, options: { portalFrameAncestors?: string; mapScriptBaseUrl?: string } = {}): void {
  const mapOrigin = options.mapScriptBaseUrl ? new URL(options.mapScriptBaseUrl).origin : undefined;
  const index = resolve(dir, 'index.html');
  const assets = existsSync(index) ? loadAssets(resolve(dir)) : undefined;
  const handler = async (request: FastifyRequest<{ Params: { '*'?: string } }>, reply: FastifyReply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/')) return reply.callNotFound();
    if (!assets) {
      return reply
        .status(503)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>OpenCSM</title><p>控制台尚未构建：请运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p><p>The console is not built yet: run <code>npm run build:web</code> (<code>npm start</code> builds it).</p><p><a href="/api/docs">API docs</a></p>');
    }
    const asset = assets.get(path);
    if (asset) return send(request, reply, asset);
    // A missing hashed asset is a real 404 (a stale tab after a deploy), not the app shell.
    if (path.startsWith('/assets/') || extname(path)) return reply.callNotFound();
    const frameAncestors = embeddablePaths.has(path.replace(/\/$/, '')) ? (options.portalFrameAncestors ?? "'none'") : "'none'";
    // The public help centre is its own light page (web/help.html), not the console's shell.
    const helpCentre = (path === '/help' || path.startsWith('/help/')) && assets.has('/help.html');
    // The field engineer's offline app is its own page too (web/m.html), for /m and /m/*.
    const engineerApp = (path === '/m' || path.startsWith('/m/')) && assets.has('/m.html');
    // Only the console's shell hosts the dispatch board's map.
    const consoleShell = !helpCentre && !engineerApp;
    return send(request, reply, assets.get(helpCentre ? '/help.html' : engineerApp ? '/m.html' : '/index.html')!, frameAncestors, consoleShell ? mapOrigin : undefined);
  };
  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, handler);
  app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, handler);
}
