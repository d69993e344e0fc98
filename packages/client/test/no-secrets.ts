// The one check that a text shown to someone (an error's view, a log, a command's output) holds
// no secret: shared by the client's and the CLI's tests.

/** Fails when `text` contains one of `secrets` or a request signature. */
export function expectNoSecretsIn(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
}
