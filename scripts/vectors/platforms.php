<?php
// Known-answer vectors for the formula-engine platform schemes (src/algorithms/platforms.ts,
// forums.ts, drupal.ts). Prints one vector document on stdout; scripts/generate-vectors.sh writes
// it to test/vectors/platforms.json. Every hash is computed by scripts/ref/platforms.php (PHP 8.2
// running each platform's formula as its source does); published vectors (hashcat 6.2.6 example
// hashes, devise-encryptable and phpBB test suites, formats.md [V-gen]) are re-computed and the
// run fails if one disagrees. Deterministic: fixed salts / lh_det_bytes labels.
declare(strict_types=1);

require __DIR__ . '/../ref/platforms.php';

$vectors = [];
$failed = 0;
$PHP = 'PHP ' . PHP_VERSION;

/** Adds a vector computed by pf_hash; $published = a published value it must equal. */
function add(string $scheme, string $pw, array $params, array $options, string $source, ?string $note = null, ?bool $detect = null, ?string $stored = null, ?string $published = null): void
{
    global $vectors, $failed;
    $hash = $stored ?? pf_hash($scheme, $pw, $params);
    if ($published !== null && $published !== $hash) {
        fwrite(STDERR, "MISMATCH $scheme $note: published $published, PHP $hash\n");
        $failed++;
        return;
    }
    $v = ['scheme' => $scheme, 'passwordHex' => bin2hex($pw)];
    if (lh_is_utf8($pw)) {
        $v['password'] = $pw;
    }
    $v['hash'] = $hash;
    if ($options) {
        $v['options'] = $options;
    }
    $v['match'] = true;
    $v['source'] = $source;
    if ($note !== null) {
        $v['note'] = $note;
    }
    if ($detect === false) {
        $v['detect'] = false;
    }
    $vectors[] = $v;
}

function nomatch(string $scheme, string $pw, string $hash, array $options, string $source, string $note): void
{
    global $vectors;
    $v = ['scheme' => $scheme, 'passwordHex' => bin2hex($pw)];
    if (lh_is_utf8($pw)) {
        $v['password'] = $pw;
    }
    $v += ['hash' => $hash, 'options' => $options, 'match' => false, 'source' => $source, 'note' => $note];
    $vectors[] = $v;
}

$P = "P\u{e4}ssword1!";                      // formats.md's standard password (UTF-8, 11 bytes)
$PASSWORDS = [
    'ascii' => 'hashcat',
    'empty' => '',
    'utf8' => $P,
    'emoji' => "p\u{e4}ss \u{1F600} w\u{f6}rd \u{4E2D}\u{6587}",
    'latin1 bytes (not UTF-8)' => "caf\xe9 cr\xe8me \xff\x80",
    'long (300 bytes)' => str_repeat('0123456789abcdefghijklmnopqrstuvwxyz', 8) . 'ABCDEFGHIJKL',
    'escaped chars' => "a&b\"c<d>e'f!g\$h\\i",
    'IPB <!-- --> <script' => "x<!--y-->z<ScRiPt>\n!",
];

