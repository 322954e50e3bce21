<?php
// PHP ports of the platform formulas behind legacy-hash's formula schemes (src/algorithms/
// platforms.ts, forums.ts, drupal.ts), written the way each platform's own source does it, with
// PHP's primitives. Used by scripts/vectors/platforms.php (vectors) and
// scripts/ref/platforms_oracle.php (live differential test). Nothing here imports legacy-hash.
//
// pf_hash($scheme, $password, $params) returns the stored string the platform would write, or
// what the platform compares (for schemes whose salt lives in another column: the bare hash).
declare(strict_types=1);

require_once __DIR__ . '/formulas.php'; // lh_phpass_encode64, lh_det_bytes, lh_bcrypt

// OpenCart Request::clean() per version (opencart/opencart upload/system/library/request.php).
function pf_opencart_clean(string $v, string $variant): string
{
    switch ($variant) {
        case '1.5.4-3.0.4': return htmlspecialchars($v, ENT_COMPAT, 'UTF-8');
        case '1.5.0-1.5.4-php5.3': return htmlspecialchars($v, ENT_COMPAT, 'ISO-8859-1'); // PHP < 5.4 default charset
        case '2.0.0.0': return htmlspecialchars(trim($v), ENT_COMPAT, 'UTF-8');
        case '3.0.5+': return trim(htmlspecialchars($v, ENT_COMPAT, 'UTF-8'));
        // 4.x: login() gets html_entity_decode(cleaned password, ENT_QUOTES, 'UTF-8').
        case '4.x': return html_entity_decode(trim(htmlspecialchars($v, ENT_COMPAT, 'UTF-8')), ENT_QUOTES, 'UTF-8');
    }
    throw new InvalidArgumentException("unknown OpenCart variant $variant");
}

// IPS4 \IPS\Request::legacyEscape() (verbatim order of replacements).
function pf_ipb_legacy_escape(string $val): string
{
    $val = str_replace("&", "&amp;", $val);
    $val = str_replace("<!--", "&#60;&#33;--", $val);
    $val = str_replace("-->", "--&#62;", $val);
    $val = str_ireplace("<script", "&#60;script", $val);
    $val = str_replace(">", "&gt;", $val);
    $val = str_replace("<", "&lt;", $val);
    $val = str_replace('"', "&quot;", $val);
    $val = str_replace("\n", "<br />", $val);
    $val = str_replace("$", "&#036;", $val);
    $val = str_replace("!", "&#33;", $val);
    $val = str_replace("'", "&#39;", $val);
    $val = str_replace("\\", "&#092;", $val);
    return $val;
}

// Drupal 7 includes/password.inc _password_crypt() (phpass with SHA-512, 55-char truncation).
function pf_drupal_crypt(string $algo, string $password, string $setting)
{
    if (strlen($password) > 512) {
        return false;
    }
    $setting = substr($setting, 0, 12);
    if ($setting[0] != '$' || $setting[2] != '$') {
        return false;
    }
    $itoa64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    $count_log2 = strpos($itoa64, $setting[3]);
    if ($count_log2 < 7 || $count_log2 > 30) {
        return false;
    }
    $salt = substr($setting, 4, 8);
    if (strlen($salt) != 8) {
        return false;
    }
    $count = 1 << $count_log2;
    $hash = hash($algo, $salt . $password, true);
    do {
        $hash = hash($algo, $hash . $password, true);
    } while (--$count);
    $len = strlen($hash);
    $output = $setting . lh_phpass_encode64($hash, $len);
    $expected = 12 + ceil((8 * $len) / 6);
    return (strlen($output) == $expected) ? substr($output, 0, 55) : false;
}

function pf_drupal_setting(string $ident, int $log2, string $label): string
{
    $itoa64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    return $ident . $itoa64[$log2] . lh_phpass_encode64(lh_det_bytes($label, 6), 6);
}

// Symfony MessageDigestPasswordHasher::hash() + mergePasswordAndSalt().
function pf_symfony_md(string $pw, string $salt, string $algo = 'sha512', int $iterations = 5000): string
{
    if (!$salt) {
        $salted = $pw;
    } else {
        if (false !== strrpos($salt, '{') || false !== strrpos($salt, '}')) {
            throw new InvalidArgumentException('Cannot use { or } in salt.');
        }
        $salted = $pw . '{' . $salt . '}';
    }
    $digest = hash($algo, $salted, true);
    for ($i = 1; $i < $iterations; ++$i) {
        $digest = hash($algo, $digest . $salted, true);
    }
    return base64_encode($digest);
}

