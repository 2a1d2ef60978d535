/**
 * Test data of the migration tests (not app code): the custom fields and the ticket type the
 * 售后维修 process (src/workflow-model/fixtures/repair-flow.ts) names, as an admin creates them.
 */
const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const repairProcessFields = [
  { key: 'repair_report', label: label('维修报告', 'Repair report'), type: 'textarea' },
  { key: 'qc_passed', label: label('质检通过', 'QC passed'), type: 'checkbox' },
  { key: 'parts_used', label: label('所用备件', 'Parts used'), type: 'text' },
];

/** Every field on one section, none required by the form: each stage says what it needs. */
export const repairTicketType = {
  key: 'after_sales_repair',
  label: label('售后维修', 'After-sales repair'),
  form: { sections: [{ key: 'repair', label: label('维修', 'Repair'), fields: repairProcessFields.map((field) => ({ key: field.key })) }], rules: [], portal: { enabled: false, fields: [] } },
};
