#!/usr/bin/env node
// Regenerates everything derived from spec/: the openapi-typescript types of @dli-sdk/types and
// the typescript-fetch layer of @dli-sdk/client. `--out DIR` writes into DIR instead of the
// repository (the drift check uses it). Output is byte-for-byte deterministic.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse as parseYaml } from 'yaml';
import {
  HEADER_LINES,
  clientGenerator,
  generatedDirs,
  repoRoot,
  specPath,
} from './generator-config.mjs';
import { assertJava, ensureGeneratorJar } from './ensure-generator-jar.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outRoot = path.resolve(values.out ?? repoRoot);
const header = HEADER_LINES.map((line) => `// ${line}`).join('\n') + '\n';

async function generateTypes() {
  const ast = await openapiTS(new URL(`file://${specPath}`), { exportType: true });
  const dir = path.join(outRoot, generatedDirs.types);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'schema.ts'), header + '\n' + asTsdoc(astToString(ast)));
}

/**
 * Rewrites openapi-typescript's JSDoc into TSDoc, so that hovers read as prose: `@description` is
 * not a TSDoc tag (editors show it verbatim), `@enum {string}` repeats the type, `@default` is
 * `@defaultValue`, and a bare `Format: int64` line becomes a sentence.
 */
function asTsdoc(source) {
  return source
    .replace(/(\/\*\*|\*) @description /g, '$1 ')
    .replace(/^\s*\* @enum \{\w+\}\n/gm, '')
    .replace(/(\* )@default /g, '$1@defaultValue ')
    .replace(/(\* )Format: ([\w-]+)$/gm, '$1Format `$2`.');
}

function toCliList(record) {
  return Object.entries(record ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

function generateClient() {
  assertJava();
  ensureGeneratorJar();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dli-generated-client-'));
  const args = [
    'generate',
    '-g', clientGenerator.generatorName,
    '-i', specPath,
    '-o', tmp,
    // Our own runtime and API templates (the stock ones carry far more than the client uses).
    ...(clientGenerator.templateDir ? ['-t', path.join(repoRoot, clientGenerator.templateDir)] : []),
    `--additional-properties=${toCliList(clientGenerator.additionalProperties)}`,
    `--type-mappings=${toCliList(clientGenerator.typeMappings)}`,
    `--global-property=${toCliList(clientGenerator.globalProperty)}`,
  ];
  const bin = path.join(repoRoot, 'node_modules', '.bin', 'openapi-generator-cli');
  const run = spawnSync(bin, args, { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    throw new Error(`openapi-generator-cli exited with ${run.status}`);
  }
  // Only the TypeScript sources are ours to commit; the generator's bookkeeping files are not.
  rmSync(path.join(tmp, '.openapi-generator'), { recursive: true, force: true });
  rmSync(path.join(tmp, '.openapi-generator-ignore'), { force: true });
  for (const file of listFiles(tmp)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, header + text.replace(/^\/\* tslint:disable \*\/\n\/\* eslint-disable \*\/\n/, ''));
  }
  writeFileSync(path.join(tmp, 'spec-facts.ts'), header + specFactsModule());
  const dir = path.join(outRoot, generatedDirs.client);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  cpSync(tmp, dir, { recursive: true });
  rmSync(tmp, { recursive: true, force: true });
}

function generateMockServerFacts() {
  const dir = path.join(outRoot, generatedDirs.mockServer);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'spec-facts.ts'), header + specFactsModule());
  writeFileSync(path.join(dir, 'connection-schema.ts'), header + connectionSchemaModule());
}

// The keywords a stored connection is checked with (dli-mock --data); descriptions and sources stay out.
const VALIDATION_KEYWORDS = ['type', 'format', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'required'];

