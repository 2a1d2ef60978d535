import type { Catalogue } from '../../app/locales/catalogue.ts';

/** 设置 › 安全 (Settings › Security): the outbound allowlist. */
export const securitySettingsZhCN = {
  nav: '出站连接',
  title: '安全设置',
  outboundTitle: '出站连接白名单',
  outboundIntro: '为防止服务器被利用访问内网（SSRF），连接用户填写的主机（邮箱的 SMTP/IMAP 服务器）时，系统会拒绝内部地址：本机、内网（10/8、172.16/12、192.168/16）、100.64/10、链路本地与云元数据地址（169.254.169.254）等。如果您的邮件服务器部署在内网，请在这里加入它的 IP、网段（CIDR）或主机名。保存后立即在所有服务进程生效。',
  entries: '允许的地址',
  entriesPlaceholder: '输入后回车，例如 10.0.0.0/8、192.168.1.25、mail.corp.local',
  fromConfig: '来自配置 OPENCSM_OUTBOUND_ALLOW（只读）：',
  noneFromConfig: '配置中没有设置白名单。',
  empty: '还没有允许的内部地址：所有内部地址都会被拒绝（推荐）。',
  save: '保存',
  saved: '安全设置已保存',
};

export const securitySettingsEn: Catalogue<typeof securitySettingsZhCN> = {
  nav: 'Outbound connections',
  title: 'Security settings',
  outboundTitle: 'Outbound connection allowlist',
  outboundIntro: 'So that the server cannot be used to reach your internal network (SSRF), connections to hosts that users enter (mailbox SMTP/IMAP servers) refuse internal addresses: this machine, private networks (10/8, 172.16/12, 192.168/16), 100.64/10, link-local and cloud metadata (169.254.169.254) and the like. If your mail server is on the internal network, add its IP, range (CIDR) or host name here. Changes apply at once in every server process.',
  entries: 'Allowed addresses',
  entriesPlaceholder: 'Type and press Enter, e.g. 10.0.0.0/8, 192.168.1.25, mail.corp.local',
  fromConfig: 'From the OPENCSM_OUTBOUND_ALLOW setting (read-only):',
  noneFromConfig: 'No allowlist in the configuration.',
  empty: 'No internal address is allowed: every internal address is refused (recommended).',
  save: 'Save',
  saved: 'Security settings saved',
};
