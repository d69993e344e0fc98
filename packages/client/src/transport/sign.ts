// SDK-HMAC-SHA256 request signing. Synchronous and without dependencies, so the one
// implementation runs in Node, browsers and edge runtimes; node:crypto hashes where it exists.
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

/** Builds a {@link RequestSigner} for `credentials`. */
export function createRequestSigner(credentials: AkSkCredentials): RequestSigner {
  return signerWith(credentials, platformHashing);
}

/** A signer over the given hashing (tests run every runtime's hashing through it). */
export function signerWith(credentials: AkSkCredentials, { sha256Hex, hmacSha256Hex }: Hashing): RequestSigner {
  const mac = hmacSha256Hex(credentials.sk);
  return (request, options = {}) => {
    const url = new URL(request.url);
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
      if (value === undefined) throw new Error(`signedHeaders names "${name}", which the request does not have`);
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
