/**
 * What to measure for each scheme: its class and target (from issue #8), a stored hash at the
 * platform's default cost (the scheme's example, or one made by PHP at runtime — never by
 * legacy-hash), and the references that compute the same thing, timed in the same run.
 */
import { createHash, pbkdf2, scrypt, timingSafeEqual } from 'node:crypto';
import * as nrArgon2 from '@node-rs/argon2';
import * as nrBcrypt from '@node-rs/bcrypt';
import { latency } from './measure.mjs';
import { phpSamples, phpVersion, runPhp } from './php.mjs';

export const PASSWORD = 'correct horse battery staple';

/** Targets of issue #8, by class. `ratio`: our median / fastest reference median. */
export const TARGETS = {
  phpass: { kind: 'ratio', max: 1.0, text: '≤ 1.0× PHP C loop' },
  md5crypt: { kind: 'ratio', max: 1.0, text: '≤ 1.0× PHP crypt()' },
  shacrypt: { kind: 'ratio', max: 1.5, text: '≤ 1.5× PHP crypt()' },
  bcrypt: { kind: 'ratio', max: 1.1, text: '≤ 1.1× native' },
  argon2: { kind: 'ratio', max: 1.1, text: '≤ 1.1× native' },
  pbkdf2: { kind: 'ratio', max: 1.1, text: '≤ 1.1× OpenSSL' },
  scrypt: { kind: 'ratio', max: 1.1, text: '≤ 1.1× OpenSSL' },
  cheap: { kind: 'rate', min: 1e6, text: '≥ 1 M verify/s/core' },
  des: { kind: 'info', text: '— (no target)' },
  stretched: { kind: 'info', text: '— (no target)' },
};

/** The class of a scheme, from its data (costs, family, id). */
export function classify(scheme, params = {}) {
  const limits = (scheme.costs ?? []).map((c) => c.limit);
  const id = scheme.id;
  if (scheme.family === 'phpass' || scheme.family === 'drupal') return 'phpass';
  if (id === 'md5-crypt' || id === 'apr1' || (id === 'ldap-crypt' && params.inner === 'md5-crypt')) return 'md5crypt';
  if (/^sha(256|512)-crypt$/.test(id) || (id === 'ldap-crypt' && /^sha(256|512)-crypt$/.test(String(params.inner)))) return 'shacrypt';
  // Django's CryptPasswordHasher stores crypt(3) output, traditional DES in practice: DES's class.
  if (id === 'des-crypt' || id === 'bsdi-crypt' || id === 'bigcrypt' || id === 'django-crypt' || (id === 'ldap-crypt' && /des|bsdi/.test(String(params.inner)))) return 'des';
  if (limits.includes('maxBcryptCost')) return 'bcrypt';
  if (limits.includes('maxPbkdf2Iterations')) return 'pbkdf2';
  if (id === 'wrapped') return params.kdf === 'scrypt' ? 'scrypt' : 'argon2';
  if (limits.includes('maxMemoryBytes')) return /scrypt/.test(id) ? 'scrypt' : 'argon2';
  if (limits.includes('maxRounds')) return 'stretched';
  return 'cheap';
}

/** The cost fields of identify() params, as a short label. */
export function costLabel(params) {
  const keys = ['cost', 'rounds', 'iterations', 'memoryKiB', 'passes', 'parallelism', 'versions', 'kdf'];
  const parts = keys.filter((k) => params[k] !== undefined).map((k) => `${k === 'memoryKiB' ? 'm' : k === 'passes' ? 't' : k === 'parallelism' ? 'p' : k}=${params[k]}`);
  return parts.join(' ') || '—';
}

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// ---------- hashes at the default cost, made by PHP ----------

