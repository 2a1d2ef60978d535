/** The portal, web form and phone channel messages, merged into the server catalogue (src/app/i18n). */
export const portalMessages = {
  zhCN: {
    'portal.unauthenticated': '请先登录客户服务门户',
    'portal.code_invalid': '验证码不正确',
    'portal.code_expired': '验证码已过期，请重新获取',
    'portal.code_attempts_exceeded': '验证码错误次数过多，请重新获取',
    'portal.rate_limited': '请求过于频繁，请 {seconds} 秒后再试',
    'portal.access_needs_organization': '该联系人不属于任何企业客户，不能设为企业管理员',
    'form.too_many_files': '附件最多 {maximum} 个',
    'call.needs_ticket_or_number': '请提供来电号码',
  },
  en: {
    'portal.unauthenticated': 'Please sign in to the customer portal',
    'portal.code_invalid': 'The code is not correct',
    'portal.code_expired': 'The code has expired; ask for a new one',
    'portal.code_attempts_exceeded': 'Too many wrong codes; ask for a new one',
    'portal.rate_limited': 'Too many requests; try again in {seconds} s',
    'portal.access_needs_organization': 'This contact belongs to no organisation, so cannot be its admin',
    'form.too_many_files': 'At most {maximum} attachments',
    'call.needs_ticket_or_number': 'Give the caller\'s number',
  },
} as const;
