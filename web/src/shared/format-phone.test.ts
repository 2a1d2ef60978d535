import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPhone } from './format-phone.ts';

test('mainland mobiles are grouped 3-4-4', () => {
  assert.equal(formatPhone('+8613800138000'), '138 0013 8000');
  assert.equal(formatPhone('+8619912345678'), '199 1234 5678');
});

test('landlines get their trunk 0 and area code back', () => {
  assert.equal(formatPhone('+8675588886666'), '0755 8888 6666');
  assert.equal(formatPhone('+861012345678'), '010 1234 5678');
  assert.equal(formatPhone('+862161234567'), '021 6123 4567');
  assert.equal(formatPhone('+865718123456'), '0571 812 3456', 'seven-digit subscriber numbers');
});

test('extensions are kept the Chinese way', () => {
  assert.equal(formatPhone('+8675588886666;ext=801'), '0755 8888 6666 转 801');
});

test('anything else is shown as stored', () => {
  assert.equal(formatPhone('+14155550123'), '+14155550123');
  assert.equal(formatPhone('95588'), '95588');
  assert.equal(formatPhone('+86123'), '+86123');
  assert.equal(formatPhone(''), '');
});

test('numbers as typed or sent by a phone system read like stored ones', () => {
  assert.equal(formatPhone('18635647349'), '186 3564 7349');
  assert.equal(formatPhone('+86 186 3564 7349'), '186 3564 7349');
  assert.equal(formatPhone('0755-8888 6666'), '0755 8888 6666');
  assert.equal(formatPhone('(010) 1234 5678'), '010 1234 5678');
  assert.equal(formatPhone('+8618635647349'), '186 3564 7349');
  assert.equal(formatPhone('客户没留号码'), '客户没留号码');
});