/** PHP snippets that create a hash of $A['pw'] at the default cost (echo json_encode(hash)). */
const MAKERS = {
  bcrypt: (d) => ({ php: `echo json_encode(password_hash($A['pw'], PASSWORD_BCRYPT, ['cost' => ${d.cost}]));`, how: `PHP password_hash cost ${d.cost}` }),
  phpass: (d) => ({
    php: `echo json_encode(lh_phpass_crypt_private($A['pw'], lh_phpass_setting('P', ${Math.log2(d.rounds)}, 'Bench.01')));`,
    how: 'PHP crypt_private (WordPress class-phpass.php port, scripts/ref/formulas.php)',
  }),
  drupal7: (d) => ({
    php: `$setting = '$S$' . '${ITOA64[Math.log2(d.rounds)]}' . 'Bench.01';
      $count = 1 << ${Math.log2(d.rounds)}; $pw = $A['pw'];
      $hash = hash('sha512', 'Bench.01' . $pw, true);
      do { $hash = hash('sha512', $hash . $pw, true); } while (--$count);
      echo json_encode(substr($setting . lh_b64crypt($hash, 64), 0, 55));`,
    how: 'PHP port of Drupal 7 _password_crypt',
  }),
  argon2: (d) => ({
    php: `echo json_encode(password_hash($A['pw'], PASSWORD_ARGON2ID, ['memory_cost' => ${d.memoryKiB}, 'time_cost' => ${d.passes}, 'threads' => ${d.parallelism ?? 1}]));`,
    how: `PHP password_hash argon2id m=${d.memoryKiB} t=${d.passes}`,
  }),
  'bsdi-crypt': (d) => {
    let enc = '';
    for (let i = 0; i < 4; i++) enc += ITOA64[(d.rounds >> (6 * i)) & 63];
    return { php: `echo json_encode(crypt($A['pw'], '_${enc}bnch'));`, how: `PHP crypt() _ (BSDi) rounds ${d.rounds}` };
  },
};
MAKERS['django-pbkdf2'] = (d) => ({
  php: `$salt = 'benchsaltbench'; $raw = hash_pbkdf2('sha256', $A['pw'], $salt, ${d.iterations}, 0, true);
    echo json_encode('pbkdf2_sha256$${d.iterations}$' . $salt . '$' . base64_encode($raw));`,
  how: `PHP hash_pbkdf2 sha256 ${d.iterations}`,
});
for (const alg of ['sha512', 'sha256', 'sha1']) {
  const id = `ldap-pbkdf2-${alg}`;
  MAKERS[id] = (d) => ({
    php: `$salt = 'benchsaltbenchsa';
      $raw = hash_pbkdf2('${alg}', $A['pw'], $salt, ${d.iterations}, 0, true);
      echo json_encode('{PBKDF2${alg === 'sha1' ? '' : '-' + alg.toUpperCase()}}${d.iterations}$' . lh_ab64($salt) . '$' . lh_ab64($raw));`,
    how: `PHP hash_pbkdf2 ${alg} ${d.iterations}`,
  });
}

/** Default cost values by name, from the scheme's cost data. */
function defaults(scheme) {
  const d = {};
  for (const c of scheme.costs ?? []) if (typeof c.default === 'number' && c.default > 0) d[c.name] = c.default;
  return d;
}

/**
 * The stored hash to bench a scheme with: its example when that is at the default cost, else one
 * made by PHP at the default cost, else the example (noted).
 */
export function defaultCase(lib, scheme) {
  const ex = scheme.example;
  const exParams = lib.identify(ex.hash, ex.options).find((c) => c.scheme === scheme.id)?.params ?? {};
  const d = defaults(scheme);
  const atDefault = Object.entries(d).every(([k, v]) => exParams[k] === undefined || Number(exParams[k]) === v);
  if (atDefault) return { password: ex.password, hash: ex.hash, options: ex.options ?? {}, made: 'example', note: '' };
  const maker = MAKERS[scheme.id] ?? MAKERS[scheme.family === 'drupal' ? 'drupal7' : scheme.family];
  if (maker && phpVersion()) {
    try {
      const m = maker({ ...exParams, ...d });
      const hash = runPhp(m.php, { pw: PASSWORD });
      return { password: PASSWORD, hash, options: ex.options ?? {}, made: m.how, note: '' };
    } catch (e) {
      return { password: ex.password, hash: ex.hash, options: ex.options ?? {}, made: 'example', note: `maker failed: ${e.message.slice(0, 80)}` };
    }
  }
  const wanted = Object.entries(d).map(([k, v]) => `${k}=${v}`).join(' ');
  return { password: ex.password, hash: ex.hash, options: ex.options ?? {}, made: 'example', note: `example cost (default ${wanted}: no reference maker)` };
}

