import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, productionScryptCost, scryptCost, unknownUserHash, verifyPassword } from './secrets.js';

// The test runner hashes passwords cheaply (OPENCSM_TEST_PASSWORD_COST=low); these guard that
// the cheap setting never leaks into a real server and that both kinds of hash verify.

test('the production password cost stays strong whatever the test switch says outside tests', () => {
  assert.ok(productionScryptCost.N >= 2 ** 15, `N=${productionScryptCost.N}`);
  assert.ok(productionScryptCost.r >= 8);
  assert.deepEqual(scryptCost({}), productionScryptCost);
  assert.deepEqual(scryptCost({ OPENCSM_TEST_PASSWORD_COST: 'low' }), productionScryptCost);
  assert.deepEqual(scryptCost({ NODE_ENV: 'production', OPENCSM_TEST_PASSWORD_COST: 'low' }), productionScryptCost);
  assert.deepEqual(scryptCost({ NODE_ENV: 'test' }), productionScryptCost);
  assert.ok(scryptCost({ NODE_ENV: 'test', OPENCSM_TEST_PASSWORD_COST: 'low' }).N < productionScryptCost.N);
});

test('a hash records its own cost, so hashes made at either cost verify', async () => {
  const cheap = await hashPassword('correct horse');
  const [, n] = cheap.split('$');
  assert.equal(Number(n), scryptCost().N);
  assert.equal(await verifyPassword('correct horse', cheap), true);
  assert.equal(await verifyPassword('wrong horse', cheap), false);

  // A hash made at the production cost (as a real database holds) verifies under the test setting too.
  const strong = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$' + (await strongKey('correct horse', 'c2FsdHNhbHRzYWx0c2FsdA=='));
  assert.equal(await verifyPassword('correct horse', strong), true);
  assert.equal(await verifyPassword('wrong horse', strong), false);
});

async function strongKey(password: string, salt: string): Promise<string> {
  const { scrypt } = await import('node:crypto');
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), 32, { ...productionScryptCost, maxmem: 128 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key.toString('base64')),
    ),
  );
}

test('an unknown email is checked against a stand-in hash of the same cost as a real account', async () => {
  // Same N/r/p as a new hash: the same time in production, and no production-strength hash per
  // unknown-email guess under the test runner's cheap setting.
  const costOf = (stored: string) => stored.split('$').slice(1, 4).map(Number);
  assert.deepEqual(costOf(unknownUserHash()), costOf(await hashPassword('any')));
  assert.deepEqual(costOf(unknownUserHash()), [scryptCost().N, scryptCost().r, scryptCost().p]);
  assert.equal(await verifyPassword('any', unknownUserHash()), false);
});
