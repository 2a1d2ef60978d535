import type { SystemActors } from '../../app/system-actors.js';
import type { Actor } from '../auth/index.js';

/**
 * Who tells the customer about a visit (appointment notices, the reminder, the service report):
 * the field-service module itself, through the tickets service like anyone else. A fixed id no user
 * has (no one can sign in as it); an admin so every ticket is visible to it.
 */
export const fieldServiceActor: Actor = { id: '00000000-0000-7000-8000-0000000f5e12', email: 'field-service@system.invalid', name: '现场服务 Field service', role: 'admin', locale: 'zh-CN', teamIds: [] };

export function registerFieldServiceActor(registry: SystemActors): void {
  registry.register({ id: fieldServiceActor.id, kind: 'field_service', labels: { 'zh-CN': '现场服务', en: 'Field service' } });
}