// ---------- references ----------

/** A reference that runs in this process: samples from our own timing loop. */
function nodeRef(name, fn) {
  return { name, run: (budgetMs) => latency(fn, { budgetMs, warmupMs: 100 }) };
}

function phpRef(name, body, args, setup = '') {
  return { name, run: async (budgetMs) => phpSamples(body, args, budgetMs, { setup }) };
}

const DIGEST_LEN = { md5: 16, sha1: 20, sha256: 32, sha384: 48, sha512: 64 };

/** Argon2 parameters of a stored string, when we can read them (PHC, Magento 2, wrapped). */
function argonParams(id, params, hash) {
  if (params.memoryKiB) {
    const len = /\$([A-Za-z0-9+/]+)$/.exec(hash)?.[1].length;
    return { type: params.type ?? 'argon2id', m: params.memoryKiB, t: params.passes, p: params.parallelism ?? 1, len: len ? Math.floor((len * 3) / 4) : 32 };
  }
  const ag = /(?:^|:)3_(\d+)_(\d+)_(\d+)$/.exec(hash);
  if (ag) return { type: 'argon2id', m: Number(ag[3]) / 1024, t: Number(ag[2]), p: 1, len: Number(ag[1]) };
  if (/:2$/.test(hash)) return { type: 'argon2id', m: 65536, t: 2, p: 1, len: 32 };
  const w = /^\$lhw\$1\$(argon2id)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  if (w) return { type: w[1], m: Number(w[2]), t: Number(w[3]), p: Number(w[4]), len: 32 };
  return null;
}

const ALG = { argon2d: 0, argon2i: 1, argon2id: 2 };

