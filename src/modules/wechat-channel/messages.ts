/** The WeChat channel's messages, merged into the server catalogue (src/app/i18n). */
export const wechatChannelMessages = {
  zhCN: {
    'wechat.window_closed': '客户最后一条消息已超过 48 小时，微信客服消息窗口已关闭，无法通过微信发送；可改用模板消息（如已配置）、短信、电话或门户回复',
    'wechat.window_exhausted': '本次 48 小时窗口内已发送 5 条客服消息，需等客户再次发消息；可改用模板消息（如已配置）、短信、电话或门户回复',
    'wechat.no_follower': '该工单没有关联的微信粉丝，无法通过微信回复',
    'wechat.account_disabled': '该工单所属的公众号已停用',
  },
  en: {
    'wechat.window_closed': "The customer's last message is more than 48 hours old: WeChat's customer-service window is closed. Use a template message (if configured), SMS, a call or the portal",
    'wechat.window_exhausted': 'Five customer-service messages were sent in this 48-hour window; wait for the customer to write again, or use a template message (if configured), SMS, a call or the portal',
    'wechat.no_follower': 'This ticket has no WeChat follower to reply to',
    'wechat.account_disabled': "The ticket's official account is disabled",
  },
} as const;
