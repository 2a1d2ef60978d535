import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aliyunPercentEncode, aliyunRpcSignature, aliyunStringToSign } from './aliyun-signature.js';

// The worked example of Alibaba Cloud SMS' own signature document (短信服务 › HTTP 协议及签名,
// https://help.aliyun.com/document_detail/56189.html): AccessKeyId testId, AccessKeySecret
// testSecret (HMAC key "testSecret&"), a SendSms GET with a Chinese SignName and a JSON
// TemplateParam, and its published StringToSign, Signature and request URL.
const smsDocParams = {
  AccessKeyId: 'testId',
  Action: 'SendSms',
  Format: 'XML',
  OutId: '123',
  PhoneNumbers: '15300000001',
  RegionId: 'cn-hangzhou',
  SignName: '阿里云短信测试专用',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
  SignatureVersion: '1.0',
  TemplateCode: 'SMS_71390007',
  TemplateParam: '{"customer":"test"}',
  Timestamp: '2017-07-12T02:42:19Z',
  Version: '2017-05-25',
};

test('Alibaba’s SendSms example: the string to sign, byte for byte', () => {
  assert.equal(
    aliyunStringToSign('GET', smsDocParams),
    'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
  );
});

test('Alibaba’s SendSms example: the signature and the signed URL', () => {
  const signature = aliyunRpcSignature('GET', smsDocParams, 'testSecret');
  assert.equal(signature, 'zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  const query = Object.entries({ Signature: signature, ...smsDocParams })
    .map(([name, value]) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(value)}`)
    .join('&');
  assert.equal(
    `http://dysmsapi.aliyuncs.com/?${query}`,
    'http://dysmsapi.aliyuncs.com/?Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25',
  );
  // A Signature already among the parameters is not signed over.
  assert.equal(aliyunRpcSignature('GET', { ...smsDocParams, Signature: 'old' }, 'testSecret'), 'zJDF+Lrzhj/ThnlvIToysFRq6t4=');
});

// The RPC signature document's own example (ECS DescribeRegions, AccessKeySecret testsecret:
// https://help.aliyun.com/document_detail/25492.html, 签名机制), a second published value.
test('Alibaba’s RPC signature example (ECS DescribeRegions)', () => {
  const params = {
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    Format: 'XML',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    SignatureVersion: '1.0',
    Timestamp: '2016-02-23T12:46:24Z',
    Version: '2014-05-26',
  };
  assert.equal(
    aliyunStringToSign('GET', params),
    'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
  );
  assert.equal(aliyunRpcSignature('GET', params, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
});

test('percent-encoding follows Alibaba’s rules, not encodeURIComponent’s', () => {
  assert.equal(aliyunPercentEncode('a b'), 'a%20b');
  assert.equal(aliyunPercentEncode("*!'()"), '%2A%21%27%28%29');
  assert.equal(aliyunPercentEncode('-_.~'), '-_.~');
  assert.equal(aliyunPercentEncode('+/=&'), '%2B%2F%3D%26');
  assert.equal(aliyunPercentEncode('验证码'), '%E9%AA%8C%E8%AF%81%E7%A0%81');
});
