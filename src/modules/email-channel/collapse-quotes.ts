/**
 * Quoted history is collapsed: the new text of a reply is what the agent reads, the quoted older
 * mail (which we already have on the ticket) is cut off. Each client marks the start of its quote
 * differently; these are the markers of the clients our customers use.
 */
const quoteStarts: RegExp[] = [
  // Outlook (Chinese and English), Foxmail, NetEase 163/126, QQ Mail: a separator line.
  /^\s*-{2,}\s*(原始邮件|原始郵件|Original Message|Original|回复的原邮件|原邮件|Forwarded message|转发邮件)\s*-{2,}\s*$/i,
  /^\s*-{5,}\s*(原始邮件|Original Message)?\s*-{0,}\s*$/i,
  // Gmail and Apple Mail (English): "On <date>, <name> wrote:" (may wrap onto two lines).
  /^\s*On\s.+(wrote|schrieb)\s*:\s*$/i,
  // Gmail / Apple Mail / 163 (Chinese): "在 2026年11月20日 … 写道："
  /^\s*在\s?.+写道\s*[:：]\s*$/,
  /^\s*.+于\s?\d{4}年\d{1,2}月\d{1,2}日.*写道\s*[:：]\s*$/,
  // Outlook without a separator: a header block "发件人: …" / "From: …" followed by sent/to lines.
  /^\s*(发件人|發件人|From)\s*[:：]\s*.+$/,
  // Foxmail / QQ Mail quote head.
  /^\s*------------------\s*(原始邮件|Original)\s*------------------\s*$/i,
];

/** Lines that make a `From:`-style header block a quote (and not a sentence that starts with From:). */
const headerFollowers = /^\s*(发送时间|發送時間|时间|日期|Sent|Date|收件人|To|主题|Subject|抄送|Cc)\s*[:：]/i;

export type CollapsedText = { text: string; quoted: string | null };

export function collapseQuotes(text: string): CollapsedText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = -1;
  for (let i = 0; i < lines.length && cut < 0; i++) {
    const line = lines[i]!;
    if (/^\s*(发件人|發件人|From)\s*[:：]/i.test(line)) {
      // Only a header block counts: one of the next three lines is Sent/To/Subject.
      if (lines.slice(i + 1, i + 4).some((next) => headerFollowers.test(next))) cut = i;
      continue;
    }
    if (quoteStarts.some((pattern) => pattern.test(line))) cut = i;
    // "On … wrote:" wrapped by the client over two lines.
    else if (/^\s*On\s.+/i.test(line) && /^.*wrote\s*:\s*$/i.test(lines[i + 1] ?? '')) cut = i;
    // A run of "> " lines at the end (plain-text quoting).
    else if (/^\s*>/.test(line) && lines.slice(i).every((rest) => /^\s*(>|$)/.test(rest))) cut = i;
  }
  if (cut < 0) return { text: text.trim(), quoted: null };
  const kept = lines.slice(0, cut).join('\n').trim();
  // A message that is only a quote (a bare forward) keeps everything.
  if (!kept) return { text: text.trim(), quoted: null };
  return { text: kept, quoted: lines.slice(cut).join('\n').trim() };
}
