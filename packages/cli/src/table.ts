// A plain table like kubectl's and gh's: upper-case headers, columns two spaces apart, no box
// drawing and no rule between rows. It fits a width: columns are dropped from the right until the
// rest can fit, then the widest truncatable columns are cut with `…`. Widths are display widths,
// so CJK text (two cells a character) and emoji line up.
import stringWidth from 'string-width';

const GAP = 2;
/** A truncatable column is never cut narrower than this (or its natural width). */
const MIN_TRUNCATED = 8;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terminal cells `text` takes; plain ASCII (most cells) skips the slower Unicode measuring. */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    kept += segment;
    used += w;
  }
  return `${kept}…`;
}

export interface TableColumn {
  header: string;
  truncatable: boolean;
}

const total = (widths: number[]) => widths.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, widths.length - 1);

/** The width of each column kept (a prefix of `columns`) so that a line fits `maxWidth`. */
export function fitWidths(columns: TableColumn[], natural: number[], maxWidth: number): number[] {
  const minimum = natural.map((w, i) => (columns[i].truncatable ? Math.min(w, MIN_TRUNCATED) : w));
  let kept = natural.length;
  while (kept > 1 && total(minimum.slice(0, kept)) > maxWidth) kept--;
  const widths = natural.slice(0, kept);
  for (let excess = total(widths) - maxWidth; excess > 0; excess--) {
    let widest = -1;
    for (let i = 0; i < kept; i++) {
      if (widths[i] > minimum[i] && (widest < 0 || widths[i] > widths[widest])) widest = i;
    }
    if (widest < 0) break;
    widths[widest]--;
  }
  // One column wider than the terminal on its own is cut too, whatever it holds.
  if (kept === 1 && widths[0] > maxWidth) widths[0] = Math.max(1, maxWidth);
  return widths;
}

/** Renders rows of sanitised cells as lines no wider than `maxWidth` (Infinity: no limit). */
export function renderTable(columns: TableColumn[], rows: string[][], maxWidth: number): string[] {
  const headers = columns.map((c) => c.header.toUpperCase());
  const natural = headers.map((h) => displayWidth(h));
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const w = displayWidth(row[i]);
      if (w > natural[i]) natural[i] = w;
    }
  }
  const widths = fitWidths(columns, natural, maxWidth);
  const line = (cells: string[]) => {
    let out = '';
    for (let i = 0; i < widths.length; i++) {
      const cell = truncate(cells[i], widths[i]);
      out += i === widths.length - 1 ? cell : cell + ' '.repeat(widths[i] - displayWidth(cell) + GAP);
    }
    return out.trimEnd();
  };
  return [line(headers), ...rows.map(line)];
}
