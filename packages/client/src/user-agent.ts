// The User-Agent the client sends: `dli-sdk/<version> (<runtime>/<version>)`. The version is the
// package's, put in by the build (tsup `define`) and by jest's globals; browsers are left alone,
// as they forbid or ignore the header and a preflight would have to allow it.
declare const __DLI_SDK_VERSION__: string;

interface RuntimeGlobals {
  process?: { versions?: Record<string, string | undefined> };
  navigator?: { userAgent?: string };
  document?: unknown;
}

/** The User-Agent of this runtime, or undefined where a page's browser sets its own. */
export function userAgent(): string | undefined {
  const g = globalThis as RuntimeGlobals;
  const browser = g.navigator?.userAgent?.startsWith('Mozilla/') ?? false;
  if (g.document !== undefined || browser) return undefined;
  const versions = g.process?.versions ?? {};
  const name = (['bun', 'deno', 'node'] as const).find((runtime) => versions[runtime] !== undefined);
  const runtime = name ? `${name}/${versions[name]}` : g.navigator?.userAgent;
  const version = typeof __DLI_SDK_VERSION__ === 'string' ? __DLI_SDK_VERSION__ : 'unknown';
  return `dli-sdk/${version}${runtime ? ` (${runtime})` : ''}`;
}