// Shopware 5/6 Sha256::generateInternal().
function pf_shopware_sha256(string $password, string $salt, $iterations): string
{
    $hash = '';
    for ($i = 0; $i <= $iterations; $i++) {
        $hash = hash('sha256', $hash . $password . $salt);
    }
    return $iterations . ':' . $salt . ':' . $hash;
}

// devise-encryptable Sha512/Sha1 (secure_digest joins with '--'; Ruby nil joins as '').
function pf_devise_sha(string $algo, string $pw, int $stretches, string $salt, string $pepper): string
{
    $digest = $pepper;
    for ($i = 0; $i < $stretches; $i++) {
        $digest = hash($algo, '--' . implode('--', [$salt, $digest, $pw, $pepper]) . '--');
    }
    return $digest;
}

function pf_restful_sha1(string $pw, int $stretches, string $salt, string $pepper): string
{
    $digest = $pepper;
    for ($i = 0; $i < $stretches; $i++) {
        $digest = sha1(implode('--', [$digest, $salt, $pw, $pepper]));
    }
    return $digest;
}

function pf_authlogic_sha512(string $pw, string $salt, int $stretches = 20): string
{
    $digest = $pw . $salt;
    for ($i = 0; $i < $stretches; $i++) {
        $digest = hash('sha512', $digest);
    }
    return $digest;
}

