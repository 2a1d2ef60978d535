import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api/client.ts';

type FieldErrors<T> = Parameters<FormInstance<T>['setFields']>[0];

/**
 * A 400's field errors placed on the form fields they name: the server's paths (`/name`,
 * `identities/0/value`) become antd name paths (`['name']`, `['identities', 0, 'value']`).
 * The paths come from the server, so they are only as typed as the form they are meant for.
 */
export function formFieldErrors<T>(error: unknown): FieldErrors<T> {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return (error.problem.errors ?? []).flatMap((e) => {
    const name = e.path.split(/[/.]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return name.length ? [{ name, errors: [e.message] } as FieldErrors<T>[number]] : [];
  });
}
