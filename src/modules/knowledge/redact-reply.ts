/**
 * "由此回复创建文章": a public reply is written to one customer; before it becomes an article for
 * everyone, what identifies that customer is taken out — phone numbers, email addresses, ticket
 * numbers and the customer's name — and each place is marked (<mark>) so the reviewer checks it.
 * Matching is deliberately broad (a product code that looks like a phone number is marked too):
 * a reviewer un-marks a false alarm in seconds, a leaked phone number cannot be taken back.
 */
export type RedactionKind = 'phone' | 'email' | 'ticket_number' | 'name';

const placeholders: Record<RedactionKind, string> = { phone: '［电话 phone］', email: '［邮箱 email］', ticket_number: '［工单号 ticket no.］', name: '［客户 customer］' };

const patterns: Array<[RedactionKind, RegExp]> = [
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu],
  // 20261123-0007: the date and the day's sequence (tickets' ticket-number.ts).
  ['ticket_number', /(?<!\d)20\d{6}-\d{4,6}(?!\d)/g],
  // Mobile (+86 138 0013 8000, 13800138000), landline (010-12345678, (0755) 1234 5678), 400/800 numbers: 7+ digits with separators.
  ['phone', /(?<![\p{N}])(?:\+?\d{1,3}[\s-]?)?(?:\(\d{2,4}\)[\s-]?)?\d{2,4}(?:[\s-]?\d{3,4}){1,3}(?![\p{N}])/gu],
];

export type Redacted = { text: string; html: string; redactions: Array<{ kind: RedactionKind; count: number }> };

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const digitCount = (s: string) => (s.match(/\d/g) ?? []).length;

export function redactReply(text: string, customerNames: readonly string[]): Redacted {
  const counts = new Map<RedactionKind, number>();
  // Work on tokens so a placeholder is never matched again by a later pattern.
  type Piece = { text: string; kind?: RedactionKind };
  let pieces: Piece[] = [{ text }];
  const names = customerNames.map((n) => n.trim()).filter((n) => n.length >= 2 || /\p{Script=Han}/u.test(n));
  const rules: Array<[RedactionKind, RegExp]> = [...patterns];
  if (names.length) rules.push(['name', new RegExp(names.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'giu')]);
  for (const [kind, pattern] of rules) {
    pieces = pieces.flatMap((piece) => {
      if (piece.kind) return [piece];
      const out: Piece[] = [];
      let last = 0;
      for (const match of piece.text.matchAll(pattern)) {
        if (kind === 'phone' && digitCount(match[0]) < 7) continue;
        out.push({ text: piece.text.slice(last, match.index) }, { text: match[0], kind });
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        last = match.index! + match[0].length;
      }
      out.push({ text: piece.text.slice(last) });
      return out;
    });
  }
  const plain = pieces.map((p) => (p.kind ? placeholders[p.kind] : p.text)).join('');
  const marked = pieces.map((p) => (p.kind ? `<mark data-redacted="${p.kind}">${placeholders[p.kind]}</mark>` : escapeHtml(p.text))).join('');
  const html = marked.split(/\n{2,}/).map((para) => `<p>${para.replace(/\n/g, '<br />')}</p>`).join('');
  return { text: plain, html, redactions: [...counts].map(([kind, count]) => ({ kind, count })) };
}
