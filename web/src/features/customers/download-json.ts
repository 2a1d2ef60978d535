/** Save `data` as a pretty-printed JSON file through the browser's download. */
export function downloadJson(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after click() returns: release the blob a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
