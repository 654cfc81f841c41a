/**
 * Log entries and their canonical bytes. The bytes of an entry are the UTF-8 of its canonical JSON
 * (keys sorted, no whitespace — see canonical-json.ts and docs/evidence-log.md), so anyone can
 * recompute a leaf hash = SHA-256(0x00 ‖ bytes) from the entry as the API returns it.
 */
import { canonicalJson } from './canonical-json.js';

/** Kinds of log entries. */
export type LogEntryType = 'evidence' | 'case_event' | 'notice';

/** A log entry (version 1). */
export interface LogEntry {
  v: 1;
  type: LogEntryType;
  /** When the platform accepted it, ISO-8601 UTC with milliseconds. */
  at: string;
  /** Who appended it: "user:<id>" or "system:<name>". */
  actor: string;
  /** Case reference, when the entry belongs to a case. */
  case: string | null;
  /** Whom it concerns: a credit code or "person:<id>", when known. */
  subject: string | null;
  /** Type-specific content; for evidence { sha256, size, mediaType, name }. */
  data: Record<string, unknown>;
}

/** Canonical bytes of an entry. */
export function encodeEntry(entry: LogEntry): Uint8Array {
  return new TextEncoder().encode(canonicalJson(entry));
}

/** Parses stored canonical bytes back; throws on anything that is not a v1 entry. */
export function decodeEntry(bytes: string): LogEntry {
  const e = JSON.parse(bytes) as LogEntry;
  if (e?.v !== 1 || typeof e.type !== 'string' || typeof e.at !== 'string') throw new Error('not a version-1 log entry');
  return e;
}
