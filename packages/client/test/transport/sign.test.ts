import { createHash, createHmac } from 'node:crypto';
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { createRequestSigner, DliValidationError, signRequest } from '@dli-sdk/client';
import { canonicalQueryString, parseQuery } from '../../src/transport/canonical';
import { PROJECT_ID, TEST_AK, TEST_SK, akSk, refusalOf, withMock } from '../helpers';

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const signatureOf = (authorization: string) => /Signature=([0-9a-f]{64})$/.exec(authorization)![1];

describe('published signing vectors, byte for byte', () => {
  test("Huawei's signing guide", () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': '20191115T033655Z' },
      },
      { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' },
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    expect(signed.signedHeaders).toBe('content-type;host;x-sdk-date');
    expect(signed.headers.Authorization).toBe(
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
        'Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    );
  });

  const python = { ak: 'AccessKey', sk: 'SecretKey' };
  const pythonRequest = {
    url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
    headers: { 'X-Sdk-Date': '20200608T023900Z' },
  };
  test("Huawei's Python SDK: GET with an empty body", () => {
    const signed = signRequest({ ...pythonRequest, method: 'GET' }, python);
    expect(signed.signedHeaders).toBe('host;x-sdk-date');
    expect(signatureOf(signed.headers.Authorization)).toBe('cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842');
  });
  test("Huawei's Python SDK: POST with a JSON body", () => {
    const signed = signRequest({ ...pythonRequest, method: 'POST', body: '{"name":"test","id":1}' }, python);
    expect(signatureOf(signed.headers.Authorization)).toBe('436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f');
  });

  const go = { ak: 'AccessKey', sk: 'SecretKey' };
  const goOptions = { signedHeaders: ['x-sdk-date'] };
  test("Huawei's Go SDK: GET signing x-sdk-date only", () => {
    const signed = signRequest(
      { method: 'GET', url: 'https://example.com/path?limit=1', headers: { 'X-Sdk-Date': '20060102T150405Z' } },
      go,
      goOptions,
    );
    expect(signatureOf(signed.headers.Authorization)).toBe('5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624');
  });
  test("Huawei's Go SDK: POST with a body ending in a newline (as bytes)", () => {
    const signed = signRequest(
      {
        method: 'POST',
        url: 'https://example.com/path?key=value',
        headers: { 'X-Sdk-Date': '20060102T150405Z' },
        body: new TextEncoder().encode('{"Name":"test","Id":1}\n'),
      },
      go,
      goOptions,
    );
    expect(signatureOf(signed.headers.Authorization)).toBe('cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59');
  });

  test('canonical query string of the SDK tests', () => {
    const pairs: Array<[string, string]> = [
      ['test', '一 (&=?!#%.*)'],
      ['multi', '3'],
      ['path', '/tmp/123'],
      ['multi', '1'],
      ['limit', '1'],
      ['enable', 'true'],
      ['multi', '2'],
    ];
    expect(canonicalQueryString(pairs)).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
    expect(canonicalQueryString(parseQuery(`?${canonicalQueryString(pairs)}`))).toBe(canonicalQueryString(pairs));
  });
});

describe("agreement with Huawei's own signer (@huaweicloud/huaweicloud-sdk-core)", () => {
  // A small seeded generator so a failure can be reproduced.
  let state = 20261128;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const CHARS = ['a', 'Z', '0', ' ', '&', '=', '/', '#', '%', '+', '?', '~', '-', '_', '.', '*', "'", '(', '数', 'é', 'ж', '😀', ','];
  const text = (max: number) =>
    Array.from({ length: 1 + Math.floor(random() * max) }, () => CHARS[Math.floor(random() * CHARS.length)]).join('');

  test('250 random list requests sign identically', () => {
    for (let i = 0; i < 250; i++) {
      const query: Record<string, string> = {};
      if (random() < 0.7) query.limit = String(Math.floor(random() * 1000));
      if (random() < 0.7) query.offset = String(Math.floor(random() * 100000));
      if (random() < 0.5) query.status = random() < 0.5 ? 'ACTIVE' : 'DELETED';
      if (random() < 0.7) query.name = text(12);
      if (random() < 0.5) query.tags = `${text(4)}=${text(4)},env=prod`;
      const date = new Date(Date.UTC(2020 + Math.floor(random() * 6), Math.floor(random() * 12), 1 + Math.floor(random() * 28), Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60)));
      const sdkDate = date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      const host = random() < 0.5 ? 'dli.cn-north-4.myhuaweicloud.com' : '127.0.0.1:8443';
      const path = `/v2.0/${PROJECT_ID}/datasource/enhanced-connections`;
      const headers = { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': sdkDate };

      const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
      const ours = signRequest({ method: 'GET', url: `https://${host}${path}?${search}`, headers }, akSk);
      const theirs = AKSKSigner.sign(
        { method: 'GET', endpoint: `https://${host}${path}`, headers: { ...headers }, queryParams: query, data: undefined },
        { getAk: () => TEST_AK, getSk: () => TEST_SK } as never,
      ) as Record<string, string>;
      expect({ i, authorization: ours.headers.Authorization }).toEqual({ i, authorization: theirs.Authorization });
    }
  });
});

