import { useSyncExternalStore } from 'react';

/**
 * Whether the user asked the system for less motion (`prefers-reduced-motion: reduce`, an
 * accessibility setting of every desktop and phone OS). The console then turns antd's motion off:
 * dropdowns, dialogs and messages appear at once. The browser tests run that way too, which
 * spares Chromium the animation frames and the tests the wait for an animation to settle.
 *
 * Not a global `animation-duration: 0.01ms` rule, the usual CSS recipe: antd still runs its
 * motion states then, and a select's dropdown stayed transparent to clicks (seen in the SLA
 * conditions e2e).
 */
const query = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(query);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
