/**
 * Test data of the approval API tests (not app code): a 采购 ticket type whose process has one
 * stage with a transition per approval mode, each approved by the users the test names.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../app/test-app.js';
import type { ApprovalPlan, ProcessDefinitionInput } from '../../workflow-model/definition.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const at = (x: number, y: number) => ({ x, y });

/** `plans`: transition id → its fixed approval plan; every transition goes from 申请 to 已批准. */
export function purchaseFlow(plans: Record<string, Omit<ApprovalPlan, 'approvers'> & { approvers: ApprovalPlan['approvers'] }>): ProcessDefinitionInput {
  return {
    start: 'apply',
    nodes: [
      { kind: 'stage', id: 'apply', name: label('申请', 'Apply'), position: at(0, 0) },
      { kind: 'stage', id: 'granted', name: label('已批准', 'Granted'), position: at(200, 0) },
      { kind: 'end', id: 'done', name: label('完成', 'Done'), position: at(400, 0) },
    ],
    transitions: [
      ...Object.entries(plans).map(([id, plan]) => ({ id, from: 'apply', to: 'granted', label: label(`提交${id}`, id), approval: { kind: 'fixed' as const, ...plan } })),
      { id: 'finish', from: 'granted', to: 'done', label: label('完成', 'Finish') },
    ],
  };
}

/** Creates the 采购 type (its form shows the 赔偿金额 and 客户经理 fields the complaint fixture made) and publishes the process. */
export async function setUpPurchaseProcess(t: TestApp, definition: ProcessDefinitionInput): Promise<string> {
  const form = { sections: [{ key: 'purchase', label: label('采购', 'Purchase'), fields: [{ key: 'compensation' }, { key: 'account_manager' }] }], rules: [], portal: { enabled: false, fields: [] } };
  const type = await t.api('POST', '/api/v1/ticket-types', { body: { key: 'purchase', label: label('采购', 'Purchase'), form } });
  assert.equal(type.statusCode, 201, type.body);
  const created = await t.api('POST', '/api/v1/processes', { body: { key: 'purchase_flow', name: label('采购审批', 'Purchase approval'), ticketType: 'purchase', definition } });
  assert.equal(created.statusCode, 201, created.body);
  const published = await t.api('POST', `/api/v1/processes/${created.data.id}/publish`);
  assert.equal(published.statusCode, 201, published.body);
  return created.data.id;
}
