import { Mark, Node, mergeAttributes } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/**
 * What the article editor can hold. It is kept to what the toolbar makes (headings 2–3, bold,
 * italic, lists, links, code, and images of the article's own files — inserted with the image
 * button, pasted or dropped: use-image-insertion.ts), because the server's allow-list
 * (src/modules/knowledge/sanitise-article.ts) keeps exactly that and drops the rest; the two lists
 * change together. One more thing is held only so that saving does not lose it: the redaction
 * marks of a draft made from a reply (the reviewer must see them).
 */
// The server's rule (sanitise-article.ts safeHref): web, mail and phone addresses or a path on this site.
const safeLink = /^(https?:|mailto:|tel:|\/(?![/\\]))/i;

/** `<mark data-redacted="phone">［电话 phone］</mark>` from "make an article from this reply". */
const Redaction = Mark.create({
  name: 'redaction',
  addAttributes() {
    return { kind: { default: null, parseHTML: (el) => el.getAttribute('data-redacted'), renderHTML: (attrs) => ({ 'data-redacted': attrs.kind }) } };
  },
  parseHTML: () => [{ tag: 'mark[data-redacted]' }],
  renderHTML: ({ HTMLAttributes }) => ['mark', HTMLAttributes, 0],
});

/** `<img src="/api/v1/help/files/<sha256>">`: the article's own files (the server drops other sources). */
const ArticleImage = Node.create({
  name: 'articleImage',
  group: 'inline',
  inline: true,
  atom: true,
  draggable: true,
  addAttributes: () => ({ src: { default: null }, alt: { default: null }, title: { default: null }, width: { default: null }, height: { default: null } }),
  parseHTML: () => [{ tag: 'img[src]' }],
  renderHTML: ({ HTMLAttributes }) => ['img', mergeAttributes(HTMLAttributes)],
});

export const articleExtensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    // Not on the toolbar and not kept by the server: off, so that no shortcut or Markdown-like
    // typing ("> ", "---", "~~") makes something that saving would silently drop.
    blockquote: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: ['mailto', 'tel'],
      isAllowedUri: (url) => safeLink.test(url),
      HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow' },
    },
  }),
  Redaction,
  ArticleImage,
];

/** An address typed into the link box, or null when it is not one we keep (javascript:, data:, …). */
export function linkAddress(typed: string): string | null {
  const value = typed.trim();
  if (!value) return null;
  if (safeLink.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/')) return null;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `mailto:${value}`;
  return `https://${value.replace(/^\/\//, '')}`;
}
