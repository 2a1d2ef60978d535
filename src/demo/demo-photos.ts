import { rgbPng, type Rgb } from '../app/rgb-png.js';

/**
 * The photos customers send in the demo's chats, drawn here as small PNGs (no image files in the
 * repository, no image library): a printer's output tray with a crumpled sheet, a UPS front panel
 * with its red alarm light. Deterministic bytes, so the attachment store keeps one copy of each.
 */
export type DemoPhoto = 'paper-jam' | 'ups-alarm';

const width = 320;
const height = 240;

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
  return rgbPng(width, height, painters[photo]);
}
