/**
 * The HTML counterpart of collapseQuotes: cut the HTML where the client's quoted history starts.
 * Runs on the raw HTML before sanitising (the markers are classes and ids the sanitiser removes);
 * the sanitiser then closes whatever the cut left open.
 */
const markers: RegExp[] = [
  /<div[^>]*class=["']?[^"'>]*\bgmail_quote/i, // Gmail
  /<blockquote[^>]*type=["']?cite/i, // Apple Mail, Thunderbird
  /<div[^>]*class=["']?[^"'>]*\bmoz-cite-prefix/i, // Thunderbird
  /<div[^>]*class=["']?[^"'>]*\byahoo_quoted/i, // Yahoo
  /<div[^>]*id=["']?(divRplyFwdMsg|appendonsend)/i, // Outlook on the web / new Outlook
  /<div[^>]*border-top:\s*solid[^>]*>\s*(<p[^>]*>\s*)?<b>\s*(<span[^>]*>\s*)?(From|发件人|發件人)\s*[:：]/i, // Outlook desktop
  /(<(div|p|span)[^>]*>\s*)?-{5,}(?:&nbsp;|\u00a0|\s)*(原始邮件|原始郵件|Original Message)/i, // Foxmail, QQ Mail, Outlook (Chinese)
  /<(pre|div|p)[^>]*>(?:\s|<br\s*\/?>)*在\s?[^<]{0,300}写道\s*[:：]/, // NetEase 163/126
  /<blockquote[^>]*id=["']?isReplyContent/i, // NetEase 163/126
];

export function collapseHtmlQuotes(html: string): string {
  let cut = -1;
  for (const marker of markers) {
    const index = html.search(marker);
    if (index >= 0 && (cut < 0 || index < cut)) cut = index;
  }
  if (cut < 0) return html;
  const kept = html.slice(0, cut);
  // Only a quote (a bare forward): keep everything.
  const visible = kept.replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '').replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '');
  return visible ? kept : html;
}
