import { formDefinitionSchema, type FormDefinition } from '../../../../../src/forms/definition.ts';

/**
 * An unpublished draft kept in this browser, so leaving the designer through the menu (which a
 * BrowserRouter cannot block) loses nothing: coming back restores it. It belongs to the version
 * it started from; once someone publishes another, the old draft no longer applies and is dropped.
 */
export type StoredDraft = { baseVersion: number; form: FormDefinition };

const prefix = 'opencsm.formDraft.';

export function draftStorageKey(typeKey: string): string {
  return `${prefix}${typeKey}`;
}

export function readStoredDraft(storage: Pick<Storage, 'getItem' | 'removeItem'>, typeKey: string, baseVersion: number): FormDefinition | undefined {
  const raw = storage.getItem(draftStorageKey(typeKey));
  if (!raw) return undefined;
  try {
    const stored = JSON.parse(raw) as { baseVersion?: unknown; form?: unknown };
    const form = formDefinitionSchema.safeParse(stored.form);
    if (stored.baseVersion === baseVersion && form.success) return form.data;
  } catch {
    // Unreadable: dropped below like a stale one.
  }
  storage.removeItem(draftStorageKey(typeKey));
  return undefined;
}

export function writeStoredDraft(storage: Pick<Storage, 'setItem' | 'removeItem'>, typeKey: string, draft: StoredDraft | null): void {
  if (!draft) return storage.removeItem(draftStorageKey(typeKey));
  try {
    storage.setItem(draftStorageKey(typeKey), JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the beforeunload warning still protects the draft.
  }
}
