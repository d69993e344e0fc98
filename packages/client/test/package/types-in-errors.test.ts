// Compiler errors speak the API's names: a misspelled field of a connection names
// `EnhancedConnection`, not the generated intersection it is made of. Compiled against the
// published types, as a user's project would.
import path from 'node:path';
import { strictProblems } from '../strict-compile';

test('a misspelled field is an error naming EnhancedConnection', () => {
  const file = path.resolve(__dirname, '../fixtures/misspelled-field.ts');
  const messages = strictProblems([file]).map((problem) => problem.replace(/^\S+:\d+ /, ''));
  expect(messages).toEqual(["Property 'nmae' does not exist on type 'EnhancedConnection'."]);
});
