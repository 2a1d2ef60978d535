import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchLexemes, searchQuery } from './segment.js';

test('Chinese text yields words, bigrams and characters', () => {
  const lexemes = searchLexemes('客户反映打印机无法连接网络');
  for (const expected of ['打印', '印机', '网络', '连接', '机无', '络']) assert.ok(lexemes.includes(expected), expected);
});

test('Latin words are lower-cased; compound tokens also split', () => {
  const lexemes = searchLexemes('The Printer is offline: HP-2000 at ops@example.com');
  for (const expected of ['printer', 'offline', 'hp-2000', 'hp', '2000', 'ops@example.com', 'example']) assert.ok(lexemes.includes(expected), expected);
});

test('a query requires every word; Chinese words match whole or by bigrams, Latin by prefix', () => {
  assert.equal(searchQuery('打印机'), "('打印机' | ('打印' & '印机'))");
  assert.equal(searchQuery('网络 Printer'), "'网络' & 'printer':*");
  assert.equal(searchQuery('   ，。!!'), null);
});

test('quotes and backslashes cannot break out of a lexeme', () => {
  const query = searchQuery("o'brien \\ '||'")!;
  assert.ok(!query.includes("o'b"));
  assert.match(query, /'o':\*/);
});

test('tsvector literals quote every lexeme and number positions from 1', async () => {
  const { tsvectorLiteral } = await import('./segment.js');
  assert.equal(tsvectorLiteral(["o'b", 'a\\b', '网络']), "'o''b':1 'a\\\\b':2 '网络':3");
});

test('long texts: Chinese words far into a long run are segmented, and Latin text next to Chinese keeps both', () => {
  // The segmenter reads CJK runs a slice at a time; words anywhere in a long run are still found.
  const run = `${'的'.repeat(1234)}客户反映${'的'.repeat(777)}`;
  const lexemes = searchLexemes(`${run} error code E-42 ${'deadbeef '.repeat(5000)}网络`);
  for (const expected of ['客户', '反映', '户反', 'e-42', 'deadbeef', '网络']) assert.ok(lexemes.includes(expected), expected);
  assert.ok(!lexemes.some((l) => l.length > 100));
});
