/**
 * Text → search documents and queries, identical on PGlite and PostgreSQL because Postgres never
 * parses our text: we hand it a finished tsvector literal and a finished `::tsquery`. (Postgres'
 * own parser depends on the server's locale and treats CJK differently per engine.)
 *
 * Exactness is the goal: a search for a string finds the tickets containing that string.
 *  - Text is cut into runs at script boundaries, so Latin words and numbers written against
 *    Chinese are words of their own ("用app点的" → app; "等了40分钟" → 40).
 *  - Every Chinese character is indexed, alone and as a bigram with the next one, at its character
 *    offset; Latin words and numbers are indexed at their offsets too, and so is every suffix of a
 *    number (200元 is found in 1200元, as a substring search would). Latin letters match as
 *    prefixes of words (print → printer), not inside them (pad does not find iPad). A query becomes a phrase
 *    whose elements sit at the distances they have in the query (`<->`, `<N>`), so 一个小时 must
 *    appear contiguously (not 三个小时…一个办公室) and 40分钟 means 40 right before 分钟.
 *
 * (We used @node-rs/jieba first, then ICU's word segmenter. Neither is needed now: bigrams with
 * positions match any substring, whatever a segmenter would have made of it.)
 */

/**
 * Which segmentation wrote a stored document. Raise it whenever a change to this file changes the
 * documents: stored documents of an older version are rebuilt in the background (tickets'
 * reindex-stale-search.ts), so an upgrade needs no manual step. 1: ICU words and bigrams without
 * positions; 2: script runs with character positions (issue 13).
 */
export const searchSegmenterVersion = 2;

const cjkChar = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const wordChar = /[\p{L}\p{N}]/u;
/** Inside a Latin word these join its parts: HP-2000, ops@example.com, v1.2, snake_case. */
const joiners = new Set(['-', '_', '.', '@']);
const maxLexemeLength = 100;

type Kind = 'cjk' | 'word' | 'other';
const kindOf = (ch: string): Kind => {
  const code = ch.codePointAt(0)!;
  // ASCII without a regular expression: most of a pasted log.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 'word' : 'other';
  return cjkChar.test(ch) ? 'cjk' : wordChar.test(ch) ? 'word' : 'other';
};

/** One searchable unit at a character offset: a CJK character, a CJK bigram, or a Latin word. */
export type Unit = { lexeme: string; offset: number; kind: 'cjk' | 'word' };

/**
 * A field is indexed up to this many characters: the 1 MB tsvector fills long before (a pasted
 * 860 KB log took 4.8 s to cut whole, holding the index job, for lexemes that were then dropped).
 */
const maxIndexedCharacters = 200_000;

/** Lower-cased, NFKC (full-width ＫＦＣ and ４０ become KFC and 40), as code points. */
function characters(text: string): string[] {
  return Array.from(text.slice(0, maxIndexedCharacters).normalize('NFKC').toLowerCase());
}

/** The end (exclusive) of the Latin word starting at `start`, joiners included when inside it. */
function wordEnd(chars: readonly string[], kinds: readonly Kind[], start: number): number {
  let end = start;
  while (end < chars.length) {
    if (kinds[end] === 'word') end++;
    else if (joiners.has(chars[end]!) && kinds[end + 1] === 'word' && end > start) end++;
    else break;
  }
  return end;
}

/**
 * The units of a text for the index: every CJK character and bigram, every Latin word (a compound
 * like hp-2000 also as its parts hp and 2000, each at its own offset).
 */
function indexUnits(text: string): { units: Unit[]; length: number } {
  const chars = characters(text);
  const kinds = chars.map(kindOf);
  const units: Unit[] = [];
  let i = 0;
  while (i < chars.length) {
    const kind = kinds[i]!;
    if (kind === 'cjk') {
      units.push({ lexeme: chars[i]!, offset: i, kind });
      if (kinds[i + 1] === 'cjk') units.push({ lexeme: chars[i]! + chars[i + 1]!, offset: i, kind });
      i++;
    } else if (kind === 'word') {
      const end = wordEnd(chars, kinds, i);
      const word = chars.slice(i, end).join('');
      units.push({ lexeme: word, offset: i, kind });
      units.push(...numberSuffixes(chars, i, end));
      if ([...word].some((c) => joiners.has(c))) {
        let partStart = i;
        for (let k = i; k <= end; k++) {
          if (k === end || joiners.has(chars[k]!)) {
            if (k > partStart && (partStart !== i || k !== end)) units.push({ lexeme: chars.slice(partStart, k).join(''), offset: partStart, kind });
            partStart = k + 1;
          }
        }
      }
      i = end;
    } else i++;
  }
  return { units: units.filter((u) => u.lexeme.length <= maxLexemeLength), length: chars.length };
}

