// The stand-in under load and abuse: its request log stays bounded and redacted over many
// requests, and signatures must cover host, as at the real gateway. (dli-mock, the binary, is
// knocked at in bin-flags.test.ts.)
import { signRequest } from '@dli-sdk/client';
import { REQUEST_LOG_SIZE, startMockDli } from '@dli-sdk/mock-server';

const LIST = '/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections';

test('the request log keeps only the last REQUEST_LOG_SIZE requests, without credential values', async () => {
  const mock = await startMockDli({ connections: 1, auth: { tokens: ['log-test-token'] } });
  try {
    const total = REQUEST_LOG_SIZE + 500;
    for (let i = 0; i < total; i++) {
      const response = await fetch(`${mock.url}${LIST}?offset=${i}`, { headers: { 'x-auth-token': 'log-test-token', 'x-security-token': 'session' } });
      await response.arrayBuffer();
    }
    expect(mock.requestCount).toBe(total);
    expect(mock.requests).toHaveLength(REQUEST_LOG_SIZE);
    expect(mock.requests[0].url).toBe(`${LIST}?offset=500`);
    expect(mock.requests.at(-1)!.url).toBe(`${LIST}?offset=${total - 1}`);
    const logged = JSON.stringify(mock.requests);
    expect(logged).not.toContain('log-test-token');
    expect(logged).not.toContain('session');
    expect(mock.requests[0].headers['x-auth-token']).toBe('[redacted]');
  } finally {
    await mock.close();
  }
});

test('a signature whose SignedHeaders leave out host passes, as Huawei\'s Go SDK sends it to the real gateway', async () => {
  const key = { ak: 'ROBUSTAK000000000000', sk: 'robust-secret' };
  const mock = await startMockDli({ connections: 1, auth: { credentials: [key] } });
  try {
    const url = `${mock.url}${LIST}`;
    const withHost = signRequest({ method: 'GET', url, headers: { host: new URL(url).host } }, key);
    expect(withHost.signedHeaders).toContain('host');
    expect((await fetch(url, { headers: withHost.headers })).status).toBe(200);
    const { Authorization, 'X-Sdk-Date': date } = signRequest({ method: 'GET', url, headers: {} }, key, { signedHeaders: ['x-sdk-date'] }).headers;
    const response = await fetch(url, { headers: { Authorization, 'X-Sdk-Date': date } });
    expect(response.status).toBe(200);
  } finally {
    await mock.close();
  }
});
