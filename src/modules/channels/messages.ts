/** The channels module's messages, merged into the server catalogue (src/app/i18n). */
export const channelsMessages = {
  zhCN: {
    'channel.unknown_kind': '未安装该渠道：{kind}',
    'channel.account_not_found': '渠道账号不存在或已停用',
    'channel.version_mismatch': '渠道账号已被他人修改（当前版本 {current}），请刷新后重试',
    'channel.if_match_required': '修改渠道账号需要 If-Match 版本号',
    'channel.if_match_invalid': 'If-Match 应为版本号，例如 "3"',
    'channel.signature_invalid': '签名校验失败',
    'channel.callback_stale': '回调时间戳超出 5 分钟，已拒绝',
    'channel.callback_replayed': '重复的回调（nonce 已使用），已拒绝',
    'channel.credentials_refused': '渠道拒绝了凭据：{detail}',
    'channel.unreachable': '无法连接渠道服务器：{detail}',
    'reply.window': '回复窗口剩余 {hours} 小时 · 还可发送 {count} 条',
  },
  en: {
    'channel.unknown_kind': 'No such channel is installed: {kind}',
    'channel.account_not_found': 'The channel account does not exist or is disabled',
    'channel.version_mismatch': 'Someone else changed this channel account (now version {current}); reload and try again',
    'channel.if_match_required': 'Changing a channel account requires an If-Match version',
    'channel.if_match_invalid': 'If-Match must be a version, e.g. "3"',
    'channel.signature_invalid': 'The signature does not match',
    'channel.callback_stale': 'The callback is more than 5 minutes old and was refused',
    'channel.callback_replayed': 'A repeated callback (its nonce was used already) was refused',
    'channel.credentials_refused': 'The channel refused the credentials: {detail}',
    'channel.unreachable': 'Cannot reach the channel server: {detail}',
    'reply.window': 'Reply window: {hours} h left · {count} more messages',
  },
} as const;