function pf_hash(string $scheme, string $pw, array $p): string
{
    $salt = (string)($p['salt'] ?? '');
    switch ($scheme) {
        case 'prestashop': return md5((string)$p['pepper'] . $pw);
        case 'opencart':
            $c = pf_opencart_clean($pw, (string)($p['variant'] ?? '1.5.4-3.0.4'));
            return sha1($salt . sha1($salt . sha1($c)));
        case 'opencart-md5': return md5(pf_opencart_clean($pw, (string)($p['variant'] ?? '1.5.4-3.0.4')));
        case 'shopware-sha256': return pf_shopware_sha256($pw, $salt, (string)($p['iterations'] ?? '1000'));
        case 'shopware-legacy-backend-md5': return md5('A9ASD:_AD!_=%a8nx0asssblPlasS$' . md5($pw));
        case 'joomla-md5': return md5($pw . $salt) . ':' . $salt;
        case 'joomla-sha256': return '{SHA256}' . hash('sha256', $pw . $salt) . ':' . $salt;
        case 'magento1': return hash((string)($p['algo'] ?? 'md5'), $salt . $pw) . ':' . $salt; // osCommerce/Zen Cart/xt:Commerce
        case 'nopcommerce-md5':
        case 'nopcommerce-sha1':
        case 'nopcommerce-sha256':
        case 'nopcommerce-sha384':
        case 'nopcommerce-sha512':
            return strtoupper(hash(substr($scheme, 12), $pw . $salt));
        case 'symfony-message-digest': return pf_symfony_md($pw, $salt, 'sha512', (int)($p['iterations'] ?? 5000));
        case 'symfony-pbkdf2': return base64_encode(hash_pbkdf2('sha512', $pw, $salt, (int)($p['iterations'] ?? 1000), 40, true));
        case 'authlogic-sha512': return pf_authlogic_sha512($pw, $salt, (int)($p['stretches'] ?? 20));
        case 'devise-sha512': return pf_devise_sha('sha512', $pw, (int)($p['stretches'] ?? 10), $salt, (string)($p['pepper'] ?? ''));
        case 'devise-sha1': return pf_devise_sha('sha1', $pw, (int)($p['stretches'] ?? 10), $salt, (string)($p['pepper'] ?? ''));
        case 'restful-authentication-sha1': return pf_restful_sha1($pw, (int)($p['stretches'] ?? 10), $salt, (string)($p['pepper'] ?? ''));
        case 'clearance-sha1': return sha1("--$salt--$pw--");
        case 'devise-bcrypt':
            return lh_bcrypt($pw . (string)$p['pepper'], '2a', (int)($p['cost'] ?? 4), (string)$p['salt22']);
        case 'vbulletin': return md5(md5($pw) . $salt);
        case 'mybb': return md5(md5($salt) . md5($pw));
        case 'ipb': return md5(md5($salt) . md5(pf_ipb_legacy_escape($pw)));
        case 'smf': return sha1(strtolower((string)$p['username']) . $pw);
        case 'mediawiki-a': return ':A:' . md5($pw);
        case 'mediawiki-b': return ':B:' . $salt . ':' . md5($salt . '-' . md5($pw));
        case 'mediawiki-old-salted': return md5($salt . '-' . md5($pw));
        case 'redmine': return sha1($salt . sha1($pw));
        case 'wcf1': return sha1($salt . sha1($salt . sha1($pw)));
        case 'drupal7':
        case 'drupal-md5-upgraded':
            $setting = isset($p['setting']) ? (string)$p['setting'] : pf_drupal_setting('$S$', (int)($p['countLog2'] ?? 7), 'oracle' . random_int(0, PHP_INT_MAX));
            if ($scheme === 'drupal-md5-upgraded') {
                $algo = $setting[1] === 'S' ? 'sha512' : 'md5';
                $out = pf_drupal_crypt($algo, md5($pw), $setting); // user_update_7000: 'U' . user_hash_password(md5($pass))
                return 'U' . $out;
            }
            $out = pf_drupal_crypt('sha512', $pw, $setting);
            if ($out === false) {
                throw new RuntimeException('_password_crypt returned FALSE');
            }
            return $out;
        // ---- forum/wiki stored layouts (scripts/vectors/forum_blobs.php) ----
        case 'xenforo1': return pf_xf1_generate($pw, $salt, (string)($p['hashFunc'] ?? 'sha256'));
        case 'xenforo-core12': return serialize(['hash' => (string)$p['inner']]);
        case 'mediawiki-pbkdf2': return pf_mw_pbkdf2($pw, (string)($p['algo'] ?? 'sha512'), (string)($p['rounds'] ?? '30000'), (string)($p['length'] ?? '64'), base64_encode((string)$p['saltRaw']));
        case 'mediawiki-bcrypt': return pf_mw_bcrypt($pw, (int)($p['cost'] ?? 9), (string)$p['salt22']);
        case 'mediawiki-pbkdf2-legacy': return pf_mw_layered($pw, (string)$p['first'], (string)($p['firstSalt'] ?? ''), (string)($p['algo'] ?? 'sha512'), (string)($p['rounds'] ?? '30000'), (string)($p['length'] ?? '64'), base64_encode((string)$p['saltRaw']));
        case 'vbulletin5-token': return md5(md5($pw) . $salt) . ' ' . $salt; // vB_Utility_Password_Algorithm_Legacy on md5(pw)
        case 'wcf2':
            $setting = sprintf('$2a$%02d$%s', (int)($p['cost'] ?? 8), (string)$p['salt22']);
            return crypt(crypt($pw, $setting), $setting); // DoubleBcrypt::getDoubleSaltedHash
        case 'smf21':
            return crypt(pf_utf8_lower_latin((string)$p['username']) . $pw, sprintf('$2y$%02d$%s', (int)($p['cost'] ?? 4), (string)$p['salt22']));
        case 'phpbb-combined': return pf_phpbb_combined($pw, (string)$p['phpass'], (string)$p['bcrypt']);
    }
    throw new InvalidArgumentException("unsupported scheme '$scheme'");
}


// ---------------------------------------------------------------------------------------------
// Forum / wiki stored layouts (legacy-hash src/algorithms/xenforo.ts, mediawiki.ts, phpbb.ts,
// forums.ts wcf2 / smf21 / vbulletin5-token). Hash side = how the platform writes; *_check = how
// the platform verifies (each vector is confirmed by the check before it is written).
// ---------------------------------------------------------------------------------------------

// XenForo 1.0/1.1 XenForo_Authentication_Core::_newPassword + generate (serialize order: hash, salt, hashFunc).
function pf_xf1_generate(string $pw, string $salt, string $func): string
{
    $h = fn(string $d) => $func === 'sha256' ? hash('sha256', $d) : sha1($d);
    return serialize(['hash' => $h($h($pw) . $salt), 'salt' => $salt, 'hashFunc' => $func]);
}

