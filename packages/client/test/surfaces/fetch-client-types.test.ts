// The fetch client's types match its behaviour: what GET refuses at run time is a type error,
// and openapi-fetch's use() is not there. Compiled against the published types, as a user's
// project would; the run-time refusals are in fetch-client-checks.test.ts.
import path from 'node:path';
import { createDliFetchClient, DliValidationError } from '@dli-sdk/client';
import { PROJECT_ID } from '../helpers';
import { strictProblems } from '../strict-compile';

test('refused per-call options are type errors; headers, signal and each parseAs are typed as they behave', () => {
  const file = path.resolve(__dirname, '../fixtures/fetch-client-options.ts');
  const problems = strictProblems([file]).map((problem) => problem.replace(/^\S+:(\d+) .*?'(\w+)'.*$/s, '$1 $2'));
  expect(problems).toEqual(['14 fetch', '15 querySerializer', '16 pathSerializer', '17 middleware']);
});

describe('at run time', () => {
  const client = createDliFetchClient({ endpoint: 'http://127.0.0.1:9', projectId: PROJECT_ID });
  const GET = (path: string, init: unknown) => (client.GET as (path: string, init: unknown) => Promise<unknown>)(path, init);
  const params = { path: { project_id: PROJECT_ID } };

  test.each(['pathSerializer', 'headerSerializer'])('%s is refused: it would send the credentials to another path', async (key) => {
    await expect(GET('/v2.0/{project_id}/datasource/enhanced-connections', { params, [key]: () => '/elsewhere' })).rejects.toMatchObject({
      field: key,
      rule: "must not be given per call: it would bypass the client's signing, checks and retries",
    });
  });

  test.each(['formData', 'TEXT'])('parseAs: %s is refused', async (parseAs) => {
    const error: unknown = await GET('/v2.0/{project_id}/datasource/enhanced-connections', { params, parseAs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DliValidationError);
    expect(error).toMatchObject({ field: 'parseAs' });
  });

  test('use() and eject() are gone', () => {
    expect('use' in client).toBe(false);
    expect('eject' in client).toBe(false);
  });
});
