/**
 * String mutations for the parser and detection property tests: near misses of valid hashes.
 * `mutate(s, at, c, op)` changes `s` once at position `at` (mod its length): op 0 replaces a
 * character with `c`, 1 inserts `c`, 2 deletes a character, 3 cuts the string there, 4 flips a
 * character's case, 5 empties the field around it (between `$ : { }` separators), 6 appends a
 * copy of its start (a doubled prefix).
 */
export const MUTATIONS = 7;

export function mutate(s: string, at: number, c: string, op: number): string {
  const i = s.length === 0 ? 0 : at % s.length;
  switch (op % MUTATIONS) {
    case 0:
      return s.slice(0, i) + c + s.slice(i + 1);
    case 1:
      return s.slice(0, i) + c + s.slice(i);
    case 2:
      return s.slice(0, i) + s.slice(i + 1);
    case 3:
      return s.slice(0, i);
    case 4: {
      const ch = s[i] ?? '';
      return s.slice(0, i) + (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase()) + s.slice(i + 1);
    }
    case 5: {
      const seps = /[$:{}]/;
      let a = i;
      while (a > 0 && !seps.test(s[a - 1]!)) a--;
      let b = i;
      while (b < s.length && !seps.test(s[b]!)) b++;
      return s.slice(0, a) + s.slice(b);
    }
    default:
      return s + s.slice(0, i);
  }
}
