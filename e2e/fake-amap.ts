import { createServer, type Server } from 'node:http';

/**
 * A double of AMap's JS API 2.0 on loopback, for the dispatch board's map: `GET /maps?v=2.0&key=…`
 * answers a script defining the part of `window.AMap` the board uses (Map, Marker with title,
 * label and click, add/remove, setFitView, destroy). It records every call in
 * `window.__fakeAmap.calls` and draws each marker as a button titled like the marker, so a test
 * reads what the page asked of the map; the server keeps the query of each script request.
 */
export type FakeAmap = { url: string; scriptRequests: URLSearchParams[]; close(): Promise<void> };

const script = `(() => {
  const log = (window.__fakeAmap ??= { calls: [], security: window._AMapSecurityConfig ?? null });
  class Marker {
    constructor(options) { this.options = options; this.handlers = {}; log.calls.push(['Marker', options.title, options.position]); }
    on(event, handler) { this.handlers[event] = handler; }
  }
  class Map {
    constructor(container, options) { this.container = container; log.calls.push(['Map', options.zoom]); }
    add(markers) {
      for (const marker of markers) {
        const button = document.createElement('button');
        button.dataset.amapMarker = marker.options.title;
        button.textContent = marker.options.label ? marker.options.label.content : marker.options.title;
        button.onclick = () => marker.handlers.click && marker.handlers.click();
        marker.element = button;
        this.container.append(button);
      }
      log.calls.push(['add', markers.length]);
    }
    remove(markers) { for (const marker of markers) marker.element && marker.element.remove(); log.calls.push(['remove', markers.length]); }
    setFitView() { log.calls.push(['setFitView']); }
    destroy() { log.calls.push(['destroy']); }
  }
  window.AMap = { Map, Marker };
})();`;

export async function startFakeAmap(): Promise<FakeAmap> {
  const scriptRequests: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/maps') return void response.writeHead(404).end();
    scriptRequests.push(url.searchParams);
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(script);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the fake AMap server has no port');
  return { url: `http://127.0.0.1:${address.port}`, scriptRequests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
