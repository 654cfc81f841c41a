/** Flattens a nested locale to dotted keys → text (for the locale tests and tools). */
export function flatten(obj: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? Object.entries(flatten(v, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]])));
}
