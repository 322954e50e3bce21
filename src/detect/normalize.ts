/**
 * Stored strings come out of CSV/SQL exports. We trim surrounding ASCII whitespace (spaces,
 * tabs, CR, LF): no supported format has meaningful leading or trailing whitespace, and exports
 * routinely add it (fixed-width CHAR columns, CRLF line ends). Inner whitespace is never touched.
 */
export function normalizeStored(stored: string): string {
  // Perf (issue #8): nothing to trim in the common case; skip the regex.
  const first = stored.charCodeAt(0);
  const last = stored.charCodeAt(stored.length - 1);
  if (first !== 32 && first !== 9 && first !== 13 && first !== 10 && last !== 32 && last !== 9 && last !== 13 && last !== 10) {
    return stored;
  }
  return stored.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}
