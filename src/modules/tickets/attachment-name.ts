/**
 * The one rule for the name an attachment is stored under, whichever way it arrived (agent upload,
 * web form, portal, email, phone). A name is shown to agents and customers and sent back in
 * Content-Disposition, so what it shows must be what it is:
 * - path parts are dropped (`..\..\boot.ini` → `boot.ini`);
 * - format characters (Unicode Cf) go: bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *   marks (U+200E/U+200F, U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF), soft hyphen,
 *   … — `passwd\u202egpj.exe` would otherwise show as "passwdexe.jpg";
 * - control characters (C0, DEL, C1) and unpaired surrogates go (a `u` regex sees a lone surrogate
 *   as a Cs code point); line breaks, tabs and line/paragraph separators become a space;
 * - the name is capped at 200 characters, keeping its extension, and is never empty (`attachment`
 *   plus the extension that was left, if any).
 */
const invisible = /[\p{Cf}\p{Cc}\p{Cs}]/gu;
// Line breaks and tabs (controls, and the line/paragraph separators) read as a space, not as nothing.
const breaks = /[\t\n\v\f\r\u2028\u2029]+/gu;
export const maxAttachmentNameLength = 200;

export function cleanAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(breaks, ' ').replace(invisible, '').trim();
  // ".", ".." and a bare ".pdf" are no names: they become `attachment` plus what extension there was.
  const usable = /[^.\s]/u.test(cleaned.replace(/\.[\p{L}\p{N}]{1,10}$/u, '')) ? cleaned : `attachment${extensionOf(cleaned)}`;
  return capLength(usable);
}

function extensionOf(name: string): string {
  const match = /\.[\p{L}\p{N}]{1,10}$/u.exec(name);
  return match ? match[0] : '';
}

/** Cut by code points (never half a surrogate pair), keeping the extension of a long name. */
function capLength(name: string): string {
  const chars = [...name];
  if (chars.length <= maxAttachmentNameLength) return name;
  const ext = [...extensionOf(name)];
  return chars.slice(0, maxAttachmentNameLength - ext.length).join('').trimEnd() + ext.join('');
}
