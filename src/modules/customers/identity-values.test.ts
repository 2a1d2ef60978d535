import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { comparableEmail, comparableName, comparableOrganizationName } from './duplicates.js';
import { formatPhone, normaliseEmail, normaliseIdentity, normalisePhone } from './identity-values.js';

/** Identity values without a database: how phones, emails and names are made comparable. */

function expectPhones(expected: string | null, inputs: readonly string[]) {
  for (const input of inputs) assert.equal(normalisePhone(input), expected, `normalisePhone(${JSON.stringify(input)})`);
}

describe('normalisePhone', () => {
  test('a mainland mobile written any way becomes one E.164 number', () => {
    expectPhones('+8613800138000', [
      '13800138000',
      '138 0013 8000',
      '138-0013-8000',
      '+86-138-0013-8000',
      '+86 138 0013 8000',
      '0086 13800138000',
      '0086-138-0013-8000',
      '(+86) 138-0013-8000',
      '１３８００１３８０００', // full-width digits from a Chinese input method
      '＋８６ １３８ ００１３ ８０００',
      '  13800138000  ',
      '86 138 0013 8000', // `?phone=+86…` unencoded in a query string arrives as ` 86…`
    ]);
  });

  test('a landline with its area code drops the trunk 0', () => {
    expectPhones('+8675588886666', ['0755-88886666', '0755 8888 6666', '(0755) 8888-6666', '+86 755 8888 6666', '+86 (0)755 8888 6666', '0086 755 88886666']);
    expectPhones('+861012345678', ['010-12345678', '(010) 1234 5678', '+86 10 1234 5678']);
  });

  test('an extension is kept as ;ext= so colleagues behind one switchboard stay apart', () => {
    expectPhones('+861012345678;ext=123', ['010-12345678 转 123', '010-12345678转123', '010 1234 5678 分机 123', '010-12345678 分机123', '+86 10 1234 5678 转 123']);
    expectPhones('+861012345678;ext=12', ['010-12345678 ext. 12', '010-12345678 ext 12', '010-12345678 EXT.12', '010-12345678x12', '010-12345678 #12']);
    assert.notEqual(normalisePhone('010-12345678 转 123'), normalisePhone('010-12345678 转 124'));
    assert.notEqual(normalisePhone('010-12345678 转 123'), normalisePhone('010-12345678'));
  });

  test('400 and 800 numbers', () => {
    expectPhones('+864008008888', ['400-800-8888', '4008008888', '400 800 8888']);
    expectPhones('+868008208820', ['800-820-8820']);
  });

  test('Hong Kong and other countries keep their country code', () => {
    expectPhones('+85221234567', ['+852 2123 4567', '00852 2123 4567', '00852-21234567', '+852-2123-4567']);
    expectPhones('+16502530000', ['+1 650 253 0000', '001 650-253-0000']);
    assert.notEqual(normalisePhone('+852 2123 4567'), normalisePhone('2123 4567'), 'without +852 it is not a Hong Kong number');
  });

  test('service numbers stay as their digits', () => {
    expectPhones('95588', ['95588', '955 88']);
    expectPhones('12345', ['12345']);
    expectPhones('10086', ['10086', '１００８６']);
    expectPhones('110', ['110']);
  });

  test('garbage, too short and impossible numbers are not phones', () => {
    expectPhones(null, ['', '   ', 'abc', 'n/a', '12', '1', '1380013800', '138001380001', '+86 138', 'hello 12345', '张三', '+999 1234 5678']);
  });
});

describe('formatPhone', () => {
  test('mainland numbers read nationally, others internationally, extensions the Chinese way', () => {
    assert.equal(formatPhone('+8613800138000'), '138 0013 8000');
    assert.equal(formatPhone('+8675588886666'), '0755 8888 6666');
    assert.equal(formatPhone('+861012345678;ext=123'), '010 1234 5678 转 123');
    assert.equal(formatPhone('+864008008888'), '400 800 8888');
    assert.equal(formatPhone('+85221234567'), '+852 2123 4567');
    assert.equal(formatPhone('95588'), '95588');
  });

  test('a phone identity keeps the formatted number as its display', () => {
    assert.deepEqual(normaliseIdentity('phone', '+86-138-0013-8000'), { value: '+8613800138000', display: '138 0013 8000' });
    assert.deepEqual(normaliseIdentity('phone', '010-12345678 分机 8'), { value: '+861012345678;ext=8', display: '010 1234 5678 转 8' });
    assert.equal(normaliseIdentity('phone', 'not a phone'), null);
  });
});

