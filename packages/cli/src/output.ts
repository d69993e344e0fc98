// Output formats. json, ndjson and csv stream item by item and respect stdout's backpressure,
// so memory stays flat however many connections there are; a table needs every row first.
import type { EnhancedConnection } from '@dli-sdk/client';
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { Writable } from 'node:stream';

export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Writes connections in one format. */
export interface ConnectionWriter {
  write(connection: EnhancedConnection): Promise<void>;
  end: () => Promise<void>;
}

const COLUMNS = ['id', 'name', 'status', 'queues', 'pools', 'dest_vpc_id', 'dest_network_id', 'isPrivis', 'create_time'] as const;

function row(connection: EnhancedConnection): string[] {
  const names = (resources: EnhancedConnection['available_queue_info']) =>
    (resources ?? []).map((r) => `${r.name}:${r.status}`).join(' ');
  return [
    connection.id ?? '',
    connection.name ?? '',
    connection.status ?? '',
    names(connection.available_queue_info),
    names(connection.elastic_resource_pools),
    connection.dest_vpc_id ?? '',
    connection.dest_network_id ?? '',
    connection.isPrivis === undefined ? '' : String(connection.isPrivis),
    connection.create_time === undefined ? '' : new Date(connection.create_time).toISOString(),
  ];
}

function writeTo(out: Writable) {
  return (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

export function createWriter(format: Format, out: Writable): ConnectionWriter {
  const write = writeTo(out);
  switch (format) {
    case 'ndjson':
      return { write: (c) => write(`${JSON.stringify(c)}\n`), end: () => Promise.resolve() };
    case 'json': {
      let first = true;
      return {
        write: (c) => {
          const prefix = first ? '[\n  ' : ',\n  ';
          first = false;
          return write(prefix + JSON.stringify(c));
        },
        end: () => write(first ? '[]\n' : '\n]\n'),
      };
    }
    case 'csv': {
      let header = false;
      return {
        write: (c) => {
          const lines = stringify(header ? [row(c)] : [[...COLUMNS], row(c)]);
          header = true;
          return write(lines);
        },
        end: () => (header ? Promise.resolve() : write(stringify([[...COLUMNS]]))),
      };
    }
    case 'table': {
      const table = new Table({ head: ['id', 'name', 'status', 'queues', 'pools', 'created (UTC)'], style: { head: [], border: [] } });
      return {
        write: (c) => {
          const cells = row(c);
          table.push([cells[0], cells[1], cells[2], cells[3], cells[4], cells[8].replace('T', ' ').slice(0, 19)]);
          return Promise.resolve();
        },
        end: () => write(`${table.toString()}\n`),
      };
    }
  }
}
