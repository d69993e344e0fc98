// The path forms a signature is checked against: each signer's canonical URI of an odd id (as
// read from Huawei's Python, Go and Java signers; the interop run checks the SDKs themselves).
import { decodeLeniently, signedPathCandidates } from '../src/path-encoding';

test.each([
  ['/v2.0/p/x/abc', ['/v2.0/p/x/abc']],
  // Python sends a%2Fb and signs …/a/b; our client signs …/a%2Fb; Java sends a%2Fb for the id "a%2Fb" and signs a%252Fb.
  ['/v2.0/p/x/a%2Fb', ['/v2.0/p/x/a%2Fb', '/v2.0/p/x/a/b', '/v2.0/p/x/a%252Fb']],
  // Java sends a stray % as it is; everyone signs it as %25.
  ['/v2.0/p/x/a%b', ['/v2.0/p/x/a%25b']],
  ['/v2.0/p/x/%E6%95%B0', ['/v2.0/p/x/%E6%95%B0', '/v2.0/p/x/%25E6%2595%25B0']],
])('%s may have been signed as %j', (pathname, candidates) => {
  expect(signedPathCandidates(pathname)).toEqual(candidates);
});

test('decodes valid escapes only', () => {
  expect(decodeLeniently('a%20b%zz%41')).toBe('a b%zzA');
  // A run of escapes that is not UTF-8 stays as it was sent.
  expect(decodeLeniently('x%E0%A4%41')).toBe('x%E0%A4%41');
  expect(decodeLeniently('plain')).toBe('plain');
});
