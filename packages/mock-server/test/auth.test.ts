// The stand-in's gateway authentication, one request at a time: requests signed by the client's
// public signer pass, and each way a request can be wrong gets the gateway's code and message.
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { type AkSkCredentials, signRequest } from '@dli-sdk/client';
import { type AuthOptions, authenticate } from '../src/auth';

const TARGET = new URL('http://127.0.0.1:8080/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections?limit=2&name=a%20b');
const KEY = { ak: 'AUTHTESTAK0000000001', sk: 'auth-test-secret-1' };
const OTHER_KEY = { ak: 'AUTHTESTAK0000000002', sk: 'auth-test-secret-2' };
const TEMPORARY_KEY = { ak: 'AUTHTESTAK0000000003', sk: 'auth-test-secret-3', securityToken: 'session-token-3' };
// A signing time whose seconds are not 0, so a misread seconds field moves it.
const SIGNED_AT = Date.UTC(2026, 0, 2, 3, 4, 45);
const MINUTES_15 = 15 * 60 * 1000;

const refused = (message: string) => ({ code: 'APIGW.0301', message: `Incorrect IAM authentication information: ${message}` });
const MALFORMED = refused('Authorization header missing or malformed.');
const UNKNOWN_AK = refused('unknown access key.');
const BAD_SIGNATURE = refused('verify aksk signature fail.');
const BAD_TOKEN = refused('token invalid.');
const BAD_SECURITY_TOKEN = refused('security token invalid.');
const SKEWED = {
  code: 'APIGW.0303',
  message: 'Incorrect app authentication information: the request time differs from the server time by more than 15 minutes.',
};

/** A request as node:http hands it to the server: lower-case header names, the method parsed. */
function incoming(headers: Record<string, string>, method: string | null = 'GET'): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  if (method !== null) request.method = method;
  request.headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return request;
}

interface Signing {
  method?: string;
  headers?: Record<string, string>;
  signedHeaders?: string[];
}

/** The headers a client sends for TARGET, signed with `key` at SIGNED_AT. */
function signedHeaders(key: AkSkCredentials, { method = 'GET', headers = {}, signedHeaders }: Signing = {}): Record<string, string> {
  const signed = signRequest({ method, url: TARGET, headers }, key, { date: new Date(SIGNED_AT), signedHeaders });
  expect(signed.url).toBe(TARGET.href);
  return { host: TARGET.host, ...signed.headers };
}

const check = (auth: AuthOptions, headers: Record<string, string>, now = SIGNED_AT, method: string | null = 'GET') =>
  authenticate(incoming(headers, method), TARGET, auth, now);

const KEYS: AuthOptions = { credentials: [KEY, OTHER_KEY, TEMPORARY_KEY], tokens: ['iam-token'] };

test('without auth every request passes, even one without credentials', () => {
  expect(check('none', {})).toBeUndefined();
  expect(check('none', { authorization: 'nonsense', 'x-auth-token': 'nonsense' })).toBeUndefined();
});

test('a request signed by a known key passes, whichever of the keys it is', () => {
  expect(check(KEYS, signedHeaders(KEY))).toBeUndefined();
  expect(check(KEYS, signedHeaders(OTHER_KEY))).toBeUndefined();
});

test.each([
  ['no credentials at all', {}, MALFORMED],
  ['another scheme', { authorization: 'Bearer abc' }, MALFORMED],
  ['a signature too short', { authorization: `SDK-HMAC-SHA256 Access=${KEY.ak}, SignedHeaders=host;x-sdk-date, Signature=abc` }, MALFORMED],
  ['an unknown access key', signedHeaders({ ak: 'UNKNOWNAK00000000000', sk: KEY.sk }), UNKNOWN_AK],
  ['the AK of one key and the SK of another', signedHeaders({ ak: KEY.ak, sk: OTHER_KEY.sk }), BAD_SIGNATURE],
  ['an unknown token', { 'x-auth-token': 'stolen' }, BAD_TOKEN],
  ['a good token with a bad signature', { ...signedHeaders({ ak: KEY.ak, sk: 'wrong' }), 'x-auth-token': 'iam-token' }, BAD_SIGNATURE],
  ['a bad token with a good signature', { ...signedHeaders(KEY), 'x-auth-token': 'stolen' }, BAD_TOKEN],
])('%s is refused', (_title, headers: Record<string, string>, expected) => {
  expect(check(KEYS, headers)).toEqual(expected);
});

test('a known IAM token passes alone or with a good signature', () => {
  expect(check(KEYS, { 'x-auth-token': 'iam-token' })).toBeUndefined();
  expect(check(KEYS, { ...signedHeaders(KEY), 'x-auth-token': 'iam-token' })).toBeUndefined();
});

test('a stand-in without tokens refuses every token; one without keys refuses every signature', () => {
  expect(check({ credentials: [KEY] }, { 'x-auth-token': 'iam-token' })).toEqual(BAD_TOKEN);
  expect(check({ tokens: ['iam-token'] }, signedHeaders(KEY))).toEqual(UNKNOWN_AK);
  expect(check({}, signedHeaders(KEY))).toEqual(UNKNOWN_AK);
});

