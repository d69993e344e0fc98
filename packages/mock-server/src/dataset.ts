// The seeded dataset: realistic connections in ascending create_time, as DLI orders them.
import type { EnhancedConnection, EnhancedConnectionResource } from '@dli-sdk/types';
import { chance, pick, type Random, seededRandom, take, uuid } from './random';

/** A stored connection: the wire object plus the tags the `tags` filter matches (not on the wire). */
export interface StoredConnection {
  connection: EnhancedConnection;
  tags: Record<string, string>;
}

const NAME_STEMS = ['withvpc', 'kafka-peer', 'rds_mysql', 'dws-warehouse', 'css-search', 'obs_gateway', 'mrs-hive', 'redis-cache'];
const UNICODE_NAMES = ['数据湖连接', 'conexión-ñ', 'верх-связь', 'データ接続', 'café_lien'];
const QUEUES = ['resource_mode_1', 'default_queue', 'sql_queue_01', 'spark_batch', 'flink_stream'];
const POOLS = ['elastic_pool_a', 'elastic_pool_b', 'pool-prod'];
const TAG_VALUES = { env: ['prod', 'test', 'dev'], team: ['data', 'bi', 'ops'] } as const;
const BASE_TIME = 1_566_888_011_125; // the seed example's create_time

/**
 * The dataset `dli-mock` and `dli-connections --mock` serve without flags: 40 connections from
 * seed 7, so the ids in the README are the ones a user sees either way.
 */
export const DEFAULT_DATASET = { connections: 40, seed: 7 } as const;

function resource(random: Random, name: string, createTime: number): EnhancedConnectionResource {
  const status = pick(random, ['ACTIVE', 'ACTIVE', 'ACTIVE', 'CREATING', 'FAILED'] as const);
  return {
    peer_id: uuid(random),
    status,
    name,
    err_msg: status === 'FAILED' ? 'Failed to create the VPC peering: the CIDR blocks overlap.' : '',
    update_time: createTime + Math.floor(random() * 3_600_000),
  };
}

/** The example connection of Huawei's reference (dli_02_0190), first in every dataset. */
const SEED_EXAMPLE: StoredConnection = {
  connection: {
    name: 'withvpc',
    id: '4c693ecc-bab8-4113-a838-129cedc9a563',
    available_queue_info: [
      { status: 'ACTIVE', name: 'resource_mode_1', peer_id: 'd2ae6628-fa37-4e04-806d-c59c497492d1', err_msg: '', update_time: 1566889577861 },
    ],
    dest_vpc_id: '22094d8f-c310-4621-913d-4c4d655d8495',
    dest_network_id: '78f2562a-36e4-4b39-95b9-f5aab22e1281',
    isPrivis: true,
    create_time: BASE_TIME,
    status: 'ACTIVE',
  },
  tags: { env: 'prod', team: 'data' },
};

/** `count` deterministic connections for `seed`: the reference's example, then generated ones. */
export function generateConnections(count: number, seed = 1): StoredConnection[] {
  const random = seededRandom(seed);
  const stored: StoredConnection[] = count > 0 ? [structuredClone(SEED_EXAMPLE)] : [];
  let createTime = BASE_TIME;
  for (let i = 1; i < count; i++) {
    createTime += 1 + Math.floor(random() * 600_000);
    const unicode = chance(random, 0.1);
    const name = unicode ? `${pick(random, UNICODE_NAMES)}-${i}` : `${pick(random, NAME_STEMS)}-${i}`;
    const unused = [...QUEUES]; // a connection lists each queue at most once, as DLI does
    const queues = Array.from({ length: Math.floor(random() * 3) }, () => resource(random, take(random, unused), createTime));
    const connection: EnhancedConnection = {
      name,
      id: uuid(random),
      available_queue_info: queues,
      dest_vpc_id: uuid(random),
      dest_network_id: uuid(random),
      isPrivis: chance(random, 0.7),
      create_time: createTime,
      status: chance(random, 0.85) ? 'ACTIVE' : 'DELETED',
    };
    if (chance(random, 0.5)) {
      connection.elastic_resource_pools = [resource(random, pick(random, POOLS), createTime)];
    }
    if (chance(random, 0.3)) {
      connection.hosts = [{ name: `host${i}.internal`, ip: `192.168.${Math.floor(random() * 255)}.${1 + Math.floor(random() * 254)}` }];
    }
    if (chance(random, 0.5)) connection.ipv6_enable = chance(random, 0.3);
    const tags: Record<string, string> = {};
    if (chance(random, 0.8)) tags.env = pick(random, TAG_VALUES.env);
    if (chance(random, 0.5)) tags.team = pick(random, TAG_VALUES.team);
    stored.push({ connection, tags });
  }
  return stored;
}
