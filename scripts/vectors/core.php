<?php
// Generates test/vectors/{digest,phpass,wordpress,bcrypt,argon2,magento}.json from independent
// references: PHP's own primitives running each platform's formula (scripts/ref/formulas.php),
// Python passlib / pyca-bcrypt / argon2-cffi (through scripts/ref/oracle.py), and published
// vectors. Deterministic: every salt is fixed or derived from a fixed label (lh_det_bytes), so a
// re-run writes byte-identical files.
//
// Every vector is re-verified before it is written: with the platform's own PHP check (lh_verify)
// and, where one exists, with an independent Python reference (pyref.py py_verify). A vector that
// either reference contradicts is dropped with a warning (and the run exits non-zero).
//
// Run: php scripts/vectors/core.php   (needs /usr/bin/python3 with passlib, bcrypt, argon2-cffi)
declare(strict_types=1);

require dirname(__DIR__) . '/ref/formulas.php';

const ROOT = __DIR__ . '/../..';
const GENERATOR = 'scripts/vectors/core.php';

// ------------------------------------------------------------------------------------------
// Python reference process (scripts/ref/oracle.py), one spawn for the whole run
// ------------------------------------------------------------------------------------------

final class PyRef
{
    private $proc;
    private array $pipes = [];

    public function __construct()
    {
        $py = getenv('LH_PYTHON') ?: '/usr/bin/python3';
        $this->proc = proc_open([$py, dirname(__DIR__) . '/ref/oracle.py'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => STDERR], $this->pipes);
        if (!is_resource($this->proc)) {
            fwrite(STDERR, "cannot start oracle.py\n");
            exit(2);
        }
    }

    public function call(array $req): array
    {
        fwrite($this->pipes[0], json_encode($req, JSON_UNESCAPED_SLASHES) . "\n");
        fflush($this->pipes[0]);
        $line = fgets($this->pipes[1]);
        if ($line === false) {
            fwrite(STDERR, "oracle.py died\n");
            exit(2);
        }
        return json_decode($line, true, 16, JSON_THROW_ON_ERROR);
    }

    public function hash(string $scheme, string $pw, array $params): string
    {
        $r = $this->call(['scheme' => $scheme, 'passwordHex' => bin2hex($pw), 'params' => (object)$params]);
        if (!isset($r['hash'])) {
            throw new RuntimeException("oracle.py $scheme: " . ($r['error'] ?? '?'));
        }
        return $r['hash'];
    }

    public function verify(string $scheme, string $pw, string $hash): ?bool
    {
        $r = $this->call(['verify' => true, 'scheme' => $scheme, 'passwordHex' => bin2hex($pw), 'hash' => $hash]);
        if (array_key_exists('error', $r)) {
            throw new RuntimeException("oracle.py verify $scheme: " . $r['error']);
        }
        return $r['match'];
    }

    public function close(): void
    {
        fclose($this->pipes[0]);
        fclose($this->pipes[1]);
        proc_close($this->proc);
    }
}

$py = new PyRef();
$pyv = json_decode($py->hash('versions', '', []), true);
$PHP = 'PHP ' . PHP_VERSION;
$PASSLIB = 'passlib ' . $pyv['passlib'];
$PYCA = 'pyca/bcrypt ' . $pyv['bcrypt'];
$CFFI = 'argon2-cffi ' . $pyv['argon2-cffi'];
$SODIUM = 'libsodium ' . SODIUM_LIBRARY_VERSION;
// PHP password_verify (PASSWORD_ARGON2_PROVIDER "standard") and Debian's argon2-cffi both link the
// system libargon2 (phc-winner-argon2 C code); libsodium has its own Argon2 implementation.
$argonPkg = trim((string)@shell_exec("dpkg-query -W -f='\${Version}' libargon2-1 2>/dev/null"));
$LIBARGON2 = 'libargon2' . ($argonPkg !== '' ? " (Debian $argonPkg)" : '');
$failures = 0;

// ------------------------------------------------------------------------------------------
// Vector assembly and double-checking
// ------------------------------------------------------------------------------------------

/**
 * @param array{options?:array, detect?:bool, note?:string, pyOnly?:bool, phpOnly?:bool} $x
 */
function vec(string $scheme, string $pw, string $hash, bool $match, string $source, array $x = []): array
{
    $v = ['scheme' => $scheme, 'passwordHex' => bin2hex($pw)];
    if (lh_is_utf8($pw)) {
        $v['password'] = $pw;
    }
    $v['hash'] = $hash;
    if (!empty($x['options'])) {
        $v['options'] = $x['options'];
    }
    $v['match'] = $match;
    if (array_key_exists('detect', $x)) {
        $v['detect'] = $x['detect'];
    }
    $v['source'] = $source;
    if (isset($x['note'])) {
        $v['note'] = $x['note'];
    }
    return $v;
}

/** Confirms a vector with PHP (platform check) and Python (independent); null = no reference. */
function confirm(array $v, ?string &$why): bool
{
    global $py;
    $pw = hex2bin($v['passwordHex']);
    $php = lh_verify($v['scheme'], $pw, $v['hash']);
    $pyr = $py->verify($v['scheme'], $pw, $v['hash']);
    $why = sprintf('php=%s python=%s', var_export($php, true), var_export($pyr, true));
    if ($php === null && $pyr === null) {
        return false; // nothing independent confirmed it
    }
    return ($php === null || $php === $v['match']) && ($pyr === null || $pyr === $v['match']);
}