describe('normaliseEmail', () => {
  test('case and surrounding space do not make another address', () => {
    assert.equal(normaliseEmail('Li.Si@Example.COM'), 'li.si@example.com');
    assert.equal(normaliseEmail('  wang@corp.cn '), 'wang@corp.cn');
    assert.equal(normaliseEmail('ＡＢ@example.com'), 'ab@example.com', 'full-width letters');
    assert.equal(normaliseEmail('li.si+work@example.com'), 'li.si+work@example.com', 'a +tag is part of the address (duplicates compare it away)');
  });

  test('invalid addresses are null', () => {
    for (const bad of ['', 'bad', 'a@b', '@example.com', 'a b@example.com', 'a@@example.com', 'li si@corp.cn']) assert.equal(normaliseEmail(bad), null, JSON.stringify(bad));
  });

  test('an email identity keeps what was typed as its display', () => {
    assert.deepEqual(normaliseIdentity('email', ' Li.Si@Example.COM '), { value: 'li.si@example.com', display: 'Li.Si@Example.COM' });
  });
});

describe('platform identities', () => {
  test('are opaque and case-sensitive; only surrounding space goes', () => {
    assert.deepEqual(normaliseIdentity('wechat_openid', ' o6_bmjrPTlm6_2sgVt7hMZOPfL2M '), { value: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', display: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' });
    assert.notEqual(normaliseIdentity('dingtalk_userid', 'Manager4711')!.value, normaliseIdentity('dingtalk_userid', 'manager4711')!.value);
    assert.equal(normaliseIdentity('wecom_external_userid', 'has space'), null);
    assert.equal(normaliseIdentity('wechat_unionid', 'x'.repeat(129)), null);
  });
});

describe('comparable names for duplicate detection', () => {
  test('comparableName ignores width, case, spacing and separators', () => {
    assert.equal(comparableName('张 伟'), comparableName('张伟'));
    assert.equal(comparableName('ＺＨＡＮＧ wei'), 'zhangwei');
    assert.equal(comparableName('Zhang-Wei'), 'zhangwei');
    assert.equal(comparableName('王·小明'), '王小明');
    assert.notEqual(comparableName('王小明'), comparableName('王小红'));
  });

  test('comparableEmail: case and +tag everywhere, dots only for Gmail', () => {
    assert.equal(comparableEmail('Li.Si+work@Gmail.com'), 'lisi@gmail.com');
    assert.equal(comparableEmail('l.i.s.i@googlemail.com'), 'lisi@googlemail.com');
    assert.equal(comparableEmail('li.si+crm@corp.cn'), 'li.si@corp.cn');
    assert.equal(comparableEmail('LI.SI@corp.cn'), 'li.si@corp.cn');
    assert.notEqual(comparableEmail('li.si@corp.cn'), comparableEmail('lisi@corp.cn'), 'dots matter outside Gmail');
    assert.notEqual(comparableEmail('lisi@gmail.com'), comparableEmail('lisi@corp.cn'));
  });

  test('comparableOrganizationName drops legal forms and bracketed places', () => {
    assert.equal(comparableOrganizationName('华强电子（深圳）有限公司'), '华强电子');
    assert.equal(comparableOrganizationName('华强电子(深圳)有限责任公司'), '华强电子');
    assert.equal(comparableOrganizationName('华强电子集团有限公司'), '华强电子');
    assert.equal(comparableOrganizationName('华强电子股份有限公司'), '华强电子');
    // A leading place is part of the name; the duplicate finder matches it by containment.
    assert.equal(comparableOrganizationName('深圳华强电子有限公司'), '深圳华强电子');
    assert.ok(comparableOrganizationName('深圳华强电子有限公司').includes(comparableOrganizationName('华强电子集团有限公司')));
    assert.equal(comparableOrganizationName('Huaqiang Electronics Co., Ltd.'), comparableOrganizationName('HUAQIANG ELECTRONICS LTD'));
    assert.equal(comparableOrganizationName('Acme Inc.'), 'acme');
    assert.notEqual(comparableOrganizationName('华为技术有限公司'), comparableOrganizationName('华强电子有限公司'));
  });
});
