// One run of the stand-in memory bench: the stand-in in this process, requests from this process
// over keep-alive HTTP, heap after GC at checkpoints, printed as JSON.
import { startMockDli } from '@dli-sdk/mock-server';
import { Agent, request } from 'node:http';

const TOTAL = 100_000;
const CHECKPOINTS = new Set([10_000, 50_000, 100_000]);
const mock = await startMockDli({ connections: 10, auth: { tokens: ['bench-token'] } });
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const { hostname, port } = new URL(mock.url);

function get(i) {
  return new Promise((resolve, reject) => {
    const req = request({ agent, hostname, port, path: `/v2.0/bench/datasource/enhanced-connections?limit=1&offset=${i % 10}`, headers: { 'x-auth-token': 'bench-token' } }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

const heapMb = {};
for (let i = 1; i <= TOTAL; i += 8) {
  await Promise.all(Array.from({ length: Math.min(8, TOTAL - i + 1) }, (_, k) => get(i + k)));
  const done = Math.min(i + 7, TOTAL);
  if (CHECKPOINTS.has(done)) {
    global.gc();
    heapMb[done] = process.memoryUsage().heapUsed / 2 ** 20;
  }
}
agent.destroy();
await mock.close();
process.stdout.write(JSON.stringify({ heapMb, requests: mock.requestCount, logged: mock.requests.length }));