/** Writes test/vectors/<name>.json after confirming every vector. */
function write_file(string $name, string $description, array $vectors): void
{
    global $failures;
    $kept = [];
    foreach ($vectors as $v) {
        if (confirm($v, $why)) {
            $kept[] = $v;
        } else {
            $failures++;
            fwrite(STDERR, "WARN dropped {$v['scheme']} {$v['hash']} ({$v['passwordHex']}): $why\n");
        }
    }
    $doc = ['description' => $description, 'generator' => GENERATOR, 'vectors' => $kept];
    $json = json_encode($doc, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    file_put_contents(ROOT . "/test/vectors/$name.json", $json . "\n");
    $counts = array_count_values(array_column($kept, 'scheme'));
    ksort($counts);
    $desc = implode(', ', array_map(fn($k, $n) => "$k=$n", array_keys($counts), $counts));
    fwrite(STDERR, sprintf("%-15s %3d vectors (%s)\n", "$name.json", count($kept), $desc));
}

// ------------------------------------------------------------------------------------------
// Password corpus
// ------------------------------------------------------------------------------------------

$fox = 'The quick brown fox jumps over the lazy dog. ';
$P = [
    'empty' => ['', 'empty password'],
    'ascii' => ['password', 'ASCII'],
    'hashcat' => ['hashcat', 'ASCII'],
    'utf8' => ['Pässword1!', 'UTF-8 Latin (ä = c3 a4)'],
    'cjk' => ['密码パスワード', 'UTF-8 CJK (3-byte sequences)'],
    'emoji' => ['🔑 p@ss 😀', 'UTF-8 emoji (4-byte sequences) and a space'],
    'latin1' => ["\xe9t\xe9", 'raw latin-1 bytes, not UTF-8'],
    'latin1b' => ["p\xe4ssw\xf6rd", 'raw latin-1 bytes, not UTF-8'],
    'nul' => ["\xff\xfe\x00x", 'raw bytes incl. 0xff and an embedded NUL'],
    'space' => [' padded pass ', 'leading/trailing spaces kept (verifiers do not trim)'],
    'long73' => [substr(str_repeat($fox, 2), 0, 73), '73 bytes'],
    'long100' => [substr(str_repeat($fox, 3), 0, 100), '100 bytes'],
    'long100b' => [substr(str_repeat($fox, 3), 0, 72) . str_repeat('Z', 28), '100 bytes, same first 72 bytes as the other 100-byte password'],
    'long255' => [substr(str_repeat($fox, 6), 0, 255), '255 bytes'],
    'long1000' => [substr(str_repeat($fox, 23), 0, 1000), '1000 bytes'],
];
$pw = fn(string $k): string => $P[$k][0];
$why = fn(string $k): string => $P[$k][1];

// ==========================================================================================
// digest.json — unsalted hex digests
// ==========================================================================================

$V = [];
foreach (['md5', 'sha1', 'sha256', 'sha512'] as $algo) {
    $src = "$PHP hash('$algo', \$pw) (ext/hash); re-checked with Python hashlib";
    foreach (['empty', 'ascii', 'hashcat', 'utf8', 'cjk', 'emoji', 'latin1', 'nul', 'space', 'long1000'] as $k) {
        $V[] = vec($algo, $pw($k), lh_digest($algo, $pw($k)), true, $src, ['note' => $why($k)]);
    }
    foreach (['ascii', 'utf8'] as $k) {
        $V[] = vec($algo, $pw($k), strtoupper(lh_digest($algo, $pw($k))), true, $src, ['note' => 'UPPER-case hex of the same digest (' . $why($k) . ')']);
    }
    $V[] = vec($algo, 'password', lh_digest($algo, "password\n"), false, $src, ['note' => "non-match: digest of \"password\\n\" (trailing newline) checked against \"password\""]);
}
write_file('digest', 'Unsalted hex digests md5/sha1/sha256/sha512 of the raw password bytes (lower- and UPPER-case hex).', $V);

// ==========================================================================================
// phpass.json — $P$ / $H$ portable hashes
// ==========================================================================================

$V = [];
$src = "$PHP port of WordPress class-phpass.php crypt_private (wordpress-develop@6d7f9c3); confirmed by $PASSLIB phpass.verify";
// one vector per count 2^7 .. 2^16, rotating passwords and salts (salt = encode64 of 6 fixed bytes)
$rot = ['ascii', 'utf8', 'cjk', 'emoji', 'latin1', 'nul', 'long100', 'empty', 'long1000', 'space'];
foreach (range(7, 16) as $i => $log2) {
    $k = $rot[$i];
    $setting = lh_phpass_gensalt('P', $log2, lh_det_bytes("phpass-P-$log2", 6));
    $V[] = vec('phpass', $pw($k), lh_phpass_crypt_private($pw($k), $setting), true, $src,
        ['note' => sprintf('$P$ count char %s = 2^%d; %s', LH_ITOA64[$log2], $log2, $why($k))]);
}
// WordPress default $P$B (2^13)
foreach (['hashcat', 'utf8', 'emoji', 'latin1b', 'long73'] as $k) {
    $setting = lh_phpass_gensalt('P', 13, lh_det_bytes("phpass-wp-$k", 6));
    $V[] = vec('phpass', $pw($k), lh_phpass_crypt_private($pw($k), $setting), true, $src,
        ['note' => 'WordPress 2.5-6.7 default $P$B (2^13); ' . $why($k)]);
}
// phpBB3 $H$9 (2^11)
foreach (['ascii', 'utf8', 'cjk', 'nul'] as $k) {
    $setting = lh_phpass_gensalt('H', 11, lh_det_bytes("phpass-H-$k", 6));
    $V[] = vec('phpass', $pw($k), lh_phpass_crypt_private($pw($k), $setting), true, $src,
        ['note' => 'phpBB3 $H$9 (2^11); ' . $why($k)]);
}
// Joomla 2.5.18+/3.x $P$D (2^15)
foreach (['ascii', 'utf8'] as $k) {
    $setting = lh_phpass_gensalt('P', 15, lh_det_bytes("phpass-joomla-$k", 6));
    $V[] = vec('phpass', $pw($k), lh_phpass_crypt_private($pw($k), $setting), true, $src,
        ['note' => 'Joomla $P$D (2^15); ' . $why($k)]);
}
// salt given as 8 literal characters (any itoa64 chars, as stored)
$setting = lh_phpass_setting('P', 8, 'abcdefgh');
$V[] = vec('phpass', 'password', lh_phpass_crypt_private('password', $setting), true, $src, ['note' => 'literal 8-char salt "abcdefgh", 2^8']);
$setting = lh_phpass_setting('H', 7, '........');
$V[] = vec('phpass', 'hashcat', lh_phpass_crypt_private('hashcat', $setting), true, $src, ['note' => '$H$ with minimum count 2^7 and an all-dot salt']);
// 4096-byte password: the longest CheckPassword accepts
$p4096 = substr(str_repeat($fox, 92), 0, 4096);
$setting = lh_phpass_gensalt('P', 7, lh_det_bytes('phpass-4096', 6));
$V[] = vec('phpass', $p4096, lh_phpass_crypt_private($p4096, $setting), true, $src, ['note' => '4096-byte password (CheckPassword limit is > 4096 -> false)']);
// published
$V[] = vec('phpass', 'hashcat', '$P$946647711V1klyitUYhtB8Yw5DMA/w.', true,
    "hashcat 6.2.6 --example-hashes mode 400 (phpass); re-checked with $PHP crypt_private port and $PASSLIB", ['note' => 'count char 9 = 2^11 under $P$']);
// reference-confirmed non-match (see README: rejections the library reports as errors are not vectors)
$V[] = vec('phpass', 'Hashcat', '$P$946647711V1klyitUYhtB8Yw5DMA/w.', false, $src, ['note' => 'non-match: wrong password (case differs)']);
write_file('phpass', 'phpass portable hashes: $P$ (WordPress <= 6.7, Joomla, osCommerce, Drupal imports) and $H$ (phpBB3), counts 2^7..2^16.', $V);

// ==========================================================================================
// wordpress.json — WordPress 6.8+ '$wp$2y$'
// ==========================================================================================

$V = [];
$src = "$PHP wp_hash_password formula (wordpress-develop@00515df pluggable.php): '\$wp' . crypt(base64_encode(hash_hmac('sha384', \$pw, 'wp-sha384', true)), '\$2y\$'); confirmed by wp_check_password port and Python hmac + $PASSLIB bcrypt";
$costs = [4, 5, 10];
$list = ['empty', 'ascii', 'utf8', 'cjk', 'emoji', 'latin1', 'nul', 'long73', 'long100', 'long100b', 'long1000', 'space'];
foreach ($list as $i => $k) {
    $cost = $costs[$i % 3];
    $salt = lh_bcrypt_salt22(lh_det_bytes("wp-$k", 16));
    $note = $why($k);
    if ($k === 'long100' || $k === 'long100b') {
        $note .= '; the HMAC pre-hash makes bytes after 72 matter (the two 100-byte vectors differ only there)';
    }
    if ($k === 'space') {
        $note .= '; hashed untrimmed (wp_hash_password trims, wp_check_password does not)';
    }
    $V[] = vec('wordpress', $pw($k), lh_wp_hash($pw($k), $cost, $salt), true, $src, ['note' => "cost $cost; $note"]);
}
$V[] = vec('wordpress', 'Pässword1!', lh_wp_hash('Pässword1!', 10, 'abcdefghijklmnopqrstuu'), true, $src, ['note' => 'cost 10, salt abcdefghijklmnopqrstuu (formats.md §3 [V-gen] vector)']);
$V[] = vec('wordpress', 'admin', '$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES', true,
    "published: WordPress php-wasm demo setup script (formats.md §3 [V-src]); re-checked with $PHP wp_check_password port and Python hmac + $PASSLIB bcrypt");
// non-matches
$salt = lh_bcrypt_salt22(lh_det_bytes('wp-plain', 16));
$V[] = vec('wordpress', 'admin', '$wp' . lh_bcrypt('admin', '2y', 4, $salt), false, $src,
    ['note' => 'non-match: "$wp" + plain bcrypt of the password (no HMAC pre-hash), the common migrator mistake']);
$salt = lh_bcrypt_salt22(lh_det_bytes('wp-trim', 16));
$V[] = vec('wordpress', ' admin ', lh_wp_hash('admin', 4, $salt), false, $src,
    ['note' => 'non-match: hash of trim(" admin ") checked with the untrimmed password (wp_check_password does not trim)']);
write_file('wordpress', 'WordPress 6.8+ "$wp$2y$" hashes: bcrypt of base64(HMAC-SHA384(key "wp-sha384", password)).', $V);

// ==========================================================================================
// bcrypt.json
// ==========================================================================================

$V = [];
$srcPhp = "$PHP crypt() (php-src ext/standard/crypt_blowfish.c, Openwall crypt_blowfish 1.3)";
$srcPhpX = "$srcPhp; confirmed by PHP password_verify and $PASSLIB bcrypt ($PYCA backend)";
$ascii = fn(int $n): string => substr(str_repeat('0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', 5), 0, $n);
$lens = [0, 1, 71, 72, 73, 255];
$bcase = [];
foreach ($lens as $n) {
    $bcase[] = [$ascii($n), "$n bytes ASCII"];
}
foreach (['utf8', 'cjk', 'emoji', 'latin1b'] as $k) {
    $bcase[] = [$pw($k), $why($k)];
}
$bcase[] = ["\xff\xa3" . 'abc' . "\x80\xfe", 'raw 8-bit bytes (0x80..0xff, no 0xff-countermeasure pattern)'];
$idents = ['2y' => 4, '2a' => 5, '2b' => 6];
foreach ($idents as $ident => $cost) {
    foreach ($bcase as $j => [$p, $desc]) {
        if ($ident !== '2y' && !in_array($j, [0, 3, 4, 5, 6, 9, 10], true)) {
            continue; // full set under $2y$, a spread under $2a$/$2b$ to keep it cheap
        }
        $salt = lh_bcrypt_salt22(lh_det_bytes("bcrypt-$ident-$j", 16));
        $note = "\$$ident\$ cost $cost; $desc";
        if (strlen($p) === 72) {
            $note .= ' (exactly the 72-byte key limit)';
        } elseif (strlen($p) > 72) {
            $note .= ' (bytes after 72 are ignored)';
        }
        $V[] = vec('bcrypt', $p, lh_bcrypt($p, $ident, $cost, $salt), true, $srcPhpX, ['note' => $note]);
    }
}
// 73 bytes verify against the hash of their first 72 bytes
$salt = lh_bcrypt_salt22(lh_det_bytes('bcrypt-72-73', 16));
$V[] = vec('bcrypt', $ascii(73), lh_bcrypt($ascii(72), '2y', 4, $salt), true, $srcPhpX,
    ['note' => 'hash made from the first 72 bytes, verified with 73 bytes: byte 73 is ignored']);
$V[] = vec('bcrypt', $pw('long1000'), lh_bcrypt(substr($pw('long1000'), 0, 72), '2y', 4, $salt), true, $srcPhpX,
    ['note' => 'hash made from the first 72 bytes, verified with the 1000-byte password']);
// embedded NUL: crypt_blowfish reads a C string
$salt = lh_bcrypt_salt22(lh_det_bytes('bcrypt-nul', 16));
$V[] = vec('bcrypt', "abc\x00def", lh_bcrypt('abc', '2y', 4, $salt), true, "$srcPhp; confirmed by PHP password_verify (no Python reference: pyca/passlib refuse NUL)",
    ['note' => 'embedded NUL: PHP crypt()/password_verify stop at the first NUL, so "abc\\0def" verifies against the hash of "abc" (password_hash() itself refuses NUL since PHP 8.1)']);
// $2x$ (buggy sign-extension mode) generated by PHP crypt
foreach ([["\xe9t\xe9", 'latin-1'], ["p\xe4ssw\xf6rd", 'latin-1'], ['password', 'ASCII (== $2y$ for 7-bit input)']] as $j => [$p, $desc]) {
    $salt = lh_bcrypt_salt22(lh_det_bytes("bcrypt-2x-$j", 16));
    $V[] = vec('bcrypt', $p, lh_bcrypt($p, '2x', 5, $salt), true, "$srcPhp \$2x\$ mode; confirmed by PHP password_verify (no other reference implements \$2x\$)",
        ['note' => "\$2x\$ = crypt_blowfish sign-extension bug mode (CVE-2011-2483); $desc"]);
}
// pyca/bcrypt $2b$
$srcPy = "$PYCA hashpw (via scripts/ref/oracle.py); confirmed by PHP password_verify";
foreach ([['ascii', 4], ['empty', 4], ['utf8', 5], ['cjk', 4], ['emoji', 5], ['latin1', 4], ['long73', 4], ['long255', 4]] as [$k, $cost]) {
    $salt = lh_bcrypt_salt22(lh_det_bytes("bcrypt-pyca-$k", 16));
    $V[] = vec('bcrypt', $pw($k), $py->hash('bcrypt', $pw($k), ['cost' => $cost, 'salt22' => $salt]), true, $srcPy,
        ['note' => "pyca \$2b\$ cost $cost; " . $why($k)]);
}
// Openwall crypt_blowfish wrapper.c vectors (formats.md §E.4)
$ow = "published: Openwall crypt_blowfish wrapper.c test vectors (as in formats.md §E.4); re-checked with $PHP crypt()";
$openwall = [
    ['U*U', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW', null],
    ['', '$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy', 'empty password'],
    ['0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored', '$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui', 'bytes after 72 ignored'],
    ["\xa3", '$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e', '$2x$ bug mode: \\xa3 collides with \\xff\\xff\\xa3'],
    ["\xff\xff\xa3", '$2x$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e', '$2x$ bug mode'],
    ["\xff\xff\xa3", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e', '$2y$ correct algorithm'],
    ["\xff\xff\xa3", '$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.', '$2a$ countermeasure (initial[0] ^= 0x10000) changes the result'],
    ["\xff\xff\xa3", '$2b$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e', '$2b$ == $2y$ in crypt_blowfish'],
    ["\xa3", '$2a$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq', 'single 8-bit byte, $2a$ == $2y$ here'],
    ["\xa3", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq', 'single 8-bit byte'],
    ["1\xa3345", '$2x$05$/OK.fbVrR/bpIqNJ5ianF.o./n25XVfn6oAPaUvHe.Csk4zRfsYPi', '$2x$ bug mode'],
    ["\xff\xa3345", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.nRht2l/HRhr6zmCp9vYUvvsqynflf9e', '8-bit bytes'],
    ["\xa3ab", '$2a$05$/OK.fbVrR/bpIqNJ5ianF.6IflQkJytoRVc1yuaNtHfiuq.FRlSIS', '8-bit byte then ASCII'],
    [str_repeat("\xaa", 72) . 'chars after 72 are ignored as usual', '$2a$05$/OK.fbVrR/bpIqNJ5ianF.swQOIzjOiJ9GHEPuhEkvqrUyvWhEMx6', '72 x 0xaa then ignored bytes'],
];
foreach ($openwall as [$p, $h, $note]) {
    $V[] = vec('bcrypt', $p, $h, true, $ow, $note === null ? [] : ['note' => $note]);
}
$V[] = vec('bcrypt', 'hashcat', '$2a$05$MBCzKhG1KhezLh.0LRa0Kuw12nLJtpHy6DIaU.JAnqJUDYspHC.Ou', true, "published: hashcat 6.2.6 --example-hashes mode 3200; re-checked with $PHP password_verify and $PASSLIB");
// non-matches
$V[] = vec('bcrypt', 'x', '$2y$04$abcdefghijklmnopqrstufo5k2y5DxS80IY/IIhOFzMoEqNvSl.4a', false, "$PHP password_verify returns false; pyca/bcrypt full-string compare also false (formats.md §E.1)",
    ['note' => 'non-match: non-canonical 22nd salt char "f" (crypt_blowfish rewrites it to "e" on output, so the full-string compare fails; the same string with "e" verifies)']);
$V[] = vec('bcrypt', 'x', '$2y$04$abcdefghijklmnopqrstueo5k2y5DxS80IY/IIhOFzMoEqNvSl.4a', true, "$PHP password_verify; formats.md §E.1",
    ['note' => 'canonical twin of the non-canonical-salt non-match vector']);
$V[] = vec('bcrypt', "\xa3", '$2y$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e', false, "$PHP password_verify; Openwall wrapper.c",
    ['note' => 'non-match: the $2x$ bug collision (\\xa3 == \\xff\\xff\\xa3) does not exist under the correct $2y$ algorithm']);
$salt = lh_bcrypt_salt22(lh_det_bytes('bcrypt-2x-neg', 16));
$V[] = vec('bcrypt', "\xe9t\xe9", '$2y$' . substr(lh_bcrypt("\xe9t\xe9", '2x', 5, $salt), 4), false, "$PHP crypt()/password_verify",
    ['note' => 'non-match: a $2x$ (buggy) result relabelled $2y$ does not verify for an 8-bit password']);
write_file('bcrypt', 'bcrypt $2a$/$2b$/$2x$/$2y$ (crypt_blowfish semantics as in PHP), 72-byte limit, 8-bit and NUL edge cases, Openwall vectors.', $V);

// ==========================================================================================
// argon2.json
// ==========================================================================================

$V = [];
$srcSod = "$PHP sodium_crypto_pwhash ($SODIUM) raw output, PHC-encoded (password_hash() salts randomly, so it cannot give fixed vectors); confirmed by PHP password_verify and $CFFI verify (both $LIBARGON2, an implementation independent of libsodium)";
foreach ([
    ['id', 'utf8', 1, 1024, 32],
    ['id', 'cjk', 2, 4096, 32],
    ['id', 'emoji', 3, 16384, 32],
    ['id', 'ascii', 4, 65536, 32],
    ['id', 'empty', 2, 1024, 32],
    ['id', 'nul', 1, 2048, 16],
    ['id', 'long1000', 1, 1024, 64],
    ['i', 'latin1', 3, 1024, 32],
    ['i', 'long100', 4, 8192, 32],
    ['i', 'hashcat', 3, 65536, 32],
] as $j => [$type, $k, $t, $m, $len]) {
    $salt = lh_det_bytes("argon2-sodium-$j", 16);
    $V[] = vec('argon2', $pw($k), lh_argon2_sodium_phc($type, $pw($k), $salt, $t, $m, $len), true, $srcSod,
        ['note' => "argon2$type v=19 m=$m t=$t p=1, 16-byte salt, $len-byte hash; " . $why($k)]);
}
$srcCffi = "$CFFI argon2.low_level.hash_secret ($LIBARGON2 = phc-winner-argon2 reference C code), via scripts/ref/oracle.py; PHP password_verify (argon2i/id only) links the same libargon2, so its confirmation is not independent; the code path is anchored by the published test.c vectors below";
foreach ([
    ['d', 19, 1024, 1, 1, 16, 32, 'ascii'],
    ['d', 19, 4096, 2, 2, 16, 32, 'utf8'],
    ['d', 16, 1024, 2, 1, 16, 32, 'emoji'],
    ['id', 19, 1024, 2, 2, 16, 32, 'cjk'],
    ['id', 19, 2048, 1, 4, 8, 32, 'latin1'],
    ['id', 19, 1024, 3, 1, 8, 16, 'empty'],
    ['id', 19, 1024, 1, 1, 16, 64, 'long73'],
    ['id', 16, 4096, 2, 1, 16, 32, 'utf8'],
    ['i', 19, 2048, 2, 4, 16, 32, 'nul'],
    ['i', 16, 1024, 3, 2, 8, 32, 'ascii'],
    ['i', 16, 4096, 1, 1, 16, 64, 'cjk'],
] as $j => [$type, $ver, $m, $t, $p, $slen, $len, $k]) {
    $salt = lh_det_bytes("argon2-cffi-$j", $slen);
    $h = $py->hash('argon2', $pw($k), ['type' => $type, 'version' => $ver, 'm' => $m, 't' => $t, 'p' => $p, 'saltHex' => bin2hex($salt), 'hashLen' => $len]);
    $V[] = vec('argon2', $pw($k), $h, true, $srcCffi,
        ['note' => "argon2$type v=$ver m=$m t=$t p=$p, $slen-byte salt, $len-byte hash; " . $why($k) . ($type === 'd' ? ' (PHP password_verify has no argon2d)' : '')]);
}
// phc-winner-argon2 src/test.c (P-H-C/phc-winner-argon2@f57e61e, 2021-06-25), m <= 2^16 only
$tc = "published: P-H-C/phc-winner-argon2 src/test.c @f57e61e19229e23c4445b85494dbf7c07de721cb; re-checked with $PHP password_verify and $CFFI ($LIBARGON2)";
$testc = [
    // v=0x10 (encoded strings carry no v= field, which means version 16)
    ['password', '$argon2i$m=65536,t=2,p=1$c29tZXNhbHQ$9sTbSlTio3Biev89thdrlKKiCaYsjjYVJxGAL3swxpQ', 'test.c:77 argon2i v=0x10 (no v= field)'],
    ['password', '$argon2i$m=256,t=2,p=1$c29tZXNhbHQ$/U3YPXYsSb3q9XxHvc0MLxur+GP960kN9j7emXX8zwY', 'test.c:91 argon2i v=0x10 m=256'],
    ['password', '$argon2i$m=256,t=2,p=2$c29tZXNhbHQ$tsEVYKap1h6scGt5ovl9aLRGOqOth+AMB+KwHpDFZPs', 'test.c:95 argon2i v=0x10 p=2'],
    ['password', '$argon2i$m=65536,t=1,p=1$c29tZXNhbHQ$gWMFUrjzsfSM2xmSxMZ4ZD1JCytetP9sSzQ4tWIXJLI', 'test.c:99 argon2i v=0x10 t=1'],
    ['password', '$argon2i$m=65536,t=4,p=1$c29tZXNhbHQ$8hLwFhXm6110c03D70Ct4tUdBSRo2MaUQKOh8sHChHs', 'test.c:103 argon2i v=0x10 t=4'],
    ['differentpassword', '$argon2i$m=65536,t=2,p=1$c29tZXNhbHQ$6ckCB0tnVFMaOgvlGeW69ASzDOabPwGsO/ISKZYBCaM', 'test.c:107 argon2i v=0x10'],
    ['password', '$argon2i$m=65536,t=2,p=1$ZGlmZnNhbHQ$eaEDuQ/orvhXDLMfyLIiWXeJFvgza3vaw4kladTxxJc', 'test.c:111 argon2i v=0x10 diffsalt'],
    // v=0x13
    ['password', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA', 'test.c:156 argon2i v=19'],
    ['password', '$argon2i$v=19$m=256,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8', 'test.c:170 argon2i v=19 m=256'],
    ['password', '$argon2i$v=19$m=256,t=2,p=2$c29tZXNhbHQ$T/XOJ2mh1/TIpJHfCdQan76Q5esCFVoT5MAeIM1Oq2E', 'test.c:174 argon2i v=19 p=2'],
    ['password', '$argon2i$v=19$m=65536,t=1,p=1$c29tZXNhbHQ$0WgHXE2YXhPr6uVgz4uUw7XYoWxRkWtvSsLaOsEbvs8', 'test.c:178 argon2i v=19 t=1'],
    ['password', '$argon2i$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$qqlT1YrzcGzj3xrv1KZKhOMdf1QXUjHxKFJZ+IF0zls', 'test.c:182 argon2i v=19 t=4'],
    ['differentpassword', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$FK6NoBr+qHAMI1jc73xTWNkCEoK9iGY6RWL1n7dNIu4', 'test.c:186 argon2i v=19'],
    ['password', '$argon2i$v=19$m=65536,t=2,p=1$ZGlmZnNhbHQ$sDV8zPvvkfOGCw26RHsjSMvv7K2vmQq/6cxAcmxSEnE', 'test.c:190 argon2i v=19 diffsalt'],
    ['password', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc', 'test.c:233 argon2id v=19'],
    ['password', '$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4', 'test.c:241 argon2id v=19 m=256'],
    ['password', '$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc', 'test.c:245 argon2id v=19 p=2'],
    ['password', '$argon2id$v=19$m=65536,t=1,p=1$c29tZXNhbHQ$9qWtwbpyPd3vm1rB1GThgPzZ3/ydHL92zKL+15XZypg', 'test.c:249 argon2id v=19 t=1'],
    ['password', '$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$kCXUjmjvc5XMqQedpMTsOv+zyJEf5PhtGiUghW9jFyw', 'test.c:253 argon2id v=19 t=4'],
    ['differentpassword', '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$C4TWUs9rDEvq7w3+J4umqA32aWKB1+DSiRuBfYxFj94', 'test.c:257 argon2id v=19'],
    ['password', '$argon2id$v=19$m=65536,t=2,p=1$ZGlmZnNhbHQ$vfMrBczELrFdWP0ZsfhWsRPaHppYdP3MVEMIVlqoFBw', 'test.c:261 argon2id v=19 diffsalt'],
];
foreach ($testc as [$p, $h, $note]) {
    $V[] = vec('argon2', $p, $h, true, $tc, ['note' => $note . ' (8-byte salt "somesalt"/"diffsalt")']);
}
$V[] = vec('argon2', 'password', '$argon2i$m=65536,t=2,p=1$c29tZXNhbHQ$b2G3seW+uPzerwQQC+/E1K50CLLO7YXy0JRcaTuswRo', false, $tc,
    ['note' => 'non-match: test.c:139 (v=0x10 hash of "passwore") must give ARGON2_VERIFY_MISMATCH']);
$V[] = vec('argon2', 'password', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$8iIuixkI73Js3G1uMbezQXD0b8LG4SXGsOwoQkdAQIM', false, $tc,
    ['note' => 'non-match: test.c:219 (v=19 hash of "passwore") must give ARGON2_VERIFY_MISMATCH']);
$V[] = vec('argon2', 'password', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc', false, "$PHP password_verify and $CFFI verify",
    ['note' => 'non-match: the test.c argon2id tag relabelled $argon2i$ (type is part of the computation)']);
$V[] = vec('argon2', 'password', '$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc', false, "$PHP password_verify and $CFFI verify",
    ['note' => 'non-match: the test.c argon2id v=19 tag relabelled v=16 (version is part of the computation)']);
write_file('argon2', 'Argon2 PHC strings ($argon2i$, $argon2id$, $argon2d$; v=16 and v=19; p=1..4; 8/16-byte salts; 16/32/64-byte hashes) and phc-winner-argon2 test.c vectors.', $V);

// ==========================================================================================
// magento.json — Magento 1 and Magento 2
// ==========================================================================================

$V = [];
$src1 = "$PHP hash(\$algo, \$salt . \$pw) . ':' . \$salt (OpenMage/magento-lts Mage_Core_Model_Encryption::getHash); confirmed by a port of OpenMage validateHash and Python hashlib";
$salt2 = fn(string $l): string => substr(strtr(base64_encode(lh_det_bytes($l, 24)), '+/', 'xy'), 0, 2);
$salt32 = fn(string $l): string => substr(strtr(base64_encode(lh_det_bytes($l, 24)), '+/', 'xy'), 0, 32);
// md5, 2-char salt (CE 1.0-1.7)
foreach (['ascii', 'empty', 'utf8', 'cjk', 'emoji', 'latin1', 'nul'] as $k) {
    $V[] = vec('magento1', $pw($k), lh_magento1_hash('md5', $salt2("m1-md5-2-$k"), $pw($k)), true, $src1,
        ['note' => 'md5, 2-char salt (CE 1.0-1.7); ' . $why($k)]);
}
$V[] = vec('magento1', 'Pässword1!', lh_magento1_hash('md5', 'Ab', 'Pässword1!'), true, $src1, ['note' => 'md5, 2-char salt; formats.md §1 [V-gen] vector']);
// md5, 32-char salt (CE 1.8-1.9.4.2) — same shape as Joomla 1.5 md5(pw.salt):salt
foreach (['ascii', 'utf8', 'emoji', 'latin1b', 'long100', 'space'] as $k) {
    $V[] = vec('magento1', $pw($k), lh_magento1_hash('md5', $salt32("m1-md5-32-$k"), $pw($k)), true, $src1,
        ['note' => 'md5, 32-char salt (CE 1.8-1.9.4.2); ' . $why($k) . '; shape also fits Joomla 1.5 md5(pw.salt):salt', 'detect' => false]);
}
$V[] = vec('magento1', 'Pässword1!', lh_magento1_hash('md5', 'abcdefghijklmnopqrstuvwxyzABCDEF', 'Pässword1!'), true, $src1,
    ['note' => 'md5, 32-char salt; formats.md §1 [V-gen] vector', 'detect' => false]);
// sha256 (EE Enterprise_Pci, OpenMage 1.9.4.5+)
foreach (['ascii', 'empty', 'utf8', 'cjk', 'latin1', 'long100'] as $k) {
    $V[] = vec('magento1', $pw($k), lh_magento1_hash('sha256', $salt32("m1-sha256-$k"), $pw($k)), true, $src1,
        ['note' => 'EE sha256(salt.pw):salt, 32-char salt; ' . $why($k)]);
}
$V[] = vec('magento1', 'Pässword1!', lh_magento1_hash('sha256', 'abcdefghijklmnopqrstuvwxyzABCDEF', 'Pässword1!'), true, $src1, ['note' => 'EE sha256; formats.md §1 [V-gen] vector']);
$V[] = vec('magento1', 'password', lh_magento1_hash('sha256', $salt2('m1-sha256-2'), 'password'), true, $src1, ['note' => 'EE sha256 with a 2-char salt (admin users kept 2-char salts)']);
// sha512 fallback (1.9.4.3+ without password_hash)
foreach (['ascii', 'utf8', 'emoji', 'nul', 'long100', 'empty'] as $k) {
    $V[] = vec('magento1', $pw($k), lh_magento1_hash('sha512', $salt32("m1-sha512-$k"), $pw($k)), true, $src1,
        ['note' => '1.9.4.3+ sha512(salt.pw):salt fallback, 32-char salt; ' . $why($k)]);
}
$V[] = vec('magento1', 'Pässword1!', lh_magento1_hash('sha512', 'abcdefghijklmnopqrstuvwxyzABCDEF', 'Pässword1!'), true, $src1, ['note' => 'sha512 fallback; formats.md §1 [V-gen] vector']);
$V[] = vec('magento1', 'hashcat', '57ab8499d08c59a7211c77f557bf9425:4247', true, "published: hashcat 6.2.6 --example-hashes mode 20 md5(\$salt.\$pass) (same formula); re-checked with $PHP", ['note' => '4-digit salt']);
// non-matches
$V[] = vec('magento1', 'Pässword1!', md5('Pässword1!' . 'abcdefghijklmnopqrstuvwxyzABCDEF') . ':abcdefghijklmnopqrstuvwxyzABCDEF', false, "$PHP port of OpenMage validateHash",
    ['note' => 'non-match: md5(pw.salt) (Joomla 1.5 order) is not Magento\'s md5(salt.pw)', 'detect' => false]);

$src2 = "$PHP port of Magento 2 Encryptor::isValidHash/getArgonHash (magento/magento2@4dbca70e) with hash() and sodium_crypto_pwhash ($SODIUM); confirmed by Python hashlib + $CFFI hash_secret_raw";
$s32 = 'abcdefghijklmnopqrstuvwxyzABCDEF';
// cheap versions :0 and :1
foreach ([['ascii', '1'], ['empty', '1'], ['utf8', '1'], ['cjk', '1'], ['emoji', '1'], ['latin1', '1'], ['nul', '1'], ['long1000', '1'], ['space', '1'],
          ['ascii', '0'], ['utf8', '0'], ['latin1b', '0'], ['long100', '0']] as [$k, $ver]) {
    $salt = $salt32("m2-$ver-$k");
    $V[] = vec('magento2', $pw($k), lh_magento2_hash($pw($k), $salt, $ver), true, $src2,
        ['note' => ($ver === '1' ? 'sha256' : 'md5') . " version :$ver, 32-char salt; " . $why($k)]);
}
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '1'), true, $src2, ['note' => ':1; formats.md §2 [V-gen] vector']);
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '0'), true, $src2, ['note' => ':0; formats.md §2 [V-gen] vector']);
$V[] = vec('magento2', 'password', lh_magento2_hash('password', 'q1w2e3r4t5y6u7i8', '1'), true, $src2, ['note' => ':1 with a 16-char salt']);
$V[] = vec('magento2', 'password', lh_magento2_hash('password', 'xY', '1'), true, $src2, ['note' => ':1 with a 2-char salt (migrated Magento 1 hash)']);
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '0:1'), true, $src2, ['note' => 'chain :0:1 = sha256(salt . md5(salt . pw)) (md5 hash upgraded without the password)']);
// Argon2id (~64 MiB each; kept to 8)
$V[] = vec('magento2', 'Password@', 'ab5ebf8d273b085b6a60336198e0a5a2090fdc3e0606a678315c7274ab06e046:5PiKJRn28bBKoFMopMaaKuV47aJ6GzVg:3_32_2_67108864', true,
    "published: cyclone-github/magento_cracker (formats.md §2 [V-src]); re-checked with $PHP isValidHash port and $CFFI", ['note' => 'agnostic argon token 3_32_2_67108864; only the first 16 salt chars are used']);
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '2'), true, $src2, ['note' => ':2 argon2id13 opslimit 2, memlimit 64 MiB, 32-byte output, salt = first 16 of 32 chars (formats.md §2 [V-gen])']);
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '3_32_2_67108864'), true, $src2, ['note' => '3_32_2_67108864 gives the same hex as :2']);
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '1:2'), true, $src2, ['note' => 'chain :1:2 = argon(sha256hex(salt . pw)) (customer:hash:upgrade)']);
$V[] = vec('magento2', '密码パスワード', lh_magento2_hash('密码パスワード', 'Zx9Qw8Er7Ty6Ui5O', '0:2'), true, $src2, ['note' => 'chain :0:2 = argon(md5hex(salt . pw)), 16-char salt used as is; UTF-8 CJK']);
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', 'shortslt', '2'), true, $src2, ['note' => ':2 with 8-char salt: str_pad repeats it to "shortsltshortslt" (formats.md §2 [V-gen])']);
$V[] = vec('magento2', "p\xe4ssw\xf6rd", lh_magento2_hash("p\xe4ssw\xf6rd", 'abc', '2'), true, $src2, ['note' => ':2 with 3-char salt: str_pad gives "abcabcabcabcabca"; raw latin-1 bytes']);
$V[] = vec('magento2', '🔑 p@ss 😀', lh_magento2_hash('🔑 p@ss 😀', $salt32('m2-argon-emoji'), '2'), true, $src2, ['note' => ':2, emoji password, random-looking 32-char salt']);
// non-matches
$V[] = vec('magento2', 'Pässword1!', lh_magento2_hash('Pässword1!', $s32, '1') . ':2', false, "$PHP port of Magento 2 Encryptor::isValidHash",
    ['note' => 'non-match: a :1 hash with ":2" appended but not re-hashed (the chain must be replayed)']);
$V[] = vec('magento2', 'Pässword1', lh_magento2_hash('Pässword1!', $s32, '1'), false, $src2, ['note' => 'non-match: wrong password (last character missing)']);
write_file('magento', 'Magento 1 (md5/sha256/sha512 hash(salt . pw):salt) and Magento 2 (hash:salt:version[:version...], versions 0, 1, 2, 3_<seed>_<ops>_<mem>).', $V);

$py->close();
if ($failures > 0) {
    fwrite(STDERR, "$failures vector(s) dropped: references disagree\n");
    exit(1);
}
