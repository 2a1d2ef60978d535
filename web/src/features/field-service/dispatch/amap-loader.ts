/**
 * The small part of AMap's JS API 2.0 the board's map uses (https://lbs.amap.com/api/javascript-api-v2):
 * a map, markers with a title and label, click events, adding/removing overlays and fitting the view.
 * The e2e serves a double of exactly this on loopback (e2e/fake-amap.ts).
 */
export type LngLatTuple = [number, number];
export type AMapMarker = { on(event: 'click', handler: () => void): void };
export type AMapMap = { add(overlays: AMapMarker[]): void; remove(overlays: AMapMarker[]): void; setFitView(): void; destroy(): void };
export type AMapNamespace = {
  Map: new (container: HTMLElement, options: { zoom: number; viewMode?: '2D' }) => AMapMap;
  Marker: new (options: { position: LngLatTuple; title: string; label?: { content: string; direction: 'top' | 'right' }; extData?: string }) => AMapMarker;
};

declare global {
  interface Window {
    AMap?: AMapNamespace;
    /** Read by AMap's script as it starts: must be set before the script is added. */
    _AMapSecurityConfig?: { securityJsCode: string };
  }
}

/**
 * Loads AMap's script once per page (a second call finds the script element or `window.AMap`).
 * The script comes from the server's configured origin, which the console's CSP allows.
 */
export function loadAMap(scriptUrl: string, securityCode: string): Promise<AMapNamespace> {
  if (window.AMap) return Promise.resolve(window.AMap);
  window._AMapSecurityConfig = { securityJsCode: securityCode };
  const existing = document.querySelector<HTMLScriptElement>('script[data-amap]');
  const script = existing ?? Object.assign(document.createElement('script'), { src: scriptUrl, async: true });
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => (window.AMap ? resolve(window.AMap) : reject(new Error(`AMap missing after ${scriptUrl}`))));
    script.addEventListener('error', () => {
      script.remove(); // the next attempt adds it again
      reject(new Error(`could not load ${scriptUrl}`));
    });
    if (!existing) {
      script.dataset.amap = 'true';
      document.head.append(script);
    }
  });
}
