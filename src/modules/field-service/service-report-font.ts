import { access } from 'node:fs/promises';

/**
 * The CJK font the PDF service report embeds (a subset: only the glyphs the report uses, ~5 kB per
 * report for a page of Chinese text). Not shipped in the package (a CJK font is 10–20 MB): the
 * system's, in the order a Debian/Ubuntu or RHEL server has them — WenQuanYi Zen Hei is what the
 * browser tests install (`fonts-wqy-zenhei`); Noto Sans CJK (`fonts-noto-cjk`) is the other common one.
 * A `.ttc` collection names the face to take.
 */
const candidates: ReadonlyArray<{ path: string; face?: string }> = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
];

export type ReportFont = { path: string; face?: string };

let found: Promise<ReportFont | null> | undefined;

/** The first installed CJK font, looked up once per process; null when none is (the report then says so in its log line). */
export function findReportFont(): Promise<ReportFont | null> {
  found ??= (async () => {
    for (const candidate of candidates) {
      if (await access(candidate.path).then(() => true, () => false)) return candidate;
    }
    return null;
  })();
  return found;
}