describe('the stand-in verifies signatures', () => {
  const listUrl = (base: string) => `${base}/v2.0/${PROJECT_ID}/datasource/enhanced-connections?limit=3&name=a%20b`;
  const sign = (url: string, date?: Date) =>
    signRequest({ method: 'GET', url, headers: { 'Content-Type': 'application/json', 'X-Project-Id': PROJECT_ID } }, akSk, { date });

  test('accepts a signed request', async () => {
    await withMock({}, async (mock) => {
      const signed = sign(listUrl(mock.url));
      const response = await fetch(signed.url, { headers: signed.headers });
      expect(response.status).toBe(200);
    });
  });

  test('refuses a request whose query was changed after signing', async () => {
    await withMock({}, async (mock) => {
      const signed = sign(listUrl(mock.url));
      const response = await fetch(signed.url.replace('limit=3', 'limit=4'), { headers: signed.headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error_code: 'APIGW.0301' });
    });
  });

  test('refuses a signature made with another secret key', async () => {
    await withMock({}, async (mock) => {
      const signed = signRequest(
        { method: 'GET', url: listUrl(mock.url), headers: { 'X-Project-Id': PROJECT_ID } },
        { ak: TEST_AK, sk: 'not-the-secret' },
      );
      expect((await fetch(signed.url, { headers: signed.headers })).status).toBe(401);
    });
  });

  test('refuses a clock skew over 15 minutes with APIGW.0303', async () => {
    await withMock({}, async (mock) => {
      const signed = sign(listUrl(mock.url), new Date(Date.now() - 16 * 60 * 1000));
      const response = await fetch(signed.url, { headers: signed.headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error_code: 'APIGW.0303' });
    });
  });
});

