import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Invalid, PreconditionRequired } from '../errors.js';
import { ifMatchVersion, matchesEtag, optionalIfMatchVersion } from './if-match.js';

test('If-Match names a version as "7", W/"7" or 7; absent is undefined, or a 428 with the caller\'s key when required', () => {
  for (const header of ['"7"', 'W/"7"', '7', ' "7" ']) assert.equal(ifMatchVersion(header, 'ticket.if_match_required'), 7, header);
  assert.equal(optionalIfMatchVersion(undefined), undefined);
  assert.throws(() => ifMatchVersion(undefined, 'ticket.if_match_required'), (error: unknown) => error instanceof PreconditionRequired && error.code === 'ticket.if_match_required');
});

test('anything else is a 400 at If-Match with the caller\'s key', () => {
  for (const header of ['"abc"', '*', '"7", "8"', '"1234567890"']) {
    assert.throws(
      () => optionalIfMatchVersion(header, 'article.if_match_invalid'),
      (error: unknown) => error instanceof Invalid && error.errors?.[0]?.path === 'If-Match' && error.errors[0].code === 'article.if_match_invalid',
      header,
    );
  }
});

test('If-None-Match matches a strong ETag in a list, or *', () => {
  assert.equal(matchesEtag('"forms-3"', '"forms-3"'), true);
  assert.equal(matchesEtag('"forms-2", "forms-3"', '"forms-3"'), true);
  assert.equal(matchesEtag('*', '"forms-3"'), true);
  assert.equal(matchesEtag('"forms-2"', '"forms-3"'), false);
  assert.equal(matchesEtag(undefined, '"forms-3"'), false);
});
