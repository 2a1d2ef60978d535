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
    'form.submission_too_large': '附件合计超过 {limitMb} MB，请减少或压缩附件后再提交',
    'form.upload_budget_ip': '今天从您的网络提交的附件已达上限，请明天再试，或先不带附件提交',
    'form.upload_budget_site': '今天网页表单接收的附件已达上限，请明天再试，或先不带附件提交',
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
    'form.submission_too_large': 'The attachments together exceed {limitMb} MB; send fewer or smaller files',
    'form.upload_budget_ip': 'Today\'s limit for attachments from your network is reached; try again tomorrow, or submit without attachments',
    'form.upload_budget_site': 'Today\'s limit for attachments sent through the web form is reached; try again tomorrow, or submit without attachments',
    'call.needs_ticket_or_number': 'Give the caller\'s number',
  },
} as const;
