// SDK-HMAC-SHA256 request signing. Synchronous, so the one implementation runs in Node, browsers
// and edge runtimes; node:crypto hashes where it exists, @noble/hashes elsewhere.
import { DliValidationError } from '../errors';
import { describe, isPlainObject, validateHeaders, validateSecretString } from '../validate';
import { canonicalQueryString, canonicalUri, parseQuery } from './canonical';
import { type Hashing, platformHashing } from './hashing';

const ALGORITHM = 'SDK-HMAC-SHA256';
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A permanent or temporary (with `securityToken`) Huawei Cloud access key. */
export interface AkSkCredentials {
  /** Access key id. */
  ak: string;
  /** Secret access key. Never sent, logged or put in an error. */
  sk: string;
  /** Session token of temporary credentials, sent as `X-Security-Token`. */
  securityToken?: string;
}

/** A request to sign. */
export interface SignableRequest {
  method: string;
  /** Absolute URL. Its query is re-encoded canonically; send the returned `url`. */
  url: string | URL;
  /** Headers to sign and send (besides `host` and `X-Sdk-Date`, which are always signed). */
  headers?: Record<string, string>;
  /** Exact body bytes (a string is taken as UTF-8). */
  body?: string | Uint8Array;
}

/** Options of {@link signRequest}. */
export interface SignOptions {
  /** Signing time; defaults to now. An `X-Sdk-Date` header in the request wins over it. */
  date?: Date;
  /**
   * Lower-case names of the headers to sign. Defaults to every header given plus `host` and
   * `x-sdk-date` (and `x-security-token` for temporary credentials).
   */
  signedHeaders?: readonly string[];
}

/** The signed request: send exactly this URL with these headers. */
export interface SignedRequest {
  /** The URL with its query in canonical form. */
  url: string;
  /** The request's headers plus `X-Sdk-Date`, `Authorization` and, if any, `X-Security-Token`. */
  headers: Record<string, string>;
  /** The `SignedHeaders` list of the `Authorization` header. */
  signedHeaders: string;
  /** The canonical request that was hashed: compare it with the gateway's when a signature is refused. */
  canonicalRequest: string;
}

/** Formats a date as `YYYYMMDDTHHMMSSZ` (UTC), the form `X-Sdk-Date` takes. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Signs requests with one key; keys the HMAC once, for clients that sign every request. */
export type RequestSigner = (request: SignableRequest, options?: SignOptions) => SignedRequest;

// RFC 9110 token: what a method may be made of.
const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function validateAkSk(credentials: unknown): AkSkCredentials {
  if (!isPlainObject(credentials)) throw new DliValidationError('credentials', `must be { ak, sk, securityToken? }, got ${describe(credentials)}`);
  const ak = validateSecretString('credentials.ak', credentials.ak, true);
  const sk = validateSecretString('credentials.sk', credentials.sk, false);
  if (credentials.securityToken === undefined) return { ak, sk };
  return { ak, sk, securityToken: validateSecretString('credentials.securityToken', credentials.securityToken, true) };
}

// The public signers take input from anywhere, so every mistake is a DliValidationError naming
// the field (never a TypeError from `new URL` or a header a runtime would refuse after signing).
// The client's own transport signs through `signerWith`, on input it has already checked.
// Returns the parsed URL, which the signer then uses instead of parsing it again.
function validateSignable(request: SignableRequest, options: SignOptions): URL {
  if (!isPlainObject(request)) throw new DliValidationError('request', `must be an object, got ${describe(request)}`);
  if (typeof request.method !== 'string' || !METHOD.test(request.method)) throw new DliValidationError('request.method', `must be an HTTP method token, got ${describe(request.method)}`);
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    // refused below
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) throw new DliValidationError('request.url', `must be an absolute http(s) URL, got ${describe(String(request.url))}`);
  validateHeaders('request.headers', request.headers);
  if (request.body !== undefined && typeof request.body !== 'string' && !(request.body instanceof Uint8Array)) {
    throw new DliValidationError('request.body', `must be a string or a Uint8Array, got ${describe(request.body)}`);
  }
  if (options.date !== undefined && !(options.date instanceof Date && Number.isFinite(options.date.getTime()))) {
    throw new DliValidationError('options.date', `must be a valid Date, got ${describe(options.date)}`);
  }
  if (options.signedHeaders !== undefined && !(Array.isArray(options.signedHeaders) && options.signedHeaders.every((name) => typeof name === 'string'))) {
    throw new DliValidationError('options.signedHeaders', 'must be an array of header names');
  }
  return url;
}