// XenForo_Authentication_Core::setData + authenticate; XF 2 Core12::authenticate (password_verify
// or, for $P$/$H$, phpass CheckPassword); both refuse ''.
function pf_xenforo_check(string $pw, string $data): bool
{
    $d = @unserialize($data, ['allowed_classes' => false]);
    if (!is_array($d) || $pw === '' || !isset($d['hash'])) {
        return false;
    }
    if (isset($d['salt'])) {
        $f = $d['hashFunc'] ?? 'sha256';
        $h = fn(string $x) => $f === 'sha256' ? hash('sha256', $x) : ($f === 'sha1' ? sha1($x) : throw new RuntimeException('Unknown hash type'));
        return $h($h($pw) . $d['salt']) === $d['hash'];
    }
    if (preg_match('/^(?:\$(P|H)\$|[^\$])/i', $d['hash'])) {
        return $d['hash'][0] === '_' ? hash_equals($d['hash'], crypt($pw, $d['hash'])) : lh_phpass_check($pw, $d['hash']);
    }
    return password_verify(substr($pw, 0, 4096), $d['hash']);
}

// MediaWiki AbstractPbkdf2Password::crypt + ParameterizedPassword::toString.
function pf_mw_pbkdf2(string $pw, string $algo, string $rounds, string $length, string $saltB64): string
{
    $hash = base64_encode(hash_pbkdf2($algo, $pw, base64_decode($saltB64), (int)$rounds, (int)$length, true));
    return ":pbkdf2:$algo:$rounds:$length:$saltB64:$hash";
}

// MediaWiki BcryptPassword::crypt (rounds stored as (int), so no zero padding) + toString.
function pf_mw_bcrypt(string $pw, int $cost, string $salt22): string
{
    $hash = crypt($pw, sprintf('$2y$%02d$%s', $cost, $salt22));
    $parts = explode('$', substr($hash, 4));
    return ':bcrypt:' . (int)$parts[0] . '$' . substr($parts[1], 0, 22) . '$' . substr($parts[1], 22);
}

// MediaWiki LayeredParameterizedPassword::crypt for types [A|B, pbkdf2] (delimiter '!'):
// layer 1 MWOldPassword (md5(pw), or md5(salt-md5(pw)) with a salt argument and $wgPasswordSalt,
// MW 1.24-1.3x) / MWSaltedPassword (md5(salt . '-' . md5(pw))), layer 2 PBKDF2 of that hex.
function pf_mw_layered(string $pw, string $first, string $firstSalt, string $algo, string $rounds, string $length, string $saltB64): string
{
    $last = $firstSalt === '' ? md5($pw) : md5($firstSalt . '-' . md5($pw));
    if ($first === 'B' && $firstSalt === '') {
        throw new InvalidArgumentException('B needs a salt');
    }
    $hash = base64_encode(hash_pbkdf2($algo, $last, base64_decode($saltB64), (int)$rounds, (int)$length, true));
    return ":pbkdf2-legacy$first:" . implode('!', ['', "$algo:$rounds:$length", $firstSalt, $saltB64]) . '!' . $hash;
}

// MediaWiki Password::verify: re-crypt a parsed clone, hash_equals the toString()s.
function pf_mw_check(string $pw, string $stored): bool
{
    if (preg_match('/^:pbkdf2:([^:]+):([^:]+):([^:]+):([^:]+):([^:]+)$/', $stored, $m)) {
        return hash_equals($stored, pf_mw_pbkdf2($pw, $m[1], $m[2], $m[3], $m[4]));
    }
    if (preg_match('/^:bcrypt:([^$]+)\$([^$]+)\$(.*)$/', $stored, $m)) {
        $toString = ':bcrypt:' . (int)$m[1] . '$' . $m[2] . '$' . $m[3];
        return hash_equals($toString, pf_mw_bcrypt($pw, (int)$m[1], $m[2]));
    }
    if (str_starts_with($stored, ':argon2:')) {
        return password_verify($pw, substr($stored, 8));
    }
    if (preg_match('/^:pbkdf2-legacy([AB]):!([^:!]+):([^:!]+):([^:!]+)!([^!]*)!([^!]*)!([^!]*)$/', $stored, $m)) {
        return hash_equals($stored, pf_mw_layered($pw, $m[1], $m[5], $m[2], $m[3], $m[4], $m[6]));
    }
    return false;
}

