// docs/other-languages.md shows the snippets the interop programs run (scripts/interop/), so the
// page cannot drift from code that `npm run test:interop` runs against dli-mock.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const page = readFileSync(path.join(root, 'docs/other-languages.md'), 'utf8');

/** The lines between `snippet:start NAME` and `snippet:end NAME`, without their common indent. */
function snippet(file: string, name: string): string {
  const text = readFileSync(path.join(root, file), 'utf8');
  const match = new RegExp(`^[ \\t]*(?://|#) snippet:start ${name}\\n([\\s\\S]*?)^[ \\t]*(?://|#) snippet:end ${name}$`, 'm').exec(text);
  if (!match) throw new Error(`${file} has no snippet ${name}`);
  const lines = match[1].replace(/\n$/, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

test.each([
  ['python', 'scripts/interop/python/client.py'],
  ['go', 'scripts/interop/go/main.go'],
  ['java', 'scripts/interop/java/src/main/java/interop/Main.java'],
])('the %s snippet on the page is the one the interop program runs', (language, file) => {
  const code = snippet(file, language);
  expect(code.split('\n').length).toBeGreaterThan(4);
  expect(page).toContain(`\`\`\`${language}\n${code}\n\`\`\``);
});

test('the pinned versions on the page are the ones the interop programs pin', () => {
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  expect(page).toContain(`\`huaweicloudsdkdli\` ${/huaweicloudsdkdli==([\d.]+)/.exec(read('scripts/interop/python/requirements.txt'))![1]}`);
  expect(page).toContain(`huaweicloud-sdk-go-v3\` ${/huaweicloud-sdk-go-v3 (v[\d.]+)/.exec(read('scripts/interop/go/go.mod'))![1]}`);
  expect(page).toContain(`huaweicloud-sdk-dli\` ${/<huaweicloud.sdk.version>([\d.]+)</.exec(read('scripts/interop/java/pom.xml'))![1]}`);
});
