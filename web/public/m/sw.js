// The engineer app's service worker (scope /m): keeps the app shell — /m and the build's files it
// loads — so /m opens with no network. The API is never cached here: the app keeps its data in
// IndexedDB and its writes in the outbox. Plain JavaScript: served as is from web/public.
const shell = 'opencsm-m-shell-v1';

// The page's own files are named by content hash in /assets/: read them from /m's HTML (scripts,
// module preloads, styles), so a new release caches its own set.
async function cacheShell() {
  const cache = await caches.open(shell);
  const response = await fetch('/m', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`/m answered ${response.status}`);
  const html = await response.clone().text();
  const files = [...html.matchAll(/(?:src|href)="(\/(?:assets|m)\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll([...new Set(files)]);
  await cache.put('/m', response);
  // Keep only this release's files.
  const keep = new Set(['/m', ...files].map((path) => new URL(path, self.location.origin).href));
  for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // Scope /m is a prefix: it also covers the console's /macros, /me … — those are not ours.
  const ours = url.pathname === '/m' || url.pathname.startsWith('/m/');
  if (event.request.mode === 'navigate') {
    if (!ours) return;
    // The shell from the network when there is one (a new release), else the kept copy.
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok && url.pathname === '/m') void cacheShell().catch(() => undefined);
          return response;
        })
        .catch(async () => (await caches.match('/m', { cacheName: shell })) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/m/')) {
    event.respondWith(caches.match(event.request, { cacheName: shell }).then((hit) => hit ?? fetch(event.request)));
  }
});
