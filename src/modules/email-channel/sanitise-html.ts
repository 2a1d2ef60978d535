import sanitizeHtml from 'sanitize-html';

/**
 * Email HTML is hostile. What survives: formatting, tables, links (http, https, mailto) that open
 * in a new tab without an opener, and images embedded in the message itself (data: URIs of raster
 * types, which is what mailparser turns `cid:` parts into). Never: scripts, styles that load
 * anything, event handlers, forms, frames, or remote images (tracking pixels): their address is
 * kept in `data-blocked-src` so the console could offer "load remote images" later.
 */
const embeddedImage = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'a', 'b', 'i', 'u', 's', 'em', 'strong', 'small', 'sub', 'sup', 'span', 'div', 'p', 'br', 'hr', 'font', 'center',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col', 'img',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height', 'data-blocked-src'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    font: ['color'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object', 'embed', 'svg', 'math'],
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
    img: (tagName, attribs) => {
      const src = (attribs.src ?? '').trim();
      if (embeddedImage.test(src)) return { tagName, attribs: { ...attribs, src } };
      const { src: _dropped, ...rest } = attribs;
      return { tagName, attribs: /^https?:\/\//i.test(src) ? { ...rest, 'data-blocked-src': src } : rest };
    },
  },
};
// target/rel are set by the transform; allow them on links only.
options.allowedAttributes = { ...(options.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'target', 'rel'] };

export function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** Plain text of (already sanitised) HTML, for mail that has no text part. */
export function textOfHtml(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre)>/gi, '\n');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'title', 'head'] });
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
