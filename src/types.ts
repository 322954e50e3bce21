import type { Limits } from './limits.js';

/**
 * Inputs some schemes need beyond the password and the stored string:
 * - `salt`: a salt kept in its own database column (OpenCart, vBulletin, nopCommerce...)
 * - `pepper`: a site-wide secret (PrestaShop _COOKIE_KEY_, Devise pepper...)
 * - `username`: schemes salted with the login name (SMF, PostgreSQL md5...)
 */
export type InputName = 'salt' | 'pepper' | 'username';

/** Per-call inputs, normalised by the engine before a scheme sees them. */
export interface SchemeInputs {
  salt?: string;
  pepper?: Uint8Array;
  username?: string;
  /** Extra named parameters for schemes that need project settings (e.g. Firebase scrypt). */
  params?: Readonly<Record<string, string | number>>;
}

export interface VerifyOptions {
  /** Force one scheme id (see `schemes`); skips detection. */
  scheme?: string;
  /** Restrict detection to schemes used by this platform (e.g. `'magento2'`, `'opencart'`). */
  platform?: string;
  /** A site-wide secret some platforms mix in. A string is UTF-8 encoded. */
  pepper?: string | Uint8Array;
  /** For schemes salted with the user name. */
  username?: string;
  /** For schemes whose salt lives in a separate database column. */
  salt?: string;
  /** Extra scheme parameters (e.g. Firebase's signer key); see each scheme's docs. */
  params?: Record<string, string | number>;
  /** Caps for this call, merged over the process-wide ones. */
  limits?: Partial<Limits>;
  /** Give up (reject with ERR_ABORTED) when this signal aborts. */
  signal?: AbortSignal;
  /** Give up after this many milliseconds. */
  timeoutMs?: number;
}

export interface IdentifyOptions {
  platform?: string;
  pepper?: string | Uint8Array;
  username?: string;
  salt?: string;
  params?: Record<string, string | number>;
}

/** A cost parameter a scheme reads from its stored string, declared as data. */
export interface CostParameter {
  /** Name as it appears in identify() output: `cost`, `rounds`, `iterations`, `memoryKiB`... */
  name: string;
  /** What the platform(s) shipped by default. */
  default?: number;
  /** Smallest value the format allows. */
  min: number;
  /** Largest value the format allows (before our caps). */
  max: number;
  /** Which cap in `Limits` bounds it. */
  limit: keyof Limits;
}

/** One cost value read from a stored string, to be checked against `Limits` before any work. */
export interface CostCheck {
  /** The cap that applies. */
  limit: keyof Limits;
  /** The amount of work or memory the string asks for, in the cap's units. */
  value: number;
  /** Human name of the field (`cost`, `rounds`...). */
  name: string;
}

/** A derived digest, or several when the platform itself accepts several interpretations. */
export type Derived = Uint8Array | readonly Uint8Array[];

