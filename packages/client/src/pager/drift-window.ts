// The drift window: the ids of the items a walk yielded most recently, and nothing older. Offset
// drift (inserts before the walk's position between two requests) repeats the items just before
// the page boundary, so the most recent ids are the only ones a repeat can match. The window
// holds at most WINDOW_PAGES pages of ids (of the page size asked for, or of the longest page the
// server sent) and at most MAX_WINDOW_BYTES of id text, whichever is less: its memory does not
// grow with the walk, and a server that sends huge ids cannot make it keep more than that.
// What it catches and what it cannot: docs/pagination.md.

/** Pages of ids a window holds: a shift of up to this many pages between two requests is caught. */
export const WINDOW_PAGES = 2;
/** Most bytes of id text a window keeps (2 per UTF-16 unit); the oldest ids go first. */
export const MAX_WINDOW_BYTES = 4 * 1024 * 1024;

type Id = string | number;

const bytesOf = (id: Id): number => (typeof id === 'string' ? 2 * id.length : 8);

/** A window of recent ids. `add` remembers an id and tells whether it was already there. */
export interface DriftWindow {
  /** Lets the window hold WINDOW_PAGES pages of this length (it never shrinks). */
  fit(pageLength: number): void;
  /** Remembers `id`; true when the window already held it (the item is a repeat). */
  add(id: Id): boolean;
}

export function driftWindow(pageSize: number, maxBytes = MAX_WINDOW_BYTES): DriftWindow {
  const ids = new Set<Id>();
  // Oldest first, from `head` on; the part before `head` is dropped now and then, not per id.
  let order: Array<Id | undefined> = [];
  let head = 0;
  let bytes = 0;
  let capacity = WINDOW_PAGES * pageSize;
  return {
    fit(pageLength) {
      capacity = Math.max(capacity, WINDOW_PAGES * pageLength);
    },
    add(id) {
      const known = ids.size;
      // One hash lookup: an id the set already held leaves its size as it was.
      if (ids.add(id).size === known) return true;
      const size = bytesOf(id);
      if (size > maxBytes) {
        ids.delete(id); // an id larger than the whole window is not remembered, and evicts nothing
        return false;
      }
      order.push(id);
      bytes += size;
      while (order.length - head > capacity || bytes > maxBytes) {
        const old = order[head] as Id;
        order[head++] = undefined; // an evicted id must not stay reachable from here
        ids.delete(old);
        bytes -= bytesOf(old);
      }
      if (head > 1024 && head * 2 > order.length) {
        order = order.slice(head);
        head = 0;
      }
      return false;
    },
  };
}
