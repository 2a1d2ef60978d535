import { inflateSync } from 'node:zlib';
import { rgbPng, type Rgb } from '../../app/rgb-png.js';

/**
 * Reads a PDF back in tests (the pdfkit output of the service report, not PDF at large): objects,
 * their streams (Flate), the text of every page through each font's ToUnicode map (pdfkit writes
 * subset CID fonts, so text is glyph ids in hex: without the map there is no text), and the images.
 */
export type PdfObject = { id: number; dict: string; stream: Buffer | null };

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let match = pattern.exec(raw); match; match = pattern.exec(raw)) {
    const body = match[2]!;
    const at = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0 && body.slice(0, at).includes('/Length')) {
      dict = body.slice(0, at);
      const start = match.index + match[0].indexOf(body) + at + 'stream'.length + (body[at + 6] === '\r' ? 2 : 1);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const bytes = pdf.subarray(start, start + length);
      stream = dict.includes('/FlateDecode') && !dict.includes('/Subtype /Image') ? inflateSync(bytes) : bytes;
    }
    objects.set(Number(match[1]), { id: Number(match[1]), dict, stream });
  }
  return objects;
}

/** Every page's text, a line per text object (BT … ET), through each font's ToUnicode map. */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const lines: string[] = [];
  for (const page of [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict))) {
    const resources = objects.get(ref(page.dict, 'Resources'))!.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const [, name, id] of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const toUnicode = objects.get(ref(objects.get(Number(id))!.dict, 'ToUnicode'));
      fonts.set(name!, toUnicode?.stream ? unicodeMap(toUnicode.stream.toString('latin1')) : new Map());
    }
    const content = objects.get(ref(page.dict, 'Contents'))!.stream!.toString('latin1');
    for (const block of content.split(/\bBT\b/).slice(1)) {
      let font = new Map<number, string>();
      let line = '';
      for (const token of block.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-fA-F]+)>/g)) {
        if (token[1]) font = fonts.get(token[1]) ?? new Map();
        else for (let i = 0; i < token[2]!.length; i += 4) line += font.get(parseInt(token[2]!.slice(i, i + 4), 16)) ?? '';
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** The images drawn (XObjects of subtype Image, a PNG's alpha channel as its own /SMask left out), with their sizes. */
export function pdfImages(pdf: Buffer): Array<{ width: number; height: number }> {
  const objects = [...pdfObjects(pdf).values()];
  const masks = new Set(objects.flatMap((o) => [...o.dict.matchAll(/\/SMask (\d+) 0 R/g)].map((m) => Number(m[1]))));
  return objects
    .filter((o) => /\/Subtype \/Image/.test(o.dict) && !masks.has(o.id))
    .map((o) => ({ width: Number(/\/Width (\d+)/.exec(o.dict)?.[1]), height: Number(/\/Height (\d+)/.exec(o.dict)?.[1]) }));
}

function unicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, section] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of section!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(from!, 16), text(to!));
  }
  for (const [, section] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of section!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const start = parseInt(lo!, 16);
      const end = parseInt(hi!, 16);
      if (rest!.startsWith('[')) [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((m, i) => map.set(start + i, text(m[1]!)));
      else for (let code = start, first = parseInt(rest!.slice(1, -1), 16); code <= end; code++) map.set(code, String.fromCodePoint(first + code - start));
    }
  }
  return map;
}

/** A PNG of `width` × `height` (RGB, one colour), so the test can find an image in the PDF by its size. */
export function solidPng(width: number, height: number, rgb: Rgb = [20, 40, 160]): Buffer {
  return rgbPng(width, height, () => rgb);
}
