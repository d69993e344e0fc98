// The spec's own examples must satisfy the spec's own schemas, and the schemas must be strict
// enough to reject what the reference rules out.
import { schemaErrors, spec } from './spec-validator';

type Operation = { responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref: string }; examples?: Record<string, { value: unknown }>; example?: unknown }> }> };

const examples: Array<[string, string, unknown]> = [];
for (const [route, item] of Object.entries(spec.paths as Record<string, { get: Operation }>)) {
  for (const [status, response] of Object.entries(item.get.responses)) {
    const resolved = response.$ref ? spec.components.responses[response.$ref.split('/').pop()!] : response;
    const media = resolved.content['application/json'];
    const schema = media.schema.$ref.split('/').pop()!;
    for (const [name, example] of Object.entries(media.examples ?? {})) {
      examples.push([`${route} ${status} example "${name}"`, schema, (example as { value: unknown }).value]);
    }
    if (media.example !== undefined) examples.push([`${route} ${status} example`, schema, media.example]);
  }
}

test('the spec has examples for both operations and for errors', () => {
  expect(examples.length).toBeGreaterThanOrEqual(4);
});

test.each(examples)('%s validates against %s', (_title, schema, value) => {
  expect(schemaErrors(schema, value)).toEqual([]);
});

test('the schemas reject what the reference rules out, and allow unknown fields', () => {
  expect(schemaErrors('EnhancedConnection', { status: 'RUNNING' })).not.toEqual([]);
  expect(schemaErrors('EnhancedConnection', { create_time: '1566888011125' })).not.toEqual([]);
  expect(schemaErrors('EnhancedConnectionResource', { status: 'DELETED' })).not.toEqual([]);
  expect(schemaErrors('DliErrorBody', { error_code: 'DLI.0001' })).not.toEqual([]);
  expect(schemaErrors('EnhancedConnection', { id: 'x', added_in_2027: true })).toEqual([]);
});

test('every region of the reference has a server; eu-west-101 is on the .eu domain', () => {
  const [regional, eu] = spec.servers;
  expect(regional.variables.region.enum).toHaveLength(27);
  expect(regional.variables.region.enum).not.toContain('eu-west-101');
  expect(eu.url).toBe('https://dli.eu-west-101.myhuaweicloud.eu');
});
