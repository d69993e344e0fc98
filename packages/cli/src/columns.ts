// The columns a connection can be shown in (table, TSV and CSV), and parsing of `--columns`.
import type { EnhancedConnection } from '@dli-sdk/client';
import { UsageError } from './usage-error';

/**
 * A field whose value has a shape the column cannot show (a time out of range, a list that is not
 * one, an object for a name): the row is still printed, this cell as MALFORMED (see output.ts).
 */
export class MalformedField extends Error {}

/** What a malformed cell shows instead of its value. */
export const MALFORMED = '<invalid>';

const isScalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

// A cell is a scalar field, or an array of scalars that prints as its items joined by commas.
const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every(isScalar)) return value.join(',');
  throw new MalformedField();
};

// Queues and pools: a list of { name, status } objects.
const resources = (list: unknown): string => {
  if (list === undefined || list === null) return '';
  if (!Array.isArray(list)) throw new MalformedField();
  return list
    .map((resource: unknown) => {
      if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) throw new MalformedField();
      const { name, status } = resource as Record<string, unknown>;
      return `${text(name)}:${text(status)}`;
    })
    .join(' ');
};

/** How to show one column: its value and whether a table may cut it short to fit the terminal. */
export interface Column {
  /** The cell; throws MalformedField when the field has a shape it cannot show. */
  value(connection: EnhancedConnection, zone: TimeZone): string;
  /** Ids and timestamps are useless cut; names and lists can be truncated with `…`. */
  truncatable: boolean;
  /** A shorter form for a table on a terminal, where every column counts. */
  display?(connection: EnhancedConnection, zone: TimeZone): string;
}

/** How times are shown: in UTC (marked `Z` / `UTC`) or in the local zone (marked with its offset). */
export type TimeZone = 'utc' | 'local';
export const TIME_ZONES: TimeZone[] = ['utc', 'local'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Milliseconds since the epoch, within what a Date can hold (±8.64e15), as
 * `2019-08-27T06:40:11.125Z`, or in the local zone `2019-08-27T14:40:11.125+08:00`.
 */
function iso(time: unknown, zone: TimeZone): string {
  if (time === undefined || time === null) return '';
  if (typeof time !== 'number' || !(Math.abs(time) <= 8.64e15)) throw new MalformedField();
  const date = new Date(time);
  if (zone === 'utc') return date.toISOString();
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
  return `${day}T${clock}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** For a table: minutes and the zone, `2019-08-27 06:40 UTC` or `2019-08-27 14:40 +08:00`. */
function shortTime(time: unknown, zone: TimeZone): string {
  const full = iso(time, zone);
  if (full === '') return '';
  return `${full.slice(0, 16).replace('T', ' ')} ${zone === 'utc' ? 'UTC' : full.slice(23)}`;
}

export const COLUMNS = {
  id: { value: (c) => text(c.id), truncatable: false },
  name: { value: (c) => text(c.name), truncatable: true },
  status: { value: (c) => text(c.status), truncatable: false },
  create_time: {
    value: (c, zone) => iso(c.create_time, zone),
    display: (c, zone) => shortTime(c.create_time, zone),
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
