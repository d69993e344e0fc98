// Authentication as the API gateway does it: SDK-HMAC-SHA256 signatures (with a 15-minute clock
// skew window) or an IAM token. Signatures are recomputed with the client's public signer;
// the tests also check them against Huawei's own signer so both cannot share a mistake.
import { type AkSkCredentials, signRequest } from '@dli-sdk/client';
import type { IncomingMessage } from 'node:http';

/** Who the stand-in lets in: `"none"`, or these keys and tokens. */
export type AuthOptions = 'none' | { credentials?: AkSkCredentials[]; tokens?: string[] };

export interface AuthFailure {
  code: 'APIGW.0301' | 'APIGW.0303';
  message: string;
}

const SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

const SIGNATURE_MISMATCH: AuthFailure = { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: verify aksk signature fail.' };

function parseSdkDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/** Checks a request's credentials; returns why it is refused, or undefined when it may pass. */
export function authenticate(request: IncomingMessage, url: URL, auth: AuthOptions, now = Date.now()): AuthFailure | undefined {
  if (auth === 'none') return undefined;
  // Any credential present must be valid: a good token does not excuse a bad signature.
  const token = request.headers['x-auth-token'];
  if (typeof token === 'string' && !auth.tokens?.includes(token)) {
    return { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: token invalid.' };
  }
  if (typeof token === 'string' && request.headers.authorization === undefined) return undefined;
  // Stryker disable next-line StringLiteral: any text the pattern refuses would do as the absent header's stand-in
  const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (!match) return { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: Authorization header missing or malformed.' };
  const [, ak, signedHeaders, signature] = match;
  const key = auth.credentials?.find((c) => c.ak === ak);
  if (!key) return { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: unknown access key.' };
  // Temporary keys are valid only with their session token.
  if (key.securityToken !== undefined && request.headers['x-security-token'] !== key.securityToken) {
    return { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: security token invalid.' };
  }
  const names = signedHeaders.split(';');
  // Like the gateway: host and x-sdk-date must be signed, or a signature could be replayed elsewhere.
  for (const required of ['host', 'x-sdk-date']) {
    if (!names.includes(required)) return { code: 'APIGW.0301', message: `Incorrect IAM authentication information: ${required} not signed.` };
  }
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = request.headers[name];
    if (typeof value !== 'string') return { code: 'APIGW.0301', message: `Incorrect IAM authentication information: signed header ${name} missing.` };
    headers[name] = value;
  }
  const date = parseSdkDate(headers['x-sdk-date']);
  if (!(Math.abs(now - date) <= SKEW_MS)) {
    return { code: 'APIGW.0303', message: 'Incorrect app authentication information: the request time differs from the server time by more than 15 minutes.' };
  }
  let expected: string;
  try {
    expected = signRequest({ method: request.method ?? 'GET', url, headers }, key, { signedHeaders: names }).headers.Authorization;
  } catch {
    // The signer refuses headers no client can sign (such as Authorization itself): a bad signature,
    // not a fault of the stand-in.
    return SIGNATURE_MISMATCH;
  }
  return expected.endsWith(`Signature=${signature}`) ? undefined : SIGNATURE_MISMATCH;
}
