// A one-line progress report on stderr, only when a person is watching it and it cannot tear a
// line of output: stderr is a terminal, and stdout is not the same terminal mid-line (it goes to a
// file or pipe, or the output is a table, which is written only after the progress is cleared).
import type { WriteStream } from 'node:tty';

export interface Progress {
  update(pages: number, items: number): void;
  done(): void;
}

const CLEAR_LINE = '\r\x1b[K';

type Stream = NodeJS.WriteStream | WriteStream;

export function createProgress(stderr: Stream, stdout: Stream, buffered: boolean): Progress {
  if (!stderr.isTTY || (stdout.isTTY && !buffered)) return { update: () => undefined, done: () => undefined };
  let shown = false;
  const clear = () => {
    if (shown) stderr.write(CLEAR_LINE);
    shown = false;
  };
  // Ctrl-C, or an early exit (the reader of stdout went away), while the line is shown: clear it,
  // so the shell prompt starts on a clean line.
  const interrupted = () => process.exit(130);
  return {
    update(pages, items) {
      if (!shown) {
        process.once('SIGINT', interrupted);
        process.once('exit', clear);
      }
      shown = true;
      stderr.write(`\r${pages} page(s), ${items} connection(s)…`);
    },
    done() {
      process.off('SIGINT', interrupted);
      process.off('exit', clear);
      clear();
    },
  };
}
