// The published vectors and Huawei's cases signed inside headless Chromium by the built package
// bundled for the web: the @noble/hashes path a browser gets (no node:crypto there).
import type { Browser } from 'playwright-core';
import { findChromium, launchChromium } from './chromium';
import { huaweiSignedCases, PUBLISHED_VECTORS, type SigningCase } from '../signing-cases';
import { bundleForWeb } from './web-bundle';

const APP = `
import { signRequest } from '@dli-sdk/client';
window.signCases = (cases) => cases.map(({ credentials, request: { bodyAsBytes, ...rest }, options }) => {
  const body = bodyAsBytes ? new TextEncoder().encode(rest.body) : rest.body;
  return /Signature=([0-9a-f]{64})$/.exec(signRequest({ ...rest, body }, credentials, options).headers.Authorization)[1];
});
`;

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchChromium(findChromium().executablePath);
}, 60_000);
afterAll(() => browser?.close());

test('Chromium signs the published vectors and agrees with Huawei on 100 random list requests', async () => {
  const cases = [...PUBLISHED_VECTORS, ...huaweiSignedCases(100)];
  const page = await browser!.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: await bundleForWeb(APP), type: 'module' });
  await page.waitForFunction(() => 'signCases' in window);
  const signatures = await page.evaluate((given) => (window as unknown as { signCases(c: SigningCase[]): string[] }).signCases(given), cases);
  expect(signatures.map((signature, i) => ({ name: cases[i].name, signature }))).toEqual(cases.map(({ name, signature }) => ({ name, signature })));
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
}, 60_000);
