// Output formats. json, ndjson, csv and tsv stream item by item and respect stdout's
// backpressure, so memory stays flat however many connections there are; a table needs every row
// first to size its columns. Only json and ndjson carry the exact server data; the others go to
// terminals and spreadsheets, so their cells are sanitised (see sanitize.ts), CSV's also formula-escaped.
import type { EnhancedConnection } from '@dli-sdk/client';
import { stringify } from 'csv-stringify/sync';
import { search } from 'jmespath';
import type { Writable } from 'node:stream';
import { column, type ColumnName, type TimeZone } from './columns';
import { forTerminal } from './sanitize';
import { renderTable } from './table';

export const FORMATS = ['table', 'tsv', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Writes connections in one format. */
export interface ConnectionWriter {
  write(connection: EnhancedConnection): Promise<void>;
  end(): Promise<void>;
}

export interface WriterOptions {
  columns: ColumnName[];
  /** A JMESPath expression applied to the JSON output (the whole array for json, each item for ndjson). */
  query?: string;
  /** The table's width in terminal cells; Infinity when stdout is not a terminal. */
  width: number;
  /** The zone times are shown in (table, tsv, csv). Default `utc`. */
  timeZone?: TimeZone;
}

/** Writes `text`, resolving once stdout can take more. */
export function writeTo(out: Writable) {
  return (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

const cells = (connection: EnhancedConnection, columns: ColumnName[], zone: TimeZone) => columns.map((name) => column(name).value(connection, zone));

// A spreadsheet runs a cell as a formula when its first non-blank character is = + - or @ (some
// trim leading blanks first, so " =1+1" counts too); a leading ' keeps such a cell text.
const FORMULA = /^\s*[=+\-@]/; // tab and CR are already shown as \x09 and \x0d, which no sheet runs
const csvCell = (text: string) => {
  const visible = forTerminal(text);
  return FORMULA.test(visible) ? `'${visible}` : visible;
};
const csvRow = (connection: EnhancedConnection, columns: ColumnName[], zone: TimeZone) => cells(connection, columns, zone).map(csvCell);

export function createWriter(format: Format, out: Writable, options: WriterOptions): ConnectionWriter {
  const write = writeTo(out);
  const { columns, query } = options;
  const zone = options.timeZone ?? 'utc';
  switch (format) {
    case 'ndjson':
      return { write: (c) => write(`${JSON.stringify(query ? search(c, query) : c)}\n`), end: async () => undefined };
    case 'json': {
      if (query) {
        // A query sees the whole array, as `aws --query` does, so this one collects.
        const all: EnhancedConnection[] = [];
        return { write: async (c) => void all.push(c), end: () => write(`${JSON.stringify(search(all, query), null, 2)}\n`) };
      }
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
          const rows = header ? [csvRow(c, columns, zone)] : [columns, csvRow(c, columns, zone)];
          header = true;
          return write(stringify(rows));
        },
        end: () => (header ? Promise.resolve() : write(stringify([columns]))),
      };
    }
    case 'tsv':
      // Like gh when piped: no header, one line per connection, tabs between sanitised cells.
      return { write: (c) => write(`${cells(c, columns, zone).map(forTerminal).join('\t')}\n`), end: async () => undefined };
    case 'table': {
      const rows: string[][] = [];
      return {
        write: async (c) => void rows.push(columns.map((name) => forTerminal((column(name).display ?? column(name).value)(c, zone)))),
        end: async () => {
          const lines = renderTable(columns.map((name) => ({ header: name, truncatable: column(name).truncatable })), rows, options.width);
          for (let i = 0; i < lines.length; i += 1000) await write(`${lines.slice(i, i + 1000).join('\n')}\n`);
        },
      };
    }
  }
}
