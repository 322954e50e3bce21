<?php
// Platform password-hash formulas, written with PHP's own primitives exactly as each platform's
// source does it. Shared by scripts/vectors/core.php (known-answer vectors), scripts/ref/oracle.php
// (live oracle) and scripts/ref/check_vectors.php (re-verification). Nothing here comes from
// legacy-hash. Sources are cited per function; see /work/shared/docs/formats.md for the research.
declare(strict_types=1);

const LH_ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LH_BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Human name of the PHP reference, for `source` strings. */
function lh_php_ref(): string
{
    return 'PHP ' . PHP_VERSION;
}

// ---------------------------------------------------------------------------------------------
// Unsalted digests (PHP ext/hash)
// ---------------------------------------------------------------------------------------------

function lh_digest(string $algo, string $password): string
{
    if (!in_array($algo, ['md5', 'sha1', 'sha256', 'sha512'], true)) {
        throw new InvalidArgumentException("unsupported digest $algo");
    }
    return hash($algo, $password);
}

// ---------------------------------------------------------------------------------------------
// phpass portable hashes ($P$ / $H$) — port of WordPress src/wp-includes/class-phpass.php
// (WordPress/wordpress-develop@6d7f9c31869388a26290c90aa2c3c0a3abeb5042, phpass 0.3 / WordPress),
// methods encode64, gensalt_private, crypt_private, CheckPassword. PHP_VERSION >= '5' branches only.
// ---------------------------------------------------------------------------------------------

function lh_phpass_encode64(string $input, int $count): string
{
    $itoa64 = LH_ITOA64;
    $output = '';
    $i = 0;
    do {
        $value = ord($input[$i++]);
        $output .= $itoa64[$value & 0x3f];
        if ($i < $count) {
            $value |= ord($input[$i]) << 8;
        }
        $output .= $itoa64[($value >> 6) & 0x3f];
        if ($i++ >= $count) {
            break;
        }
        if ($i < $count) {
            $value |= ord($input[$i]) << 16;
        }
        $output .= $itoa64[($value >> 12) & 0x3f];
        if ($i++ >= $count) {
            break;
        }
        $output .= $itoa64[($value >> 18) & 0x3f];
    } while ($i < $count);
    return $output;
}

/**
 * gensalt_private: '$P$' . itoa64[count_log2] . encode64(6 random bytes, 6). WordPress passes
 * iteration_count_log2 8 and adds 5 (=> 13, 'B'); we take the final log2 directly. $ident is 'P'
 * (WordPress, Joomla, osCommerce) or 'H' (phpBB3 — same algorithm, different id).
 */
function lh_phpass_gensalt(string $ident, int $countLog2, string $random6): string
{
    if ($ident !== 'P' && $ident !== 'H') {
        throw new InvalidArgumentException('phpass ident must be P or H');
    }
    if (strlen($random6) !== 6) {
        throw new InvalidArgumentException('phpass salt needs 6 random bytes');
    }
    return '$' . $ident . '$' . LH_ITOA64[min($countLog2, 30)] . lh_phpass_encode64($random6, 6);
}

/** Setting from an explicit 8-char salt string (any characters, as crypt_private just copies them). */
function lh_phpass_setting(string $ident, int $countLog2, string $salt8): string
{
    if (strlen($salt8) !== 8) {
        throw new InvalidArgumentException('phpass salt8 must be 8 bytes');
    }
    return '$' . $ident . '$' . LH_ITOA64[$countLog2] . $salt8;
}

/** crypt_private, line for line. Returns '*0'/'*1' on a bad setting, like phpass. */
function lh_phpass_crypt_private(string $password, string $setting): string
{
    $output = '*0';
    if (substr($setting, 0, 2) === $output) {
        $output = '*1';
    }
    $id = substr($setting, 0, 3);
    // We use "$P$", phpBB3 uses "$H$" for the same thing.
    if ('$P$' !== $id && '$H$' !== $id) {
        return $output;
    }
    $count_log2 = strpos(LH_ITOA64, $setting[3]);
    if ($count_log2 === false || $count_log2 < 7 || $count_log2 > 30) {
        return $output;
    }
    $count = 1 << $count_log2;
    $salt = substr($setting, 4, 8);
    if (8 !== strlen($salt)) {
        return $output;
    }
    $hash = md5($salt . $password, true);
    do {
        $hash = md5($hash . $password, true);
    } while (--$count);
    $output = substr($setting, 0, 12);
    $output .= lh_phpass_encode64($hash, 16);
    return $output;
}

