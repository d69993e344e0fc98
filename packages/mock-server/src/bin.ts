// dli-mock: runs the stand-in until interrupted, printing its URL.
import { parseArgs } from 'node:util';
import { startMockDli } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    connections: { type: 'string', default: '25' },
    seed: { type: 'string', default: '1' },
    'latency-ms': { type: 'string' },
    token: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: dli-mock [--port 0] [--connections 25] [--seed 1] [--latency-ms N] [--token T]\nServes the DLI enhanced-connections API on 127.0.0.1; with --token, only requests carrying X-Auth-Token: T.');
  process.exit(0);
}
const integer = (name: string, raw: string): number => {
  if (!/^\d+$/.test(raw)) {
    console.error(`dli-mock: --${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return Number(raw);
};
const mock = await startMockDli({
  port: integer('port', values.port),
  connections: integer('connections', values.connections),
  seed: integer('seed', values.seed),
  latencyMs: values['latency-ms'] === undefined ? undefined : integer('latency-ms', values['latency-ms']),
  auth: values.token === undefined ? 'none' : { tokens: [values.token] },
});
console.log(mock.url);
const stop = () => void mock.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