// ---------------- published vectors (re-computed here) ----------------
$HC = 'hashcat 6.2.6 --example-hashes mode ';
add('drupal7', 'hashcat', ['setting' => '$S$C20340258'], [], $HC . '7900', 'published', null, null, '$S$C20340258nzjDWpoQthrdNTR02f0pmev0K/5/Nx80WSkOQcPEQRh');
add('drupal7', $P, ['setting' => '$S$DabcdefgH'], [], 'formats.md §13 [V-gen], ' . $PHP, null, null, null, '$S$DabcdefgHyMIbupOTY8/AE1XyfRaE8Vkenkl4Qdxa1twcsElMyr/');
add('drupal-md5-upgraded', $P, ['setting' => '$S$DabcdefgH'], [], 'formats.md §13 [V-gen], ' . $PHP, null, null, null, 'U$S$DabcdefgHwvsGBwc3dXvFDyAzi2OYXc8YT1tZ7zFJ0.DQou7SJP9');
add('joomla-md5', 'hashcat', ['salt' => '89384528665349271307465505333378'], [], $HC . '11', 'published', null, null, 'b78f863f2c67410c41e617f724e22f34:89384528665349271307465505333378');
add('magento1', 'hashcat', ['salt' => '00'], ['platform' => 'oscommerce'], $HC . '21 (osCommerce, xt:Commerce)', 'published', null, null, 'e983672a03adcc9767b24584338eb378:00');
add('prestashop', 'hashcat', ['pepper' => '27167508161455764247627144160038845437138252877014827848'], ['pepper' => '27167508161455764247627144160038845437138252877014827848'], $HC . '11000', 'published', null, null, 'f22cade043e7214200206dbffca49fd9');
add('opencart', 'hashcat', ['salt' => '827500576'], ['salt' => '827500576'], $HC . '13900', 'published', null, null, '058c1c3773340c8563421e2b17e60eb7c916787e');
add('vbulletin', 'hashcat', ['salt' => '308'], ['salt' => '308'], $HC . '2611', 'published, 3-char salt', null, null, '28f9975808ae2bdc5847b1cda26033ea');
add('vbulletin', 'hashcat', ['salt' => '324410183853308365427804872426'], ['salt' => '324410183853308365427804872426'], $HC . '2711', 'published, 30-char salt', null, null, '0844fbb2fdeda31884a7a45ec2010bb6');
add('mybb', 'hashcat', ['salt' => '67588'], ['salt' => '67588'], $HC . '2811', 'published', null, null, '022f7e02b3314f7d0968f73c00ba759f');
add('smf', 'hashcat', ['username' => '25551135'], ['username' => '25551135'], $HC . '121', 'published', null, null, 'd27c0a627a45db487af161fcc3a4005d88eb8a1f');
add('mediawiki-b', 'hashcat', [], [], $HC . '3711', 'published ($B$ form)', null, '$B$2152187716$8c8b39c3602b194eeeb6cac78eea2742', null);
add('redmine', 'hashcat', ['salt' => '28246535720688452723483475753333'], ['salt' => '28246535720688452723483475753333'], $HC . '4521', 'published', null, null, 'c18e826af2a78c7b9b7261452613233417e65817');
add('wcf1', 'hashcat', ['salt' => '5037864764153886517871426607441768004150'], ['salt' => '5037864764153886517871426607441768004150', 'platform' => 'wcf'], $HC . '8400', 'published', null, null, '7f8d1951fe48ae3266980c2979c141f60e4415e5');
$DE = 'heartcombo/devise-encryptable test/devise/encryptable/encryptors_test.rb';
add('authlogic-sha512', '123mudar', ['salt' => 'usZK_z_EAaF61Gwkw-ed'], ['salt' => 'usZK_z_EAaF61Gwkw-ed'], $DE, 'published', null, null, 'b623c3bc9c775b0eb8edb218a382453396fec4146422853e66ecc4b6bc32d7162ee42074dcb5f180a770dc38b5df15812f09bbf497a4a1b95fe5e7d2b8eb7eb4');
add('restful-authentication-sha1', '123mudar', ['salt' => '48901d2b247a54088acb7f8ea3e695e50fe6791b', 'pepper' => 'fee9a51ec0a28d11be380ca6dee6b4b760c1a3bf'], ['salt' => '48901d2b247a54088acb7f8ea3e695e50fe6791b', 'pepper' => 'fee9a51ec0a28d11be380ca6dee6b4b760c1a3bf'], $DE, 'published', null, null, '93110f71309ce91366375ea44e2a6f5cc73fa8d4');
add('clearance-sha1', '123mudar', ['salt' => '65c58472c207c829f28c68619d3e3aefed18ab3f'], ['salt' => '65c58472c207c829f28c68619d3e3aefed18ab3f'], $DE, 'published', null, null, '0f40bbae18ddefd7066276c3ef209d40729b0378');
$PB = 'phpbb/phpbb tests/passwords/manager_test.php';
add('mybb', 'foobar', ['salt' => 'yeOtfFO6'], ['salt' => 'yeOtfFO6'], $PB . ' (md5_mybb)', 'published', null, null, 'b86ee7e24008bfd2890dcfab1ed31333');
add('vbulletin', 'foobar', ['salt' => '9^F'], ['salt' => '9^F'], $PB . ' (md5_vb)', 'published', null, null, 'b452c54c44c588fc095d2d000935c470');
add('vbulletin', 'foobar', ['salt' => 'iaU*U%`CBl;/e~>D%do2m@Xf/,KZB0'], ['salt' => 'iaU*U%`CBl;/e~>D%do2m@Xf/,KZB0'], $PB . ' (md5_vb)', 'published, 30-char printable salt', null, null, 'f23a8241bd115d270c703213e3ef7f52');
add('wcf1', 'foobar', ['salt' => '1a783e478d63f6422783a868db667aed3a857840'], ['salt' => '1a783e478d63f6422783a868db667aed3a857840', 'platform' => 'wcf'], $PB . ' (sha1_wcf1)', 'published', null, null, 'fc46b9d9386167ce365ea3b891bf5dc31ddcd3ff');
add('smf', 'foobar', ['username' => 'test'], ['username' => 'test'], $PB . ' (sha1_smf)', 'published', null, null, '6f9e2a1899e1f15708fd2e554103480eb53e8b57');
$FM = 'formats.md [V-gen] (' . $PHP . ')';
add('prestashop', $P, ['pepper' => 'RoWmSg7eN0ZOsHV0xGt5jLkrwSRjhF1o1jDqNJKDjoTqh4F6i0OVDXbX'], ['pepper' => 'RoWmSg7eN0ZOsHV0xGt5jLkrwSRjhF1o1jDqNJKDjoTqh4F6i0OVDXbX'], $FM, null, null, null, '5c94fbd4457a73d1568705ecdfe4c501');
add('opencart', "a&b\"c<d>e'f", ['salt' => 'Xy7Qp2Lm9'], ['salt' => 'Xy7Qp2Lm9'], $FM, 'typed a&b"c<d>e\'f, hashed HTML-escaped', null, null, 'ed46fe3af6f1be291c9086f998e122dad0824810');
add('shopware-sha256', $P, ['salt' => 'abcdefghijklmnopqrstuv', 'iterations' => '1000'], [], $FM . ', also Shopware 5 Sha256 encoder', null, null, null, '1000:abcdefghijklmnopqrstuv:52535542be2ae8c982b4f664e0c45db08bdc66f1e8b97d49759a3a88ba8d8a81');
add('joomla-md5', $P, ['salt' => 'saltsalt'], ['platform' => 'shopware'], $FM . ' (Shopware md5 salted)', null, null, null, '669b17cb9c037d53ec3557f520381d28:saltsalt');
add('shopware-legacy-backend-md5', $P, [], ['platform' => 'shopware'], $FM, null, null, null, 'd9ef2f3d3921ecf14c1237c5f6882844');
add('nopcommerce-sha1', $P, ['salt' => 'n0PsAlT='], ['salt' => 'n0PsAlT='], $FM, null, null, null, 'FA99373981313C21DBBC9C2CD0436F34B3610210');
add('nopcommerce-sha512', $P, ['salt' => 'n0PsAlT='], ['salt' => 'n0PsAlT='], $FM, null, null, null, '4020A51489EA68B4B45D350D2ADF936AC4B6EDBB5FFD4AA5179A6690BD42F49C3AD5D52D565000B4E02ECD9CC72EC6E819DB32478518BFCF487984F702603BF9');
add('symfony-message-digest', $P, ['salt' => 'k2x9s8c7t1'], ['salt' => 'k2x9s8c7t1'], $FM, null, null, null, 'WG7Hx1KvxDseOjxniQBonKV2yGxx+SqH9PA/IToXNQTz4wy2k4kPJzLsnDf5rMaP+H84S4WI6LddsX+H2dW+SA==');
add('symfony-pbkdf2', $P, ['salt' => 'k2x9s8c7t1'], ['salt' => 'k2x9s8c7t1'], $FM, null, null, null, 'Ng1IXcT5lLkyLTudLRw2D0tT+bCjjm9usj5fMjjGyyDk8lgzUw8BHw==');
add('magento1', $P, ['salt' => '92e4accd3d41d63fe7698c06c990e5a78916d6dfe3f6d498e46d9db1128c2ac9', 'algo' => 'sha256'], ['platform' => 'zencart'], $FM . ' (Zen Cart compatSha256)', null, null, null, '56dbcf2ebb52fe4974cde126b430841e3f31ac8dfca57a48b8bbfa56bfd0b585:92e4accd3d41d63fe7698c06c990e5a78916d6dfe3f6d498e46d9db1128c2ac9');
add('magento1', $P, ['salt' => '4f'], ['platform' => 'zencart'], $FM . ' (Zen Cart / osCommerce oldMd5)', null, null, null, 'c5f62ea95d3a3da8fc5776e2a8ffbc1a:4f');
add('joomla-sha256', $P, ['salt' => 'Jo0mlaSaltSixteen'], [], $FM, null, null, null, '{SHA256}aa1839091460864e4f5fd6e604f796fa9066808e4447a7aa90fba6b89c150399:Jo0mlaSaltSixteen');
add('ipb', "p@\$\$w0rd!<\"'&\\", ['salt' => 'a1B2c'], ['salt' => 'a1B2c'], $FM, 'legacyEscape changes the password', null, null, '71f9251c9355e63e75a7723c694269e6');
add('smf', $P, ['username' => 'JohnDoe'], ['username' => 'JohnDoe'], $FM, 'mixed-case username lower-cased', null, null, '54031a78bd0cb3fc9c8d63e8036078a9abdefcac');
add('mediawiki-a', $P, [], [], $FM, null, null, null, ':A:8a90cd951b1d8e473d4d502311c48b1e');
add('mediawiki-b', $P, ['salt' => '1a2b3c4d'], [], $FM, null, null, null, ':B:1a2b3c4d:14fa0f2c5024980acdc1a1f1d478af45');
add('devise-bcrypt', $P, [], ['pepper' => 'pepp3r'], $FM, 'cost 10', null, '$2a$10$abcdefghijklmnopqrstuuqeG5Sc8bqw.2a.SdYTh0/7eRpoXhiIG', null);

