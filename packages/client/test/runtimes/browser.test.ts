// The client in a real browser: headless Chromium (see chromium.ts), driven by playwright-core, loads a page from
// one origin that lists connections from the stand-in on another (CORS), signing with AK/SK in
// the page, using only Web APIs. The bundle is the built ESM package, as a bundler would use it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { type MockDli, startMockDli } from '@dli-sdk/mock-server';
import { PROJECT_ID, TEST_AK, TEST_SK } from '../helpers';
import { findChromium, launchChromium } from './chromium';
import { bundleForWeb } from './web-bundle';

const CHROMIUM = findChromium();

const APP = `
import { createDliClient, createDliFetchClient, DliApiError } from '@dli-sdk/client';
window.runDli = async ({ endpoint, projectId, ak, sk }) => {
  const options = { endpoint, projectId, credentials: { ak, sk }, retry: false };
  const client = createDliClient(options);
  const ids = [];
  for await (const connection of client.paginateEnhancedConnections({}, { pageSize: 25, concurrency: 2 })) ids.push(connection.id);
  let notFound;
  try {
    await client.getEnhancedConnection('00000000-0000-4000-8000-000000000000');
  } catch (error) {
    notFound = { name: error.name, isDliApiError: error instanceof DliApiError, isNotFound: error.isNotFound, code: error.code, requestId: error.requestId };
  }
  const fetchClient = createDliFetchClient(options);
  const { data } = await fetchClient.GET('/v2.0/{project_id}/datasource/enhanced-connections', {
    params: { path: { project_id: projectId }, query: { limit: 3, status: 'active' } },
  });
  return { ids, notFound, fetchClientCount: data.connections.length, hasProcess: typeof process !== 'undefined' };
};
`;

let mock: MockDli | undefined;
let pages: Server | undefined;
let pageUrl: string;
let browser: Browser | undefined;

beforeAll(async () => {
  mock = await startMockDli({ connections: 130, seed: 5, auth: { credentials: [{ ak: TEST_AK, sk: TEST_SK }] } });
  const script = await bundleForWeb(APP);
  pages = createServer((request, response) => {
    if (request.url === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><body><script type="module" src="/app.js"></script></body></html>');
    }
  });
  await new Promise<void>((resolve) => pages!.listen(0, '127.0.0.1', resolve));
  // localhost vs 127.0.0.1: a different origin from the stand-in's, so every call is cross-origin.
  pageUrl = `http://localhost:${(pages.address() as AddressInfo).port}/`;
  browser = await launchChromium(CHROMIUM.executablePath);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => pages?.close(resolve));
  await mock?.close();
});

test('Chromium lists every connection cross-origin with AK/SK signing, and gets typed errors', async () => {
  const page = await browser!.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(pageUrl);
  await page.waitForFunction(() => typeof (window as unknown as { runDli?: unknown }).runDli === 'function');
  const result = await page.evaluate(
    (args) => (window as unknown as { runDli: (a: typeof args) => Promise<unknown> }).runDli(args),
    { endpoint: mock!.url, projectId: PROJECT_ID, ak: TEST_AK, sk: TEST_SK },
  );
  expect(consoleErrors).toEqual([]);
  expect(result).toMatchObject({
    ids: mock!.connections.map((c) => c.id),
    notFound: { name: 'DliApiError', isDliApiError: true, isNotFound: true, code: 'DLI.0002' },
    fetchClientCount: 3,
    hasProcess: false,
  });
  expect((result as { notFound: { requestId: string } }).notFound.requestId).toMatch(/^[0-9a-f]{32}$/);
  // Every API request was signed and came from the page's origin.
  const api = mock!.requests.filter((r) => r.url.startsWith('/v2.0/'));
  expect(api.length).toBeGreaterThanOrEqual(8);
  for (const request of api) {
    expect(request.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
    expect(request.headers.origin).toBe(pageUrl.replace(/\/$/, ''));
  }
});

test('without CHROMIUM_PATH the browser comes from the npm package, so no system Chromium is needed', () => {
  if (process.env.CHROMIUM_PATH) expect(CHROMIUM).toEqual({ executablePath: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' });
  else expect(CHROMIUM.source).toBe('@sparticuz/chromium');
  expect(browser!.isConnected()).toBe(true);
});
