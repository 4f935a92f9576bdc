import type { Readable } from 'node:stream';
import sharp from 'sharp';

/** Image types the platform can read, resize and clean (HEIC is not among them: libvips here has no HEVC decoder). */
const IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/tiff']);
/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_PX = 320;
/** Images with more pixels than this are not decoded (a decompression bomb). */
const MAX_PIXELS = 100_000_000;

/** Whether a stored file is an image the platform can thumbnail and clean. */
export function isImage(contentType: string): boolean {
  return IMAGES.has(contentType);
}

/**
 * A JPEG thumbnail of an image, at most 320 pixels on its longest side, turned upright from its
 * EXIF orientation and carrying no metadata (no location, no camera details).
 */
export async function thumbnail(source: Readable): Promise<Buffer> {
  const pipeline = sharp({ limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true });
  source.pipe(pipeline);
  return pipeline.toBuffer();
}

/**
 * An image as it is served: the same picture and format, turned upright, with its metadata
 * (EXIF GPS location, camera, XMP, comments) left out. The stored original is kept untouched.
 */
export function withoutMetadata(source: Readable, contentType: string): Readable {
  const pipeline = sharp({ limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
  const format =
    contentType === 'image/png'
      ? pipeline.png()
      : contentType === 'image/webp'
        ? pipeline.webp({ quality: 95 })
        : contentType === 'image/tiff'
          ? pipeline.tiff()
          : pipeline.jpeg({ quality: 95 });
  source.on('error', (error) => format.destroy(error));
  return source.pipe(format);
}

/** The longest side of a picture in a PDF, in pixels (about 240 dpi across an A4 page's text width). */
export const PDF_PICTURE_PX = 1600;

/**
 * An image as a case PDF embeds it: upright, at most 1600 pixels on its longest side, as JPEG
 * (PNG kept as PNG, for diagrams and screenshots), with no metadata, and its size in pixels.
 */
export async function pdfPicture(
  source: Readable,
  contentType: string,
): Promise<{ data: Buffer; width: number; height: number }> {
  const pipeline = sharp({ limitInputPixels: MAX_PIXELS, failOn: 'error' })
    .rotate()
    .resize(PDF_PICTURE_PX, PDF_PICTURE_PX, { fit: 'inside', withoutEnlargement: true });
  const format =
    contentType === 'image/png' ? pipeline.png() : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82 });
  source.on('error', (error) => format.destroy(error));
  source.pipe(format);
  const { data, info } = await format.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