// ---------------- generated: each scheme over the password set ----------------
$GEN = $PHP . ' running scripts/ref/platforms.php';
$salt = fn(string $label, int $n) => substr(bin2hex(lh_det_bytes($label, $n)), 0, $n);
$alnum = function (string $label, int $n): string {
    $chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    $out = '';
    foreach (str_split(lh_det_bytes($label, $n)) as $b) {
        $out .= $chars[ord($b) % 62];
    }
    return $out;
};
foreach ($PASSWORDS as $label => $pw) {
    $s32 = $alnum("salt32 $label", 32);
    // Drupal: $S$ at the low count (2^7) and the D7/D8 defaults' count chars.
    $log2 = $label === 'ascii' ? 14 : 7;
    add('drupal7', $pw, ['setting' => pf_drupal_setting('$S$', $log2, "drupal $label")], [], $GEN . ' (Drupal 7 _password_crypt)', $label);
    add('drupal-md5-upgraded', $pw, ['setting' => pf_drupal_setting('$S$', 7, "drupalU $label")], [], $GEN . ' (Drupal 7 user_update_7000 + _password_crypt)', "U\$S\$ $label");
    // Empty password: md5('' . salt) is also Magento's md5(salt . ''), so the shape alone cannot tell.
    add('joomla-md5', $pw, ['salt' => $s32], [], $GEN . ' (Joomla 1.5 getCryptedPassword md5-hex)', $label, $pw === '' ? false : null);
    add('joomla-sha256', $pw, ['salt' => $alnum("j256 $label", 16)], [], $GEN . ' (Joomla 3.2.0 {SHA256})', $label);
    add('shopware-sha256', $pw, ['salt' => $alnum("sw $label", 22), 'iterations' => $label === 'ascii' ? '100000' : '1000'], [], $GEN . ' (Shopware Sha256::generateInternal)', $label);
    add('shopware-legacy-backend-md5', $pw, [], ['platform' => 'shopware'], $GEN . ' (Shopware LegacyBackendMd5)', $label);
    $pep = $alnum("cookie $label", 56);
    add('prestashop', $pw, ['pepper' => $pep], ['pepper' => $pep], $GEN . ' (PrestaShop 1.6 Tools::encrypt)', $label);
    $oc = $alnum("oc $label", 9);
    add('opencart', $pw, ['salt' => $oc, 'variant' => lh_is_utf8($pw) ? '1.5.4-3.0.4' : '1.5.0-1.5.4-php5.3'], ['salt' => $oc], $GEN . ' (OpenCart 1.5.4-3.0.4 Request::clean + customer login)', $label);
    foreach (['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as $alg) {
        $ns = base64_encode(lh_det_bytes("nop $alg $label", 5));
        add("nopcommerce-$alg", $pw, ['salt' => $ns], ['salt' => $ns], $GEN . ' (nopCommerce EncryptionService.CreatePasswordHash)', $label);
    }
    $sy = base_convert(substr(bin2hex(lh_det_bytes("sylius $label", 20)), 0, 13), 16, 36);
    add('symfony-message-digest', $pw, ['salt' => $sy], ['salt' => $sy], $GEN . ' (Symfony MessageDigestPasswordHasher)', $label);
    $ds = $alnum("devise $label", 20);
    add('authlogic-sha512', $pw, ['salt' => $ds], ['salt' => $ds], $GEN . ' (Authlogic Sha512, 20 stretches)', $label);
    add('devise-sha512', $pw, ['salt' => $ds, 'pepper' => 'site-pepper'], ['salt' => $ds, 'pepper' => 'site-pepper'], $GEN . ' (devise-encryptable Sha512, 10 stretches)', $label);
    add('devise-sha1', $pw, ['salt' => $ds], ['salt' => $ds], $GEN . ' (devise-encryptable Sha1, 10 stretches, nil pepper)', $label);
    $vb = $label === 'ascii' ? 'a\'"' : $alnum("vb $label", 30);
    add('vbulletin', $pw, ['salt' => $vb], ['salt' => $vb], $GEN . ' (vBulletin md5(md5(pw).salt))', $label);
    $mb = $alnum("mybb $label", 8);
    add('mybb', $pw, ['salt' => $mb], ['salt' => $mb], $GEN . ' (MyBB salt_password)', $label);
    $ip = $alnum("ipb $label", 5);
    add('ipb', $pw, ['salt' => $ip], ['salt' => $ip, 'platform' => 'ipb'], $GEN . ' (IPS4 Member::encryptedPassword legacy)', $label);
    add('smf', $pw, ['username' => 'Admin_User'], ['username' => 'Admin_User'], $GEN . ' (SMF 2.0 sha1(strtolower(member_name).pw))', $label);
    add('mediawiki-a', $pw, [], [], $GEN . ' (MediaWiki MWOldPassword)', $label);
    add('mediawiki-b', $pw, ['salt' => $salt("mw $label", 8)], [], $GEN . ' (MediaWiki MWSaltedPassword)', $label);
    add('mediawiki-old-salted', $pw, ['salt' => '12345'], ['salt' => '12345', 'platform' => 'mediawiki'], $GEN . ' (MediaWiki < 1.13 with $wgPasswordSalt, user_id 12345)', $label);
    $rs = $salt("redmine $label", 32);
    add('redmine', $pw, ['salt' => $rs], ['salt' => $rs], $GEN . ' (Redmine User.hash_password / salt_password)', $label);
    $ws = $salt("wcf $label", 40);
    add('wcf1', $pw, ['salt' => $ws], ['salt' => $ws, 'platform' => 'wcf'], $GEN . ' (WCF1 sha1 chain)', $label);
}

// ---------------- edge cases ----------------
$oc = 'Ab3dE6gH9';
add('opencart', "  padded & spaced\t", ['salt' => $oc, 'variant' => '3.0.5+'], ['salt' => $oc], $GEN . ' (OpenCart 3.0.5+ trim(htmlspecialchars()))', 'trimmed after escaping');
add('opencart', "  padded & spaced\t", ['salt' => $oc, 'variant' => '2.0.0.0'], ['salt' => $oc], $GEN . ' (OpenCart 2.0.0.0 htmlspecialchars(trim()))', 'trimmed before escaping');
add('opencart', "a&b<c> ", ['salt' => $oc, 'variant' => '4.x'], ['salt' => $oc], $GEN . ' (OpenCart 4.x legacy check on html_entity_decode(clean(pw)))', '4.x: raw (decoded, trimmed) password');
add('opencart', "a&amp;b", ['salt' => $oc], ['salt' => $oc], $GEN, 'typed entity text is escaped again (double_encode)');
add('opencart-md5', "a&b\"c<d>e'f", [], ['platform' => 'opencart'], $GEN . ' (OpenCart <= 1.5.3 md5 of the cleaned password)', 'escaped md5');
add('opencart-md5', "R&D <2012>", [], [], $GEN . ' (OpenCart <= 1.5.3 md5 of the cleaned password)', 'escaped md5 without platform hint');
add('opencart-md5', " p&w ", ['variant' => '4.x'], ['platform' => 'opencart'], $GEN . ' (OpenCart 4.x md5 fallback on the decoded, trimmed password)', '4.x trimmed raw');
add('shopware-sha256', $P, ['salt' => 'a.b/c=d+e', 'iterations' => '0'], [], $GEN, '0 iterations = 1 round');
add('shopware-sha256', '', ['salt' => '', 'iterations' => '1'], [], $GEN, 'empty salt and password');
add('joomla-md5', $P, ['salt' => ''], [], $GEN, 'empty salt after the colon', false);
add('symfony-message-digest', $P, ['salt' => ''], [], $GEN . ' (mergePasswordAndSalt: empty salt -> no braces)', 'no salt');
add('symfony-message-digest', $P, ['salt' => '0'], ['salt' => '0'], $GEN . ' (mergePasswordAndSalt: "0" is falsy in PHP)', 'salt "0" is ignored');
add('symfony-message-digest', $P, ['salt' => 'k2x9', 'iterations' => 1], ['salt' => 'k2x9', 'params' => ['iterations' => 1]], $GEN, 'iterations 1 (params.iterations)');
add('symfony-pbkdf2', '', ['salt' => 'abc'], ['salt' => 'abc'], $GEN . ' (Symfony Pbkdf2PasswordHasher)', 'empty password');
add('symfony-pbkdf2', "caf\xe9", [], [], $GEN . ' (Symfony Pbkdf2PasswordHasher)', 'no salt, latin-1 bytes');
add('authlogic-sha512', $P, ['salt' => 'xyz', 'stretches' => 3], ['salt' => 'xyz', 'params' => ['stretches' => 3]], $GEN, 'params.stretches 3');
add('devise-sha1', $P, ['salt' => 'xyz', 'pepper' => 'pep', 'stretches' => 1], ['salt' => 'xyz', 'pepper' => 'pep', 'params' => ['stretches' => 1]], $GEN, 'stretches 1 with pepper');
add('devise-bcrypt', $P, ['pepper' => 'pepp3r', 'salt22' => 'abcdefghijklmnopqrstuu', 'cost' => 4], ['pepper' => 'pepp3r'], $GEN . ' (crypt of pw . pepper)', 'cost 4');
add('devise-bcrypt', '', ['pepper' => "\u{e9}t\u{e9}", 'salt22' => 'ABCDEFGHIJKLMNOPQRSTUu', 'cost' => 4], ['pepper' => "\u{e9}t\u{e9}"], $GEN . ' (crypt of pw . pepper)', 'empty password, UTF-8 pepper');
add('nopcommerce-sha1', $P, ['salt' => 'n0PsAlT='], ['salt' => 'n0PsAlT=', 'platform' => 'nopcommerce'], $GEN, 'platform hint');
add('magento1', $P, ['salt' => 'a7'], ['platform' => 'xtcommerce'], $GEN . ' (xt:Commerce / osCommerce tep_encrypt_password)', 'xt:Commerce');
add('smf', $P, ['username' => "\u{c4}dmin"], ['username' => "\u{c4}dmin"], $GEN . ' (strtolower is byte-wise ASCII in PHP 8)', 'non-ASCII username keeps its case');
add('vbulletin', "\u{fc}ber", ['salt' => '!~`'], ['salt' => '!~`'], $GEN, 'punctuation salt');
add('mediawiki-b', $P, [], [], $GEN, ':A:salt:hash form', null, ':A:abc123:' . md5('abc123-' . md5($P)));
add('drupal7', $P, ['setting' => pf_drupal_setting('$S$', 16, 'drupal8')], [], $GEN . ' (Drupal 8 default count E)', '2^16');
add('drupal-md5-upgraded', $P, [], [], $GEN . ' (U$P$: phpass md5 of md5(pw))', 'U$P$', null, 'U' . pf_drupal_crypt('md5', md5($P), pf_drupal_setting('$P$', 8, 'uP')));
add('drupal-md5-upgraded', $P, [], [], $GEN . ' (U$H$)', 'U$H$', null, 'U' . pf_drupal_crypt('md5', md5($P), pf_drupal_setting('$H$', 9, 'uH')));

// Reference-confirmed non-matches.
nomatch('joomla-md5', 'hashcat', md5('00hashcat') . ':00', [], $GEN, 'osCommerce order md5(salt.pw) is not Joomla md5(pw.salt)');
nomatch('opencart', "a&b", sha1('Xy7Qp2Lm9' . sha1('Xy7Qp2Lm9' . sha1("a&#039;b"))), ['salt' => 'Xy7Qp2Lm9'], $GEN, "ENT_QUOTES escaping is not what OpenCart 1.5-3 did");
nomatch('ipb', "a'b", md5(md5('s') . md5("a'b")) . '', ['salt' => 's', 'platform' => 'ipb'], $GEN, 'IPS hashes the escaped password, never the raw one');
nomatch('symfony-message-digest', $P, pf_symfony_md($P, 'k2x9s8c7t1'), ['salt' => 'k2x9s8c7t2'], $GEN, 'wrong salt');

if ($failed > 0) {
    fwrite(STDERR, "$failed published vector(s) disagree\n");
    exit(1);
}
echo json_encode([
    'description' => 'Formula-engine platform schemes: Drupal $S$/U$, Joomla, OpenCart, PrestaShop, Shopware, nopCommerce, Symfony, Authlogic/Devise, osCommerce/Zen Cart/xt:Commerce (magento1), vBulletin, MyBB, IPB, SMF, MediaWiki, Redmine/PunBB, WCF1',
    'generator' => 'scripts/vectors/platforms.php',
    'vectors' => $vectors,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n";
