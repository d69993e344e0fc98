// Output formats. json, ndjson, csv and tsv stream item by item and respect stdout's
// backpressure, so memory stays flat however many connections there are; a table needs every row
// first to size its columns. Only json and ndjson carry the exact server data; the others go to
// terminals and spreadsheets, so their cells are sanitised (see sanitize.ts), CSV's also formula-escaped.
import type { EnhancedConnection } from '@dli-sdk/client';
import { stringify } from 'csv-stringify/sync';
import { search } from 'jmespath';
import type { Writable } from 'node:stream';
import { column, type ColumnName, MALFORMED, MalformedField, type TimeZone } from './columns';
import { forJson, forTerminal } from './sanitize';
import { renderTable } from './table';

export const FORMATS = ['table', 'tsv', 'json', 'ndjson', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Some rows had fields shown as MALFORMED: the command printed them all, then fails (exit 1). */
export class MalformedRowsError extends Error {
  constructor(rows: number) {
    super(`${rows} connection${rows === 1 ? '' : 's'} had malformed fields (shown as ${MALFORMED}; see the warnings above)`);
  }
}

/** Writes connections in one format. */
export interface ConnectionWriter {
  write(connection: EnhancedConnection): Promise<void>;
  end(): Promise<void>;
  /** Rows printed with a malformed field (each shown as MALFORMED, and named in a warning). */
  readonly malformedRows: number;
}

export interface WriterOptions {
  columns: ColumnName[];
  /** A JMESPath expression applied to the JSON output (the whole array for json, each item for ndjson). */
  query?: string;
  /** The table's width in terminal cells; Infinity when stdout is not a terminal. */
  width: number;
  /** Where a warning about a malformed row goes (stderr), one line each. */
  warn: (line: string) => void;
  /** The zone times are shown in (table, tsv, csv). Default `utc`. */
  timeZone?: TimeZone;
}

/** Writes `text`, resolving once stdout can take more. */
export function writeTo(out: Writable) {
  return (text: string): Promise<void> =>
    out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

/**
 * JSONPath-like queries read inherited names (`constructor`, `toString`) off plain objects: a
 * query runs over a copy without prototypes, so such a name is simply absent (null).
 */
export function queried(value: unknown, query: string): unknown {
  const bare = JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.assign(Object.create(null) as object, item) : item,
  ) as unknown;
  return search(bare, query);
}

/** JSON of a value, as one line or indented; `null` for undefined, so every result is a line of JSON. */
export function jsonText(value: unknown, indent?: number): string {
  // JSON.stringify answers undefined for undefined (a query matching nothing), whatever its type says.
  return value === undefined ? 'null' : forJson(JSON.stringify(value, null, indent));
}

// One row of cells. A cell whose field has a shape the column cannot show is MALFORMED; the row
// is still printed, and the columns that were are reported.
function rowOf(connection: EnhancedConnection, columns: ColumnName[], display: boolean, zone: TimeZone): { cells: string[]; malformed: ColumnName[] } {
  const malformed: ColumnName[] = [];
  const cells = columns.map((name) => {
    const definition = column(name);
    try {
      return display && definition.display ? definition.display(connection, zone) : definition.value(connection, zone);
    } catch (error) {
      if (!(error instanceof MalformedField) && !(error instanceof TypeError) && !(error instanceof RangeError)) throw error;
      malformed.push(name);
      return MALFORMED;
    }
  });
  return { cells, malformed };
}

// A spreadsheet runs a cell as a formula when its first non-blank character is = + - or @ (some
// trim leading blanks first, so " =1+1" counts too); a leading ' keeps such a cell text.
const FORMULA = /^\s*[=+\-@]/; // tab and CR are already shown as \x09 and \x0d, which no sheet runs
const csvCell = (text: string) => {
  const visible = forTerminal(text);
  return FORMULA.test(visible) ? `'${visible}` : visible;
};
// A row for a warning: its id and its place in the output.
function rowName(connection: EnhancedConnection, row: number): string {
  // Every connection the client returns has a string id (it checks), so the id names the row.
  return `connection ${JSON.stringify(forTerminal(connection.id))} (row ${row})`;
}

export function createWriter(format: Format, out: Writable, options: WriterOptions): ConnectionWriter {
  const write = writeTo(out);
  const { columns, query, warn } = options;
  const zone = options.timeZone ?? 'utc';
  let rows = 0;
  let malformedRows = 0;
  // The table holds its warnings until its rows are printed, after the progress line is gone.
  const held: string[] = [];
  const cellsOf = (connection: EnhancedConnection, display = false) => {
    const row = rowOf(connection, columns, display, zone);
    rows++;
    if (row.malformed.length > 0) {
      malformedRows++;
      const line = `warning: ${rowName(connection, rows)}: ${row.malformed.join(', ')} malformed, shown as ${MALFORMED}`;
      if (format === 'table') held.push(line);
      else warn(line);
    }
    return row.cells;
  };
  const writer = ((): Omit<ConnectionWriter, 'malformedRows'> => {
    switch (format) {
      case 'ndjson':
        return { write: (c) => write(`${jsonText(query ? queried(c, query) : c)}\n`), end: async () => undefined };
      case 'json': {
        if (query) {
          // A query sees the whole array, as `aws --query` does, so this one collects.
          const all: EnhancedConnection[] = [];
          return { write: async (c) => void all.push(c), end: () => write(`${jsonText(queried(all, query), 2)}\n`) };
        }
        let first = true;
        return {
          write: (c) => {
            const prefix = first ? '[\n  ' : ',\n  ';
            first = false;
            return write(prefix + forJson(JSON.stringify(c)));
          },
          end: () => write(first ? '[]\n' : '\n]\n'),
        };
      }
      case 'csv': {
        let header = false;
        return {
          write: (c) => {
            const row = cellsOf(c).map(csvCell);
            const lines = header ? [row] : [columns, row];
            header = true;
            return write(stringify(lines));
          },
          end: () => (header ? Promise.resolve() : write(stringify([columns]))),
        };
      }
      case 'tsv':
        // Like gh when piped: no header, one line per connection, tabs between sanitised cells.
        return { write: (c) => write(`${cellsOf(c).map(forTerminal).join('\t')}\n`), end: async () => undefined };
      case 'table': {
        const table: string[][] = [];
        return {
          write: async (c) => void table.push(cellsOf(c, true).map(forTerminal)),
          end: async () => {
            const lines = renderTable(columns.map((name) => ({ header: name, truncatable: column(name).truncatable })), table, options.width);
            for (let i = 0; i < lines.length; i += 1000) await write(`${lines.slice(i, i + 1000).join('\n')}\n`);
            for (const line of held) warn(line);
          },
        };
      }
    }
  })();
  return {
    ...writer,
    get malformedRows() {
      return malformedRows;
    },
  };
}
