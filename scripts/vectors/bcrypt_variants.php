<?php
/**
 * Reference vectors for legacy-hash's bcrypt core (src/algorithms/bcrypt-core.ts), one per key
 * mode, written to test/vectors/bcrypt-variants.json.
 *
 *   php scripts/vectors/bcrypt_variants.php > test/vectors/bcrypt-variants.json
 *
 * References:
 * - PHP crypt() (Openwall crypt_blowfish 1.3 inside php-src): `$2a$` (correct + countermeasure =
 *   mode "safety"), `$2b$`/`$2y$` (mode "correct"), `$2x$` (sign-extension bug).
 * - passlib's pure-Python bcrypt (PASSLIB_BUILTIN_BCRYPT=enabled) for the original `$2$` (mode
 *   "no-nul": no NUL terminator in the key), run as a child process when /usr/bin/python3 has
 *   passlib; skipped with a warning otherwise.
 * - Published vectors: Openwall crypt_blowfish wrapper.c tests and OpenBSD's regression vectors for
 *   the `$2a$` 8-bit length wrap-around (as reproduced in bcrypt_elixir test/base_test.exs), both
 *   quoted in docs/formats.md section E; every one PHP can compute is re-checked here.
 * - OpenBSD <= 5.4 `$2a$` (mode "openbsd-2a") and `$2$` passwords of 256+ bytes: no living tool
 *   computes them, so besides the published wrap-around vectors they are *derived*: OpenBSD's
 *   bcrypt.c keeps the key length in a u_int8_t and Blowfish_stream2word cycles over that many
 *   bytes, so the key equals crypt_blowfish's correct key of those bytes repeated to 72 bytes
 *   (72+ bytes without a NUL use exactly the first 72). PHP crypt() then computes that key.
 *
 * Deterministic: mt_srand(SEED) drives every password and salt.
 */

const SEED = 20110620; // the crypt_blowfish 1.1 release date (CVE-2011-2483 fix)
const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PHP_SOURCE = 'PHP ' . PHP_VERSION . ' crypt() (crypt_blowfish 1.3)';

mt_srand(SEED);

/** bcrypt's base64 (OpenBSD encode_base64 / crypt_blowfish BF_encode). */
function bcrypt64(string $bytes): string
{
    $out = '';
    $len = strlen($bytes);
    for ($i = 0; $i < $len;) {
        $c1 = ord($bytes[$i++]);
        $out .= BCRYPT64[$c1 >> 2];
        $c1 = ($c1 & 0x03) << 4;
        if ($i >= $len) { $out .= BCRYPT64[$c1]; break; }
        $c2 = ord($bytes[$i++]);
        $out .= BCRYPT64[$c1 | ($c2 >> 4)];
        $c1 = ($c2 & 0x0f) << 2;
        if ($i >= $len) { $out .= BCRYPT64[$c1]; break; }
        $c2 = ord($bytes[$i++]);
        $out .= BCRYPT64[$c1 | ($c2 >> 6)];
        $out .= BCRYPT64[$c2 & 0x3f];
    }
    return $out;
}

function randomBytes(int $n, int $min = 1, int $max = 255): string
{
    $s = '';
    for ($i = 0; $i < $n; $i++) $s .= chr(mt_rand($min, $max));
    return $s;
}

function setting(string $ident, int $cost, string $salt16): string
{
    return sprintf('$%s$%02d$%s', $ident, $cost, bcrypt64($salt16));
}

function phpCrypt(string $password, string $setting): string
{
    $h = crypt($password, $setting);
    if (strlen($h) !== 60) fwrite(STDERR, "crypt() failed for $setting\n") && exit(1);
    return $h;
}

$vectors = [];

function add(string $password, string $hash, string $mode, string $source, string $note): void
{
    global $vectors;
    $v = ['scheme' => 'bcrypt', 'passwordHex' => bin2hex($password)];
    if (preg_match('//u', $password)) $v['password'] = $password;
    $v += ['hash' => $hash, 'match' => true, 'source' => $source, 'note' => "mode: $mode; $note"];
    $vectors[] = $v;
}

const MODE_BY_IDENT = ['2a' => 'safety', '2b' => 'correct', '2y' => 'correct', '2x' => 'sign-extension-bug'];

