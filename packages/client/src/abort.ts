// One AbortController per operation, aborted by a parent signal, cheaply. AbortSignal.any and
// AbortSignal.timeout cost a listener set and a timer object per call and, on Node 20, linger
// until garbage collection; on a hot path (every attempt, every page) that shows.

/** A controller that follows `parent`; call `release` when done so no listener is left behind. */
export function followSignal(parent: AbortSignal | undefined): { controller: AbortController; release: () => void } {
  const controller = new AbortController();
  if (!parent) return { controller, release: () => undefined };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, release: () => undefined };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  return { controller, release: () => parent.removeEventListener('abort', onAbort) };
}
