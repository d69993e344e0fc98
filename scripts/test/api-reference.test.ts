// The API reference (`npm run docs`): TypeDoc builds it with every export documented (an
// undocumented one fails the build), and a reader using headless Chromium can search it for a
// method and land on that method's documentation.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from '../../packages/client/test/runtimes/chromium';

const root = path.resolve(__dirname, '../..');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

let out: string;
let server: Server | undefined;
let site: string;
let browser: Browser | undefined;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'dli-docs-'));
  // The same configuration as `npm run docs` (typedoc.json), into a scratch folder.
  const typedoc = spawnSync(path.join(root, 'node_modules/.bin/typedoc'), ['--out', out], { cwd: root, encoding: 'utf8' });
  if (typedoc.status !== 0) throw new Error(`typedoc failed:\n${typedoc.stdout}\n${typedoc.stderr}`);
  // Served over HTTP as a docs host would: the search index is fetched by the page's script.
  server = createServer((request, response) => {
    const file = path.join(out, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
    if (!file.startsWith(out)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchChromium(findChromium().executablePath);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(out, { recursive: true, force: true });
});

test('searching the reference for paginateEnhancedConnections leads to its documentation', async () => {
  const page = await browser!.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site);
  await page.click('#tsd-search-trigger');
  await page.fill('#tsd-search-input', 'paginateEnhancedConnections');
  const hit = page.locator('#tsd-search-results li a', { hasText: 'paginateEnhancedConnections' }).first();
  await hit.waitFor({ timeout: 30_000 });
  await hit.click();
  await page.waitForURL(/#paginateenhancedconnections$/i);
  // The member's own section: its name as a heading, its signature and its TSDoc text.
  const section = page.locator('section.tsd-member', { has: page.locator('#paginateenhancedconnections') });
  await expect(section.locator('h3').first().innerText()).resolves.toContain('paginateEnhancedConnections');
  await expect(section.innerText()).resolves.toMatch(/every connection|pager|page/i);
  expect(errors).toEqual([]);
}, 120_000);

test('every public package has its page in the reference', async () => {
  const page = await browser!.newPage();
  await page.goto(site);
  const modules = await page.locator('a[href*="modules/"]').evaluateAll((links) => links.map((a) => a.textContent.trim()));
  for (const name of ['@dli-sdk/types', '@dli-sdk/client', '@dli-sdk/mock-server', '@dli-sdk/cli']) expect(modules).toContain(name);
});
