// The client's options (checkClientOptions, which both surfaces use), each refusal with its field and
// the rule it states, and the edges that are accepted.
import { createDliClient } from '@dli-sdk/client';
import { checkClientOptions, type DliClientOptions } from '../src/options';
import { MAX_TIMER_MS } from '../src/transport/retry';
import { PROJECT_ID, refusalOf } from './helpers';

const base = { projectId: PROJECT_ID, endpoint: 'https://dli.example.test' };
const resolve = (options: unknown) => checkClientOptions(options as DliClientOptions);
const OPTIONS = 'region, endpoint, projectId, credentials, fetch, headers, retry, timeoutMs, allowInsecureHttp, maxResponseBytes, logger, logLevel';

test.each([
  ['options', 5, 'must be an object, got 5'],
  ['colour', { ...base, colour: 'blue' }, `is not an option (expected one of ${OPTIONS})`],
  ['credentials', { ...base, credentials: 'AK:SK' }, 'must be { ak, sk, securityToken? } or { token }, got string'],
  ['credentials', { ...base, credentials: null }, 'must be { ak, sk, securityToken? } or { token }, got null'],
  ['credentials.ak', { ...base, credentials: { token: 't', ak: 'a' } }, 'is not a credential field (expected token; AK/SK and a token are exclusive)'],
  ['credentials.securityTokn', { ...base, credentials: { ak: 'a', sk: 's', securityTokn: 'x' } }, 'is not a credential field (expected ak, sk, securityToken; AK/SK and a token are exclusive)'],
  ['credentials.ak', { ...base, credentials: { ak: 'AK€', sk: 's' } }, 'must contain only Latin-1 characters (it is sent in an HTTP header); value not shown'],
  ['credentials.securityToken', { ...base, credentials: { ak: 'a', sk: 's', securityToken: 'tok€' } }, 'must contain only Latin-1 characters (it is sent in an HTTP header); value not shown'],
  ['timeoutMs', { ...base, timeoutMs: MAX_TIMER_MS + 1 }, `must be a number in (0, ${MAX_TIMER_MS}], got ${MAX_TIMER_MS + 1}`],
  ['region', { projectId: PROJECT_ID, region: 'xx-nowhere-1' }, /^is not a DLI region \(known: [a-z0-9-]+(, [a-z0-9-]+)+\); use endpoint for others$/],
  ['region', { projectId: PROJECT_ID, region: 4 }, /^is not a DLI region \(known: /],
  ['allowInsecureHttp', { ...base, allowInsecureHttp: 'yes' }, 'must be a boolean, got "yes"'],
  ['maxResponseBytes', { ...base, maxResponseBytes: 1023 }, 'must be an integer ≥ 1024, got 1023'],
  ['fetch', { ...base, fetch: 'fetch' }, 'must be given where no global fetch exists'],
])('%s is refused (case %#)', (field, options, rule: string | RegExp) => {
  const refusal = refusalOf(() => resolve(options));
  expect(refusal.field).toBe(field);
  if (typeof rule === 'string') expect(refusal.rule).toBe(rule);
  else expect(refusal.rule).toMatch(rule);
});

test('the edges that are accepted', () => {
  expect(() => resolve({ ...base, credentials: { ak: 'AK', sk: 'clé-€' } })).not.toThrow(); // the SK is never sent
  expect(() => resolve({ ...base, timeoutMs: MAX_TIMER_MS })).not.toThrow();
  expect(() => resolve({ ...base, maxResponseBytes: 1024 })).not.toThrow();
  expect(resolve({ projectId: PROJECT_ID, region: 'cn-north-4' }).baseUrl).toBe('https://dli.cn-north-4.myhuaweicloud.com');
  expect(resolve({ ...base, endpoint: 'https://dli.example.test/gateway//' }).baseUrl).toBe('https://dli.example.test/gateway');
});

describe("paginateEnhancedConnections' own arguments", () => {
  const client = createDliClient({ ...base, credentials: { token: 'token' } });
  const KEYS = 'pageSize, startOffset, maxItems, maxPages, signal, concurrency, headers';
  test.each([
    ['options', () => client.paginateEnhancedConnections({}, 5 as never), 'must be an object, got 5'],
    ['options.maxitems', () => client.paginateEnhancedConnections({}, { maxitems: 5 } as never), `is not an option (expected one of ${KEYS})`],
    ['filters.limit', () => client.paginateEnhancedConnections({ limit: 5 } as never), 'is set by the pager: use the pageSize and startOffset options'],
    ['filters.offset', () => client.paginateEnhancedConnections({ offset: 5 } as never), 'is set by the pager: use the pageSize and startOffset options'],
  ])('%s is refused before any request (case %#)', (field, call, rule) => {
    expect(refusalOf(call)).toEqual({ field, rule });
  });
});
