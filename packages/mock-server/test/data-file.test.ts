// The `--data` loader in process (bin-data.test.ts runs it through dli-mock): a JSON array or NDJSON
// of connections, each checked against the spec's schema, refused with the line and the field.
import { DataFileError, parseDataFile } from '../src/data-file';
import { generateConnections } from '../src/dataset';

const refusal = (text: string) => {
  try {
    parseDataFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return { line: (error as DataFileError).line, message: (error as Error).message };
  }
  throw new Error('accepted');
};

test('NDJSON and a JSON array of the dataset round-trip, with tags when wrapped', () => {
  const stored = generateConnections(50, 3);
  const connections = stored.map((s) => s.connection);
  expect(parseDataFile(`${connections.map((c) => JSON.stringify(c)).join('\n')}\n`).map((s) => s.connection)).toEqual(connections);
  expect(parseDataFile(JSON.stringify(connections, null, 2)).map((s) => s.connection)).toEqual(connections);
  const wrapped = parseDataFile('{"connection":{"id":"a","name":"a","status":"ACTIVE"},"tags":{"env":"prod"}}\n\n{"id":"b","name":"b","status":"DELETED"}');
  expect(wrapped).toEqual([
    { connection: { id: 'a', name: 'a', status: 'ACTIVE' }, tags: { env: 'prod' } },
    { connection: { id: 'b', name: 'b', status: 'DELETED' }, tags: {} },
  ]);
  expect(parseDataFile('')).toEqual([]);
  expect(parseDataFile('[]')).toEqual([]);
});

test.each([
  ['a status outside the enum', '{"id":"a","name":"a","status":"ACTIVE"}\n\n{"id":"b","name":"b","status":"GONE"}\n', 3, 'status: must be one of ACTIVE, DELETED, got "GONE"'],
  ['a required field missing', '{"id":"a","status":"ACTIVE"}\n', 1, 'name: is required'],
  ['a wrong type deep down', '{"id":"a","name":"a","status":"ACTIVE","available_queue_info":[{"update_time":"soon"}]}\n', 1, 'available_queue_info[0].update_time: must be an integer, got string'],
  ['a list that is not one', '{"id":"a","name":"a","status":"ACTIVE","available_queue_info":"q1"}\n', 1, 'available_queue_info: must be an array, got string'],
  ['a fraction where an integer belongs', '{"id":"a","name":"a","status":"ACTIVE","create_time":1.5}\n', 1, 'create_time: must be an integer, got number'],
  ['broken JSON', '{"id":"a","name":"a","status":"ACTIVE"}\n{"id":\n', 2, 'not valid JSON'],
  ['an item that is not an object', '[1]\n', 1, 'each item must be a JSON object'],
  ['an id twice', '{"id":"a","name":"a","status":"ACTIVE"}\n{"id":"a","name":"a2","status":"ACTIVE"}\n', 2, 'id: "a" is also on line 1'],
  ['tags that are not strings', '{"connection":{"id":"a","name":"a","status":"ACTIVE"},"tags":{"k":1}}\n', 1, 'tags: must be an object of strings'],
  ['a wrapped connection with a bad id', '{"connection":{"id":7,"name":"a","status":"ACTIVE"}}\n', 1, 'connection.id: must be a string, got integer'],
  ['an array item on its own line', '[\n  {"id": "a", "name": "a", "status": "ACTIVE"},\n  "b"\n]', 3, 'each item must be a JSON object'],
])('%s is refused with its line and field', (_, text, line, reason) => {
  const { line: at, message } = refusal(text);
  expect(at).toBe(line);
  expect(message).toContain(`line ${line}: ${reason}`);
});
