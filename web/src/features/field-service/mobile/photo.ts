/** The longest side a site photo keeps: enough to read a nameplate, small enough for a weak signal. */
export const photoLongSide = 1600;

/** The size a photo of `width` × `height` is drawn at (never enlarged). */
export function photoSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, photoLongSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * A camera photo made fit to send: scaled down on the phone, stamped with the time, the place and
 * the work order's number, and re-encoded from the canvas as JPEG. A canvas holds pixels only, so
 * nothing of the camera's EXIF (GPS, device, owner) survives the re-encoding.
 */
export async function preparePhoto(file: Blob, watermark: readonly string[]): Promise<Blob> {
  // createImageBitmap applies the EXIF orientation, so the stamp lands upright.
  const bitmap = await createImageBitmap(file);
  const { width, height } = photoSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const fontSize = Math.max(14, Math.round(width / 36));
  const lineHeight = Math.round(fontSize * 1.35);
  const band = lineHeight * watermark.length + fontSize;
  context.fillStyle = 'rgba(0, 0, 0, 0.45)';
  context.fillRect(0, height - band, width, band);
  context.fillStyle = '#fff';
  context.font = `${fontSize}px sans-serif`;
  context.textBaseline = 'top';
  watermark.forEach((line, i) => context.fillText(line, fontSize / 2, height - band + fontSize / 2 + i * lineHeight, width - fontSize));
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', 0.82));
}
