/**
 * The errors the client throws. Every one is an `instanceof DliError` with a stable `name`
 * (`AbortError` for DliAbortError, so generic abort checks keep working).
 * None of them ever holds request headers, so credentials cannot leak through `message`,
 * `cause`, `toJSON()` or `util.inspect`.
 */

// The ESM and the CJS build each define these classes; an error made by one must still be an
// `instanceof` the other's class (an app can load both through its dependencies). Every class
// marks its prototype with a brand shared through the global symbol registry, and `instanceof`
// matches brands along the prototype chain.
import type { EnhancedConnection } from '@dli-sdk/types';

const BRAND = Symbol.for('@dli-sdk/client.error-class');

function brand(target: { prototype: object }, name: string): void {
  Object.defineProperty(target.prototype, BRAND, { value: name });
}

/**
 * How the call that failed went, as smithy's `$metadata`: the attempts made (0 when the error came
 * before any request was sent), and the HTTP status and request id of the answer, when one came.
 */
export interface DliErrorMetadata {
  /** Attempts made, the first included; 0 when the error came before any request. */
  readonly attempts: number;
  /** HTTP status of the last answer; undefined when none came. */
  readonly httpStatus: number | undefined;
  /** `X-Request-Id` (or the body's `request_id`) of the last answer, to quote to Huawei support. */
  readonly requestId: string | undefined;
}

/** Base class of every error thrown by `@dli-sdk/client`. */
export class DliError extends Error {
  override name = 'DliError';
  /** How the call went; set by the transport for every error of a request it sent. */
  $metadata: DliErrorMetadata = { attempts: 0, httpStatus: undefined, requestId: undefined };

  /** Also true for errors made by the other module format's copy of the class (ESM or CJS). */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const wanted = Object.getOwnPropertyDescriptor(this.prototype, BRAND)?.value as string | undefined;
    try {
      for (let proto: unknown = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
        if (proto === this.prototype) return true;
        if (wanted !== undefined && Object.getOwnPropertyDescriptor(proto, BRAND)?.value === wanted) return true;
      }
    } catch {
      // A Proxy whose traps throw (an abort reason can be one): not an error of ours.
    }
    return false;
  }

  /** A plain, secret-free object for logs. */
  toJSON(): Record<string, unknown> {
    const { stack: _stack, cause: _cause, ...fields } = this as Record<string, unknown>;
    return { ...fields, name: this.name, message: this.message };
  }
}

// How DLI words "does not exist" in its English and Chinese messages ("is not exist", "does not
// exist", "不存在").
const SAYS_NOT_EXIST = /\bnot exist|不存在/i;

// C0 and C1 controls, DEL and the bidirectional overrides: what can drive a terminal or reorder text.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * DLI (or its API gateway) answered with an error: an HTTP status ≥ 400, or a 2xx body with
 * `is_success: false`.
 */
