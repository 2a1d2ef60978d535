/** 设置 › 数据导出 (Settings › Data export): start a full export, its progress, the downloads. */
export const exportsZhCN = {
  nav: '数据导出',
  title: '数据导出',
  intro: '导出全部数据：工单（含消息、时间线、自定义字段）、客户、用户和团队、知识库、满意度调查、派工单、SLA、表单、流程、规则和宏，以及所有附件文件。导出为 .zip（每类数据一个 JSON Lines 文件、附件、manifest.json 和 summary.xlsx），保留 {{days}} 天后自动删除。',
  start: '开始导出',
  started: '已开始导出',
  empty: '还没有数据导出',
  emptyHint: '点击“开始导出”生成一份全量数据。',
  more: '加载更多',
  download: '下载',
  columns: { createdAt: '开始时间', state: '状态', progress: '进度', size: '大小', expiresAt: '保留至' },
  states: { queued: '排队中', running: '导出中', ready: '可下载', failed: '失败', expired: '已过期删除' },
  progress: '{{done}}/{{total}} 类数据，{{rows}} 行',
  current: '正在导出 {{entity}}',
};

export const exportsEn: typeof exportsZhCN = {
  nav: 'Data export',
  title: 'Data export',
  intro: 'Export everything: tickets (messages, timelines, custom fields), customers, users and teams, knowledge, surveys, work orders, SLA, forms, processes, rules and macros, and every attachment file. The .zip holds one JSON Lines file per entity, the attachments, manifest.json and summary.xlsx, and is removed after {{days}} days.',
  start: 'Start an export',
  started: 'Export started',
  empty: 'No data exports yet',
  emptyHint: 'Start an export to get a full copy of the data.',
  more: 'Load more',
  download: 'Download',
  columns: { createdAt: 'Started', state: 'State', progress: 'Progress', size: 'Size', expiresAt: 'Kept until' },
  states: { queued: 'Queued', running: 'Exporting', ready: 'Ready', failed: 'Failed', expired: 'Expired (removed)' },
  progress: '{{done}}/{{total}} entities, {{rows}} rows',
  current: 'Exporting {{entity}}',
};
