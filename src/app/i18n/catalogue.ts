/**
 * Server-side message catalogue (errors, notices). Every key exists in zh-CN and en; a test
 * checks that. Placeholders are `{name}`.
 */
import { conditionMessages } from '../../conditions/messages.js';
import { formMessages } from '../../forms/messages.js';
import { workflowModelMessages } from '../../workflow-model/messages.js';
import { templateMessages } from '../../text-templates/messages.js';
import { macrosMessages } from '../../modules/macros/messages.js';
import { importsMessages } from '../../modules/imports/messages.js';
import { exportsMessages } from '../../modules/exports/messages.js';
import { authMessages } from '../../modules/auth/messages.js';
import { customersMessages } from '../../modules/customers/messages.js';
import { channelsMessages } from '../../modules/channels/messages.js';
import { wechatChannelMessages } from '../../modules/wechat-channel/messages.js';
import { wecomChannelMessages } from '../../modules/wecom-channel/messages.js';
import { dingtalkChannelMessages } from '../../modules/dingtalk-channel/messages.js';
import { emailChannelMessages } from '../../modules/email-channel/messages.js';
import { formsModuleMessages } from '../../modules/forms/messages.js';
import { slaMessages } from '../../modules/sla/messages.js';
import { ticketMessages } from '../../modules/tickets/messages.js';
import { portalMessages } from '../../modules/portal/messages.js';
import { surveysMessages } from '../../modules/surveys/messages.js';
import { assignmentMessages } from '../../modules/assignment/messages.js';
import { knowledgeMessages } from '../../modules/knowledge/messages.js';
import { smsChannelMessages } from '../../modules/sms-channel/messages.js';
import { notificationsMessages } from '../../modules/notifications/messages.js';
import { fieldServiceMessages } from '../../modules/field-service/messages.js';
import { webhooksMessages } from '../../modules/webhooks/messages.js';
import { automationMessages } from '../../modules/automation/messages.js';
import { workflowMessages } from '../../modules/workflow/messages.js';
import { reportsMessages } from '../../modules/reports/messages.js';
import { platformMessages } from './platform-messages.js';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const zhCN = {
  'validation.failed': '请求参数有误',
  'validation.required': '必填项',
  'validation.invalid_type': '类型错误，应为 {expected}',
  'validation.too_small': '长度或数值过小（最小 {minimum}）',
  'validation.too_big': '长度或数值过大（最大 {maximum}）',
  'validation.invalid_format': '格式不正确（{format}）',
  'validation.invalid_value': '取值不在允许范围内',
  'validation.unrecognized_keys': '包含未知字段：{keys}',
  'validation.invalid': '取值无效',
  'validation.phone_or_email': '请至少提供电话或邮箱',
  'validation.nul_character': '不能包含空字符（U+0000）',
  'request.malformed_json': '请求体不是合法的 JSON',
  'request.unsupported_media_type': '不支持的内容类型',
  'request.too_large': '请求体过大',
  'request.malformed_multipart': '上传内容格式不正确（multipart 数据不完整或缺少 boundary）',
  'route.not_found': '接口不存在',
  'server.internal': '服务器内部错误，请稍后重试',
  'server.not_ready': '服务尚未就绪',
  'auth.unauthenticated': '请先登录',
  'auth.forbidden': '没有权限执行此操作',
  'auth.invalid_credentials': '邮箱或密码错误',
  'auth.token_invalid': 'API 令牌无效、已过期或已撤销',
  'auth.token_not_found': 'API 令牌不存在',
  'auth.expiry_in_past': '过期时间必须晚于当前时间',
  'auth.wrong_password': '当前密码不正确',
  'user.not_found': '用户不存在',
  'user.email_taken': '该邮箱已被其他用户使用',
  'user.cannot_deactivate_self': '不能停用自己的账号',
  'user.last_admin': '至少需要保留一名启用的管理员',
  'team.not_found': '团队不存在',
  'team.name_taken': '团队名称已存在',
  'category.not_found': '分类不存在',
  'category.cycle': '不能把分类移动到它自己的子分类下',
  'category.has_children': '分类下还有子分类，无法删除',
  'priority.not_found': '优先级不存在',
  'priority.key_taken': '优先级标识已存在',
  'priority.last_default': '必须保留一个默认优先级',
  'priority.in_use': '优先级已被工单使用，只能停用不能删除',
  'ticket.not_found': '工单不存在或无权查看',
  'message.not_found': '消息不存在',
  'reply.channel_not_configured': '该渠道未配置，无法发送回复',
  'reply.no_email_address': '客户没有邮箱地址',
  'reply.no_outbound_mailbox': '没有配置发信服务器的邮箱',
  'ticket.invalid_transition': '工单状态不能从「{from}」变为「{to}」',
  'ticket.transition_refused': '现在不能把工单改为这个状态（被规则“{guard}”阻止）',
  'ticket.version_mismatch': '工单已被他人修改（当前版本 {current}），请刷新后重试',
  'ticket.if_match_required': '更新工单需要 If-Match 请求头（工单版本号）',
  'ticket.if_match_invalid': 'If-Match 请求头格式不正确，应为 "版本号"',
  'ticket.assignee_invalid': '处理人不存在或已停用',
  'ticket.closed_readonly': '工单已关闭，无法修改',
  'idempotency.key_reused': '该 Idempotency-Key 已用于内容不同的请求',
  'idempotency.key_invalid': 'Idempotency-Key 长度应为 1–200 个字符',
  'attachment.not_found': '附件不存在或无权查看',
  'attachment.too_large': '附件超过大小上限（{limitMb} MB）',
  'attachment.missing_file': '请上传一个文件（multipart 字段 file）',
  'attachment.empty': '附件为空文件',
  'attachment.not_on_ticket': '附件不属于该工单或已被使用',
  'job.not_found': '任务不存在',
  'job.not_dead': '只有死信任务可以重试',
  'ticket.relevance_needs_query': '按相关度排序需要搜索关键词（q）',
  'ticket.bulk_no_changes': '请至少指定一项修改',
  'ticket_view.not_found': '视图不存在或不属于你',
  'ticket_view.limit_reached': '个人视图最多保存 {max} 个',
  'ticket_view.name_taken': '已有同名视图',
  'ticket.field_not_filterable': '不能按字段 {field} 筛选（字段不存在或未设为可筛选）',
  'ticket.field_not_sortable': '不能按字段 {field} 排序（只能按可筛选的单值字段排序）',
  'validation.duplicates': '包含重复的值',
  ...authMessages.zhCN,
  ...customersMessages.zhCN,
  ...slaMessages.zhCN,
  ...ticketMessages.zhCN,
  ...emailChannelMessages.zhCN,
  ...channelsMessages.zhCN,
  ...wechatChannelMessages.zhCN,
  ...wecomChannelMessages.zhCN,
  ...dingtalkChannelMessages.zhCN,
  ...portalMessages.zhCN,
  ...knowledgeMessages.zhCN,
  ...platformMessages.zhCN,
  ...conditionMessages.zhCN,
  ...formMessages.zhCN,
  ...workflowModelMessages.zhCN,
  ...formsModuleMessages.zhCN,
  ...surveysMessages.zhCN,
  ...assignmentMessages.zhCN,
  ...reportsMessages.zhCN,
  ...smsChannelMessages.zhCN,
  ...templateMessages.zhCN,
  ...macrosMessages.zhCN,
  ...importsMessages.zhCN,
  ...exportsMessages.zhCN,
  ...notificationsMessages.zhCN,
  ...fieldServiceMessages.zhCN,
  ...webhooksMessages.zhCN,
  ...automationMessages.zhCN,
  ...workflowMessages.zhCN,
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  'validation.failed': 'The request is invalid',
  'validation.required': 'Required',
  'validation.invalid_type': 'Wrong type, expected {expected}',
  'validation.too_small': 'Too small or too short (minimum {minimum})',
  'validation.too_big': 'Too big or too long (maximum {maximum})',
  'validation.invalid_format': 'Invalid format ({format})',
  'validation.invalid_value': 'Value is not one of the allowed values',
  'validation.unrecognized_keys': 'Unknown field(s): {keys}',
  'validation.invalid': 'Invalid value',
  'validation.phone_or_email': 'Give at least a phone number or an email address',
  'validation.nul_character': 'Must not contain a NUL character (U+0000)',
  'request.malformed_json': 'The request body is not valid JSON',
  'request.unsupported_media_type': 'Unsupported content type',
  'request.too_large': 'The request body is too large',
  'request.malformed_multipart': 'The upload is malformed (incomplete multipart data or no boundary)',
  'route.not_found': 'No such endpoint',
  'server.internal': 'Internal server error, please try again later',
  'server.not_ready': 'The service is not ready yet',
  'auth.unauthenticated': 'Please sign in first',
  'auth.forbidden': 'You do not have permission to do this',
  'auth.invalid_credentials': 'Wrong email or password',
  'auth.token_invalid': 'The API token is invalid, expired or revoked',
  'auth.token_not_found': 'No such API token',
  'auth.expiry_in_past': 'The expiry must be in the future',
  'auth.wrong_password': 'The current password is wrong',
  'user.not_found': 'No such user',
  'user.email_taken': 'Another user already has this email',
  'user.cannot_deactivate_self': 'You cannot deactivate your own account',
  'user.last_admin': 'At least one active administrator must remain',
  'team.not_found': 'No such team',
  'team.name_taken': 'A team with this name already exists',
  'category.not_found': 'No such category',
  'category.cycle': 'A category cannot be moved under its own descendant',
  'category.has_children': 'The category has sub-categories and cannot be deleted',
  'priority.not_found': 'No such priority',
  'priority.key_taken': 'A priority with this key already exists',
  'priority.last_default': 'One priority must remain the default',
  'priority.in_use': 'The priority is used by tickets; deactivate it instead of deleting',
  'ticket.not_found': 'No such ticket, or you may not see it',
  'message.not_found': 'No such message',
  'reply.channel_not_configured': 'This channel is not configured; the reply cannot be sent',
  'reply.no_email_address': 'The customer has no email address',
  'reply.no_outbound_mailbox': 'No mailbox has outbound (SMTP) settings',
  'ticket.invalid_transition': 'A ticket cannot go from "{from}" to "{to}"',
  'ticket.transition_refused': 'The ticket cannot be set to this status now (blocked by "{guard}")',
  'ticket.version_mismatch': 'Someone else changed this ticket (now version {current}); reload and try again',
  'ticket.if_match_required': 'Updating a ticket needs an If-Match header with its version',
  'ticket.if_match_invalid': 'The If-Match header must look like "<version>"',
  'ticket.assignee_invalid': 'The assignee does not exist or is deactivated',
  'ticket.closed_readonly': 'The ticket is closed and cannot be changed',
  'idempotency.key_reused': 'This Idempotency-Key was already used for a different request',
  'idempotency.key_invalid': 'An Idempotency-Key must be 1–200 characters',
  'attachment.not_found': 'No such attachment, or you may not see it',
  'attachment.too_large': 'The attachment exceeds the size limit ({limitMb} MB)',
  'attachment.missing_file': 'Upload one file (multipart field "file")',
  'attachment.empty': 'The attachment is empty',
  'attachment.not_on_ticket': 'The attachment does not belong to this ticket or is already used',
  'job.not_found': 'No such job',
  'job.not_dead': 'Only dead-lettered jobs can be retried',
  'ticket.relevance_needs_query': 'Sorting by relevance needs a search query (q)',
  'ticket.bulk_no_changes': 'Give at least one change',
  'ticket_view.not_found': 'No such view, or it is not yours',
  'ticket_view.limit_reached': 'You can save at most {max} views',
  'ticket_view.name_taken': 'You already have a view with this name',
  'ticket.field_not_filterable': 'Lists cannot filter by the field {field} (it does not exist or is not marked filterable)',
  'ticket.field_not_sortable': 'Lists cannot sort by the field {field} (only by a filterable single-value field)',
  'validation.duplicates': 'Contains duplicate values',
  ...authMessages.en,
  ...customersMessages.en,
  ...slaMessages.en,
  ...ticketMessages.en,
  ...emailChannelMessages.en,
  ...channelsMessages.en,
  ...wechatChannelMessages.en,
  ...wecomChannelMessages.en,
  ...dingtalkChannelMessages.en,
  ...portalMessages.en,
  ...knowledgeMessages.en,
  ...platformMessages.en,
  ...conditionMessages.en,
  ...formMessages.en,
  ...workflowModelMessages.en,
  ...formsModuleMessages.en,
  ...surveysMessages.en,
  ...assignmentMessages.en,
  ...reportsMessages.en,
  ...smsChannelMessages.en,
  ...templateMessages.en,
  ...macrosMessages.en,
  ...importsMessages.en,
  ...exportsMessages.en,
  ...notificationsMessages.en,
  ...fieldServiceMessages.en,
  ...webhooksMessages.en,
  ...automationMessages.en,
  ...workflowMessages.en,
};

export const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}

export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = isMessageKey(key) ? catalogues[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** zh-CN unless the client prefers English; users are Chinese first. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
