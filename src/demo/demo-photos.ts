import { deflateSync } from 'node:zlib';

/**
 * The photos customers send in the demo's chats, drawn here as small PNGs (no image files in the
 * repository, no image library): a printer's output tray with a crumpled sheet, a UPS front panel
 * with its red alarm light. Deterministic bytes, so the attachment store keeps one copy of each.
 */
export type DemoPhoto = 'paper-jam' | 'ups-alarm';

const width = 320;
const height = 240;
type Rgb = readonly [number, number, number];

const painters: Record<DemoPhoto, (x: number, y: number) => Rgb> = {
  'paper-jam': (x, y) => {
    // A sheet skewed in the tray, with folds; the printer's grey body around it.
    const u = x - 160 + (y - 120) * 0.35;
    const v = y - 120;
    if (Math.abs(u) < 90 && Math.abs(v) < 60) return (Math.floor((u + 90) / 22) + Math.floor((v + 60) / 30)) % 2 ? [236, 236, 230] : [214, 214, 206];
    if (y > 190) return [48, 52, 58];
    return [120 + ((x * 7 + y * 3) % 9), 124, 130];
  },
  'ups-alarm': (x, y) => {
    // A black front panel with a display and a red light.
    if ((x - 230) ** 2 + (y - 80) ** 2 < 14 ** 2) return [230, 30, 30];
    if (x > 70 && x < 190 && y > 60 && y < 110) return [60, 110, 80];
    if (x > 40 && x < 280 && y > 30 && y < 210) return [28, 28, 32];
    return [200 - Math.floor(y / 6), 196, 188];
  },
};

export function demoPhotoPng(photo: DemoPhoto): Buffer {
  const paint = painters[photo];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(paint(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
