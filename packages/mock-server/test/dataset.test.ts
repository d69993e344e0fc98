// The seeded dataset's shape, as a reader of `dli-mock` or `dli-connections list --mock` sees it:
// the reference's example first, then connections in ascending create_time whose fields vary in
// the shares a real account shows. Properties over 1000 connections for two seeds, and the exact
// dataset the README prints, so that a change to the generator is a decision, not an accident.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateConnections, type StoredConnection } from '@dli-sdk/mock-server';
import type { EnhancedConnectionResource } from '@dli-sdk/types';

const COUNT = 1000;
const SEEDS = [1, 2];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const REFERENCE_EXAMPLE_ID = '4c693ecc-bab8-4113-a838-129cedc9a563';
const REFERENCE_EXAMPLE_CREATED = 1_566_888_011_125;

/** The generated connections of a dataset: everything after the reference's example. */
const generated = (seed: number) => generateConnections(COUNT, seed).slice(1);
const connectionsOf = (seed: number) => generated(seed).map((s) => s.connection);

/** The share of `items` for which `test` holds. */
function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

const resourcesOf = ({ connection }: StoredConnection): EnhancedConnectionResource[] => [
  ...(connection.available_queue_info ?? []),
  ...(connection.elastic_resource_pools ?? []),
];

test('no connections for a count of 0; the reference example alone for 1', () => {
  expect(generateConnections(0)).toEqual([]);
  const [only, ...rest] = generateConnections(1, 9);
  expect(rest).toEqual([]);
  expect(only.connection).toMatchObject({ id: REFERENCE_EXAMPLE_ID, name: 'withvpc', create_time: REFERENCE_EXAMPLE_CREATED });
  expect(only.tags).toEqual({ env: 'prod', team: 'data' });
});

test('each dataset gets its own copy of the reference example', () => {
  const [first] = generateConnections(1);
  first.connection.name = 'changed';
  expect(generateConnections(1)[0].connection.name).toBe('withvpc');
});

// The README prints the first rows of this dataset; a change to the generator changes them.
test('the dataset `dli-connections list --mock` shows (40, seed 7) does not change unnoticed', () => {
  const fixture = path.join(__dirname, 'fixtures/dataset-40-seed-7.json');
  expect(generateConnections(40, 7)).toEqual(JSON.parse(readFileSync(fixture, 'utf8')));
});

