import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { collapseHtmlQuotes } from './collapse-html-quotes.js';
import { collapseQuotes } from './collapse-quotes.js';
import { parseEmail } from './parse-email.js';

const fixture = async (name: string) => parseEmail(await readFile(new URL(`./fixtures/${name}`, import.meta.url)));

describe('the .eml corpus: Chinese clients, encodings, quotes', () => {
  test('Outlook (Chinese), GBK body, GB2312 subject: decoded, "-----原始邮件-----" collapsed', async () => {
    const mail = await fixture('outlook-zh-gbk.eml');
    assert.equal(mail.subject, '答复: 打印机卡纸');
    assert.deepEqual(mail.from, { address: 'zhang.san@customer.cn', name: '张三' });
    assert.equal(mail.text, '您好，换了纸盒以后还是卡纸，请派工程师上门。\n\n张三');
    assert.match(mail.quoted!, /^-----原始邮件-----/);
    assert.equal(mail.messageId, 'OUTLOOK-ZH-0001@customer.cn');
    assert.equal(mail.noise, null);
  });

  test('Foxmail, GB18030 base64 with a four-byte character; its quote head collapsed', async () => {
    const mail = await fixture('foxmail-gb18030.eml');
    assert.equal(mail.subject, '𠮷野家门店的收银机无法开机');
    assert.equal(mail.text, '𠮷野家门店的收银机今天早上无法开机，指示灯不亮。');
    assert.equal(mail.from?.name, '李四');
  });

  test('Big5 quoted-printable body and Q-encoded Big5 subject', async () => {
    const mail = await fixture('big5-qp.eml');
    assert.equal(mail.subject, '發票機故障');
    assert.equal(mail.text, '您好，發票機無法列印，請協助處理。\n謝謝');
    assert.equal(mail.from?.name, '陳先生');
  });

  test('NetEase 163: "在 … 写道：" collapsed, In-Reply-To and References read', async () => {
    const mail = await fixture('netease-163.eml');
    assert.equal(mail.text, '师傅明天下午两点可以来。');
    assert.deepEqual(mail.inReplyTo, ['ocsm.0190a0a0-0000-7000-8000-000000000001.abc@acme.test']);
    assert.deepEqual(mail.references, ['ocsm.0190a0a0-0000-7000-8000-000000000001.abc@acme.test']);
    assert.match(mail.html!, /师傅明天下午两点可以来/);
    assert.doesNotMatch(mail.html!, /写道|请问什么时间方便上门/, 'quoted history cut from the HTML too');
  });

  test('QQ Mail: GB18030, "------------------ 原始邮件 ------------------" with non-breaking spaces collapsed', async () => {
    const mail = await fixture('qq-mail.eml');
    assert.equal(mail.subject, '回复：投诉：维修超时');
    assert.equal(mail.text, '已经等了三天了，还没有人联系我。');
    assert.equal(mail.html, '<div>已经等了三天了，还没有人联系我。</div><div><br /></div>');
  });

  test('Gmail: "On … wrote:" collapsed; RFC 2047 (UTF-8) and RFC 2231 (GBK) attachment names', async () => {
    const mail = await fixture('gmail-en-attachments.eml');
    assert.equal(mail.text, 'Thanks, the signed quote is attached.');
    assert.equal(mail.html, '<div dir="ltr">Thanks, the signed quote is attached.</div><br />');
    assert.deepEqual(mail.cc, [{ address: 'bob@partner.test', name: '' }]);
    assert.deepEqual(mail.attachments.map((a) => [a.filename, a.contentType, a.inline]), [
      ['报价单（已签字）.pdf', 'application/pdf', false],
      ['设备清单.txt', 'text/plain', false],
    ]);
    assert.equal(mail.attachments[1]!.content.length, 11);
  });

  test('Outlook (English): "From:/Sent:/To:" header block collapsed, token kept in subject', async () => {
    const mail = await fixture('outlook-en-token.eml');
    assert.equal(mail.text, 'It is back online after the restart. Thanks!');
    assert.equal(mail.subject, 'RE: [#20261119-0001] Scanner offline');
    assert.deepEqual(mail.references, []);
  });

  test('inline cid: image becomes an embedded data: image and an inline attachment', async () => {
    const mail = await fixture('inline-image.eml');
    assert.equal(mail.subject, '截图：报错');
    assert.match(mail.html!, /<img src="data:image\/png;base64,iVBOR/);
    assert.deepEqual(mail.attachments.map((a) => [a.filename, a.contentId, a.inline]), [['screenshot.png', 'screenshot01@customer.test', true]]);
    assert.equal(mail.text, '报错截图如下：');
  });

  test('XSS: no script, handler, javascript: link, frame, style or remote load survives', async () => {
    const mail = await fixture('xss.eml');
    const html = mail.html!;
    for (const bad of [/<script/i, /onerror/i, /onclick/i, /javascript:/i, /<iframe/i, /<svg/i, /<style/i, /style=/i, / src="https?:/i, /alert\(/]) assert.doesNotMatch(html, bad);
    assert.match(html, /data-blocked-src="https:\/\/tracker\.evil\.test\/pixel\.gif"/);
    assert.match(html, /href="https:\/\/example\.test\/ok"[^>]*rel="noopener noreferrer nofollow"/);
    // Subject, sender name and filename are plain text; the console renders them as text, never HTML.
    assert.equal(mail.subject, "<script>alert('subject')</script> Help");
    assert.equal(mail.attachments[0]!.filename, '<img src=x onerror=alert(7)>.txt');
  });

  test('no Message-ID: the external id is a hash of the bytes', async () => {
    const mail = await fixture('no-message-id.eml');
    assert.equal(mail.messageId, null);
    assert.match(mail.externalId, /^sha256:[0-9a-f]{64}$/);
  });
});

describe('noise: auto-replies, bounces, lists', () => {
  test('Auto-Submitted auto-reply', async () => assert.equal((await fixture('auto-reply.eml')).noise, 'auto_reply'));
  test('X-Autoreply (QQ, 163)', async () => assert.equal((await fixture('x-autoreply.eml')).noise, 'auto_reply'));
  test('mailing list / Precedence: bulk', async () => assert.equal((await fixture('mailing-list.eml')).noise, 'list'));
  test('DSN bounce: our quoted Message-ID and the diagnostic are found', async () => {
    const mail = await fixture('bounce-dsn.eml');
    assert.equal(mail.noise, 'bounce');
    assert.deepEqual(mail.bounce?.messageIds, ['OCSM.0190a0a0-0000-7000-8000-0000000000b1.k3j4@acme.test']);
    assert.match(mail.bounce!.reason, /550 5\.1\.1.*User unknown/);
  });
  test('an ordinary reply is not noise', async () => assert.equal((await fixture('netease-163.eml')).noise, null));
});

describe('collapseQuotes', () => {
  test('"> " quoting at the end', () => assert.deepEqual(collapseQuotes('Fine.\n\n> old\n> older\n'), { text: 'Fine.', quoted: '> old\n> older' }));
  test('a sentence starting with "From:" is not a quote', () => assert.equal(collapseQuotes('From: the factory, the part arrives Monday.\nThanks').quoted, null));
  test('a mail that is only a quote keeps its text', () => assert.equal(collapseQuotes('-----原始邮件-----\n发件人: a\n发送时间: b').text, '-----原始邮件-----\n发件人: a\n发送时间: b'));
  test('Chinese Gmail "于2026年11月20日 … 写道："', () => assert.equal(collapseQuotes('好的\n\n张三 <z@x.cn> 于2026年11月20日周五 10:00写道：\n> 旧').text, '好的'));
  test('Apple Mail Chinese "在 2026年11月20日 … 写道："', () => assert.equal(collapseQuotes('收到\n\n在 2026年11月20日，上午10:00，客服 <s@acme.test> 写道：\n\n旧').text, '收到'));
});

describe('collapseHtmlQuotes', () => {
  test('Outlook desktop (Chinese) header block', () => assert.equal(collapseHtmlQuotes('<p>好的</p><div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>发件人:</b> 客服</p></div><p>旧</p>'), '<p>好的</p>'));
  test('Outlook on the web', () => assert.equal(collapseHtmlQuotes('<div>OK</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From: x</div><div>old</div>'), '<div>OK</div>'));
  test('a bare forward keeps everything', () => assert.equal(collapseHtmlQuotes('<div class="gmail_quote">only a quote</div>'), '<div class="gmail_quote">only a quote</div>'));
});
