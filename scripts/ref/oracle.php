<?php
// Live reference oracle (PHP side): JSON Lines in, JSON Lines out. Run: php scripts/ref/oracle.php
//
// Request (one per line):  {"scheme": "...", "passwordHex": "...", "params": {...}}
// Response (one per line): {"hash": "..."}  or  {"error": "..."}
//
// Schemes (formulas in scripts/ref/formulas.php, PHP's own primitives):
//   md5 | sha1 | sha256 | sha512  hash(), lowercase hex (params: upper: true for UPPER hex)
//   phpass     params: countLog2 (7..30, default 13), ident "P"|"H" (default P),
//              salt8 (8 chars) or saltHex (6 bytes, encode64'd like gensalt_private); random if neither
//   wordpress  params: cost (default 10), salt22 (optional, else random)  -> '$wp$2y$..'
//   bcrypt     params: cost (default 10), ident 2y|2a|2b|2x (default 2y), salt22 (optional)
//   magento1   params: algo md5|sha256|sha512 (default md5), salt (default random 32 chars)
//   magento2   params: salt (default random 32 chars), versions e.g. "1", "2", "1:2",
//              "3_32_2_67108864" (default "2")
//   argon2     params: type i|id (default id), m (KiB, default 65536), t (default 4),
//              p (default 1)  -> PHP password_hash() (random salt)
//   versions   -> JSON text with the PHP / libsodium / libargon2 provider versions
declare(strict_types=1);

require __DIR__ . '/formulas.php';

function oracle_random_salt(int $n): string
{
    $chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= $chars[random_int(0, 61)];
    }
    return $s;
}

function oracle_handle(array $req): string
{
    $scheme = (string)($req['scheme'] ?? '');
    $hex = (string)($req['passwordHex'] ?? '');
    if (($hex !== "" && !ctype_xdigit($hex)) || strlen($hex) % 2 !== 0) {
        throw new InvalidArgumentException('passwordHex is not hex');
    }
    $pw = (string)hex2bin($hex);
    $p = $req['params'] ?? [];
    if (!is_array($p)) {
        throw new InvalidArgumentException('params must be an object');
    }
    switch ($scheme) {
        case 'md5':
        case 'sha1':
        case 'sha256':
        case 'sha512':
            $h = lh_digest($scheme, $pw);
            return !empty($p['upper']) ? strtoupper($h) : $h;
        case 'phpass':
            $log2 = (int)($p['countLog2'] ?? 13);
            $ident = (string)($p['ident'] ?? 'P');
            if ($log2 < 7 || $log2 > 30) {
                throw new InvalidArgumentException('countLog2 must be 7..30');
            }
            if (isset($p['salt8'])) {
                $setting = lh_phpass_setting($ident, $log2, (string)$p['salt8']);
            } else {
                $raw = isset($p['saltHex']) ? (string)hex2bin((string)$p['saltHex']) : random_bytes(6);
                $setting = lh_phpass_gensalt($ident, $log2, $raw);
            }
            $out = lh_phpass_crypt_private($pw, $setting);
            if ($out[0] === '*') {
                throw new RuntimeException("crypt_private failed: $out");
            }
            return $out;
        case 'wordpress':
            $salt = isset($p['salt22']) ? (string)$p['salt22'] : lh_bcrypt_salt22(random_bytes(16));
            return lh_wp_hash($pw, (int)($p['cost'] ?? 10), $salt);
        case 'bcrypt':
            $salt = isset($p['salt22']) ? (string)$p['salt22'] : lh_bcrypt_salt22(random_bytes(16));
            return lh_bcrypt($pw, (string)($p['ident'] ?? '2y'), (int)($p['cost'] ?? 10), $salt);
        case 'magento1':
            $salt = isset($p['salt']) ? (string)$p['salt'] : oracle_random_salt(32);
            return lh_magento1_hash((string)($p['algo'] ?? 'md5'), $salt, $pw);
        case 'magento2':
            $salt = isset($p['salt']) ? (string)$p['salt'] : oracle_random_salt(32);
            return lh_magento2_hash($pw, $salt, (string)($p['versions'] ?? '2'));
        case 'argon2':
            return lh_argon2_password_hash((string)($p['type'] ?? 'id'), $pw, (int)($p['m'] ?? 65536), (int)($p['t'] ?? 4), (int)($p['p'] ?? 1));
        case 'versions':
            return json_encode(['php' => PHP_VERSION, 'libsodium' => SODIUM_LIBRARY_VERSION, 'argon2' => PASSWORD_ARGON2_PROVIDER]);
    }
    throw new InvalidArgumentException("unsupported scheme '$scheme'");
}

$flags = JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE;
while (($line = fgets(STDIN)) !== false) {
    $line = trim($line);
    if ($line === '') {
        continue;
    }
    try {
        $req = json_decode($line, true, 16, JSON_THROW_ON_ERROR);
        if (!is_array($req)) {
            throw new InvalidArgumentException('request must be a JSON object');
        }
        $resp = ['hash' => oracle_handle($req)];
    } catch (\Throwable $e) {
        $resp = ['error' => get_class($e) . ': ' . $e->getMessage()];
    }
    fwrite(STDOUT, json_encode($resp, $flags) . "\n");
    fflush(STDOUT);
}