/**
 * Digits inside a word are searched like Chinese characters, as substrings: 200元 is in 1200元 and
 * 42 in E42. Every suffix of a digit run is indexed at its own offset (the run's start is covered
 * by the word itself, or by the query's prefix match). Runs longer than a phone number are not:
 * their suffixes would grow with the square of the length.
 */
const maxSuffixedDigits = 16;
function numberSuffixes(chars: readonly string[], start: number, end: number): Unit[] {
  const units: Unit[] = [];
  let k = start;
  while (k < end) {
    if (!/\p{Nd}/u.test(chars[k]!)) {
      k++;
      continue;
    }
    let runEnd = k;
    while (runEnd < end && /\p{Nd}/u.test(chars[runEnd]!)) runEnd++;
    if (runEnd - k <= maxSuffixedDigits) {
      for (let s = k === start ? k + 1 : k; s < runEnd; s++) units.push({ lexeme: chars.slice(s, runEnd).join(''), offset: s, kind: 'word' });
    }
    k = runEnd;
  }
  return units;
}

/** Distinct lexemes of `text` (for tests and diagnostics; the index uses `searchDocument`). */
export function searchLexemes(text: string): string[] {
  return [...new Set(indexUnits(text).units.map((u) => u.lexeme))];
}

/** A lexeme quoted for tsvector/tsquery input: any text is safe inside. */
function quote(lexeme: string): string {
  // Most lexemes need no escaping: skip the two replaces (a third of the time of a document).
  if (!lexeme.includes("'") && !lexeme.includes('\\')) return `'${lexeme}'`;
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * Positions in a tsvector run from 1 to 16 383 and a lexeme keeps at most 256 of them. Offsets
 * past the range wrap around (rather than all piling up on 16 383), so adjacency — what phrase
 * queries test — still holds deep into a long ticket.
 */
const positionRange = 16_000;
const maxPositionsPerLexeme = 256;
/** A tsvector holds at most 1 MB: stop adding occurrences before that (the rest is not searchable). */
const maxDocumentBytes = 900_000;
/** Fields are this many positions apart, so a phrase never spans the end of one and the start of the next. */
const fieldGap = 8;

export type SearchField = { text: string; weight: 'A' | 'B' | 'C' | 'D' };

/** How a field's text becomes units: `indexUnits`, or the same with a memo (`sentenceMemo`). */
export type FieldSegmenter = (text: string) => { units: readonly Unit[]; length: number };

/**
 * `indexUnits` remembering each sentence it has cut, for many texts built from the same sentences
 * (`opencsm bench-data`: cutting every generated ticket whole cost ~0.4 ms, most of the load).
 * Exact: a text is split only after sentence punctuation or white space, which no unit spans (a
 * CJK bigram needs two CJK characters, a Latin word word characters or joiners), so its units
 * are its sentences' units, each shifted by the sentence's offset. Sentences are cut after NFKC
 * as a whole text is, and the memo grows with the distinct sentences seen: for generated data.
 */
export function sentenceMemo(): FieldSegmenter {
  const memo = new Map<string, { units: readonly Unit[]; length: number }>();
  const cut = (sentence: string) => {
    let known = memo.get(sentence);
    if (!known) memo.set(sentence, (known = indexUnits(sentence)));
    return known;
  };
  return (text) => {
    // Long texts hit the character limit of `characters`; cut them whole, as the index job does.
    if (text.length > 10_000) return indexUnits(text);
    const units: Unit[] = [];
    let length = 0;
    for (const sentence of text.split(/(?<=[。！？；，、!?;,\s])/u)) {
      const part = cut(sentence);
      for (const unit of part.units) units.push(length === 0 ? unit : { ...unit, offset: unit.offset + length });
      length += part.length;
    }
    return { units, length };
  };
}

/**
 * A tsvector literal for several fields (subject A, description B, messages C): `'打印':3A,17C …`.
 * Weights travel inside the literal, and every field has its own range of offsets.
 */
export function searchDocument(fields: readonly SearchField[], segment: FieldSegmenter = indexUnits): string {
  const positions = new Map<string, string[]>();
  let base = 0;
  let bytes = 0;
  for (const field of fields) {
    const { units, length } = segment(field.text);
    for (const unit of units) {
      let list = positions.get(unit.lexeme);
      if (!list) {
        bytes += Buffer.byteLength(unit.lexeme) + 8;
        positions.set(unit.lexeme, (list = []));
      }
      if (list.length >= maxPositionsPerLexeme) continue;
      bytes += 2;
      if (bytes > maxDocumentBytes) break;
      list.push(`${((base + unit.offset) % positionRange) + 1}${field.weight}`);
    }
    base += length + fieldGap;
  }
  return [...positions].filter(([, list]) => list.length > 0).map(([lexeme, list]) => `${quote(lexeme)}:${list.join(',')}`).join(' ');
}

/** A tsvector literal of bare lexemes (`'word':1 'other':2`), positions in order. */
export function tsvectorLiteral(lexemes: readonly string[]): string {
  return lexemes.map((lexeme, i) => `${quote(lexeme)}:${Math.min(i + 1, positionRange)}`).join(' ');
}

/** The elements of one query word and their offsets: the phrase the document must contain. */
function phraseElements(word: string): Array<{ operand: string; offset: number }> {
  const chars = characters(word);
  const kinds = chars.map(kindOf);
  const elements: Array<{ operand: string; offset: number; latin: boolean }> = [];
  let i = 0;
  while (i < chars.length) {
    const kind = kinds[i]!;
    if (kind === 'cjk') {
      let end = i;
      while (kinds[end] === 'cjk') end++;
      if (end - i === 1) elements.push({ operand: quote(chars[i]!), offset: i, latin: false });
      for (let k = i; k + 1 < end; k++) elements.push({ operand: quote(chars[k]! + chars[k + 1]!), offset: k, latin: false });
      i = end;
    } else if (kind === 'word') {
      const end = wordEnd(chars, kinds, i);
      const latin = chars.slice(i, end).join('');
      if (latin.length <= maxLexemeLength) elements.push({ operand: quote(latin), offset: i, latin: true });
      i = end;
    } else i++;
  }
  // A Latin word at the end of what was typed may be unfinished (print → printer): a prefix.
  // Anywhere else it is bounded by Chinese or punctuation in the query, so it is matched whole.
  const last = elements.at(-1);
  if (last?.latin && kinds.at(-1) === 'word') last.operand += ':*';
  return elements;
}

/** Longest phrase we build: a tsquery phrase of hundreds of elements is slow to evaluate. */
const maxPhraseElements = 64;

/**
 * A tsquery (as text) matching documents that contain every whitespace-separated word of `text`,
 * each as a contiguous phrase. Null when the text has nothing searchable.
 */
export function searchQuery(text: string): string | null {
  const clauses: string[] = [];
  for (const word of text.split(/\s+/)) {
    const elements = phraseElements(word).slice(0, maxPhraseElements);
    if (elements.length === 0) continue;
    let phrase = elements[0]!.operand;
    for (let k = 1; k < elements.length; k++) {
      const distance = elements[k]!.offset - elements[k - 1]!.offset;
      phrase = `${phrase} ${distance === 1 ? '<->' : `<${distance}>`} ${elements[k]!.operand}`;
    }
    clauses.push(elements.length > 1 ? `(${phrase})` : phrase);
  }
  const unique = [...new Set(clauses)].slice(0, 32);
  return unique.length ? unique.join(' & ') : null;
}

/** The same query restricted to subject hits (weight A): "hit in the subject first". */
export function subjectQuery(tsquery: string): string {
  // Every operand of our queries is a quoted lexeme, optionally `:*`; give each the weight A.
  return tsquery.replace(/('(?:[^']|'')*')(:\*)?/g, (_m, lexeme: string, prefix?: string) => `${lexeme}:${prefix ? '*' : ''}A`);
}
