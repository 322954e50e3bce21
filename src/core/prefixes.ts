/** Shared `prefixes` declarations (see `Scheme.prefixes` in src/types.ts). */

/** First characters of any hex string, both cases: for schemes whose string starts with hex. */
export const HEX_FIRST_CHARS: readonly string[] = Object.freeze([...'0123456789abcdefABCDEF']);
