// The seeded dataset: realistic connections in ascending create_time, as DLI orders them.
import type { EnhancedConnection, EnhancedConnectionResource } from '@dli-sdk/types';
import { pick, type Random, seededRandom, uuid } from './random';

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

/** `count` deterministic connections for `seed`. */
export function generateConnections(count: number, seed = 1): StoredConnection[] {
  const random = seededRandom(seed);
  const stored: StoredConnection[] = [];
  let createTime = BASE_TIME;
  for (let i = 0; i < count; i++) {
    createTime += 1 + Math.floor(random() * 600_000);
    const unicode = random() < 0.1;
    const name = unicode ? `${pick(random, UNICODE_NAMES)}-${i}` : `${pick(random, NAME_STEMS)}-${i}`;
    const queues = Array.from({ length: Math.floor(random() * 3) }, () => resource(random, pick(random, QUEUES), createTime));
    const connection: EnhancedConnection = {
      name,
      id: uuid(random),
      available_queue_info: queues,
      dest_vpc_id: uuid(random),
      dest_network_id: uuid(random),
      isPrivis: random() < 0.7,
      create_time: createTime,
      status: random() < 0.85 ? 'ACTIVE' : 'DELETED',
    };
    if (random() < 0.5) {
      connection.elastic_resource_pools = [resource(random, pick(random, POOLS), createTime)];
    }
    if (random() < 0.3) {
      connection.hosts = [{ name: `host${i}.internal`, ip: `192.168.${Math.floor(random() * 255)}.${1 + Math.floor(random() * 254)}` }];
    }
    if (random() < 0.5) connection.ipv6_enable = random() < 0.3;
    const tags: Record<string, string> = {};
    if (random() < 0.8) tags.env = pick(random, TAG_VALUES.env);
    if (random() < 0.5) tags.team = pick(random, TAG_VALUES.team);
    stored.push({ connection, tags });
  }
  return stored;
}
