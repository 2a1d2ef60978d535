import { z } from 'zod';
import type { ChannelLabels } from './channel-registry.js';
import type { AppModule } from './context.js';

/**
 * A channel module for tests: registers an adapter of `kind` on `context.channels`, as a real
 * channel module does in registerJobs, and — when it delivers replies — a reply probe that is
 * always ready. Nothing is sent anywhere: the tests read what the platform makes of the channel
 * (create API, SLA conditions, the field registry, reply plans). Install it with
 * `createTestApp(env, { extraModules: [testChannelModule('line', …)] })`.
 */
export function testChannelModule(kind: string, labels: ChannelLabels, options: { deliversReplies: boolean }): AppModule {
  return {
    name: `${kind}-channel (test)`,
    registerJobs({ channels, replyChannels }) {
      channels.register({
        kind,
        labels,
        deliversReplies: options.deliversReplies,
        identityKinds: [],
        settings: z.object({}),
        secretFields: [],
        limits: {},
        callback: async () => ({ status: 200, contentType: 'text/plain', body: 'success' }),
        testConnection: async () => ({ ok: true }),
      });
      if (options.deliversReplies) replyChannels.register(kind, async () => ({ ready: true }));
    },
  };
}
