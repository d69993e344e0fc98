import { generateConnections } from '@dli-sdk/mock-server';

/** The ids of seeded connections that list one queue or one elastic resource pool more than once. */
export function connectionsListingAResourceTwice(count: number, seed: number): string[] {
  const offenders: string[] = [];
  for (const { connection } of generateConnections(count, seed)) {
    for (const list of [connection.available_queue_info ?? [], connection.elastic_resource_pools ?? []]) {
      const names = list.map((r) => r.name);
      if (new Set(names).size !== names.length) offenders.push(connection.id);
    }
  }
  return offenders;
}
