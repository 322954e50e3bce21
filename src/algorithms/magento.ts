/**
 * Magento 1 and Magento 2 password layouts.
 * Sources: OpenMage/magento-lts app/code/core/Mage/Core/Model/Encryption.php (validateHash);
 * magento/magento2 lib/internal/Magento/Framework/Encryption/Encryptor.php (isValidHash,
 * getArgonHash) @4dbca70e and the 2015 revision @03cab1a9 (2-part `sha256:salt`).
 */
import { utf8 } from '../core/bytes.js';
import { digestProgram, stagePassword, stageSpan, stageText, type ChainProgram } from '../core/chain.js';
import { digest, type DigestName } from '../core/digest.js';
import { allIn, alphabetIndex, DIGIT_INDEX, fromHex, HEX_INDEX, toHexBytes } from '../core/encoding.js';
import { HEX_FIRST_CHARS } from '../core/prefixes.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { CostCheck, ParsedHash, Scheme } from '../types.js';
import { argon2Costs, argon2Raw, type Argon2Params } from './argon2.js';

// ---------- Magento 1: H(salt . pw) ':' salt ----------

export interface SaltedHexParsed extends ParsedHash {
  alg: DigestName;
  salt: string;
}

/** Hex length -> digest, for layouts where the digest is only known by its length. */
const BY_HEX_LENGTH: Readonly<Record<number, DigestName>> = { 32: 'md5', 64: 'sha256', 128: 'sha512' };
/** H(salt . password) per hex length, for the whole verification in one call (Scheme.check). */
const MAGENTO1_PROGRAMS: Readonly<Record<number, ChainProgram | null>> = {
  32: digestProgram('md5', [1, 0]),
  64: digestProgram('sha256', [1, 0]),
  128: digestProgram('sha512', [1, 0]),
};

// Salt: everything after the first ':' (Magento explodes with limit 2), except that we refuse a
// second ':' so Magento 2 `hash:salt:version` strings are not also read as Magento 1.
// Perf (issue #8): read in place instead of /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}):[^:]*$/
// (same answers: test/identify-perf-parsers.test.ts).
function isMagento1(s: string): boolean {
  const colon = s.indexOf(':');
  return (colon === 32 || colon === 64 || colon === 128) && allIn(s, HEX_INDEX, 0, colon) && s.indexOf(':', colon + 1) < 0;
}

export const magento1 = defineScheme<SaltedHexParsed>({
  id: 'magento1',
  title: 'Magento 1 salted digest hex(H(salt . password)):salt',
  family: 'magento',
  platforms: [
    'Magento 1 CE 1.0-1.7 (md5, 2-char salt)',
    'Magento 1 CE 1.8-1.9.4.2 (md5, 32-char salt)',
    'Magento 1 EE 1.x (sha256)',
    'Magento 1.9.4.3+ without password_hash (sha512)',
    'Magento 2.0 pre-release `sha256:salt`',
    'osCommerce 2.2 and xt:Commerce (md5, 2-hex salt)',
    'Zen Cart <= 1.5.1 (md5) and 1.5.2+ (sha256)',
  ],
  platformIds: ['magento1', 'magento2', 'oscommerce', 'xtcommerce', 'zencart'],
  example: { password: 'hashcat', hash: '57ab8499d08c59a7211c77f557bf9425:4247' }, // hashcat mode 20 example
  rank: 90,
  prefixes: HEX_FIRST_CHARS,
  shape: { length: { min: 33 }, contains: ':' },
  recognize: isMagento1,
  parse(s) {
    const colon = s.indexOf(':');
    const hex = s.slice(0, colon);
    const alg = BY_HEX_LENGTH[hex.length]!;
    const expected = fromHex(hex);
    if (!expected) throw malformed('magento1', 'invalid hex digest');
    return { alg, salt: s.slice(colon + 1), expected };
  },
  derive: (pw, p) => digest(p.alg, utf8(p.salt), pw),
  describe: (p) => ({ digest: p.alg, saltLength: p.salt.length }),
  check(pw, s, _inputs, maxPasswordBytes) {
    if (!isMagento1(s)) return undefined;
    const colon = s.indexOf(':');
    const program = MAGENTO1_PROGRAMS[colon];
    if (!program || !stageText(s) || !stagePassword(pw, maxPasswordBytes)) return undefined;
    stageSpan(1, colon + 1, s.length);
    return program.check('hex', 0, colon);
  },
});

