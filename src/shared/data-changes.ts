/**
 * "Data changed outside a request": scheduled jobs announce that they wrote, and whoever keeps derived copies
 * (the response cache) listens. Requests need no announcement: a successful write request clears the cache itself.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Registers a listener; returns the function that removes it. */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every listener that data changed. */
export function notifyDataChanged(): void {
  for (const l of listeners) l();
}
