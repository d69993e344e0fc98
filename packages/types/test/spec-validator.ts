// Validates JSON against the schemas of spec/ with ajv, so examples, the stand-in's answers and
// fixtures are all held to the one hand-written source of truth.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

export const specPath = path.resolve(__dirname, '../../../spec/dli-enhanced-connections.yaml');
export const spec = parse(readFileSync(specPath, 'utf8'));

const INT32 = 2 ** 31;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 });
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addSchema({ ...spec, $id: 'spec' });

const cache = new Map<string, ValidateFunction>();

/** A validator of `#/components/schemas/<name>`. */
export function schemaValidator(name: string): ValidateFunction {
  let validate = cache.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `spec#/components/schemas/${name}` });
    cache.set(name, validate);
  }
  return validate;
}

/** The errors of `value` against schema `name`, as readable lines (empty when valid). */
export function schemaErrors(name: string, value: unknown): string[] {
  const validate = schemaValidator(name);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** The errors of `value` against an inline schema of the spec (a parameter's), as readable lines. */
export function inlineSchemaErrors(schema: object, value: unknown): string[] {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
