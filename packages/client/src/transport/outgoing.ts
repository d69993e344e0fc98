// What a surface asked to send, checked and normalised: GET only, no body, the client's origin
// only, headers validated and lower-cased.
import { DliValidationError } from '../errors';
import { validateHeaders } from '../validate';

export interface OutgoingRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

export function toOutgoing(input: RequestInfo | URL, init: RequestInit | undefined, origin: string): OutgoingRequest {
  const request = typeof input === 'object' && 'method' in input ? input : undefined;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  // Only GETs exist in the spec; a body or another method would be dropped or mis-signed, so refuse it.
  if (method !== 'GET') throw new DliValidationError('method', `must be GET (the API has no other operations), got ${method}`);
  if ((init?.body ?? request?.body ?? null) !== null) throw new DliValidationError('body', 'must not be given: GET requests have no body');
  const url = request ? request.url : (input as string | URL).toString();
  // A URL that starts with the origin and a `/` has that origin: no parse needed (the transport
  // parses the URL once, when it canonicalises the query).
  if (!url.startsWith(`${origin}/`) && new URL(url).origin !== origin) {
    throw new DliValidationError('baseUrl', `must be the client's endpoint origin ${origin}: credentials are never sent elsewhere`);
  }
  // The one header policy holds here too, whoever built the request: no header the client owns.
  const headers = request ? validateHeaders('headers', request.headers) : {};
  const given = init?.headers;
  if (Array.isArray(given)) {
    if (!given.every((pair: unknown) => Array.isArray(pair) && pair.length === 2)) throw new DliValidationError('headers', 'must be [name, value] pairs');
    Object.assign(headers, validateHeaders('headers', Object.fromEntries(given)));
  } else Object.assign(headers, validateHeaders('headers', given));
  return { url, method, headers, signal: init?.signal ?? request?.signal ?? undefined };
}
