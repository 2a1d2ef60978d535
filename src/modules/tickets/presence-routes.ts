import type { AppContext, AppServer } from '../../app/context.js';

/** Who else has a ticket open (live presence). Filled in by the realtime work of issue 3. */
export function registerPresenceRoutes(_app: AppServer, _context: AppContext): void {}