/**
 * A scheme: one stored-hash format and how its platform computed it.
 * Identity, shape and costs are data; parse/derive are the only behaviour. The engine
 * (src/engine.ts) does detection, input checks, limits, offloading and the constant-time compare.
 *
 * `P` is the parsed form: a plain, structured-cloneable object (it may cross to a worker thread).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- registry holds schemes of every parsed type
export interface Scheme<P extends ParsedHash = any> {
  /** Stable id, kebab-case: `phpass`, `bcrypt`, `magento2`... */
  readonly id: string;
  /** One-line human title. */
  readonly title: string;
  /** Algorithm family = the file under src/algorithms/ it lives in. */
  readonly family: string;
  /** Platforms (with versions) known to store this format. */
  readonly platforms: readonly string[];
  /** Platform ids (lower-case, for `options.platform`) this scheme belongs to. */
  readonly platformIds: readonly string[];
  /** A known-answer example from an independent reference. */
  readonly example: { readonly password: string; readonly hash: string; readonly options?: IdentifyOptions };
  /** Cost parameters, as data (documentation, identify output, bench). */
  readonly costs?: readonly CostParameter[];
  /** Inputs always required. */
  readonly needs?: readonly InputName[];
  /** Inputs used when given (e.g. an optional pepper); they raise the rank when supplied. */
  readonly uses?: readonly InputName[];
  /**
   * Ranking weight among schemes that fit the same string (higher first). Self-describing
   * formats (a unique prefix) use 100; bare hex digests use lower values by how common they are.
   */
  readonly rank: number;
  /**
   * Optional promise about the shape, used only to skip work in detection (identify/verify find
   * the longest declared prefix a string starts with and ask only the schemes that can claim it,
   * src/detect/candidates.ts): `recognize(s)`
   * returns false whenever `s` starts with none of these. `['$P$', '$H$']` for phpass; the 22 hex
   * digits (HEX_FIRST_CHARS in src/core/prefixes.ts) for bare hex digests. Omitted = may claim
   * any string (always asked). A wrong declaration would hide the scheme: test/identify-fast.test.ts
   * checks every declaration against recognize().
   */
  readonly prefixes?: readonly string[];
  /**
   * Optional promise about the whole string, as data (src/detect/shape.ts), used like `prefixes`
   * to skip work in detection: `recognize(s)` returns false whenever `s` does not have this shape.
   * Detection reads a string's length and character classes in one pass and asks only the
   * schemes whose shape admits it. With `exact`, recognize() is exactly "a declared prefix (if
   * any) and this shape", and detection does not call it; `layout` lets schemes that read the same
   * layout share one parse. Omitted = no promise. test/identify-fast.test.ts and
   * test/detect-shape.test.ts check every declaration against recognize() and parse().
   */
  readonly shape?: SchemeShape;
  /**
   * Optional opt-in test for schemes whose strings look like another scheme's (bcrypt-md5 is a
   * plain `$2y$` string) or carry nothing but a bare digest (keycloak-pbkdf2, firebase-scrypt):
   * detection (identify/verify without `options.scheme`) treats the scheme as a candidate only
   * when this returns true. Promise kept by the scheme: whenever it returns false, `parse(stored,
   * inputs)` throws (usually ERR_MISSING_INPUT naming the parameter), so skipping the parse changes
   * nothing but speed; the error is still produced, lazily, when detection reports it as
   * `malformed`. A forced `options.scheme` ignores this and calls parse as usual.
   * test/identify-fast.test.ts checks the promise and compares detection with the plain loop.
   */
  optIn?(inputs: SchemeInputs, stored: string): boolean;
  /**
   * Cheap shape test: does this string claim to be this scheme? A string that is claimed but
   * fails `parse` is reported as ERR_MALFORMED_HASH rather than ERR_UNKNOWN_FORMAT.
   */
  recognize(stored: string): boolean;
  /** Full validation; throws LegacyHashError ERR_MALFORMED_HASH. Must not do expensive work. */
  parse(stored: string, inputs: SchemeInputs): P;
  /** Costs to check against Limits before derive (omit for fixed-cost schemes). */
  cost?(parsed: P): readonly CostCheck[];
  /**
   * Computes what the platform computed from `password` (raw bytes), in the same form as
   * `parsed.expected`. May be async (native thread pool). Never compares.
   */
  derive(password: Uint8Array, parsed: P, inputs: SchemeInputs): Derived | Promise<Derived>;
  /**
   * true: `derive` is synchronous CPU-heavy JavaScript and runs on the worker pool so the event
   * loop stays free. Native async derivations (node:crypto, @node-rs) leave it false. A function
   * decides per call (bcrypt: native for standard passwords, JavaScript for historic variants).
   */
  readonly offload?: boolean | ((parsed: P, password: Uint8Array, inputs?: SchemeInputs) => boolean);
  /**
   * Optional routing data: what one derivation costs on the calling thread, so the engine can run
   * small jobs inline where a hand-off to another thread costs more than the job itself (see
   * src/engine.ts `routeFor`, INLINE_BUDGET_US). Omitted = routed by `offload` and costs alone.
   */
  readonly inlineCost?: InlineCost<P>;
  /** Public view of the parsed parameters for identify() (costs, variant...). No secrets. */
  describe?(parsed: P): Record<string, string | number>;
  /**
   * Optional fast path of verify() for a fixed-cost scheme: decides the whole verification of
   * `password` against `stored` in one step (no parse object, no derived array, no JavaScript
   * compare; perf, issue #8). Returns true or false only when that is exactly what recognize,
   * parse, derive and the engine's constant-time compare would decide, and undefined whenever it
   * cannot say (malformed, missing input, password over `maxPasswordBytes`, no WebAssembly):
   * the engine then takes its general path, which reports why. Only for strings whose cost()
   * is empty (no limit to check before the work). Never throws for a wrong
   * password and leaves no copy of it behind. test/verify-check.test.ts holds every built-in
   * to that promise.
   */
  check?(password: string | Uint8Array, stored: string, inputs: SchemeInputs, maxPasswordBytes: number): boolean | undefined;
}

