// Shared fixtures of the client tests. The secrets here are scanned for in every error the
// suites produce (see expectNoSecrets).
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { DliValidationError } from '@dli-sdk/client';
import { type MockDli, type MockDliOptions, startMockDli } from '@dli-sdk/mock-server';
import { expectNoSecretsIn } from './no-secrets';

export const TEST_AK = 'TESTAKDLISDK0000AKID';
export const TEST_SK = 'tEsT-sEcReT-kEy-2d8f0c6e41b9a7SKSK';
export const TEST_TOKEN = 'MIIT-test-iam-token-5f1b2c9d0e7a';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';

export const akSk = { ak: TEST_AK, sk: TEST_SK };

/** Starts a stand-in that accepts the test key and token, runs `fn`, and always closes it. */
export async function withMock<T>(options: MockDliOptions, fn: (mock: MockDli) => Promise<T>): Promise<T> {
  const mock = await startMockDli({ auth: { credentials: [akSk], tokens: [TEST_TOKEN] }, ...options });
  try {
    return await fn(mock);
  } finally {
    await mock.close();
  }
}

/** A text (an error's view, a log) holds neither the test SK, the test token nor a signature. */
export function expectNoTestSecretsIn(text: string): void {
  expectNoSecretsIn(text, [TEST_SK, TEST_TOKEN]);
}

/** Every way an error can be shown: none may contain the SK, the token or an Authorization value. */
export function expectNoSecrets(error: unknown): void {
  const views = [
    String(error),
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error),
    inspect((error as { cause?: unknown }).cause, { depth: 10 }),
  ];
  for (const view of views) expectNoTestSecretsIn(view);
}

// Every error a suite provokes through rejectionOf is scanned for the test secrets once the
// suite is done, on top of the checks the tests make themselves.
const producedErrors: unknown[] = [];
afterAll(() => {
  for (const error of producedErrors) expectNoSecrets(error);
});

/** Awaits a promise expected to reject and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    producedErrors.push(error);
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Runs a check expected to throw a DliValidationError and returns the field and rule it names. */
export function refusalOf(check: () => unknown): { field: string; rule: string } {
  try {
    check();
  } catch (error) {
    producedErrors.push(error);
    if (!(error instanceof DliValidationError)) throw error;
    return { field: error.field, rule: error.rule };
  }
  throw new Error('expected a DliValidationError, but the check passed');
}


/** A loopback port nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
