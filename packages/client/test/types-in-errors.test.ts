// Compiler errors speak the API's names: a misspelled field of a connection names
// `EnhancedConnection`, not the generated intersection it is made of. Compiled against the
// published types, as a user's project would.
import path from 'node:path';
import ts from 'typescript';

test('a misspelled field is an error naming EnhancedConnection', () => {
  const file = path.resolve(__dirname, 'fixtures/misspelled-field.ts');
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
  });
  const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(messages).toEqual(["Property 'nmae' does not exist on type 'EnhancedConnection'."]);
});
