import { z } from 'zod';
import type { AppContext, AppServer } from '../../app/context.js';
import { actorOf } from '../../app/http/request-context.js';
import { mapSettingsBody, readMapConfig, readMapSettings, removeMapSettings, saveMapSettings } from './map-settings.js';

const tags = ['field-service'];
const settingsSchema = z.object({ provider: z.literal('amap'), apiKey: z.string().nullable(), securityCodeSet: z.boolean(), scriptBaseUrl: z.string() }).meta({ id: 'MapSettings' });
const configSchema = z.union([
  z.object({ configured: z.literal(false), scriptBaseUrl: z.string() }),
  z.object({ configured: z.literal(true), provider: z.literal('amap'), apiKey: z.string(), securityCode: z.string(), scriptUrl: z.string() }),
]).meta({ id: 'MapConfig' });

/** 设置 › 现场服务 › 地图: the AMap key admins set, and what the dispatch board loads the map with. */
export function registerMapRoutes(app: AppServer, { database, config, clock }: AppContext): void {
  const deps = { config };

  app.get('/api/v1/field-service/map-settings', {
    config: { permission: 'field_service.dispatch' },
    schema: { tags, summary: '地图设置 The dispatch board\'s map: AMap key, whether a security code is set, the script\'s base URL', response: { 200: settingsSchema } },
  }, async () => readMapSettings(database.db, deps));

  app.put('/api/v1/field-service/map-settings', {
    config: { permission: 'field_service.manage' },
    schema: {
      tags, summary: '修改地图设置 Set the AMap JS API 2.0 key and security code (安全密钥)',
      description: 'The security code is sealed with the installation key and never listed; omit it to keep the stored one (required the first time, 400 at `securityCode`). The script\'s base URL is the server\'s `OPENCSM_MAP_SCRIPT_BASE_URL`, which the console\'s CSP allows. Recorded as `field_service.settings_changed` (scope `map`).',
      body: mapSettingsBody,
      response: { 200: settingsSchema },
    },
  }, async (request) => saveMapSettings(database, actorOf(request), request.body, deps, clock.now()));

  app.delete('/api/v1/field-service/map-settings', {
    config: { permission: 'field_service.manage' },
    schema: { tags, summary: '移除地图 Remove the map key: the board shows distances only', response: { 200: settingsSchema } },
  }, async (request) => removeMapSettings(database, actorOf(request), deps));

  app.get('/api/v1/dispatch/map', {
    config: { permission: 'field_service.dispatch' },
    schema: {
      tags, summary: '派工台地图 What the board loads the map with (dispatchers)',
      description: 'AMap\'s JS API reads the security code in the browser (`window._AMapSecurityConfig`), so dispatchers receive it here; `configured: false` without a key.',
      response: { 200: configSchema },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'private, no-store');
    return readMapConfig(database.db, deps);
  });
}
