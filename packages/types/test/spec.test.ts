// The spec's own examples must satisfy the spec's own schemas, and the schemas must be strict
// enough to reject what the reference rules out.
import { inlineSchemaErrors, schemaErrors, spec } from './spec-validator';

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
  expect(schemaErrors('EnhancedConnection', { id: 'x', name: 'n', status: 'ACTIVE', added_in_2027: true })).toEqual([]);
  // id, name and status are in every connection of every source: required.
  for (const field of ['id', 'name', 'status']) {
    const connection = Object.fromEntries(Object.entries({ id: 'x', name: 'n', status: 'ACTIVE' }).filter(([key]) => key !== field));
    expect(schemaErrors('EnhancedConnection', connection)).not.toEqual([]);
    expect(schemaErrors('ShowEnhancedConnectionResponse', { is_success: true, ...connection })).not.toEqual([]);
  }
});

test('every region of the reference has a server; eu-west-101 is on the .eu domain', () => {
  const [regional, eu] = spec.servers;
  expect(regional.variables.region.enum).toHaveLength(27);
  expect(regional.variables.region.enum).not.toContain('eu-west-101');
  expect(eu.url).toBe('https://dli.eu-west-101.myhuaweicloud.eu');
});

// Query parameters as a strict validator of the spec sees them (ajv, the spec's own schemas).
type QueryParameter = { name: string; schema: { $ref?: string } };
const listParameters = spec.paths['/v2.0/{project_id}/datasource/enhanced-connections'].get.parameters as QueryParameter[];
function parameterErrors(name: string, value: unknown): string[] {
  const { schema } = listParameters.find((parameter) => parameter.name === name)!;
  return schema.$ref ? schemaErrors(schema.$ref.split('/').pop()!, value) : inlineSchemaErrors(schema, value);
}

// Huawei's tag rules (dli_02_0187): letters of any script, digits, spaces and `_ . : = + - @`; never a comma.
const TAGS_ALLOWED = [
  'env=prod',
  'env=prod,team=data',
  'expr=a=b',
  'k==',
  'k=',
  'owner=data team@example.com',
  'version=1.2:3+4-5@6',
  'team name=data lake',
  '部门=数据湖,环境=生产',
  'café=ñandú',
  'a_b.c:d+e-f@g=x',
  'верх=связь',
  'データ=接続',
  '데이터=연결',
  'Ωμέγα=1',
  'ｅｎｖ=ｐｒｏｄ１',
];
const TAGS_REJECTED = [
  ...['env', '=prod', '', 'a=b,,c=d', 'a=b,', ',a=b', 'a=b,c'], // not k=v pairs
  ...['a=b;c=d', 'a=b#c', 'a/b=c', 'a=b\nc', 'k="v"'], // ASCII the rules leave out
  ...['emoji=😀', 'a=b，c=d', 'a=b、c', 'a=©', 'a=«b»'], // non-ASCII symbols and punctuation
  ...['a\u200b=b', 'a=\u202eb', 'a=b\u00a0', 'a=\ufeff'], // invisible characters
];

test.each(TAGS_ALLOWED)('the tags parameter accepts %j', (tags) => {
  expect(parameterErrors('tags', tags)).toEqual([]);
});

test.each(TAGS_REJECTED)('the tags parameter rejects %j', (tags) => {
  expect(parameterErrors('tags', tags)).not.toEqual([]);
});

test('the status parameter accepts any case of the status values; the response status stays the enum', () => {
  for (const status of ['ACTIVE', 'active', 'Active', 'aCtIvE', 'DELETED', 'deleted', 'Deleted']) {
    expect(parameterErrors('status', status)).toEqual([]);
  }
  for (const status of ['RUNNING', 'ACTIVEX', ' active', '', 'actıve']) expect(parameterErrors('status', status)).not.toEqual([]);
  const filter = spec.components.schemas.EnhancedConnectionStatusFilter;
  expect(filter['x-case-insensitive-enum']).toEqual(spec.components.schemas.EnhancedConnectionStatus.enum);
  expect(schemaErrors('EnhancedConnection', { status: 'active' })).not.toEqual([]);
  expect(schemaErrors('EnhancedConnection', { id: 'x', name: 'n', status: 'DELETED' })).toEqual([]);
});

test('isPrivis is allowed on show (a boolean), not promised', () => {
  const shown = { is_success: true, id: 'x', name: 'n', status: 'ACTIVE' };
  expect(schemaErrors('ShowEnhancedConnectionResponse', { ...shown, isPrivis: true })).toEqual([]);
  expect(schemaErrors('ShowEnhancedConnectionResponse', shown)).toEqual([]);
  expect(schemaErrors('ShowEnhancedConnectionResponse', { ...shown, isPrivis: 'yes' })).not.toEqual([]);
  expect(schemaErrors('EnhancedConnection', { isPrivis: 'yes' })).not.toEqual([]);
});
