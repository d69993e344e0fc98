// A one-line progress report on stderr, only when a person is watching it (a TTY).
import type { WriteStream } from 'node:tty';

export interface Progress {
  update(pages: number, items: number): void;
  done(): void;
}

export function createProgress(stderr: NodeJS.WriteStream | WriteStream): Progress {
  if (!stderr.isTTY) return { update: () => undefined, done: () => undefined };
  let shown = false;
  return {
    update(pages, items) {
      shown = true;
      stderr.write(`\r${pages} page(s), ${items} connection(s)…`);
    },
    done() {
      if (shown) stderr.write('\r\x1b[K');
    },
  };
}
