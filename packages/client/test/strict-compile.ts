// Compiles files as a user's strict project would (Node ESM resolution, the published types) and
// returns each problem as `file:line message`.
import path from 'node:path';
import ts from 'typescript';

export function strictProblems(files: string[], { checkJs = false } = {}): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    allowJs: checkJs,
    checkJs,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1} ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