/** `Scheme.shape`: what every string a scheme recognises looks like. Every field is optional. */
export interface SchemeShape {
  /**
   * Lengths of the whole string: one length, a list, or a range (`max` omitted = unbounded;
   * `step`: only min, min + step, min + 2·step...).
   */
  readonly length?: number | readonly number[] | { readonly min: number; readonly max?: number; readonly step?: number };
  /** Characters the whole string may contain, as a regular-expression class body: `'0-9a-fA-F'`. */
  readonly chars?: string;
  /** Characters of which every such string contains at least one (a separator: `':'`), as a class body. */
  readonly contains?: string;
  /**
   * recognize(s) is exactly "starts with a declared prefix (when `prefixes` is set), its length
   * is one of `length` and every character is in `chars`" (build it with recognizeShape() from
   * src/detect/shape.ts). Detection then skips recognize(); it honours the flag only when `length`
   * is given and `chars` is made of whole character classes (hex digits, base64...; see shape.ts).
   */
  readonly exact?: boolean;
  /**
   * Schemes declaring the same `layout` key promise: for every string both recognise and any
   * inputs both opt in to (`optIn`), their parse() returns equal results (plain data, compared
   * field by field) or both throw. Detection parses once and gives each scheme its own shallow copy (`expected` bytes are
   * shared and never written). Name it after the layout reader: `'bcrypt'`, `'formula:…'`.
   */
  readonly layout?: string;
}

/**
 * Estimated time of one derivation on the calling thread (Scheme.inlineCost):
 * `baseUs + usPerUnit × Π work`, where each entry of `work` is the total value of the cost checks
 * against that cap (as enforceCosts checked them, so a crafted hash cannot understate its work).
 * A cap with no check makes the estimate infinite (never inline), and so does a work cost the
 * hash asks for that `work` does not name. A fixed-cost derivation (md5-crypt's 1000 rounds)
 * declares `work: []`: its estimate is `baseUs + usPerUnit`. Measured for passwords up to
 * 64 bytes on a 2026 server core; the engine scales it for longer passwords.
 */
export interface InlineCost<P extends ParsedHash = ParsedHash> {
  /** Caps whose checked values multiply into the work: `['maxRounds']`, `['maxMemoryBytes', 'maxArgon2Passes']`. */
  readonly work: readonly (keyof Limits)[];
  /** Microseconds per unit of work. */
  readonly usPerUnit: number;
  /** Fixed microseconds per derivation (set-up, output encoding). */
  readonly baseUs: number;
  /**
   * For native async schemes (node:crypto, @node-rs): the same derivation, computed synchronously.
   * Required for them to run inline; without it they stay behind the libuv admission gate.
   * A promise only when part of the work turned out asynchronous after all (a wrapper whose
   * inner format's derive is): the rest then completes off this thread as usual.
   */
  deriveSync?(password: Uint8Array, parsed: P, inputs: SchemeInputs): Derived | Promise<Derived>;
  /**
   * For a wrapper whose work is that of the format inside it (`{CRYPT}` holding any crypt(3)
   * string): the inner format's estimate for this parse, used instead of this one's numbers
   * (undefined = never inline). Its `deriveSync` is ignored: the wrapper's own runs (`deriveSync`
   * when the wrapper declares one, which native work inline needs; else its derive).
   */
  of?(parsed: P): InlineCost | undefined;
}

/** What every parsed hash carries: the bytes the derived value must equal. */
export interface ParsedHash {
  expected: Uint8Array;
}

/** One scheme that could have produced a stored string, as returned by identify(). */
export interface Candidate {
  scheme: string;
  title: string;
  platforms: readonly string[];
  /** Inputs this candidate needs that the caller did not supply. Empty when it can run. */
  missing: InputName[];
  /** Parsed public parameters (cost, variant, ...). */
  params: Record<string, string | number>;
  /** Ranking score (higher = more likely); see src/detect/rank.ts for the rules. */
  score: number;
}
