/**
 * Stored strings come out of CSV/SQL exports. We trim surrounding ASCII whitespace (spaces,
 * tabs, CR, LF): no supported format has meaningful leading or trailing whitespace, and exports
 * routinely add it (fixed-width CHAR columns, CRLF line ends). Inner whitespace is never touched.
 */
export function normalizeStored(stored: string): string {
  return stored.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