describe('temporary keys', () => {
  test('pass with their security token, signed or not', () => {
    expect(check(KEYS, signedHeaders(TEMPORARY_KEY))).toBeUndefined();
    const tokenNotSigned = signedHeaders(TEMPORARY_KEY, { signedHeaders: ['host', 'x-sdk-date'] });
    expect(tokenNotSigned['X-Security-Token']).toBe(TEMPORARY_KEY.securityToken);
    expect(check(KEYS, tokenNotSigned)).toBeUndefined();
  });

  test('are refused without their security token or with another one', () => {
    const { 'X-Security-Token': _token, ...withoutToken } = signedHeaders(TEMPORARY_KEY, { signedHeaders: ['host', 'x-sdk-date'] });
    expect(check(KEYS, withoutToken)).toEqual(BAD_SECURITY_TOKEN);
    expect(check(KEYS, { ...withoutToken, 'X-Security-Token': 'session-token-other' })).toEqual(BAD_SECURITY_TOKEN);
  });

  test('a permanent key does not care for a security token sent along', () => {
    expect(check(KEYS, signedHeaders(KEY, { headers: { 'X-Security-Token': 'anything' } }))).toBeUndefined();
  });
});

describe('what the signature covers', () => {
  test('x-sdk-date must be signed', () => {
    const headers = signedHeaders(KEY, { headers: { 'Content-Type': 'application/json' }, signedHeaders: ['content-type', 'host'] });
    expect(check(KEYS, headers)).toEqual(refused('x-sdk-date not signed.'));
  });

  test.each([
    ['Huawei\'s Go SDK', ['user-agent', 'x-project-id', 'x-sdk-date']],
    ['x-sdk-date alone', ['x-sdk-date']],
    ['Huawei\'s Java SDK', ['host', 'user-agent', 'x-project-id', 'x-sdk-date']],
  ])('host need not be signed: the headers of %s pass', (_title, names) => {
    const headers = signedHeaders(KEY, { headers: { 'User-Agent': 'huaweicloud-usdk-go/3.0', 'X-Project-Id': '0123456789abcdef0123456789abcdef' }, signedHeaders: names });
    expect(headers.Authorization).toContain(`SignedHeaders=${names.join(';')},`);
    expect(check(KEYS, headers)).toBeUndefined();
  });

  test('the published vector of Huawei\'s Go SDK (x-sdk-date alone signed) passes', () => {
    // huaweicloud-sdk-go-v3 core/auth/signer tests: GET /path?limit=1 signed at 20060102T150405Z.
    const at = Date.UTC(2006, 0, 2, 15, 4, 5);
    const request = incoming({
      'x-sdk-date': '20060102T150405Z',
      authorization: 'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
    });
    const auth = { credentials: [{ ak: 'AccessKey', sk: 'SecretKey' }] };
    expect(authenticate(request, new URL('http://service.example.com/path?limit=1'), auth, at)).toBeUndefined();
    expect(authenticate(request, new URL('http://service.example.com/path?limit=2'), auth, at)).toEqual(BAD_SIGNATURE);
  });

  test('every signed header must be sent', () => {
    const { 'Content-Type': _sent, ...headers } = signedHeaders(KEY, { headers: { 'Content-Type': 'application/json' } });
    expect(headers.Authorization).toContain('SignedHeaders=content-type;host;x-sdk-date,');
    expect(check(KEYS, headers)).toEqual(refused('signed header content-type missing.'));
    const { 'X-Sdk-Date': _date, ...withoutDate } = signedHeaders(KEY);
    expect(check(KEYS, withoutDate)).toEqual(refused('signed header x-sdk-date missing.'));
  });

  test('the method is signed: a POST signed as a POST passes, one signed as a GET does not', () => {
    expect(check(KEYS, signedHeaders(KEY, { method: 'POST' }), SIGNED_AT, 'POST')).toBeUndefined();
    expect(check(KEYS, signedHeaders(KEY), SIGNED_AT, 'POST')).toEqual(BAD_SIGNATURE);
  });

  test('a request whose method node:http has not parsed yet is checked as a GET', () => {
    expect(check(KEYS, signedHeaders(KEY), SIGNED_AT, null)).toBeUndefined();
  });

  test('an Authorization among the signed headers is a bad signature', () => {
    const headers = signedHeaders(KEY);
    const authorization = headers.Authorization.replace('SignedHeaders=host;x-sdk-date', 'SignedHeaders=authorization;host;x-sdk-date');
    expect(check(KEYS, { ...headers, Authorization: authorization })).toEqual(BAD_SIGNATURE);
  });

  test('the query is signed', () => {
    const headers = signedHeaders(KEY);
    const otherQuery = new URL(TARGET);
    otherQuery.searchParams.set('limit', '3');
    expect(authenticate(incoming(headers), otherQuery, KEYS, SIGNED_AT)).toEqual(BAD_SIGNATURE);
  });
});

describe('X-Sdk-Date and the 15-minute window', () => {
  test.each([
    ['exactly 15 minutes late', SIGNED_AT + MINUTES_15, undefined],
    ['exactly 15 minutes early', SIGNED_AT - MINUTES_15, undefined],
    ['15 minutes and 1 ms late', SIGNED_AT + MINUTES_15 + 1, SKEWED],
    ['15 minutes and 1 ms early', SIGNED_AT - MINUTES_15 - 1, SKEWED],
  ])('a request signed %s', (_title, now, expected) => {
    expect(check(KEYS, signedHeaders(KEY), now)).toEqual(expected);
  });

  test.each([
    ['a date of another form', '2026-01-02T03:04:45Z'],
    ['a character before the date', 'X20260102T030445Z'],
    ['a character after the date', '20260102T030445ZX'],
    ['no date', ''],
  ])('%s is outside the window', (_title, date) => {
    expect(check(KEYS, { ...signedHeaders(KEY), 'X-Sdk-Date': date })).toEqual(SKEWED);
  });
});
