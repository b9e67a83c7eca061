// Which files a workflow step takes as photos (二看: the house, the household's labour), decided
// from the bytes alone. A file name says nothing: phones name HEIC files .jpg, clerks rename
// scans, and a renamed text file must not become "evidence". Each refusal names the file and the
// rule, in the words a township clerk can act on.

export type PhotoMime = 'image/png' | 'image/jpeg';

export interface PhotoImage {
  mime: PhotoMime;
  width: number;
  height: number;
}

/**
 * 5 MB: a 12-megapixel phone photo saved as JPEG is 2–5 MB, so every ordinary photo fits, while
 * the 20 photos of one step stay under 100 MB in a station database that is backed up daily and
 * carried on USB sticks; an uncompressed PNG screenshot or a raw scan above this is a mistake
 * worth telling the clerk about, not something to store.
 */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The same bound as the step form's list of photos: enough for every room and the fields. */
export const MAX_PHOTOS_PER_STEP = 20;

/** Beyond this a picture is no phone photo, and decoding it would take the renderer hundreds of MB. */
export const MAX_PHOTO_SIDE_PX = 10_000;

/** The steps that take photos. */
export const PHOTO_STAGES = ['inspect'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

type Parsed = { image: PhotoImage } | { truncated: PhotoMime } | null;

const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;
const u32 = (b: Uint8Array, at: number): number => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
const chunkType = (b: Uint8Array, at: number): string => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** A PNG whose chunks run from IHDR through at least one IDAT to IEND, each within the file. */
function parsePng(b: Uint8Array): Parsed {
  if (b.length < 8 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return null;
  let at = 8;
  let header: PhotoImage | null = null;
  let hasData = false;
  while (at + 8 <= b.length) {
    const length = u32(b, at);
    const type = chunkType(b, at + 4);
    const end = at + 12 + length;
    if (end > b.length) break;
    if (header === null) {
      if (type !== 'IHDR' || length !== 13) return null;
      header = { mime: 'image/png', width: u32(b, at + 8), height: u32(b, at + 12) };
    } else if (type === 'IDAT') hasData = true;
    else if (type === 'IEND') return hasData ? { image: header } : { truncated: 'image/png' };
    at = end;
  }
  return { truncated: 'image/png' };
}

// Markers without a length field: TEM and the restart markers.
const isStandalone = (m: number): boolean => m === 0x01 || (m >= 0xd0 && m <= 0xd7);
// SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
const isFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

/**
 * A JPEG walked segment by segment from SOI: a frame header gives the size, and the image is
 * complete only when EOI follows the scan data. Inside scan data 0xFF is always followed by 0x00
 * or a restart marker, so the first other marker ends the scan (and an EXIF thumbnail, being
 * inside an APP1 segment, is skipped with it). Bytes after EOI (phone makers' trailers) are allowed.
 */
function parseJpeg(b: Uint8Array): Parsed {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let at = 2;
  let frame: PhotoImage | null = null;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) return frame ? { image: frame } : null;
    if (isStandalone(marker)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) break;
    const end = at + 2 + u16(b, at + 2);
    if (end > b.length) break;
    if (isFrame(marker) && end - at >= 10) frame = { mime: 'image/jpeg', height: u16(b, at + 5), width: u16(b, at + 7) };
    at = end;
    if (marker === 0xda) {
      if (!frame) return null;
      while (at + 1 < b.length && !(b[at] === 0xff && b[at + 1] !== 0x00 && !(b[at + 1]! >= 0xd0 && b[at + 1]! <= 0xd7))) at += 1;
    }
  }
  return { truncated: 'image/jpeg' };
}

const KIND_LABEL: Record<PhotoMime, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG' };
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** What the bytes are, or why they are not a photo this step can take (naming the file). */
export function checkPhoto(fileName: string, bytes: Uint8Array): { ok: true; image: PhotoImage } | { ok: false; message: string } {
  const name = `照片「${fileName}」`;
  const refuse = (message: string) => ({ ok: false as const, message });
  if (bytes.byteLength === 0) return refuse(`${name}是空文件`);
  if (bytes.byteLength > MAX_PHOTO_BYTES) {
    return refuse(`${name}有 ${mb(bytes.byteLength)} MB，超过每张 ${MAX_PHOTO_BYTES / 1024 / 1024} MB 的上限；请用较低的分辨率重拍或压缩后再上传`);
  }
  const parsed = parsePng(bytes) ?? parseJpeg(bytes);
  if (parsed === null) return refuse(`${name}不是 JPEG 或 PNG 图片（按文件内容判断，与扩展名无关）；请上传手机拍摄的照片`);
  if ('truncated' in parsed) return refuse(`${name}不完整：${KIND_LABEL[parsed.truncated]} 文件在结尾前中断，可能没有传完或已损坏；请重新选择原图`);
  const { width, height } = parsed.image;
  if (width < 1 || height < 1 || width > MAX_PHOTO_SIDE_PX || height > MAX_PHOTO_SIDE_PX) {
    return refuse(`${name}为 ${width}×${height} 像素，长宽应在 1 到 ${MAX_PHOTO_SIDE_PX} 像素之间`);
  }
  return { ok: true, image: parsed.image };
}

/** Refuses a photo beyond the step's limit; `existing` counts the photos the step already has. */
export function photoCountProblem(fileName: string, existing: number, stageLabel: string): string | null {
  if (existing < MAX_PHOTOS_PER_STEP) return null;
  return `「${stageLabel}」最多 ${MAX_PHOTOS_PER_STEP} 张照片，已有 ${existing} 张；照片「${fileName}」未上传，请先删除不需要的照片`;
}

/**
 * The photo ids a completed step names must be this case's photos of this step, each once:
 * otherwise the step would cite another household's pictures, or one that was deleted.
 */
export function photoIdProblems(ids: readonly string[], ofStep: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(`第 ${i + 1} 张照片重复选择`);
    else if (!ofStep.has(id)) out.push(`第 ${i + 1} 张照片（${id}）不是本案件这一步上传的照片，或已被删除`);
    seen.add(id);
  });
  return out;
}