/** The spec's `EnhancedConnection` schema with every `$ref` inlined and every `allOf` merged. */
function connectionSchemaModule() {
  const spec = parseYaml(readFileSync(specPath, 'utf8'));
  const flatten = (node) => {
    if (node.$ref) return flatten(node.$ref.replace(/^#\//, '').split('/').reduce((at, key) => at[key], spec));
    const merged = {};
    for (const part of [node, ...(node.allOf ?? []).map(flatten)]) {
      for (const key of VALIDATION_KEYWORDS) if (part[key] !== undefined) merged[key] = part[key];
      if (part.properties) {
        merged.properties ??= {};
        for (const [name, schema] of Object.entries(part.properties)) merged.properties[name] = flatten(schema);
      }
      if (part.items) merged.items = flatten(part.items);
    }
    if (merged.properties) merged.type ??= 'object';
    return merged;
  };
  return [
    '',
    '/** The schema of one connection as the spec gives it ($refs inlined, allOf merged), for checking data files. */',
    `export const CONNECTION_SCHEMA: JsonSchema = ${JSON.stringify(flatten(spec.components.schemas.EnhancedConnection), null, 2)};`,
    '',
    '/** The subset of JSON Schema the generated schema uses. */',
    'export interface JsonSchema {',
    '  type?: string;',
    '  format?: string;',
    '  enum?: readonly unknown[];',
    '  pattern?: string;',
    '  minLength?: number;',
    '  maxLength?: number;',
    '  minimum?: number;',
    '  maximum?: number;',
    '  required?: readonly string[];',
    '  properties?: Record<string, JsonSchema>;',
    '  items?: JsonSchema;',
    '}',
    '',
  ].join('\n');
}

/**
 * Facts of the spec that hand-written code needs at run time: the region → endpoint table
 * (from `servers`) and each operation's method, path and parameter rules.
 */
function specFactsModule() {
  const spec = parseYaml(readFileSync(specPath, 'utf8'));
  const resolve = (node) => {
    if (!node?.$ref) return node;
    const target = node.$ref.replace(/^#\//, '').split('/').reduce((at, key) => at[key], spec);
    return resolve(target);
  };
  // The regional server's URL template and its region enum, plus servers of their own (eu-west-101).
  const templated = spec.servers.find((server) => server.variables?.region?.enum);
  const regions = [...templated.variables.region.enum].sort();
  const ownServers = {};
  for (const server of spec.servers.filter((s) => s !== templated)) {
    const match = /^https:\/\/dli\.([a-z0-9-]+)\./.exec(server.url);
    if (!match) throw new Error(`cannot tell the region of server ${server.url}`);
    ownServers[match[1]] = server.url;
  }
  // The rules of one parameter, as the client checks them (and the stand-in answers them).
  const ruleOf = (schema) => {
    // A filter that accepts its values in any case (`x-case-insensitive-enum`, with a pattern that
    // spells "any case" for strict validators) reaches the client as an enum it matches in any
    // case; its pattern says nothing more, so it stays out of the bundle.
    const anyCase = schema['x-case-insensitive-enum'];
    const { type, format, minLength, maxLength, default: def } = schema;
    // An int32 has bounds of its own: they reach the client and the stand-in as the rule's range.
    const int32 = format === 'int32' ? { minimum: -2147483648, maximum: 2147483647 } : {};
    const rule = {
      type, format, minimum: schema.minimum ?? int32.minimum, maximum: schema.maximum ?? int32.maximum, minLength, maxLength, default: def,
      enum: schema.enum ?? anyCase,
      anyCase: anyCase ? true : undefined,
      pattern: anyCase ? undefined : schema.pattern,
      // `x-rule` says a pattern in words, for error messages.
      rule: schema['x-rule'],
    };
    return Object.fromEntries(Object.entries(rule).filter(([, value]) => value !== undefined));
  };
  const operations = {};
  for (const [template, pathItem] of Object.entries(spec.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const operation = pathItem[method];
      if (!operation) continue;
      const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
      const rulesIn = (place) =>
        Object.fromEntries(parameters.filter((p) => p.in === place).map((p) => [p.name, ruleOf(resolve(p.schema))]));
      operations[operation.operationId] = { method: method.toUpperCase(), path: template, pathParameters: rulesIn('path'), query: rulesIn('query') };
    }
  }
  // The fields every connection carries (`required` of the schema, through its allOf branches),
  // with their wire type: the client checks them on each connection it returns.
  const requiredOf = (schema) => {
    const node = resolve(schema);
    const own = Object.fromEntries((node.required ?? []).map((name) => {
      const property = resolve(node.properties?.[name] ?? {});
      return [name, property.type ?? 'object'];
    }));
    return Object.assign({}, ...(node.allOf ?? []).map(requiredOf), own);
  };
  const requiredConnectionFields = requiredOf(spec.components.schemas.EnhancedConnection);
  return [
    '',
    `const REGIONS = ${JSON.stringify(regions)} as const;`,
    `const OWN_SERVERS = ${JSON.stringify(ownServers)} as const;`,
    '',
    '/** A Huawei Cloud region that DLI serves. */',
    `export type DliRegion = ${[...regions, ...Object.keys(ownServers)].map((region) => JSON.stringify(region)).join(' | ')};`,
    '',
    '/** DLI endpoint of each Huawei Cloud region, from the `servers` of the spec. */',
    'export const DLI_REGION_ENDPOINTS: Readonly<Record<DliRegion, string>> = {',
    `  ...Object.fromEntries(REGIONS.map((region) => [region, ${JSON.stringify(templated.url)}.replace('{region}', region)])),`,
    '  ...OWN_SERVERS,',
    '} as Record<DliRegion, string>;',
    '',
    '/** Each operation of the spec: its method, path template and the rules of its path and query parameters. */',
    `export const OPERATIONS = ${JSON.stringify(operations, null, 2)} as const;`,
    '',
    '/** The fields every enhanced connection carries (the `required` of its schema), each with its JSON type. */',
    `export const REQUIRED_CONNECTION_FIELDS = ${JSON.stringify(requiredConnectionFields)} as const;`,
    '',
  ].join('\n');
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

await generateTypes();
generateClient();
generateMockServerFacts();
if (!values.out) console.log(`generated ${generatedDirs.types} and ${generatedDirs.client}`);
