// validate.ts on its own: each check at its boundaries, with the exact field and rule it reports.
// validation.test.ts shows the same rules reached through both client surfaces.
import { describe as describeValue, hasControlCharacters, isLoopback, isPlainObject, isWellFormed, validateEndpoint, validateHeaders, validateSecretString } from '../src/validate';
import { refusalOf } from './helpers';

test.each([
  ['plain', true],
  ['', true],
  ['😀 pair', true],
  ['\uD83D alone', false],
  ['alone \uDE00', false],
  ['\uDE00\uD83D', false], // a low then a high surrogate is two lone ones
])('isWellFormed(%j) is %p', (value, wellFormed) => {
  expect(isWellFormed(value)).toBe(wellFormed);
});

test.each([
  ['tab\there', true],
  ['nul\u0000', true],
  ['unit separator\u001f', true],
  ['del\u007f', true],
  ['space and ~', false],
  ['\u0080 is not C0', false],
])('hasControlCharacters(%j) is %p', (value, has) => {
  expect(hasControlCharacters(value)).toBe(has);
});

test.each([
  [12n, '12n (bigint)'],
  [Symbol('s'), 'symbol'],
  [() => 1, 'function'],
  ['\uD800', 'a string with a lone surrogate'],
  [undefined, 'undefined'],
  [null, 'null'],
  ['text', '"text"'],
  [{ a: 1 }, '{"a":1}'],
  ['x'.repeat(58), `"${'x'.repeat(58)}"`], // 60 characters with the quotes: kept whole
  ['x'.repeat(59), `"${'x'.repeat(59)}…`], // 61: cut at 60
])('describe(%p) is %j', (value, text) => {
  expect(describeValue(value)).toBe(text);
});

test('describe names the type of a value JSON cannot render', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(describeValue(cyclic)).toBe('object');
});

test.each([
  [{}, true],
  [Object.create(null), true],
  [null, false],
  [[], false],
  ['s', false],
  [undefined, false],
])('isPlainObject(%p) is %p', (value, plain) => {
  expect(isPlainObject(value)).toBe(plain);
});

describe('validateSecretString', () => {
  test('returns an acceptable value unchanged', () => {
    expect(validateSecretString('credentials.sk', 'sécret', true)).toBe('sécret');
    expect(validateSecretString('credentials.sk', 'секрет', false)).toBe('секрет');
  });

  test.each([
    [42, false, 'must be a string, got number'],
    [null, false, 'must be a string, got null'],
    [undefined, false, 'must be a string, got undefined'],
    ['', false, 'must not be empty'],
    ['a\nb', false, 'must not contain control characters (CR, LF, NUL, ...); value not shown'],
    ['a\uD800', false, 'must not contain lone surrogates; value not shown'],
    ['секрет', true, 'must contain only Latin-1 characters (it is sent in an HTTP header); value not shown'],
  ])('%j (latin1: %p) is refused: %s', (value, latin1, rule) => {
    expect(refusalOf(() => validateSecretString('credentials.sk', value, latin1))).toEqual({ field: 'credentials.sk', rule });
  });
});

describe('validateHeaders', () => {
  test('lower-cases names, keeps empty values and leaves out undefined ones', () => {
    expect(validateHeaders('headers', undefined)).toEqual({});
    expect(validateHeaders('headers', { 'X-Trace': 'a', Empty: '', Gone: undefined })).toEqual({ 'x-trace': 'a', empty: '' });
  });

  test.each([
    [null, 'headers', 'must be an object of header names to string values'],
    [['x'], 'headers', 'must be an object of header names to string values'],
    [{ 'bad name': 'v' }, 'headers["bad name"]', 'is not a valid header name (RFC 9110 token characters only)'],
    [{ 'x:y': 'v' }, 'headers["x:y"]', 'is not a valid header name (RFC 9110 token characters only)'],
    [{ 'X-Trace': 'a\r\nInjected: 1' }, 'headers.X-Trace', 'must not contain control characters (CR, LF, NUL, ...); value not shown'],
    [{ 'X-Trace': 7 }, 'headers.X-Trace', 'must be a string, got number'],
    [{ 'X-Trace': 'ж' }, 'headers.X-Trace', 'must contain only Latin-1 characters (it is sent in an HTTP header); value not shown'],
  ])('%p is refused naming %s', (headers, field, rule) => {
    expect(refusalOf(() => validateHeaders('headers', headers))).toEqual({ field, rule });
  });

  test("every RFC 9110 token character is allowed in a name", () => {
    const name = "!#$%&'*+-.^_`|~09AZaz";
    expect(validateHeaders('headers', { [name]: 'v' })).toEqual({ [name.toLowerCase()]: 'v' });
  });
});

test.each([
  ['http://localhost:8080', true],
  ['http://127.0.0.1', true],
  ['http://127.255.1.9', true],
  ['http://127.1', true], // the URL parser makes it 127.0.0.1
  ['http://[::1]:9', true],
  ['http://127.evil.example', false],
  ['http://a127.0.0.1.example', false],
  ['http://127.0.0.1.example', false],
  ['http://128.0.0.1', false],
  ['http://localhost.example', false],
  ['http://[::2]', false],
])('isLoopback(%s) is %p', (url, loopback) => {
  expect(isLoopback(new URL(url))).toBe(loopback);
});

describe('validateEndpoint', () => {
  test.each([
    ['https://dli.cn-north-4.myhuaweicloud.com', true, false],
    ['http://127.0.0.1:9000', true, false],
    ['http://dli.internal', false, false], // no credentials to protect
    ['http://dli.internal', true, true], // explicitly allowed
  ])('%s is accepted (credentials: %p, allowInsecureHttp: %p)', (endpoint, credentials, allowInsecure) => {
    expect(validateEndpoint(endpoint, credentials, allowInsecure).href).toBe(new URL(endpoint).href);
  });

  test.each([
    [42, 'must be a string, got 42'],
    ['dli.example', 'must be an absolute http(s) URL, got "dli.example"'],
    ['ftp://dli.example', 'must use https (or http), got ftp:'],
    ['https://dli.example/?a=1', 'must not have a query or fragment'],
    ['https://dli.example/#top', 'must not have a query or fragment'],
    ['https://user@dli.example', 'must not contain a user name or password'],
    ['https://:pw@dli.example', 'must not contain a user name or password'],
    ['http://dli.example', 'must use https when credentials are sent (http is allowed for loopback hosts, or with allowInsecureHttp: true)'],
  ])('%p is refused: %s', (endpoint, rule) => {
    expect(refusalOf(() => validateEndpoint(endpoint, true, false))).toEqual({ field: 'endpoint', rule });
  });
});
