import type { Database } from '../db/database.js';
import type { Actor } from '../modules/auth/index.js';
import { builtinFieldTypeRegistry } from '../modules/forms/index.js';
import { createContact, createOrganization, upsertRecord } from '../modules/customers/index.js';
import { createDemoContactFields, demoIndustryOf, demoSourceOf } from './demo-contact-fields.js';
import type { CustomerPlan } from './demo-plan.js';
import { demoCompanies } from './demo-directory.js';

const devices = ['HP LaserJet M479', '华为 AR6120 路由器', 'APC Smart-UPS 3000', '联想 ThinkCentre M920', '奔图 M7160DW'];

/**
 * The demo's organisations (one per company, key accounts as 重点 tier), their contacts with phone
 * and email identities, and a few external records: each company bought equipment (an order and
 * the device with its warranty) and key accounts hold a maintenance contract. Returns the
 * contacts' ids in the order of `customers`. Contacts carry the demo's custom fields 客户行业 and
 * 客户来源. Deterministic: the n-th company always gets the same records.
 */
export async function createDemoCustomers(database: Database, admin: Actor, customers: readonly CustomerPlan[]): Promise<{ organizations: number; records: number; contactIds: string[] }> {
  const organizationIds = new Map<string, string>();
  let records = 0;
  // The seeder runs from the CLI, outside an app: its contact fields are of built-in types.
  const fieldTypes = builtinFieldTypeRegistry();
  for (const [n, company] of demoCompanies.entries()) {
    if (!customers.some((c) => c.company === company.name)) continue;
    const organization = await createOrganization(database, admin, { name: company.name, tierKey: company.key ? 'key' : 'standard', tags: company.key ? ['重点客户'] : [] }, fieldTypes);
    organizationIds.set(company.name, organization.id);
    const year = 2024 + (n % 2);
    const model = devices[n % devices.length]!;
    const orderId = `SO-${year}-${String(100 + n).padStart(4, '0')}`;
    await upsertRecord(database, admin, 'order', orderId, { organizationId: organization.id, title: `${model} ×${1 + (n % 3)}`, status: '已交付', occurredOn: `${year}-0${1 + (n % 9)}-15`, payload: { amount: 4800 * (1 + (n % 3)) } });
    await upsertRecord(database, admin, 'device', `SN-${company.domain.slice(0, 6).toUpperCase()}-${n}`, { organizationId: organization.id, title: model, status: '在保', occurredOn: `${year}-0${1 + (n % 9)}-20`, expiresOn: `${year + 2}-0${1 + (n % 9)}-20`, payload: { order: orderId } });
    records += 2;
    if (company.key) {
      await upsertRecord(database, admin, 'contract', `HT-${year}-${String(n).padStart(3, '0')}`, { organizationId: organization.id, title: '年度维保服务合同（含 12 次上门）', status: '生效中', occurredOn: `${year}-01-01`, expiresOn: `${year + 1}-12-31` });
      records += 1;
    }
  }
  const contactIds: string[] = [];
  const fill = await createDemoContactFields(database, admin);
  for (const [index, customer] of customers.entries()) {
    const contact = await createContact(database, admin, {
      name: customer.name,
      organizationId: organizationIds.get(customer.company) ?? null,
      identities: [...(customer.phone ? [{ kind: 'phone' as const, value: customer.phone }] : []), ...(customer.email ? [{ kind: 'email' as const, value: customer.email }] : [])],
      ...(customer.keyAccount ? { tierKey: 'key' } : {}),
      fields: { ...(fill.industry && { industry: demoIndustryOf(customer.company) }), ...(fill.source && { source: demoSourceOf(index) }) },
    }, fieldTypes);
    contactIds.push(contact.id);
  }
  return { organizations: organizationIds.size, records, contactIds };
}
