// The message of a request that got no answer: fetch says only "fetch failed" and hides the
// reason two causes down, so dig out the code (ECONNREFUSED, ENOTFOUND, UND_ERR_…) and name the host.

function rootCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let code: string | undefined;
  for (let current = error; current !== null && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    const { code: own, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof own === 'string' && own !== '') code = own;
    // Happy Eyeballs tries several addresses and reports them as an AggregateError.
    current = cause ?? (Array.isArray(errors) ? errors[0] : undefined);
  }
  return code;
}

// Duck-typed: errors of fetch may come from another realm (a test VM, an iframe).
function deepestMessage(error: unknown): string {
  let message = '';
  const seen = new Set<unknown>();
  for (let current = error; current !== null && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    const { message: own, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof own === 'string' && own !== '') message = own;
    current = cause;
  }
  return message || String(error);
}

/** `GET 127.0.0.1:59999 /v2.0/… failed: ECONNREFUSED (connect ECONNREFUSED 127.0.0.1:59999)`. */
export function networkErrorMessage(method: string, url: string, error: unknown): string {
  const { host, protocol, pathname } = new URL(url);
  const port = host.includes(':') && !host.endsWith(']') ? '' : `:${protocol === 'https:' ? 443 : 80}`;
  const code = rootCode(error);
  const detail = deepestMessage(error);
  return `${method} ${host}${port}${pathname} failed: ${code ?? 'network error'}${detail && detail !== code ? ` (${detail})` : ''}`;
}
