/** The email channel's error messages, merged into the server catalogue (src/app/i18n). */
export const emailChannelMessages = {
  zhCN: {
    'email.mailbox.not_found': '邮箱不存在',
    'email.mailbox.address_taken': '该邮箱地址已配置为另一个邮箱',
    'email.mailbox.invalid_address': '邮箱地址格式不正确',
    'email.mailbox.plus_in_address': '邮箱地址不能包含“+”：回复地址用“+”携带工单签名',
    'email.mailbox.unknown_team': '团队不存在',
    'email.mailbox.imap_password_required': '配置 IMAP 收信时需要填写密码',
    'email.mailbox.if_match_required': '修改邮箱需要 If-Match 请求头（邮箱版本号）',
    'email.mailbox.if_match_invalid': 'If-Match 请求头格式不正确，应为 "版本号"',
    'email.mailbox.version_mismatch': '邮箱配置已被他人修改（当前版本 {current}），请刷新后重试',
  },
  en: {
    'email.mailbox.not_found': 'No such mailbox',
    'email.mailbox.address_taken': 'This address is already configured as another mailbox',
    'email.mailbox.invalid_address': 'Not a valid email address',
    'email.mailbox.plus_in_address': 'A mailbox address cannot contain "+": reply addresses use it to carry the ticket signature',
    'email.mailbox.unknown_team': 'No such team',
    'email.mailbox.imap_password_required': 'IMAP fetching needs a password',
    'email.mailbox.if_match_required': 'Updating a mailbox needs an If-Match header (the mailbox version)',
    'email.mailbox.if_match_invalid': 'Malformed If-Match header; expected "version"',
    'email.mailbox.version_mismatch': 'Someone else changed this mailbox (now version {current}); reload and try again',
  },
};
