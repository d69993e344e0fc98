// The columns a connection can be shown in (table, TSV and CSV), and parsing of `--columns`.
import type { EnhancedConnection } from '@dli-sdk/client';
import { UsageError } from './usage-error';

type Resources = EnhancedConnection['available_queue_info'];

const resources = (list: Resources) => (list ?? []).map((r) => `${r.name}:${r.status}`).join(' ');
// A cell is a scalar field, or an array that prints as its items joined by commas.
// eslint-disable-next-line @typescript-eslint/no-base-to-string
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** How to show one column: its value and whether a table may cut it short to fit the terminal. */
export interface Column {
  value(connection: EnhancedConnection): string;
  /** Ids and timestamps are useless cut; names and lists can be truncated with `…`. */
  truncatable: boolean;
  /** A shorter form for a table on a terminal, where every column counts. */
  display?(connection: EnhancedConnection): string;
}

const iso = (time: number | undefined) => (time === undefined ? '' : new Date(time).toISOString());

export const COLUMNS = {
  id: { value: (c) => text(c.id), truncatable: false },
  name: { value: (c) => text(c.name), truncatable: true },
  status: { value: (c) => text(c.status), truncatable: false },
  create_time: {
    value: (c) => iso(c.create_time),
    display: (c) => iso(c.create_time).slice(0, 16).replace('T', ' '),
    truncatable: false,
  },
  queues: { value: (c) => resources(c.available_queue_info), truncatable: true },
  pools: { value: (c) => resources(c.elastic_resource_pools), truncatable: true },
  dest_vpc_id: { value: (c) => text(c.dest_vpc_id), truncatable: false },
  dest_network_id: { value: (c) => text(c.dest_network_id), truncatable: false },
  isPrivis: { value: (c) => text(c.isPrivis), truncatable: false },
} satisfies Record<string, Column>;

export type ColumnName = keyof typeof COLUMNS;

/** The definition of a column by name. */
export const column = (name: ColumnName): Column => COLUMNS[name];

/** What a table and TSV show unless `--columns` says otherwise; CSV shows every column. */
export const TABLE_COLUMNS: ColumnName[] = ['id', 'name', 'status', 'create_time', 'queues', 'pools'];
export const ALL_COLUMNS = Object.keys(COLUMNS) as ColumnName[];

/** Parses `--columns id,name,...`, naming the flag and the known columns when one is unknown. */
export function parseColumns(raw: string): ColumnName[] {
  const names = raw.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!Object.hasOwn(COLUMNS, name)) {
      throw new UsageError(`--columns: unknown column ${JSON.stringify(name)} (known: ${ALL_COLUMNS.join(', ')})`);
    }
  }
  return names as ColumnName[];
}