// ---------- Magento 2: hash ':' salt ':' version[':' version...] ----------

/** One step of a Magento 2 chain, oldest first. */
export type Magento2Step =
  | { kind: 'digest'; alg: 'md5' | 'sha256' }
  | { kind: 'argon2id'; outputBytes: number; opsLimit: number; memLimitBytes: number };

export interface Magento2Parsed extends ParsedHash {
  salt: string;
  steps: Magento2Step[];
  /** The version list as stored (`1:2`, `3_32_2_67108864`). */
  versions: string;
}

// libsodium constants Magento passes (SODIUM_CRYPTO_SIGN_SEEDBYTES, *_INTERACTIVE).
const SEED_BYTES = 32;
const OPSLIMIT_INTERACTIVE = 2;
const MEMLIMIT_INTERACTIVE = 67108864;
// libsodium crypto_pwhash bounds: BYTES_MIN 16, OPSLIMIT_MIN 1, MEMLIMIT_MIN 8192.
const SODIUM_BYTES_MIN = 16;
const SODIUM_MEMLIMIT_MIN = 8192;
/** libsodium's salt length (SODIUM_CRYPTO_PWHASH_SALTBYTES). */
const SODIUM_SALT_BYTES = 16;

const VERSION_CHARS = alphabetIndex('0123456789_:');

/**
 * `hex:salt:versions` (hex digits, a salt without `:`, then digits, `_` and `:`). Perf (issue #8):
 * read in place instead of /^[0-9a-fA-F]+:[^:]*:[0-9_:]+$/ (same answers: test/identify-perf-parsers.test.ts).
 */
function isMagento2(s: string): boolean {
  const first = s.indexOf(':');
  if (first < 1 || !allIn(s, HEX_INDEX, 0, first)) return false;
  const second = s.indexOf(':', first + 1);
  return second >= 0 && second + 1 < s.length && allIn(s, VERSION_CHARS, second + 1);
}

/** `3_<1-10 digits>_<1-10 digits>_<1-20 digits>`: its three numbers as text, else null (was /^3_(\d{1,10})_(\d{1,10})_(\d{1,20})$/). */
function agnosticFields(token: string): string[] | null {
  if (!token.startsWith('3_')) return null;
  const f = token.split('_');
  const ok = (x: string | undefined, max: number) => x !== undefined && x.length >= 1 && x.length <= max && allIn(x, DIGIT_INDEX);
  return f.length === 4 && ok(f[1], 10) && ok(f[2], 10) && ok(f[3], 20) ? f.slice(1) : null;
}

function parseStep(token: string): Magento2Step {
  const agnostic = agnosticFields(token);
  if (agnostic) {
    const step = {
      kind: 'argon2id' as const,
      outputBytes: Number(agnostic[0]),
      opsLimit: Number(agnostic[1]),
      memLimitBytes: Number(agnostic[2]),
    };
    if (step.outputBytes < SODIUM_BYTES_MIN || step.opsLimit < 1 || step.memLimitBytes < SODIUM_MEMLIMIT_MIN) {
      throw malformed('magento2', 'argon2 parameters below libsodium minimums');
    }
    return step;
  }
  // Magento casts other tokens with (int); only 0, 1 and 2 compute anything, any other value
  // throws inside isValidHash and the password can never match, so we call it malformed.
  if (token === '0') return { kind: 'digest', alg: 'md5' };
  if (token === '1') return { kind: 'digest', alg: 'sha256' };
  if (token === '2') {
    return { kind: 'argon2id', outputBytes: SEED_BYTES, opsLimit: OPSLIMIT_INTERACTIVE, memLimitBytes: MEMLIMIT_INTERACTIVE };
  }
  throw malformed('magento2', 'unknown hash version token');
}

/** getArgonHash's salt rule: shorter salts are repeated (str_pad), longer ones cut to 16 bytes. */
export function magentoArgonSalt(salt: string): Uint8Array {
  const bytes = utf8(salt);
  const out = new Uint8Array(SODIUM_SALT_BYTES);
  for (let i = 0; i < SODIUM_SALT_BYTES; i++) out[i] = bytes[i % bytes.length]!;
  return out;
}

