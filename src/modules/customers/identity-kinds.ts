/** The ways a customer reaches us, each found again by its normalised value. */
export const identityKinds = [
  'email',
  'phone',
  'wechat_openid', // 微信公众号 openid (per official account)
  'wechat_unionid', // 微信 unionid (across one company's accounts)
  'wecom_external_userid', // 企业微信外部联系人 external_userid
  'dingtalk_userid', // 钉钉 userid
] as const;
export type IdentityKind = (typeof identityKinds)[number];
