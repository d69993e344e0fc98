// Turns an HTTP answer into either a parsed JSON body or one of our typed errors. The body is
// read and parsed once, here; the Response then hands the parsed value to whichever surface
// asks for it.
import { DliApiError, DliResponseError } from '../errors';
import { parseRetryAfter } from './retry';

const EXCERPT_LENGTH = 200;

function excerpt(text: string): string {
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstString(body: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = body[key];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

// Huawei's SDKs read the code/message pair in this order of names.
const CODE_KEYS = ['error_code', 'errorCode', 'code'] as const;
const MESSAGE_KEYS = ['error_msg', 'errorMsg', 'message'] as const;

function apiError(response: Response, text: string, requestId: string | undefined): DliApiError {
  const parsed = tryParseJson(text);
  const body = isObject(parsed) ? parsed : undefined;
  return new DliApiError({
    status: response.status,
    code: body && firstString(body, CODE_KEYS),
    message:
      (body && firstString(body, MESSAGE_KEYS)) ??
      `HTTP ${response.status}${text ? `: ${excerpt(text)}` : ''}`,
    requestId: requestId ?? (body && firstString(body, ['request_id'])),
    body: parsed ?? text,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/**
 * Checks an answer whose body has been read: HTTP ≥ 400 and `is_success: false` become
 * DliApiError, a body that is not a JSON object becomes DliResponseError.
 */
export function interpretResponse(response: Response, text: string): Response {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  if (response.status >= 400) throw apiError(response, text, requestId);
  const parsed = tryParseJson(text);
  if (!isObject(parsed)) {
    const what = parsed === undefined ? 'is not JSON' : 'is not a JSON object';
    throw new DliResponseError(`response body ${what}`, { status: response.status, requestId, excerpt: excerpt(text) });
  }
  if (parsed.is_success === false) {
    throw new DliApiError({
      status: response.status,
      code: firstString(parsed, CODE_KEYS),
      message: firstString(parsed, MESSAGE_KEYS) ?? 'DLI answered is_success: false',
      requestId: requestId ?? firstString(parsed, ['request_id']),
      body: parsed,
    });
  }
  // The body has been read; the same Response now serves what was read, parsed once, to
  // whichever surface asks (the generated runtime calls json(), openapi-fetch json() or text()).
  Object.defineProperties(response, {
    json: { value: () => Promise.resolve(parsed) },
    text: { value: () => Promise.resolve(text) },
  });
  return response;
}
