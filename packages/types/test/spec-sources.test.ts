// Spec fidelity: every fact of the spec says where it comes from (`x-source`), and the responses the
// API gateway adds are kept apart from those the operation references document.
import { spec } from './spec-validator';

type Node = Record<string, unknown> & { $ref?: string; 'x-source'?: unknown };
type Operation = { operationId: string; parameters?: Node[]; responses: Record<string, Node> };
type PathItem = { parameters?: Node[]; get: Operation };

// A source names a reference page, Huawei's SDKs, its Terraform provider, the API gateway, an RFC,
// or says that the fact is inferred.
const NAMES_A_SOURCE = /dli_02_\d{4}|SDK|Terraform|API gateway|RFC \d+|[Ii]nferred/;

const components = spec.components as Record<'parameters' | 'responses' | 'schemas' | 'headers' | 'securitySchemes', Record<string, Node>>;
const paths = spec.paths as Record<string, PathItem>;

/** Every node the rule applies to, with a readable location. */
function sourcedNodes(): Array<[string, Node]> {
  const nodes: Array<[string, Node]> = [];
  for (const kind of ['parameters', 'responses', 'schemas', 'headers', 'securitySchemes'] as const) {
    for (const [name, node] of Object.entries(components[kind])) nodes.push([`components.${kind}.${name}`, node]);
  }
  for (const [route, item] of Object.entries(paths)) {
    const parameters = [...(item.parameters ?? []), ...(item.get.parameters ?? [])];
    for (const parameter of parameters) {
      if (!parameter.$ref) nodes.push([`${route} parameter ${String(parameter.name)}`, parameter]);
    }
    for (const [status, response] of Object.entries(item.get.responses)) {
      if (!response.$ref) nodes.push([`${route} response ${status}`, response]);
    }
  }
  return nodes;
}

test.each(sourcedNodes())('%s carries an x-source naming its source', (_where, node) => {
  expect(typeof node['x-source']).toBe('string');
  expect(node['x-source']).toMatch(NAMES_A_SOURCE);
});

test('the spec says where it follows the current reference rather than the seed', () => {
  for (const field of ['tags', 'limit=0', 'isPrivis', 'hosts', 'elastic_resource_pools', 'ipv6_enable']) {
    expect(spec.info.description).toContain(`\`${field}\``);
  }
  expect(JSON.stringify(spec)).toMatch(/not in the seed/);
});

// The operation references (dli_02_0190, dli_02_0189) list 200, 400 and 500; the API gateway adds the rest.
const DOCUMENTED = ['200', '400', '500'];

test.each(Object.entries(paths))('%s: gateway responses are shared Gateway* components, described as such', (_route, item) => {
  for (const [status, response] of Object.entries(item.get.responses)) {
    const name = response.$ref?.split('/').pop();
    if (DOCUMENTED.includes(status)) {
      expect(name ?? '').not.toMatch(/^Gateway/);
      continue;
    }
    expect(name).toMatch(/^Gateway/);
    const component = components.responses[name!];
    expect(component.description).toMatch(/^Gateway response\./);
    expect(component['x-source']).toMatch(/not in dli_02_0190 or dli_02_0189|no Huawei source lists it/);
  }
});

test('the show operation marks its not-found answer as inferred and names what is known', () => {
  const show = paths['/v2.0/{project_id}/datasource/enhanced-connections/{connection_id}'].get as unknown as { description: string };
  expect(show.description).toMatch(/\*\*inferred\*\*/);
  for (const fact of ['404', 'DLI.0001', 'DLI.0002', 'DELETED', 'Terraform']) expect(show.description).toContain(fact);
  expect(show.description).not.toMatch(/no `isPrivis`/);
  expect(components.responses.BadRequest['x-source']).toMatch(/inferred/);
});