// phpBB manager::combined_hash_password for an existing salted_md5 ($H$) hash and bcrypt type
// ($2y$ bcrypt_2y / $2a$ bcrypt): bcrypt(phpass digest text), written $H\2y$<H settings>$<cost>\<salt22>$<hash31>.
function pf_phpbb_combined(string $pw, string $phpassSetting, string $bcryptSetting): string
{
    $h = lh_phpass_crypt_private($pw, $phpassSetting);
    $inner = substr($h, 12);
    $b = crypt($inner, $bcryptSetting);
    $ident = substr($bcryptSetting, 1, 2);
    return '$' . $phpassSetting[1] . '\\' . $ident . '$' . substr($phpassSetting, 3, 9) . '$' . substr($bcryptSetting, 4, 2) . '\\' . substr($bcryptSetting, 7, 22) . '$' . substr($b, 29);
}

// phpBB request->variable('password', '', true) as the login passes it to the manager
// (type_cast_helper::set_var, untrimmed): CRLF/CR -> LF, NUL and U+FEFF dropped, htmlspecialchars.
function pf_phpbb_clean(string $v): string
{
    return htmlspecialchars(str_replace(["\r\n", "\r", "\0", "\xEF\xBB\xBF"], ["\n", "\n", '', ''], $v), ENT_COMPAT, 'UTF-8');
}

// phpBB manager::check_combined_hash (helper get_combined_hash_settings / rebuild_hash / combine_hash_output).
function pf_phpbb_check_combined(string $pw, string $hash): bool
{
    if (!preg_match('#^\$([a-zA-Z0-9\\\\]*?)\$#', $hash, $match) || strpos($match[1], '\\') === false) {
        return false;
    }
    $types = explode('\\', $match[1]);
    $settingsStr = substr($hash, strpos($hash, $match[1]) + strlen($match[1]) + 1);
    $settings = [];
    foreach ($types as $t) {
        $pos = strpos($settingsStr, '$');
        $settings[] = substr($settingsStr, 0, ($pos != false) ? $pos : strlen($settingsStr));
        $settingsStr = substr($settingsStr, $pos + 1);
    }
    $prefix = '$';
    $set = '$';
    foreach ($types as $i => $t) {
        $rebuilt = '$' . $t . '$' . str_replace('\\', '$', $settings[$i]);
        $prefix .= ($prefix !== '$' ? '\\' : '') . $t;
        $set .= ($set !== '$' ? '$' : '') . $settings[$i];
        if ($t === 'H' || $t === 'P') {
            $cur = lh_phpass_crypt_private($pw, $rebuilt);
        } elseif ($t === '2y' || $t === '2a') {
            if ($t === '2a' && (ord($pw[strlen($pw) - 1]) & 128)) {
                return false;
            }
            $cur = crypt($pw, $rebuilt);
        } else {
            return false;
        }
        $pw = str_replace($rebuilt, '', $cur);
    }
    return $hash === $prefix . $set . '$' . $pw;
}

// phpBB manager::check for '$CP$' hashes: every legacy driver with the user row
// (md5_phpbb2 with the raw request password, salted_md5, md5_mybb, md5_vb, sha1, sha1_smf,
// sha1_wcf1, bcrypt_wcf2, sha_xf1). $row: user_passwd_salt, login_name.
function pf_phpbb_check_cp(string $pw, string $stored, array $row): bool
{
    if (!str_starts_with($stored, '$CP$')) {
        return false;
    }
    $h = substr($stored, 4);
    $old = addslashes($pw);
    $cp = pf_utf8_to_cp1252($old);
    $salted = fn(string $p) => strlen($h) === 34 ? $h === lh_phpass_crypt_private($p, $h) : md5($p) === $h;
    $checks = [
        (strlen($h) == 32 || strlen($h) == 34) && (md5($old) === $h || md5($cp) === $h || $salted(md5($old)) || $salted(md5($cp))), // md5_phpbb2
        $salted($pw), // salted_md5
        strlen($h) == 32 && isset($row['user_passwd_salt']) && $h === md5(md5($row['user_passwd_salt']) . md5($pw)), // md5_mybb
        strlen($h) == 32 && isset($row['user_passwd_salt']) && $h === md5(md5($pw) . $row['user_passwd_salt']), // md5_vb
        strlen($h) == 40 && $h === sha1($pw), // sha1
        strlen($h) == 40 && isset($row['login_name']) && $h === sha1(strtolower($row['login_name']) . $pw), // sha1_smf
        strlen($h) == 40 && isset($row['user_passwd_salt']) && $h === sha1($row['user_passwd_salt'] . sha1($row['user_passwd_salt'] . sha1($pw))), // sha1_wcf1
        strlen($h) == 60 && $h === crypt(crypt($pw, substr($h, 0, 29)), substr($h, 0, 29)), // bcrypt_wcf2
        (strlen($h) == 40 || strlen($h) == 64) && isset($row['user_passwd_salt']) && ($h === sha1(sha1($pw) . $row['user_passwd_salt']) || $h === hash('sha256', hash('sha256', $pw) . $row['user_passwd_salt'])), // sha_xf1
    ];
    return in_array(true, $checks, true);
}