// Each check once more with the rule it states: a message is what a user reads to fix the call.
describe('what each refusal of the signers says', () => {
  const url = 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections';
  const key = { ak: 'AK-SECRET-PART', sk: 'SK-SECRET-PART' };
  const cases: Array<[string, RegExp, () => unknown]> = [
    ['request', /^request must be an object, got null$/, () => signRequest(null as never, key)],
    ['request.method', /^request\.method must be an HTTP method token, got "GE T"$/, () => signRequest({ method: 'GE T', url }, key)],
    ['request.method', /^request\.method must be an HTTP method token, got 7$/, () => signRequest({ method: 7 as never, url }, key)],
    ['request.url', /^request\.url must be an absolute http\(s\) URL, got "ftp:\/\/example\.com\/x"$/, () => signRequest({ method: 'GET', url: 'ftp://example.com/x' }, key)],
    ['request.url', /must be an absolute http\(s\) URL/, () => signRequest({ method: 'GET', url: 'xhttps://example.com/x' }, key)],
    ['request.url', /must be an absolute http\(s\) URL/, () => signRequest({ method: 'GET', url: 'https+x://example.com/x' }, key)],
    ['request.body', /^request\.body must be a string or a Uint8Array, got 42$/, () => signRequest({ method: 'POST', url, body: 42 as never }, key)],
    ['options.date', /^options\.date must be a valid Date, got "2026-01-01"$/, () => signRequest({ method: 'GET', url }, key, { date: '2026-01-01' as never })],
    ['options.signedHeaders', /^options\.signedHeaders must be an array of header names$/, () => signRequest({ method: 'GET', url }, key, { signedHeaders: 'host' as never })],
    ['options.signedHeaders', /^options\.signedHeaders must be an array of header names$/, () => signRequest({ method: 'GET', url }, key, { signedHeaders: ['host', 1] as never })],
    ['options.signedHeaders', /^options\.signedHeaders names "x-absent", which the request does not have$/, () => signRequest({ method: 'GET', url }, key, { signedHeaders: ['X-Absent'] })],
    ['credentials', /^credentials must be \{ ak, sk, securityToken\? \}, got "AK"$/, () => createRequestSigner('AK' as never)],
    ['credentials.ak', /must contain only Latin-1 characters/, () => createRequestSigner({ ak: 'AK€', sk: 'SK' })],
    ['credentials.securityToken', /^credentials\.securityToken must be a string, got number$/, () => createRequestSigner({ ak: 'AK', sk: 'SK', securityToken: 1 as never })],
    ['credentials.securityToken', /must contain only Latin-1 characters/, () => createRequestSigner({ ak: 'AK', sk: 'SK', securityToken: 'token€' })],
    ['request.headers', /^request\.headers must not name a header twice \(names are compared in any case\)$/, () => signRequest({ method: 'GET', url, headers: { 'X-A': '1', 'x-a': '2' } }, key)],
    ['request.headers.Authorization', /^request\.headers\.Authorization must not be given: the signer sets it$/, () => signRequest({ method: 'GET', url, headers: { authorization: 'x' } }, key)],
    ['request.headers.X-Sdk-Date', /^request\.headers\.X-Sdk-Date must be YYYYMMDDTHHMMSSZ \(UTC\), got "x20260101T000000Z"$/, () => signRequest({ method: 'GET', url, headers: { 'X-Sdk-Date': 'x20260101T000000Z' } }, key)],
    ['request.headers.X-Sdk-Date', /must be YYYYMMDDTHHMMSSZ/, () => signRequest({ method: 'GET', url, headers: { 'X-Sdk-Date': '20260101T000000Zx' } }, key)],
    ['options.date', /^options\.date must be in the years 0000 to 9999, got \+010000-01-01T00:00:00\.000Z$/, () => signRequest({ method: 'GET', url }, key, { date: new Date(Date.UTC(10000, 0, 1)) })],
  ];
  test.each(cases)('%s: %s', (field, rule, call) => {
    expect(call).toThrow(DliValidationError);
    expect(call).toThrow(rule);
    expect(refusalOf(call).field).toBe(field);
  });

  test('an SK is never sent, so any character is allowed in it: it keys the HMAC as UTF-8', () => {
    const signed = signRequest({ method: 'GET', url, headers: { 'X-Sdk-Date': '20260101T000000Z' } }, { ak: 'AK', sk: 'clé-€' });
    const mac = createHmac('sha256', Buffer.from('clé-€', 'utf8'));
    const stringToSign = `SDK-HMAC-SHA256\n20260101T000000Z\n${sha256Hex(signed.canonicalRequest)}`;
    expect(signatureOf(signed.headers.Authorization)).toBe(mac.update(stringToSign).digest('hex'));
  });
});

describe('the URL to send is the one that was signed', () => {
  const base = 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections';
  test.each([
    ['?', ''],
    ['', ''],
    ['?b=2&a=1', '?a=1&b=2'],
    ['?a=1', '?a=1'],
    ['?name=%7e+x', '?name=~%2Bx'],
    ['?tags=env%3Dprod&limit=2', '?limit=2&tags=env%3Dprod'],
  ])('a query of %j is sent as %j', (search, sent) => {
    const signed = signRequest({ method: 'GET', url: `${base}${search}` }, { ak: 'AK', sk: 'SK' });
    expect(signed.url).toBe(`${base}${sent}`);
    expect(signed.canonicalRequest.split('\n')[2]).toBe(sent.slice(1));
  });
});

describe('what is signed', () => {
  const url = 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections';
  const key = { ak: 'AK', sk: 'SK' };
  const headerLines = (canonicalRequest: string) => canonicalRequest.split('\n').slice(3, -3);
  test('header values are trimmed; a header left undefined is not sent', () => {
    const signed = signRequest({ method: 'GET', url, headers: { 'X-Custom': '  v w  ', 'X-Gone': undefined as never, 'X-Sdk-Date': ' 20260101T000000Z ' } }, key);
    expect(headerLines(signed.canonicalRequest)).toEqual(['host:dli.cn-north-4.myhuaweicloud.com', 'x-custom:v w', 'x-sdk-date:20260101T000000Z']);
    expect(Object.keys(signed.headers)).toEqual(['X-Custom', 'X-Sdk-Date', 'Authorization']);
  });
  test("a Host the caller gives is signed as given, not the URL's", () => {
    const signed = signRequest({ method: 'GET', url, headers: { Host: 'gateway.internal', 'X-Sdk-Date': '20260101T000000Z' } }, key);
    expect(headerLines(signed.canonicalRequest)).toEqual(['host:gateway.internal', 'x-sdk-date:20260101T000000Z']);
  });
  test.each([
    [Date.UTC(0, 0, 1) - 1900 * 365.2425 * 864e5, '0000'],
    [Date.UTC(9999, 11, 31, 23, 59, 59), '9999'],
  ])('the first and last years X-Sdk-Date can hold are signed (%s)', (time, year) => {
    const date = new Date(time);
    date.setUTCFullYear(Number(year));
    const signed = signRequest({ method: 'GET', url }, key, { date });
    expect(signed.headers['X-Sdk-Date'].slice(0, 4)).toBe(year);
  });
  test('an empty body is signed as no body', () => {
    const empty = signRequest({ method: 'POST', url, body: '', headers: { 'X-Sdk-Date': '20260101T000000Z' } }, key);
    const none = signRequest({ method: 'POST', url, headers: { 'X-Sdk-Date': '20260101T000000Z' } }, key);
    expect(empty.headers.Authorization).toBe(none.headers.Authorization);
  });
});