function argonParams(step: Extract<Magento2Step, { kind: 'argon2id' }>, salt: string): Argon2Params {
  // libsodium: argon2id v1.3, 1 lane, memory = memlimit / 1024 KiB.
  return {
    type: 'argon2id',
    version: 19,
    memoryKiB: Math.floor(step.memLimitBytes / 1024),
    passes: step.opsLimit,
    parallelism: 1,
    salt: magentoArgonSalt(salt),
    outputLength: step.outputBytes,
  };
}

const DIGEST_BYTES_M2 = { md5: 16, sha256: 32 } as const;

export const magento2 = defineScheme<Magento2Parsed>({
  id: 'magento2',
  title: 'Magento 2 / Adobe Commerce hash:salt:version',
  family: 'magento',
  platforms: [
    'Magento 2.0-2.2 (`:1` sha256, `:0` md5 from Magento 1 migration)',
    'Magento 2.3+ (`:2` argon2id13 via libsodium)',
    'Magento 2.4 (`:3_32_2_67108864` argon2id with recorded parameters)',
    'Magento 2 upgraded chains (`:0:1`, `:1:2`, ...) from customer:hash:upgrade',
  ],
  platformIds: ['magento2', 'adobe-commerce'],
  // cyclone-github/magento_cracker; re-checked with PHP sodium_crypto_pwhash.
  example: {
    password: 'Password@',
    hash: 'ab5ebf8d273b085b6a60336198e0a5a2090fdc3e0606a678315c7274ab06e046:5PiKJRn28bBKoFMopMaaKuV47aJ6GzVg:3_32_2_67108864',
  },
  costs: [
    { name: 'memoryKiB', default: 65536, min: 8, max: 0xffffffff, limit: 'maxMemoryBytes' },
    { name: 'passes', default: 2, min: 1, max: 0xffffffff, limit: 'maxArgon2Passes' },
  ],
  rank: 100,
  prefixes: HEX_FIRST_CHARS,
  shape: { length: { min: 4 }, contains: ':' },
  recognize: isMagento2,
  parse(s) {
    const first = s.indexOf(':');
    const second = s.indexOf(':', first + 1);
    const hex = s.slice(0, first);
    const salt = s.slice(first + 1, second);
    const versions = s.slice(second + 1);
    const steps = versions.split(':').map(parseStep);
    const expected = fromHex(hex);
    const last = steps[steps.length - 1]!;
    const outLen = last.kind === 'digest' ? DIGEST_BYTES_M2[last.alg] : last.outputBytes;
    if (!expected || expected.length !== outLen) throw malformed('magento2', 'hash length does not match its version');
    if (salt.length === 0 && steps.some((st) => st.kind === 'argon2id')) {
      throw malformed('magento2', 'argon2 versions need a non-empty salt');
    }
    return { salt, steps, versions, expected };
  },
  cost(p) {
    const checks: CostCheck[] = [{ limit: 'maxChainSteps', value: p.steps.length, name: 'chain steps' }];
    // Each argon2 step is capped on its own (memory, lanes) and their passes add up: the steps
    // run one after the other, so eight capped steps must not make eight times the cap.
    let passes = 0;
    for (const st of p.steps) {
      if (st.kind !== 'argon2id') continue;
      for (const c of argon2Costs(argonParams(st, p.salt))) {
        if (c.limit === 'maxArgon2Passes') passes += c.value;
        else checks.push(c);
      }
    }
    if (passes > 0) checks.push({ limit: 'maxArgon2Passes', value: passes, name: 'passes (all steps)' });
    return checks;
  },
  async derive(pw, p) {
    const salt = utf8(p.salt);
    let input = pw;
    let raw: Uint8Array = pw;
    for (const st of p.steps) {
      raw = st.kind === 'digest' ? digest(st.alg, salt, input) : await argon2Raw(input, argonParams(st, p.salt));
      input = toHexBytes(raw); // each step feeds its lower-case hex to the next
    }
    return raw;
  },
  describe: (p) => ({ versions: p.versions, saltLength: p.salt.length }),
});

export const magentoSchemes: readonly Scheme[] = [magento2, magento1];
