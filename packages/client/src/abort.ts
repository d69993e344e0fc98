// Listening to a caller's signal, cheaply and safely. Every listener of ours on one signal goes
// through a single 'abort' listener per signal: thirty calls sharing a signal must not add thirty
// listeners (Node warns past ten, MaxListenersExceededWarning), and nothing we run on an abort may
// throw inside the signal's dispatch, whatever its reason is. AbortSignal.any and
// AbortSignal.timeout cost a listener set and a timer object per call and, on Node 20, linger
// until garbage collection; on a hot path (every attempt, every page) that shows.

interface Listening {
  subscribers: Set<() => void>;
  listener: () => void;
}
const listening = new WeakMap<AbortSignal, Listening>();

function listen(signal: AbortSignal): Listening {
  const subscribers = new Set<() => void>();
  const listener = () => {
    listening.delete(signal);
    for (const subscriber of subscribers) {
      try {
        subscriber();
      } catch {
        // Each of ours settles its call on its own path; one that failed must not stop the others.
      }
    }
  };
  signal.addEventListener('abort', listener, { once: true });
  const entry = { subscribers, listener };
  listening.set(signal, entry);
  return entry;
}

/**
 * Calls `onAbort` once when `signal` aborts; returns a function that stops listening. Only one
 * listener is added to the signal, however many calls subscribe. `signal` must not be aborted yet.
 */
export function whenAborted(signal: AbortSignal, onAbort: () => void): () => void {
  const entry = listening.get(signal) ?? listen(signal);
  // A function of its own, so the same callback subscribed twice is still called twice.
  const subscriber = () => onAbort();
  entry.subscribers.add(subscriber);
  return () => {
    if (!entry.subscribers.delete(subscriber) || entry.subscribers.size > 0 || listening.get(signal) !== entry) return;
    listening.delete(signal);
    signal.removeEventListener('abort', entry.listener);
  };
}

/** A controller that follows `parent`; call `release` when done so no listener is left behind. */
export function followSignal(parent: AbortSignal | undefined): { controller: AbortController; release: () => void } {
  const controller = new AbortController();
  if (!parent) return { controller, release: () => undefined };
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, release: () => undefined };
  }
  return { controller, release: whenAborted(parent, () => controller.abort(parent.reason)) };
}
