// Authentication as the API gateway does it: SDK-HMAC-SHA256 signatures (with a 15-minute clock
// skew window) or an IAM token. Signatures are recomputed with the client's public signer over
// exactly the headers the request says it signed; the tests also check them against Huawei's own
// signers (Node, Python, Go, Java) so the stand-in and our client cannot share a mistake.
import { type AkSkCredentials, signRequest } from '@dli-sdk/client';
import type { IncomingMessage } from 'node:http';
import type { Lockout } from './lockout';
import { signedPathCandidates } from './path-encoding';

/** Who the stand-in lets in: `"none"`, or these keys and tokens. */
export type AuthOptions = 'none' | { credentials?: AkSkCredentials[]; tokens?: string[] };

export interface AuthFailure {
  code: 'APIGW.0301' | 'APIGW.0303';
  message: string;
}

const SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

const SIGNATURE_MISMATCH: AuthFailure = { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: verify aksk signature fail.' };
// The wording of Huawei's gateway FAQ (apig-faq-0003), which writes the code `APIG.0301`; this
// gateway's other errors use the `APIGW.` prefix, so that one is used here (inferred).
const LOCKED: AuthFailure = { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.' };

function parseSdkDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

/** True when `signature` is what one of the request's possible canonical forms signs to. */
function signatureMatches(request: IncomingMessage, url: URL, key: AkSkCredentials, names: string[], headers: Record<string, string>, signature: string): boolean {
  for (const pathname of signedPathCandidates(url.pathname)) {
    const candidate = new URL(url);
    candidate.pathname = pathname;
    let expected: string;
    try {
      expected = signRequest({ method: request.method ?? 'GET', url: candidate, headers }, key, { signedHeaders: names }).headers.Authorization;
    } catch {
      // The signer refuses headers no client can sign (such as Authorization itself): a bad
      // signature, not a fault of the stand-in.
      return false;
    }
    if (expected.endsWith(`Signature=${signature}`)) return true;
  }
  return false;
}

/** Checks a request's credentials; returns why it is refused, or undefined when it may pass. */
export function authenticate(request: IncomingMessage, url: URL, auth: AuthOptions, now: number, lockout?: Lockout): AuthFailure | undefined {
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
  // A locked key is refused whatever it signs, as the gateway does for the lock's duration.
  if (lockout?.isLocked(ak, now)) return LOCKED;
  const refused = verify(request, url, key, signedHeaders, signature, now);
  if (refused === SIGNATURE_MISMATCH) lockout?.failed(ak, now);
  else if (refused === undefined) lockout?.succeeded(ak);
  return refused;
}

function verify(request: IncomingMessage, url: URL, key: AkSkCredentials, signedHeaders: string, signature: string, now: number): AuthFailure | undefined {
  // Temporary keys are valid only with their session token.
  if (key.securityToken !== undefined && request.headers['x-security-token'] !== key.securityToken) {
    return { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: security token invalid.' };
  }
  const names = signedHeaders.split(';');
  // Only x-sdk-date must be signed: the date is what the skew check trusts. `host` is not required,
  // as Huawei's Go SDK never signs it and the real gateway accepts that SDK.
  if (!names.includes('x-sdk-date')) return { code: 'APIGW.0301', message: 'Incorrect IAM authentication information: x-sdk-date not signed.' };
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
  return signatureMatches(request, url, key, names, headers, signature) ? undefined : SIGNATURE_MISMATCH;
}
