import { createHash, createHmac } from 'node:crypto';

/**
 * Tencent Cloud API signature v3 (TC3-HMAC-SHA256), as published in 签名方法 v3
 * (cloud.tencent.com/document/api/213/30654 for CVM; the SMS API's copy is
 * cloud.tencent.com/document/api/382/52072). The test reproduces the document's worked CVM
 * DescribeInstances example, intermediate values included:
 * 1. CanonicalRequest = METHOD \n URI \n QUERY \n canonical headers (`name:value\n`, both
 *    lower-cased and trimmed, sorted by name) \n signed header names (`;`-joined) \n hex(SHA256(payload));
 * 2. StringToSign = "TC3-HMAC-SHA256" \n timestamp \n `date/service/tc3_request` \n hex(SHA256(CanonicalRequest)),
 *    the date being the UTC date of the timestamp;
 * 3. key = HMAC chain "TC3"+SecretKey → date → service → "tc3_request"; Signature = hex(HMAC(key, StringToSign));
 * 4. Authorization = `TC3-HMAC-SHA256 Credential=SecretId/scope, SignedHeaders=…, Signature=…`.
 */
export type Tc3Request = {
  method: 'GET' | 'POST';
  /** Canonical URI: "/" for the API gateway. */
  path: string;
  /** For GET: the query string as sent (already URL-encoded); "" for POST. */
  query: string;
  /** The headers to sign, by name (any case); at least content-type and host. */
  headers: Record<string, string>;
  payload: string;
  service: string;
  /** Unix seconds, the X-TC-Timestamp header. */
  timestamp: number;
};

export type Tc3Signed = {
  canonicalRequest: string;
  hashedCanonicalRequest: string;
  stringToSign: string;
  credentialScope: string;
  signedHeaders: string;
  signature: string;
};

export const tc3Algorithm = 'TC3-HMAC-SHA256';

export function tc3Sign(request: Tc3Request, secretKey: string): Tc3Signed {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().toLowerCase()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    request.method,
    request.path,
    request.query,
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    sha256Hex(request.payload),
  ].join('\n');
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10);
  const credentialScope = `${date}/${request.service}/tc3_request`;
  const hashedCanonicalRequest = sha256Hex(canonicalRequest);
  const stringToSign = [tc3Algorithm, String(request.timestamp), credentialScope, hashedCanonicalRequest].join('\n');
  const signature = tc3SignatureWithSigningKey(tc3SigningKey(secretKey, date, request.service), stringToSign);
  return { canonicalRequest, hashedCanonicalRequest, stringToSign, credentialScope, signedHeaders, signature };
}

/** SecretSigning = HMAC(HMAC(HMAC("TC3" + SecretKey, date), service), "tc3_request"). */
export function tc3SigningKey(secretKey: string, date: string, service: string): Buffer {
  return hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
}

export function tc3SignatureWithSigningKey(signingKey: Buffer, stringToSign: string): string {
  return createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
}

export function tc3Authorization(secretId: string, signed: Tc3Signed): string {
  return `${tc3Algorithm} Credential=${secretId}/${signed.credentialScope}, SignedHeaders=${signed.signedHeaders}, Signature=${signed.signature}`;
}

/** Reads an Authorization header back into its parts (the fake server verifies with it). */
export function parseTc3Authorization(header: string): { secretId: string; credentialScope: string; signedHeaders: string[]; signature: string } | undefined {
  const match = /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2}\/[^/,\s]+\/tc3_request), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(header);
  if (!match || !match[1] || !match[2] || !match[3] || !match[4]) return undefined;
  return { secretId: match[1], credentialScope: match[2], signedHeaders: match[3].split(';'), signature: match[4] };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
