// SDK-HMAC-SHA256 request signing. The public signers are synchronous, so they run alike in Node,
// browsers and edge runtimes: node:crypto hashes where it exists, @noble/hashes elsewhere. The
// client's transport signs with the same canonical form but hashes with node:crypto or Web Crypto.
import type { AkSkCredentials } from '../credentials';
import { DliValidationError } from '../errors';
import { describe, type HeaderPolicy, isPlainObject, validateHeaders, validateSecretString } from '../validate';
import { canonicalizeSearch, canonicalUri } from './canonical';
import { type AsyncHashing, type Hashing, nodeHashing, platformHashing, webCryptoHashing } from './hashing';

const ALGORITHM = 'SDK-HMAC-SHA256';
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

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

// The signer's share of the one header policy (validate.ts): it sets Authorization. A given
// X-Sdk-Date, Host or X-Security-Token is signed as given (Huawei's SDKs sign them so too).
const SIGNER_HEADERS: HeaderPolicy = { owned: new Map([['authorization', 'Authorization']]), rule: 'must not be given: the signer sets it' };

// Headers that would be sent other than as signed: one name twice (a runtime joins the values),
// an Authorization the signer sets, an X-Security-Token other than the credentials' own (which
// the gateway would refuse), an X-Sdk-Date the gateway cannot read.
function validateSignableHeaders(headers: unknown, credentials: AkSkCredentials): void {
  const checked = validateHeaders('request.headers', headers, SIGNER_HEADERS); // lower-case names, undefined values left out
  if ('x-sdk-date' in checked && !/^\d{8}T\d{6}Z$/.test(checked['x-sdk-date'].trim())) {
    throw new DliValidationError('request.headers.X-Sdk-Date', `must be YYYYMMDDTHHMMSSZ (UTC), got ${describe(checked['x-sdk-date'])}`);
  }
  const token = checked['x-security-token'] as string | undefined;
  if (token !== undefined && credentials.securityToken !== undefined && token.trim() !== credentials.securityToken) {
    throw new DliValidationError('request.headers.X-Security-Token', "must be the credentials' securityToken, or left out for the signer to set; value not shown");
  }
}

// The public signers take input from anywhere, so every mistake is a DliValidationError naming
// the field (never a TypeError from `new URL` or a header a runtime would refuse after signing).
// The client's own transport signs through `transportSigner`, on input it has already checked.
// Returns the parsed URL, which the signer then uses instead of parsing it again.
function validateSignable(request: SignableRequest, options: SignOptions, credentials: AkSkCredentials): URL {
  if (!isPlainObject(request)) throw new DliValidationError('request', `must be an object, got ${describe(request)}`);
  if (typeof request.method !== 'string' || !METHOD.test(request.method)) throw new DliValidationError('request.method', `must be an HTTP method token, got ${describe(request.method)}`);
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    // refused below
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) throw new DliValidationError('request.url', `must be an absolute http(s) URL, got ${describe(String(request.url))}`);
  validateSignableHeaders(request.headers, credentials);
  if (request.body !== undefined && typeof request.body !== 'string' && !(request.body instanceof Uint8Array)) {
    throw new DliValidationError('request.body', `must be a string or a Uint8Array, got ${describe(request.body)}`);
  }
  if (options.date !== undefined && !(options.date instanceof Date && Number.isFinite(options.date.getTime()))) {
    throw new DliValidationError('options.date', `must be a valid Date, got ${describe(options.date)}`);
  }
  // X-Sdk-Date has four digits for the year; toISOString writes others as ±YYYYYY.
  if (options.date && (options.date.getUTCFullYear() < 0 || options.date.getUTCFullYear() > 9999)) {
    throw new DliValidationError('options.date', `must be in the years 0000 to 9999, got ${options.date.toISOString()}`);
  }
  if (options.signedHeaders !== undefined && !(Array.isArray(options.signedHeaders) && options.signedHeaders.every((name) => typeof name === 'string'))) {
    throw new DliValidationError('options.signedHeaders', 'must be an array of header names');
  }
  return url;
}

/** Builds a {@link RequestSigner} for `credentials`; keys the HMAC once. Checks every input. */
export function createRequestSigner(credentials: AkSkCredentials): RequestSigner {
  const checked = validateAkSk(credentials);
  const sign = signerWith(checked, platformHashing);
  return (request, options = {}) => sign(request, options, validateSignable(request, options, checked));
}

/** A request's canonical form and the headers to send, before any hash is taken. */
interface Canonical {
  url: URL;
  headers: Record<string, string>;
  sdkDate: string;
  signedHeaders: string;
  /** The canonical request without its last line, the body's hash. */
  head: string;
}

