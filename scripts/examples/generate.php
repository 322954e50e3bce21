<?php
/**
 * Generates the bundled example export (examples/customers.csv), the test accounts' known
 * passwords (examples/known-passwords.csv) and the PrestaShop cookie key
 * (examples/prestashop-cookie-key.txt).
 *
 * Every hash is computed here with PHP 8.2's own functions (crypt, hash, hash_hmac,
 * sodium_crypto_pwhash, password_verify) and the platforms' published algorithms, never with
 * legacy-hash. Deterministic: a fixed mt_rand seed drives every choice and every salt (PHP's
 * password_hash() picks random salts, so bcrypt goes through crypt() with an explicit salt and
 * argon2 through sodium_crypto_pwhash, checked with password_verify()). Reads nothing from the
 * network or the disk.
 *
 * Usage: php scripts/examples/generate.php [OUT_DIR]   (default: examples/ beside the repo root)
 */

declare(strict_types=1);

if (PHP_VERSION_ID < 80200 || !function_exists('sodium_crypto_pwhash')) {
    fwrite(STDERR, "needs PHP >= 8.2 with ext/sodium\n");
    exit(2);
}

$outDir = $argv[1] ?? dirname(__DIR__, 2) . '/examples';
mt_srand(20240611, MT_RAND_MT19937);

// ------------------------------------------------------------------ deterministic randomness

function det_bytes(int $n): string
{
    $s = '';
    for ($i = 0; $i < $n; $i++) $s .= chr(mt_rand(0, 255));
    return $s;
}

