/** The ticket page's single-key shortcuts (Gmail/Zendesk style), ignored while typing. */
export type ShortcutAction = 'next' | 'previous' | 'reply' | 'note' | 'help';

export type KeyInput = { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; typing: boolean };

export function shortcutFor(input: KeyInput): ShortcutAction | undefined {
  if (input.typing || input.ctrlKey || input.metaKey || input.altKey) return undefined;
  switch (input.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'r':
      return 'reply';
    case 'n':
      return 'note';
    case '?':
      return 'help';
    default:
      return undefined;
  }
}

/** Ctrl+Enter (Cmd+Enter on a Mac) sends from the composer. */
export function isSendChord(input: { key: string; ctrlKey?: boolean; metaKey?: boolean }): boolean {
  return input.key === 'Enter' && Boolean(input.ctrlKey || input.metaKey);
}
