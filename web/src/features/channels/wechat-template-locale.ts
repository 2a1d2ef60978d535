import type { Catalogue } from '../../app/locales/catalogue.ts';

/** 设置 › 渠道 › 微信公众号 › 回复通知模板 (the reply template a reply goes as outside the 48-hour window). */
export const wechatTemplateZhCN = {
  title: '回复通知模板（模板消息）',
  intro: '客户最后一条消息超过 48 小时后，客服消息无法发送。设置一个“回复通知”类模板后，客服可把回复以模板消息发出：模板中写入工单编号、回复摘要（前 20 个字）和回复时间，点击打开客户门户里的工单，客户在那里阅读完整回复。需设置 OPENCSM_PUBLIC_URL。',
  notSet: '未设置：窗口关闭后不能以模板消息回复',
  templateId: '模板ID',
  templateIdHint: '公众号后台 › 广告与服务 › 模板消息 › 我的模板 中的模板ID',
  numberKey: '工单编号字段',
  summaryKey: '回复摘要字段',
  timeKey: '回复时间字段',
  keyHint: '模板详情中 .DATA 前的名称，例如 character_string1、thing2、time3',
  save: '保存模板',
  remove: '不再使用模板',
  saved: '回复通知模板已保存',
  removed: '已停用回复通知模板',
};

export const wechatTemplateEn: Catalogue<typeof wechatTemplateZhCN> = {
  title: 'Reply notification template (template message)',
  intro: "48 hours after the customer's last message, customer-service messages cannot be sent. With a reply notification template set here, agents can send a reply as a template message: it carries the ticket number, the reply's first 20 characters and its time, and opens the ticket on the customer portal, where the customer reads the whole reply. OPENCSM_PUBLIC_URL must be set.",
  notSet: 'Not set: once the window closes, replies cannot go as template messages',
  templateId: 'Template ID',
  templateIdHint: 'The 模板ID under 广告与服务 › 模板消息 › 我的模板 in the official account platform',
  numberKey: 'Ticket number key',
  summaryKey: 'Reply summary key',
  timeKey: 'Reply time key',
  keyHint: 'The name before .DATA in the template details, e.g. character_string1, thing2, time3',
  save: 'Save template',
  remove: 'Stop using the template',
  saved: 'Reply notification template saved',
  removed: 'Reply notification template removed',
};