/** PasswordHash::CheckPassword (WordPress copy). */
function lh_phpass_check(string $password, string $stored_hash): bool
{
    if (strlen($password) > 4096) {
        return false;
    }
    $hash = lh_phpass_crypt_private($password, $stored_hash);
    if ('*' === $hash[0]) {
        $hash = crypt($password, $stored_hash);
    }
    return $hash === $stored_hash;
}

// ---------------------------------------------------------------------------------------------
// bcrypt (PHP crypt() = Openwall crypt_blowfish 1.3 in php-src ext/standard/crypt_blowfish.c)
// ---------------------------------------------------------------------------------------------

/** 16 raw bytes -> 22 canonical bcrypt64 salt chars (phpass gensalt_blowfish encoding). */
function lh_bcrypt_salt22(string $raw16): string
{
    if (strlen($raw16) !== 16) {
        throw new InvalidArgumentException('bcrypt salt needs 16 bytes');
    }
    $itoa64 = LH_BCRYPT64;
    $output = '';
    $i = 0;
    do {
        $c1 = ord($raw16[$i++]);
        $output .= $itoa64[$c1 >> 2];
        $c1 = ($c1 & 0x03) << 4;
        if ($i >= 16) {
            $output .= $itoa64[$c1];
            break;
        }
        $c2 = ord($raw16[$i++]);
        $c1 |= $c2 >> 4;
        $output .= $itoa64[$c1];
        $c1 = ($c2 & 0x0f) << 2;
        $c2 = ord($raw16[$i++]);
        $c1 |= $c2 >> 6;
        $output .= $itoa64[$c1];
        $output .= $itoa64[$c2 & 0x3f];
    } while (true);
    return $output;
}

/** crypt($pw, '$<ident>$<cost>$<salt22>'); throws when crypt() reports failure ('*0'/'*1'). */
function lh_bcrypt(string $password, string $ident, int $cost, string $salt22): string
{
    if (!in_array($ident, ['2a', '2b', '2x', '2y'], true)) {
        throw new InvalidArgumentException("unsupported bcrypt ident $ident");
    }
    if ($cost < 4 || $cost > 31 || strlen($salt22) !== 22) {
        throw new InvalidArgumentException('bad bcrypt cost or salt');
    }
    $out = crypt($password, sprintf('$%s$%02d$%s', $ident, $cost, $salt22));
    if (strlen($out) !== 60) {
        throw new RuntimeException("crypt() failed: $out");
    }
    return $out;
}

// ---------------------------------------------------------------------------------------------
// WordPress 6.8+ '$wp' bcrypt — src/wp-includes/pluggable.php
// (WordPress/wordpress-develop@00515dffdf30aa214e5b58db2701e7284574a4c9)
// ---------------------------------------------------------------------------------------------

function lh_wp_prehash(string $password): string
{
    return base64_encode(hash_hmac('sha384', $password, 'wp-sha384', true));
}

/**
 * wp_hash_password() minus the trim() and the random salt: '$wp' . bcrypt $2y$ of the pre-hash
 * with a fixed salt. wp_hash_password trims the password first; verification does not, so the
 * vectors hash exactly the bytes the verifier will be given.
 */
function lh_wp_hash(string $password, int $cost, string $salt22): string
{
    return '$wp' . lh_bcrypt(lh_wp_prehash($password), '2y', $cost, $salt22);
}

/** wp_check_password() 6.8 decision order (no $wp_hasher plugin override, no filter). */
function lh_wp_check_password(string $password, string $hash): bool
{
    if (strlen($hash) <= 32) {
        return hash_equals($hash, md5($password));
    } elseif (strlen($password) > 4096) {
        return false;
    } elseif (str_starts_with($hash, '$wp')) {
        return password_verify(lh_wp_prehash($password), substr($hash, 3));
    } elseif (str_starts_with($hash, '$P$')) {
        return lh_phpass_check($password, $hash);
    }
    return password_verify($password, $hash);
}

// ---------------------------------------------------------------------------------------------
// Magento 1 — OpenMage/magento-lts app/code/core/Mage/Core/Model/Encryption.php
// getHash($password, $salt) = hash($salt . $password) . ':' . $salt; validateHash splits on the
// first ':' and tries password_verify (bcrypt), sha512, sha256, md5 (1.9.4.3+/OpenMage order;
// CE <= 1.9.4.2 only md5, EE Enterprise_Pci sha256 then md5 — a superset, so one validator serves
// all). Comparison is hash_equals (case-sensitive).
// ---------------------------------------------------------------------------------------------

