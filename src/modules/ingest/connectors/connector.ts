/** What every connector gives the sync: pages of raw rows, each page with the cursor to resume after it. */

/** One row as received. */
export interface RawRow {
  /** Where it came from: "line 42" of a file, or "<cursor>#7" of an API page. */
  position: string;
  raw: Record<string, unknown> | null;
  /** Set when the row could not be read at all (malformed JSON, a broken cell). */
  error?: string;
}

/** A page of rows; `cursor` is stored in the same transaction as the page's rows. */
export interface Page {
  rows: RawRow[];
  cursor: string | null;
}

/** A source of pages, resumable from a stored cursor. */
export interface Connector {
  pages(startCursor: string | null): AsyncIterable<Page>;
}
