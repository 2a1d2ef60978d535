import sanitizeHtml from 'sanitize-html';

/**
 * Article HTML comes from the console's editor, but the API takes any HTML, so it is cut to an
 * allow-list on the server before it is stored: what the editor produces (paragraphs, headings,
 * lists, tables, code, quotes, links, images) and nothing that runs or loads from elsewhere.
 * Images may be the article's own uploaded files (`/api/v1/help/files/…`) or embedded raster data.
 */
const ownFile = /^\/api\/v1\/help\/files\/[0-9a-f]{64}$/;
const embeddedImage = /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'code', 'pre', 'blockquote', 'mark',
    'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'], img: ['src', 'alt', 'title', 'width', 'height'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], mark: ['data-redacted'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'embed', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !(ownFile.test(frame.attribs.src ?? '') || embeddedImage.test(frame.attribs.src ?? '')),
};

export function sanitiseArticleHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Plain text of sanitised article HTML: what search, suggestions and diffs read. */
export function textOfArticleHtml(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|li|tr|h[1-6]|blockquote|pre)>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'title', 'head'] });
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Plain text as article HTML (a reply turned into an article): paragraphs, escaped. */
export function htmlOfText(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n{2,}/).map((para) => `<p>${escape(para).replace(/\n/g, '<br />')}</p>`).join('');
}
