/**
 * Test data of the workflow API tests (not app code): the custom fields and the ticket type the
 * seeds' complaint flow (src/workflow-model/fixtures/complaint-flow.ts) names, created through
 * the API as an admin would.
 */
import assert from 'node:assert/strict';
import type { TestApp } from '../../app/test-app.js';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const complaintProcessFields = [
  { key: 'needs_site_survey', label: label('需要现场勘察', 'Site survey needed'), type: 'checkbox' },
  { key: 'survey_result', label: label('勘察结果', 'Survey result'), type: 'textarea' },
  {
    key: 'liability',
    label: label('责任判定', 'Liability'),
    type: 'select',
    filterable: true,
    options: [
      { value: 'ours', label: label('我方责任', 'Ours') },
      { value: 'not_ours', label: label('非我方责任', 'Not ours') },
    ],
  },
  { key: 'compensation', label: label('赔偿金额', 'Compensation'), type: 'money' },
  { key: 'explanation', label: label('解释说明', 'Explanation'), type: 'textarea' },
  { key: 'account_manager', label: label('客户经理', 'Account manager'), type: 'user' },
];

export const complaintTicketType = { key: 'complaint', label: label('投诉', 'Complaint') };

/** Creates the fields and the 投诉 type (as the default admin). */
export async function setUpComplaintType(t: TestApp): Promise<void> {
  for (const field of complaintProcessFields) {
    const res = await t.api('POST', '/api/v1/ticket-fields', { body: field });
    assert.equal(res.statusCode, 201, res.body);
  }
  const type = await t.api('POST', '/api/v1/ticket-types', { body: complaintTicketType });
  assert.equal(type.statusCode, 201, type.body);
}
