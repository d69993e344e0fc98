// Changes the stand-in makes to its connections after a delay, as DLI does while it peers a queue
// or pool (`CREATING` → `ACTIVE` or `FAILED`) or deletes a connection: what a waiter waits for.
// The clock is an option, so a test can share one virtual clock with the client it drives.
import type { EnhancedConnectionResource } from '@dli-sdk/types';
import type { Store } from './handlers';

/** One change: to a queue or pool binding, or to the connection itself. */
export type Transition =
  | {
      /** The connection; every connection when omitted. */
      connectionId?: string;
      /** The queue (`available_queue_info`) to change; with neither `queue` nor `pool`, every `CREATING` binding. */
      queue?: string;
      /** The elastic resource pool (`elastic_resource_pools`) to change. */
      pool?: string;
      /** Milliseconds after the stand-in started. */
      afterMs: number;
      to: 'ACTIVE' | 'FAILED';
      /** The `err_msg` of a `FAILED` binding. Default: a CIDR overlap, as DLI words it. */
      errMsg?: string;
    }
  | {
      connectionId: string;
      afterMs: number;
      /** `DELETED`: shown with that status; `GONE`: no longer known (show answers "does not exist"). */
      to: 'DELETED' | 'GONE';
    };

/** Delayed changes of a stand-in. */
export interface TransitionOptions {
  changes: Transition[];
  /** The clock, in milliseconds. Default `performance.now`. */
  now?: () => number;
}

const DEFAULT_ERR_MSG = 'Failed to create the VPC peering: the CIDR blocks overlap.';

/** A function that applies, to `store`, every change whose time has come (each once). */
export function createTransitions(options: TransitionOptions | undefined, store: Store): () => void {
  if (!options || options.changes.length === 0) return () => undefined;
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  const pending = [...options.changes];

  const apply = (change: Transition): void => {
    const targets = store.connections.filter((s) => change.connectionId === undefined || s.connection.id === change.connectionId);
    for (const stored of targets) {
      const connection = stored.connection;
      if (change.to === 'DELETED') {
        connection.status = 'DELETED';
      } else if (change.to === 'GONE') {
        store.connections.splice(store.connections.indexOf(stored), 1);
        store.byId.delete(connection.id);
      } else {
        const { queue, pool } = change as Extract<Transition, { to: 'ACTIVE' | 'FAILED' }>;
        const named = queue !== undefined || pool !== undefined;
        const bindings: EnhancedConnectionResource[] = [
          ...(connection.available_queue_info ?? []).filter((b) => (named ? b.name === queue : b.status === 'CREATING')),
          ...(connection.elastic_resource_pools ?? []).filter((b) => (named ? b.name === pool : b.status === 'CREATING')),
        ];
        for (const binding of bindings) {
          binding.status = change.to;
          binding.err_msg = change.to === 'FAILED' ? (change.errMsg ?? DEFAULT_ERR_MSG) : '';
          if (typeof binding.update_time === 'number') binding.update_time += change.afterMs;
        }
      }
    }
  };

  return () => {
    const elapsed = now() - startedAt;
    for (let i = 0; i < pending.length; ) {
      if (pending[i].afterMs <= elapsed) apply(pending.splice(i, 1)[0]);
      else i++;
    }
  };
}
