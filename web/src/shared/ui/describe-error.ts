import type { TFunction } from 'i18next';
import { ApiError } from '../api/client.ts';

export type DescribedError = { kind: 'network' | 'notFound' | 'forbidden' | 'conflict' | 'other'; message: string };

/**
 * Turn any failure into a sentence for the user. The server already localises problem titles
 * and field messages; network failures and the common statuses get the console's own wording.
 */
export function describeError(error: unknown, t: TFunction): DescribedError {
  if (error instanceof ApiError) {
    if (error.status === 0) return { kind: 'network', message: t('errors.network') };
    if (error.status === 404) return { kind: 'notFound', message: t('errors.notFound') };
    if (error.status === 403) return { kind: 'forbidden', message: t('errors.forbidden') };
    if (error.status === 412 || error.status === 409) return { kind: 'conflict', message: error.status === 412 ? t('errors.conflict') : error.message };
    return { kind: 'other', message: error.message };
  }
  return { kind: 'other', message: t('errors.generic', { message: error instanceof Error ? error.message : String(error) }) };
}
