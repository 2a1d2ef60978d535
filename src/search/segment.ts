/**
 * Text → search lexemes, identical on PGlite and PostgreSQL because Postgres never parses our
 * text: we hand it finished lexemes (a tsvector literal) and a finished query (`::tsquery`).
 * Postgres' own parser depends on the server's locale and treats CJK differently per engine.
 *
 * Indexed: the words of ICU's dictionary-based word segmentation (Intl.Segmenter, built into
 * Node: 客户|反映|打印|机|无法|连接|网络), every CJK bigram and single character (so a query never
 * depends on how a word happened to be segmented, and product names are found), and lower-cased
 * Latin words and numbers (HP-2000 → hp-2000, hp, 2000).
 *
 * (We used @node-rs/jieba first. The npm registry reachable by our machines and CI serves only its
 * Linux binaries, so package-lock.json cannot list the other platforms and `npm ci` refuses to
 * install. ICU needs no dependency, and the bigrams carry the matching anyway.)
 */
const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const wordRun = /[\p{L}\p{N}]+(?:[-_.@][\p{L}\p{N}]+)*/gu;
const maxLexemeLength = 100;

function isCjk(text: string): boolean {
  return cjkChar.test(text);
}

function latinWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(wordRun)) {
    const word = match[0];
    if (isCjk(word)) continue;
    words.push(word);
    if (/[-_.@]/.test(word)) words.push(...word.split(/[-_.@]+/).filter(Boolean));
  }
  return words;
}

function ngrams(run: string, n: number): string[] {
  const chars = [...run];
  const grams: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
  return grams;
}

const segmenterSlice = 500;

function slices(run: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < run.length; i += size) parts.push(run.slice(i, i + size));
  return parts;
}

/** Distinct lexemes to index for `text`. */
export function searchLexemes(text: string): string[] {
  const lexemes = new Set<string>();
  for (const match of text.matchAll(cjkRun)) {
    // Words are taken from the CJK runs only, a slice at a time: ICU's word segmenter takes time
    // that grows faster than the text (8 000 Latin words: 0.45 s; a pasted 600 KB log: minutes,
    // holding the index job), and only its CJK words are kept anyway. A word cut at a slice's
    // edge is still found through the bigrams.
    for (const slice of slices(match[0], segmenterSlice)) {
      for (const { segment, isWordLike } of wordSegmenter.segment(slice)) if (isWordLike) lexemes.add(segment);
    }
    for (const gram of ngrams(match[0], 2)) lexemes.add(gram);
    for (const gram of ngrams(match[0], 1)) lexemes.add(gram);
  }
  for (const word of latinWords(text)) lexemes.add(word);
  return [...lexemes].filter((l) => l.length <= maxLexemeLength);
}

/** A lexeme quoted for tsvector/tsquery input: any text is safe inside. */
function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const maxPosition = 16_383;

/**
 * A tsvector literal (`'word':1 'other':2`). Positions matter: without them a weight set by
 * `setweight` has nothing to attach to, and ranking could not tell a subject hit from a body hit.
 */
export function tsvectorLiteral(lexemes: readonly string[]): string {
  return lexemes.map((lexeme, i) => `${quote(lexeme)}:${Math.min(i + 1, maxPosition)}`).join(' ');
}

/**
 * A tsquery (as text) matching documents that contain every word of `text`. A run of Chinese
 * characters matches as itself or as all of its bigrams (in any segmentation); Latin words match
 * as prefixes. Null when the text has nothing searchable.
 */
export function searchQuery(text: string): string | null {
  const clauses: string[] = [];
  for (const token of text.toLowerCase().split(/\s+/)) {
    for (const run of token.match(cjkRun) ?? []) {
      const grams = ngrams(run, 2);
      clauses.push(grams.length <= 1 ? quote(run) : `(${quote(run)} | (${grams.map(quote).join(' & ')}))`);
    }
    for (const latin of latinWords(token)) clauses.push(`${quote(latin)}:*`);
  }
  const unique = [...new Set(clauses)].slice(0, 32);
  return unique.length ? unique.join(' & ') : null;
}
