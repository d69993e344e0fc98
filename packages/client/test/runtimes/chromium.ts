// Which Chromium the browser test drives: CHROMIUM_PATH when set (a system Chromium, say), else the
// headless Chromium inside the npm package @sparticuz/chromium, so `npm test` needs no browser
// installed on the machine.
import { spawnSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

// The package is ESM-only and jest runs tests as CommonJS, so a child Node asks it where it
// unpacked its binary (into the system temp folder, once).
const UNPACK = "import c from '@sparticuz/chromium'; console.log(await c.executablePath());";

/** Where the Chromium to launch is, and where that choice came from. */
export function findChromium(): { executablePath: string; source: 'CHROMIUM_PATH' | '@sparticuz/chromium' } {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', UNPACK], { cwd: __dirname, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`@sparticuz/chromium could not unpack its Chromium:\n${child.stderr}`);
  return { executablePath: child.stdout.trim(), source: '@sparticuz/chromium' };
}

/** Launches headless Chromium with the web's security rules on (the test checks CORS). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
