// Connections from a user's file for dli-mock --data: a JSON array or NDJSON (one per line). Each
// item is a connection as the API sends it, or `{"connection": {...}, "tags": {"k": "v"}}` when the
// `tags` filter should find it. Every item is checked against the spec's schema; the first bad
// one is reported with its line and field, and nothing is served.
import type { EnhancedConnection } from '@dli-sdk/types';
import type { StoredConnection } from './dataset';
import { CONNECTION_SCHEMA } from './generated/connection-schema';
import { checkSchema } from './schema-check';

/** A data file that cannot be served: `line` is 1-based. */
export class DataFileError extends Error {
  constructor(readonly line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'DataFileError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function toStored(item: unknown, line: number, seen: Map<string, number>): StoredConnection {
  if (!isObject(item)) throw new DataFileError(line, 'each item must be a JSON object (a connection)');
  const wrapped = isObject(item.connection);
  const connection = wrapped ? item.connection : item;
  const problem = checkSchema(connection, CONNECTION_SCHEMA);
  if (problem) throw new DataFileError(line, wrapped ? `connection.${problem}` : problem);
  const tags = wrapped ? (item.tags ?? {}) : {};
  if (!isObject(tags) || !Object.values(tags).every((value) => typeof value === 'string')) {
    throw new DataFileError(line, 'tags: must be an object of strings, such as {"env": "prod"}');
  }
  // The schema requires an id. Two connections with one id could not both be shown: the second would hide the first.
  const { id } = connection as EnhancedConnection;
  const first = seen.get(id);
  if (first !== undefined) throw new DataFileError(line, `id: ${JSON.stringify(id)} is also on line ${first}`);
  seen.set(id, line);
  return { connection: connection as EnhancedConnection, tags: tags as Record<string, string> };
}

/** The 1-based line of each top-level item of a JSON array, found by scanning outside strings. */
function itemLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectingItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectingItem && c !== ']') {
      lines.push(line);
      expectingItem = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectingItem = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectingItem = true;
  }
  return lines;
}

/** The line of character `offset` of `text`. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

function parseJson(text: string, firstLine: number): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? firstLine + lineAt(text, Number(position[1])) - 1 : firstLine;
    throw new DataFileError(line, `not valid JSON (${(error as Error).message})`);
  }
}

/** Parses and checks a data file's text: a JSON array, or NDJSON. */
export function parseDataFile(text: string): StoredConnection[] {
  const seen = new Map<string, number>();
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    const items = parseJson(body, 1);
    if (!Array.isArray(items)) throw new DataFileError(1, 'a JSON file must hold an array of connections');
    const lines = itemLines(body);
    return items.map((item, index) => toStored(item, lines[index] ?? 1, seen));
  }
  const stored: StoredConnection[] = [];
  for (const [index, line] of body.split('\n').entries()) {
    if (line.trim() === '') continue;
    stored.push(toStored(parseJson(line, index + 1), index + 1, seen));
  }
  return stored;
}