/** One code point (< U+10000) as UTF-8 (ext/mbstring is not part of the reference toolset). */
function pf_utf8_chr(int $cp): string
{
    if ($cp < 0x80) {
        return chr($cp);
    }
    if ($cp < 0x800) {
        return chr(0xC0 | ($cp >> 6)) . chr(0x80 | ($cp & 0x3F));
    }
    return chr(0xE0 | ($cp >> 12)) . chr(0x80 | (($cp >> 6) & 0x3F)) . chr(0x80 | ($cp & 0x3F));
}

/**
 * mb_strtolower($s, 'UTF-8') for ASCII and Latin-1 Supplement letters (U+00C0-U+00DE except
 * U+00D7: +0x20, Unicode simple case mapping), which is all the SMF vectors use; other bytes kept.
 * (ext/mbstring is not part of the reference toolset.)
 */
function pf_utf8_lower_latin(string $s): string
{
    $map = [];
    for ($c = 0xC0; $c <= 0xDE; $c++) {
        if ($c !== 0xD7) {
            $map[pf_utf8_chr($c)] = pf_utf8_chr($c + 0x20);
        }
    }
    return strtr(strtolower($s), $map);
}

// phpBB includes/utf/data/recode_basic.php utf8_to_cp1252 (strtr over the cp1252 table).
function pf_utf8_to_cp1252(string $s): string
{
    static $t = null;
    if ($t === null) {
        $t = [];
        foreach ([0x20AC => 0x80, 0x201A => 0x82, 0x0192 => 0x83, 0x201E => 0x84, 0x2026 => 0x85, 0x2020 => 0x86, 0x2021 => 0x87, 0x02C6 => 0x88, 0x2030 => 0x89, 0x0160 => 0x8A, 0x2039 => 0x8B, 0x0152 => 0x8C, 0x017D => 0x8E, 0x2018 => 0x91, 0x2019 => 0x92, 0x201C => 0x93, 0x201D => 0x94, 0x2022 => 0x95, 0x2013 => 0x96, 0x2014 => 0x97, 0x02DC => 0x98, 0x2122 => 0x99, 0x0161 => 0x9A, 0x203A => 0x9B, 0x0153 => 0x9C, 0x017E => 0x9E, 0x0178 => 0x9F] as $u => $b) {
            $t[pf_utf8_chr($u)] = chr($b);
        }
        for ($c = 0xA0; $c <= 0xFF; $c++) {
            $t[pf_utf8_chr($c)] = chr($c);
        }
    }
    return strtr($s, $t);
}

// WoltLab DoubleBcrypt::verify, SMF 2.1 hash_verify_password, vBulletin 5 Legacy::verifyPassword.
function pf_forum_check(string $scheme, string $pw, string $stored, array $p): bool
{
    switch ($scheme) {
        case 'xenforo1':
        case 'xenforo-core12': return pf_xenforo_check($pw, $stored);
        case 'mediawiki-pbkdf2':
        case 'mediawiki-bcrypt':
        case 'mediawiki-argon2':
        case 'mediawiki-pbkdf2-legacy': return pf_mw_check($pw, $stored);
        case 'phpbb-convert': return pf_phpbb_check_cp($pw, $stored, $p);
        case 'phpbb-combined': return pf_phpbb_check_combined(pf_phpbb_clean($pw), $stored);
        case 'wcf2':
            $h = preg_replace('/^(?:wcf2|DoubleBcrypt):/i', '', $stored);
            return hash_equals($h, crypt(crypt($pw, $h), $h));
        case 'smf21': return password_verify(pf_utf8_lower_latin((string)$p['username']) . $pw, $stored);
        case 'vbulletin5-token':
            [$hash, $salt] = explode(' ', $stored);
            return $hash == md5(md5($pw) . $salt);
    }
    throw new InvalidArgumentException("no check for '$scheme'");
}