function det_string(int $n, string $alphabet): string
{
    $s = '';
    $max = strlen($alphabet) - 1;
    for ($i = 0; $i < $n; $i++) $s .= $alphabet[mt_rand(0, $max)];
    return $s;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pick(array $a)
{
    return $a[mt_rand(0, count($a) - 1)];
}

// ------------------------------------------------------------------ platform algorithms

/** phpass crypt_private (WordPress wp-includes/class-phpass.php), portable hashes $P$ / $H$. */
function phpass_encode64(string $input, int $count): string
{
    $output = '';
    $i = 0;
    do {
        $value = ord($input[$i++]);
        $output .= ITOA64[$value & 0x3f];
        if ($i < $count) $value |= ord($input[$i]) << 8;
        $output .= ITOA64[($value >> 6) & 0x3f];
        if ($i++ >= $count) break;
        if ($i < $count) $value |= ord($input[$i]) << 16;
        $output .= ITOA64[($value >> 12) & 0x3f];
        if ($i++ >= $count) break;
        $output .= ITOA64[($value >> 18) & 0x3f];
    } while ($i < $count);
    return $output;
}

function phpass_hash(string $password, string $ident, int $countLog2): string
{
    $setting = $ident . ITOA64[$countLog2] . phpass_encode64(det_bytes(6), 6);
    $salt = substr($setting, 4, 8);
    $hash = md5($salt . $password, true);
    $count = 1 << $countLog2;
    do {
        $hash = md5($hash . $password, true);
    } while (--$count);
    return $setting . phpass_encode64($hash, 16);
}

/** PHP crypt() bcrypt with a deterministic salt (what password_hash(PASSWORD_BCRYPT) stores). */
function bcrypt_hash(string $password, int $cost, string $ident = '2y'): string
{
    $salt = det_string(21, BCRYPT64) . pick(['.', 'O', 'e', 'u']);
    $out = crypt($password, sprintf('$%s$%02d$%s', $ident, $cost, $salt));
    if (strlen($out) !== 60) throw new RuntimeException('crypt failed');
    return $out;
}

/** WordPress 6.8+ wp_hash_password: '$wp' . password_hash(base64(hmac-sha384('wp-sha384'))). */
function wp68_hash(string $password): string
{
    return '$wp' . bcrypt_hash(base64_encode(hash_hmac('sha384', $password, 'wp-sha384', true)), 10);
}

/** Magento 1 Mage_Core_Model_Encryption::getHash: hash(salt . password) . ':' . salt. */
function magento1_hash(string $algo, string $password, int $saltLength): string
{
    $salt = det_string($saltLength, ALNUM);
    return hash($algo, $salt . $password) . ':' . $salt;
}

/** Magento 2 Encryptor::getArgonHash (salt padded/cut to 16 bytes). */
function magento2_argon(string $data, string $salt, int $seedBytes, int $ops, int $mem): string
{
    $salt = strlen($salt) < SODIUM_CRYPTO_PWHASH_SALTBYTES
        ? str_pad($salt, SODIUM_CRYPTO_PWHASH_SALTBYTES, $salt)
        : substr($salt, 0, SODIUM_CRYPTO_PWHASH_SALTBYTES);
    return bin2hex(sodium_crypto_pwhash($seedBytes, $data, $salt, $ops, $mem, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13));
}

/** Magento 2 getHash / customer:hash:upgrade chains: each version re-hashes the previous hex. */
function magento2_hash(string $password, string $versions): string
{
    $salt = det_string(32, ALNUM);
    $value = $password;
    foreach (explode(':', $versions) as $v) {
        if (preg_match('/^3_(\d+)_(\d+)_(\d+)$/', $v, $m)) {
            $value = magento2_argon($value, $salt, (int)$m[1], (int)$m[2], (int)$m[3]);
        } elseif ($v === '2') {
            $value = magento2_argon($value, $salt, SODIUM_CRYPTO_SIGN_SEEDBYTES,
                SODIUM_CRYPTO_PWHASH_OPSLIMIT_INTERACTIVE, SODIUM_CRYPTO_PWHASH_MEMLIMIT_INTERACTIVE);
        } else {
            $value = hash([0 => 'md5', 1 => 'sha256'][(int)$v], $salt . $value);
        }
    }
    return $value . ':' . $salt . ':' . $versions;
}

/** PHP password_hash(PASSWORD_ARGON2ID) layout, made deterministic through libsodium (t=4, 64 MiB, p=1). */
function argon2id_phc(string $password): string
{
    $salt = det_bytes(16);
    $raw = sodium_crypto_pwhash(32, $password, $salt, 4, 65536 * 1024, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13);
    $b64 = fn (string $s) => rtrim(base64_encode($s), '=');
    $phc = sprintf('$argon2id$v=19$m=65536,t=4,p=1$%s$%s', $b64($salt), $b64($raw));
    if (!password_verify($password, $phc)) throw new RuntimeException('argon2 PHC self-check failed');
    return $phc;
}

/** Joomla 1.5-2.5 JUserHelper::getCryptedPassword('md5-hex'): md5(password . salt) . ':' . salt. */
function joomla_hash(string $password): string
{
    $salt = det_string(32, ALNUM);
    return md5($password . $salt) . ':' . $salt;
}

/** OpenCart 1.5.4-3.x: sha1(salt . sha1(salt . sha1(password))), salt = 9 chars in its own column. */
function opencart_hash(string $password): array
{
    $salt = substr(md5(det_bytes(16)), 0, 9);
    return [sha1($salt . sha1($salt . sha1($password))), $salt];
}

/** PrestaShop 1.5/1.6 Tools::encrypt: md5(_COOKIE_KEY_ . password). */
function prestashop_hash(string $password, string $cookieKey): string
{
    return md5($cookieKey . $password);
}

// ------------------------------------------------------------------ people and passwords

$first = ['Anna', 'Ben', 'Chloé', 'David', 'Emma', 'Felix', 'Greta', 'Hugo', 'Ida', 'Jonas', 'Karin', 'Leo',
    'Maria', 'Nils', 'Olivia', 'Paul', 'Quentin', 'Rosa', 'Sven', 'Tara', 'Ulrich', 'Vera', 'Wim', 'Xenia',
    'Yusuf', 'Zoë', 'Marta', 'Jörg', 'Siobhan', 'Kenji'];
$last = ['Meyer', 'Schmidt', 'Dubois', 'Rossi', 'García', 'Jansen', 'Novak', 'Kowalski', 'Smith', "O'Neill",
    'Larsen', 'Silva', 'Müller', 'Bernard', 'Costa', 'Horvat', 'Nagy', 'Popescu', 'Berg', 'Lund'];
$domains = ['example.com', 'example.org', 'example.net', 'mail.example', 'shop.example'];
$common = ['123456', 'password', 'qwerty', '12345678', 'letmein', 'iloveyou', 'welcome', 'admin', 'sunshine', 'Passw0rd'];

function ascii_name(string $s): string
{
    $s = strtr($s, ['é' => 'e', 'ë' => 'e', 'ö' => 'oe', 'ü' => 'ue', 'í' => 'i']);
    return preg_replace('/[^a-z]/', '', strtolower($s));
}

function random_password(array $common): string
{
    if (mt_rand(1, 100) <= 15) return pick($common);
    return det_string(mt_rand(8, 14), ALNUM . '!#%&*-_');
}

$cookieKey = det_string(56, ALNUM);

// [platform label, how many, generator(password) -> [hash, salt], has username]
$kinds = [
    ['wordpress-phpass', 700, fn ($pw) => [phpass_hash($pw, '$P$', 13), ''], true],
    ['wordpress-6.8', 150, fn ($pw) => [wp68_hash($pw), ''], true],
    ['woocommerce-md5', 200, fn ($pw) => [md5($pw), ''], true],
    ['bcrypt-10', 180, fn ($pw) => [bcrypt_hash($pw, 10), ''], false],
    ['bcrypt-11', 30, fn ($pw) => [bcrypt_hash($pw, 11), ''], false],
    ['bcrypt-12', 20, fn ($pw) => [bcrypt_hash($pw, 12), ''], false],
    ['bcrypt-08', 20, fn ($pw) => [bcrypt_hash($pw, 8), ''], false],
    ['magento1-md5-2', 250, fn ($pw) => [magento1_hash('md5', $pw, 2), ''], false],
    ['magento1-md5-32', 300, fn ($pw) => [magento1_hash('md5', $pw, 32), ''], false],
    ['magento1-ee-sha256', 150, fn ($pw) => [magento1_hash('sha256', $pw, 32), ''], false],
    ['magento2-1', 400, fn ($pw) => [magento2_hash($pw, '1'), ''], false],
    ['magento2-0', 20, fn ($pw) => [magento2_hash($pw, '0'), ''], false],
    ['magento2-0-1', 20, fn ($pw) => [magento2_hash($pw, '0:1'), ''], false],
    ['magento2-2', 8, fn ($pw) => [magento2_hash($pw, '2'), ''], false],
    ['magento2-3', 8, fn ($pw) => [magento2_hash($pw, '3_32_2_67108864'), ''], false],
    ['magento2-1-2', 4, fn ($pw) => [magento2_hash($pw, '1:2'), ''], false],
    ['argon2id', 4, fn ($pw) => [argon2id_phc($pw), ''], false],
    ['phpbb3', 100, fn ($pw) => [phpass_hash($pw, '$H$', 11), ''], true],
    ['joomla-1.5', 120, fn ($pw) => [joomla_hash($pw), ''], true],
    ['opencart', 150, fn ($pw) => opencart_hash($pw), false],
    ['prestashop-1.6', 100, fn ($pw) => [prestashop_hash($pw, $cookieKey), ''], false],
];

// Test accounts: known passwords, spread over the platforms (a few with non-ASCII passwords).
$testPerKind = [
    'wordpress-phpass' => 5, 'wordpress-6.8' => 3, 'woocommerce-md5' => 3, 'bcrypt-10' => 3, 'bcrypt-12' => 1,
    'magento1-md5-2' => 3, 'magento1-md5-32' => 3, 'magento1-ee-sha256' => 3, 'magento2-1' => 5, 'magento2-0-1' => 2,
    'magento2-2' => 2, 'magento2-3' => 2, 'magento2-1-2' => 1, 'argon2id' => 1, 'phpbb3' => 3, 'joomla-1.5' => 3,
    'opencart' => 4, 'prestashop-1.6' => 3,
];

$rows = [];
$known = [];
$n = 0;
foreach ($kinds as [$label, $count, $gen, $hasUser]) {
    $tests = $testPerKind[$label] ?? 0;
    for ($i = 0; $i < $count; $i++) {
        $isTest = $i < $tests;
        $fn = pick($first);
        $ln = pick($last);
        if ($isTest) {
            $pw = sprintf('Test-%s-%d!', $label, $i + 1);
            if ($i === 1) $pw = 'Pässwörd-' . $label; // UTF-8, as browsers send it
            $email = sprintf('qa+%s-%d@example.com', $label, $i + 1);
            $user = $hasUser ? sprintf('qa_%s_%d', str_replace(['-', '.'], '_', $label), $i + 1) : '';
        } else {
            $pw = random_password($common);
            $email = ascii_name($fn) . '.' . ascii_name($ln) . mt_rand(1, 999) . '@' . pick($domains);
            $user = $hasUser ? (mt_rand(1, 10) === 1 ? "$ln, $fn" : strtolower($fn) . mt_rand(10, 99)) : '';
            if (mt_rand(1, 150) === 1) $email = ''; // accounts without an e-mail address
        }
        [$hash, $salt] = $gen($pw);
        $row = ['email' => $email, 'username' => $user, 'hash' => $hash, 'salt' => $salt, 'label' => $label, 'eol' => "\n"];
        if (!$isTest) {
            // Export damage real dumps show: upper-case hex, CHAR padding, CRLF line ends.
            if (str_starts_with($label, 'woocommerce') && mt_rand(1, 12) === 1) $row['hash'] = strtoupper($hash);
            if (str_starts_with($label, 'magento1-md5') && mt_rand(1, 40) === 1) {
                [$h, $s] = explode(':', $hash, 2);
                $row['hash'] = strtoupper($h) . ':' . $s;
            }
            if (mt_rand(1, 120) === 1) $row['hash'] .= '   ';
            if (mt_rand(1, 25) === 1) $row['eol'] = "\r\n";
        }
        $rows[] = $row;
        if ($isTest) $known[] = $row + ['password' => $pw];
        $n++;
    }
    fwrite(STDERR, sprintf("%-20s %4d\n", $label, $count));
}

// Broken rows: truncated, garbage, empty, structurally invalid.
$broken = [
    fn () => substr(bcrypt_hash('x', 4), 0, 40),                       // truncated bcrypt
    fn () => substr(phpass_hash('x', '$P$', 8), 0, 20),                // truncated phpass
    fn () => substr(md5((string)mt_rand()), 0, 31),                    // 31 hex digits
    fn () => '',                                                        // empty
    fn () => '',
    fn () => 'NULL',
    fn () => '*',
    fn () => '!' . det_string(12, ALNUM),                               // locked account marker
    fn () => 'not-a-hash ' . det_string(6, ALNUM),
    fn () => str_replace(substr(md5('y'), 5, 1), 'g', md5((string)mt_rand())) . 'zz', // non-hex
    fn () => '$2y$99$' . det_string(53, BCRYPT64),                     // bcrypt cost out of range
    fn () => '$P$' . '~' . det_string(30, ITOA64),                     // phpass bad count char
    fn () => md5((string)mt_rand()) . ':' . det_string(32, ALNUM) . ':7', // Magento 2 unknown version
];
for ($i = 0; $i < 39; $i++) {
    $rows[] = ['email' => sprintf('broken%d@example.org', $i + 1), 'username' => '', 'hash' => $broken[$i % count($broken)](),
        'salt' => '', 'label' => 'broken', 'eol' => "\n"];
}

// Deterministic shuffle (Fisher-Yates on mt_rand), then sequential ids.
for ($i = count($rows) - 1; $i > 0; $i--) {
    $j = mt_rand(0, $i);
    [$rows[$i], $rows[$j]] = [$rows[$j], $rows[$i]];
}

function csv_field(string $v): string
{
    return preg_match('/[",\r\n]/', $v) ? '"' . str_replace('"', '""', $v) . '"' : $v;
}

function csv_line(array $fields, string $eol = "\n"): string
{
    return implode(',', array_map('csv_field', $fields)) . $eol;
}

@mkdir($outDir, 0777, true);
$csv = csv_line(['id', 'email', 'username', 'password_hash', 'salt']);
$ids = [];
foreach ($rows as $k => $r) {
    $id = 1000 + $k;
    $ids[$r['email'] . "\0" . $r['hash']] = $id;
    $csv .= csv_line([(string)$id, $r['email'], $r['username'], $r['hash'], $r['salt']], $r['eol']);
}
file_put_contents("$outDir/customers.csv", $csv);

$kcsv = csv_line(['id', 'email', 'platform', 'password_hash', 'salt', 'password']);
foreach ($known as $r) {
    $kcsv .= csv_line([(string)$ids[$r['email'] . "\0" . $r['hash']], $r['email'], $r['label'], $r['hash'], $r['salt'], $r['password']]);
}
file_put_contents("$outDir/known-passwords.csv", $kcsv);
file_put_contents("$outDir/prestashop-cookie-key.txt", $cookieKey . "\n");

fwrite(STDERR, sprintf("wrote %d customers (%d bytes), %d known passwords to %s\n", count($rows), strlen($csv), count($known), $outDir));
