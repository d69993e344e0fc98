// What the client reads from its runtime, in process: the User-Agent it sends where it may set
// one, and the debug log switch (DLI_SDK_LOG). The subprocess tests of observability.test.ts see
// the same from outside, where mutation runs cannot follow them.
import { resolveLog } from '../src/logging';
import { userAgent } from '../src/user-agent';
import { refusalOf } from './helpers';

const version = (globalThis as unknown as { __DLI_SDK_VERSION__: string }).__DLI_SDK_VERSION__;

/** Runs `fn` with globalThis properties replaced (undefined deletes one), then puts them back. */
function withGlobals<T>(replacements: Record<string, unknown>, fn: () => T): T {
  const saved = Object.keys(replacements).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, value] of Object.entries(replacements)) {
    if (value === undefined) Reflect.deleteProperty(globalThis, name);
    else Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  }
  try {
    return fn();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else Reflect.deleteProperty(globalThis, name);
    }
  }
}

describe('userAgent', () => {
  test.each([
    ['Node', { process: { versions: { node: '20.19.0' } } }, `dli-sdk/${version} (node/20.19.0)`],
    ['Bun, which also claims a Node version', { process: { versions: { node: '22.6.0', bun: '1.1.30' } } }, `dli-sdk/${version} (bun/1.1.30)`],
    ['Deno', { process: { versions: { deno: '2.1.0' } }, navigator: { userAgent: 'Deno/2.1.0' } }, `dli-sdk/${version} (deno/2.1.0)`],
    ['Cloudflare Workers (no process, its own navigator)', { process: undefined, navigator: { userAgent: 'Cloudflare-Workers' } }, `dli-sdk/${version} (Cloudflare-Workers)`],
    ['a runtime that names itself nowhere', { process: undefined, navigator: undefined }, `dli-sdk/${version}`],
    ['a process without versions', { process: {}, navigator: undefined }, `dli-sdk/${version}`],
    ['a browser page (a document)', { document: {}, navigator: { userAgent: 'Mozilla/5.0' } }, undefined],
    ['a browser worker (no document, a Mozilla navigator)', { process: undefined, navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' } }, undefined],
    ['a navigator that mentions Mozilla later', { process: undefined, navigator: { userAgent: 'Bot (like Mozilla/)' } }, `dli-sdk/${version} (Bot (like Mozilla/))`],
    ['a navigator without a userAgent', { process: { versions: { node: '20.19.0' } }, navigator: {} }, `dli-sdk/${version} (node/20.19.0)`],
  ])('%s', (_, globals, expected) => {
    expect(withGlobals({ document: undefined, navigator: undefined, ...globals }, () => userAgent())).toBe(expected);
  });
});

describe('resolveLog', () => {
  const withEnv = <T>(value: string | undefined, fn: () => T): T => {
    const saved = process.env.DLI_SDK_LOG;
    if (value === undefined) delete process.env.DLI_SDK_LOG;
    else process.env.DLI_SDK_LOG = value;
    try {
      return fn();
    } finally {
      if (saved === undefined) delete process.env.DLI_SDK_LOG;
      else process.env.DLI_SDK_LOG = saved;
    }
  };

  test('off unless asked for: no option, an empty DLI_SDK_LOG, silent', () => {
    expect(withEnv(undefined, () => resolveLog(undefined, undefined))).toBeUndefined();
    expect(withEnv('', () => resolveLog(undefined, undefined))).toBeUndefined();
    expect(withEnv('debug', () => resolveLog(undefined, 'silent'))).toBeUndefined();
    expect(withEnv(undefined, () => resolveLog({ debug: () => undefined }, undefined))).toBeUndefined();
  });

  test('DLI_SDK_LOG in any case switches it on; lines go to the logger, or to console.error', () => {
    const lines: string[] = [];
    withEnv('DeBuG', () => resolveLog({ debug: (line: string) => lines.push(line) }, undefined))?.('one');
    expect(lines).toEqual(['one']);
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      withEnv(undefined, () => resolveLog(undefined, 'debug'))?.('two');
      expect(consoleError).toHaveBeenCalledWith('two');
    } finally {
      consoleError.mockRestore();
    }
  });

  test('a level or a logger that cannot work is refused, naming where it came from', () => {
    expect(refusalOf(() => withEnv('verbose', () => resolveLog(undefined, undefined)))).toEqual({ field: 'DLI_SDK_LOG', rule: 'must be one of debug, silent, got "verbose"' });
    expect(refusalOf(() => withEnv('debug', () => resolveLog(undefined, 3)))).toEqual({ field: 'logLevel', rule: 'must be one of debug, silent, got 3' });
    expect(refusalOf(() => resolveLog(null, 'debug'))).toEqual({ field: 'logger', rule: 'must have a debug(message) method' });
    expect(refusalOf(() => resolveLog({ info: () => undefined }, 'debug'))).toEqual({ field: 'logger', rule: 'must have a debug(message) method' });
  });
});
