import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Text → search lexemes, identical on PGlite and PostgreSQL because Postgres never parses our
 * text: we hand it finished lexemes (`array_to_tsvector`) and a finished query (`::tsquery`).
 * Postgres' own parser depends on the server's locale and treats CJK differently per engine.
 *
 * Indexed: jieba's search-mode words (打印机 → 打印, 印机, 打印机), every CJK bigram and single
 * character (so words jieba does not know, like product names, are still found), and lower-cased
 * Latin words and numbers (HP-2000 → hp-2000, hp, 2000).
 */
let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

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

/** Distinct lexemes to index for `text`. */
export function searchLexemes(text: string): string[] {
  const lexemes = new Set<string>();
  for (const token of segmenter().cutForSearch(text, true)) {
    const word = token.trim().toLowerCase();
    if (word && isCjk(word) && [...word].every((c) => isCjk(c))) lexemes.add(word);
  }
  for (const match of text.matchAll(cjkRun)) {
    for (const gram of ngrams(match[0], 2)) lexemes.add(gram);
    for (const gram of ngrams(match[0], 1)) lexemes.add(gram);
  }
  for (const word of latinWords(text)) lexemes.add(word);
  return [...lexemes].filter((l) => l.length <= maxLexemeLength);
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A tsquery (as text) matching documents that contain every word of `text`. A Chinese word
 * matches as itself or as all of its bigrams; Latin words match as prefixes. Null when the text
 * has nothing searchable.
 */
export function searchQuery(text: string): string | null {
  const clauses: string[] = [];
  for (const token of segmenter().cut(text, true)) {
    const word = token.trim().toLowerCase();
    if (!word) continue;
    for (const run of word.match(cjkRun) ?? []) {
      const grams = ngrams(run, 2);
      clauses.push(grams.length <= 1 ? quote(run) : `(${quote(run)} | (${grams.map(quote).join(' & ')}))`);
    }
    for (const latin of latinWords(word)) clauses.push(`${quote(latin)}:*`);
  }
  const unique = [...new Set(clauses)].slice(0, 32);
  return unique.length ? unique.join(' & ') : null;
}
