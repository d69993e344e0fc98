// A server may echo what it was sent ("bad token MIIT…"): an error never carries a credential,
// whoever put it there. Only the text of our errors is scrubbed; what a call returns is not.
import { DliError } from '../errors';

const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of the secrets in an error's message, excerpt and body. An absent
 * secret (undefined) is skipped; a present one is a non-empty string, checked when the client was made.
 */
export function redactSecrets(error: unknown, secrets: ReadonlyArray<string | undefined>): unknown {
  if (!(error instanceof DliError)) return error;
  const scrub = (text: string) => secrets.reduce<string>((scrubbed, secret) => (secret === undefined ? scrubbed : scrubbed.replaceAll(secret, REDACTED)), text);
  const fields = error as unknown as Record<string, unknown>;
  error.message = scrub(error.message);
  if (typeof fields.excerpt === 'string') fields.excerpt = scrub(fields.excerpt);
  if (typeof fields.body === 'string') fields.body = scrub(fields.body);
  // null too: its JSON, "null", holds no credential, so it is left as it is.
  else if (typeof fields.body === 'object') {
    const json = JSON.stringify(fields.body);
    const scrubbed = scrub(json);
    if (scrubbed !== json) fields.body = JSON.parse(scrubbed) as unknown;
  }
  return error;
}
