import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { TestApp, TestUser } from '../../app/test-app.js';
import type { Caller } from '../../app/test-client.js';
import { wgs84ToGcj02 } from './coordinates.js';

/** What the field-service tests share: a team with its dispatcher, agents and engineers, and helpers. */
export type FieldTeam = { teamId: string; supervisor: TestUser; agent: TestUser; engineer: TestUser; otherEngineer: TestUser };

export async function fieldTeam(t: TestApp, name: string): Promise<FieldTeam> {
  const supervisor = await t.user('supervisor');
  const agent = await t.user('agent');
  const engineer = await t.user('field_engineer', { name: `${name} 工程师甲` });
  const otherEngineer = await t.user('field_engineer', { name: `${name} 工程师乙` });
  const teamId = await t.team(name, [supervisor.id, agent.id, engineer.id, otherEngineer.id]);
  return { teamId, supervisor, agent, engineer, otherEngineer };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** 西宁市城中区 (青海 63 › 西宁 6301 › 城中区 630103) and a point there in GCJ-02. */
export const xiningSite = { region: ['63', '6301', '630103'], street: '南大街 1 号', lat: 36.6171, lng: 101.7782 };

/** A ticket of the team with a requester, and a work order for it (one click: the ticket only, plus a site). */
export async function ticketWithWorkOrder(t: TestApp, team: FieldTeam, extra: Json = {}): Promise<{ ticket: Json; order: Json }> {
  const ticket = await t.createTicket({ subject: '空调不制冷', teamId: team.teamId, requester: { name: '马先生', phone: '13909710000' } }, { as: team.agent });
  const res = await t.api('POST', '/api/v1/work-orders', { as: team.agent, body: { ticketId: ticket.id, site: xiningSite, ...extra } });
  assert.equal(res.statusCode, 201, res.body);
  return { ticket, order: res.data };
}

/** One step through the events endpoint; `opId` new unless given. */
export function step(t: TestApp, as: Caller, orderId: string, body: Json, options: { ifMatch?: number } = {}) {
  return t.api('POST', `/api/v1/work-orders/${orderId}/events`, { as, body: { opId: randomUUID(), at: new Date().toISOString(), ...body }, ...(options.ifMatch !== undefined && { ifMatch: options.ifMatch }) });
}

/** The phone's WGS-84 reading of the GCJ-02 point `metresNorth` north of the site (the conversion inverted by fixed-point steps, well within a metre). */
export function phoneReadingNear(site: { lat: number; lng: number }, metresNorth = 0): { lat: number; lng: number } {
  const target = { lat: site.lat + metresNorth / 111_195, lng: site.lng };
  let guess = { ...target };
  for (let i = 0; i < 3; i++) {
    const converted = wgs84ToGcj02(guess);
    guess = { lat: guess.lat + (target.lat - converted.lat), lng: guess.lng + (target.lng - converted.lng) };
  }
  return guess;
}

/** A 1×1 PNG (or the image given), made different per call so each upload is its own file. */
export function pngUpload(filename: string, image?: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const png = image ?? Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'), randomBytes(8)]);
  const boundary = `----opencsm-fs-${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(t: TestApp, as: Caller, orderId: string, kind: 'photo' | 'signature', clientId: string = randomUUID(), file = pngUpload(`${kind}.png`)) {
  return t.api('POST', `/api/v1/work-orders/${orderId}/attachments`, { as, query: { clientId, kind }, body: file.payload, headers: file.headers });
}
