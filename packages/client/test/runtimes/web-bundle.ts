// Bundles test apps for the web, as an app's bundler would; only the browser and edge tests need it.
import path from 'node:path';
import { build } from 'esbuild';

/** Bundles `code` (which imports the built @dli-sdk/client) for the web, as an app's bundler would. */
export async function bundleForWeb(code: string): Promise<string> {
  const bundle = await build({
    stdin: { contents: code, resolveDir: path.resolve(__dirname, '../..'), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}