// Each test generates its dataset itself: mutation testing asks only the tests that ran a line of
// the generator whether a change to it is noticed.
describe.each(SEEDS)('%i seeded connections of 1000', (seed) => {
  test('create_time ascends strictly, by gaps of 1 ms to 10 minutes, most of them over a second', () => {
    const connections = connectionsOf(seed);
    const gaps = connections.map((c, i) => c.create_time! - (i === 0 ? REFERENCE_EXAMPLE_CREATED : connections[i - 1].create_time!));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(600_000);
    expect(share(gaps, (gap) => gap > 1000)).toBeGreaterThan(0.9);
  });

  test('names are a stem or a Unicode name, then "-" and the position; about a tenth are Unicode', () => {
    const connections = connectionsOf(seed);
    expect(connections.filter((c, i) => !new RegExp(`^[^-].*-${i + 1}$`).test(c.name))).toEqual([]);
    const unicode = share(connections, (c) => /\P{ASCII}/u.test(c.name));
    expect(unicode).toBeGreaterThan(0.05);
    expect(unicode).toBeLessThan(0.15);
  });

  test('ids are distinct version-4 UUIDs of every variant', () => {
    const connections = connectionsOf(seed);
    const ids = connections.flatMap((c) => [c.id, c.dest_vpc_id!, c.dest_network_id!]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
  });

  test('a connection lists 0, 1 or 2 queues, each once, drawn from all queues', () => {
    const connections = connectionsOf(seed);
    const counts = connections.map((c) => c.available_queue_info!.length);
    for (const n of [0, 1, 2]) expect(share(counts, (count) => count === n)).toBeGreaterThan(0.25);
    expect(Math.max(...counts)).toBe(2);
    const queues = connections.map((c) => c.available_queue_info!.map((q) => q.name));
    expect(queues.filter((names) => new Set(names).size !== names.length)).toEqual([]);
    // Any queue can come first: the draw takes from the whole list, not its head.
    expect(new Set(queues.map((names) => names[0]).filter(Boolean)).size).toBe(5);
  });

  test('a resource has an error message exactly when it FAILED, and was updated within an hour of creation', () => {
    const stored = generated(seed);
    const resources = stored.flatMap((s) => resourcesOf(s).map((r) => ({ r, created: s.connection.create_time! })));
    expect(resources.filter(({ r }) => (r.err_msg !== '') !== (r.status === 'FAILED'))).toEqual([]);
    expect(new Set(resources.map(({ r }) => r.status))).toEqual(new Set(['ACTIVE', 'CREATING', 'FAILED']));
    expect(resources.filter(({ r, created }) => !(r.update_time! >= created && r.update_time! < created + 3_600_000))).toEqual([]);
    expect(resources.filter(({ r }) => !UUID_V4.test(r.peer_id!))).toEqual([]);
    expect(share(resources, ({ r, created }) => r.update_time! - created > 60_000)).toBeGreaterThan(0.9);
  });

  test.each([
    ['ACTIVE (the rest DELETED)', 0.85, (s: StoredConnection) => s.connection.status === 'ACTIVE'],
    ['isPrivis', 0.7, (s: StoredConnection) => s.connection.isPrivis === true],
    ['with an elastic resource pool', 0.5, (s: StoredConnection) => s.connection.elastic_resource_pools?.length === 1],
    ['with a host', 0.3, (s: StoredConnection) => s.connection.hosts?.length === 1],
    ['with ipv6_enable', 0.5, (s: StoredConnection) => s.connection.ipv6_enable !== undefined],
    ['tagged env', 0.8, (s: StoredConnection) => 'env' in s.tags],
    ['tagged team', 0.5, (s: StoredConnection) => 'team' in s.tags],
  ])('about %s: %f', (_title, expected, test) => {
    const found = share(generated(seed), test);
    expect(found).toBeGreaterThan(expected - 0.05);
    expect(found).toBeLessThan(expected + 0.05);
  });

  test('ipv6_enable, where set, is true for about 30%', () => {
    const connections = connectionsOf(seed);
    const set = connections.filter((c) => c.ipv6_enable !== undefined);
    expect(share(set, (c) => c.ipv6_enable === true)).toBeGreaterThan(0.25);
    expect(share(set, (c) => c.ipv6_enable === true)).toBeLessThan(0.35);
  });

  test('only the statuses ACTIVE and DELETED occur; pools and tags take their known values', () => {
    const stored = generated(seed);
    const connections = connectionsOf(seed);
    expect(new Set(connections.map((c) => c.status))).toEqual(new Set(['ACTIVE', 'DELETED']));
    const pools = connections.flatMap((c) => (c.elastic_resource_pools ?? []).map((p) => p.name));
    expect(new Set(pools)).toEqual(new Set(['elastic_pool_a', 'elastic_pool_b', 'pool-prod']));
    expect(new Set(stored.map((s) => s.tags.env).filter(Boolean))).toEqual(new Set(['prod', 'test', 'dev']));
    expect(new Set(stored.map((s) => s.tags.team).filter(Boolean))).toEqual(new Set(['data', 'bi', 'ops']));
  });

  test('hosts are host<position>.internal at a private 192.168.X.Y address', () => {
    const connections = connectionsOf(seed);
    const hosts = connections.flatMap((c, i) => (c.hosts ?? []).map((h) => ({ ...h, position: i + 1 })));
    expect(hosts.filter(({ name, position }) => name !== `host${position}.internal`)).toEqual([]);
    expect(hosts.filter(({ ip }) => !/^192\.168\.\d+\.\d+$/.test(ip!))).toEqual([]);
    const octets = hosts.map(({ ip }) => ip!.split('.').slice(2).map(Number));
    const xs = octets.map(([x]) => x);
    const ys = octets.map(([, y]) => y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(254);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ys)).toBeLessThanOrEqual(254);
    // Spread over the whole range, not stuck at one end.
    expect(Math.max(...xs)).toBeGreaterThan(200);
    expect(Math.max(...ys)).toBeGreaterThan(200);
    expect(Math.min(...xs)).toBeLessThan(50);
    expect(Math.min(...ys)).toBeLessThan(50);
  });
});