// ---------- 1. Published Openwall vectors (formats.md E.4), re-checked with PHP crypt() ----------

$openwall = [
    ['U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW'],
    ['', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy'],
    ['0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored',
        '$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui'],
    ["\xa3", '$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e'],
    ["\xff\xff\xa3", '$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e'],
    ["\xff\xff\xa3", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e'],
    ["\xff\xff\xa3", '$2b$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e'],
    ["\xff\xff\xa3", '$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.'],
    ["\xa3", '$2a$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq'],
    ["\xa3", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq'],
    ["\xa3", '$2b$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq'],
    ["1\xa3345", '$2x$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi'],
    ["\xff\xa3345", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e'],
    ["\xa3ab", '$2a$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS'],
    [str_repeat("\xaa", 72) . 'chars after 72 are ignored as usual',
        '$2a$05$/OK.fbVrR/bpIqNJ5ianF.swQOIzjOiJ9GHEPuhEkvqrUyvWhEMx6'],
    // crypt_blowfish's built-in self-test (php_crypt_blowfish_rn): cost 00 is below the public
    // minimum, so it is not a vector here; "U*U" variants at cost 05 cover the same code.
];
foreach ($openwall as [$pw, $hash]) {
    $check = phpCrypt($pw, substr($hash, 0, 29));
    if ($check !== $hash) fwrite(STDERR, "Openwall vector mismatch: $hash vs $check\n") && exit(1);
    add($pw, $hash, MODE_BY_IDENT[substr($hash, 1, 2)],
        'Openwall crypt_blowfish wrapper.c test vectors (docs/formats.md E.4); re-checked with ' . PHP_SOURCE,
        'published vector');
}

// ---------- 2. OpenBSD $2a$ wrap-around regression vectors (formats.md E.3) ----------

$digits260 = substr(str_repeat('0123456789', 26), 0, 260);
$wrapSetting = '$2a$05$CCCCCCCCCCCCCCCCCCCCC.';
$wrapHash2a = '$2a$05$CCCCCCCCCCCCCCCCCCCCC.6.O1dLNbjod2uo0DVcW.jHucKbPDdHS';
$wrapHash2b = '$2b$05$CCCCCCCCCCCCCCCCCCCCC.XxrQqgBi/5Sxuq9soXzDtjIZ7w5pMfK';
// Independent check of the published old-$2a$ hash: it must be the hash of 72 x '0'.
if (phpCrypt(str_repeat('0', 72), $wrapSetting) !== $wrapHash2a) fwrite(STDERR, "wrap vector\n") && exit(1);
foreach ([255, 256] as $n) {
    $pw = substr($digits260, 0, $n);
    add($pw, $wrapHash2a, 'openbsd-2a',
        'OpenBSD regression test vector as reproduced in bcrypt_elixir test/base_test.exs (docs/formats.md E.3); '
        . 'equals ' . PHP_SOURCE . ' of 72 x "0" (checked)',
        "$n-byte password, 8-bit key length wraps to " . (($n + 1) & 0xff) . ': key is password[0] repeated');
    $check = phpCrypt($pw, '$2b$05$CCCCCCCCCCCCCCCCCCCCC.');
    if ($check !== $wrapHash2b) fwrite(STDERR, "wrap 2b vector\n") && exit(1);
    add($pw, $wrapHash2b, 'correct',
        'OpenBSD regression test vector as reproduced in bcrypt_elixir test/base_test.exs; re-checked with ' . PHP_SOURCE,
        "$n-byte password under \$2b\$ (no wrap-around)");
}

// ---------- 3. PHP crypt(): random 8-bit passwords for each prefix ----------

$lengths = [0, 1, 2, 3, 4, 5, 71, 72, 73, 255, 256, 300];
foreach (['2a', '2b', '2x', '2y'] as $ident) {
    $all = $lengths;
    for ($i = 0; $i < 8; $i++) $all[] = mt_rand(6, 100);
    foreach ($all as $k => $n) {
        $cost = 4 + $k % 3;
        $pw = randomBytes($n);
        $hash = phpCrypt($pw, setting($ident, $cost, randomBytes(16, 0, 255)));
        add($pw, $hash, MODE_BY_IDENT[$ident], PHP_SOURCE, "random 8-bit password, $n bytes");
    }
}

// Embedded NUL: every C implementation stops at the first NUL (PHP passes the C string too).
foreach (['2a', '2b', '2x', '2y'] as $ident) {
    foreach ([[0, 8], [3, 10], [71, 80], [72, 75]] as [$at, $n]) {
        $pw = randomBytes($at) . "\0" . randomBytes($n - $at - 1);
        $setting = setting($ident, 4, randomBytes(16, 0, 255));
        $hash = phpCrypt($pw, $setting);
        if ($hash !== phpCrypt(substr($pw, 0, $at), $setting)) fwrite(STDERR, "NUL\n") && exit(1);
        add($pw, $hash, MODE_BY_IDENT[$ident], PHP_SOURCE, "NUL at byte $at of $n: key stops there");
    }
}

// Passwords that trigger the $2a$ countermeasure: every byte >= 0x80 that is not first in its
// 32-bit key word follows only 0xff bytes in that word, so the buggy and correct expansions are
// equal while a sign extension happened; PHP's $2a$ then flips bit 16 of the first key word.
// 71 bytes + NUL = exactly 72, so the word alignment is the password's own.
for ($i = 0; $i < 6; $i++) {
    $pw = '';
    for ($w = 0; $w < 18; $w++) {
        $k = mt_rand(0, 3); // 0xff bytes before one high byte (0 = plain ASCII word)
        $word = $k === 0 ? randomBytes(4, 1, 0x7f)
            : str_repeat("\xff", $k) . chr(mt_rand(0x80, 0xfe)) . randomBytes(3 - $k, 1, 0x7f);
        $pw .= $word;
    }
    $pw = substr($pw, 0, 71);
    $salt = randomBytes(16, 0, 255);
    $a = phpCrypt($pw, setting('2a', 5, $salt));
    $y = phpCrypt($pw, setting('2y', 5, $salt));
    if (substr($a, 29) === substr($y, 29)) fwrite(STDERR, "countermeasure not triggered\n") && exit(1);
    add($pw, $a, 'safety', PHP_SOURCE, 'countermeasure case: $2a$ differs from $2y$ (bit 16 of the first key word flipped)');
    add($pw, $y, 'correct', PHP_SOURCE, 'countermeasure case under $2y$');
    add($pw, phpCrypt($pw, setting('2x', 5, $salt)), 'sign-extension-bug', PHP_SOURCE,
        'countermeasure case under $2x$ (buggy expansion equals the correct one, so equal to $2y$)');
}

// ---------- 4. Derived: OpenBSD <= 5.4 $2a$ and $2$ for 255+ byte passwords ----------

/** The 72 key bytes OpenBSD's old bcrypt.c uses: `len` (mod-256 key_len) bytes cycled, 0 -> key[0]. */
function openbsdKey(string $cstring, int $len): string
{
    if ($len === 0) $len = 1;
    $withNul = $cstring . "\0";
    $unit = substr($withNul, 0, $len);
    return substr(str_repeat($unit, intdiv(72, strlen($unit)) + 1), 0, 72);
}

foreach ([255, 256, 257, 300, 330, 511, 600] as $k => $n) {
    $pw = randomBytes($n);
    $salt = randomBytes(16, 0, 255);
    $key = openbsdKey($pw, ($n + 1) & 0xff);
    if (strpos($key, "\0") !== false) continue; // would stop crypt_blowfish early; not derivable
    $hash = '$2a$' . substr(phpCrypt($key, setting('2b', 4 + $k % 3, $salt)), 4);
    add($pw, $hash, 'openbsd-2a',
        'derived: OpenBSD bcrypt.c <= 5.4 key_len = (u_int8_t)(strlen + 1), Blowfish_stream2word cycling; '
        . 'the 72-byte key computed with ' . PHP_SOURCE,
        "$n bytes, key = first " . max(1, ($n + 1) & 0xff) . ' bytes cycled (no NUL)');
}
// Below 255 bytes OpenBSD's old $2a$ equals the correct algorithm.
foreach ([0, 1, 72, 100, 254] as $n) {
    $pw = randomBytes($n);
    $hash = '$2a$' . substr(phpCrypt($pw, setting('2b', 4, randomBytes(16, 0, 255))), 4);
    add($pw, $hash, 'openbsd-2a', 'derived: OpenBSD <= 5.4 $2a$ = correct algorithm below 255 bytes; ' . PHP_SOURCE,
        "$n bytes, no wrap-around");
}

// ---------- 5. passlib builtin: original $2$ (no NUL counted) ----------

$passlibJobs = [];
foreach ([0, 1, 3, 4, 5, 8, 71, 72, 73, 100, 254, 255] as $k => $n) {
    $passlibJobs[] = ['pw' => bin2hex(randomBytes($n)), 'salt' => bcrypt64(randomBytes(16, 0, 255)), 'cost' => 4 + $k % 3];
}
$py = <<<'PY'
import json, sys, passlib
from passlib.hash import bcrypt
out = []
for job in json.load(sys.stdin):
    h = bcrypt.using(ident="2", rounds=job["cost"], salt=job["salt"])
    h.set_backend("builtin")
    out.append(h.hash(bytes.fromhex(job["pw"])))
json.dump({"version": passlib.__version__, "hashes": out}, sys.stdout)
PY;
$proc = proc_open(['/usr/bin/python3', '-c', $py], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes,
    null, ['PASSLIB_BUILTIN_BCRYPT' => 'enabled', 'PATH' => getenv('PATH')]);
if (is_resource($proc)) {
    fwrite($pipes[0], json_encode($passlibJobs));
    fclose($pipes[0]);
    $res = json_decode(stream_get_contents($pipes[1]), true);
    $err = stream_get_contents($pipes[2]);
    proc_close($proc);
    if (!is_array($res)) {
        fwrite(STDERR, "passlib not available, no \$2\$ vectors: $err\n");
    } else {
        foreach ($passlibJobs as $i => $job) {
            $pw = hex2bin($job['pw']);
            $hash = $res['hashes'][$i];
            // Cross-check: the same key through PHP (password cycled to 72 bytes, as passlib's
            // fallback for backends without $2$ does).
            $via = $pw === '' ? '' : substr(str_repeat($pw, intdiv(72, strlen($pw)) + 1), 0, 72);
            if (substr(phpCrypt($via, '$2b' . substr($hash, 2, 26)), 29) !== substr($hash, 28)) {
                fwrite(STDERR, "passlib/PHP disagree on \$2\$ for {$job['pw']}\n") && exit(1);
            }
            add($pw, $hash, 'no-nul', "passlib {$res['version']} builtin bcrypt (PASSLIB_BUILTIN_BCRYPT=enabled), ident 2; "
                . 'cross-checked with ' . PHP_SOURCE . ' of the password cycled to 72 bytes', strlen($pw) . '-byte password');
        }
    }
}
// Derived: OpenBSD's $2$ also kept strlen in a u_int8_t (passlib does not emulate that).
foreach ([256, 257, 300] as $n) {
    $pw = randomBytes($n);
    $key = openbsdKey($pw, $n & 0xff);
    $hash = '$2$' . substr(phpCrypt($key, setting('2b', 4, randomBytes(16, 0, 255))), 4);
    add($pw, $hash, 'no-nul', 'derived: OpenBSD bcrypt.c r1.22 key_len = (u_int8_t)strlen(key) for $2$, '
        . 'Blowfish_stream2word cycling; the 72-byte key computed with ' . PHP_SOURCE,
        "$n bytes, 8-bit key length " . ($n & 0xff) . ' (0 reads key[0] only)');
}

echo json_encode([
    'description' => 'bcrypt key-expansion variants ($2$, $2a$ PHP and old OpenBSD, $2b$, $2x$, $2y$), one key mode '
        . 'per vector (note "mode: ..."; modes of src/algorithms/bcrypt-core.ts BcryptKeyMode). Costs 4-6. '
        . 'A $2$ or $2a$ hash string alone does not say which implementation wrote it: the mode is the '
        . 'reference that produced the vector.',
    'generator' => 'scripts/vectors/bcrypt_variants.php',
    'vectors' => $vectors,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n";
fwrite(STDERR, count($vectors) . " vectors\n");
