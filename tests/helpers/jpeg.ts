// A real baseline JPEG, for tests that upload photos: SOI, a quantisation table, one grey
// component, Huffman tables with a single one-bit code each, and scan data in which every 8×8
// block is "DC unchanged, end of block" — a uniform mid-grey picture that decoders draw, of any size.

function segment(marker: number, body: number[]): number[] {
  const length = body.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...body];
}

export function makeJpeg(width: number, height: number): Buffer {
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // two zero bits per block, the last byte padded with ones as the format requires
  const scan = new Array<number>(Math.ceil((blocks * 2) / 8)).fill(0);
  const usedBits = blocks * 2;
  if (usedBits % 8 !== 0) scan[scan.length - 1] = 0xff >> (usedBits % 8);
  const oneCode = (tableClassAndId: number, symbol: number) => [tableClassAndId, 1, ...new Array<number>(15).fill(0), symbol];
  return Buffer.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]), // JFIF
    ...segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [...oneCode(0x00, 0x00), ...oneCode(0x10, 0x00)]),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ]);
}
