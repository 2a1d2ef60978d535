/** Messages of the HTTP edge and the outbound guard (src/app), merged into the server catalogue. */
export const platformMessages = {
  zhCN: {
    'validation.lone_surrogate': '包含无效的 Unicode 字符（单独的 UTF-16 代理项）',
    'request.cross_site': '跨站请求已被拒绝：请从本系统的页面操作（请求来源与本站不一致）',
    'outbound.address_refused': '不允许连接内部地址：{host} 解析为 {address}。如需连接内网邮件服务器，请管理员在“设置 › 安全”中把它加入出站白名单',
    'outbound.unresolvable': '无法解析主机名 {host}',
    'outbound.allow_entry_invalid': '无效的白名单条目：{entry}（应为 IP 地址、CIDR 网段或主机名）',
    'security_settings.version_mismatch': '安全设置已被他人修改（当前版本 {current}），请刷新后重试',
    'security_settings.if_match_required': '请在 If-Match 中提供当前版本号',
  },
  en: {
    'validation.lone_surrogate': 'Contains an invalid Unicode character (a lone UTF-16 surrogate)',
    'request.cross_site': 'Cross-site request refused: act from this system’s own pages (the request’s origin is not this site)',
    'outbound.address_refused': 'Connections to internal addresses are not allowed: {host} resolves to {address}. To reach an on-premise mail server, an admin adds it to the outbound allowlist in Settings › Security',
    'outbound.unresolvable': 'Cannot resolve the host name {host}',
    'outbound.allow_entry_invalid': 'Invalid allowlist entry: {entry} (expected an IP address, a CIDR range or a host name)',
    'security_settings.version_mismatch': 'Someone else changed the security settings (now version {current}); reload and try again',
    'security_settings.if_match_required': 'Send the current version in If-Match',
  },
} as const;
