// What the outside world sees of the stand-in's identity: request ids differ in every run, no
// connection lists one queue twice, and a port fetch blocks is refused up front.
import { generateConnections, startMockDli } from '@dli-sdk/mock-server';
import { FETCH_BAD_PORTS } from '../src/bad-ports';
import { connectionsListingAResourceTwice } from './dataset-checks';

const LIST = '/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections';

test('request ids are random: two stand-ins with the same seed never repeat one', async () => {
  const [a, b] = await Promise.all([startMockDli({ seed: 1 }), startMockDli({ seed: 1 })]);
  try {
    const ids = [];
    for (const mock of [a, b, a, b]) ids.push((await fetch(mock.url + LIST)).headers.get('x-request-id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

// The defaults of dli-mock (25, seed 1) and of `dli-connections --mock` (40, seed 7); a large
// dataset is checked in soak.test.ts.
test.each([
  [25, 1],
  [40, 7],
])('no connection of %i seeded with %i lists a queue or pool twice', (count, seed) => {
  expect(connectionsListingAResourceTwice(count, seed)).toEqual([]);
});

test('the seeded café_lien-1 (what `dli-connections list --mock` shows) lists its queue once', () => {
  const cafe = generateConnections(40, 7).find((s) => s.connection.name === 'café_lien-1')!;
  expect(cafe.connection.available_queue_info).toHaveLength(new Set(cafe.connection.available_queue_info!.map((q) => q.name)).size);
});

test('each port in the list is one that fetch really refuses; the stand-in refuses them up front', async () => {
  for (const port of FETCH_BAD_PORTS) {
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ cause: { message: 'bad port' } });
  }
  await expect(startMockDli({ port: 1 })).rejects.toThrow('port 1 is blocked by fetch');
  await expect(startMockDli({ port: 10080 })).rejects.toThrow(/WHATWG "bad port"/);
});
