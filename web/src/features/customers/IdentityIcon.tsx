import { DingtalkOutlined, IdcardOutlined, MailOutlined, PhoneOutlined, WechatOutlined, WechatWorkOutlined } from '@ant-design/icons';
import type { IdentityKind } from './identity-groups.ts';

/** One icon per way of reaching a customer, the same in lists, forms and the requester panel. */
export function IdentityIcon({ kind }: { kind: IdentityKind }) {
  switch (kind) {
    case 'phone':
      return <PhoneOutlined />;
    case 'email':
      return <MailOutlined />;
    case 'wechat_openid':
    case 'wechat_unionid':
      return <WechatOutlined />;
    case 'wecom_external_userid':
      return <WechatWorkOutlined />;
    case 'dingtalk_userid':
      return <DingtalkOutlined />;
    default:
      return <IdcardOutlined />;
  }
}