export class DliApiError extends DliError {
  override name = 'DliApiError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** Error code such as `DLI.0002` or `APIGW.0301`, when the body carried one. */
  readonly code: string | undefined;
  /** Id to quote to Huawei support: the `X-Request-Id` header, else the body's `request_id`. */
  readonly requestId: string | undefined;
  /** The parsed error body (or the raw text when it was not JSON). */
  readonly body: unknown;
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  /** Made by the client from an error answer; exported for `instanceof`, not for construction. */
  constructor(
    init: Pick<DliApiError, 'status' | 'code' | 'requestId' | 'body' | 'message'> & Partial<Pick<DliApiError, 'retryAfterMs'>>,
  ) {
    // The server's words reach logs and terminals: its control characters are shown escaped
    // (`body` keeps them as sent).
    super(init.message.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
    this.$metadata = { attempts: 1, httpStatus: init.status, requestId: init.requestId };
  }

  /**
   * True when the answer says the object is not there: HTTP 404 (the API gateway; Huawei's
   * Terraform provider reads it as "gone"), or HTTP 400 with `DLI.0002` ("the object does not
   * exist"), or HTTP 400 with `DLI.0001` whose message says the object does not exist
   * ("Connection … is not exist"). `DLI.0001` alone is DLI's generic "parameter check failed", so
   * its message decides. No Huawei source documents the show operation's not-found answer; these
   * are the answers its sources make likely.
   *
   * A connection can also be returned with `status: "DELETED"`: see `isDeleted`.
   */
  get isNotFound(): boolean {
    if (this.status === 404) return true;
    if (this.status !== 400) return false;
    return this.code === 'DLI.0002' || (this.code === 'DLI.0001' && SAYS_NOT_EXIST.test(this.message));
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, ... */
export class DliNetworkError extends DliError {
  override name = 'DliNetworkError';
  // Not useless: it makes `cause` required, since a network error always has one.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(message: string, options: { cause: unknown }) {
    super(message, options);
  }
}

/** An attempt took longer than its `timeoutMs`. */
export class DliTimeoutError extends DliNetworkError {
  override name = 'DliTimeoutError';
  /** The per-attempt timeout that was exceeded, in milliseconds. */
  readonly timeoutMs: number;
  constructor(timeoutMs: number, options: { cause: unknown }) {
    super(`request timed out after ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** A successful status came with a body that is not JSON, or not the documented shape. */
export class DliResponseError extends DliError {
  override name = 'DliResponseError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** The `X-Request-Id` header, when present. */
  readonly requestId: string | undefined;
  /** The first characters of the body, for diagnosis. */
  readonly excerpt: string;
  constructor(message: string, init: { status: number; requestId: string | undefined; excerpt: string }) {
    // The excerpt is JSON-quoted so control characters in it stay escaped; an empty one says nothing.
    super(`${message} (HTTP ${init.status})${init.excerpt === '' ? '' : `: ${JSON.stringify(init.excerpt)}`}`);
    this.status = init.status;
    this.requestId = init.requestId;
    this.excerpt = init.excerpt;
    this.$metadata = { attempts: 1, httpStatus: init.status, requestId: init.requestId };
  }
}

/** An argument was rejected before any request was sent. */
export class DliValidationError extends DliError {
  override name = 'DliValidationError';
  /** The argument that was rejected, such as `query.limit` or `projectId`. */
  readonly field: string;
  /** The rule it broke, in words. */
  readonly rule: string;
  constructor(field: string, rule: string) {
    super(`${field} ${rule}`);
    this.field = field;
    this.rule = rule;
  }
}

/** The server's pages did not advance (it ignores `offset`), so walking on would never end. */
export class DliPaginationError extends DliError {
  override name = 'DliPaginationError';
  /** Offset of the page that repeated items already seen. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/**
 * The caller's signal aborted the request, its retries or a walk. `cause` is the signal's reason.
 * Its `name` is `AbortError`, so code that checks `error.name === 'AbortError'` keeps working.
 */
export class DliAbortError extends DliError {
  override name = 'AbortError';
  constructor(reason: unknown) {
    super(`aborted: ${reasonText(reason)}`, { cause: reason });
  }
}

// A reason can be anything a caller passed to abort(): an object without a prototype (String
// throws on it), a Proxy whose every trap throws, a getter that throws. Its words, when it has
// any, else its type: making the error must never throw.
function reasonText(reason: unknown): string {
  try {
    if (typeof reason === 'object' && reason !== null) {
      const { message } = reason as { message?: unknown };
      return typeof message === 'string' ? message : Object.prototype.toString.call(reason);
    }
    return String(reason);
  } catch {
    return `a reason that cannot be shown (${typeof reason})`;
  }
}

/**
 * The server answered with a redirect (3xx). Redirects are never followed, so credentials never
 * reach another origin and another origin's answer is never taken for DLI's.
 */
export class DliRedirectError extends DliError {
  override name = 'DliRedirectError';
  /** HTTP status of the answer (0 where a browser hides a redirect). */
  readonly status: number;
  /** The `Location` the server pointed to, when the runtime exposes it. */
  readonly location: string | undefined;
  /** The `X-Request-Id` header, when present. */
  readonly requestId: string | undefined;
  constructor(init: { status: number; location: string | undefined; requestId: string | undefined }) {
    super(
      `the server answered HTTP ${init.status} redirecting to ${init.location ?? '(hidden location)'}; redirects are not followed, so that credentials stay with their origin`,
    );
    this.status = init.status;
    this.location = init.location;
    this.requestId = init.requestId;
    this.$metadata = { attempts: 1, httpStatus: init.status, requestId: init.requestId };
  }
}

/** The kind and name of a queue or elastic resource pool bound to a connection, with its `err_msg`. */
export interface DliBinding {
  /** `queue` (from `available_queue_info`) or `pool` (from `elastic_resource_pools`). */
  readonly kind: 'queue' | 'pool';
  readonly name: string;
  /** The binding's status as DLI reported it. */
  readonly status: string;
  /** DLI's detail of a failure (`err_msg`); empty when it gave none. */
  readonly errMsg: string;
}

/** Escapes control characters of server text, as DliApiError does for its message. */
function shown(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A wait for a connection ended in a state that can no longer become the one waited for: a
 * queue or pool binding turned `FAILED` (`binding` holds DLI's `err_msg`), or the connection was
 * deleted while the wait was for it to be active.
 */
export class DliWaitFailedError extends DliError {
  override name = 'DliWaitFailedError';
  /** The connection waited for. */
  readonly connectionId: string;
  /** Why the wait cannot succeed. */
  readonly reason: 'binding-failed' | 'deleted';
  /** The binding that failed, when `reason` is `binding-failed`. */
  readonly binding: DliBinding | undefined;
  /** The connection as last seen (without `$metadata`). */
  readonly connection: EnhancedConnection;
  constructor(init: { connectionId: string; reason: 'binding-failed' | 'deleted'; binding?: DliBinding; connection: EnhancedConnection }) {
    const { connectionId, reason, binding } = init;
    super(
      shown(
        binding
          ? `connection ${connectionId}: ${binding.kind} ${binding.name} is ${binding.status}${binding.errMsg ? `: ${binding.errMsg}` : ''}`
          : `connection ${connectionId} was deleted while waiting for it to be active`,
      ),
    );
    this.connectionId = connectionId;
    this.reason = reason;
    this.binding = binding;
    this.connection = init.connection;
  }
}

/** A wait for a connection ran out of time (`maxWaitMs`) before the condition held. */
export class DliWaitTimeoutError extends DliError {
  override name = 'DliWaitTimeoutError';
  /** The connection waited for. */
  readonly connectionId: string;
  /** The time allowed, in milliseconds. */
  readonly maxWaitMs: number;
  /** Requests of the connection made (polls), the first included. */
  readonly polls: number;
  /** What was still missing at the last poll, in words (e.g. `queue q1 is CREATING`). */
  readonly pending: string;
  /** The connection as last seen (without `$metadata`); undefined when no answer came. */
  readonly lastConnection: EnhancedConnection | undefined;
  constructor(init: { connectionId: string; maxWaitMs: number; polls: number; pending: string; lastConnection: EnhancedConnection | undefined }) {
    super(shown(`connection ${init.connectionId}: gave up after ${init.maxWaitMs} ms and ${init.polls} poll(s)${init.pending ? `; ${init.pending}` : ''}`));
    this.connectionId = init.connectionId;
    this.maxWaitMs = init.maxWaitMs;
    this.polls = init.polls;
    this.pending = init.pending;
    this.lastConnection = init.lastConnection;
  }
}

brand(DliError, 'DliError');
brand(DliApiError, 'DliApiError');
brand(DliNetworkError, 'DliNetworkError');
brand(DliTimeoutError, 'DliTimeoutError');
brand(DliResponseError, 'DliResponseError');
brand(DliValidationError, 'DliValidationError');
brand(DliPaginationError, 'DliPaginationError');
brand(DliAbortError, 'DliAbortError');
brand(DliRedirectError, 'DliRedirectError');
brand(DliWaitFailedError, 'DliWaitFailedError');
brand(DliWaitTimeoutError, 'DliWaitTimeoutError');