function lh_magento1_hash(string $algo, string $salt, string $password): string
{
    if (!in_array($algo, ['md5', 'sha256', 'sha512'], true)) {
        throw new InvalidArgumentException("unsupported magento1 algo $algo");
    }
    return hash($algo, $salt . $password) . ':' . $salt;
}

function lh_magento1_validate(string $password, string $hash): bool
{
    // OpenMage HEAD (@e18d6107b2) validateHash: MAXIMUM_PASSWORD_LENGTH = 256, then LATEST
    // (password_verify), SHA512, SHA256, MD5 via validateHashByVersion.
    if (strlen($password) > 256) {
        return false;
    }
    if (password_verify($password, $hash)) {
        return true;
    }
    foreach (['sha512', 'sha256', 'md5'] as $algo) {
        $hashArr = explode(':', $hash, 2);
        if (count($hashArr) === 1) {
            if (hash_equals(hash($algo, $password), $hash)) {
                return true;
            }
            continue;
        }
        [$h, $salt] = $hashArr;
        if (hash_equals(hash($algo, $salt . $password), $h)) {
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Magento 2 — magento/magento2 lib/internal/Magento/Framework/Encryption/Encryptor.php
// (@4dbca70e7295d46e2cb9a7783c5a214893d01c43): getArgonHash, generateSimpleHash, isValidHash.
// ---------------------------------------------------------------------------------------------

/** Encryptor::getArgonHash, verbatim apart from the name. */
function lh_magento2_argon(string $data, int $seedBytes, int $opsLimit, int $memLimit, string $salt): string
{
    if (strlen($salt) < SODIUM_CRYPTO_PWHASH_SALTBYTES) {
        $salt = str_pad($salt, SODIUM_CRYPTO_PWHASH_SALTBYTES, $salt);
    } elseif (strlen($salt) > SODIUM_CRYPTO_PWHASH_SALTBYTES) {
        $salt = substr($salt, 0, SODIUM_CRYPTO_PWHASH_SALTBYTES);
    }
    // '@': ext/sodium raises an E_WARNING "empty password" for '' (and still hashes it).
    return bin2hex(
        @sodium_crypto_pwhash($seedBytes, $data, $salt, $opsLimit, $memLimit, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13)
    );
}

/** Encryptor::generateSimpleHash. */
function lh_magento2_simple(string $data, int $version): string
{
    $map = [0 => 'md5', 1 => 'sha256'];
    if (!array_key_exists($version, $map)) {
        throw new InvalidArgumentException('Unknown hashing algorithm');
    }
    return hash($map[$version], $data);
}

/**
 * The per-token step of isValidHash (same branches, same PHP casts), applied to $recreated.
 * Throws where Magento would throw.
 */
function lh_magento2_step(string $recreated, string $hashVersion, string $salt): string
{
    $agnosticArgonRegEx = '/^3\_(?<seed>\d+)\_(?<ops>\d+)\_(?<mem>\d+)$/';
    if (preg_match($agnosticArgonRegEx, $hashVersion, $argonParams)) {
        return lh_magento2_argon($recreated, (int)$argonParams['seed'], (int)$argonParams['ops'], (int)$argonParams['mem'], $salt);
    } elseif ((int)$hashVersion === 2) {
        return lh_magento2_argon($recreated, SODIUM_CRYPTO_SIGN_SEEDBYTES, SODIUM_CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE, SODIUM_CRYPTO_PWHASH_MEMLIMIT_INTERACTIVE, $salt);
    }
    return lh_magento2_simple($salt . $recreated, (int)$hashVersion);
}

/**
 * Build a stored Magento 2 string for an explicit salt and version list ("1", "2", "1:2",
 * "3_32_2_67108864", ...): the same chain isValidHash replays, oldest first. (getHash itself only
 * ever writes one version; chains come from customer:hash:upgrade, which re-hashes the stored
 * hex with the same salt — the result is identical.)
 */
function lh_magento2_hash(string $password, string $salt, string $versions): string
{
    if (str_contains($salt, ':')) {
        throw new InvalidArgumentException('a Magento salt cannot contain ":"');
    }
    $recreated = $password;
    foreach (explode(':', $versions) as $v) {
        $recreated = lh_magento2_step($recreated, $v, $salt);
    }
    return $recreated . ':' . $salt . ':' . $versions;
}

/**
 * Encryptor::isValidHash. The catch branch compares HMAC(crypt key, password) for non-password
 * hashes; with no deployment key available here it can never match a password hash, so it
 * returns false.
 */
function lh_magento2_is_valid_hash(string $password, string $hash): bool
{
    try {
        $exploded = explode(':', $hash, 3);
        if (count($exploded) !== 3) {
            throw new RuntimeException('Hash is not a password hash');
        }
        [$hash, $hashSalt, $versionPart] = $exploded;
        $recreated = $password;
        foreach (explode(':', $versionPart) as $hashVersion) {
            $recreated = lh_magento2_step($recreated, $hashVersion, $hashSalt);
        }
    } catch (\Throwable $exception) {
        return false;
    }
    return hash_equals($recreated, $hash);
}

// ---------------------------------------------------------------------------------------------
// Argon2 PHC strings
// ---------------------------------------------------------------------------------------------

function lh_b64_nopad(string $raw): string
{
    return rtrim(base64_encode($raw), '=');
}

/**
 * PHC string from libsodium's raw Argon2 output (sodium_crypto_pwhash: argon2i v1.3 needs t >= 3,
 * argon2id t >= 1; p is always 1; salt exactly 16 bytes). Used because password_hash() picks a
 * random salt and cannot give deterministic vectors; each string is then confirmed with
 * password_verify() (php-src ext/standard/password.c, libargon2).
 */
function lh_argon2_sodium_phc(string $type, string $password, string $salt16, int $t, int $mKiB, int $hashLen): string
{
    $alg = ['i' => SODIUM_CRYPTO_PWHASH_ALG_ARGON2I13, 'id' => SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13][$type] ?? null;
    if ($alg === null) {
        throw new InvalidArgumentException('sodium argon2 type must be i or id');
    }
    $raw = @sodium_crypto_pwhash($hashLen, $password, $salt16, $t, $mKiB * 1024, $alg);
    return sprintf('$argon2%s$v=19$m=%d,t=%d,p=1$%s$%s', $type, $mKiB, $t, lh_b64_nopad($salt16), lh_b64_nopad($raw));
}

/** PHP password_hash() Argon2 (random salt; for the live oracle only). */
function lh_argon2_password_hash(string $type, string $password, int $mKiB, int $t, int $p = 1): string
{
    $algo = ['i' => PASSWORD_ARGON2I, 'id' => PASSWORD_ARGON2ID][$type] ?? null;
    if ($algo === null) {
        throw new InvalidArgumentException('argon2 type must be i or id');
    }
    return password_hash($password, $algo, ['memory_cost' => $mKiB, 'time_cost' => $t, 'threads' => $p]);
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function lh_is_utf8(string $s): bool
{
    return preg_match('//u', $s) === 1;
}

/** Deterministic pseudo-random bytes: SHA-256 counter stream over a label (fixed "seed"). */
function lh_det_bytes(string $label, int $n): string
{
    $out = '';
    for ($i = 0; strlen($out) < $n; $i++) {
        $out .= hash('sha256', "legacy-hash vectors|$label|$i", true);
    }
    return substr($out, 0, $n);
}

// ---------------------------------------------------------------------------------------------
// One PHP verifier per legacy-hash scheme id, each the platform's own check (used to confirm
// every vector). Returns null where PHP has no reference for the input (argon2d: password_verify
// only knows argon2i/argon2id).
// ---------------------------------------------------------------------------------------------

function lh_verify(string $scheme, string $password, string $hash): ?bool
{
    switch ($scheme) {
        case 'md5':
        case 'sha1':
        case 'sha256':
        case 'sha512':
            return hash_equals(lh_digest($scheme, $password), strtolower($hash));
        case 'phpass':
            return lh_phpass_check($password, $hash);
        case 'wordpress':
            return lh_wp_check_password($password, $hash);
        case 'bcrypt':
            return password_verify($password, $hash);
        case 'argon2':
            if (str_starts_with($hash, '$argon2d$')) {
                return null;
            }
            return password_verify($password, $hash);
        case 'magento1':
            return lh_magento1_validate($password, $hash);
        case 'magento2':
            return lh_magento2_is_valid_hash($password, $hash);
    }
    return null;
}
