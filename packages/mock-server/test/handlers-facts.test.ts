// The stand-in serves the API from the spec's facts, never from its own copy of them: its request
// handling holds no literal the spec holds (paths and their segments, enum values, patterns and
// their wording, numeric bounds and defaults). Parameter names stay, as keys the compiler checks
// against the generated facts. The data generator (dataset.ts) is typed by @dli-sdk/types instead.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');
const spec: unknown = parse(readFileSync(path.join(root, 'spec/dli-enhanced-connections.yaml'), 'utf8'));

/** Every value under one of `keys`, anywhere in the spec. */
function valuesOf(node: unknown, keys: readonly string[], found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) valuesOf(item, keys, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (keys.includes(key)) found.push(value);
      valuesOf(value, keys, found);
    }
  }
  return found;
}

const paths = Object.keys((spec as { paths: Record<string, unknown> }).paths);
const literals = new Set<string>([
  ...paths,
  ...paths.flatMap((template) => template.split('/').filter((segment) => segment.length > 2 && !segment.startsWith('{'))),
  ...valuesOf(spec, ['enum', 'x-case-insensitive-enum']).flat().map(String),
  ...valuesOf(spec, ['pattern', 'x-rule']).map(String),
  // A pattern's pieces: its character classes, which a hand-written copy would repeat.
  ...valuesOf(spec, ['pattern']).flatMap((pattern) => String(pattern).match(/\[[^\]]{8,}\]/g) ?? []),
  'k=v',
]);
const numbers = [...valuesOf(spec, ['maximum', 'minimum', 'default', 'maxLength']), 2147483647].filter(
  (value): value is number => typeof value === 'number' && value > 1,
);

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

test.each(['handlers.ts', 'server.ts'])('%s holds no API literal of the spec', (file) => {
  const source = withoutComments(readFileSync(path.resolve(__dirname, '../src', file), 'utf8'));
  expect(literals.size).toBeGreaterThan(10);
  for (const literal of literals) expect({ literal, found: source.includes(literal) }).toEqual({ literal, found: false });
  for (const value of numbers) {
    const spelled = new RegExp(`\\b(${value}|${value.toLocaleString('en').replace(/,/g, '_')})\\b`);
    expect({ value, found: spelled.test(source) }).toEqual({ value, found: false });
  }
});

test('the check would notice a copied fact', () => {
  const copied = withoutComments("const STATUS = /^(ACTIVE|DELETED)$/i; // the spec's\nconst MAX = 2_147_483_647;");
  expect([...literals].some((literal) => copied.includes(literal))).toBe(true);
  expect(/\b2_147_483_647\b/.test(copied)).toBe(true);
});