/** References computing the same work as verifying `hash` (same algorithm, same cost). */
export function referencesFor(cls, scheme, params, hash, pw) {
  const id = scheme.id;
  const refs = [];
  const php = Boolean(phpVersion());
  const pwBuf = Buffer.from(pw);
  switch (cls) {
    case 'phpass': {
      const rounds = Number(params.rounds);
      if (!php || !rounds) break;
      if (scheme.id === 'phpass') {
        refs.push(phpRef('PHP md5() loop (phpass crypt_private)', `return lh_phpass_crypt_private($A['pw'], $A['setting']) !== '*0';`, { pw, setting: hash.slice(0, 12) }));
      } else {
        refs.push(
          phpRef(
            'PHP hash(sha512) loop (Drupal _password_crypt)',
            `$count = $A['rounds']; $pw = $A['pw']; $hash = hash('sha512', 'Bench.01' . $pw, true);
             do { $hash = hash('sha512', $hash . $pw, true); } while (--$count);
             return strlen(lh_b64crypt($hash, 64)) > 0;`,
            { pw, rounds },
          ),
        );
      }
      break;
    }
    case 'md5crypt':
      if (php) refs.push(phpRef('PHP crypt() $1$', `return crypt($A['pw'], '$1$benchslt$') !== '*0';`, { pw }));
      break;
    case 'shacrypt': {
      const rounds = Number(params.rounds ?? 5000);
      const v = /512/.test(id) || /512/.test(String(params.inner)) ? '6' : '5';
      const setting = `$${v}$${rounds === 5000 ? '' : `rounds=${rounds}$`}benchsaltbenchsa$`;
      if (php) refs.push(phpRef(`PHP crypt() $${v}$`, `return strlen(crypt($A['pw'], $A['s'])) > 13;`, { pw, s: setting }));
      break;
    }
    case 'des':
      if (!php) break;
      if (id === 'des-crypt') refs.push(phpRef('PHP crypt() DES', `return strlen(crypt($A['pw'], 'ab')) === 13;`, { pw }));
      if (id === 'bsdi-crypt') refs.push(phpRef('PHP crypt() BSDi _', `return strlen(crypt($A['pw'], $A['s'])) === 20;`, { pw, s: hash.slice(0, 9) }));
      break;
    case 'bcrypt': {
      const cost = Number(params.cost);
      if (!cost) break;
      const native = nrBcrypt.hashSync(pw, { cost });
      // The same number of bcrypt computations as the verification: WCF 2's double bcrypt runs
      // two; so does a $2a$ hash with an 8-bit password (both historic readings are checked, see
      // the README's bcrypt table). The reference then runs the native bcrypt that many times.
      const runs = id === 'wcf2' || (/^\$2a\$/.test(hash) && /[^\x00-\x7f]/.test(pw)) ? 2 : 1;
      const times = runs === 2 ? ' ×2' : '';
      refs.push(nodeRef(`@node-rs/bcrypt verify${times}`, async () => {
        for (let i = 0; i < runs; i++) await nrBcrypt.verify(pw, native);
      }));
      if (php) {
        const body = runs === 2 ? `return password_verify($A['pw'], $A['h']) === password_verify($A['pw'], $A['h']);` : `return password_verify($A['pw'], $A['h']);`;
        refs.push(phpRef(`PHP password_verify${times}`, body, { pw, h: native.replace(/^\$2b\$/, '$2y$') }));
      }
      break;
    }
    case 'argon2': {
      const a = argonParams(id, params, hash);
      if (!a) break;
      const salt = Buffer.from('benchsaltbenchsa');
      const opts = { algorithm: ALG[a.type], memoryCost: a.m, timeCost: a.t, parallelism: a.p, outputLen: a.len, salt };
      refs.push(nodeRef('@node-rs/argon2 hashRaw', () => nrArgon2.hashRaw(pwBuf, opts)));
      if (php && a.type === 'argon2id' && a.p === 1) {
        refs.push(
          phpRef(
            'PHP sodium_crypto_pwhash',
            `return strlen(sodium_crypto_pwhash($A['len'], $A['pw'], 'benchsaltbenchsa', $A['t'], $A['m'] * 1024, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13)) > 0;`,
            { pw, len: a.len, t: a.t, m: a.m },
          ),
        );
      }
      break;
    }
    case 'pbkdf2': {
      const iterations = Number(params.iterations);
      const prf = typeof params.prf === 'string' ? params.prf.replace(/^hmac-/, '') : undefined;
      const digest = params.digest ?? prf ?? (id === 'symfony-pbkdf2' ? 'sha512' : id === 'postgres-scram' ? 'sha256' : undefined);
      if (!iterations || !digest || !DIGEST_LEN[digest]) break;
      const keylen = Number(params.keyBytes) || (id === 'symfony-pbkdf2' ? 40 : DIGEST_LEN[digest]);
      const salt = Buffer.from('benchsaltbenchsa');
      refs.push(
        nodeRef(`node:crypto pbkdf2 (OpenSSL) ${digest}`, () => new Promise((res, rej) => pbkdf2(pwBuf, salt, iterations, keylen, digest, (e, k) => (e ? rej(e) : res(k))))),
      );
      break;
    }
    case 'scrypt': {
      if (!params.N) break;
      const salt = Buffer.from('benchsaltbenchsa');
      const o = { N: Number(params.N), r: Number(params.r ?? 8), p: Number(params.p ?? 1), maxmem: 1024 * 1024 * 1024 };
      const keylen = Number(params.keyBytes) || 32;
      refs.push(nodeRef('node:crypto scrypt (OpenSSL)', () => new Promise((res, rej) => scrypt(pwBuf, salt, keylen, o, (e, k) => (e ? rej(e) : res(k))))));
      break;
    }
    case 'cheap': {
      // The same digest through OpenSSL (Hash object + timingSafeEqual), for the simple layouts.
      const simple = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' }[id];
      if (simple) {
        const expected = createHash(simple).update(pwBuf).digest();
        refs.push(nodeRef(`node:crypto createHash(${simple})`, async () => timingSafeEqual(createHash(simple).update(pwBuf).digest(), expected)));
      }
      if (id === 'magento1') {
        const [hex, salt] = hash.split(':');
        const alg = { 32: 'md5', 64: 'sha256', 128: 'sha512' }[hex.length];
        const expected = Buffer.from(hex, 'hex');
        const saltBuf = Buffer.from(salt);
        refs.push(nodeRef(`node:crypto createHash(${alg})`, async () => timingSafeEqual(createHash(alg).update(saltBuf).update(pwBuf).digest(), expected)));
      }
      break;
    }
  }
  return refs;
}
