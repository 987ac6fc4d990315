/**
 * Photos are shrunk on the phone before upload, so a rural 3G upload stays small: the long side to at
 * most {@link MAX_SIDE} px and re-encoded as JPEG, lowering the quality until the file fits
 * {@link TARGET_BYTES}. PDFs are sent as they are. Type and size are checked before anything is sent.
 */

export const MAX_SIDE = 2000;
/** Upload size we aim for per photo (a 12-megapixel photo ends well under this at 2,000 px). */
export const TARGET_BYTES = 600 * 1024;
const QUALITIES = [0.82, 0.72, 0.6, 0.5];

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

/** Vietnamese reason a file cannot be attached, or null when it can. */
export function fileProblem(file: { type: string; size: number }, maxBytes: number): string | null {
  const isImage = file.type.startsWith('image/');
  if (!isImage && file.type !== 'application/pdf') {
    return 'Chỉ nhận ảnh (JPG, PNG) hoặc tệp PDF.';
  }
  // Images are shrunk before upload; only a PDF is checked against the limit as it is.
  if (!isImage && file.size > maxBytes) {
    return `Tệp PDF quá lớn (${formatBytes(file.size)}). Tối đa ${formatBytes(maxBytes)} — vui lòng chụp ảnh từng trang thay thế.`;
  }
  return null;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('encode failed'))),
      'image/jpeg',
      quality,
    ),
  );
}

async function decode(blob: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(blob, { imageOrientation: 'from-image' });
    } catch {
      // Older webviews: fall back to an <img>.
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Shrinks and re-encodes a photo as JPEG; throws a Vietnamese Error when it cannot be read. */
export async function shrinkPhoto(
  blob: Blob,
): Promise<{ blob: Blob; width: number; height: number }> {
  let image: ImageBitmap | HTMLImageElement;
  try {
    image = await decode(blob);
  } catch {
    throw new Error('Không đọc được ảnh này. Vui lòng chụp lại hoặc chọn ảnh khác.');
  }
  const w = image.width;
  const h = image.height;
  const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
  const width = Math.max(1, Math.round(w * scale));
  const height = Math.max(1, Math.round(h * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Máy không xử lý được ảnh. Vui lòng thử ảnh khác.');
  // White under transparent PNG areas (JPEG has no transparency).
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  if ('close' in image) image.close();
  let out: Blob | undefined;
  for (const quality of QUALITIES) {
    out = await toBlob(canvas, quality);
    if (out.size <= TARGET_BYTES) break;
  }
  return { blob: out!, width, height };
}
