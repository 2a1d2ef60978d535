import type { TFunction } from 'i18next';
import { ApiError } from '../../shared/api/client.ts';
import { describeError } from '../../shared/ui/describe-error.ts';

/** Why an upload was refused, in the server's words: the field's message (type) or the problem's title (size limit). */
export function uploadErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.status !== 0) {
    const field = error.problem.errors?.find((e) => e.message)?.message;
    if (field) return field;
    if (error.status === 413) return error.problem.title;
  }
  return describeError(error, t).message;
}

/** The image types an article shows inline (the server's list, sanitise-article.ts and article-files.ts). */
export const articleImageTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
