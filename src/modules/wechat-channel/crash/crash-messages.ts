const cdata = (v: string) => `<![CDATA[${v}]]>`;

/** What the crash test's child sends and the test counts: 10 followers, 10 messages each. */
export const crashFollowers = Array.from({ length: 10 }, (_, i) => `oCrash${String(i).padStart(2, '0')}`);
export const crashSettings = { appId: 'wx1234567890abcdef', appSecret: 'a'.repeat(32), token: 'opencsmToken1' };

export function crashTextXml(openid: string, follower: number, n: number, createTime: number): string {
  return `<xml><ToUserName>${cdata('gh_test')}</ToUserName><FromUserName>${cdata(openid)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(`${openid} 第 ${n} 条`)}</Content><MsgId>${810000 + follower * 100 + n}</MsgId></xml>`;
}