// `url` is the request's URL, parsed by the caller; its query is made canonical in place.
function canonicalize(credentials: AkSkCredentials, request: SignableRequest, url: URL, options: SignOptions): Canonical {
  const headers: Record<string, string> = {};
  const lower = new Map<string, string>();
  // A caller in plain JavaScript may give a header as undefined: the header check allows it, and
  // it is left out here too (a runtime would send the text "undefined").
  for (const [name, value] of Object.entries(request.headers ?? {}) as Array<[string, string | undefined]>) {
    if (value === undefined) continue;
    headers[name] = value;
    lower.set(name.toLowerCase(), value.trim());
  }

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

  // The keys of `lower` are lower-case already; only names the caller gives need folding.
  const names = (options.signedHeaders?.map((name) => name.toLowerCase()) ?? [...lower.keys()]).sort();
  let canonicalHeaders = '';
  for (const name of names) {
    const value = lower.get(name);
    if (value === undefined) throw new DliValidationError('options.signedHeaders', `names "${name}", which the request does not have`);
    canonicalHeaders += `${name}:${value}\n`;
  }
  const signedHeaders = names.join(';');
  const query = canonicalizeSearch(url);
  const head = [request.method.toUpperCase(), canonicalUri(url.pathname), query, canonicalHeaders, signedHeaders].join('\n');
  return { url, headers, sdkDate, signedHeaders, head };
}

// An empty body hashes to EMPTY_BODY_SHA256 like an absent one.
const hasBody = (request: SignableRequest): request is SignableRequest & { body: string | Uint8Array } => request.body !== undefined;

const stringToSign = (sdkDate: string, canonicalRequestHash: string) => `${ALGORITHM}\n${sdkDate}\n${canonicalRequestHash}`;

function signed(credentials: AkSkCredentials, canonical: Canonical, canonicalRequest: string, signature: string): SignedRequest {
  const { url, headers, signedHeaders } = canonical;
  headers.Authorization = `${ALGORITHM} Access=${credentials.ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { url: url.href, headers, signedHeaders, canonicalRequest };
}

/** A signer over the given hashing (tests run every runtime's hashing through it). */
export function signerWith(
  credentials: AkSkCredentials,
  { sha256Hex, hmacSha256Hex }: Hashing,
): (request: SignableRequest, options?: SignOptions, url?: URL) => SignedRequest {
  const mac = hmacSha256Hex(credentials.sk);
  // `url` is the request's URL when the caller has parsed it already (createRequestSigner, while checking it).
  return (request, options = {}, url = new URL(request.url)) => {
    const canonical = canonicalize(credentials, request, url, options);
    const canonicalRequest = `${canonical.head}\n${hasBody(request) ? sha256Hex(request.body) : EMPTY_BODY_SHA256}`;
    return signed(credentials, canonical, canonicalRequest, mac(stringToSign(canonical.sdkDate, sha256Hex(canonicalRequest))));
  };
}

/** {@link signerWith} over asynchronous hashing (Web Crypto). */
export function asyncSignerWith(
  credentials: AkSkCredentials,
  { sha256Hex, hmacSha256Hex }: AsyncHashing,
): (request: SignableRequest, options?: SignOptions) => Promise<SignedRequest> {
  const mac = hmacSha256Hex(credentials.sk);
  return async (request, options = {}) => {
    const canonical = canonicalize(credentials, request, new URL(request.url), options);
    const canonicalRequest = `${canonical.head}\n${hasBody(request) ? await sha256Hex(request.body) : EMPTY_BODY_SHA256}`;
    return signed(credentials, canonical, canonicalRequest, await mac(stringToSign(canonical.sdkDate, await sha256Hex(canonicalRequest))));
  };
}

/**
 * The client transport's signer: node:crypto's, synchronous, where the runtime has it; Web
 * Crypto's elsewhere. Never @noble/hashes, so a browser bundle of the client leaves it out.
 */
export function transportSigner(credentials: AkSkCredentials): (request: SignableRequest) => SignedRequest | Promise<SignedRequest> {
  const node = nodeHashing();
  if (node) return signerWith(credentials, node);
  const web = webCryptoHashing();
  if (!web) {
    throw new DliValidationError(
      'credentials',
      'AK/SK signing needs Web Crypto (crypto.subtle, which browsers give only to https and localhost pages) or node:crypto; this runtime has neither',
    );
  }
  return asyncSignerWith(credentials, web);
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
