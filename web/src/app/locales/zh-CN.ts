import { workflowZhCN } from '../../features/workflow/locale.ts';
import { customFieldsZhCN } from '../../features/forms/locale.ts';
import { macrosZhCN } from '../../features/macros/locale.ts';
import { automationZhCN } from '../../features/automation/locale.ts';
import { formsDesignerZhCN } from '../../features/forms/designer/locale.ts';
import { securityZhCN } from '../../features/auth/locale.ts';
import { knowledgeZhCN } from '../../features/knowledge/locale.ts';
import { portalZhCN } from '../../features/portal/locale.ts';
import { customersZhCN } from '../../features/customers/locale.ts';
import { emailZhCN } from '../../features/email/locale.ts';
import { surveysZhCN } from '../../features/surveys/locale.ts';
import { reportsZhCN } from '../../features/reports/locale.ts';
import { fieldServiceZhCN } from '../../features/field-service/locale.ts';
import { dispatchZhCN } from '../../features/field-service/dispatch/locale.ts';
import { webhooksZhCN } from '../../features/webhooks/locale.ts';
import { importsZhCN } from '../../features/imports/locale.ts';
import { exportsZhCN } from '../../features/exports/locale.ts';
import { assignmentZhCN } from '../../features/assignment/locale.ts';
import { channelsZhCN } from '../../features/channels/locale.ts';
import { wechatTemplateZhCN } from '../../features/channels/wechat-template-locale.ts';
import { wecomZhCN } from '../../features/channels/wecom-locale.ts';
import { dingtalkZhCN } from '../../features/channels/dingtalk-locale.ts';
import { smsZhCN } from '../../features/channels/sms-locale.ts';
import { securitySettingsZhCN } from '../../features/security-settings/locale.ts';
import { notificationsZhCN } from '../../features/notifications/locale.ts';
import { slaZhCN } from '../../features/sla/locale.ts';
/** The console's Chinese catalogue: the reference every other language must match key for key. */
export const zhCN = {
  app: { name: 'OpenCSM 客服工作台', loading: '加载中…', retry: '重试', save: '保存', cancel: '取消', delete: '删除', edit: '编辑', create: '新建', confirm: '确定', close: '关闭', none: '无', unknown: '未知', loadMore: '加载更多', allLoaded: '已全部加载', comingSoonShort: '即将推出', comingSoon: '即将推出', actions: '操作', yes: '是', no: '否', copy: '复制', copied: '已复制' },
  nav: { tickets: '工单', customers: '客户', knowledge: '知识库', reports: '报表', settings: '设置', newTicket: '新建工单', users: '用户', teams: '团队', categories: '工单分类', priorities: '优先级', profile: '个人资料', tokens: 'API 令牌', password: '修改密码', logout: '退出登录', language: '语言', shortcuts: '快捷键', menu: '菜单', back: '返回', calendars: '工作日历', customerTiers: '客户等级' },
  login: { title: '登录 OpenCSM', email: '邮箱', password: '密码', submit: '登录', failed: '邮箱或密码不正确', emailRequired: '请输入邮箱', passwordRequired: '请输入密码', subtitle: '客户服务管理系统' },
  errors: { title: '出错了', network: '无法连接服务器，请检查网络后重试。', notFound: '找不到该页面或记录，可能已被删除，或您没有权限查看。', forbidden: '您没有执行此操作的权限，请联系管理员。', conflict: '该工单已被他人修改，已为您载入最新内容，请确认后重新操作。', generic: '操作失败：{{message}}', sessionExpired: '登录已过期，请重新登录。' },
  views: { title: '视图', saveCurrent: '保存为视图', viewName: '视图名称', deleteView: '删除视图', deleteConfirm: '确定删除视图“{{name}}”？', savedOk: '视图已保存' },
  search: { foundAll: '在全部工单中找到 {{n}} 张', foundView: '在“{{view}}”中找到 {{n}} 张', currentViewOnly: '仅当前视图', emptyAll: '在全部工单中没有找到与“{{q}}”匹配的工单', emptyView: '在“{{view}}”中没有找到与“{{q}}”匹配的工单' },
  list: { export: '导出', exportXlsx: '导出 Excel（.xlsx）', exportCsv: '导出 CSV（UTF-8）', search: '搜索编号、主题或内容', number: '编号', subject: '主题', requester: '客户', status: '状态', priority: '优先级', assignee: '处理人', team: '团队', updatedAt: '更新时间', createdAt: '创建时间', empty: '这个视图里没有工单', emptySearch: '没有找到与“{{q}}”匹配的工单', emptyHint: '新工单到达或分配给您时会自动出现在这里。', selected: '已选 {{count}} 项', bulkAssign: '分配给', bulkStatus: '改状态', bulkTag: '加标签', bulkDone: '已更新 {{ok}} 个工单', bulkFailed: '{{failed}} 个工单更新失败：{{reason}}', clearSelection: '取消选择', separator: '；' },
  listLayout: { title: '列表设置', density: '行密度', comfortable: '标准', compact: '紧凑', columns: '显示的列', hint: '窗口较窄时，优先级与状态合并显示，客户显示在主题下方。设置只对您本人生效。' },
  status: { new: '新建', open: '处理中', pending: '等待客户', resolved: '已解决', closed: '已关闭' },
  ticket: { subject: '主题', description: '问题描述', status: '状态', priority: '优先级', category: '分类', team: '团队', assignee: '处理人', tags: '标签', addTag: '添加标签', unassigned: '未分配', noTeam: '无团队', noCategory: '未分类', saved: '已保存', channel: '渠道', createdAt: '创建于 {{time}}', timeline: '处理记录', reply: '回复客户', note: '内部备注', internal: '内部备注', public: '公开回复', send: '发送', sendNote: '添加备注', composerPlaceholder: '输入回复内容…（Ctrl+Enter 发送）', notePlaceholder: '仅团队可见的内部备注…（Ctrl+Enter 保存）', attach: '添加附件', dropHere: '拖放或粘贴文件到此处上传', uploading: '正在上传 {{name}}…', emptyTimeline: '还没有处理记录', noPermissionReply: '您没有回复权限', viewers: '{{names}} 也在查看此工单', composing: '{{names}} 正在输入…', changed: '{{actor}} 将{{field}}从“{{from}}”改为“{{to}}”', created: '{{actor}} 创建了工单', system: '系统', requesterPanel: '客户信息', otherTickets: '该客户的其他工单', noOtherTickets: '没有其他工单', phone: '电话', email: '邮箱', messageSent: '回复已发送', noteAdded: '备注已添加', via: '经{{channel}}', deliveryQueued: '等待发送', deliverySent: '已发送', deliveryFailed: '发送失败', deliveryChanged: '经{{channel}}的回复：{{status}}', deliveryChangedError: '经{{channel}}的回复发送失败：{{error}}', showFormatted: '显示原格式', showPlain: '显示纯文本', customer: '客户', openingMessage: '创建工单', phoneEntered: '电话报修，客服代录' },
  ticketPage: { showEarlier: '显示更早的 {{n}} 条记录', loadingCustomer: '正在加载客户信息', openingTicket: '正在打开工单' },
  replyWay: { goesBy: '回复将通过{{channel}}发送', goesByTo: '回复将通过{{channel}}发送至 {{to}}', portal: '回复将显示在客户门户，客户登录后可见', phone: '作为电话答复记录，不会发送给客户', cannot: '该工单来自{{channel}}，但无法经{{channel}}回复：{{reason}}', choose: '回复方式', alternatives: '可改用：', sendTemplate: '发送模板消息', sendSms: '发短信', logCall: '记录电话', template: '回复将以微信模板消息发送（工单编号、回复摘要和门户链接），客户点开后在门户阅读完整回复', sms: '回复将以短信通知发送至 {{to}}（工单编号和门户链接），客户在门户阅读完整回复', sendAsTemplate: '以模板消息发送', sendAsSms: '以短信发送' },
  channel: { api: 'API', web: '网页', phone: '电话', email: '邮件', wechat: '微信', wecom: '企业微信', dingtalk: '钉钉', sms: '短信', portal: '客户门户', agent: '工作台', wechat_template: '微信模板消息' },
  field: { status: '状态', priority: '优先级', categoryId: '分类', teamId: '团队', assigneeId: '处理人', tags: '标签', subject: '主题', description: '描述', type: '工单类型' },
  newTicket: { title: '新建工单（电话报修）', requester: '来电客户', lookup: '按电话、邮箱或姓名查找客户', createRequester: '新客户', name: '姓名', phone: '电话', email: '邮箱', subjectPlaceholder: '例如：空调不制冷', descriptionPlaceholder: '记录客户描述的问题、地址、预约时间…', submit: '创建工单', created: '工单 {{number}} 已创建', phoneOrEmail: '请填写电话或邮箱', noMatch: '没有找到客户，将按填写的信息新建', selected: '已选择客户：{{name}}', change: '更换', openTickets: '该客户有 {{count}} 张未解决工单', openTicketsHint: '可以在已有工单中补充，避免重复建单' },
  call: { inbound: '来电', outbound: '去电', missed: '未接来电', duration: '{{minutes}}分{{seconds}}秒', recording: '通话录音', section: '通话记录（可选）', direction: '方向', durationLabel: '通话时长', durationPlaceholder: '例如 3:20 或 200（秒）', durationInvalid: '时长格式不正确，例如 3:20', recordingUrl: '录音链接（https）', logFailed: '工单已创建，但通话记录保存失败：{{message}}' },
  shortcuts: { title: '键盘快捷键', next: '下一个工单', previous: '上一个工单', reply: '回复客户', note: '添加内部备注', help: '显示快捷键帮助', escape: '关闭弹窗 / 离开输入框', send: '发送回复' },
  fieldJob: { address: '地址', devices: '设备', noDevices: '没有设备记录', warrantyUntil: '保修至 {{date}}', noWarranty: '无保修信息', inWarranty: '在保', outOfWarranty: '已过保', emptyHint: '派给您的上门工单会显示在这里。' },
  admin: { defaultTeam: '默认团队', defaultTeamHint: '该分类（及未设置的子分类）的新工单未指定团队时，自动分派到此团队', users: '用户管理', teams: '团队管理', categories: '工单分类', priorities: '优先级', newUser: '新建用户', newTeam: '新建团队', newCategory: '新建分类', newPriority: '新建优先级', name: '名称', email: '邮箱', role: '角色', active: '启用', inactive: '已停用', deactivate: '停用', activate: '启用', password: '初始密码', userTeams: '所属团队', members: '成员', description: '说明', nameZh: '中文名', nameEn: '英文名', parent: '上级分类', position: '排序', key: '标识', rank: '级别（1 最紧急）', color: '颜色', isDefault: '默认', savedOk: '已保存', deletedOk: '已删除', deleteConfirm: '确定删除“{{name}}”？', emptyUsers: '还没有其他用户，点击“新建用户”邀请同事。', emptyTeams: '还没有团队。团队用于分派工单和控制可见范围。', emptyCategories: '还没有分类。分类帮助统计问题类型并自动分派。', noAccess: '您没有管理权限' },
  role: { admin: '管理员', supervisor: '服务经理', agent: '客服', field_engineer: '现场工程师' },
  profile: { title: '个人资料', name: '姓名', language: '界面语言', savedOk: '已保存', currentPassword: '当前密码', newPassword: '新密码（至少 8 位）', changePassword: '修改密码', passwordChanged: '密码已修改，其他设备已退出登录', tokens: 'API 令牌', newToken: '创建令牌', tokenName: '令牌名称', prefix: '令牌前缀', tokenCreated: '请立即复制令牌，它只显示这一次：', revoke: '撤销', revoked: '已撤销', expiresAt: '过期时间', lastUsedAt: '最近使用', never: '从未', emptyTokens: '还没有 API 令牌。令牌用于接入其他系统。' },
  customers: customersZhCN,
  sla: slaZhCN,
  email: emailZhCN,
  security: securityZhCN,
  securitySettings: securitySettingsZhCN,
  notifications: notificationsZhCN,
  channels: channelsZhCN,
  wechatTemplate: wechatTemplateZhCN,
  wecom: wecomZhCN,
  dingtalk: dingtalkZhCN,
  sms: smsZhCN,
  customFields: customFieldsZhCN,
  surveys: surveysZhCN,
  reports: reportsZhCN,
  macros: macrosZhCN,
  fieldService: fieldServiceZhCN,
  dispatch: dispatchZhCN,
  webhooks: webhooksZhCN,
  imports: importsZhCN,
  exports: exportsZhCN,
  assignment: assignmentZhCN,
  portal: portalZhCN,
  formsDesigner: formsDesignerZhCN,
  automation: automationZhCN,
  workflow: workflowZhCN,
  knowledge: knowledgeZhCN,
  placeholder: { knowledge: '知识库即将推出。', reports: '报表与仪表盘即将推出。' },
};
