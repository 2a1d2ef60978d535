/**
 * The acceptance story's ticket type (issue 14 §8): 环保投诉 with 污染类型, 发生地点 (省/市/区),
 * 是否需要现场勘察 and 勘察时间, required only when the checkbox is set, and a portal form.
 * Shared by the API tests of the forms, tickets and portal modules (test data, not app code), as
 * the API takes it: field inputs without ids, regions from the maintained data package. The form
 * engine's own tests use src/forms/fixtures/environmental-complaint.ts: the same story as full
 * definitions (ids, an inline region tree, a deleted option, staff-only and computed fields).
 */
export const complaintFields = [
  {
    key: 'pollution_type',
    label: { 'zh-CN': '污染类型', en: 'Pollution type' },
    type: 'select',
    filterable: true,
    customerVisible: true,
    options: [
      { value: 'noise', label: { 'zh-CN': '噪音', en: 'Noise' } },
      { value: 'gas', label: { 'zh-CN': '废气', en: 'Exhaust gas' } },
      { value: 'water', label: { 'zh-CN': '废水', en: 'Waste water' } },
      { value: 'solid', label: { 'zh-CN': '固废', en: 'Solid waste' } },
    ],
  },
  { key: 'location', label: { 'zh-CN': '发生地点', en: 'Location' }, type: 'cascader', customerVisible: true, settings: { optionSource: 'china-regions', levels: 3 } },
  { key: 'needs_survey', label: { 'zh-CN': '是否需要现场勘察', en: 'Site survey needed' }, type: 'checkbox', customerVisible: true },
  { key: 'survey_at', label: { 'zh-CN': '勘察时间', en: 'Survey time' }, type: 'datetime', customerVisible: true },
] as const;

const placed = complaintFields.map((field) => ({ key: field.key }));

export const complaintForm = {
  sections: [{ key: 'complaint', label: { 'zh-CN': '投诉信息', en: 'Complaint' }, fields: [{ key: 'pollution_type', required: true }, ...placed.slice(1)] }],
  rules: [
    {
      id: 'survey_time_when_needed',
      label: '需要现场勘察时，勘察时间必填',
      when: { field: 'needs_survey', op: 'is', value: true },
      then: [
        { effect: 'show', field: 'survey_at' },
        { effect: 'require', field: 'survey_at' },
      ],
    },
  ],
  portal: { enabled: true, title: { 'zh-CN': '环保投诉', en: 'Environmental complaint' }, fields: [{ key: 'pollution_type', required: true }, ...placed.slice(1)] },
};

export const complaintType = { key: 'env_complaint', label: { 'zh-CN': '环保投诉', en: 'Environmental complaint' } };
