import sanitizeHtml from 'sanitize-html';

/**
 * Article HTML comes from the console's editor (tiptap, web/src/features/knowledge/editor-extensions.ts),
 * but the API takes any HTML, so it is cut on the server before it is stored to exactly what that
 * editor holds: paragraphs and line breaks, headings 2–3, bold, italic, bullet and numbered lists,
 * links (http, https, mailto, tel; always opened apart, without referrer or ranking), inline code
 * and code blocks — plus the two things the editor keeps without a button: the redaction marks of a
 * draft made from a reply and images that are the article's own uploaded files
 * (`/api/v1/help/files/…`) or embedded raster data. Everything else loses its tag (its text stays)
 * or, for what runs or loads (script, style, iframe, svg…), its content too. The two lists change together.
 */
const ownFile = /^\/api\/v1\/help\/files\/[0-9a-f]{64}$/;
const embeddedImage = /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;
// Absolute web, mail and phone links, or a path on this site (one article linking another); checked
// here rather than by scheme alone so that a link without a safe address loses its tag, not just its href.
const safeHref = /^(https?:|mailto:|tel:|\/(?![/\\]))/i;
const redactionKind = /^[a-z_]{1,32}$/; // redact-reply.ts's kinds: phone, email, ticket_number, name

const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h2', 'h3', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'img', 'mark'],
  allowedAttributes: { a: ['href', 'target', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], mark: ['data-redacted'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'embed', 'svg', 'math'],
  transformTags: {
    // The same meaning under the editor's names (pasted or older HTML).
    b: 'strong',
    i: 'em',
    a: (tagName, attribs) => ({ tagName, attribs: { target: '_blank', rel: 'noopener noreferrer nofollow', href: attribs.href?.trim() ?? '' } }),
  },
  // 'excludeTag' unwraps (the text stays). Renaming such tags to a disallowed one in transformTags
  // instead would hit a sanitize-html 2.17 bug: the rename sticks to the next <img>/<br> at that depth.
  exclusiveFilter: (frame) => {
    if (frame.tag === 'img') return !(ownFile.test(frame.attribs.src ?? '') || embeddedImage.test(frame.attribs.src ?? ''));
    // A link without a safe address is no link; a highlight is kept only as a redaction mark.
    if (frame.tag === 'a' && !safeHref.test(frame.attribs.href ?? '')) return 'excludeTag';
    if (frame.tag === 'mark' && !redactionKind.test(frame.attribs['data-redacted'] ?? '')) return 'excludeTag';
    return false;
  },
};

export function sanitiseArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Plain text of sanitised article HTML: what search, suggestions and diffs read. */
export function textOfArticleHtml(html: string): string {
  // tiptap wraps each list item's text in a <p>: one line per item, not a blank line between them.
  const withBreaks = html.replace(/<\/p>\s*<\/li>/gi, '</li>').replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|li|tr|h[1-6]|blockquote|pre)>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'title', 'head'] });
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Plain text as article HTML (a reply turned into an article): paragraphs, escaped. */
export function htmlOfText(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n{2,}/).map((para) => `<p>${escape(para).replace(/\n/g, '<br />')}</p>`).join('');
}
