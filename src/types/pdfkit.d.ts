/**
 * The part of pdfkit (0.20, which ships no types) the service report uses. Kept narrow on purpose:
 * a call outside it is a type error here, not a guess at runtime.
 */
declare module 'pdfkit' {
  import type { Readable } from 'node:stream';

  type TextOptions = { width?: number; align?: 'left' | 'center' | 'right' | 'justify'; continued?: boolean; lineGap?: number };
  type ImageOptions = { width?: number; height?: number; fit?: [number, number]; align?: 'center' | 'left' | 'right'; valign?: 'center' | 'top' | 'bottom' };

  export default class PDFDocument extends Readable {
    constructor(options?: { size?: string | [number, number]; margin?: number; compress?: boolean; info?: Record<string, string | Date>; autoFirstPage?: boolean; bufferPages?: boolean });
    x: number;
    y: number;
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } };
    registerFont(name: string, src: string | Buffer, family?: string): this;
    font(name: string): this;
    fontSize(size: number): this;
    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    moveDown(lines?: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    rect(x: number, y: number, width: number, height: number): this;
    stroke(): this;
    image(src: Buffer | string, x: number, y: number, options?: ImageOptions): this;
    addPage(): this;
    end(): void;
  }
}