describe('temporary credentials', () => {
  const url = 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections?limit=1';
  const temporary = { ak: 'AK', sk: 'SK', securityToken: 'session-token' };
  test('send their token as X-Security-Token, signed', () => {
    const signed = signRequest({ method: 'GET', url }, temporary, { date: new Date(Date.UTC(2026, 0, 1)) });
    expect(signed.headers['X-Security-Token']).toBe('session-token');
    expect(signed.signedHeaders).toBe('host;x-sdk-date;x-security-token');
    expect(signed.canonicalRequest).toContain('\nx-security-token:session-token\n');
  });
  test('a token the caller set already is kept, not sent twice', () => {
    const signed = signRequest({ method: 'GET', url, headers: { 'x-security-token': 'session-token' } }, temporary);
    expect(Object.keys(signed.headers).filter((name) => name.toLowerCase() === 'x-security-token')).toEqual(['x-security-token']);
  });
  test('without a token no such header is made', () => {
    const signed = signRequest({ method: 'GET', url }, { ak: 'AK', sk: 'SK' });
    expect(Object.keys(signed.headers).map((name) => name.toLowerCase())).not.toContain('x-security-token');
    expect(signed.signedHeaders).toBe('host;x-sdk-date');
  });
});

describe('signRequest and createRequestSigner check what they are given', () => {
  const url = 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections';
  const key = { ak: 'AK-SECRET-PART', sk: 'SK-SECRET-PART' };
  const cases: Array<[string, () => unknown]> = [
    ['request.url', () => signRequest({ method: 'GET', url: 'not a url' }, key)],
    ['request.url', () => signRequest({ method: 'GET', url: 'ftp://example.com/x' }, key)],
    ['request.method', () => signRequest({ method: 'GE T', url }, key)],
    ['request.headers.X-Trace', () => signRequest({ method: 'GET', url, headers: { 'X-Trace': 'a\r\nHost: evil' } }, key)],
    ['credentials.sk', () => signRequest({ method: 'GET', url }, { ak: 'AK' } as never)],
    ['credentials.ak', () => signRequest({ method: 'GET', url }, { ak: 'AK\n', sk: 'SK' })],
    ['credentials', () => createRequestSigner(null as never)],
    ['options.date', () => signRequest({ method: 'GET', url }, key, { date: new Date(Number.NaN) })],
    ['options.signedHeaders', () => signRequest({ method: 'GET', url }, key, { signedHeaders: ['x-absent'] })],
    // Found by an outside review: each of these was signed, then sent other than as signed.
    ['request.headers', () => signRequest({ method: 'GET', url, headers: { 'X-A': '1', 'x-a': '2' } }, key)],
    ['request.headers.Authorization', () => signRequest({ method: 'GET', url, headers: { Authorization: 'x' } }, key)],
    ['request.headers.X-Sdk-Date', () => signRequest({ method: 'GET', url, headers: { 'X-Sdk-Date': 'yesterday' } }, key)],
    ['options.date', () => signRequest({ method: 'GET', url }, key, { date: new Date(Date.UTC(10000, 0, 1)) })],
    ['options.date', () => createRequestSigner(key)({ method: 'GET', url }, { date: new Date(Date.UTC(-1, 0, 1)) })],
  ];
  test.each(cases)('%s: a DliValidationError naming it, no secret shown', (field, call) => {
    let error: unknown;
    try {
      call();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DliValidationError);
    expect(error).toMatchObject({ field });
    expect(String(error)).not.toMatch(/SECRET-PART/);
  });
});
