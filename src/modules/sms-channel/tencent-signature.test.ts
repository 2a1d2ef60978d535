import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTc3Authorization, tc3Authorization, tc3Sign, tc3SignatureWithSigningKey } from './tencent-signature.js';

// The worked example of Tencent Cloud's 签名方法 v3 (https://cloud.tencent.com/document/api/213/30654,
// CVM DescribeInstances in ap-guangzhou, timestamp 1551113065 = 2019-02-25 16:44:25 UTC), with
// the document's own placeholder credentials — the asterisks are part of the strings — and the
// intermediate values it publishes (the same values Tencent's SDK tests and the SMS API's copy
// of the document use).
const docSecretId = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******';
const docSecretKey = 'Gu5t9xGARNpq86cd98joQYCN3*******';
const docPayload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';

const signed = tc3Sign(
  {
    method: 'POST',
    path: '/',
    query: '',
    headers: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com' },
    payload: docPayload,
    service: 'cvm',
    timestamp: 1551113065,
  },
  docSecretKey,
);

test('Tencent’s example: the canonical request and its hash', () => {
  assert.equal(
    signed.canonicalRequest,
    'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  );
  assert.equal(signed.hashedCanonicalRequest, '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
});

test('Tencent’s example: the string to sign, the signature and the Authorization header', () => {
  assert.equal(signed.stringToSign, 'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031');
  assert.equal(signed.signature, '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
  assert.equal(
    tc3Authorization(docSecretId, signed),
    'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
  );
});

// The current edition of the document (also the SMS API's copy, https://cloud.tencent.com/document/api/382/52072)
// signs X-TC-Action too (value lower-cased: describeinstances) and masks its SecretKey, but
// publishes the derived SecretSigning key, so every step but the key derivation is checked against it.
test('Tencent’s current example (X-TC-Action signed): canonical request, string to sign, and the signature from the published SecretSigning', () => {
  const current = tc3Sign(
    {
      method: 'POST',
      path: '/',
      query: '',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Host: 'cvm.tencentcloudapi.com', 'X-TC-Action': 'DescribeInstances' },
      payload: docPayload,
      service: 'cvm',
      timestamp: 1551113065,
    },
    'the masked key does not matter for the steps checked here',
  );
  assert.equal(
    current.canonicalRequest,
    'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\nx-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  );
  assert.equal(current.hashedCanonicalRequest, '7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
  assert.equal(current.stringToSign, 'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84');
  const publishedSecretSigning = Buffer.from('b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af', 'hex');
  assert.equal(tc3SignatureWithSigningKey(publishedSecretSigning, current.stringToSign), '10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f');
});

test('the credential date is the UTC date of the timestamp, not the local one', () => {
  // 2019-02-26 00:30 in Beijing is still the 25th in UTC.
  const late = tc3Sign({ method: 'POST', path: '/', query: '', headers: { host: 'sms.tencentcloudapi.com', 'content-type': 'application/json' }, payload: '{}', service: 'sms', timestamp: 1551112200 }, 'k');
  assert.equal(late.credentialScope, '2019-02-25/sms/tc3_request');
});

test('an Authorization header reads back into its parts; a malformed one does not', () => {
  assert.deepEqual(parseTc3Authorization(tc3Authorization(docSecretId, signed)), {
    secretId: docSecretId,
    credentialScope: '2019-02-25/cvm/tc3_request',
    signedHeaders: ['content-type', 'host'],
    signature: '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
  });
  assert.equal(parseTc3Authorization('TC3-HMAC-SHA256 Credential=x/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=zz'), undefined);
  assert.equal(parseTc3Authorization('Bearer abc'), undefined);
});
