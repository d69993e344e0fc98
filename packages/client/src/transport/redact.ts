// The one redaction boundary. A server may echo what it was sent ("bad token MIIT…"), in its
// message, its body, a header such as X-Request-Id or a redirect's Location, raw, JSON-escaped or
// percent-encoded. Every error a surface throws passes `redactError` (core.ts's guard), whatever
// layer built it; a server's text quoted into an error is cut only after it is redacted
// (`excerpt`), so a cut never keeps the head of a secret. What a call returns is not scrubbed.
import { DliError } from '../errors';

const REDACTED = '[redacted]';
/** How much of a server's text an error quotes. */
export const EXCERPT_LENGTH = 200;
/**
 * A secret shorter than this is matched only as a whole token (not inside a longer run of
 * letters and digits): a one-letter token must not turn `datasource` into `da[redacted]asource`.
 * Huawei's secret keys have 40 characters and its tokens thousands, so this is for test keys.
 */
export const SHORT_SECRET = 16;
// Depth of a body the redaction walks; a deeper body is cut there (response.ts keeps parsed bodies
// far shallower, so this only guards a body put on an error some other way).
const MAX_DEPTH = 256;
const MAX_CAUSES = 8;

/** Scrubs secrets out of text and out of errors. */
export interface Redactor {
  /** `text` with every secret, raw, JSON-escaped or percent-encoded, replaced. */
  readonly text: (text: string) => string;
  /** The first EXCERPT_LENGTH characters of `text` once redacted, with `…` when cut. */
  readonly excerpt: (text: string) => string;
  /** The boundary: the error with every field, its stack and its causes scrubbed. */
  readonly error: (error: unknown) => unknown;
}

const lowerHex = (encoded: string) => encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
const jsonInner = (text: string) => JSON.stringify(text).slice(1, -1);
// JSON that escapes every character outside ASCII as \uXXXX, as Python's json.dumps does.
const jsonAscii = (text: string) => jsonInner(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The forms in which a server may write `secret`: raw; JSON-escaped (also with `/` escaped, with
 * non-ASCII as \uXXXX in either case, and escaped twice, as JSON inside JSON); percent-encoded
 * (either case of hex, as a form with `+` for spaces, and encoded twice); base64. Each is a
 * fixed string, matched in any case, so a token thousands of characters long makes a flat pattern
 * of alternatives, never one with a group per character (which overflows the regex engine).
 */
export function secretForms(secret: string): string[] {
  const percent = encodeURIComponent(secret);
  const forms = [
    secret,
    jsonInner(secret),
    jsonInner(secret).replaceAll('/', '\\/'),
    jsonAscii(secret),
    jsonAscii(secret).replace(/\\u[0-9a-f]{4}/g, (escape) => `\\u${escape.slice(2).toUpperCase()}`),
    jsonInner(jsonInner(secret)),
    percent,
    lowerHex(percent),
    new URLSearchParams({ s: secret }).toString().slice(2),
    encodeURIComponent(percent),
    ...base64Forms(secret),
  ];
  return [...new Set(forms)];
}

// A header such as X-Request-Id may carry a secret base64-encoded, whole: with and without
// padding, and URL-safe.
function base64Forms(secret: string): string[] {
  let binary = '';
  for (const byte of new TextEncoder().encode(secret)) binary += String.fromCharCode(byte);
  const padded = btoa(binary);
  const bare = padded.replace(/=+$/, '');
  return [padded, bare, bare.replaceAll('+', '-').replaceAll('/', '_')];
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** A redactor of `secrets` (absent ones, undefined, are skipped). */
export function createRedactor(secrets: ReadonlyArray<string | undefined>): Redactor {
  const present = secrets.filter((secret): secret is string => secret !== undefined && secret !== '');
  // Longest first, so a form that contains another is replaced whole.
  const long = present.filter((secret) => secret.length >= SHORT_SECRET).flatMap(secretForms).sort((a, b) => b.length - a.length);
  const short = present.filter((secret) => secret.length < SHORT_SECRET).flatMap(secretForms).sort((a, b) => b.length - a.length);
  // A short secret only where it stands alone: not inside a run of letters and digits.
  const shortPattern = short.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${short.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  // In any case too: a server may upper- or lower-case what it echoes. Alternatives of plain
  // strings only, so a token thousands of characters long makes a long but flat pattern.
  // Built on first use: errors are rare, and a token's pattern is long.
  let longPattern: RegExp | undefined;
  const text = (value: string): string => {
    if (long.length > 0) longPattern ??= new RegExp(long.map(escapeRegExp).join('|'), 'gi');
    const scrubbed = longPattern ? value.replace(longPattern, REDACTED) : value;
    return shortPattern ? scrubbed.replace(shortPattern, REDACTED) : scrubbed;
  };

  // A parsed body with its keys and strings scrubbed: a copy where something changed, else the
  // body itself. Only the body's own structure is walked.
  const body = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return text(value);
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_DEPTH) return '[too deep]';
    let changed = false as boolean; // set by scrub, which narrowing does not follow
    const scrub = (item: unknown) => {
      const scrubbed = body(item, depth + 1);
      changed ||= scrubbed !== item;
      return scrubbed;
    };
    if (Array.isArray(value)) {
      const copy = value.map(scrub);
      return changed ? copy : value;
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const name = text(key);
      changed ||= name !== key;
      copy[name] = scrub(item);
    }
    return changed ? copy : value;
  };

  // A cause is left as it is unless it shows a secret; then a copy that does not takes its place
  // (the caller's own object, such as an abort reason, is never changed).
  const cause = (value: unknown, depth: number): unknown => {
    try {
      if (typeof value === 'string') return text(value);
      if (!(value instanceof Error) || depth >= MAX_CAUSES) return value;
      if (value instanceof DliError) return error(value);
      const inner = cause(value.cause, depth + 1);
      const message = text(value.message);
      const stack = value.stack === undefined ? undefined : text(value.stack);
      if (message === value.message && stack === value.stack && inner === value.cause) return value;
      const copy = new Error(message, inner === undefined ? undefined : { cause: inner });
      copy.name = value.name;
      copy.stack = stack;
      return copy;
    } catch {
      return value; // a hostile object (a Proxy whose traps throw) is the caller's, not a server's
    }
  };

  function error(value: unknown): unknown {
    if (!(value instanceof DliError) || present.length === 0) return value;
    const fields = value as unknown as Record<string, unknown>;
    // Every own field, so that a field added later is covered too: message, stack, excerpt,
    // requestId, location, $metadata and cause among them, and what a server sent that an error
    // keeps as data (a body, a waiter's connection or binding), walked as a parsed body is.
    for (const key of Object.getOwnPropertyNames(value)) {
      const field = fields[key];
      if (typeof field === 'string') fields[key] = text(field);
      else if (key === 'cause') fields[key] = cause(field, 0);
      else if (key === '$metadata') value.$metadata = { ...value.$metadata, requestId: value.$metadata.requestId && text(value.$metadata.requestId) };
      else fields[key] = body(field, 0);
    }
    return value;
  }

  return {
    text,
    excerpt: (value) => {
      const redacted = text(value);
      return redacted.length > EXCERPT_LENGTH ? `${redacted.slice(0, EXCERPT_LENGTH)}…` : redacted;
    },
    error,
  };
}
