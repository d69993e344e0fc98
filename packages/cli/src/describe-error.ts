// One line (or a few) on stderr for each kind of failure, with what a person needs to act:
// the flag they typed, the server's code and request id, or the host and cause of a network error.
import { DliApiError, DliNetworkError, DliTimeoutError, DliValidationError } from '@dli-sdk/client';
import { forTerminal, forTerminalLines } from './sanitize';
import { UsageError } from './usage-error';

// The client names its arguments; a CLI user knows only the flags (and variables) they set.
const FLAGS: Record<string, string> = {
  region: '--region',
  endpoint: '--endpoint',
  projectId: '--project-id',
  token: '--token',
  ak: 'HUAWEICLOUD_SDK_AK',
  sk: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  status: '--status',
  name: '--name',
  tags: '--tags',
  pageSize: '--page-size',
  limit: '--page-size',
  maxItems: '--max-items',
  concurrency: '--concurrency',
  connectionId: '<id>',
};

// fetch wraps the socket's error ("fetch failed" → "connect ECONNREFUSED …"): the deepest cause
// and the first error code on the way say what happened.
function causeOf(error: Error): string {
  let code: string | undefined;
  let message = '';
  for (let cause = error.cause as { code?: unknown; message?: unknown; cause?: unknown } | undefined; cause; cause = cause.cause as typeof cause) {
    if (code === undefined && typeof cause.code === 'string') code = cause.code;
    message = typeof cause.message === 'string' ? cause.message : JSON.stringify(cause);
  }
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** The message for `error`, sanitised for a terminal; `host` is where the CLI was talking to. */
export function describeError(error: unknown, host: string | undefined): string {
  if (error instanceof DliValidationError) {
    const flag = FLAGS[error.field.split('.').at(-1) ?? ''] ?? error.field;
    return forTerminal(`error: ${flag} ${error.rule}`);
  }
  if (error instanceof DliApiError) {
    const code = error.code ? `${error.code} ` : '';
    const id = error.requestId ? `, request id ${error.requestId}` : '';
    return forTerminal(`error: ${code}${error.message} (HTTP ${error.status}${id})`);
  }
  if (error instanceof DliNetworkError) {
    // The client's message names the request, the code and the cause; a user needs the host,
    // the cause (once) and how many attempts were made.
    const attempts = error.$metadata.attempts;
    const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
    const where = host ?? 'the endpoint';
    if (error instanceof DliTimeoutError) return forTerminal(`error: ${where} did not answer within ${error.timeoutMs} ms${tries}`);
    return forTerminal(`error: cannot reach ${where}: ${causeOf(error) || error.message}${tries}`);
  }
  // Our own usage messages may span lines (how to configure); server text is kept to one line.
  if (error instanceof UsageError) return forTerminalLines(`error: ${error.message}`);
  return forTerminal(`error: ${error instanceof Error ? error.message : String(error)}`);
}
