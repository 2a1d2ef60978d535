import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client.ts';
import { useCustomColumns } from './custom-columns.ts';
import { ticketKeys } from './keys.ts';

const customPrefix = 'fields.';

/** A saved view's custom columns (`fields.<key>` in its columns) as field keys. */
export function customKeysOf(columns: readonly string[]): string[] {
  return columns.filter((column) => column.startsWith(customPrefix)).map((column) => column.slice(customPrefix.length));
}

/** The view's columns with these custom ones instead of its previous custom ones (built-in ones kept, in place). */
export function withCustomKeys(columns: readonly string[], keys: readonly string[]): string[] {
  return [...columns.filter((column) => !column.startsWith(customPrefix)), ...keys.map((key) => `${customPrefix}${key}`)];
}

/**
 * The custom field columns of the view on screen: a saved view keeps them on the server (with
 * the view, for every device); a built-in view, shared by everyone, in this browser per user.
 */
export function useViewColumns(userId: string, view: string, saved: { id: string; columns: string[] } | undefined): [string[], (keys: string[]) => void] {
  const [local, setLocal] = useCustomColumns(userId, view);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (columns: string[]) => unwrap(api.PATCH('/api/v1/ticket-views/{id}', { params: { path: { id: saved!.id } }, body: { columns } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ticketKeys.views() }),
  });
  if (!saved) return [local, setLocal];
  // While the change is on its way the view shows it already.
  const pending = save.isPending && save.variables ? customKeysOf(save.variables) : null;
  return [pending ?? customKeysOf(saved.columns), (keys) => save.mutate(withCustomKeys(saved.columns, keys))];
}
