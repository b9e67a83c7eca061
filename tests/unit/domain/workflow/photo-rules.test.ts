import { describe, expect, it } from 'vitest';
import { checkPhoto, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_STEP, photoCountProblem, photoIdProblems } from '../../../../electron/core/domain/workflow/photo-rules';
import { makePng } from '../../../helpers/png';
import { makeJpeg } from '../../../helpers/jpeg';

const grey = (): [number, number, number] => [128, 128, 128];
const messageOf = (r: ReturnType<typeof checkPhoto>) => (r.ok ? null : r.message);

/** A JPEG with an EXIF-like APP1 segment holding its own small JPEG (as phone photos do) and a trailer after EOI. */
function phoneLikeJpeg(): Buffer {
  const main = makeJpeg(40, 30);
  const thumb = makeJpeg(8, 8);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), thumb]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([main.subarray(0, 2), app1, main.subarray(2), Buffer.from('trailer-data')]);
}

describe('photo rules: the bytes decide, not the file name', () => {
  it('takes a JPEG and a PNG, with their sizes read from the headers', () => {
    expect(checkPhoto('房屋正面.jpg', makeJpeg(640, 480))).toEqual({ ok: true, image: { mime: 'image/jpeg', width: 640, height: 480 } });
    expect(checkPhoto('厨房.png', makePng(30, 20, grey))).toEqual({ ok: true, image: { mime: 'image/png', width: 30, height: 20 } });
    expect(checkPhoto('手机.jpg', phoneLikeJpeg())).toEqual({ ok: true, image: { mime: 'image/jpeg', width: 40, height: 30 } });
  });

  it('a PNG named .jpg is a PNG; a JPEG named .png is a JPEG', () => {
    expect(checkPhoto('IMG_0001.jpg', makePng(12, 9, grey))).toEqual({ ok: true, image: { mime: 'image/png', width: 12, height: 9 } });
    expect(checkPhoto('scan.png', makeJpeg(16, 16))).toMatchObject({ ok: true, image: { mime: 'image/jpeg' } });
  });

  it('refuses a text file named .jpg, an empty file and a file that only starts like an image', () => {
    expect(messageOf(checkPhoto('房屋.jpg', Buffer.from('这不是照片，是一段文字', 'utf8')))).toBe('照片「房屋.jpg」不是 JPEG 或 PNG 图片（按文件内容判断，与扩展名无关）；请上传手机拍摄的照片');
    expect(messageOf(checkPhoto('空.jpg', new Uint8Array(0)))).toBe('照片「空.jpg」是空文件');
    // JPEG start, then garbage where the next marker should be
    expect(messageOf(checkPhoto('x.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0x12, 0x34, 0x56])))).toContain('不是 JPEG 或 PNG 图片');
    // a PNG signature whose first chunk is not IHDR
    const png = makePng(4, 4, grey);
    const noHeader = Buffer.from(png);
    noHeader.write('ABCD', 12, 'latin1');
    expect(messageOf(checkPhoto('x.png', noHeader))).toContain('不是 JPEG 或 PNG 图片');
  });

  it('refuses a truncated JPEG and a truncated PNG, wherever they were cut', () => {
    const jpeg = makeJpeg(64, 64);
    for (const cut of [4, 20, jpeg.length - 6, jpeg.length - 1]) {
      expect(messageOf(checkPhoto('半张.jpg', jpeg.subarray(0, cut)))).toBe('照片「半张.jpg」不完整：JPEG 文件在结尾前中断，可能没有传完或已损坏；请重新选择原图');
    }
    const png = makePng(32, 32, (x, y) => [x * 8, y * 8, 0]);
    for (const cut of [20, 40, png.length - 12, png.length - 1]) {
      expect(messageOf(checkPhoto('半张.png', png.subarray(0, cut)))).toContain('照片「半张.png」不完整：PNG 文件在结尾前中断');
    }
    // a JPEG whose scan starts before any frame header has no size: not a photo
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x00, 0xff, 0xd9]);
    expect(messageOf(checkPhoto('x.jpg', noFrame))).toContain('不是 JPEG 或 PNG 图片');
  });

  it('refuses a photo over 5 MB and accepts one just under it', () => {
    const png = makePng(8, 8, grey);
    const iend = png.subarray(png.length - 12);
    // pad with an ancillary chunk so the file stays a complete PNG of the wanted size
    const padded = (total: number) => {
      const pad = total - png.length - 12;
      const head = Buffer.alloc(8);
      head.writeUInt32BE(pad, 0);
      head.write('tEXt', 4, 'latin1');
      return Buffer.concat([png.subarray(0, png.length - 12), head, Buffer.alloc(pad), Buffer.alloc(4), iend]);
    };
    expect(checkPhoto('大.png', padded(MAX_PHOTO_BYTES)).ok).toBe(true);
    expect(messageOf(checkPhoto('大.png', padded(MAX_PHOTO_BYTES + 1)))).toBe('照片「大.png」有 5.0 MB，超过每张 5 MB 的上限；请用较低的分辨率重拍或压缩后再上传');
    expect(messageOf(checkPhoto('更大.jpg', new Uint8Array(7 * 1024 * 1024)))).toContain('有 7.0 MB，超过每张 5 MB 的上限');
  });

  it('refuses impossible sizes: zero or beyond 10000 pixels', () => {
    expect(messageOf(checkPhoto('零.jpg', makeJpeg(0, 10)))).toBe('照片「零.jpg」为 0×10 像素，长宽应在 1 到 10000 像素之间');
    expect(messageOf(checkPhoto('长.jpg', makeJpeg(12_000, 8)))).toContain('为 12000×8 像素');
  });
});

describe('photo count and the ids a completed step names', () => {
  it('takes the twentieth photo and refuses the twenty-first', () => {
    expect(photoCountProblem('a.jpg', MAX_PHOTOS_PER_STEP - 1, '二看')).toBeNull();
    expect(photoCountProblem('第21张.jpg', MAX_PHOTOS_PER_STEP, '二看')).toBe('「二看」最多 20 张照片，已有 20 张；照片「第21张.jpg」未上传，请先删除不需要的照片');
  });

  it('names each id that is repeated or not this step\'s photo', () => {
    const mine = new Set(['p1', 'p2']);
    expect(photoIdProblems(['p1', 'p2'], mine)).toEqual([]);
    expect(photoIdProblems([], mine)).toEqual([]);
    expect(photoIdProblems(['p1', 'p1', 'other'], mine)).toEqual(['第 2 张照片重复选择', '第 3 张照片（other）不是本案件这一步上传的照片，或已被删除']);
  });
});