/** Builds a {@link RequestSigner} for `credentials`; keys the HMAC once. Checks every input. */
export function createRequestSigner(credentials: AkSkCredentials): RequestSigner {
  const sign = parsedSigner(validateAkSk(credentials), platformHashing);
  return (request, options = {}) => sign(request, validateSignable(request, options), options);
}

/** A signer over the given hashing (tests run every runtime's hashing through it). */
export function signerWith(credentials: AkSkCredentials, hashing: Hashing): RequestSigner {
  const sign = parsedSigner(credentials, hashing);
  return (request, options = {}) => sign(request, new URL(request.url), options);
}

// Signs `request`, whose URL is `url`, parsed by the caller (and changed here: its query is made canonical).
function parsedSigner(credentials: AkSkCredentials, { sha256Hex, hmacSha256Hex }: Hashing) {
  const mac = hmacSha256Hex(credentials.sk);
  return (request: SignableRequest, url: URL, options: SignOptions): SignedRequest => {
    const headers: Record<string, string> = { ...request.headers };
    const lower = new Map<string, string>();
    for (const [name, value] of Object.entries(headers)) lower.set(name.toLowerCase(), value.trim());

    let sdkDate = lower.get('x-sdk-date');
    if (sdkDate === undefined) {
      sdkDate = formatSdkDate(options.date ?? new Date());
      headers['X-Sdk-Date'] = sdkDate;
      lower.set('x-sdk-date', sdkDate);
    }
    if (credentials.securityToken !== undefined && !lower.has('x-security-token')) {
      headers['X-Security-Token'] = credentials.securityToken;
      lower.set('x-security-token', credentials.securityToken);
    }
    if (!lower.has('host')) lower.set('host', url.host);

    const names = (options.signedHeaders ?? [...lower.keys()]).map((name) => name.toLowerCase()).sort();
    let canonicalHeaders = '';
    for (const name of names) {
      const value = lower.get(name);
      if (value === undefined) throw new DliValidationError('options.signedHeaders', `names "${name}", which the request does not have`);
      canonicalHeaders += `${name}:${value}\n`;
    }
    const signedHeaders = names.join(';');

    const query = canonicalQueryString(parseQuery(url.search));
    const bodyHash =
      request.body === undefined || request.body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(request.body);
    const canonicalRequest = [
      request.method.toUpperCase(),
      canonicalUri(url.pathname),
      query,
      canonicalHeaders,
      signedHeaders,
      bodyHash,
    ].join('\n');
    const signature = mac(`${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonicalRequest)}`);

    headers.Authorization = `${ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    // Re-serialising a URL is not free; most queries are already canonical.
    if (query === '' || url.search !== `?${query}`) url.search = query;
    return { url: url.href, headers, signedHeaders, canonicalRequest };
  };
}

/**
 * Signs a request with Huawei Cloud's `SDK-HMAC-SHA256` algorithm, as the API gateway of every
 * Huawei Cloud service verifies it.
 *
 * @example
 * ```ts
 * const signed = signRequest(
 *   { method: 'GET', url: 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections?limit=10',
 *     headers: { 'Content-Type': 'application/json' } },
 *   { ak: process.env.HUAWEICLOUD_SDK_AK!, sk: process.env.HUAWEICLOUD_SDK_SK! },
 * );
 * await fetch(signed.url, { headers: signed.headers });
 * ```
 */
export function signRequest(
  request: SignableRequest,
  credentials: AkSkCredentials,
  options: SignOptions = {},
): SignedRequest {
  return createRequestSigner(credentials)(request, options);
}
