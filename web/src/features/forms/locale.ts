import type { Catalogue } from '../../app/locales/catalogue.ts';

/** Custom fields and ticket types where agents and customers fill them (zh-CN first; en typed against it). */
export const customFieldsZhCN = {
  type: '工单类型',
  chooseType: '选择工单类型',
  noTypes: '还没有工单类型',
  noTypesHint: '管理员可以在 设置 › 工单类型与字段 中添加，例如 咨询、报修、投诉。',
  noFields: '该类型没有自定义字段',
  panel: '自定义字段',
  formVersion: '表单版本 {{version}}',
  required: '请填写{{label}}',
  empty: '未填写',
  yes: '是',
  no: '否',
  search: '输入以搜索',
  upload: '上传附件',
  uploadAfterCreate: '附件在工单创建后上传',
  recordPlaceholder: '客户记录编号',
  typeChanged: '工单类型已改为 {{type}}，已填写的字段值全部保留',
  changeType: '更改类型',
  column: '自定义字段列',
};

export const customFieldsEn: Catalogue<typeof customFieldsZhCN> = {
  type: 'Ticket type',
  chooseType: 'Choose a ticket type',
  noTypes: 'No ticket types yet',
  noTypesHint: 'An administrator adds them under Settings › Ticket types and fields, e.g. Question, Repair, Complaint.',
  noFields: 'This type has no custom fields',
  panel: 'Custom fields',
  formVersion: 'Form version {{version}}',
  required: 'Enter {{label}}',
  empty: 'Not filled in',
  yes: 'Yes',
  no: 'No',
  search: 'Type to search',
  upload: 'Upload files',
  uploadAfterCreate: 'Files are attached once the ticket exists',
  recordPlaceholder: 'Customer record id',
  typeChanged: 'The type is now {{type}}; every value filled in was kept',
  changeType: 'Change type',
  column: 'Custom field columns',
};
