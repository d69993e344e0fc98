// Usage errors come before any work and name the flag: nothing is started or read before the
// flags are known to be good, and our own multi-line help reads as lines, not as escapes.
import { cli } from './run-cli';

test.each([
  [['list', '--mock', '--status', 'foo'], 'error: --status must be one of ACTIVE, DELETED'],
  [['list', '--mock', '--tags', 'a'], 'error: --tags must match'],
  [['get', '--mock', ''], 'error: <id> must not be empty'],
  [['list', '--mock', '--name', ''], '--name must not be empty'],
  [['list', '--mock', '--tags', ''], '--tags must not be empty'],
  [['list', '--mock', '--status', ''], '--status must not be empty'],
])('%j is refused before the stand-in starts', async (args, message) => {
  const run = await cli(args);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
  expect(run.stderr).not.toContain('Using the DLI stand-in at http://127.0.0.1:');
  expect(run.stdout).toBe('');
});

test.each([
  ['not a url', 'error: --endpoint must be an absolute http(s) URL, got "not a url"'],
  ['ftp://x', 'error: --endpoint must use https (or http), got ftp:'],
])('without credentials, --endpoint %j names the bad URL, not the missing credentials', async (endpoint, message) => {
  const run = await cli(['list', '--endpoint', endpoint]); // no project id either
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`${message}\n`);
});

test('the help for an unconfigured CLI prints real lines, and user text quoted in errors stays inert', async () => {
  const run = await cli(['list']);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toContain('\\x0a');
  expect(run.stderr).toContain('No DLI endpoint is configured.\n\nConfigure a real one:\n  dli-connections list --region');
  const typed = await cli(['list', '--output', 'x\x1b[2J\ny']);
  expect(typed.code).toBe(2);
  expect(typed.stderr).toContain('x\\x1b[2J');
  expect(typed.stderr).not.toContain('\x1b');
});
